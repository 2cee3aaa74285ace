//! The test harness: `TestApp` starts the real application on a free port with its own
//! database — a SQLite file in a temporary folder, or a fresh PostgreSQL database that is
//! dropped afterwards — and talks to it over HTTP.

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use mfx_api::clock::Clock;
use mfx_api::server;
use mfx_api::settings::Settings;
use mfx_api::state::AppState;
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;

pub const JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123";
pub const ADMIN_EMAIL: &str = "admin@example.org";
/// The bearer token test servers ask for on `/metrics`.
pub const METRICS_TOKEN: &str = "test-metrics-token-0123456789";
/// The password the first admin chooses in place of its one-time password.
pub const ADMIN_PASSWORD: &str = "harbour lantern juniper quietly";
/// The password of accounts made by [`TestApp::user_token`].
pub const USER_PASSWORD: &str = "a long enough password";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The server for PostgreSQL tests; each test creates and drops its own database there.
pub fn postgres_url() -> String {
    std::env::var("MFX_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!("MFX_TEST_POSTGRES_URL is not set: PostgreSQL tests need a server, e.g. postgres://postgres@127.0.0.1:5432/postgres")
    })
}

/// A database that exists for one test.
pub struct TestDatabase {
    pub url: String,
    dir: PathBuf,
    pg_name: Option<(String, String)>,
}

impl TestDatabase {
    pub fn create(backend: Backend) -> Self {
        let id = uuid::Uuid::now_v7().simple().to_string();
        let dir = std::env::temp_dir().join(format!("mfx-test-{id}"));
        std::fs::create_dir_all(&dir).expect("temp dir");
        match backend {
            Backend::Sqlite => Self { url: dir.join("mfx.sqlite3").display().to_string(), dir, pg_name: None },
            Backend::Postgres => {
                let admin_url = postgres_url();
                let name = format!("mfx_test_{id}");
                let mut conn = PgConnection::establish(&admin_url)
                    .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at MFX_TEST_POSTGRES_URL: {e}"));
                conn.batch_execute(&format!("CREATE DATABASE {name}")).expect("create test database");
                let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
                let url = format!("{base}/{name}");
                Self { url, dir, pg_name: Some((admin_url, name)) }
            }
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.clone()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = &self.pg_name
            && let Ok(mut conn) = PgConnection::establish(admin_url)
        {
            let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The resident memory of a process, in KiB (0 when it is gone).
pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// The `mfx` binary on a test database, with nothing from the environment but `PATH`.
pub fn mfx(db: &TestDatabase) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_mfx"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("MFX_DATABASE_URL", &db.url)
        .env("MFX_DATA_DIR", db.data_dir())
        .env("MFX_LOG", "warn")
        .current_dir(db.data_dir());
    command
}

pub fn settings_for(db: &TestDatabase, extra: &[(&str, &str)]) -> Settings {
    let mut env: HashMap<String, String> = HashMap::from([
        ("MFX_DATABASE_URL".into(), db.url.clone()),
        ("MFX_DATA_DIR".into(), db.data_dir().display().to_string()),
        ("MFX_JWT_SECRET".into(), JWT_SECRET.into()),
        ("MFX_ADMIN_EMAIL".into(), ADMIN_EMAIL.into()),
        ("MFX_WORKERS".into(), "1".into()),
        ("MFX_DB_POOL_SIZE".into(), "4".into()),
        ("MFX_LOG".into(), "warn".into()),
        ("MFX_METRICS_TOKEN".into(), METRICS_TOKEN.into()),
    ]);
    for (key, value) in extra {
        env.insert((*key).to_owned(), (*value).to_owned());
    }
    Settings::from_sources(&env, &HashMap::new()).expect("test settings are valid")
}

/// A running application with its own database.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub state: AppState,
    /// The first admin's password: [`ADMIN_PASSWORD`] once it replaced the one-time password
    /// (as [`TestApp::spawn`] does), the one-time password itself after [`TestApp::spawn_fresh`].
    pub admin_password: String,
    pub backend: Backend,
    handle: actix_web::dev::ServerHandle,
    // Dropped last: the database outlives the server.
    pub db: TestDatabase,
}

impl TestApp {
    /// The application with its first admin signed in once and its one-time password replaced
    /// by [`ADMIN_PASSWORD`], as an operator does first.
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, &[]).await
    }

    pub async fn spawn_with(backend: Backend, extra: &[(&str, &str)]) -> Self {
        let mut app = Self::spawn_fresh_with(backend, extra).await;
        let one_time = app.admin_password.clone();
        let token = app.token(ADMIN_EMAIL, &one_time).await;
        let changed = app
            .post(
                "/api/v1/me/password",
                Some(&token),
                &json!({ "current_password": one_time, "new_password": ADMIN_PASSWORD }),
            )
            .await;
        assert_eq!(changed.status, StatusCode::NO_CONTENT, "replacing the one-time password: {}", changed.text);
        app.admin_password = ADMIN_PASSWORD.to_owned();
        app
    }

    /// The application as a new installation leaves it: the first admin still has its
    /// one-time password, in `admin_password`.
    pub async fn spawn_fresh(backend: Backend) -> Self {
        Self::spawn_fresh_with(backend, &[]).await
    }

