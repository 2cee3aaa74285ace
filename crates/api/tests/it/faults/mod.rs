//! Faults an operator meets, against the real `mfx serve`: PostgreSQL stopped under load and
//! started again (a cluster the test makes, starts and stops itself), the disk under SQLite
//! filling up (a small tmpfs the test mounts), and a database that answers slowly (a proxy the
//! test runs between `mfx serve` and PostgreSQL, delaying every query), and two instances
//! sending digests, one killed in the middle of the run. Each ends with nothing lost and the
//! service back on its own, without a restart.

mod digests;
mod disk;
mod restart;
mod slow;

use crate::support::{JWT_SECRET, METRICS_TOKEN};
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
