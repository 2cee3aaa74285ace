//! Faults an operator meets, against the real `mfx serve`: PostgreSQL stopped under load and
//! started again (a cluster the test makes, starts and stops itself), the disk under SQLite
//! filling up (a small tmpfs the test mounts), and a database that answers slowly (a proxy the
//! test runs between `mfx serve` and PostgreSQL, delaying every query). Each ends with nothing
//! lost and the service back on its own, without a restart.

use crate::support::{Backend, JWT_SECRET, METRICS_TOKEN, TestDatabase};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PASSWORD: &str = "a long enough password";
const EDITOR: &str = "lars@example.se";

// ---------------------------------------------------------------- the server

/// `mfx serve` on a database and data folder of the test's choosing.
struct Serve {
    url: String,
    data_dir: PathBuf,
    log: PathBuf,
    port: u16,
}

impl Serve {
    fn new(url: &str, data_dir: &Path, log: &Path) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
        Serve { url: url.to_owned(), data_dir: data_dir.to_owned(), log: log.to_owned(), port }
    }

    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mfx"));
        command
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("MFX_DATABASE_URL", &self.url)
            .env("MFX_DATA_DIR", &self.data_dir)
            .env("MFX_LOG", "info")
            .env("MFX_BIND", format!("127.0.0.1:{}", self.port))
            .env("MFX_JWT_SECRET", JWT_SECRET)
            .env("MFX_METRICS_TOKEN", METRICS_TOKEN)
            .env("MFX_DIGEST_INTERVAL_SECS", "1")
            .env("MALLOC_ARENA_MAX", "2")
            .current_dir(&self.data_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    }

    fn at(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Adds the editor Lars of Örebro (and migrates the database).
    fn add_editor(&self) {
        let mut add = self.command();
        add.args(["user", "add", "--email", EDITOR, "--partner", "orebro", "--role", "editor", "--password-stdin"])
            .stdin(Stdio::piped());
        let mut adding = add.spawn().expect("user add");
        std::io::Write::write_all(&mut adding.stdin.take().expect("stdin"), format!("{PASSWORD}\n").as_bytes())
            .expect("password");
        assert!(adding.wait().expect("user add").success(), "mfx user add");
    }

    async fn start(&self, client: &reqwest::Client) -> Running {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(&self.log).expect("log file");
        let child = self.command().arg("serve").stderr(log).spawn().expect("mfx serve starts");
        let running = Running { child, log: self.log.clone() };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(r) = client.get(self.at("/readyz")).send().await
                && r.status() == StatusCode::OK
            {
                return running;
            }
            assert!(Instant::now() < deadline, "mfx serve was not ready within 60 s");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn sign_in(&self, client: &reqwest::Client) -> String {
        let reply: Value = client
            .post(self.at("/api/v1/auth/login"))
            .json(&json!({ "email": EDITOR, "password": PASSWORD }))
            .send()
            .await
            .expect("send")
            .json()
            .await
            .expect("json");
        reply["access_token"].as_str().expect("access token").to_owned()
    }

    async fn metric(&self, client: &reqwest::Client, line: &str) -> f64 {
        let text = client
            .get(self.at("/metrics"))
            .bearer_auth(METRICS_TOKEN)
            .send()
            .await
            .expect("metrics")
            .text()
            .await
            .expect("text");
        text.lines()
            .find_map(|l| l.strip_prefix(line)?.trim().parse().ok())
            .unwrap_or_else(|| panic!("no `{line}` in the metrics: {text}"))
    }

    /// The log's lines at ERROR.
    fn errors_logged(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("ERROR"))
            .map(str::to_owned)
            .collect()
    }
}

/// A running `mfx serve`, killed when dropped; when the test failed, its log's last lines are
/// printed.
struct Running {
    child: Child,
    log: PathBuf,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            let log = std::fs::read_to_string(&self.log).unwrap_or_default();
            let lines: Vec<&str> = log.lines().collect();
            eprintln!("the server's log, last lines:\n{}", lines[lines.len().saturating_sub(40)..].join("\n"));
        }
    }
}

/// A temporary folder, removed when dropped.
struct Folder(PathBuf);

