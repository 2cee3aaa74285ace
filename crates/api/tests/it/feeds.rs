//! The Atom feeds, read by a feed reader's parser: in each language, the newest publications
//! an anonymous visitor may read, titles served by the fallback rule and marked with their
//! language, never a draft or a members-only document; a partner's feed lists only that partner.

use crate::on_both_databases;
use crate::support::TestApp;
use crate::web::{LANGUAGES, messages};
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::HashMap;

const COLLECTIONS: [&str; 3] = ["practices", "meeting-notes", "action-plans"];

/// Every document of a collection as the administrator sees it (id → item).
async fn everything(app: &TestApp, admin: &str, collection: &str) -> HashMap<String, Value> {
    let reply = app.get(&format!("/api/v1/{collection}?limit=100"), Some(admin)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| (i["id"].as_str().expect("id").to_owned(), i.clone()))
        .collect()
}

/// A feed: its parsed form and, entry by entry in order, the `xml:lang` of its title and summary.
struct Read {
    feed: feed_rs::model::Feed,
    title_langs: Vec<Option<String>>,
    summary_langs: Vec<Option<String>>,
    etag: String,
}

fn attribute_of(chunk: &str, element: &str) -> Option<String> {
    let start = chunk.find(&format!("<{element} "))?;
    let tag = &chunk[start..start + chunk[start..].find('>')?];
    tag.split("xml:lang=\"").nth(1).and_then(|r| r.split('"').next()).map(str::to_owned)
}

async fn read_feed(app: &TestApp, path: &str) -> Read {
    let response = app.client.get(app.url(path)).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "application/atom+xml; charset=utf-8", "{path}");
    let etag = headers.get("etag").and_then(|v| v.to_str().ok()).expect("an ETag").to_owned();
    assert!(headers.get("cache-control").is_some_and(|v| v.to_str().unwrap_or_default().contains("no-cache")));
    let xml = response.text().await.expect("body");
    let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{path} is a feed: {e}"));
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    let chunks: Vec<&str> = xml.split("<entry>").skip(1).collect();
    assert_eq!(chunks.len(), feed.entries.len());
    Read {
        title_langs: chunks.iter().map(|c| attribute_of(c, "title")).collect(),
        summary_langs: chunks.iter().map(|c| attribute_of(c, "summary")).collect(),
        feed,
        etag,
    }
}

/// The document id an entry links to, checking the link's form.
fn linked_id(entry: &feed_rs::model::Entry, lang: &str, collection: &str) -> String {
    let link = entry.links.first().expect("a link");
    let prefix = format!("/{lang}/{collection}/");
    let at = link.href.find(&prefix).unwrap_or_else(|| panic!("{} links into /{lang}/{collection}", link.href));
    assert_eq!(entry.id, link.href, "the id is the document's address");
    link.href[at + prefix.len()..].to_owned()
}

async fn partner_names(app: &TestApp) -> HashMap<String, String> {
    let reply = app.get("/api/v1/partners", None).await;
    let list = reply.body["items"].as_array().or_else(|| reply.body.as_array()).expect("partners").clone();
    list.iter()
        .map(|p| (p["slug"].as_str().expect("slug").to_owned(), p["short_name"].as_str().expect("name").to_owned()))
        .collect()
}

