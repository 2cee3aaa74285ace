//! PostgreSQL stopped under load and started again: a cluster of the test's own.

use super::*;

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
