//! `mfx export` and `mfx import`: a partnership written out and read back gives the same
//! platform (an export of the import is byte for byte the export, across databases); an import
//! checks everything first and changes nothing when the folder is damaged, foreign, or the
//! database not empty.

use crate::documents::{create, french_practice};
use crate::support::{Backend, TestApp, TestDatabase, USER_PASSWORD, files_under, mfx, printed};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A platform with the demo content, a practice with a file, an erased account and a
/// deliverable moved through its workflow.
async fn filled(app: &TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let camille = app.user_token("camille@example.fr", "seine-saint-denis", "editor").await;
    let created = create(app, &camille, "practices", &french_practice()).await;
    let path = format!("/api/v1/practices/{}", created.body["id"].as_str().expect("id"));
    let sent = app
        .request(Method::POST, &format!("{path}/attachments"), Some(&camille))
        .query(&[("filename", "rapport.pdf")])
        .header("content-type", "application/octet-stream")
        .body(PDF.to_vec())
        .send()
        .await
        .expect("send");
    assert_eq!(sent.status(), StatusCode::CREATED);
    let gone = app.user_token("gone@example.it", "bologna", "editor").await;
    create(app, &gone, "practices", &french_practice()).await;
    app.post("/api/v1/me/erasure", Some(&gone), &json!({})).await;
    let admin = app.admin_token().await;
    let id = app.get("/api/v1/me", Some(&gone)).await.body["id"].as_str().expect("id").to_owned();
    let erased = app.post(&format!("/api/v1/users/{id}/erasure"), Some(&admin), &json!({})).await;
    assert_eq!(erased.status, StatusCode::OK, "{}", erased.text);
}

fn run(db: &TestDatabase, args: &[&str]) -> Output {
    mfx(db).args(args).output().expect("mfx runs")
}

/// Every file of an export, by path, with the manifest's time of export left out.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|(path, bytes)| {
            let name = path.display().to_string();
            if name != "manifest.json" {
                return (name, bytes);
            }
            let mut manifest: Value = serde_json::from_slice(&bytes).expect("manifest");
            manifest["exported_at"] = Value::Null;
            (name, serde_json::to_vec_pretty(&manifest).expect("json"))
        })
        .collect()
}

fn export_of(db: &TestDatabase, name: &str) -> PathBuf {
    let dir = db.data_dir().join(name);
    let done = run(db, &["export", dir.to_str().expect("utf-8")]);
    assert!(done.status.success(), "export: {}", printed(&done));
    dir
}

