//! One's own data: the download holds everything kept about the account and nothing secret;
//! erasing an account, asked for by its owner and confirmed by a coordinator, removes what
//! was personal and keeps the documents under the partner's name; the last administrator
//! stays. Through the API and the pages, on both databases.

use crate::documents::{create, french_practice};
use crate::support::{TestApp, USER_PASSWORD};
use crate::web::{LANGUAGES, browser, csrf_of, messages, page, sign_in, speaks};
use diesel::QueryableByName;
use diesel::sql_types::BigInt;
use mfx_store::DbConnection;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::io::Read as _;

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// `SELECT count(*) AS n …` on the application's database.
fn count(app: &TestApp, sql: &str) -> i64 {
    let sql = sql.to_owned();
    app.state
        .db
        .read(move |c| {
            let rows: Vec<Count> = match c {
                DbConnection::Sqlite(c) => diesel::RunQueryDsl::load(diesel::sql_query(&sql), c)?,
                DbConnection::Pg(c) => diesel::RunQueryDsl::load(diesel::sql_query(&sql), c)?,
            };
            Ok(rows.first().map_or(-1, |r| r.n))
        })
        .expect("count")
}

/// The files of a ZIP, by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let mut files = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("entry");
        let mut text = String::new();
        file.read_to_string(&mut text).expect("text");
        files.insert(file.name().to_owned(), text);
    }
    files
}

async fn id_of(app: &TestApp, token: &str) -> String {
    app.get("/api/v1/me", Some(token)).await.body["id"].as_str().expect("id").to_owned()
}

async fn download(app: &TestApp, token: &str) -> std::collections::BTreeMap<String, String> {
    let response = app.request(reqwest::Method::GET, "/api/v1/me/export", Some(token)).send().await.expect("send");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/zip");
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(response.headers()["content-disposition"].to_str().unwrap_or_default().starts_with("attachment;"));
    unzip(&response.bytes().await.expect("bytes"))
}

async fn the_download_holds_everything_kept_and_nothing_secret(app: TestApp) {
    let camille = app.user_token("camille@example.fr", "seine-saint-denis", "editor").await;
    let me =
        app.patch("/api/v1/me", Some(&camille), &json!({ "display_name": "Camille Martin", "language": "it" })).await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.text);
    let created = create(&app, &camille, "practices", &french_practice()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let doc = created.body["id"].as_str().expect("id").to_owned();

    let files = download(&app, &camille).await;
    let index: Value = serde_json::from_str(&files["index.json"]).expect("index.json");
    assert_eq!(index["format"], "mfx-personal-data/1");
    for name in index["files"].as_array().expect("files") {
        assert!(files.contains_key(name.as_str().expect("name")), "{name} is in the ZIP");
    }
    let account: Value = serde_json::from_str(&files["account.json"]).expect("account.json");
    assert_eq!(account["email"], "camille@example.fr");
    assert_eq!(account["display_name"], "Camille Martin");
    assert_eq!(account["language"], "it");
    let documents: Value = serde_json::from_str(&files["documents.json"]).expect("documents.json");
    assert_eq!(documents[0]["id"], doc.as_str());
    assert_eq!(documents[0]["texts"][0]["title"], "Microcrédit accompagné pour les allocataires du RSA");
    let revisions: Value = serde_json::from_str(&files["revisions.json"]).expect("revisions.json");
    assert!(revisions.as_array().is_some_and(|r| r.iter().any(|r| r["document"] == doc.as_str())));
    let sessions: Value = serde_json::from_str(&files["sessions.json"]).expect("sessions.json");
    assert!(!sessions.as_array().expect("sessions").is_empty(), "the sign-in is listed");
    let activity: Value = serde_json::from_str(&files["activity.json"]).expect("activity.json");
    assert!(activity.as_array().is_some_and(|a| a.iter().any(|e| e["what"] == "document_created")));
    // Nothing secret: no password hash, no token hash.
    for (name, text) in &files {
        assert!(!text.contains("$argon2"), "{name} holds a password hash");
        assert!(!text.contains("token_hash") && !text.contains("cookie_hash"), "{name} names a secret");
    }
    // The summary is in Italian, with dates in words rather than ISO timestamps.
    let summary = &files["summary.html"];
    let it = messages("it");
    assert!(summary.contains("<html lang=\"it\">"));
    assert!(summary.contains(&it["data-summary-title"]), "the Italian title");
    assert!(summary.contains(&it["data-section-documents"]));
    assert!(summary.contains("Microcrédit accompagné"));
    let iso = regex_like_iso(summary);
    assert!(iso.is_none(), "the summary shows an ISO timestamp: {iso:?}");
    // Someone else's download does not hold Camille's records.
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    let other = download(&app, &lars).await;
    assert!(!other.values().any(|t| t.contains("camille@example.fr") || t.contains(&doc)));
    // Anonymous: 401.
    app.get("/api/v1/me/export", None).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

/// The first `2026-11-30T…`-like text, if any.
fn regex_like_iso(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(13)).find_map(|i| {
        let w = &bytes[i..i + 13];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        (digits(0..4)
            && w[4] == b'-'
            && digits(5..7)
            && w[7] == b'-'
            && digits(8..10)
            && w[10] == b'T'
            && digits(11..13))
        .then(|| String::from_utf8_lossy(w).into_owned())
    })
}

