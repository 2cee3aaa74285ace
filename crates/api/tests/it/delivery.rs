//! Delivering digests over SMTP to a real TCP server: queued once per period, refused messages
//! retried and delivered exactly once, digests that wait out a mail server away for hours and
//! leave once on its return, messages refused for good set aside, two workers never sending
//! the same digest, the weekly digest at eight in the reader's own time zone, and the outbox as
//! operators see it.

use crate::documents::published;
use crate::on_both_databases;
use crate::smtp::{SmtpSink, a_port_where_nothing_listens};
use crate::support::{ADMIN_EMAIL, TestApp, settings_for};
use crate::web::{browser, page, sign_in};
use chrono::{Datelike, Duration, TimeZone, Timelike, Utc};
use chrono_tz::Europe::Stockholm;
use mfx_api::mail::{Mailer, Pass, enqueue_due, send_due};
use mfx_api::settings::Settings;
use mfx_domain::locale::test_locale;
use mfx_i18n::{Arg, Translator};
use reqwest::StatusCode;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

async fn sink_for(app: &TestApp) -> (SmtpSink, Settings, Mailer) {
    let sink = SmtpSink::start().await;
    let settings = settings_for(&app.db, &[("MFX_SMTP_URL", sink.url.as_str())]);
    let mailer = Mailer::from_settings(&settings).expect("mailer");
    (sink, settings, mailer)
}

async fn pass(app: &TestApp, mailer: &Mailer, settings: &Settings, limit: i64) -> Pass {
    send_due(&app.state.db, mailer, settings, &app.state.unsubscribe_key, app.state.clock.now(), limit)
        .await
        .expect("send")
}

async fn a_practice_from_seine_saint_denis(app: &TestApp) -> String {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let practice =
        json!({ "visibility": "public", "text": {"title": "Microcrédit solidaire", "summary": "Un microcrédit."} });
    published(app, &ssd, &coordinator, "practices", &practice).await;
    coordinator
}

fn recipients(sink: &SmtpSink) -> Vec<String> {
    sink.accepted().into_iter().flat_map(|m| m.to).collect()
}