/// SQLite → export → `target` → export: the same files.
async fn round_trip(target: Backend) {
    let app = TestApp::spawn(Backend::Sqlite).await;
    filled(&app).await;
    let first = export_of(&app.db, "first");
    let listed = files(&first);
    assert!(listed.keys().any(|k| k.starts_with("attachments/")), "the file is exported");
    let users = String::from_utf8_lossy(&listed["tables/users.json"]).into_owned();
    assert!(!users.contains("password") && !users.contains("$argon2"), "no password in the export");
    assert!(!listed.keys().any(|k| k.contains("sessions") || k.contains("throttle")), "no session in the export");
    let leftovers = std::fs::read_dir(app.db.data_dir()).expect("dir").flatten();
    assert!(
        !leftovers.into_iter().any(|e| e.file_name().to_string_lossy().contains("partial")),
        "no unfinished folder"
    );

    let copy = TestDatabase::create(target);
    let imported = run(&copy, &["import", first.to_str().expect("utf-8")]);
    let said = printed(&imported);
    assert!(imported.status.success(), "import: {said}");
    assert!(said.contains(crate::support::ADMIN_EMAIL), "the administrator's one-time password: {said}");
    let second = export_of(&copy, "second");
    let again = files(&second);
    assert_eq!(listed.keys().collect::<Vec<_>>(), again.keys().collect::<Vec<_>>());
    for (name, bytes) in &listed {
        assert!(again[name] == *bytes, "{name} differs after the round trip");
    }

    // The imported platform answers as the first did, once the administrator signs in.
    let one_time = said
        .lines()
        .find_map(|l| l.trim().strip_prefix(&format!("{}: ", crate::support::ADMIN_EMAIL)))
        .expect("a one-time password")
        .to_owned();
    let state = mfx_api::server::prepare_state(crate::support::settings_for(&copy, &[]), mfx_api::clock::Clock::System)
        .expect("the imported database opens")
        .0;
    // The change log's triggers, set aside during the import, are on again; the import itself
    // is one change that names no document.
    if target == Backend::Postgres {
        let disabled = state
            .db
            .read(|c| {
                #[derive(diesel::QueryableByName)]
                struct Count {
                    #[diesel(sql_type = diesel::sql_types::BigInt)]
                    n: i64,
                }
                let mfx_store::DbConnection::Pg(pg) = c else { return Ok(-1) };
                let found: Vec<Count> = diesel::RunQueryDsl::load(
                    diesel::sql_query(
                        "SELECT count(*) AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'",
                    ),
                    pg,
                )?;
                Ok(found[0].n)
            })
            .expect("triggers");
        assert_eq!(disabled, 0, "every trigger is enabled again");
        let logged = state.db.read(|c| mfx_store::changes::since(c, 0, 10)).expect("changes");
        assert_eq!(logged.changes.len(), 1, "one change for the whole import: {:?}", logged.changes);
    }
    let email = mfx_domain::Email::parse(crate::support::ADMIN_EMAIL).expect("email");
    let (admin, hash) =
        state.db.read(|c| mfx_store::accounts::credentials(c, &email)).expect("read").expect("the administrator");
    assert!(mfx_api::auth::password::verify(&one_time, &hash));
    assert!(admin.account.password_change_required);
    let camille = mfx_domain::Email::parse("camille@example.fr").expect("email");
    let (_, hash) = state.db.read(|c| mfx_store::accounts::credentials(c, &camille)).expect("read").expect("camille");
    assert!(!mfx_api::auth::password::verify(USER_PASSWORD, &hash), "other accounts have no password yet");
}

#[actix_web::test]
async fn an_export_imported_into_sqlite_exports_the_same() {
    round_trip(Backend::Sqlite).await;
}

#[actix_web::test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
async fn an_export_of_sqlite_imported_into_postgres_exports_the_same() {
    round_trip(Backend::Postgres).await;
}