async fn an_erasure_asked_for_and_confirmed_leaves_nothing_personal(app: TestApp) {
    let giulia = app.user_token("giulia@example.it", "bologna", "editor").await;
    app.patch("/api/v1/me", Some(&giulia), &json!({ "display_name": "Giulia Rossi" })).await;
    let id = id_of(&app, &giulia).await;
    let created = create(&app, &giulia, "practices", &french_practice()).await;
    let doc = created.body["id"].as_str().expect("id").to_owned();
    // A failed sign-in leaves a record keyed by her address.
    assert_eq!(app.login("giulia@example.it", "not her password at all").await.status, StatusCode::UNAUTHORIZED);
    let calendar = app.post("/api/v1/me/calendar", Some(&giulia), &json!({})).await;
    assert!(calendar.status.is_success(), "{}", calendar.text);
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let viewer = app.user_token("sven@example.se", "orebro", "viewer").await;
    // A digest waiting for her.
    let (user, now) = (id.parse().expect("uuid"), app.state.clock.now());
    app.state
        .db
        .write(move |c| mfx_store::outbox::enqueue(c, user, now - chrono::Duration::days(7), now, now))
        .expect("a digest");

    // An Italian translation she proposed for Seine-Saint-Denis's published practice waits.
    let claire = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let theirs = crate::documents::published(&app, &claire, &coordinator, "practices", &french_practice()).await;
    let italian = json!({ "text": { "title": "Microcredito accompagnato", "summary": "Un microcredito." } });
    let proposed =
        app.send_json(reqwest::Method::PUT, &format!("{theirs}/translations/it"), Some(&giulia), &italian).await;
    assert_eq!(proposed.status, StatusCode::ACCEPTED, "{}", proposed.text);
    let waiting = app.get(&theirs, Some(&claire)).await;
    assert_eq!(waiting.body["pending"]["translations"][0]["submitted_by"], "Giulia Rossi");

    // Her name in the practice's history, read (and kept by the response cache) before.
    let before = app.get(&format!("/api/v1/practices/{doc}/revisions"), Some(&coordinator)).await;
    assert!(before.text.contains("Giulia Rossi"), "{}", before.text);

    // Confirming before she asks is refused.
    app.post(&format!("/api/v1/users/{id}/erasure"), Some(&coordinator), &json!({}))
        .await
        .assert_problem(StatusCode::CONFLICT, "no_erasure_request");

    let asked = app.post("/api/v1/me/erasure", Some(&giulia), &json!({})).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.text);
    let first = asked.body["requested_at"].as_str().expect("requested_at").to_owned();
    let again = app.post("/api/v1/me/erasure", Some(&giulia), &json!({})).await;
    assert_eq!(again.body["requested_at"], first.as_str(), "asking again keeps the first request");
    assert_eq!(app.get("/api/v1/me/erasure", Some(&giulia)).await.body["requested_at"], first.as_str());

    // Readers neither see nor confirm requests; the coordinator sees hers.
    app.get("/api/v1/erasure-requests", Some(&viewer)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    app.post(&format!("/api/v1/users/{id}/erasure"), Some(&viewer), &json!({}))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let waiting = app.get("/api/v1/erasure-requests", Some(&coordinator)).await;
    assert_eq!(waiting.status, StatusCode::OK);
    assert_eq!(waiting.body[0]["account"]["email"], "giulia@example.it");

    let erased = app.post(&format!("/api/v1/users/{id}/erasure"), Some(&coordinator), &json!({})).await;
    assert_eq!(erased.status, StatusCode::OK, "{}", erased.text);
    assert!(erased.body["sessions"].as_u64().is_some_and(|n| n >= 1));
    assert!(erased.body["sign_in_records"].as_u64().is_some_and(|n| n >= 1));
    assert_eq!(erased.body["calendar_addresses"], 1);
    assert_eq!(erased.body["digests"], 1);

    // Nothing personal is left in the database.
    for (table, sql) in [
        (
            "users",
            "SELECT count(*) AS n FROM users WHERE email LIKE '%giulia%' OR display_name LIKE '%Giulia%'".to_owned(),
        ),
        ("sessions", format!("SELECT count(*) AS n FROM sessions WHERE user_id = '{id}'")),
        ("calendar", format!("SELECT count(*) AS n FROM calendar_tokens WHERE user_id = '{id}'")),
        ("outbox", format!("SELECT count(*) AS n FROM digest_outbox WHERE user_id = '{id}'")),
        ("throttle", "SELECT count(*) AS n FROM login_throttle WHERE key LIKE '%giulia%'".to_owned()),
        ("activity", "SELECT count(*) AS n FROM activity WHERE details LIKE '%Giulia%'".to_owned()),
    ] {
        assert_eq!(count(&app, &sql), 0, "{table} still holds something of hers");
    }
    // She is gone: no sign-in (recorded, as a sign-in typed with any address is), no account,
    // no token that works, no request listed.
    assert_eq!(app.login("giulia@example.it", USER_PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/v1/me", Some(&giulia)).await.status, StatusCode::UNAUTHORIZED);
    app.get(&format!("/api/v1/users/{id}"), Some(&coordinator))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.get("/api/v1/erasure-requests", Some(&coordinator)).await.body, json!([]));
    let listed = app.get("/api/v1/users?limit=100", Some(&coordinator)).await;
    assert!(!listed.text.contains(&id), "the erased account left the directory");
    // Her proposal still waits, under Bologna's name.
    let bologna = app.get("/api/v1/partners/bologna", None).await.body["name_local"].clone();
    assert!(bologna.as_str().is_some_and(|n| !n.is_empty()), "{bologna}");
    let waiting = app.get(&theirs, Some(&claire)).await;
    assert_eq!(waiting.body["pending"]["translations"][0]["submitted_by"], bologna, "{}", waiting.text);
    // Her practice stays, under Bologna's name.
    let practice = app.get(&format!("/api/v1/practices/{doc}"), Some(&coordinator)).await;
    assert_eq!(practice.status, StatusCode::OK);
    let history = app.get(&format!("/api/v1/practices/{doc}/revisions"), Some(&coordinator)).await;
    assert!(!history.text.contains("Giulia"), "the history still names her: {}", history.text);
    let first_entry = history.body["items"].as_array().and_then(|i| i.last()).cloned().expect("an entry");
    assert_eq!(first_entry["actor"], Value::Null);
    assert_eq!(first_entry["former_member"], true);
    assert_eq!(first_entry["partner"]["partner"], "bologna");
    let client = browser(&app);
    sign_in(&app, &client, "it", "ana@example.ro", USER_PASSWORD).await;
    let (status, html) = page(&client, &app.url(&format!("/it/practices/{doc}/history"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("Giulia"), "the history page names her");
    let it = messages("it");
    let former = it["history-former-member"].replace("{ $partner }", "");
    assert!(html.contains(former.trim()), "the history says a former member of the partner");
    // Erasing twice finds nobody.
    app.post(&format!("/api/v1/users/{id}/erasure"), Some(&coordinator), &json!({}))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
}

async fn a_withdrawn_request_cannot_be_confirmed_and_the_last_administrator_stays(app: TestApp) {
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    let id = id_of(&app, &lars).await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    app.post("/api/v1/me/erasure", Some(&lars), &json!({})).await;
    let withdrawn = app.send_json(reqwest::Method::DELETE, "/api/v1/me/erasure", Some(&lars), &json!({})).await;
    assert_eq!(withdrawn.status, StatusCode::OK);
    assert_eq!(withdrawn.body["requested_at"], Value::Null);
    app.post(&format!("/api/v1/users/{id}/erasure"), Some(&coordinator), &json!({}))
        .await
        .assert_problem(StatusCode::CONFLICT, "no_erasure_request");
    assert_eq!(app.get("/api/v1/me", Some(&lars)).await.status, StatusCode::OK, "Lars keeps his account");

    // The only administrator may not ask; a coordinator may not erase an administrator, nor
    // themselves.
    let admin = app.admin_token().await;
    let refused = app.post("/api/v1/me/erasure", Some(&admin), &json!({})).await;
    refused.assert_problem(StatusCode::CONFLICT, "last_administrator");
    assert_eq!(app.get("/api/v1/me/erasure", Some(&admin)).await.body["requested_at"], Value::Null);
    let second_admin = app.user_token("ops@example.org", "bucharest-ilfov", "admin").await;
    let asked = app.post("/api/v1/me/erasure", Some(&second_admin), &json!({})).await;
    assert_eq!(asked.status, StatusCode::OK, "with another administrator, one may ask: {}", asked.text);
    let ops = id_of(&app, &second_admin).await;
    app.post(&format!("/api/v1/users/{ops}/erasure"), Some(&coordinator), &json!({}))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    app.post("/api/v1/me/erasure", Some(&coordinator), &json!({})).await;
    let own = id_of(&app, &coordinator).await;
    app.post(&format!("/api/v1/users/{own}/erasure"), Some(&coordinator), &json!({}))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    // The first administrator confirms the second's request.
    let done = app.post(&format!("/api/v1/users/{ops}/erasure"), Some(&admin), &json!({})).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
}

async fn the_data_page_downloads_asks_and_withdraws_and_a_coordinator_confirms(app: TestApp) {
    app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let maja = browser(&app);
    sign_in(&app, &maja, "sl", "maja@example.si", USER_PASSWORD).await;
    let english = messages("en");
    for lang in LANGUAGES {
        let (status, html) = page(&maja, &app.url(&format!("/{lang}/account/data"))).await;
        assert_eq!(status, StatusCode::OK, "/{lang}/account/data");
        speaks(lang, "/account/data", &html, &english, &messages(lang));
        assert!(html.contains(&format!("href=\"/{lang}/account/data/export\"")));
        assert!(html.contains(&format!("href=\"/{lang}/privacy\"")));
        let (_, account) = page(&maja, &app.url(&format!("/{lang}/account"))).await;
        assert!(account.contains(&format!("href=\"/{lang}/account/data\"")), "the account page links the data page");
    }
    let zip = maja.get(app.url("/sl/account/data/export")).send().await.expect("send");
    assert_eq!(zip.status(), StatusCode::OK);
    let files = unzip(&zip.bytes().await.expect("bytes"));
    assert!(files["summary.html"].contains("<html lang=\"sl\">"));

    // Without the box ticked, nothing is asked.
    let (_, html) = page(&maja, &app.url("/sl/account/data")).await;
    let csrf = csrf_of(&html);
    let unticked =
        maja.post(app.url("/sl/account/data/erasure")).form(&[("csrf", csrf.as_str())]).send().await.expect("send");
    assert_eq!(unticked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unticked.text().await.expect("body").contains(&messages("sl")["data-erase-confirm-required"]));
    let maja_id = app.get("/api/v1/users?limit=100", Some(&app.admin_token().await)).await.body["items"]
        .as_array()
        .and_then(|items| items.iter().find(|u| u["email"] == "maja@example.si"))
        .and_then(|u| u["id"].as_str())
        .expect("maja")
        .to_owned();
    assert_eq!(count(&app, &format!("SELECT count(*) AS n FROM account_erasures WHERE user_id = '{maja_id}'")), 0);
    // Without the CSRF token, nothing either.
    let forged = maja.post(app.url("/sl/account/data/erasure")).form(&[("confirm", "yes")]).send().await.expect("send");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    let asked = maja
        .post(app.url("/sl/account/data/erasure"))
        .form(&[("csrf", csrf.as_str()), ("confirm", "yes")])
        .send()
        .await
        .expect("send");
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&maja, &app.url("/sl/account/data")).await;
    assert!(html.contains("/sl/account/data/erasure/withdraw"), "the page offers to withdraw");
    let withdrawn = maja
        .post(app.url("/sl/account/data/erasure/withdraw"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("send");
    assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&maja, &app.url("/sl/account/data")).await;
    assert!(!html.contains("/sl/account/data/erasure/withdraw"));
    maja.post(app.url("/sl/account/data/erasure"))
        .form(&[("csrf", csrf.as_str()), ("confirm", "yes")])
        .send()
        .await
        .expect("send");

    // The coordinator, in Romanian, sees the request from the accounts list and confirms it.
    let ana = browser(&app);
    sign_in(&app, &ana, "ro", "ana@example.ro", USER_PASSWORD).await;
    let (_, list) = page(&ana, &app.url("/ro/admin/users")).await;
    assert!(list.contains("href=\"/ro/admin/erasures\""), "the accounts list links the waiting requests");
    let (status, html) = page(&ana, &app.url("/ro/admin/erasures")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("maja@example.si"));
    let csrf = csrf_of(&html);
    let confirmed = ana
        .post(app.url(&format!("/ro/admin/erasures/{maja_id}")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("send");
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&ana, &app.url("/ro/admin/erasures")).await;
    assert!(!html.contains("maja@example.si"));
    assert!(html.contains(&messages("ro")["admin-erasures-none"]));
    // Her browser session ended with the account.
    let (status, _) = page(&maja, &app.url("/sl/account/data")).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "sent to sign in");
    // The only administrator is told why on the page, and nothing is recorded.
    let admin = browser(&app);
    sign_in(&app, &admin, "fr", crate::support::ADMIN_EMAIL, &app.admin_password).await;
    let (_, html) = page(&admin, &app.url("/fr/account/data")).await;
    let refused = admin
        .post(app.url("/fr/account/data/erasure"))
        .form(&[("csrf", csrf_of(&html).as_str()), ("confirm", "yes")])
        .send()
        .await
        .expect("send");
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(refused.text().await.expect("body").contains(&messages("fr")["data-erase-last-admin"]));
}

async fn two_requests_and_two_confirmations_at_once_count_once(app: TestApp) {
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    let id = id_of(&app, &lars).await;
    // A double click: both answers say the request waits, and it is recorded once.
    let empty = json!({});
    let (one, two) = tokio::join!(
        app.post("/api/v1/me/erasure", Some(&lars), &empty),
        app.post("/api/v1/me/erasure", Some(&lars), &empty)
    );
    assert_eq!((one.status, two.status), (StatusCode::OK, StatusCode::OK), "{} / {}", one.text, two.text);
    assert_eq!(one.body["requested_at"], two.body["requested_at"]);
    let asked = count(
        &app,
        &format!("SELECT count(*) AS n FROM activity WHERE verb = 'erasure_requested' AND subject_id = '{id}'"),
    );
    assert_eq!(asked, 1, "the request is recorded once");
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let admin = app.admin_token().await;
    let path = format!("/api/v1/users/{id}/erasure");
    let (first, second) =
        tokio::join!(app.post(&path, Some(&coordinator), &empty), app.post(&path, Some(&admin), &empty));
    let mut statuses = [first.status, second.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::NOT_FOUND], "{} / {}", first.text, second.text);
    let events = count(
        &app,
        &format!("SELECT count(*) AS n FROM activity WHERE verb = 'account_erased' AND subject_id = '{id}'"),
    );
    assert_eq!(events, 1, "the erasure is recorded once");
}

crate::on_both_databases!(
    two_requests_and_two_confirmations_at_once_count_once,
    the_download_holds_everything_kept_and_nothing_secret,
    an_erasure_asked_for_and_confirmed_leaves_nothing_personal,
    a_withdrawn_request_cannot_be_confirmed_and_the_last_administrator_stays,
    the_data_page_downloads_asks_and_withdraws_and_a_coordinator_confirms,
);
