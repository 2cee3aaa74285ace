//! `mfx backup` and `mfx restore` as an operator runs them: a backup taken while editors write
//! through a running `mfx serve` holds every write acknowledged before it began, and restores
//! into a new database whole and serving; damaged, foreign and misplaced files, and databases
//! that are not empty, are refused with a message that says what is wrong, and change nothing;
//! a backup that is interrupted or fails leaves no file under the name asked for.

mod postgres;

use crate::cli::{run, start};
use crate::support::{Backend, TestDatabase, mfx};
use diesel::connection::SimpleConnection;
use diesel::pg::{Pg, PgConnection};
use diesel::sql_types::{BigInt, Text};
use diesel::sqlite::{Sqlite, SqliteConnection};
use diesel::{Connection, QueryableByName, RunQueryDsl};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const EDITOR: &str = "lars@example.se";
const PASSWORD: &str = "a long enough password";
const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Adds the editor (which migrates and seeds the database).
fn add_editor(db: &TestDatabase) {
    let args = ["user", "add", "--email", EDITOR, "--partner", "orebro", "--role", "editor", "--password-stdin"];
    let added = run(mfx(db).args(args), Some(&format!("{PASSWORD}\n")));
    assert!(added.status.success(), "mfx user add: {}", text(&added.stderr));
}

fn backup(db: &TestDatabase, file: &Path) -> Output {
    run(mfx(db).arg("backup").arg(file), None)
}

fn restore(db: &TestDatabase, file: &Path) -> Output {
    run(mfx(db).arg("restore").arg(file), None)
}

/// The command stopped (exit code 1) with a message that says `what` and that nothing changed.
fn assert_refused(output: &Output, what: &str) {
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "refused: {stderr}");
    assert!(stderr.contains(what), "the message says {what:?}: {stderr}");
    assert!(stderr.contains("Nothing was changed."), "{stderr}");
    assert!(text(&output.stdout).is_empty(), "nothing restored: {}", text(&output.stdout));
}

/// The files of a folder whose names end with `.partial`.
fn partials(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries.flatten().map(|e| e.path()).filter(|p| p.to_string_lossy().ends_with(".partial")).collect()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------- reading a database directly

enum Conn {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

#[derive(QueryableByName)]
struct Practice {
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Text)]
    title: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

impl Conn {
    fn open(db: &TestDatabase, backend: Backend) -> Conn {
        match backend {
            Backend::Sqlite => Conn::Sqlite(SqliteConnection::establish(&db.url).expect("open SQLite")),
            Backend::Postgres => Conn::Pg(PgConnection::establish(&db.url).expect("open PostgreSQL")),
        }
    }

    fn rows<T>(&mut self, sql: &str) -> Vec<T>
    where
        T: QueryableByName<Sqlite> + QueryableByName<Pg> + 'static,
    {
        match self {
            Conn::Sqlite(c) => diesel::sql_query(sql).load(c).unwrap_or_else(|e| panic!("{sql}: {e}")),
            Conn::Pg(c) => diesel::sql_query(sql).load(c).unwrap_or_else(|e| panic!("{sql}: {e}")),
        }
    }

    fn count(&mut self, sql: &str) -> i64 {
        self.rows::<Count>(sql).first().map_or(-1, |c| c.n)
    }

    /// Every practice, by id, with its title.
    fn practices(&mut self) -> HashMap<String, String> {
        self.rows::<Practice>(
            "SELECT d.id AS id, t.title AS title FROM documents d JOIN document_texts t ON t.document_id = d.id \
             WHERE d.kind = 'practice'",
        )
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect()
    }
}

// ---------------------------------------------------------------- a backup under load

/// One attempt to create a practice.
#[derive(Debug, Clone)]
struct Write {
    title: String,
    sent: Instant,
    /// The id and the moment of the 201, when it came.
    acknowledged: Option<(String, Instant)>,
    status: Option<StatusCode>,
}

async fn sign_in(client: &reqwest::Client, base: &str) -> String {
    let reply: Value = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "email": EDITOR, "password": PASSWORD }))
        .send()
        .await
        .expect("sign in")
        .json()
        .await
        .expect("json");
    reply["access_token"].as_str().unwrap_or_else(|| panic!("an access token: {reply}")).to_owned()
}

