//! The `mfx` binary as an operator uses it: configuration errors, `user add`, `migrate`,
//! `serve` on a new database and again on the same one.

use crate::support::{Backend, TestDatabase, mfx};
use std::io::{Read, Write};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs an `mfx` command to its end, with `stdin` as its input.
pub(crate) fn run(command: &mut Command, stdin: Option<&str>) -> Output {
    let mut child =
        command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("mfx starts");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("mfx ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port()
}

/// A running `mfx serve`, stopped when dropped.
pub(crate) struct Serving {
    child: Child,
    pub(crate) base: String,
    stdout: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `command serve` with `workers` workers on a free port, its standard output to
/// `stdout`, and waits until `/readyz` answers 200.
pub(crate) fn start(mut command: Command, workers: u8, stdout: Stdio) -> Serving {
    let port = free_port();
    let child = command
        .arg("serve")
        .env("MFX_BIND", format!("127.0.0.1:{port}"))
        .env("MFX_WORKERS", workers.to_string())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("mfx serve starts");
    let mut serving = Serving { child, base: format!("http://127.0.0.1:{port}"), stdout: String::new() };
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            let _ = stream.write_all(b"GET /readyz HTTP/1.0\r\n\r\n");
            let mut answer = String::new();
            let _ = stream.read_to_string(&mut answer);
            if answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200") {
                break;
            }
        }
        if let Ok(Some(status)) = serving.child.try_wait() {
            panic!("mfx serve exited early with {status}");
        }
        assert!(Instant::now() < deadline, "mfx serve did not become ready");
        std::thread::sleep(Duration::from_millis(50));
    }
    serving
}

/// Starts `mfx serve` on the test database, keeping what it printed at start-up.
fn serve(db: &TestDatabase) -> Serving {
    let log = db.data_dir().join(format!("stdout-{}.txt", free_port()));
    let file = std::fs::File::create(&log).expect("stdout file");
    let mut serving = start(mfx(db), 1, Stdio::from(file));
    // The banner is written before the socket is bound, so it is complete now.
    serving.stdout = std::fs::read_to_string(&log).unwrap_or_default();
    serving
}

