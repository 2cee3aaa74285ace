//! Two instances sending digests, one killed in the middle of the run.

use super::*;
use crate::support::{Backend, TestDatabase};

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
