//! Cached document reads: served again without rebuilding, and never stale — not even when the
//! change was made through another instance sharing the database.

use crate::on_both_databases;
use crate::support::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn read(client: &reqwest::Client, url: &str) -> (StatusCode, Value) {
    let response = client.get(url).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn a_change_through_another_instance_is_seen_at_once(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo content");
    let list_url = app.url("/api/v1/practices?lang=fr&limit=100");
    let (status, list) = read(&app.client, &list_url).await;
    assert_eq!(status, StatusCode::OK);
    let first = list["items"].as_array().expect("items").first().expect("a published practice").clone();
    let id = first["id"].as_str().expect("id").to_owned();
    let original = first["original_language"].as_str().expect("language").to_owned();
    let document_url = app.url(&format!("/api/v1/practices/{id}?lang=fr"));
    let (status, before) = read(&app.client, &document_url).await;
    assert_eq!(status, StatusCode::OK);

    // Read again: the same answer, from the cache.
    let (hits_before, _) = app.state.cache.counts();
    assert_eq!(read(&app.client, &document_url).await.1, before);
    assert_eq!(read(&app.client, &list_url).await.1, list);
    assert_eq!(app.state.cache.counts().0, hits_before + 2, "both reads were answered from the cache");

    // Another instance changes the French text (a translation, which leaves the document's own
    // version as it is) and then archives the document.
    let other = app.another_instance();
    let admin = app.admin_token().await;
    let title = "Un titre changé par l'autre instance";
    let language = if original == "fr" { "it" } else { "fr" };
    let put = app
        .client
        .request(Method::PUT, other.url(&format!("/api/v1/practices/{id}/translations/{language}")))
        .bearer_auth(&admin)
        .json(&json!({ "text": { "title": title } }))
        .send()
        .await
        .expect("translation");
    assert!(put.status().is_success(), "{}", put.text().await.unwrap_or_default());
    let lang = language;
    let document_url = app.url(&format!("/api/v1/practices/{id}?lang={lang}"));
    let list_url = app.url(&format!("/api/v1/practices?lang={lang}&limit=100"));
    let (_, after) = read(&app.client, &document_url).await;
    assert_eq!(after["title"], title, "the first instance serves the new text at once");
    let (_, list) = read(&app.client, &list_url).await;
    let listed = list["items"].as_array().expect("items").iter().find(|i| i["id"] == id.as_str()).expect("listed");
    assert_eq!(listed["title"], title);

    let archive = app
        .client
        .post(other.url(&format!("/api/v1/practices/{id}/transitions")))
        .bearer_auth(&admin)
        .json(&json!({ "to": "archived" }))
        .send()
        .await
        .expect("archive");
    assert_eq!(archive.status(), StatusCode::OK);
    let (status, _) = read(&app.client, &document_url).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an archived practice is no longer shown to visitors");
    let (_, list) = read(&app.client, &list_url).await;
    assert!(list["items"].as_array().expect("items").iter().all(|i| i["id"] != id.as_str()));
}

async fn readers_of_another_scope_do_not_share_entries(app: TestApp) {
    let editor = app.user_token("redactrice@example.fr", "seine-saint-denis", "editor").await;
    let created = app
        .post(
            "/api/v1/practices",
            Some(&editor),
            &json!({ "text": { "title": "Brouillon", "summary": "Pas encore publié." } }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    // The author reads the draft (and it is cached for her scope); a visitor must not get it.
    assert_eq!(app.get(&path, Some(&editor)).await.status, StatusCode::OK);
    assert_eq!(app.get(&path, Some(&editor)).await.status, StatusCode::OK);
    app.get(&path, None).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    let mine = app.get("/api/v1/practices?status=draft", Some(&editor)).await;
    assert_eq!(mine.body["items"].as_array().map(Vec::len), Some(1));
    let theirs = app.get("/api/v1/practices?status=draft", None).await;
    assert_eq!(theirs.body["items"].as_array().map(Vec::len), Some(0));
}

on_both_databases!(a_change_through_another_instance_is_seen_at_once, readers_of_another_scope_do_not_share_entries);
