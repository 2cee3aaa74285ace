//! The email digest: gathered from what the reader may see, in the reader's language, as a
//! multipart message with one-click unsubscribe; unsubscribing without a session; the preview.

use crate::documents::published;
use crate::on_both_databases;
use crate::support::{Reply, TestApp};
use mfx_domain::digest::Change;
use mfx_domain::locale::test_locale;
use mfx_i18n::{Arg, Translator};
use reqwest::{Method, StatusCode};
use serde_json::json;

async fn an_orebro_editor_gets_a_swedish_digest(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    app.user_token("lars@example.se", "orebro", "editor").await;
    let since = app.state.clock.now();
    app.state.clock.advance(chrono::Duration::minutes(1));
    let practice = json!({ "visibility": "public", "text": {"title": "Microcrédit solidaire à Saint-Denis", "summary": "Un microcrédit."} });
    published(&app, &ssd, &coordinator, "practices", &practice).await;
    // A deliverable of Örebro that is already late, and a draft of another partner it may not see.
    app.post("/api/v1/work-packages", Some(&coordinator), &json!({ "code": "WP1", "titles": {"en": "Exchange"} }))
        .await;
    let due = (app.state.clock.now() - chrono::Duration::days(3)).date_naive().to_string();
    let d = app.post("/api/v1/deliverables", Some(&coordinator), &json!({ "code": "D9.9", "work_package": "WP1", "titles": {"en": "Regional report", "sv": "Regional rapport"}, "due_on": due, "partners": ["orebro"] })).await;
    assert_eq!(d.status, StatusCode::CREATED, "{}", d.text);
    crate::documents::create(&app, &ssd, "practices", &json!({ "text": {"title": "Brouillon secret"} })).await;

    let now = app.state.clock.now();
    let lars = app
        .state
        .db
        .read(|c| mfx_store::accounts::find_by_email(c, &mfx_domain::Email::parse("lars@example.se").expect("email")))
        .expect("read")
        .expect("lars");
    let digest = app.state.db.read(|c| mfx_api::mail::gather(c, &lars, since, now)).expect("gather");
    let token = mfx_api::mail::unsubscribe_token(&app.state.unsubscribe_key, lars.account.id, 0).expect("token");
    let unsubscribe = format!("{}/unsubscribe/{token}", app.base);
    let rendered = mfx_api::mail::render(&digest, &lars, since, &app.base, &unsubscribe).expect("render");

    let sv = Translator::new(test_locale("sv"));
    let since_day =
        mfx_i18n::format_date(test_locale("sv"), since.with_timezone(&chrono_tz::Europe::Stockholm).date_naive());
    assert_eq!(rendered.subject, sv.args("digest-subject", &[("date", Arg::from(since_day.as_str()))]));
    assert!(rendered.text.contains(&sv.t("digest-section-practice")), "{}", rendered.text);
    assert!(rendered.text.contains("Microcrédit solidaire à Saint-Denis"), "{}", rendered.text);
    let in_french = sv.args("digest-in-language", &[("language", Arg::from(sv.language_name(test_locale("fr"))))]);
    assert!(rendered.text.contains(&in_french), "says the title is in French: {}", rendered.text);
    assert!(rendered.text.contains(&sv.t("digest-overdue")), "{}", rendered.text);
    assert!(rendered.text.contains("D9.9 Regional rapport"), "{}", rendered.text);
    assert!(!rendered.text.contains("Brouillon secret"), "a draft of another partner stays out");
    assert!(rendered.html.starts_with("<!DOCTYPE html><html lang=\"sv\">"));
    assert!(rendered.html.contains("lang=\"fr\">Microcrédit solidaire"));

    let from = "MICROFUTURE Exchange <noreply@example.org>";
    let message = mfx_api::mail::message(from, &lars, &rendered, &unsubscribe, "01936b2e").expect("message");
    let raw = String::from_utf8(message.formatted()).expect("utf-8");
    // The same digest written again (sent again after a crash) is the same message.
    assert!(raw.contains("Message-ID: <digest-01936b2e@example.org>"), "{raw}");
    let again = mfx_api::mail::message(from, &lars, &rendered, &unsubscribe, "01936b2e").expect("message");
    assert!(String::from_utf8(again.formatted()).expect("utf-8").contains("Message-ID: <digest-01936b2e@example.org>"));
    assert!(raw.contains(&format!("List-Unsubscribe: <{unsubscribe}>")), "{raw}");
    assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(raw.contains("Content-Type: multipart/alternative"));
    assert!(
        raw.contains("Content-Type: text/plain; charset=utf-8")
            && raw.contains("Content-Type: text/html; charset=utf-8")
    );
    assert!(raw.contains("Content-Language: sv"));
    assert!(raw.contains("To: lars <lars@example.se>"), "{raw}");

    // Nothing new since now: nothing to send.
    let later = app.state.db.read(|c| mfx_api::mail::gather(c, &lars, now, now)).expect("gather");
    assert!(later.sections.is_empty());
}