/// `writers` editors creating practices until `stop` is set.
fn write_load(
    base: &str,
    token: &str,
    writers: usize,
    writes: &Arc<Mutex<Vec<Write>>>,
    stop: &Arc<AtomicBool>,
) -> tokio::task::JoinSet<()> {
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..writers {
        let (writes, stop, token, url) =
            (writes.clone(), stop.clone(), token.to_owned(), format!("{base}/api/v1/practices"));
        tasks.spawn(async move {
            let client = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().expect("client");
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let title = format!("Backed-up practice {n}-{i}");
                let body = json!({ "text": { "title": title, "summary": "Microcredit with mentoring. ".repeat(6) } });
                let sent = Instant::now();
                let response = client.post(&url).bearer_auth(&token).json(&body).send().await;
                let status = response.as_ref().ok().map(reqwest::Response::status);
                let mut acknowledged = None;
                if let Ok(response) = response
                    && response.status() == StatusCode::CREATED
                {
                    let created: Value = response.json().await.expect("json");
                    acknowledged = Some((created["id"].as_str().expect("id").to_owned(), Instant::now()));
                }
                writes.lock().expect("writes").push(Write { title, sent, acknowledged, status });
            }
        });
    }
    tasks
}

/// Copies a folder (a search index) to a new place.
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("read folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

async fn a_backup_under_load_restores_every_acknowledged_write(backend: Backend) {
    let source = TestDatabase::create(backend);
    add_editor(&source);
    let server = start(mfx(&source), 2, Stdio::null());
    let client = reqwest::Client::new();
    let token = sign_in(&client, &server.base).await;
    // A practice with a file: files live in the database, so the backup holds them.
    let with_file: Value = client
        .post(format!("{}/api/v1/practices", server.base))
        .bearer_auth(&token)
        .json(&json!({ "text": { "title": "Minutes attached", "summary": "With the minutes." } }))
        .send()
        .await
        .expect("create")
        .json()
        .await
        .expect("json");
    let practice = with_file["id"].as_str().expect("id").to_owned();
    let minutes = PDF.repeat(200);
    let uploaded: Value = client
        .post(format!("{}/api/v1/practices/{practice}/attachments", server.base))
        .bearer_auth(&token)
        .query(&[("filename", "minutes.pdf")])
        .header("content-type", "application/octet-stream")
        .body(minutes.clone())
        .send()
        .await
        .expect("upload")
        .json()
        .await
        .expect("json");
    let attachment = uploaded["id"].as_str().unwrap_or_else(|| panic!("uploaded: {uploaded}")).to_owned();
    let (writes, stop) = (Arc::new(Mutex::new(Vec::new())), Arc::new(AtomicBool::new(false)));
    let mut load = write_load(&server.base, &token, 4, &writes, &stop);
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let file = source.data_dir().join("platform.backup");
    let mut command = mfx(&source);
    command.arg("backup").arg(&file);
    let began = Instant::now();
    let made = tokio::task::spawn_blocking(move || run(&mut command, None)).await.expect("backup");
    let ended = Instant::now();
    assert!(made.status.success(), "mfx backup: {}", text(&made.stderr));
    assert!(text(&made.stdout).contains("written to"), "{}", text(&made.stdout));
    tokio::time::sleep(Duration::from_millis(1000)).await;
    stop.store(true, Ordering::Relaxed);
    while load.join_next().await.is_some() {}
    drop(server);

    let writes = writes.lock().expect("writes").clone();
    let before: Vec<&Write> =
        writes.iter().filter(|w| w.acknowledged.as_ref().is_some_and(|(_, at)| *at < began)).collect();
    let after: Vec<&Write> = writes.iter().filter(|w| w.sent > ended).collect();
    eprintln!(
        "{backend:?}: the backup took {:.2} s under load; {} writes, {} acknowledged before it began, {} sent after it ended",
        (ended - began).as_secs_f64(),
        writes.len(),
        before.len(),
        after.len()
    );
    assert!(before.len() >= 5 && !after.is_empty(), "the load wrote before and after the backup");
    for write in &writes {
        assert_eq!(write.status, Some(StatusCode::CREATED), "writes go on during a backup: {write:?}");
    }

    // An index made from the source database, left where the restored one's will be: the
    // restore rebuilds it from the restored data rather than keep it.
    let target = TestDatabase::create(backend);
    if backend == Backend::Sqlite {
        copy_folder(&source.data_dir().join("search"), &target.data_dir().join("search"));
    }
    let restored = restore(&target, &file);
    let stdout = text(&restored.stdout);
    assert!(restored.status.success(), "mfx restore: {}", text(&restored.stderr));
    eprintln!("{backend:?}: {}", stdout.trim());

    let mut conn = Conn::open(&target, backend);
    let practices = conn.practices();
    for write in &before {
        let (id, _) = write.acknowledged.as_ref().expect("acknowledged");
        assert_eq!(practices.get(id), Some(&write.title), "a write acknowledged before the backup is in it");
    }
    let sent_after: HashSet<&str> = after.iter().map(|w| w.title.as_str()).collect();
    let mut attempted: HashSet<&str> = writes.iter().map(|w| w.title.as_str()).collect();
    attempted.insert("Minutes attached");
    for title in practices.values() {
        assert!(!sent_after.contains(title.as_str()), "{title} was written after the backup ended");
        assert!(attempted.contains(title.as_str()), "{title} was never written");
    }
    // Nothing half-written: every document has its text, its first revision and its change.
    for orphan in [
        "SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_texts t WHERE t.document_id = d.id)",
        "SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_revisions r WHERE r.document_id = d.id)",
        "SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM content_changes c WHERE c.document_id = d.id)",
    ] {
        assert_eq!(conn.count(orphan), 0, "{orphan}");
    }
    assert_eq!(
        conn.count("SELECT value AS n FROM content_stamp"),
        conn.count("SELECT max(seq) AS n FROM content_changes"),
        "the change log ends at the stamp"
    );
    if let Conn::Sqlite(c) = &mut conn {
        let check: Vec<Line> = diesel::sql_query("SELECT integrity_check AS line FROM pragma_integrity_check")
            .load(c)
            .expect("integrity check");
        assert_eq!(check.iter().map(|l| l.line.as_str()).collect::<Vec<_>>(), ["ok"]);
        assert_eq!(conn.count("SELECT count(*) AS n FROM pragma_foreign_key_check"), 0);
    }
    let documents = conn.count("SELECT count(*) AS n FROM documents");
    assert!(
        stdout.contains(&format!("6 partner(s), 2 account(s), {documents} document(s), 1 attachment(s)")),
        "{stdout}"
    );
    if backend == Backend::Sqlite {
        assert!(stdout.contains(&format!("rebuilt from the restored data: {documents} document(s)")), "{stdout}");
    } else {
        assert!(stdout.contains("builds it in"), "{stdout}");
    }
    drop(conn);

    // The restored platform serves: the editor signs in and reads what was written.
    let server = start(mfx(&target), 1, Stdio::null());
    let token = sign_in(&client, &server.base).await;
    let (id, _) = before[0].acknowledged.as_ref().expect("acknowledged");
    let read = client.get(format!("{}/api/v1/practices/{id}", server.base)).bearer_auth(&token).send().await;
    let read: Value = read.expect("read").json().await.expect("json");
    assert_eq!(read["text"]["title"], before[0].title.as_str(), "{read}");
    let file = client
        .get(format!("{}/api/v1/practices/{practice}/attachments/{attachment}", server.base))
        .bearer_auth(&token)
        .send()
        .await
        .expect("download");
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.bytes().await.expect("bytes").as_ref(), minutes.as_slice(), "the file came back whole");
}

