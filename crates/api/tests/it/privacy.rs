//! The privacy notice and the retention jobs that keep its promises: the notice in every
//! language for anyone, with the controller and the retention periods of the settings in
//! words; a retention pass at a chosen time removes exactly what is past its period; a bad
//! setting is refused with its key and what was expected.

use crate::on_both_databases;
use crate::support::{Backend, METRICS_TOKEN, TestApp, TestDatabase, mfx, settings_for};
use crate::web::{LANGUAGES, browser, messages, page, sign_in, speaks};
use chrono::{DateTime, Duration, Utc};
use diesel::{QueryableByName, RunQueryDsl};
use mfx_api::retention::{self, Removed};
use mfx_domain::UserId;
use mfx_domain::locale::test_locale;
use mfx_domain::throttle::Failures;
use mfx_i18n::{Arg, Translator};
use mfx_store::activity::{self, NewActivity};
use mfx_store::{outbox, sessions, throttle, tracking};
use reqwest::StatusCode;
use serde_json::{Value, json};

const LEAD_NAME: &str =
    "Organismul Intermediar Regional pentru Programe Europene Capital Uman Regiunea București-Ilfov";

/// A message with a `count`, as the notice shows it in `lang`.
fn counted(lang: &str, id: &str, count: usize) -> String {
    Translator::new(test_locale(lang)).args(id, &[("count", Arg::from(count))])
}

fn t(lang: &str, id: &str) -> String {
    Translator::new(test_locale(lang)).t(id)
}

/// Whether the text shows a timestamp as machines write it (`2026-12-01T10:00`).
fn has_iso_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(16).any(|w| {
        let digits = |range: std::ops::Range<usize>| w[range].iter().all(u8::is_ascii_digit);
        digits(0..4) && w[4] == b'-' && digits(5..7) && w[7] == b'-' && digits(8..10) && w[10] == b'T'
    })
}

async fn the_notice_is_public_in_every_language_with_the_settings_periods(app: TestApp) {
    let anonymous = browser(&app);
    let english = messages("en");
    for lang in LANGUAGES {
        let (status, html) = page(&anonymous, &app.url(&format!("/{lang}/privacy"))).await;
        assert_eq!(status, StatusCode::OK, "/{lang}/privacy");
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "/{lang}/privacy declares its language");
        speaks(lang, "/privacy", &html, &english, &messages(lang));
        assert!(html.contains(&format!("<h1>{}</h1>", t(lang, "privacy-title"))), "/{lang}/privacy: {html}");
        // The controller: the lead partner of the seed, in its own language.
        assert!(html.contains(&format!("<span lang=\"ro\">{LEAD_NAME}</span>")) || lang == "ro", "{lang}: {html}");
        assert!(html.contains(LEAD_NAME), "/{lang}/privacy names the lead partner");
        assert!(html.contains("OIR PECU BI"), "/{lang}/privacy says whom to contact");
        // The default periods, in the reader's words.
        for words in [
            counted(lang, "privacy-days", 7),
            counted(lang, "privacy-days", 1),
            counted(lang, "privacy-days", 90),
            counted(lang, "privacy-years", 1),
            counted(lang, "privacy-days", 30),
        ] {
            assert!(html.contains(&format!("<td class=\"period\">{words}</td>")), "/{lang}/privacy lacks {words}");
        }
        assert!(html.contains(&format!("href=\"/{lang}/account/data\"")), "/{lang}/privacy links to the data page");
        assert!(html.contains(&format!("href=\"/{lang}/account\"")), "/{lang}/privacy links to the account");
        assert!(html.contains(&t(lang, "privacy-licence-default")), "/{lang}/privacy names the licence");
        assert!(!has_iso_timestamp(&html), "/{lang}/privacy shows a raw timestamp");
        for raw in ["MFX_", "P7D", "argon2id$", "_days", "{ $"] {
            assert!(!html.contains(raw), "/{lang}/privacy shows `{raw}`");
        }
        // Linked from the footer of every page and from the sign-in form.
        let link = format!("<a href=\"/{lang}/privacy\">{}</a>", t(lang, "footer-privacy"));
        let (_, list) = page(&anonymous, &app.url(&format!("/{lang}/practices"))).await;
        assert!(list.contains(&link), "/{lang}/practices has no link to the notice in its footer");
        let (_, form) = page(&anonymous, &app.url(&format!("/{lang}/sign-in"))).await;
        let from_form = format!("<a href=\"/{lang}/privacy\">{}</a>", t(lang, "sign-in-privacy"));
        assert!(form.contains(&from_form) && form.contains(&link), "/{lang}/sign-in links to the notice");
    }
    // Signed in, the same notice.
    app.user_token("lars@example.se", "orebro", "editor").await;
    let member = browser(&app);
    sign_in(&app, &member, "sv", "lars@example.se", crate::support::USER_PASSWORD).await;
    let (status, html) = page(&member, &app.url("/sv/privacy")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&counted("sv", "privacy-days", 90)));
}