impl Folder {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("mfx-faults-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("folder");
        Folder(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(20)).build().expect("client")
}

fn practice(title: &str) -> Value {
    json!({ "text": { "title": title, "summary": "Microcredit for social inclusion, with mentoring. ".repeat(8) } })
}

async fn create_practice(serve: &Serve, client: &reqwest::Client, token: &str, title: &str) -> String {
    let created = client
        .post(serve.at("/api/v1/practices"))
        .bearer_auth(token)
        .json(&practice(title))
        .send()
        .await
        .expect("send");
    assert_eq!(created.status(), StatusCode::CREATED);
    created.json::<Value>().await.expect("json")["id"].as_str().expect("id").to_owned()
}

// ---------------------------------------------------------------- a load and what it saw

/// One request of a load: when it started, how long it took, and what came back.
#[derive(Debug, Clone)]
struct Outcome {
    started: Instant,
    took: Duration,
    /// The status, or `None` when no answer came (a timeout, a refused connection).
    status: Option<StatusCode>,
    retry_after: bool,
    read: bool,
}

#[derive(Default)]
struct Seen {
    outcomes: Mutex<Vec<Outcome>>,
    /// Practices whose creation was acknowledged (201 with an id), with their titles.
    acknowledged: Mutex<Vec<(String, String)>>,
}

impl Seen {
    fn record(&self, started: Instant, response: Option<&reqwest::Response>, read: bool) {
        let outcome = Outcome {
            started,
            took: started.elapsed(),
            status: response.map(reqwest::Response::status),
            retry_after: response.is_some_and(|r| r.headers().contains_key("retry-after")),
            read,
        };
        self.outcomes.lock().expect("outcomes").push(outcome);
    }