#[actix_web::test]
async fn a_backup_under_load_restores_every_acknowledged_write_on_sqlite() {
    a_backup_under_load_restores_every_acknowledged_write(Backend::Sqlite).await;
}

#[actix_web::test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
async fn a_backup_under_load_restores_every_acknowledged_write_on_postgres() {
    a_backup_under_load_restores_every_acknowledged_write(Backend::Postgres).await;
}

// ---------------------------------------------------------------- files and databases refused

/// A database with content, and a backup of it.
fn backed_up(backend: Backend) -> (TestDatabase, PathBuf) {
    let source = TestDatabase::create(backend);
    add_editor(&source);
    let seeded = run(mfx(&source).arg("seed-demo"), None);
    assert!(seeded.status.success(), "{}", text(&seeded.stderr));
    let file = source.data_dir().join("good.backup");
    let made = backup(&source, &file);
    assert!(made.status.success(), "{}", text(&made.stderr));
    (source, file)
}

#[test]
fn damaged_and_foreign_files_are_refused_and_change_nothing() {
    let (source, good) = backed_up(Backend::Sqlite);
    let bytes = std::fs::read(&good).expect("the backup");
    let dir = source.data_dir();
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));

    let truncated = dir.join("truncated.backup");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    let mut overwritten = bytes.clone();
    for byte in &mut overwritten[page * 3..page * 6] {
        *byte = 0xab;
    }
    let damaged = dir.join("damaged.backup");
    std::fs::write(&damaged, &overwritten).expect("write");
    let foreign = dir.join("recipes.sqlite3");
    SqliteConnection::establish(&foreign.display().to_string())
        .expect("open")
        .batch_execute("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('polenta');")
        .expect("a database of another application");
    let random = dir.join("random.backup");
    std::fs::write(&random, (0..65_536_u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect::<Vec<_>>())
        .expect("write");
    let other_kind = dir.join("postgres.backup");
    std::fs::write(&other_kind, b"PGDMP\x01\x0e\x00\x04\x08\x01\x01 not really a dump").expect("write");
    let newer = dir.join("newer.backup");
    std::fs::copy(&good, &newer).expect("copy");
    SqliteConnection::establish(&newer.display().to_string())
        .expect("open")
        .batch_execute("INSERT INTO __diesel_schema_migrations (version) VALUES ('29991231000000')")
        .expect("a migration of the future");

    for (file, what) in [
        (&truncated, "is truncated"),
        (&damaged, "is damaged"),
        (&foreign, "is not a backup of this application: it lacks the tables __diesel_schema_migrations"),
        (&random, "is neither an SQLite database nor a PostgreSQL dump"),
        (&other_kind, "is a backup of a PostgreSQL database, and the configured database"),
        (&newer, "was made by a newer version of mfx: it has 1 migration(s) this one does not know (29991231000000)"),
    ] {
        let target = TestDatabase::create(Backend::Sqlite);
        let refused = restore(&target, file);
        assert_refused(&refused, what);
        assert!(text(&refused.stderr).contains(&file.display().to_string()), "names the file");
        let left: Vec<_> = std::fs::read_dir(target.data_dir()).expect("the data folder").flatten().collect();
        assert!(left.is_empty(), "nothing is left in the target's folder: {left:?}");
    }
    // The good one restores, and one made before the latest migration is migrated.
    let target = TestDatabase::create(Backend::Sqlite);
    assert!(restore(&target, &good).status.success());
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/sqlite");
    let mut names: Vec<String> = std::fs::read_dir(&migrations)
        .expect("the migrations")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let latest = names.last().expect("a migration");
    let version: String = latest.split('_').next().expect("a version").chars().filter(char::is_ascii_digit).collect();
    let down = std::fs::read_to_string(migrations.join(latest).join("down.sql")).expect("down.sql");
    let older = dir.join("older.backup");
    std::fs::copy(&good, &older).expect("copy");
    SqliteConnection::establish(&older.display().to_string())
        .expect("open")
        .batch_execute(&format!("{down}; DELETE FROM __diesel_schema_migrations WHERE version = '{version}';"))
        .expect("a backup of the previous version");
    let target = TestDatabase::create(Backend::Sqlite);
    let restored = restore(&target, &older);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(
        text(&restored.stdout).contains(&format!("1 migration(s) applied: {version}")),
        "{}",
        text(&restored.stdout)
    );
}