    pub async fn spawn_fresh_with(backend: Backend, extra: &[(&str, &str)]) -> Self {
        let db = TestDatabase::create(backend);
        let settings = settings_for(&db, extra);
        let clock = Clock::manual(chrono::Utc::now());
        let (state, prepared) = server::prepare_state(settings, clock).expect("the application prepares its database");
        let (_, admin_password) = prepared.first_admin.expect("a new database gets a first admin");
        let listener = TcpListener::bind("127.0.0.1:0").expect("free port");
        let (running, addr) = server::serve(state.clone(), listener).expect("server starts");
        let handle = running.handle();
        actix_web::rt::spawn(running);
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Self { base: format!("http://{addr}"), client, state, admin_password, backend, handle, db }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let builder = self.client.request(method, self.url(path));
        match token {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        Reply::from(self.request(Method::GET, path, token).send().await.expect("request")).await
    }

    pub async fn send_json(&self, method: Method, path: &str, token: Option<&str>, body: &Value) -> Reply {
        Reply::from(self.request(method, path, token).json(body).send().await.expect("request")).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Reply {
        self.send_json(Method::POST, path, token, body).await
    }

    pub async fn patch(&self, path: &str, token: Option<&str>, body: &Value) -> Reply {
        self.send_json(Method::PATCH, path, token, body).await
    }

    /// Signs in and returns the token response.
    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.post("/api/v1/auth/login", None, &json!({ "email": email, "password": password })).await
    }

    /// Signs in and returns the access token, failing the test otherwise.
    pub async fn token(&self, email: &str, password: &str) -> String {
        let reply = self.login(email, password).await;
        assert_eq!(reply.status, StatusCode::OK, "sign-in of {email} failed: {}", reply.body);
        reply.body["access_token"].as_str().expect("access token").to_owned()
    }

    pub async fn admin_token(&self) -> String {
        self.token(ADMIN_EMAIL, &self.admin_password.clone()).await
    }

    /// Creates an account through the API as admin and returns its access token.
    pub async fn user_token(&self, email: &str, partner: &str, role: &str) -> String {
        let admin = self.admin_token().await;
        let password = USER_PASSWORD;
        let reply = self
            .post(
                "/api/v1/users",
                Some(&admin),
                &json!({ "email": email, "partner": partner, "role": role, "password": password }),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "creating {email}: {}", reply.body);
        self.token(email, password).await
    }
}

/// A second server on the same database, as a deployment with several instances has.
pub struct Instance {
    pub base: String,
    handle: actix_web::dev::ServerHandle,
}

impl Instance {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        actix_web::rt::spawn(async move { handle.stop(false).await });
    }
}

impl TestApp {
    /// Starts another instance of the application on this app's database.
    /// Waits until the search index holds every change in the database. Writes through the API
    /// are found by their own instance's next search; content written around it (the demo
    /// content, the command line) within a quarter of a second.
    pub async fn indexed(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            let latest = self.state.db.read(mfx_store::changes::latest).expect("latest change");
            if self.state.search.index.applied().is_some_and(|applied| applied >= latest) {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "the search index did not follow the database");
            self.state.search.wake();
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// A second instance on the same database, with a search index of its own (as every
    /// instance has).
    pub fn another_instance(&self) -> Instance {
        let search_dir = self.db.data_dir().join(format!("search-{}", uuid::Uuid::now_v7().simple()));
        let settings = settings_for(&self.db, &[("MFX_SEARCH_DIR", &search_dir.display().to_string())]);
        let (state, _) = server::prepare_state(settings, self.state.clock.clone()).expect("second instance");
        let listener = TcpListener::bind("127.0.0.1:0").expect("free port");
        let (running, addr) = server::serve(state, listener).expect("second server starts");
        let handle = running.handle();
        actix_web::rt::spawn(running);
        Instance { base: format!("http://{addr}"), handle }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        actix_web::rt::spawn(async move { handle.stop(false).await });
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
    pub body: Value,
}

impl Reply {
    pub async fn from(response: reqwest::Response) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.expect("body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Self { status, headers, text, body }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts an RFC 9457 problem with this status and code, carrying the request id.
    pub fn assert_problem(&self, status: StatusCode, code: &str) {
        assert_eq!(self.status, status, "unexpected status; body: {}", self.text);
        assert_eq!(self.header("content-type"), Some("application/problem+json"), "body: {}", self.text);
        assert_eq!(self.body["status"], status.as_u16(), "{}", self.text);
        assert_eq!(self.body["code"], code, "{}", self.text);
        assert_eq!(self.body["type"], format!("/problems/{}", code.replace('_', "-")));
        assert!(self.body["title"].as_str().is_some_and(|t| !t.is_empty()));
        let request_id = self.header("x-request-id").expect("every response has a request id");
        assert_eq!(self.body["request_id"], request_id);
    }

    /// The (field, code) pairs of a validation problem.
    pub fn field_errors(&self) -> Vec<(String, String)> {
        self.body["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .map(|e| {
                        (
                            e["field"].as_str().unwrap_or_default().to_owned(),
                            e["code"].as_str().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Declares a test that runs the same body on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[actix_web::test]
                async fn sqlite() {
                    super::$name($crate::support::TestApp::spawn($crate::support::Backend::Sqlite).await).await;
                }

                #[actix_web::test]
                #[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
                async fn postgres() {
                    super::$name($crate::support::TestApp::spawn($crate::support::Backend::Postgres).await).await;
                }
            }
        )*
    };
}

/// What a command printed, standard output then standard error.
pub fn printed(output: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// Every file under `dir` and its bytes, by its path from `dir`.
pub fn files_under(dir: &std::path::Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &std::path::Path, dir: &std::path::Path, out: &mut std::collections::BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                out.insert(path.strip_prefix(root).expect("inside").to_path_buf(), bytes);
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}
