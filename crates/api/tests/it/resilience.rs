//! The real `mfx serve` process under load. Crash safety: killed with SIGKILL during a write
//! load, restarted, every write it had acknowledged (201 with an id) must be there, whole —
//! several times over, on SQLite and on PostgreSQL. Soak: a mixed load at 128 connections for
//! 60 seconds gives no 5xx, no error in the log, and memory that stays flat.

use crate::support::{Backend, TestDatabase};
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PASSWORD: &str = "a long enough password";
const ROUNDS: usize = 4;
const WRITERS: usize = 4;

struct Server {
    db: TestDatabase,
    port: u16,
}

impl Server {
    fn command(&self) -> Command {
        let mut command = crate::support::mfx(&self.db);
        command
            .env("MFX_BIND", format!("127.0.0.1:{}", self.port))
            .env("MFX_JWT_SECRET", crate::support::JWT_SECRET)
            // As deployed (Dockerfile, docs/operations.md): glibc's arena per thread otherwise
            // lets resident memory creep up under many blocking database calls.
            .env("MALLOC_ARENA_MAX", "2")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    }

    fn log(&self) -> std::path::PathBuf {
        self.db.data_dir().join("serve.log")
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    #[expect(clippy::zombie_processes, reason = "the caller kills and reaps the server it gets")]
    async fn start(&self, client: &reqwest::Client) -> Child {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(self.log()).expect("log file");
        let mut child = self.command().arg("serve").stderr(log).spawn().expect("mfx serve starts");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(r) = client.get(self.url("/readyz")).send().await
                && r.status() == reqwest::StatusCode::OK
            {
                return child;
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("mfx serve was not ready within 30 s");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

async fn sign_in(server: &Server, client: &reqwest::Client) -> String {
    let reply: Value = client
        .post(server.url("/api/v1/auth/login"))
        .json(&json!({ "email": "lars@example.se", "password": PASSWORD }))
        .send()
        .await
        .expect("send")
        .json()
        .await
        .expect("json");
    reply["access_token"].as_str().expect("access token").to_owned()
}

/// A fresh database with one editor, Lars of Örebro.
fn server_with_an_editor(backend: Backend) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    let server = Server { db: TestDatabase::create(backend), port };
    let mut add = server.command();
    add.args([
        "user",
        "add",
        "--email",
        "lars@example.se",
        "--partner",
        "orebro",
        "--role",
        "editor",
        "--password-stdin",
    ])
    .stdin(Stdio::piped());
    let mut adding = add.spawn().expect("user add");
    std::io::Write::write_all(&mut adding.stdin.take().expect("stdin"), format!("{PASSWORD}\n").as_bytes())
        .expect("password");
    assert!(adding.wait().expect("user add").success());
    server
}

async fn acknowledged_writes_survive_a_kill(backend: Backend) {
    let server = server_with_an_editor(backend);
    let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().expect("client");
    let acknowledged: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    for round in 0..ROUNDS {
        let mut child = server.start(&client).await;
        let token = sign_in(&server, &client).await;
        let mut writers = tokio::task::JoinSet::new();
        for writer in 0..WRITERS {
            let (client, token, acknowledged) = (client.clone(), token.clone(), acknowledged.clone());
            let url = server.url("/api/v1/practices");
            writers.spawn(async move {
                for n in 0.. {
                    let title = format!("Round {round} writer {writer} practice {n}");
                    let body = json!({ "text": { "title": title, "summary": "Microcredit for social inclusion. ".repeat(20) } });
                    let Ok(response) = client.post(&url).bearer_auth(&token).json(&body).send().await else { break };
                    if response.status() != reqwest::StatusCode::CREATED {
                        break;
                    }
                    let Ok(created) = response.json::<Value>().await else { break };
                    let id = created["id"].as_str().expect("id").to_owned();
                    acknowledged.lock().expect("list").push((id, title));
                }
            });
        }
        // Let the writers run, then kill the server in the middle of their requests.
        tokio::time::sleep(Duration::from_millis(300 + 150 * round as u64)).await;
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        while writers.join_next().await.is_some() {}
    }

    let mut child = server.start(&client).await;
    let token = sign_in(&server, &client).await;
    let written = acknowledged.lock().expect("list").clone();
    assert!(written.len() >= ROUNDS * WRITERS, "the load wrote only {} documents", written.len());
    for (id, title) in &written {
        let response =
            client.get(server.url(&format!("/api/v1/practices/{id}"))).bearer_auth(&token).send().await.expect("send");
        assert_eq!(response.status(), reqwest::StatusCode::OK, "acknowledged practice {id} is lost");
        let document: Value = response.json().await.expect("json");
        assert_eq!(document["text"]["title"], title.as_str(), "{document}");
        let history = client
            .get(server.url(&format!("/api/v1/practices/{id}/revisions")))
            .bearer_auth(&token)
            .send()
            .await
            .expect("send");
        let history: Value = history.json().await.expect("json");
        assert!(!history["items"].as_array().is_none_or(Vec::is_empty), "the revision of {id} is there too: {history}");
    }
    child.kill().expect("stop");
    child.wait().expect("reaped");
}

#[actix_web::test]
async fn acknowledged_writes_survive_sigkill_on_sqlite() {
    acknowledged_writes_survive_a_kill(Backend::Sqlite).await;
}

#[actix_web::test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
async fn acknowledged_writes_survive_sigkill_on_postgres() {
    acknowledged_writes_survive_a_kill(Backend::Postgres).await;
}

/// Resident memory of a process in KiB.
async fn a_mixed_load_for_a_minute_stays_healthy(backend: Backend) {
    const CONNECTIONS: usize = 128;
    const DURATION: Duration = Duration::from_secs(60);
    let server = server_with_an_editor(backend);
    let mut seed = server.command();
    assert!(seed.arg("seed-demo").status().expect("seed-demo").success());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .pool_max_idle_per_host(CONNECTIONS)
        .build()
        .expect("client");
    let mut child = server.start(&client).await;
    let pid = child.id();
    let token = sign_in(&server, &client).await;
    let practices: Value =
        client.get(server.url("/api/v1/practices?limit=20")).send().await.expect("send").json().await.expect("json");
    let ids: Vec<String> = practices["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|p| p["id"].as_str().map(str::to_owned))
        .collect();
    assert!(!ids.is_empty());

    let started = Instant::now();
    let mut load = tokio::task::JoinSet::new();
    for connection in 0..CONNECTIONS {
        let (client, token, ids) = (client.clone(), token.clone(), ids.clone());
        let base = server.url("");
        load.spawn(async move {
            let (mut requests, mut server_errors, mut failures) = (0_u64, Vec::new(), 0_u64);
            let mut n = connection;
            while started.elapsed() < DURATION {
                n = n.wrapping_mul(31).wrapping_add(7);
                let id = &ids[n % ids.len()];
                let lang = ["en", "fr", "it", "ro", "sl", "sv"][n % 6];
                let request = match n % 10 {
                    0 => client.post(format!("{base}/api/v1/practices")).bearer_auth(&token).json(
                        &json!({ "text": { "title": format!("Soak practice {connection}-{requests}"), "summary": "Microcredit." } }),
                    ),
                    1 => client.get(format!("{base}/api/v1/search?q=microcredit&lang={lang}")),
                    2 => client.get(format!("{base}/{lang}/practices")),
                    3 | 4 => client.get(format!("{base}/api/v1/practices?lang={lang}&limit=20")),
                    _ => client.get(format!("{base}/api/v1/practices/{id}?lang={lang}")),
                };
                match request.send().await {
                    Ok(response) if response.status().is_server_error() => {
                        server_errors.push(format!("{} {}", response.status(), response.url()));
                    }
                    Ok(response) => {
                        let _ = response.bytes().await;
                    }
                    Err(_) => failures += 1,
                }
                requests += 1;
            }
            (requests, server_errors, failures)
        });
    }
    // Memory after warming up, then at the end.
    tokio::time::sleep(DURATION / 4).await;
    let warm = crate::support::rss_kib(pid);
    let mut peak = warm;
    while started.elapsed() < DURATION {
        tokio::time::sleep(Duration::from_secs(1)).await;
        peak = peak.max(crate::support::rss_kib(pid));
    }
    let (mut requests, mut errors, mut failures) = (0, Vec::new(), 0);
    while let Some(result) = load.join_next().await {
        let (r, e, f) = result.expect("a load task");
        requests += r;
        errors.extend(e);
        failures += f;
    }
    let end = crate::support::rss_kib(pid);
    child.kill().expect("stop");
    child.wait().expect("reaped");
    let log = std::fs::read_to_string(server.log()).unwrap_or_default();

    assert!(requests > 1_000, "only {requests} requests in a minute");
    assert!(errors.is_empty(), "{} server errors, e.g. {:?}", errors.len(), errors.first());
    assert_eq!(failures, 0, "requests without an answer");
    let logged: Vec<&str> = log.lines().filter(|l| l.contains("ERROR")).collect();
    assert!(logged.is_empty(), "errors in the log: {:?}", &logged[..logged.len().min(5)]);
    assert!(warm > 0 && end > 0, "memory could not be read");
    assert!(end <= warm * 3 / 2 + 16 * 1024, "memory grew from {warm} KiB to {end} KiB (peak {peak} KiB)");
}

#[actix_web::test]
async fn a_minute_of_mixed_load_on_sqlite() {
    a_mixed_load_for_a_minute_stays_healthy(Backend::Sqlite).await;
}

#[actix_web::test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
async fn a_minute_of_mixed_load_on_postgres() {
    a_mixed_load_for_a_minute_stays_healthy(Backend::Postgres).await;
}