async fn the_digest_tells_of_the_partners_translations_work_and_action_items(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let erik = app.user_token("erik@example.se", "orebro", "editor").await;
    app.user_token("lars@example.se", "orebro", "editor").await;
    let since = app.state.clock.now();
    app.state.clock.advance(chrono::Duration::minutes(1));
    // A colleague of the reader writes a practice, translates it, then changes the original.
    let practice = json!({ "language": "sv", "text": {"title": "Mikrolån i Örebro"} });
    let created = crate::documents::create(&app, &erik, "practices", &practice).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    let english = json!({ "text": {"title": "Microloans in Örebro"} });
    let translated = app.send_json(Method::PUT, &format!("{path}/translations/en"), Some(&erik), &english).await;
    assert!(translated.status.is_success(), "{}", translated.text);
    let etag = app.get(&path, Some(&erik)).await.header("etag").expect("etag").to_owned();
    let change = json!({ "text": {"title": "Mikrolån för nya företagare i Örebro"} });
    let edited = crate::documents::send_with_etag(&app, Method::PATCH, &path, &erik, &etag, &change).await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    // Work of Örebro: a deliverable that moves on, and an open action item, both due within days.
    let due = (app.state.clock.now() + chrono::Duration::days(5)).date_naive().to_string();
    app.post("/api/v1/work-packages", Some(&coordinator), &json!({ "code": "WP1", "titles": {"en": "Exchange"} }))
        .await;
    let titles = json!({"en": "Stakeholder map", "sv": "Intressentkarta"});
    let deliverable =
        json!({ "code": "D2.1", "work_package": "WP1", "titles": titles, "due_on": due, "partners": ["orebro"] });
    let d = app.post("/api/v1/deliverables", Some(&coordinator), &deliverable).await;
    assert_eq!(d.status, StatusCode::CREATED, "{}", d.text);
    let d_path = d.header("location").expect("location").to_owned();
    let moved = app.post(&format!("{d_path}/transitions"), Some(&coordinator), &json!({ "to": "in_progress" })).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    let note = json!({
        "language": "sv", "visibility": "partnership", "meeting_type": "interregional_event",
        "starts_at": "2025-05-20T09:00:00", "ends_at": "2025-05-20T16:00:00", "time_zone": "Europe/Stockholm",
        "place": "Örebro",
        "action_items": [{"title": "Skicka inbjudan", "assignee": "orebro", "due_on": due}],
        "text": {"title": "Intressentmöte i Örebro"}
    });
    let noted = crate::documents::create(&app, &erik, "meeting-notes", &note).await;
    assert_eq!(noted.status, StatusCode::CREATED, "{}", noted.text);

    let now = app.state.clock.now();
    let email = mfx_domain::Email::parse("lars@example.se").expect("email");
    let lars = app.state.db.read(|c| mfx_store::accounts::find_by_email(c, &email)).expect("read").expect("lars");
    let digest = app.state.db.read(|c| mfx_api::mail::gather(c, &lars, since, now)).expect("gather");
    let section = |group: &str| {
        digest.sections.iter().find(|s| s.group == group).unwrap_or_else(|| panic!("no {group} in {digest:?}"))
    };
    let written = &section("practice").items;
    assert_eq!(written.len(), 1, "{written:?}");
    assert_eq!(
        (written[0].title.as_str(), &written[0].change),
        ("Mikrolån för nya företagare i Örebro", &Change::DocumentNew)
    );
    // The translation, then the edit that made it outdated: one line, its latest change.
    let translations = &section("translation").items;
    assert_eq!(translations.len(), 1, "{translations:?}");
    assert_eq!(translations[0].change, Change::TranslationsOutdated { languages: vec!["en".into()] });
    assert_eq!(translations[0].changes, 2);
    let work = &section("deliverable").items;
    assert_eq!(work.len(), 1, "{work:?}");
    assert_eq!(work[0].title, "D2.1 Intressentkarta");
    assert_eq!((work[0].change.clone(), work[0].changes), (Change::WorkChanged { detail: "in_progress".into() }, 2));
    assert_eq!(section("meeting_note").items[0].title, "Intressentmöte i Örebro");
    let due_soon: Vec<&str> = digest.due_soon.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(due_soon.len(), 2, "{due_soon:?}");
    assert!(due_soon.contains(&"D2.1 Intressentkarta") && due_soon.contains(&"Skicka inbjudan"), "{due_soon:?}");
    assert!(digest.overdue.is_empty(), "{:?}", digest.overdue);

    let rendered =
        mfx_api::mail::render(&digest, &lars, since, &app.base, "https://x.example/unsubscribe/t").expect("render");
    let sv = Translator::new(lars.account.locale);
    assert!(rendered.text.contains(&sv.t("digest-change-outdated")), "{}", rendered.text);
    let status = sv.t("deliverable-status-in_progress");
    assert!(
        rendered.text.contains(&sv.args("digest-change-work", &[("detail", Arg::from(status))])),
        "{}",
        rendered.text
    );
    assert!(rendered.text.contains(&sv.t("digest-due-soon")), "{}", rendered.text);
}