/// The notice with a controller, contact, licence and periods of its own.
async fn the_notice_follows_changed_settings(app: TestApp) {
    let anonymous = browser(&app);
    for lang in LANGUAGES {
        let (status, html) = page(&anonymous, &app.url(&format!("/{lang}/privacy"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<span>Region Örebro län</span><br>"), "{html}");
        assert!(html.contains("<span>Box 1613, 701 16 Örebro, Sverige</span>"), "{html}");
        assert!(!html.contains(LEAD_NAME), "the configured controller replaces the lead partner");
        assert!(html.contains("<a href=\"mailto:dataskydd@example.se\">dataskydd@example.se</a>"));
        assert!(html.contains("<strong>CC BY-SA 4.0</strong>"));
        for words in [
            counted(lang, "privacy-days", 3),
            counted(lang, "privacy-hours", 36),
            counted(lang, "privacy-days", 14),
            counted(lang, "privacy-years", 2),
            counted(lang, "privacy-days", 2),
        ] {
            assert!(html.contains(&format!("<td class=\"period\">{words}</td>")), "/{lang}/privacy lacks {words}");
        }
    }
    // Slovenian counts two of a thing in its own way.
    let (_, html) = page(&anonymous, &app.url("/sl/privacy")).await;
    assert!(html.contains("2 leti") && html.contains("36 ur") && html.contains("3 dnevi"), "{html}");
}

// ---------------------------------------------------------------- retention

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn count(app: &TestApp, sql: &str) -> i64 {
    let sql = sql.to_owned();
    app.state.db.read(move |c| Ok(diesel::sql_query(sql).get_result::<Count>(c)?.n)).expect("count")
}

/// The records the retention tests look for, each named by what should become of it.
struct Records {
    user: UserId,
    now: DateTime<Utc>,
    /// Revoked eight days ago, expired eight days ago; revoked six days ago, live.
    sessions: [String; 4],
    /// Keys whose count began 25 hours ago, 23 hours ago, and 30 hours ago but blocked until an
    /// hour ago.
    throttle_keys: [&'static str; 3],
}

fn ago(now: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    now - Duration::days(days)
}

/// A user with sessions, sign-in records, digests, calendar addresses and account events of
/// every age around the default periods, at the app's current time.
async fn records(app: &TestApp) -> Records {
    let token = app.user_token("ana@example.ro", "bucharest-ilfov", "editor").await;
    let user: UserId = app.get("/api/v1/me", Some(&token)).await.body["id"].as_str().expect("id").parse().expect("id");
    let now = app.state.clock.now();
    let throttle_keys = ["account:old@example.org", "account:recent@example.org", "address:192.0.2.7"];
    let sessions = app
        .state
        .db
        .write(move |c| {
            let mut ids = Vec::new();
            for (started, expires, revoked) in [
                (10, ago(now, -20), Some(8)),
                (40, ago(now, 8), None),
                (10, ago(now, -20), Some(6)),
                (1, ago(now, -20), None),
            ] {
                let hash = uuid::Uuid::now_v7().to_string();
                let id = sessions::start(c, user, &hash, ago(now, started), expires.min(ago(now, -14)), expires)?;
                if let Some(days) = revoked {
                    sessions::revoke(c, &id, ago(now, days))?;
                }
                ids.push(id);
            }
            let failures = |started: DateTime<Utc>, blocked_until| Failures {
                count: 3,
                window_started_at: started,
                blocked_until,
            };
            throttle::save(c, throttle_keys[0], &failures(now - Duration::hours(25), None))?;
            throttle::save(c, throttle_keys[1], &failures(now - Duration::hours(23), None))?;
            throttle::save(c, throttle_keys[2], &failures(now - Duration::hours(30), Some(now - Duration::hours(1))))?;
            // Digests: sent 91 days ago; late, sent 89 days ago; set aside after a period that
            // ended 91 days ago; still waiting from long ago.
            for (end, outcome) in [(100, "sent 91"), (95, "sent 89"), (91, "parked"), (200, "pending")] {
                let end = ago(now, end);
                outbox::enqueue(c, user, end - Duration::days(7), end, end)?;
                if outcome == "pending" {
                    continue;
                }
                let row = outbox::claim(c, end, end + Duration::minutes(5), 1)?.pop().expect("claimed");
                match outcome.strip_prefix("sent ") {
                    Some(days) => {
                        outbox::finish(c, &row.id, row.attempts, "sent", ago(now, days.parse().expect("days")))?
                    }
                    None => outbox::fail(c, &row.id, row.attempts, "550 mailbox unavailable", None)?,
                };
            }
            // Calendar addresses: withdrawn 35 days ago, withdrawn 20 days ago, in use.
            for days in [40, 35, 20] {
                tracking::new_calendar_token(c, user, &uuid::Uuid::now_v7().to_string(), ago(now, days))?;
            }
            // Account events: a change of name and role 400 days ago and 300 days ago; a
            // document's event 400 days ago.
            let change = json!({ "changes": [
                { "field": "display_name", "from": "Ana Pop", "to": "Ana Ionescu" },
                { "field": "role", "from": "editor", "to": "coordinator" },
            ] });
            for (days, kind) in [(400, "account"), (300, "account"), (400, "document")] {
                activity::record(
                    c,
                    NewActivity {
                        at: ago(now, days),
                        actor: Some(user),
                        verb: if kind == "account" { "account_changed" } else { "document_updated" },
                        subject_kind: kind,
                        subject_id: user.to_string(),
                        document_kind: None,
                        partner: None,
                        locale: None,
                        details: change.clone(),
                    },
                )?;
            }
            Ok(ids)
        })
        .expect("records");
    Records { user, now, sessions: sessions.try_into().expect("four sessions"), throttle_keys }
}

fn session_left(app: &TestApp, id: &str) -> bool {
    count(app, &format!("SELECT COUNT(*) AS n FROM sessions WHERE id = '{id}'")) == 1
}

fn digests_of(app: &TestApp, user: UserId) -> Vec<String> {
    let rows = app.state.db.read(|c| outbox::list(c, None, 100)).expect("outbox");
    rows.into_iter().filter(|r| r.user == user).map(|r| r.status).collect()
}

/// The details of the user's account events (oldest first) and of the document event.
fn events(app: &TestApp, user: UserId) -> (Vec<Value>, Vec<Value>) {
    let key = user.to_string();
    app.state
        .db
        .read(move |c| {
            let mut account = activity::of_subject(c, "account", &key, 50)?;
            account.reverse();
            let document = activity::of_subject(c, "document", &key, 50)?;
            Ok((account.into_iter().map(|e| e.details).collect(), document.into_iter().map(|e| e.details).collect()))
        })
        .expect("events")
}

async fn a_retention_pass_removes_exactly_what_is_past_its_period(app: TestApp) {
    let r = records(&app).await;
    let refresh_tokens =
        |id: &str| count(&app, &format!("SELECT COUNT(*) AS n FROM refresh_tokens WHERE session_id = '{id}'"));
    assert_eq!(refresh_tokens(&r.sessions[0]), 1);
    let removed = retention::pass(&app.state).await.expect("a pass");
    assert_eq!(
        removed,
        Removed { sessions: 2, sign_in_attempts: 1, digests: 2, account_changes: 1, calendar_tokens: 1 },
        "at the defaults"
    );
    // Sessions ended more than seven days ago go, with their refresh tokens.
    let left: Vec<bool> = r.sessions.iter().map(|id| session_left(&app, id)).collect();
    assert_eq!(left, [false, false, true, true]);
    assert_eq!(refresh_tokens(&r.sessions[0]), 0, "the refresh tokens of a removed session go with it");
    // Sign-in records a day old go; one still blocked an hour ago stays.
    let kept: Vec<bool> = app
        .state
        .db
        .read(move |c| r.throttle_keys.iter().map(|k| Ok(throttle::load(c, k)?.is_some())).collect::<Result<_, _>>())
        .expect("throttle");
    assert_eq!(kept, [false, true, true]);
    // Digests sent or set aside more than 90 days ago go; the late one and the waiting one stay.
    let statuses: Vec<(String, i64)> = app
        .state
        .db
        .read(|c| outbox::list(c, None, 100))
        .expect("outbox")
        .into_iter()
        .filter(|row| row.user == r.user)
        .map(|row| (row.status, (r.now - row.period_end).num_days()))
        .collect();
    assert_eq!(statuses, [("sent".to_owned(), 95), ("pending".to_owned(), 200)]);
    // The calendar address withdrawn 35 days ago goes; the one withdrawn 20 days ago and the
    // one in use stay.
    let user = r.user;
    assert_eq!(count(&app, &format!("SELECT COUNT(*) AS n FROM calendar_tokens WHERE user_id = '{user}'")), 2);
    // The old account change keeps what changed but not the names; the recent one and the
    // document's event keep everything.
    let (account, document) = events(&app, user);
    let changes: Vec<&Value> = account.iter().filter(|d| d.get("changes").is_some()).collect();
    assert_eq!(
        changes[0],
        &json!({ "changes": [{ "field": "display_name" }, { "field": "role", "from": "editor", "to": "coordinator" }] })
    );
    assert!(changes[1].to_string().contains("Ana Pop"), "{}", changes[1]);
    assert!(document[0].to_string().contains("Ana Pop"), "only account events are cleared");
    assert!(!account.iter().any(|d| d.as_object().is_some_and(serde_json::Map::is_empty)), "{account:?}");
    // A second pass at the same time finds nothing more.
    assert_eq!(retention::pass(&app.state).await.expect("a pass"), Removed::default());
    // What went is counted for Prometheus.
    let metrics = app.request(reqwest::Method::GET, "/metrics", Some(METRICS_TOKEN)).send().await.expect("metrics");
    let text = metrics.text().await.expect("body");
    assert!(text.contains("mfx_retention_removed_total{kind=\"sessions\"} 2"), "{text}");
    assert!(text.contains("mfx_retention_removed_total{kind=\"account_changes\"} 1"), "{text}");

    // A year later every ended record is gone; the live session has ended and gone too.
    app.state.clock.advance(Duration::days(366));
    let later = retention::pass(&app.state).await.expect("a pass");
    assert!(later.sessions >= 2 && later.account_changes == 1, "{later:?}");
    assert!(!r.sessions.iter().any(|id| session_left(&app, id)));
    assert_eq!(digests_of(&app, user), ["pending"], "only the digest never sent is left");
    let (account, _) = events(&app, user);
    assert!(!account.iter().any(|d| d.to_string().contains("Ana ")), "{account:?}");
}

/// Longer periods keep more, shorter ones remove more: the pass follows the settings.
async fn changed_settings_change_what_is_removed(app: TestApp) {
    let r = records(&app).await;
    let longer = settings_for(
        &app.db,
        &[
            ("MFX_RETAIN_SESSIONS_DAYS", "9"),
            ("MFX_RETAIN_SIGN_IN_ATTEMPTS_HOURS", "48"),
            ("MFX_RETAIN_DIGESTS_DAYS", "92"),
            ("MFX_RETAIN_ACCOUNT_CHANGES_DAYS", "500"),
            ("MFX_RETAIN_CALENDAR_TOKENS_DAYS", "36"),
        ],
    );
    let removed = retention::pass_with(&app.state, longer.privacy.retention, r.now).await.expect("a pass");
    assert_eq!(removed, Removed::default(), "nothing is past the longer periods");
    let shorter = settings_for(
        &app.db,
        &[
            ("MFX_RETAIN_SESSIONS_DAYS", "5"),
            ("MFX_RETAIN_SIGN_IN_ATTEMPTS_HOURS", "2"),
            ("MFX_RETAIN_DIGESTS_DAYS", "14"),
            ("MFX_RETAIN_ACCOUNT_CHANGES_DAYS", "200"),
            ("MFX_RETAIN_CALENDAR_TOKENS_DAYS", "10"),
        ],
    );
    let removed = retention::pass_with(&app.state, shorter.privacy.retention, r.now).await.expect("a pass");
    assert_eq!(
        removed,
        Removed { sessions: 3, sign_in_attempts: 2, digests: 3, account_changes: 2, calendar_tokens: 2 }
    );
    let left: Vec<bool> = r.sessions.iter().map(|id| session_left(&app, id)).collect();
    assert_eq!(left, [false, false, false, true]);
}

/// The account's history says a name changed once its values are cleared.
async fn an_account_history_shows_a_cleared_change(app: TestApp) {
    let token = app.user_token("ana@example.ro", "bucharest-ilfov", "editor").await;
    let id = app.get("/api/v1/me", Some(&token)).await.body["id"].as_str().expect("id").to_owned();
    let admin = app.admin_token().await;
    let renamed =
        app.patch(&format!("/api/v1/users/{id}"), Some(&admin), &json!({ "display_name": "Ana Ionescu" })).await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.text);
    app.state.clock.advance(Duration::days(366));
    let removed = retention::pass(&app.state).await.expect("a pass");
    assert_eq!(removed.account_changes, 1, "{removed:?}");
    let client = browser(&app);
    sign_in(&app, &client, "fr", crate::support::ADMIN_EMAIL, &app.admin_password).await;
    let (status, html) = page(&client, &app.url(&format!("/fr/admin/users/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    let field = t("fr", "admin-field-display_name");
    let cleared =
        Translator::new(test_locale("fr")).args("admin-event-change-cleared", &[("field", Arg::from(field.as_str()))]);
    assert!(html.contains(&cleared), "{html}");
    assert!(!html.contains("→ Ana Ionescu"), "the new name is no longer in the history");
}

on_both_databases!(
    the_notice_is_public_in_every_language_with_the_settings_periods,
    a_retention_pass_removes_exactly_what_is_past_its_period,
    changed_settings_change_what_is_removed,
    an_account_history_shows_a_cleared_change,
);

mod the_notice_follows_changed_settings {
    const SETTINGS: &[(&str, &str)] = &[
        ("MFX_PRIVACY_CONTROLLER", "Region Örebro län\nBox 1613, 701 16 Örebro, Sverige"),
        ("MFX_PRIVACY_CONTACT", "dataskydd@example.se"),
        ("MFX_CONTENT_LICENCE", "CC BY-SA 4.0"),
        ("MFX_RETAIN_SESSIONS_DAYS", "3"),
        ("MFX_RETAIN_SIGN_IN_ATTEMPTS_HOURS", "36"),
        ("MFX_RETAIN_DIGESTS_DAYS", "14"),
        ("MFX_RETAIN_ACCOUNT_CHANGES_DAYS", "730"),
        ("MFX_RETAIN_CALENDAR_TOKENS_DAYS", "2"),
    ];

    #[actix_web::test]
    async fn sqlite() {
        let app = crate::support::TestApp::spawn_with(crate::support::Backend::Sqlite, SETTINGS).await;
        super::the_notice_follows_changed_settings(app).await;
    }

    #[actix_web::test]
    #[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
    async fn postgres() {
        let app = crate::support::TestApp::spawn_with(crate::support::Backend::Postgres, SETTINGS).await;
        super::the_notice_follows_changed_settings(app).await;
    }
}

/// A bad period or contact stops `mfx` with its key and what was expected, from the
/// environment or the configuration file.
#[test]
fn a_bad_privacy_setting_is_a_clear_settings_error() {
    let db = TestDatabase::create(Backend::Sqlite);
    let output = crate::cli::run(
        mfx(&db)
            .env("MFX_RETAIN_DIGESTS_DAYS", "7")
            .env("MFX_RETAIN_SIGN_IN_ATTEMPTS_HOURS", "a day")
            .env("MFX_PRIVACY_CONTACT", "the lead partner")
            .arg("migrate"),
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("MFX_RETAIN_DIGESTS_DAYS `7` is not a number of days from 14 to 3650"), "{stderr}");
    assert!(stderr.contains("MFX_RETAIN_SIGN_IN_ATTEMPTS_HOURS `a day` is not a number of hours from 1 to 720"));
    assert!(stderr.contains("MFX_PRIVACY_CONTACT `the lead partner` is not an email address"), "{stderr}");
    let file = db.data_dir().join("mfx.toml");
    std::fs::write(&file, "retain_sessions_days = 0\nretain_calendar_tokens_days = 30\n").expect("write");
    let output = crate::cli::run(mfx(&db).arg("--config").arg(&file).arg("migrate"), None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("MFX_RETAIN_SESSIONS_DAYS `0` is not a number of days from 1 to 365"), "{stderr}");
    assert!(!stderr.contains("unknown key"), "the file knows the retention keys: {stderr}");
}
