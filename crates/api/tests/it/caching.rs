//! Cached document reads: served again without rebuilding, kept up to date by the content
//! change log — a change made through another instance, the command line or another connection
//! is served within one second, a change made through this instance at once — and a change to
//! one document leaves the others' entries in the cache.

use crate::documents::{french_practice, published};
use crate::on_both_databases;
use crate::support::{Backend, TestApp};
use diesel::connection::SimpleConnection;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

async fn read(client: &reqwest::Client, url: &str) -> (StatusCode, Value) {
    let response = client.get(url).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Reads `url` until `seen` holds, failing when a read that started one second after `since`
/// still does not show it.
async fn within_a_second(
    client: &reqwest::Client,
    url: &str,
    since: Instant,
    what: &str,
    seen: impl Fn(StatusCode, &Value) -> bool,
) -> Value {
    loop {
        let started = since.elapsed();
        let (status, body) = read(client, url).await;
        if seen(status, &body) {
            return body;
        }
        assert!(started < Duration::from_secs(1), "{what} was not served within a second: {status} {body}");
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits (at most a second) until the cache holds `entries` entries.
async fn cache_holds(app: &TestApp, entries: usize, since: Instant) {
    while app.state.cache.size().0 != entries {
        assert!(since.elapsed() < Duration::from_secs(1), "the cache holds {:?}", app.state.cache.size());
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The ids of the first published practices of the demo content.
async fn demo_practices(app: &TestApp) -> Vec<(String, String)> {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo content");
    // Written past the application: applied now, so that no entry made from here on is removed
    // by the follower when it reads these changes.
    mfx_api::response_cache::follower::catch_up(&app.state.db, &app.state.cache).expect("the log is read");
    let (status, list) = read(&app.client, &app.url("/api/v1/practices?limit=100")).await;
    assert_eq!(status, StatusCode::OK);
    let items = list["items"].as_array().expect("items");
    assert!(items.len() >= 3, "the demo has published practices");
    items
        .iter()
        .map(|i| (i["id"].as_str().expect("id").to_owned(), i["original_language"].as_str().expect("lang").to_owned()))
        .collect()
}

/// A language the document was not written in.
fn other_language(original: &str) -> &'static str {
    if original == "fr" { "it" } else { "fr" }
}

async fn a_change_through_another_instance_is_served_within_a_second(app: TestApp) {
    let practices = demo_practices(&app).await;
    let (id, original) = &practices[0];
    let lang = other_language(original);
    let list_url = app.url(&format!("/api/v1/practices?lang={lang}&limit=100"));
    let document_url = app.url(&format!("/api/v1/practices/{id}?lang={lang}"));
    let (status, list) = read(&app.client, &list_url).await;
    assert_eq!(status, StatusCode::OK);
    let (status, before) = read(&app.client, &document_url).await;
    assert_eq!(status, StatusCode::OK);

    // Read again: the same answer, from the cache.
    let (hits_before, _) = app.state.cache.counts();
    assert_eq!(read(&app.client, &document_url).await.1, before);
    assert_eq!(read(&app.client, &list_url).await.1, list);
    assert_eq!(app.state.cache.counts().0, hits_before + 2, "both reads were answered from the cache");

    // Another instance changes the text in the language read (a translation, which leaves the
    // document's own version as it is) and then archives the document.
    let other = app.another_instance();
    let admin = app.admin_token().await;
    let title = "Un titre changé par l'autre instance";
    let put = app
        .client
        .request(Method::PUT, other.url(&format!("/api/v1/practices/{id}/translations/{lang}")))
        .bearer_auth(&admin)
        .json(&json!({ "text": { "title": title } }))
        .send()
        .await
        .expect("translation");
    assert!(put.status().is_success(), "{}", put.text().await.unwrap_or_default());
    let acknowledged = Instant::now();
    within_a_second(&app.client, &document_url, acknowledged, "the new text", |_, d| d["title"] == title).await;
    within_a_second(&app.client, &list_url, acknowledged, "the new title in the list", |_, list| {
        list["items"].as_array().into_iter().flatten().any(|i| i["id"] == id.as_str() && i["title"] == title)
    })
    .await;

    let archive = app
        .client
        .post(other.url(&format!("/api/v1/practices/{id}/transitions")))
        .bearer_auth(&admin)
        .json(&json!({ "to": "archived" }))
        .send()
        .await
        .expect("archive");
    assert_eq!(archive.status(), StatusCode::OK);
    let acknowledged = Instant::now();
    within_a_second(&app.client, &document_url, acknowledged, "the archived practice's absence", |status, _| {
        status == StatusCode::NOT_FOUND
    })
    .await;
    within_a_second(&app.client, &list_url, acknowledged, "the list without it", |_, list| {
        list["items"].as_array().is_some_and(|items| items.iter().all(|i| i["id"] != id.as_str()))
    })
    .await;
}

async fn a_change_through_this_instance_is_read_back_at_once_and_spares_other_documents(app: TestApp) {
    let practices = demo_practices(&app).await;
    let ((changed, original), (kept, _)) = (&practices[0], &practices[1]);
    let lang = other_language(original);
    let changed_url = format!("/api/v1/practices/{changed}?lang={lang}");
    let kept_url = format!("/api/v1/practices/{kept}?lang={lang}");
    let list_url = format!("/api/v1/practices?lang={lang}&limit=100");
    for url in [&changed_url, &kept_url, &list_url] {
        assert_eq!(app.get(url, None).await.status, StatusCode::OK);
    }
    let kept_before = app.get(&kept_url, None).await.body;

    let admin = app.admin_token().await;
    let title = "Relu aussitôt écrit";
    let put = app
        .send_json(
            Method::PUT,
            &format!("/api/v1/practices/{changed}/translations/{lang}"),
            Some(&admin),
            &json!({ "text": { "title": title } }),
        )
        .await;
    assert!(put.status.is_success(), "{}", put.text);

    // At once, without waiting for the follower: the writer's instance applied its change.
    let (hits, misses) = app.state.cache.counts();
    assert_eq!(app.get(&changed_url, None).await.body["title"], title, "the changed document is read back at once");
    let list = app.get(&list_url, None).await.body;
    let listed = list["items"].as_array().expect("items").iter().find(|i| i["id"] == changed.as_str());
    assert_eq!(listed.expect("listed")["title"], title, "and so is the list");
    assert_eq!(app.state.cache.counts(), (hits, misses + 2), "the document and the list were built again");
    assert_eq!(app.get(&kept_url, None).await.body, kept_before);
    assert_eq!(app.state.cache.counts(), (hits + 1, misses + 2), "the other document was served from the cache");
}

async fn a_write_through_another_connection_is_seen_within_a_second(app: TestApp) {
    let practices = demo_practices(&app).await;
    let id = &practices[0].0;
    let url = app.url(&format!("/api/v1/practices/{id}"));
    let list_url = app.url("/api/v1/practices?limit=100");
    assert_eq!(read(&app.client, &url).await.0, StatusCode::OK);
    read(&app.client, &list_url).await;
    // Another process's connection, as a script or an operator's tool has: nothing this
    // instance did, only the log tells it. It archives the practice.
    let elsewhere = mfx_store::Db::open(&mfx_store::DatabaseUrl::parse(&app.db.url).expect("url"), Default::default())
        .expect("another connection");
    let sql = format!("UPDATE documents SET status = 'archived' WHERE id = '{id}'");
    let latest = elsewhere
        .write(|c| {
            c.batch_execute(&sql)?;
            mfx_store::changes::latest(c)
        })
        .expect("update");
    let acknowledged = Instant::now();
    // The follower applies it without any request asking.
    while app.state.cache.applied() < Some(latest) {
        assert!(acknowledged.elapsed() < Duration::from_secs(1), "the follower did not apply the change");
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    within_a_second(&app.client, &url, acknowledged, "the archived practice's absence", |status, _| {
        status == StatusCode::NOT_FOUND
    })
    .await;
    within_a_second(&app.client, &list_url, acknowledged, "the list without it", |_, list| {
        list["items"].as_array().is_some_and(|items| items.iter().all(|i| i["id"] != id.as_str()))
    })
    .await;
}

async fn a_write_through_the_command_line_is_seen_within_a_second(app: TestApp) {
    let list_url = app.url("/api/v1/practices?limit=100");
    let (_, empty) = read(&app.client, &list_url).await;
    assert_eq!(empty["items"].as_array().map(Vec::len), Some(0));
    let (hits, _) = app.state.cache.counts();
    read(&app.client, &list_url).await;
    assert_eq!(app.state.cache.counts().0, hits + 1, "the empty list is cached");

    let mut command = crate::support::mfx(&app.db);
    command.env("MFX_JWT_SECRET", crate::support::JWT_SECRET).arg("seed-demo");
    let out = actix_web::rt::task::spawn_blocking(move || command.output()).await.expect("joined").expect("mfx runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let acknowledged = Instant::now();
    within_a_second(&app.client, &list_url, acknowledged, "the demo content", |_, list| {
        list["items"].as_array().is_some_and(|items| !items.is_empty())
    })
    .await;
}

async fn changes_pruned_before_they_were_read_empty_the_cache(app: TestApp) {
    let practices = demo_practices(&app).await;
    let (a, b, c) = (&practices[0].0, &practices[1].0, &practices[2].0);
    let url = format!("/api/v1/practices/{c}");
    let before = app.get(&url, None).await.body;
    let (hits, _) = app.state.cache.counts();
    assert_eq!(app.get(&url, None).await.body, before);
    assert_eq!(app.state.cache.counts().0, hits + 1, "cached");

    // In one transaction, two changes and a pruning that removes the first of them: this
    // instance finds the log starting past the last change it applied.
    let elsewhere = mfx_store::Db::open(&mfx_store::DatabaseUrl::parse(&app.db.url).expect("url"), Default::default())
        .expect("another connection");
    let immediate = if app.backend == Backend::Postgres { "SET CONSTRAINTS ALL IMMEDIATE;" } else { "" };
    let sql = format!(
        "UPDATE document_texts SET title = title || '.' WHERE document_id = '{a}';
         UPDATE document_texts SET title = title || '.' WHERE document_id = '{b}'; {immediate}"
    );
    let pruned = elsewhere
        .write(|conn| {
            conn.batch_execute(&sql)?;
            mfx_store::changes::prune(conn, chrono::Utc::now() + chrono::Duration::days(1))
        })
        .expect("changes and pruning");
    assert!(pruned >= 1, "the first change was pruned");
    cache_holds(&app, 0, Instant::now()).await;
    let (hits, misses) = app.state.cache.counts();
    assert_eq!(app.get(&url, None).await.body, before, "the untouched document, read again");
    assert_eq!(app.state.cache.counts(), (hits, misses + 1), "from the database: the cache was emptied");
}

async fn a_reader_may_ask_for_the_html_or_the_markdown_only(app: TestApp) {
    let practices = demo_practices(&app).await;
    let url = format!("/api/v1/practices/{}", practices[0].0);
    let both = app.get(&url, None).await;
    assert!(both.body["text"].is_object() && both.body["html"].is_object(), "both by default: {}", both.text);
    let html = app.get(&format!("{url}?text_format=html"), None).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.get("text").is_none(), "no Markdown: {}", html.text);
    assert_eq!(html.body["html"], both.body["html"]);
    let markdown = app.get(&format!("{url}?text_format=markdown"), None).await;
    assert!(markdown.body.get("html").is_none(), "no HTML: {}", markdown.text);
    assert_eq!(markdown.body["text"], both.body["text"]);
    assert!(html.text.len() < both.text.len() && markdown.text.len() < both.text.len());
    assert_eq!(app.get(&format!("{url}?text_format=both"), None).await.body, both.body);
    // Each form is its own entry: asked again, each is served as it was.
    let (hits, _) = app.state.cache.counts();
    assert_eq!(app.get(&format!("{url}?text_format=html"), None).await.text, html.text);
    assert_eq!(app.get(&format!("{url}?text_format=markdown"), None).await.text, markdown.text);
    assert_eq!(app.state.cache.counts().0, hits + 2);
    let wrong = app.get(&format!("{url}?text_format=pdf"), None).await;
    wrong.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert!(wrong.text.contains("text_format"), "{}", wrong.text);
}

async fn pending_work_is_logged_under_its_document(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let id = path.rsplit('/').next().expect("id").to_owned();
    let owner_view = app.get(&path, Some(&ssd)).await;
    assert!(owner_view.body.get("pending").is_none());
    let before = app.state.db.read(mfx_store::changes::latest).expect("latest");

    // The owner's editor changes the published practice through another instance: the edit
    // waits in a pending draft, which the owner partner's readers see on the document.
    let other = app.another_instance();
    let etag = owner_view.header("etag").expect("etag").to_owned();
    let edit = app
        .client
        .patch(other.url(&path))
        .bearer_auth(&ssd)
        .header("if-match", etag)
        .json(&json!({ "text": { "summary": "Un résumé en attente de relecture." } }))
        .send()
        .await
        .expect("edit");
    assert_eq!(edit.status(), StatusCode::OK);
    let acknowledged = Instant::now();
    let url = app.url(&path);
    let client = reqwest::Client::new();
    let seen = async || {
        let response = client.get(&url).bearer_auth(&ssd).send().await.expect("read");
        let body: Value = response.json().await.expect("json");
        body["pending"]["draft"]["status"] == "draft"
    };
    while !seen().await {
        assert!(acknowledged.elapsed() < Duration::from_secs(1), "the pending draft was not shown within a second");
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }

    // Every change the edit made is in the log, numbered without gaps, naming the practice.
    let (read, latest) = app
        .state
        .db
        .read(move |c| Ok((mfx_store::changes::since(c, before, 100)?, mfx_store::changes::latest(c)?)))
        .expect("the log");
    assert!(read.complete);
    assert_eq!(read.last(before), latest, "every number up to the latest is in the log: {read:?}");
    assert!(read.changes.iter().any(|c| c.seq == before + 1), "{read:?}");
    let numbers: Vec<i64> = read.changes.iter().map(|c| c.seq).collect();
    let expected: Vec<i64> = (before + 1..=before + numbers.len() as i64).collect();
    assert_eq!(numbers, expected, "no gaps");
    assert!(read.changes.iter().all(|c| c.document.map(|d| d.to_string()) == Some(id.clone())), "{read:?}");
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

on_both_databases!(
    a_change_through_another_instance_is_served_within_a_second,
    a_change_through_this_instance_is_read_back_at_once_and_spares_other_documents,
    a_write_through_another_connection_is_seen_within_a_second,
    a_write_through_the_command_line_is_seen_within_a_second,
    changes_pruned_before_they_were_read_empty_the_cache,
    a_reader_may_ask_for_the_html_or_the_markdown_only,
    pending_work_is_logged_under_its_document,
    readers_of_another_scope_do_not_share_entries
);