async fn one_click_unsubscribe_needs_no_session_and_get_changes_nothing(app: TestApp) {
    let token = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let id = app.get("/api/v1/me", Some(&token)).await.body["id"].as_str().expect("id").parse().expect("uuid");
    let link =
        format!("/unsubscribe/{}", mfx_api::mail::unsubscribe_token(&app.state.unsubscribe_key, id, 0).expect("token"));
    // A link checker's GET only shows the question.
    let page = app.client.get(app.url(&link)).send().await.expect("send");
    assert_eq!(page.status(), StatusCode::OK);
    let body = page.text().await.expect("body");
    assert!(body.contains("<html lang=\"sl\">") && body.contains("method=\"post\""), "{body}");
    assert_eq!(app.get("/api/v1/me", Some(&token)).await.body["digest"]["frequency"], "weekly");
    // The mail client's one-click POST, without any session.
    let post = app
        .client
        .post(app.url(&link))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("send");
    assert_eq!(post.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/me", Some(&token)).await.body["digest"]["frequency"], "off");
    // A forged token does nothing.
    let forged = Reply::from(
        app.client.post(app.url(&format!("/unsubscribe/{id}.AAAAAAAAAAAAAAAAAAAAAAAA"))).send().await.expect("send"),
    )
    .await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND);
}

