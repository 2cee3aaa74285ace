//! Pages offer only what the reader may do, and a refusal never throws away what was typed.

use crate::on_both_databases;
use crate::support::{TestApp, USER_PASSWORD};
use crate::web::{LANGUAGES, browser, csrf_of, messages, page, sign_in, speaks};
use reqwest::StatusCode;
use serde_json::json;

/// A viewer sees no "new", "edit" or "translate" offer, and the new-document form answers with
/// the translated "not allowed" page before anything is typed.
async fn a_viewer_is_offered_no_writing(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let practice =
        app.get("/api/v1/practices?limit=1", None).await.body["items"][0]["id"].as_str().expect("id").to_owned();
    app.user_token("lars@example.se", "orebro", "viewer").await;
    let english = messages("en");
    let client = browser(&app);
    sign_in(&app, &client, "sv", "lars@example.se", USER_PASSWORD).await;
    for lang in LANGUAGES {
        let own = messages(lang);
        for collection in ["practices", "meeting-notes", "action-plans"] {
            let (status, html) = page(&client, &app.url(&format!("/{lang}/{collection}"))).await;
            assert_eq!(status, StatusCode::OK);
            assert!(!html.contains(&format!("/{lang}/{collection}/new")), "/{lang}/{collection} offers a new one");
            speaks(lang, &format!("/{collection}"), &html, &english, &own);
            let (status, html) = page(&client, &app.url(&format!("/{lang}/{collection}/new"))).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "/{lang}/{collection}/new");
            assert!(html.contains(&own["error-page-forbidden-text"]), "/{lang}/{collection}/new: {html}");
            assert!(!html.contains("<textarea") && !html.contains("name=\"title\""), "no form to type in");
            speaks(lang, &format!("/{collection}/new"), &html, &english, &own);
        }
        let path = format!("/practices/{practice}");
        let (status, html) = page(&client, &app.url(&format!("/{lang}{path}"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains(&format!("{path}/edit")), "/{lang}{path} offers an edit");
        assert!(!html.contains(&format!("{path}/translations/")), "/{lang}{path} offers a translation");
        assert!(!html.contains(&own["document-edit"]), "/{lang}{path} shows the edit button");
        speaks(lang, &path, &html, &english, &own);
    }
    // A visitor is not offered a new document either.
    let visitor = browser(&app);
    for lang in LANGUAGES {
        let (_, html) = page(&visitor, &app.url(&format!("/{lang}/practices"))).await;
        assert!(!html.contains(&format!("/{lang}/practices/new")));
    }
}

/// An editor whose right to write is taken away while typing gets the form back, every value
/// kept, with a message in the interface language; nothing is saved.
async fn a_refused_save_keeps_what_was_typed(app: TestApp) {
    let admin = app.admin_token().await;
    let token = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let id = app.get("/api/v1/me", Some(&token)).await.body["id"].as_str().expect("id").to_owned();
    let english = messages("en");
    let client = browser(&app);
    sign_in(&app, &client, "sl", "maja@example.si", USER_PASSWORD).await;
    let mut forms = Vec::new();
    for lang in LANGUAGES {
        let (status, form) = page(&client, &app.url(&format!("/{lang}/practices/new"))).await;
        assert_eq!(status, StatusCode::OK, "/{lang}/practices/new");
        forms.push(csrf_of(&form));
    }
    let demoted = app.patch(&format!("/api/v1/users/{id}"), Some(&admin), &json!({ "role": "viewer" })).await;
    assert_eq!(demoted.status, StatusCode::OK, "{}", demoted.text);
    for (lang, csrf) in LANGUAGES.into_iter().zip(forms) {
        let own = messages(lang);
        let title = format!("Mikroposojila za mlade ({lang})");
        let summary = "Dolgo besedilo, ki ga ne smemo izgubiti & <ohraniti>.";
        let sent = client
            .post(app.url(&format!("/{lang}/practices/new")))
            .form(&[
                ("csrf", csrf.as_str()),
                ("language", "sl"),
                ("visibility", "public"),
                ("title", title.as_str()),
                ("summary", summary),
            ])
            .send()
            .await
            .expect("send");
        assert_eq!(sent.status(), StatusCode::FORBIDDEN, "/{lang}/practices/new");
        let html = sent.text().await.expect("body");
        assert!(html.contains(&escaped(&own["form-refused"])), "/{lang}: {html}");
        assert!(html.contains(&format!("value=\"{}\"", escaped(&title))), "the title is kept: {html}");
        assert!(html.contains(&escaped(summary)), "the summary is kept: {html}");
        speaks(lang, "/practices/new", &html, &english, &own);
    }
    let mine = app.get("/api/v1/practices?limit=50", Some(&token)).await;
    let titles: Vec<&str> =
        mine.body["items"].as_array().expect("items").iter().filter_map(|i| i["title"].as_str()).collect();
    assert!(!titles.iter().any(|t| t.starts_with("Mikroposojila")), "nothing saved: {titles:?}");
}

/// "Add another action" brings the new action plan back with one more empty row and everything
/// typed kept; nothing is saved until "Save".
async fn another_action_row_keeps_what_was_typed(app: TestApp) {
    let token = app.user_token("giulia@example.it", "bologna", "editor").await;
    let english = messages("en");
    let client = browser(&app);
    sign_in(&app, &client, "it", "giulia@example.it", USER_PASSWORD).await;
    for lang in LANGUAGES {
        let own = messages(lang);
        let url = app.url(&format!("/{lang}/action-plans/new"));
        let (status, form) = page(&client, &url).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(form.matches("name=\"action-0-title\"").count(), 1);
        assert!(!form.contains("name=\"action-1-title\""), "one row to begin with");
        assert!(form.contains("name=\"add_action\"") && form.contains(&escaped(&own["form-add-action"])));
        let csrf = csrf_of(&form);
        let title = format!("Piano per il microcredito ({lang})");
        let mut fields = vec![
            ("csrf", csrf.clone()),
            ("language", "it".to_owned()),
            ("visibility", "partnership".to_owned()),
            ("title", title.clone()),
            ("policy_instrument", "PR FSE+ Emilia-Romagna".to_owned()),
            ("action-0-id", String::new()),
            ("action-0-title", "Sportello unico & <accompagnamento>".to_owned()),
            ("action-0-status", "in_progress".to_owned()),
            ("action-0-progress_percent", "30".to_owned()),
            ("add_action", "yes".to_owned()),
        ];
        let sent = client.post(&url).form(&fields).send().await.expect("send");
        assert_eq!(sent.status(), StatusCode::OK, "/{lang}/action-plans/new");
        let html = sent.text().await.expect("body");
        assert!(html.contains("name=\"action-1-title\"") && !html.contains("name=\"action-2-title\""), "two rows");
        assert!(html.contains(&format!("value=\"{}\"", escaped(&title))), "the title is kept");
        assert!(html.contains(&format!("value=\"{}\"", escaped("Sportello unico & <accompagnamento>"))));
        assert!(html.contains("value=\"in_progress\" selected") && html.contains("value=\"30\""), "row values kept");
        assert!(!html.contains("role=\"alert\""), "no error shown: {html}");
        speaks(lang, "/action-plans/new", &html, &english, &own);
        // Again: a third row, the second's text kept.
        fields.retain(|(name, _)| *name != "add_action");
        fields.extend([
            ("action-1-id", String::new()),
            ("action-1-title", "Formazione".to_owned()),
            ("action-1-status", "planned".to_owned()),
            ("add_action", "yes".to_owned()),
        ]);
        let html = client.post(&url).form(&fields).send().await.expect("send").text().await.expect("body");
        assert!(html.contains("name=\"action-2-title\"") && html.contains("value=\"Formazione\""), "three rows");
    }
    let plans = app.get("/api/v1/action-plans?limit=50", Some(&token)).await;
    assert_eq!(plans.body["items"].as_array().map(Vec::len), Some(0), "nothing saved: {}", plans.text);
    // "Save" saves both actions.
    let (_, form) = page(&client, &app.url("/it/action-plans/new")).await;
    let saved = client
        .post(app.url("/it/action-plans/new"))
        .form(&[
            ("csrf", csrf_of(&form).as_str()),
            ("language", "it"),
            ("visibility", "partnership"),
            ("title", "Piano"),
            ("policy_instrument", "PR FSE+"),
            ("action-0-title", "Uno"),
            ("action-0-status", "planned"),
            ("action-1-title", "Due"),
            ("action-1-status", "planned"),
            ("action", "save"),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let plans = app.get("/api/v1/action-plans?limit=50", Some(&token)).await;
    let id = plans.body["items"][0]["id"].as_str().expect("a plan").to_owned();
    let plan = app.get(&format!("/api/v1/action-plans/{id}"), Some(&token)).await;
    assert_eq!(plan.body["actions"].as_array().map(Vec::len), Some(2), "{}", plan.text);
}

/// A meeting note offers three action-item rows; "Add another action item" brings one more with
/// everything typed kept, as often as needed, and "Save" keeps every item.
async fn another_action_item_row_keeps_what_was_typed(app: TestApp) {
    let token = app.user_token("giulia@example.it", "bologna", "editor").await;
    let english = messages("en");
    let client = browser(&app);
    sign_in(&app, &client, "it", "giulia@example.it", USER_PASSWORD).await;
    for lang in LANGUAGES {
        let own = messages(lang);
        let url = app.url(&format!("/{lang}/meeting-notes/new"));
        let (status, form) = page(&client, &url).await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("name=\"item-2-title\"") && !form.contains("name=\"item-3-title\""), "three rows");
        assert!(form.contains("name=\"add_item\"") && form.contains(&escaped(&own["form-add-item"])), "{lang}");
        let title = format!("Incontro con gli stakeholder ({lang})");
        let mut fields: Vec<(String, String)> = [
            ("csrf", csrf_of(&form).as_str()),
            ("language", "it"),
            ("visibility", "partnership"),
            ("title", title.as_str()),
            ("meeting_type", "stakeholder_meeting"),
            ("starts_at", "2026-10-06T10:00"),
            ("ends_at", "2026-10-06T12:30"),
            ("time_zone", "Europe/Rome"),
            ("place", "Bologna"),
        ]
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .to_vec();
        for n in 0..3 {
            fields.push((format!("item-{n}-title"), format!("Compito {n}")));
            fields.push((format!("item-{n}-status"), "open".to_owned()));
        }
        fields.push(("add_item".to_owned(), "yes".to_owned()));
        let html = client.post(&url).form(&fields).send().await.expect("send").text().await.expect("body");
        assert!(html.contains("name=\"item-3-title\"") && !html.contains("name=\"item-4-title\""), "{lang}: four rows");
        for n in 0..3 {
            assert!(html.contains(&format!("value=\"Compito {n}\"")), "{lang}: row {n} kept");
        }
        assert!(html.contains("value=\"2026-10-06T10:00\"") && html.contains("value=\"Bologna\""), "{lang}: kept");
        assert!(!html.contains("role=\"alert\""), "{lang}: no error shown");
        speaks(lang, "/meeting-notes/new", &html, &english, &own);
        if lang == "it" {
            fields.retain(|(name, _)| name != "add_item");
            for (name, value) in [("item-3-title", "Compito 3"), ("item-3-status", "open"), ("action", "save")] {
                fields.push((name.to_owned(), value.to_owned()));
            }
            let saved = client.post(&url).form(&fields).send().await.expect("send");
            assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        }
    }
    let notes = app.get("/api/v1/meeting-notes?limit=50", Some(&token)).await;
    let items = notes.body["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "only \"Save\" saves: {}", notes.text);
    let id = items[0]["id"].as_str().expect("an id");
    let note = app.get(&format!("/api/v1/meeting-notes/{id}"), Some(&token)).await;
    assert_eq!(note.body["action_items"].as_array().map(Vec::len), Some(4), "{}", note.text);
}

/// Text as the pages escape it.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;").replace('"', "&#34;").replace('\'', "&#39;")
}

on_both_databases!(
    a_viewer_is_offered_no_writing,
    a_refused_save_keeps_what_was_typed,
    another_action_row_keeps_what_was_typed,
    another_action_item_row_keeps_what_was_typed
);