async fn a_refused_digest_is_retried_and_delivered_once(app: TestApp) {
    let (sink, settings, mailer) = sink_for(&app).await;
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    app.state.clock.advance(Duration::minutes(1));
    a_practice_from_seine_saint_denis(&app).await;
    app.state.clock.advance(Duration::minutes(1));
    let queued = enqueue_due(&app.state.db, app.state.clock.now(), true).expect("enqueue");
    assert_eq!(queued, 4, "the administrator, the coordinator, the two editors");
    assert_eq!(enqueue_due(&app.state.db, app.state.clock.now(), true).expect("enqueue"), 0, "a period is queued once");

    // The mail server is unavailable for the first three attempts: it answers 451 twice, then
    // hangs up in the middle of a message.
    sink.refuse_next(2);
    let first = pass(&app, &mailer, &settings, 2).await;
    assert_eq!((first.failed, first.sent, first.parked), (2, 0, 0), "{first:?}");
    let admin = app.admin_token().await;
    let failed = app.get("/api/v1/digests?status=failed", Some(&admin)).await;
    assert_eq!(failed.status, StatusCode::OK, "{}", failed.text);
    assert_eq!(failed.body.as_array().map(Vec::len), Some(2));
    let row = &failed.body[0];
    assert_eq!(row["attempts"], 1);
    let error = row["last_error"].as_str().unwrap_or_default();
    assert!(error.starts_with("the mail server asked to try again later: ") && error.contains("451"), "{row}");
    // Operators only, and only known statuses.
    app.get("/api/v1/digests", Some(&lars)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let unknown = app.get("/api/v1/digests?status=lost", Some(&admin)).await;
    unknown.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(unknown.field_errors(), [("status".to_owned(), "unknown_status".to_owned())]);
    sink.drop_next(1);
    let second = pass(&app, &mailer, &settings, 100).await;
    assert_eq!(second.failed, 1, "{second:?}");
    assert_eq!(sink.refused(), 3);
    // Not again before their time (a minute later)…
    assert_eq!(pass(&app, &mailer, &settings, 100).await, Pass::default());
    // …and then delivered.
    app.state.clock.advance(Duration::seconds(61));
    let third = pass(&app, &mailer, &settings, 100).await;
    assert_eq!((third.failed, third.parked), (0, 0), "{third:?}");
    assert_eq!(first.sent + second.sent + third.sent + second.empty + third.empty, 4);
    assert_eq!(pass(&app, &mailer, &settings, 100).await, Pass::default(), "nothing is sent twice");
    app.state.clock.advance(Duration::hours(2));
    assert_eq!(pass(&app, &mailer, &settings, 100).await, Pass::default(), "nothing is sent twice");

    let sent = recipients(&sink);
    let unique: BTreeSet<&String> = sent.iter().collect();
    assert_eq!(unique.len(), sent.len(), "each reader once: {sent:?}");
    assert!(sent.contains(&"lars@example.se".to_owned()), "{sent:?}");
    let to_lars = sink.accepted().into_iter().find(|m| m.to == ["lars@example.se"]).expect("lars's digest");
    assert!(to_lars.data.contains("Content-Language: sv"), "{}", to_lars.data);
    assert!(to_lars.data.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(to_lars.from.starts_with("noreply@"), "{}", to_lars.from);

    let admin = app.admin_token().await;
    let all = app.get("/api/v1/digests", Some(&admin)).await;
    assert_eq!(all.body.as_array().map(Vec::len), Some(4));
    let statuses: BTreeSet<&str> =
        all.body.as_array().expect("rows").iter().filter_map(|r| r["status"].as_str()).collect();
    assert!(statuses.iter().all(|s| ["sent", "empty"].contains(s)), "{statuses:?}");
}

async fn a_digest_refused_for_good_is_parked_after_eight_attempts_and_can_be_retried(app: TestApp) {
    let (sink, settings, mailer) = sink_for(&app).await;
    app.user_token("lars@example.se", "orebro", "editor").await;
    // Only Lars wants digests.
    let admin = app.admin_token().await;
    app.patch("/api/v1/me", Some(&admin), &json!({ "digest": { "frequency": "off" } })).await;
    app.state.clock.advance(Duration::minutes(1));
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    app.patch("/api/v1/me", Some(&coordinator), &json!({ "digest": { "frequency": "off" } })).await;
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    app.patch("/api/v1/me", Some(&ssd), &json!({ "digest": { "frequency": "off" } })).await;
    let practice = json!({ "visibility": "public", "text": {"title": "Microcrédit solidaire"} });
    published(&app, &ssd, &coordinator, "practices", &practice).await;
    app.state.clock.advance(Duration::minutes(1));
    assert_eq!(enqueue_due(&app.state.db, app.state.clock.now(), true).expect("enqueue"), 1);

    let forbidden = app.post("/api/v1/digests/any/retry", Some(&coordinator), &json!({})).await;
    forbidden.assert_problem(StatusCode::FORBIDDEN, "forbidden");

    // 550: the server will never take this message.
    sink.reject_next(usize::MAX);
    let mut parked = Pass::default();
    for _ in 0..mfx_api::mail::MAX_ATTEMPTS {
        let p = pass(&app, &mailer, &settings, 100).await;
        parked.failed += p.failed;
        parked.parked += p.parked;
        app.state.clock.advance(Duration::hours(1));
    }
    assert_eq!((parked.failed, parked.parked), (7, 1));
    assert_eq!(pass(&app, &mailer, &settings, 100).await, Pass::default(), "a parked digest waits for an operator");
    let admin = app.admin_token().await;
    let rows = app.get("/api/v1/digests?status=parked", Some(&admin)).await;
    let id = rows.body[0]["id"].as_str().expect("a parked digest").to_owned();
    assert_eq!(rows.body[0]["attempts"], 8);
    let error = rows.body[0]["last_error"].as_str().unwrap_or_default();
    assert!(error.starts_with("the mail server refused the message for good: ") && error.contains("550"), "{error}");

    sink.reject_next(0);
    let retried = app.post(&format!("/api/v1/digests/{id}/retry"), Some(&admin), &json!({})).await;
    assert_eq!(retried.status, StatusCode::NO_CONTENT, "{}", retried.text);
    assert_eq!(pass(&app, &mailer, &settings, 100).await.sent, 1);
    assert_eq!(recipients(&sink), ["lars@example.se"]);
    // A sent digest cannot be retried.
    app.post(&format!("/api/v1/digests/{id}/retry"), Some(&admin), &json!({}))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
}

/// Text as askama writes it into a page.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#x27;")
}

async fn digests_wait_out_a_mail_server_away_for_six_hours_and_leave_once_on_its_return(app: TestApp) {
    // The mail server is away: nothing listens where it should, so connecting is refused.
    let port = a_port_where_nothing_listens();
    let url = format!("smtp://127.0.0.1:{port}");
    let settings = settings_for(&app.db, &[("MFX_SMTP_URL", url.as_str())]);
    let mailer = Mailer::from_settings(&settings).expect("mailer");
    let editors = ["lars@example.se", "giulia@example.it", "maja@example.si"];
    for (email, partner) in editors.into_iter().zip(["orebro", "bologna", "heart-of-slovenia"]) {
        app.user_token(email, partner, "editor").await;
    }
    app.state.clock.advance(Duration::minutes(1));
    a_practice_from_seine_saint_denis(&app).await;
    app.state.clock.advance(Duration::minutes(1));
    let queued = enqueue_due(&app.state.db, app.state.clock.now(), true).expect("enqueue");
    assert_eq!(queued, 6, "the administrator, the coordinator, four editors");
    let rows = || app.state.db.read(|c| mfx_store::outbox::list(c, None, 100)).expect("outbox");

    // Six hours of passes, one a minute: every attempt is refused, none is set aside, and each
    // waits as the backoff says: 1, 2, 4 … minutes, then an hour at most.
    let away = app.state.clock.now();
    let mut delays: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for minute in 0..=360 {
        if minute > 0 {
            app.state.clock.advance(Duration::minutes(1));
        }
        let now = app.state.clock.now();
        let done = pass(&app, &mailer, &settings, 100).await;
        assert_eq!((done.sent, done.parked), (0, 0), "minute {minute}: {done:?}");
        for row in rows() {
            assert!(["failed", "empty"].contains(&row.status.as_str()), "minute {minute}: {row:?}");
            if row.status == "failed" {
                assert!(row.next_attempt_at > now, "minute {minute}: a due digest was left behind: {row:?}");
                let seen = delays.entry(row.email.clone()).or_default();
                if usize::try_from(row.attempts).expect("attempts") > seen.len() {
                    seen.push((row.next_attempt_at - now).num_minutes());
                }
            }
        }
    }
    let waiting: BTreeSet<String> = delays.keys().cloned().collect();
    for editor in editors {
        assert!(waiting.contains(editor), "{editor}'s digest waits: {waiting:?}");
    }
    for (email, seen) in &delays {
        // Attempts at 0, 1, 3, 7, 15, 31, 63, 123, 183, 243 and 303 minutes; the next at 363.
        assert_eq!(seen, &[1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60], "{email}");
    }

    // Operators see why they wait, in their own language, and when the next attempt comes.
    let admin_token = app.admin_token().await;
    let listed = app.get("/api/v1/digests?status=failed", Some(&admin_token)).await;
    for row in listed.body.as_array().expect("rows") {
        let error = row["last_error"].as_str().unwrap_or_default();
        assert!(error.starts_with("the mail server refused the connection: "), "{row}");
        assert_eq!(row["attempts"], 11, "{row}");
    }
    let me = app.get("/api/v1/me", Some(&admin_token)).await;
    let zone: chrono_tz::Tz = me.body["time_zone"].as_str().expect("zone").parse().expect("a time zone");
    let admin = browser(&app);
    sign_in(&app, &admin, "en", ADMIN_EMAIL, &app.admin_password).await;
    let next = away + Duration::minutes(363);
    for lang in ["en", "fr"] {
        let (status, html) = page(&admin, &app.url(&format!("/{lang}/admin/digests"))).await;
        assert_eq!(status, StatusCode::OK, "{html}");
        let tr = Translator::new(test_locale(lang));
        let count = |text: &str| html.matches(text).count();
        assert_eq!(count(&format!("<td>{}</td>", escaped(&tr.t("outbox-status-failed")))), waiting.len(), "{html}");
        assert_eq!(count(&escaped(&tr.t("outbox-why-refused"))), waiting.len(), "{lang}: {html}");
        let at = mfx_i18n::format_datetime(test_locale(lang), next, zone);
        assert_eq!(count(&format!("<td>{}</td>", escaped(&at))), waiting.len(), "{html}");
        assert!(html.contains("Connection refused"), "the system's own words are kept: {html}");
    }

    // The mail server comes back where it was; within one retry interval every digest that
    // waited leaves, once.
    let sink = SmtpSink::start_on(port).await;
    let mut back = Pass::default();
    for _ in 0..60 {
        app.state.clock.advance(Duration::minutes(1));
        back += pass(&app, &mailer, &settings, 100).await;
    }
    assert_eq!((back.sent, back.failed, back.parked, back.empty), (waiting.len(), 0, 0, 0), "{back:?}");
    let statuses: BTreeSet<String> = rows().into_iter().map(|r| r.status).collect();
    assert!(statuses.iter().all(|s| s == "sent" || s == "empty"), "{statuses:?}");
    let received: BTreeMap<String, usize> = recipients(&sink).into_iter().fold(BTreeMap::new(), |mut n, to| {
        *n.entry(to).or_default() += 1;
        n
    });
    assert_eq!(received.keys().cloned().collect::<BTreeSet<_>>(), waiting, "none missing, none unexpected");
    assert!(received.values().all(|n| *n == 1), "none twice: {received:?}");
    app.state.clock.advance(Duration::hours(2));
    assert_eq!(pass(&app, &mailer, &settings, 100).await, Pass::default(), "nothing is sent twice");
    assert_eq!(sink.accepted().len(), waiting.len());
}

async fn two_workers_never_send_the_same_digest(app: TestApp) {
    let (sink, settings, mailer) = sink_for(&app).await;
    for (email, partner) in [
        ("ion@example.ro", "bucharest-ilfov"),
        ("giulia@example.it", "bologna"),
        ("maja@example.si", "heart-of-slovenia"),
        ("lars@example.se", "orebro"),
        ("amine@example.fr", "seine-saint-denis"),
        ("paolo@example.it", "yunus-italy"),
    ] {
        app.user_token(email, partner, "editor").await;
    }
    app.state.clock.advance(Duration::minutes(1));
    a_practice_from_seine_saint_denis(&app).await;
    app.state.clock.advance(Duration::minutes(1));
    let queued = enqueue_due(&app.state.db, app.state.clock.now(), true).expect("enqueue");
    assert_eq!(queued, 9);
    let mut delivered = 0;
    for _ in 0..10 {
        let (a, b) = tokio::join!(pass(&app, &mailer, &settings, 2), pass(&app, &mailer, &settings, 2));
        assert_eq!(a.failed + b.failed + a.parked + b.parked, 0, "{a:?} {b:?}");
        delivered += a.sent + a.empty + b.sent + b.empty;
        if a == Pass::default() && b == Pass::default() {
            break;
        }
    }
    assert_eq!(delivered, queued, "every queued digest handled once");
    let sent = recipients(&sink);
    let unique: BTreeSet<&String> = sent.iter().collect();
    assert_eq!(unique.len(), sent.len(), "no reader got a digest twice: {sent:?}");
    assert!(sent.len() >= 6, "{sent:?}");
}

async fn the_weekly_digest_leaves_at_eight_in_stockholm(app: TestApp) {
    let (sink, settings, mailer) = sink_for(&app).await;
    // The coming Monday, 08:00 in Stockholm, worked out here from the calendar.
    let today = app.state.clock.now().with_timezone(&Stockholm).date_naive();
    let monday = today + Duration::days(7 - i64::from(today.weekday().num_days_from_monday()));
    let slot = Stockholm
        .from_local_datetime(&monday.and_hms_opt(8, 0, 0).expect("time"))
        .single()
        .expect("08:00 exists")
        .with_timezone(&Utc);
    let offset = if (3..=10).contains(&slot.month()) { [6, 7] } else { [7, 7] };
    assert!(offset.contains(&slot.hour()), "08:00 in Stockholm is {slot}");
    app.state.clock.advance(slot - Duration::hours(2) - app.state.clock.now());

    app.user_token("lars@example.se", "orebro", "editor").await;
    let coordinator = a_practice_from_seine_saint_denis(&app).await;
    // A deliverable of Örebro that is already late.
    app.post("/api/v1/work-packages", Some(&coordinator), &json!({ "code": "WP1", "titles": {"en": "Exchange"} }))
        .await;
    let due = (app.state.clock.now() - Duration::days(3)).date_naive().to_string();
    let deliverable = json!({ "code": "D9.9", "work_package": "WP1", "titles": {"en": "Regional report", "sv": "Regional rapport"}, "due_on": due, "partners": ["orebro"] });
    let created = app.post("/api/v1/deliverables", Some(&coordinator), &deliverable).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let admin = app.admin_token().await;
    app.patch("/api/v1/me", Some(&admin), &json!({ "digest": { "frequency": "off" } })).await;

    // A minute before: nothing for Lars (his last digest time came before he joined).
    enqueue_due(&app.state.db, slot - Duration::minutes(1), false).expect("enqueue");
    let before = app.get("/api/v1/digests", Some(&admin)).await;
    assert!(!before.text.contains("lars@example.se"), "{}", before.text);
    // Half a minute after: his digest for the week ending at 08:00 Stockholm time.
    enqueue_due(&app.state.db, slot + Duration::seconds(30), false).expect("enqueue");
    let after = app.get("/api/v1/digests", Some(&admin)).await;
    let row = after
        .body
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["email"] == "lars@example.se")
        .expect("lars's digest is queued")
        .clone();
    let end: chrono::DateTime<Utc> = row["period_end"].as_str().expect("end").parse().expect("time");
    assert_eq!(end, slot);
    let start: chrono::DateTime<Utc> = row["period_start"].as_str().expect("start").parse().expect("time");
    assert_eq!(end - start, Duration::days(7));

    app.state.clock.advance(slot + Duration::seconds(30) - app.state.clock.now());
    assert_eq!(pass(&app, &mailer, &settings, 100).await.failed, 0);
    let to_lars = sink.accepted().into_iter().find(|m| m.to == ["lars@example.se"]).expect("lars's digest is sent");
    let sv = Translator::new(test_locale("sv"));
    let since = mfx_i18n::format_date(test_locale("sv"), start.with_timezone(&Stockholm).date_naive());
    let subject = sv.args("digest-subject", &[("date", Arg::from(since.as_str()))]);
    assert!(to_lars.data.contains(&format!("Subject: {subject}")), "{subject}\n{}", to_lars.data);
    let text = to_lars.part("text/plain");
    assert!(text.contains(&sv.t("digest-section-practice")), "{text}");
    assert!(text.contains("Microcrédit solidaire"), "{text}");
    let in_french = sv.args("digest-in-language", &[("language", Arg::from(sv.language_name(test_locale("fr"))))]);
    assert!(text.contains(&in_french), "says the title is in French: {text}");
    assert!(text.contains(&sv.t("digest-overdue")) && text.contains("D9.9 Regional rapport"), "{text}");
    let html = to_lars.part("text/html");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"sv\">"), "{html}");
    assert!(html.contains("D9.9 Regional rapport"), "{html}");
}