/// Translations are listed in their own section but read at their document's own collection:
/// the links of a translated meeting note and action plan answer 200, not a practice's 404.
async fn digest_links_to_translations_open_their_own_collection(app: TestApp) {
    let erik = app.user_token("erik@example.se", "orebro", "editor").await;
    app.user_token("lars@example.se", "orebro", "editor").await;
    let since = app.state.clock.now();
    app.state.clock.advance(chrono::Duration::minutes(1));
    let note = json!({
        "language": "sv", "visibility": "partnership", "meeting_type": "interregional_event",
        "starts_at": "2025-05-20T09:00:00", "ends_at": "2025-05-20T16:00:00", "time_zone": "Europe/Stockholm",
        "place": "Örebro", "text": {"title": "Intressentmöte i Örebro"}
    });
    let plan = json!({
        "language": "sv", "visibility": "partnership", "policy_instrument": "Regionalt program",
        "region": "Örebro län", "actions": [{"status": "planned"}],
        "text": {"title": "Handlingsplan för mikrolån", "actions": [{"title": "Rådgivning"}]}
    });
    let mut expected = Vec::new();
    for (collection, body, english) in [
        ("meeting-notes", note, json!({ "text": {"title": "Stakeholder meeting in Örebro"} })),
        ("action-plans", plan, json!({ "text": {"title": "Microloan action plan", "actions": [{"title": "Advice"}]} })),
    ] {
        let created = crate::documents::create(&app, &erik, collection, &body).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let path = created.header("location").expect("location").to_owned();
        let translated = app.send_json(Method::PUT, &format!("{path}/translations/en"), Some(&erik), &english).await;
        assert!(translated.status.is_success(), "{}", translated.text);
        let id = path.rsplit('/').next().expect("an id").to_owned();
        expected.push(format!("{}/sv/{collection}/{id}", app.base));
    }

    let now = app.state.clock.now();
    let email = mfx_domain::Email::parse("lars@example.se").expect("email");
    let lars = app.state.db.read(|c| mfx_store::accounts::find_by_email(c, &email)).expect("read").expect("lars");
    let digest = app.state.db.read(|c| mfx_api::mail::gather(c, &lars, since, now)).expect("gather");
    let translations = digest.sections.iter().find(|s| s.group == "translation").expect("a translation section");
    assert_eq!(translations.items.len(), 2, "{translations:?}");
    let rendered =
        mfx_api::mail::render(&digest, &lars, since, &app.base, "https://x.example/unsubscribe/t").expect("render");

    let client = crate::web::browser(&app);
    let signed = crate::web::sign_in(&app, &client, "sv", "lars@example.se", crate::support::USER_PASSWORD).await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    for url in &expected {
        assert!(rendered.text.contains(&format!("  {url}\n")), "{url} in {}", rendered.text);
        assert!(rendered.html.contains(&format!("href=\"{url}\"")), "{url} in {}", rendered.html);
        let (status, _) = crate::web::page(&client, url).await;
        assert_eq!(status, StatusCode::OK, "{url}");
    }
    assert!(!rendered.text.contains("/practices/"), "{}", rendered.text);
}

on_both_databases!(
    digest_links_to_translations_open_their_own_collection,
    an_orebro_editor_gets_a_swedish_digest,
    the_digest_tells_of_the_partners_translations_work_and_action_items,
    one_click_unsubscribe_needs_no_session_and_get_changes_nothing
);

#[test]
fn the_preview_prints_the_digest_in_the_accounts_language() {
    let db = crate::support::TestDatabase::create(crate::support::Backend::Sqlite);
    let mfx = || crate::support::mfx(&db);
    let added = mfx()
        .args(["user", "add", "--email", "lars@example.se", "--partner", "orebro", "--role", "editor"])
        .output()
        .expect("run");
    assert!(added.status.success());
    let seeded = mfx().arg("seed-demo").output().expect("run");
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let preview = mfx().args(["digest", "preview", "--user", "lars@example.se"]).output().expect("run");
    assert!(preview.status.success(), "{}", String::from_utf8_lossy(&preview.stderr));
    let out = String::from_utf8_lossy(&preview.stdout);
    let sv = Translator::new(test_locale("sv"));
    assert!(out.contains(&sv.t("digest-section-practice")), "{out}");
    assert!(out.contains("/unsubscribe/"), "{out}");
    let unknown = mfx().args(["digest", "preview", "--user", "nobody@example.org"]).output().expect("run");
    assert!(!unknown.status.success());
}