#[test]
fn bad_configuration_is_refused_with_every_problem() {
    let db = TestDatabase::create(Backend::Sqlite);
    let output = run(
        mfx(&db).env("MFX_BIND", "nowhere").env("MFX_LOG_FORMAT", "yaml").env("MFX_JWT_SECRET", "tiny").arg("migrate"),
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    for key in ["MFX_BIND", "MFX_LOG_FORMAT", "MFX_JWT_SECRET"] {
        assert!(stderr.contains(key), "{key} is not reported: {stderr}");
    }
    assert!(!stderr.contains("tiny"), "the secret is not echoed: {stderr}");
}

#[test]
fn migrate_reports_what_it_applied() {
    let db = TestDatabase::create(Backend::Sqlite);
    let first = run(mfx(&db).arg("migrate"), None);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let migrations = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations/sqlite"))
        .expect("the migrations")
        .filter(|entry| entry.as_ref().is_ok_and(|e| e.path().is_dir()))
        .count();
    let applied = format!("Applied {migrations} migration");
    assert!(text(&first.stdout).contains(&applied), "{}", text(&first.stdout));
    let second = run(mfx(&db).arg("migrate"), None);
    assert!(text(&second.stdout).contains("up to date"), "{}", text(&second.stdout));
}

#[test]
fn seed_bench_fills_a_new_database_and_refuses_one_with_content() {
    let db = TestDatabase::create(Backend::Sqlite);
    let password = "a long enough password\n";
    let args = ["seed-bench", "--practices", "60", "--users", "12", "--password-stdin"];
    let first = run(mfx(&db).args(args), Some(password));
    assert!(first.status.success(), "{}", text(&first.stderr));
    let stdout = text(&first.stdout);
    for expected in ["60 practices", "6 meeting notes", "1 action plans", "12 accounts"] {
        assert!(stdout.contains(expected), "{expected}: {stdout}");
    }
    // The generated accounts exist, with digests on.
    let preview = run(mfx(&db).args(["digest", "preview", "--user", "reader-3@bench.example.org"]), None);
    assert!(preview.status.success(), "{}", text(&preview.stderr));
    let again = run(mfx(&db).args(args), Some(password));
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already holds"), "{}", text(&again.stderr));
}

#[test]
fn user_add_refuses_unknown_partners_and_bad_fields() {
    let db = TestDatabase::create(Backend::Sqlite);
    let unknown = run(
        mfx(&db).args(["user", "add", "--email", "a@example.org", "--partner", "atlantis", "--role", "editor"]),
        None,
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("seine-saint-denis"), "lists the partners: {}", text(&unknown.stderr));
    let bad = run(
        mfx(&db).args([
            "user",
            "add",
            "--email",
            "nope",
            "--partner",
            "bologna",
            "--role",
            "chief",
            "--time-zone",
            "Rome",
        ]),
        None,
    );
    let stderr = text(&bad.stderr);
    assert!(stderr.contains("--email") && stderr.contains("--role") && stderr.contains("--time-zone"), "{stderr}");
    let weak = run(
        mfx(&db).args([
            "user",
            "add",
            "--email",
            "b@example.org",
            "--partner",
            "bologna",
            "--role",
            "editor",
            "--password-stdin",
        ]),
        Some("short\n"),
    );
    assert!(text(&weak.stderr).contains("at least 12"), "{}", text(&weak.stderr));
}

#[actix_web::test]
async fn user_add_then_login_gives_a_token_that_me_accepts() {
    let db = TestDatabase::create(Backend::Sqlite);
    let added = run(
        mfx(&db).args([
            "user",
            "add",
            "--email",
            "Ana.Dumitru@Example.RO",
            "--partner",
            "bucharest-ilfov",
            "--role",
            "coordinator",
            "--display-name",
            "Ana Dumitru",
            "--password-stdin",
        ]),
        Some("un parolă destul de lungă\n"),
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    let stdout = text(&added.stdout);
    assert!(
        stdout.contains("Created coordinator account ana.dumitru@example.ro for bucharest-ilfov (language ro"),
        "{stdout}"
    );
    assert!(stdout.contains("first administrator"), "a new database also gets its first admin: {stdout}");
    let again = run(
        mfx(&db).args(["user", "add", "--email", "ana.dumitru@example.ro", "--partner", "bologna", "--role", "viewer"]),
        None,
    );
    assert!(text(&again.stderr).contains("already exists"), "{}", text(&again.stderr));

    let server = serve(&db);
    assert!(!server.stdout.contains("password:"), "no new admin on an existing database: {}", server.stdout);
    let client = reqwest::Client::new();
    let login = client
        .post(format!("{}/api/v1/auth/login", server.base))
        .json(&serde_json::json!({ "email": "ana.dumitru@example.ro", "password": "un parolă destul de lungă" }))
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), reqwest::StatusCode::OK);
    let body: serde_json::Value = login.json().await.expect("json");
    let token = body["access_token"].as_str().expect("token");
    let me: serde_json::Value = client
        .get(format!("{}/api/v1/me", server.base))
        .bearer_auth(token)
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("json");
    assert_eq!(me["email"], "ana.dumitru@example.ro");
    assert_eq!(me["display_name"], "Ana Dumitru");
    assert_eq!(me["role"], "coordinator");
}

#[actix_web::test]
async fn serve_on_a_new_database_prints_the_admin_password_once() {
    let db = TestDatabase::create(Backend::Sqlite);
    let first = serve(&db);
    let password = first
        .stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("password: "))
        .map(|p| p.trim().to_owned())
        .unwrap_or_else(|| panic!("the first start prints the admin password: {}", first.stdout));
    let partners: serde_json::Value =
        reqwest::get(format!("{}/api/v1/partners", first.base)).await.expect("get").json().await.expect("json");
    assert_eq!(partners["items"].as_array().map(Vec::len), Some(6));
    let login = reqwest::Client::new()
        .post(format!("{}/api/v1/auth/login", first.base))
        .json(&serde_json::json!({ "email": "admin@localhost", "password": password }))
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), reqwest::StatusCode::OK);
    drop(first);

    let second = serve(&db);
    assert!(!second.stdout.contains("password"), "{}", second.stdout);
    let partners: serde_json::Value =
        reqwest::get(format!("{}/api/v1/partners", second.base)).await.expect("get").json().await.expect("json");
    assert_eq!(partners["items"].as_array().map(Vec::len), Some(6), "nothing seeded twice");
    let secret = db.data_dir().join("jwt-secret");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&secret).expect("the token secret is kept in the data dir").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