/// A damaged, foreign or newer export, or a database not empty: a clear message, nothing changed.
async fn refusals(target: Backend) {
    let app = TestApp::spawn(Backend::Sqlite).await;
    filled(&app).await;
    let good = export_of(&app.db, "good");
    let copy = |name: &str| {
        let dir = app.db.data_dir().join(name);
        let status = std::process::Command::new("cp").arg("-r").arg(&good).arg(&dir).status().expect("cp");
        assert!(status.success());
        dir
    };
    let truncated = copy("truncated");
    let documents = truncated.join("tables/documents.json");
    let bytes = std::fs::read(&documents).expect("read");
    std::fs::write(&documents, &bytes[..bytes.len() / 2]).expect("truncate");
    let miscounted = copy("miscounted");
    let texts = miscounted.join("tables/document_texts.json");
    let mut rows: Vec<Value> = serde_json::from_slice(&std::fs::read(&texts).expect("read")).expect("rows");
    rows.pop();
    std::fs::write(&texts, serde_json::to_vec(&rows).expect("json")).expect("write");
    let bad_file = copy("bad-file");
    let attached = std::fs::read_dir(bad_file.join("attachments")).expect("dir").flatten().next().expect("a file");
    std::fs::write(attached.path(), b"not the file").expect("write");
    let wrong_value = copy("wrong-value");
    let users_file = wrong_value.join("tables/users.json");
    let mut users: Vec<Value> = serde_json::from_slice(&std::fs::read(&users_file).expect("read")).expect("rows");
    users[0]["active"] = json!("yes");
    std::fs::write(&users_file, serde_json::to_vec(&users).expect("json")).expect("write");
    let newer = copy("newer");
    let manifest_file = newer.join("manifest.json");
    let mut manifest: Value = serde_json::from_slice(&std::fs::read(&manifest_file).expect("read")).expect("json");
    manifest["schema"] = json!("99991231000000");
    std::fs::write(&manifest_file, serde_json::to_vec(&manifest).expect("json")).expect("write");
    let foreign = app.db.data_dir().join("foreign");
    std::fs::create_dir_all(&foreign).expect("dir");
    std::fs::write(foreign.join("notes.txt"), b"holiday photos").expect("write");

    let empty = TestDatabase::create(target);
    for (dir, said) in [
        (&truncated, "documents.json is damaged"),
        (&miscounted, "document_texts.json holds"),
        (&bad_file, "is damaged: its SHA-256 does not match"),
        (&wrong_value, "column active cannot hold \"yes\""),
        (&newer, "was made by a newer version"),
        (&foreign, "is not an export of MICROFUTURE Exchange"),
    ] {
        let refused = run(&empty, &["import", dir.to_str().expect("utf-8")]);
        assert!(!refused.status.success(), "{} was imported", dir.display());
        assert!(printed(&refused).contains(said), "{}: {}", dir.display(), printed(&refused));
    }
    // Nothing was written: the good export still goes in whole.
    let imported = run(&empty, &["import", good.to_str().expect("utf-8")]);
    assert!(imported.status.success(), "{}", printed(&imported));
    // A second import into the now filled database is refused and changes nothing.
    let before = files(&export_of(&empty, "before"));
    let refused = run(&empty, &["import", good.to_str().expect("utf-8")]);
    assert!(!refused.status.success());
    assert!(printed(&refused).contains("is not empty"), "{}", printed(&refused));
    assert_eq!(before, files(&export_of(&empty, "after")));
    // An export into a folder that holds something is refused.
    let refused = run(&app.db, &["export", foreign.to_str().expect("utf-8")]);
    assert!(!refused.status.success() && printed(&refused).contains("is not empty"), "{}", printed(&refused));
}

#[actix_web::test]
async fn a_damaged_or_foreign_export_changes_nothing_on_sqlite() {
    refusals(Backend::Sqlite).await;
}

#[actix_web::test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
async fn a_damaged_or_foreign_export_changes_nothing_on_postgres() {
    refusals(Backend::Postgres).await;
}

/// A table or column added by a migration is either exported or left out by name: nothing is
/// dropped from exports silently.
#[actix_web::test]
async fn every_table_and_column_is_exported_or_left_out_by_name() {
    use mfx_store::transfer::{INTERNAL, LEFT_OUT, OPERATIONAL, TABLES};
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    let app = TestApp::spawn(Backend::Sqlite).await;
    let names = |sql: String| -> Vec<String> {
        app.state
            .db
            .read(move |c| {
                let mfx_store::DbConnection::Sqlite(c) = c else { return Ok(Vec::new()) };
                let found: Vec<Name> = diesel::RunQueryDsl::load(diesel::sql_query(sql), c)?;
                Ok(found.into_iter().map(|n| n.name).collect())
            })
            .expect("names")
    };
    let tables = names("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'".into());
    assert!(tables.len() > 20, "the schema is read: {tables:?}");
    for table in &tables {
        let exported = TABLES.iter().find(|t| t.name == table);
        if exported.is_none() {
            assert!(
                OPERATIONAL.contains(&table.as_str()) || INTERNAL.contains(&table.as_str()),
                "the table {table} is neither exported nor left out by name"
            );
            continue;
        }
        let spec = exported.expect("exported");
        for column in names(format!("SELECT name FROM pragma_table_info('{table}')")) {
            let known = spec.columns.iter().any(|c| c.name == column)
                || LEFT_OUT.iter().any(|(t, c)| t == table && *c == column);
            assert!(known, "the column {table}.{column} is neither exported nor left out by name");
        }
        for column in spec.columns {
            let listed = names(format!("SELECT name FROM pragma_table_info('{table}')"));
            assert!(listed.iter().any(|c| c == column.name), "{table}.{} is exported but does not exist", column.name);
        }
    }
    for table in TABLES {
        assert!(tables.iter().any(|t| t == table.name), "{} is exported but does not exist", table.name);
    }
}