    fn outcomes(&self) -> Vec<Outcome> {
        self.outcomes.lock().expect("outcomes").clone()
    }
}

/// `clients` clients, half writing practices and half reading the list and one practice, until
/// `stop` is set.
fn load(
    serve: &Serve,
    clients: usize,
    token: &str,
    known: &str,
    seen: &Arc<Seen>,
    stop: &Arc<AtomicBool>,
) -> tokio::task::JoinSet<()> {
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..clients {
        let (client, seen, stop, token) = (client(), seen.clone(), stop.clone(), token.to_owned());
        let (list, document, create) = (
            serve.at("/api/v1/practices"),
            serve.at(&format!("/api/v1/practices/{known}")),
            serve.at("/api/v1/practices"),
        );
        tasks.spawn(async move {
            let mut i = 0_usize;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let started = Instant::now();
                if n.is_multiple_of(2) {
                    let title = format!("Client {n} practice {i}");
                    let sent = client.post(&create).bearer_auth(&token).json(&practice(&title)).send().await;
                    seen.record(started, sent.as_ref().ok(), false);
                    if let Ok(response) = sent
                        && response.status() == StatusCode::CREATED
                        && let Ok(body) = response.json::<Value>().await
                    {
                        let id = body["id"].as_str().expect("id").to_owned();
                        seen.acknowledged.lock().expect("list").push((id, title));
                    }
                } else {
                    let url = if i.is_multiple_of(2) { &list } else { &document };
                    let sent = client.get(url).bearer_auth(&token).send().await;
                    seen.record(started, sent.as_ref().ok(), true);
                }
                // A client that was refused waits a little, as a browser's user would.
                if seen.outcomes.lock().expect("outcomes").last().is_some_and(|o| o.status != Some(StatusCode::OK)) {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        });
    }
    tasks
}

/// Every acknowledged practice is there, whole.
async fn every_acknowledged_write_is_there(serve: &Serve, client: &reqwest::Client, token: &str, seen: &Seen) {
    let written = seen.acknowledged.lock().expect("list").clone();
    for (id, title) in &written {
        let response =
            client.get(serve.at(&format!("/api/v1/practices/{id}"))).bearer_auth(token).send().await.expect("send");
        assert_eq!(response.status(), StatusCode::OK, "acknowledged practice {id} is lost");
        let document: Value = response.json().await.expect("json");
        assert_eq!(document["text"]["title"], title.as_str(), "{document}");
    }
}

// ---------------------------------------------------------------- a PostgreSQL of the test's own

/// A PostgreSQL cluster in a temporary folder, on its own port, that the test starts and stops.
/// Made with the server programs of the machine's PostgreSQL (`initdb`, `pg_ctl`), run as the
/// `postgres` account when the test runs as root (PostgreSQL refuses to run as root).
struct OwnPostgres {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
}

impl OwnPostgres {
    fn bin_dir() -> PathBuf {
        if let Ok(dir) = std::env::var("MFX_TEST_PG_BIN") {
            return PathBuf::from(dir);
        }
        let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .map(|dirs| dirs.flatten().map(|d| d.path().join("bin")).filter(|b| b.join("initdb").exists()).collect())
            .unwrap_or_default();
        found.sort();
        found
            .pop()
            .expect("PostgreSQL's server programs (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or MFX_TEST_PG_BIN")
    }

    fn as_owner(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        let root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        if root {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    fn start_new() -> Self {
        let dir = std::env::temp_dir().join(format!("mfx-pg-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("cluster folder");
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
        let cluster = OwnPostgres { dir, bin: Self::bin_dir(), port };
        let _ = Command::new("chown").args(["-R", "postgres:postgres"]).arg(&cluster.dir).status();
        let made = cluster
            .as_owner("initdb")
            .args(["--auth=trust", "--username=postgres", "--no-sync", "-D"])
            .arg(cluster.dir.join("data"))
            .stdout(Stdio::null())
            .status()
            .expect("initdb runs");
        assert!(made.success(), "initdb");
        cluster.start();
        cluster
    }

    fn pg_ctl(&self, args: &[&str]) -> bool {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} -c fsync=off",
            self.port,
            self.dir.display()
        );
        self.as_owner("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-o", &options, "-l"])
            .arg(self.dir.join("server.log"))
            .args(args)
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Starts the server and waits until it accepts connections.
    fn start(&self) {
        assert!(self.pg_ctl(&["-w", "-t", "60", "start"]), "pg_ctl start");
    }

    /// Stops the server the way an operator does for a restart: sessions are ended at once.
    fn stop(&self) {
        assert!(self.pg_ctl(&["-w", "-m", "fast", "stop"]), "pg_ctl stop");
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        self.pg_ctl(&["-w", "-m", "immediate", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

// ---------------------------------------------------------------- PostgreSQL restarts

/// 32 clients read and write while PostgreSQL is stopped for ten seconds and started again.
#[actix_web::test]
#[ignore = "needs PostgreSQL's server programs (initdb, pg_ctl) and root or the postgres account"]
async fn postgres_restarting_under_load_loses_nothing() {
    let postgres = OwnPostgres::start_new();
    let folder = Folder::new();
    let serve = Serve::new(&postgres.url(), folder.path(), &folder.path().join("serve.log"));
    serve.add_editor();
    let client = client();
    let running = serve.start(&client).await;
    let token = serve.sign_in(&client).await;
    let known = create_practice(&serve, &client, &token, "A practice read all along").await;

    let (seen, stop) = (Arc::new(Seen::default()), Arc::new(AtomicBool::new(false)));
    let mut tasks = load(&serve, 32, &token, &known, &seen, &stop);
    tokio::time::sleep(Duration::from_secs(2)).await;

    postgres.stop();
    let down = Instant::now();
    tokio::time::sleep(Duration::from_secs(2)).await;
    // While it is away: the process is alive, not ready, and says why it refuses.
    let health = client.get(serve.at("/healthz")).send().await.expect("healthz");
    assert_eq!(health.status(), StatusCode::OK, "/healthz stays up");
    let ready = client.get(serve.at("/readyz")).send().await.expect("readyz");
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE, "/readyz is not ready");
    let refused = client.post(serve.at("/api/v1/practices")).bearer_auth(&token).json(&practice("x")).send().await;
    let refused = refused.expect("an answer, not a hang");
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(refused.headers().contains_key("retry-after"), "a 503 says when to try again");
    let problem: Value = refused.json().await.expect("problem+json");
    assert_eq!(problem["code"], "service_unavailable", "{problem}");
    let held = client.get(serve.at(&format!("/api/v1/practices/{known}"))).bearer_auth(&token).send().await;
    assert_eq!(held.expect("answer").status(), StatusCode::OK, "what the cache holds is still read");
    let failed_passes = serve.metric(&client, "mfx_digest_passes_total{outcome=\"failed\"}").await;
    tokio::time::sleep(Duration::from_secs(8).saturating_sub(down.elapsed())).await;

    postgres.start();
    let back = Instant::now();
    tokio::time::sleep(Duration::from_secs(6)).await;
    stop.store(true, Ordering::Relaxed);
    while tasks.join_next().await.is_some() {}

    let outcomes = seen.outcomes();
    let count = |f: &dyn Fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
    let unavailable = count(&|o| o.status == Some(StatusCode::SERVICE_UNAVAILABLE));
    let held_reads = count(&|o| o.read && o.status == Some(StatusCode::OK) && o.started > down && o.started < back);
    eprintln!(
        "{} requests, {} acknowledged writes, {unavailable} answers of 503, {held_reads} reads answered while away",
        outcomes.len(),
        seen.acknowledged.lock().expect("list").len()
    );
    for outcome in &outcomes {
        let status = outcome.status.unwrap_or_else(|| panic!("a request got no answer: {outcome:?}"));
        assert!(status.is_success() || status == StatusCode::SERVICE_UNAVAILABLE, "{outcome:?}");
        assert!(status != StatusCode::SERVICE_UNAVAILABLE || outcome.retry_after, "503 without Retry-After");
        assert!(outcome.took < Duration::from_secs(6), "no request waits past the acquire timeout: {outcome:?}");
        if outcome.started > back + Duration::from_secs(2) {
            assert!(status.is_success(), "two seconds after the database is back, every request succeeds: {outcome:?}");
        }
    }
    assert!(unavailable > 0, "the outage was seen");
    assert!(held_reads > 0, "reads the cache could answer went on while the database was away");
    assert!(failed_passes > 0.0, "the digest scheduler met the outage");

    // The scheduler resumed by itself.
    let succeeded = serve.metric(&client, "mfx_digest_passes_total{outcome=\"succeeded\"}").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(serve.metric(&client, "mfx_digest_passes_total{outcome=\"succeeded\"}").await > succeeded);
    let ready = client.get(serve.at("/readyz")).send().await.expect("readyz");
    assert_eq!(ready.status(), StatusCode::OK, "ready again without a restart");

    every_acknowledged_write_is_there(&serve, &client, &token, &seen).await;
    drop(running);
    assert_eq!(serve.errors_logged(), Vec::<String>::new(), "an outage is warnings, not errors");
}

// ---------------------------------------------------------------- a full disk under SQLite

/// A tmpfs of `mib` MiB mounted at `dir`, unmounted when dropped.
struct SmallDisk {
    dir: PathBuf,
}

impl SmallDisk {
    fn mount(dir: &Path, mib: u32) -> Self {
        std::fs::create_dir_all(dir).expect("mount point");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(mounted, "mounting a tmpfs needs root (or CAP_SYS_ADMIN)");
        SmallDisk { dir: dir.to_owned() }
    }

    /// Writes a file until the disk refuses more.
    fn fill(&self) -> PathBuf {
        let filler = self.dir.join("filler");
        let mut file = std::fs::File::create(&filler).expect("filler");
        let block = vec![0_u8; 64 * 1024];
        loop {
            if let Err(error) = std::io::Write::write_all(&mut file, &block) {
                assert_eq!(error.raw_os_error(), Some(28), "the disk is full (ENOSPC): {error}");
                break;
            }
        }
        // Whatever is left, byte by byte.
        while std::io::Write::write_all(&mut file, &[0]).is_ok() {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

/// The data folder on a disk that fills up: writes are refused with 507 (a page in the
/// reader's language, problem+json in the API) and nothing is half-written; reads go on; once
/// space is freed, writing works again without a restart and the database is intact.
#[actix_web::test]
#[ignore = "needs root, to mount a small tmpfs"]
async fn a_full_disk_refuses_writes_and_keeps_everything() {
    let outside = Folder::new();
    let data = outside.path().join("data");
    let disk = SmallDisk::mount(&data, 48);
    let database = data.join("mfx.sqlite3");
    let serve = Serve::new(&database.display().to_string(), &data, &outside.path().join("serve.log"));
    serve.add_editor();
    let client = client();
    let running = serve.start(&client).await;
    let token = serve.sign_in(&client).await;
    let before = create_practice(&serve, &client, &token, "Written before the disk filled").await;
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let form = browser.get(serve.at("/it/sign-in")).send().await.expect("send").text().await.expect("body");
    let signed = browser
        .post(serve.at("/it/sign-in"))
        .form(&[("email", EDITOR), ("password", PASSWORD), ("csrf", &crate::web::csrf_of(&form))])
        .send()
        .await
        .expect("send");
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let form = browser.get(serve.at("/it/practices/new")).send().await.expect("send").text().await.expect("body");
    let csrf = crate::web::csrf_of(&form);

    let filler = disk.fill();
    let refused = client.post(serve.at("/api/v1/practices")).bearer_auth(&token).json(&practice("Lost?")).send().await;
    let refused = refused.expect("an answer");
    assert_eq!(refused.status(), StatusCode::INSUFFICIENT_STORAGE);
    assert_eq!(refused.headers()["content-type"], "application/problem+json");
    let problem: Value = refused.json().await.expect("problem");
    assert_eq!(problem["code"], "storage_full", "{problem}");

    let page = browser
        .post(serve.at("/it/practices/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "it"),
            ("visibility", "public"),
            ("title", "Microcredito per l’economia sociale"),
            ("summary", "Un microcredito accompagnato."),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(page.status(), StatusCode::INSUFFICIENT_STORAGE);
    let html = page.text().await.expect("body");
    assert!(html.contains("<html lang=\"it\">"), "{html}");
    assert!(html.contains("Lo spazio di archiviazione del server è pieno"), "in Italian: {html}");

    // Reads go on.
    let read = client.get(serve.at(&format!("/api/v1/practices/{before}"))).bearer_auth(&token).send().await;
    assert_eq!(read.expect("answer").status(), StatusCode::OK);
    let list = browser.get(serve.at("/it/practices")).send().await.expect("send");
    assert_eq!(list.status(), StatusCode::OK);

    // Space is freed: writing works again, without a restart.
    std::fs::remove_file(&filler).expect("free space");
    let mut after = None;
    for _ in 0..20 {
        let sent = client.post(serve.at("/api/v1/practices")).bearer_auth(&token).json(&practice("After")).send().await;
        if let Ok(response) = sent
            && response.status() == StatusCode::CREATED
        {
            after = Some(response.json::<Value>().await.expect("json")["id"].as_str().expect("id").to_owned());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let after = after.expect("a write succeeds once space is free");
    let listed: Value = client
        .get(serve.at("/api/v1/practices?limit=100"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("send")
        .json()
        .await
        .expect("json");
    let titles: Vec<&str> =
        listed["items"].as_array().expect("items").iter().filter_map(|d| d["title"].as_str()).collect();
    assert!(titles.contains(&"Written before the disk filled") && titles.contains(&"After"), "{titles:?}");
    assert!(!titles.contains(&"Lost?") && !titles.iter().any(|t| t.starts_with("Microcredito")), "{titles:?}");
    assert_ne!(after, before);
    drop(running);

    use diesel::{Connection, RunQueryDsl, sqlite::SqliteConnection};
    #[derive(diesel::QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let mut conn = SqliteConnection::establish(&database.display().to_string()).expect("open");
    let check: Vec<Check> = diesel::sql_query("PRAGMA integrity_check").load(&mut conn).expect("check");
    assert_eq!(check.iter().map(|c| c.integrity_check.as_str()).collect::<Vec<_>>(), ["ok"]);
    drop(conn);
    drop(disk);
}

// ---------------------------------------------------------------- a slow database

/// A TCP proxy in front of PostgreSQL that holds every message from the client for `delay`
/// before passing it on: every query takes at least that long.
async fn slow_proxy(target: std::net::SocketAddr, delay: Arc<Mutex<Duration>>) -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let delay = delay.clone();
            tokio::spawn(async move {
                let Ok(server) = tokio::net::TcpStream::connect(target).await else { return };
                let (mut from_client, mut to_client) = client.into_split();
                let (mut from_server, mut to_server) = server.into_split();
                let upstream = async move {
                    use tokio::io::{AsyncReadExt, AsyncWriteExt};
                    let mut buffer = vec![0_u8; 64 * 1024];
                    loop {
                        let n = from_client.read(&mut buffer).await?;
                        if n == 0 {
                            return to_server.shutdown().await;
                        }
                        let wait = *delay.lock().expect("delay");
                        tokio::time::sleep(wait).await;
                        to_server.write_all(&buffer[..n]).await?;
                    }
                };
                let downstream = tokio::io::copy(&mut from_server, &mut to_client);
                let _ = tokio::join!(upstream, downstream);
            });
        }
    });
    port
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Every query 200 ms late, 32 clients: the pool does not deadlock, requests that cannot get a
/// connection in time answer 503 instead of queueing without bound, memory stays flat, every
/// acknowledged write is kept, and once the database is fast again every request succeeds.
#[actix_web::test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
async fn a_slow_database_gets_503s_not_a_pile_up() {
    let db = TestDatabase::create(Backend::Postgres);
    // postgres://user@host:port/name: the proxy takes the place of host:port.
    let (before_host, rest) = db.url.split_once('@').expect("user@host");
    let (authority, name) = rest.split_once('/').expect("host/name");
    let target = std::net::ToSocketAddrs::to_socket_addrs(authority).expect("address").next().expect("one address");
    // Migrated and seeded directly, then served through the proxy; the server starts on a fast
    // database, which then turns slow.
    let direct = Serve::new(&db.url, &db.data_dir(), &db.data_dir().join("serve.log"));
    direct.add_editor();
    let delay = Arc::new(Mutex::new(Duration::ZERO));
    let port = slow_proxy(target, delay.clone()).await;
    let proxied = format!("{before_host}@127.0.0.1:{port}/{name}");
    let serve = Serve::new(&proxied, &db.data_dir(), &db.data_dir().join("serve.log"));
    let client = client();
    let running = serve.start(&client).await;
    let token = serve.sign_in(&client).await;
    let known = create_practice(&serve, &client, &token, "Read slowly").await;
    *delay.lock().expect("delay") = Duration::from_millis(200);

    let (seen, stop) = (Arc::new(Seen::default()), Arc::new(AtomicBool::new(false)));
    let mut tasks = load(&serve, 32, &token, &known, &seen, &stop);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let warm = rss_kib(running.child.id());
    tokio::time::sleep(Duration::from_secs(10)).await;
    let late = rss_kib(running.child.id());
    *delay.lock().expect("delay") = Duration::ZERO;
    let fast = Instant::now();
    tokio::time::sleep(Duration::from_secs(5)).await;
    stop.store(true, Ordering::Relaxed);
    while tasks.join_next().await.is_some() {}

    let outcomes = seen.outcomes();
    let slow: Vec<&Outcome> = outcomes.iter().filter(|o| o.started < fast).collect();
    let unavailable = slow.iter().filter(|o| o.status == Some(StatusCode::SERVICE_UNAVAILABLE)).count();
    let succeeded = slow.iter().filter(|o| o.status.is_some_and(|s| s.is_success())).count();
    let slowest = outcomes.iter().max_by_key(|o| o.took).cloned();
    let longest = slowest.as_ref().map(|o| o.took).unwrap_or_default();
    eprintln!(
        "slow: {} requests, {succeeded} succeeded, {unavailable} answers of 503, longest {longest:?}; RSS {warm} → {late} KiB",
        slow.len()
    );
    for outcome in &outcomes {
        let status = outcome.status.unwrap_or_else(|| panic!("a request got no answer: {outcome:?}"));
        assert!(status.is_success() || status == StatusCode::SERVICE_UNAVAILABLE, "{outcome:?}");
        assert!(status != StatusCode::SERVICE_UNAVAILABLE || outcome.retry_after, "503 without Retry-After");
        if outcome.started > fast + Duration::from_secs(2) {
            assert!(status.is_success(), "once the database is fast again, every request succeeds: {outcome:?}");
        }
    }
    assert!(succeeded > 0, "the slow database still served requests");
    // A request waits for connections ten seconds at most (`DATABASE_TIME`), then answers 503;
    // one that has its connection finishes its work, at 200 ms a query.
    for outcome in outcomes.iter().filter(|o| o.status == Some(StatusCode::SERVICE_UNAVAILABLE)) {
        assert!(outcome.took < Duration::from_secs(12), "a refusal comes within the deadline: {outcome:?}");
    }
    assert!(longest < Duration::from_secs(25), "no request queued without bound: {slowest:?}");
    assert!(late < warm + 16 * 1024, "memory stays flat: {warm} KiB after 5 s, {late} KiB after 15 s");
    every_acknowledged_write_is_there(&serve, &client, &token, &seen).await;
    drop(running);
}

// ---------------------------------------------------------------- a server killed mid-run

/// Two instances send the digests of one PostgreSQL database to a mail server that takes 40 ms
/// over each message; one is killed in the middle of the run. The other sends its own share,
/// then, once the dead one's lease ends, the digests it had taken: every reader gets the period's
/// digest, and only one: a digest the mail server took just before the kill, and that is sent
/// again because the kill came before it was recorded, is the same message (the same
/// Message-ID), which mail systems show once.
#[actix_web::test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
async fn a_server_killed_mid_digest_run_leaves_its_digests_to_the_other() {
    let db = TestDatabase::create(Backend::Postgres);
    let readers = 240;
    let seeded = crate::support::mfx(&db)
        .args(["seed-bench", "--practices", "30", "--users", &readers.to_string()])
        .env("MFX_JWT_SECRET", JWT_SECRET)
        .output()
        .expect("seed-bench");
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let sink = crate::smtp::SmtpSink::start().await;
    sink.pace(Duration::from_millis(40));
    let queued = crate::support::mfx(&db)
        .args(["digest", "run", "--now", "--queue-only"])
        .env("MFX_JWT_SECRET", JWT_SECRET)
        .output()
        .expect("digest run");
    assert!(queued.status.success(), "{}", String::from_utf8_lossy(&queued.stderr));

    // Each instance with its own data folder (its own search index), as deployed.
    let instance = |name: &str| {
        let data = db.data_dir().join(name);
        std::fs::create_dir_all(&data).expect("data folder");
        Serve::new(&db.url, &data, &db.data_dir().join(format!("{name}.log")))
    };
    let (first, second) = (instance("first"), instance("second"));
    let mut runs = Vec::new();
    for serve in [&first, &second] {
        let mut command = serve.command();
        command.env("MFX_SMTP_URL", &sink.url).env("MFX_DIGEST_LEASE_SECS", "5").arg("serve");
        let log = std::fs::OpenOptions::new().create(true).append(true).open(&serve.log).expect("log");
        runs.push(Running { child: command.stderr(log).spawn().expect("mfx serve"), log: serve.log.clone() });
    }
    // Killed once it has had time to take its first batch and send part of it.
    let started = Instant::now();
    while sink.accepted().len() < 40 {
        assert!(started.elapsed() < Duration::from_secs(60), "the run did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let killed = runs.remove(0);
    drop(killed);
    let at_kill = sink.accepted().len();

    // Everything leaves: nothing queued, taken or failing is left in the outbox.
    use diesel::{Connection, RunQueryDsl, pg::PgConnection};
    #[derive(diesel::QueryableByName, Debug)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        email: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        status: String,
    }
    let mut conn = PgConnection::establish(&db.url).expect("connect");
    let rows = loop {
        let rows: Vec<Row> =
            diesel::sql_query("SELECT u.email, o.status FROM digest_outbox o JOIN users u ON u.id = o.user_id")
                .load(&mut conn)
                .expect("outbox");
        if rows.iter().all(|r| r.status == "sent" || r.status == "empty") {
            break rows;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "digests left behind: {rows:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    drop(runs);

    let sent: std::collections::BTreeSet<&str> =
        rows.iter().filter(|r| r.status == "sent").map(|r| r.email.as_str()).collect();
    assert!(sent.len() >= readers, "{} digests sent for {readers} readers", sent.len());
    let accepted = sink.accepted();
    let mut by_reader: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    for message in &accepted {
        let id = message.header("Message-ID").expect("a Message-ID");
        for to in &message.to {
            by_reader.entry(to.clone()).or_default().insert(id.clone());
        }
    }
    let again = accepted.len() - by_reader.values().map(std::collections::BTreeSet::len).sum::<usize>();
    eprintln!(
        "{} digests queued and sent, {at_kill} delivered when one instance was killed, {} messages, {again} sent again",
        sent.len(),
        accepted.len()
    );
    for email in &sent {
        let ids = by_reader.get(*email).map(std::collections::BTreeSet::len).unwrap_or(0);
        assert_eq!(ids, 1, "{email} got {ids} different digests for the period");
    }
    assert_eq!(by_reader.len(), sent.len(), "nobody else got one");
    assert!(again <= 32, "at most the conversations under way at the kill are sent again: {again}");
}