#[test]
fn only_an_empty_database_is_restored_into() {
    let (_source, good) = backed_up(Backend::Sqlite);
    let target = TestDatabase::create(Backend::Sqlite);
    add_editor(&target);
    let database = PathBuf::from(&target.url);
    let before = std::fs::read(&database).expect("the database");
    let refused = restore(&target, &good);
    assert_refused(&refused, "is not empty: it holds");
    assert_eq!(std::fs::read(&database).expect("the database"), before, "the database is unchanged");
    assert!(partials(&target.data_dir()).is_empty());

    // An empty file (as a first start that stopped before migrating leaves) is empty.
    let empty = TestDatabase::create(Backend::Sqlite);
    std::fs::write(&empty.url, b"").expect("an empty file");
    let restored = restore(&empty, &good);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(text(&restored.stdout).contains("6 partner(s), 2 account(s)"), "{}", text(&restored.stdout));
}

#[test]
fn an_interrupted_backup_leaves_no_file() {
    let source = TestDatabase::create(Backend::Sqlite);
    add_editor(&source);
    let file = source.data_dir().join("interrupted.backup");
    // Another connection holds the database: the backup waits for it, and is killed meanwhile.
    let mut holder = SqliteConnection::establish(&source.url).expect("open");
    holder.batch_execute("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;").expect("hold the database");
    let mut child = mfx(&source)
        .arg("backup")
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("mfx backup starts");
    let deadline = Instant::now() + Duration::from_secs(10);
    while partials(&source.data_dir()).is_empty() {
        assert!(Instant::now() < deadline, "the backup did not start writing");
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(child.try_wait().expect("wait"), None, "the backup is under way");
    child.kill().expect("kill");
    let _ = child.wait();
    assert!(!file.exists(), "an interrupted backup leaves nothing under its name");
    assert_eq!(partials(&source.data_dir()).len(), 1, "what it wrote has a name of its own");

    holder.batch_execute("COMMIT; PRAGMA locking_mode = NORMAL;").expect("release");
    drop(holder);
    let made = backup(&source, &file);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let target = TestDatabase::create(Backend::Sqlite);
    assert!(restore(&target, &file).status.success(), "the next backup is whole");
    let again = backup(&source, &file);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("exists already"), "{}", text(&again.stderr));
}