async fn feeds_list_the_newest_public_publications_in_each_language(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let admin = app.admin_token().await;
    let names = partner_names(&app).await;
    let mut hidden_seen = 0;
    let mut fallbacks = 0;
    for collection in COLLECTIONS {
        let all = everything(&app, &admin, collection).await;
        let public: Vec<&Value> =
            all.values().filter(|d| d["status"] == "published" && d["visibility"] == "public").collect();
        hidden_seen += all.len() - public.len();
        for lang in LANGUAGES {
            let shown_in = messages(lang)["list-shown-in"].split('{').next().expect("a label").trim().to_owned();
            let read = read_feed(&app, &format!("/{lang}/{collection}.atom")).await;
            let feed = &read.feed;
            assert_eq!(feed.language.as_deref(), Some(lang));
            assert_eq!(feed.entries.len(), public.len().min(50), "/{lang}/{collection}.atom lists every publication");
            assert!(feed.links.iter().any(|l| l.rel.as_deref() == Some("self") && l.href.ends_with(".atom")));
            // What an anonymous reader's list says of each document: title, language, fallback.
            let listed = app.get(&format!("/api/v1/{collection}?lang={lang}&limit=100"), None).await;
            let listed: HashMap<&str, &Value> = listed.body["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|i| (i["id"].as_str().expect("id"), i))
                .collect();
            let mut previous = None;
            for (n, entry) in feed.entries.iter().enumerate() {
                let id = linked_id(entry, lang, collection);
                let document = &all[&id];
                assert_eq!(document["status"], "published", "{id} in /{lang}/{collection}.atom");
                assert_eq!(document["visibility"], "public", "{id} in /{lang}/{collection}.atom");
                let item = listed[id.as_str()];
                let title = entry.title.as_ref().expect("a title").content.clone();
                let served = item["language"].as_str().expect("language");
                assert_eq!(read.title_langs[n].as_deref(), Some(served), "{id}: the title's xml:lang");
                if let Some(summary_lang) = &read.summary_langs[n] {
                    assert_eq!(summary_lang, served);
                    let summary = entry.summary.as_ref().expect("summary").content.clone();
                    assert!(!summary.contains("**") && !summary.contains("](") && !summary.is_empty());
                }
                if item["fallback"] == true {
                    fallbacks += 1;
                    assert_ne!(served, lang);
                    assert!(title.starts_with(item["title"].as_str().expect("title")), "{title}");
                    assert!(title.contains(&shown_in), "{title} says it is shown in another language");
                } else {
                    assert_eq!(served, lang);
                    assert_eq!(title, item["title"].as_str().expect("title"));
                }
                let author = entry.authors.first().expect("an author").name.clone();
                assert_eq!(author, names[document["partner"].as_str().expect("partner")]);
                let published = document["published_at"].as_str().expect("published");
                let published = chrono::DateTime::parse_from_rfc3339(published).expect("time").to_utc();
                let updated = entry.updated.expect("updated");
                assert_eq!(updated.timestamp(), published.timestamp(), "{id}: updated is the publication");
                if let Some(previous) = previous {
                    assert!(updated <= previous, "newest first");
                }
                previous = Some(updated);
            }
            if let Some(newest) = feed.entries.first() {
                assert_eq!(feed.updated, newest.updated, "the feed is as new as its newest entry");
            }
        }
    }
    assert!(hidden_seen > 0, "the demo has drafts and members-only documents, which no feed lists");
    assert!(fallbacks > 0, "some entries are served in another language");
}

async fn a_partners_feed_lists_only_that_partner(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let admin = app.admin_token().await;
    let names = partner_names(&app).await;
    let mut all = HashMap::new();
    for collection in COLLECTIONS {
        all.extend(everything(&app, &admin, collection).await);
    }
    for slug in ["orebro", "bucharest-ilfov"] {
        let expected =
            all.values().filter(|d| d["partner"] == slug && d["status"] == "published" && d["visibility"] == "public");
        let expected = expected.count();
        for lang in ["en", "sv"] {
            let read = read_feed(&app, &format!("/{lang}/partners/{slug}.atom")).await;
            assert_eq!(read.feed.entries.len(), expected, "/{lang}/partners/{slug}.atom");
            for entry in &read.feed.entries {
                let href = &entry.links.first().expect("link").href;
                let id = href.rsplit('/').next().expect("id");
                assert_eq!(all[id]["partner"], slug, "{href} is {slug}'s");
                assert_eq!(entry.authors.first().expect("author").name, names[slug]);
            }
        }
    }
    assert!(all.values().any(|d| d["partner"] == "orebro" && d["status"] != "published"), "a hidden one exists");

    // An unknown partner has no feed; a reader that has the feed is told so.
    let unknown = app.client.get(app.url("/en/partners/atlantis.atom")).send().await.expect("request");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let read = read_feed(&app, "/fr/partners/orebro.atom").await;
    let again = app
        .client
        .get(app.url("/fr/partners/orebro.atom"))
        .header("if-none-match", &read.etag)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    // The pages link their feeds, in the head and visibly.
    for (page, feed) in [("/it/practices", "/it/practices.atom"), ("/it/partners/orebro", "/it/partners/orebro.atom")] {
        let html = app.client.get(app.url(page)).send().await.expect("page").text().await.expect("html");
        assert!(
            html.contains(r#"<link rel="alternate" type="application/atom+xml" title=""#)
                && html.contains(&format!(r#"href="{feed}">"#)),
            "{page} announces {feed}"
        );
        let subscribe = &messages("it")["feed-subscribe"];
        assert!(html.contains(&format!(r#"<a href="{feed}" type="application/atom+xml">{subscribe}</a>"#)), "{page}");
    }
}

on_both_databases!(feeds_list_the_newest_public_publications_in_each_language, a_partners_feed_lists_only_that_partner);
