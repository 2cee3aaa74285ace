//! A database that answers slowly: a proxy between `mfx serve` and PostgreSQL.

use super::*;
use crate::support::{Backend, TestDatabase};

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
    let warm = crate::support::rss_kib(running.child.id());
    tokio::time::sleep(Duration::from_secs(10)).await;
    let late = crate::support::rss_kib(running.child.id());
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
    // No wait for a connection starts later than ten seconds after a request's first
    // (`DATABASE_TIME`); work under way on a connection it holds finishes, at 200 ms a query.
    assert!(longest < Duration::from_secs(25), "no request queued without bound: {slowest:?}");
    assert!(late < warm + 16 * 1024, "memory stays flat: {warm} KiB after 5 s, {late} KiB after 15 s");
    every_acknowledged_write_is_there(&serve, &client, &token, &seen).await;
    drop(running);
}