on_both_databases!(
    a_refused_digest_is_retried_and_delivered_once,
    digests_wait_out_a_mail_server_away_for_six_hours_and_leave_once_on_its_return,
    a_digest_refused_for_good_is_parked_after_eight_attempts_and_can_be_retried,
    two_workers_never_send_the_same_digest,
    the_weekly_digest_leaves_at_eight_in_stockholm
);

#[test]
fn the_digest_run_command_writes_mail_files_without_a_server() {
    let db = crate::support::TestDatabase::create(crate::support::Backend::Sqlite);
    let mfx = || crate::support::mfx(&db);
    assert!(
        mfx()
            .args(["user", "add", "--email", "lars@example.se", "--partner", "orebro", "--role", "editor"])
            .output()
            .expect("run")
            .status
            .success()
    );
    assert!(mfx().arg("seed-demo").output().expect("run").status.success());
    let dry = mfx().args(["digest", "run", "--now", "--dry-run"]).output().expect("run");
    assert!(dry.status.success(), "{}", String::from_utf8_lossy(&dry.stderr));
    assert!(String::from_utf8_lossy(&dry.stdout).contains("lars@example.se"));
    assert!(!db.data_dir().join("mail").exists(), "a dry run sends nothing");
    let run = mfx().args(["digest", "run", "--now"]).output().expect("run");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let out = String::from_utf8_lossy(&run.stdout);
    let files: Vec<_> = std::fs::read_dir(db.data_dir().join("mail")).expect("mail folder").collect();
    assert!(!files.is_empty(), "{out}");
    assert!(out.contains(&format!("{} sent", files.len())), "{out}");
    let again = mfx().args(["digest", "run"]).output().expect("run");
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("0 queued; 0 sent"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}
