//! Search through the API on both databases: what people expect of it (words as they type them,
//! a typo, phrases, filters with counts, the language that matched, a marked passage, a theme
//! named in another language), visibility, several instances each with its own index, bad
//! input, and a rebuild killed part way.

use crate::documents::published;
use crate::on_both_databases;
use crate::support::{Backend, METRICS_TOKEN, TestApp, TestDatabase, mfx};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn practice(language: &str, title: &str, summary: &str, themes: &[&str]) -> Value {
    json!({
        "language": language,
        "visibility": "public",
        "themes": themes,
        "text": { "title": title, "summary": summary }
    })
}

fn ids(reply: &Value) -> Vec<String> {
    reply["items"].as_array().map_or_else(Vec::new, |items| {
        items.iter().filter_map(|i| i["document"]["id"].as_str().map(str::to_owned)).collect()
    })
}

fn id_of(path: &str) -> String {
    path.rsplit('/').next().unwrap_or_default().to_owned()
}

fn facet(reply: &Value, name: &str) -> Vec<(String, u64)> {
    reply["facets"][name]
        .as_array()
        .map(|values| {
            values
                .iter()
                .map(|v| (v["value"].as_str().unwrap_or_default().to_owned(), v["count"].as_u64().unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default()
}

async fn search_finds_what_people_type(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let french = id_of(
        &published(
            &app,
            &ssd,
            &coordinator,
            "practices",
            &practice(
                "fr",
                "Accompagnement des créatrices d'entreprise",
                "Un parrainage solidaire pour les créatrices d'entreprise du quartier.",
                &["social_inclusion"],
            ),
        )
        .await,
    );
    let italian = id_of(
        &published(
            &app,
            &bologna,
            &coordinator,
            "practices",
            &practice(
                "it",
                "Fondo di garanzia per le cooperative",
                "Il fondo garantisce i prestiti alle cooperative sociali della città.",
                &["microcredit"],
            ),
        )
        .await,
    );
    let app = &app;
    let search = |q: &str| {
        let path = format!("/api/v1/search?{}", serde_urlencoded::to_string([("q", q)]).expect("q"));
        async move { app.get(&path, None).await }
    };

    // The beginning of a word, as typed; the word whole; one letter missing; an inflection.
    assert_eq!(ids(&search("parrain").await.body), std::slice::from_ref(&french));
    assert_eq!(ids(&search("parrainage ").await.body), std::slice::from_ref(&french));
    assert_eq!(ids(&search("parainage ").await.body), std::slice::from_ref(&french), "one letter missing");
    assert_eq!(ids(&search("garanzie ").await.body), std::slice::from_ref(&italian), "a plural finds the singular");
    assert_eq!(ids(&search("creatrices").await.body), std::slice::from_ref(&french), "without the accent");
    // Words in quotes must follow one another.
    assert_eq!(ids(&search("\"créatrices d'entreprise\"").await.body), std::slice::from_ref(&french));
    assert!(ids(&search("\"entreprise créatrices\"").await.body).is_empty());
    // Every word must match.
    assert!(ids(&search("parrainage cooperative ").await.body).is_empty());

    // The language that matched, and a passage with the match marked.
    let found = search("cooperative ").await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.text);
    let hit = &found.body["items"][0];
    assert_eq!(hit["matched_language"], "it");
    let marked: Vec<&str> = hit["passage"]
        .as_array()
        .expect("passage")
        .iter()
        .filter(|r| r["matched"] == true)
        .filter_map(|r| r["text"].as_str())
        .collect();
    assert!(!marked.is_empty() && marked.iter().all(|m| m.to_lowercase().starts_with("cooperativ")), "{marked:?}");

    // A theme named in Swedish finds the practice tagged with it, written in Italian.
    let swedish = app.get("/api/v1/search?q=mikrol%C3%A5n&lang=sv", None).await;
    assert_eq!(ids(&swedish.body), std::slice::from_ref(&italian), "{}", swedish.text);
    assert_eq!(swedish.body["items"][0]["matched_language"], "it");

    // Filters narrow, and every filter's values are counted over all the matches.
    let both = app.get("/api/v1/search?q=sociale%20solidaire%20fondo", None).await;
    assert!(ids(&both.body).is_empty(), "all three words in one text");
    let common = "/api/v1/search?q=";
    let any = app.get(&format!("{common}garantisce%20OR%20parrainage"), None).await;
    assert!(ids(&any.body).is_empty(), "OR is a word like any other");
    let le = app.get(&format!("{common}le%20"), None).await;
    assert_eq!(le.body["total"], 2, "{}", le.text);
    assert_eq!(facet(&le.body, "partner").len(), 2);
    assert_eq!(facet(&le.body, "kind"), [("practice".to_owned(), 2)]);
    assert!(facet(&le.body, "language").contains(&("fr".to_owned(), 1)));
    assert!(facet(&le.body, "status").is_empty(), "visitors are not told statuses");
    let bologna_only = app.get(&format!("{common}le%20&partner=bologna"), None).await;
    assert_eq!(ids(&bologna_only.body), std::slice::from_ref(&italian));
    let themed = app.get(&format!("{common}le%20&theme=social_inclusion"), None).await;
    assert_eq!(ids(&themed.body), std::slice::from_ref(&french));
    let in_french = app.get(&format!("{common}le%20&language=fr"), None).await;
    assert_eq!(ids(&in_french.body), std::slice::from_ref(&french));
    let notes = app.get(&format!("{common}le%20&kind=meeting_note"), None).await;
    assert_eq!(notes.body["total"], 0);
    let member = app.get(&format!("{common}le%20"), Some(&bologna)).await;
    assert_eq!(facet(&member.body, "status"), [("published".to_owned(), 2)]);
    let second_page = app.get(&format!("{common}le%20&offset=1&limit=1"), None).await;
    assert_eq!(second_page.body["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(second_page.body["total"], 2);
}

async fn hidden_documents_are_never_found(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let draft = app
        .post(
            "/api/v1/practices",
            Some(&ssd),
            &practice("fr", "Brouillon zygomorphe", "Un texte pas encore relu.", &[]),
        )
        .await;
    assert_eq!(draft.status, StatusCode::CREATED, "{}", draft.text);
    let id = draft.body["id"].as_str().expect("id").to_owned();
    let q = "/api/v1/search?q=zygomorphe";
    assert_eq!(app.get(q, None).await.body["total"], 0, "visitors");
    assert_eq!(app.get(q, Some(&bologna)).await.body["total"], 0, "another partner");
    let own = app.get(q, Some(&ssd)).await;
    assert_eq!(ids(&own.body), std::slice::from_ref(&id), "the partner's own draft");
    assert_eq!(facet(&own.body, "status"), [("draft".to_owned(), 1)]);
    // The draft's words never reach a visitor's counts either.
    let words = app.get("/api/v1/search?q=texte", None).await;
    assert_eq!(words.body["total"], 0, "{}", words.text);
}

/// A result lists the document as it is now, not as it was when last listed: the listing kept
/// in memory for searches follows each change, and so does who may see it.
async fn a_result_lists_the_document_as_it_is_now(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let body = practice("fr", "Tontine numérique", "Une tontine hébergée par la mairie.", &[]);
    let path = published(&app, &ssd, &coordinator, "practices", &body).await;
    let q = "/api/v1/search?q=tontine";
    for token in [None, Some(bologna.as_str())] {
        let found = app.get(q, token).await;
        assert_eq!(ids(&found.body), [id_of(&path)], "{}", found.text);
        assert_eq!(found.body["items"][0]["document"]["status"], "published");
    }
    let archived = app.post(&format!("{path}/transitions"), Some(&coordinator), &json!({ "to": "archived" })).await;
    assert_eq!(archived.status, StatusCode::OK, "{}", archived.text);
    let visitor = app.get(q, None).await;
    assert!(ids(&visitor.body).is_empty(), "an archived practice is for members only: {}", visitor.text);
    let member = app.get(q, Some(&bologna)).await;
    assert_eq!(ids(&member.body), [id_of(&path)]);
    assert_eq!(member.body["items"][0]["document"]["status"], "archived", "{}", member.text);
}

async fn a_change_through_another_instance_is_found_within_a_second(app: TestApp) {
    let other = app.another_instance();
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let body = practice("fr", "Tontine numérique", "Une tontine hébergée par la mairie.", &[]);
    let created =
        app.client.post(other.url("/api/v1/practices")).bearer_auth(&ssd).json(&body).send().await.expect("create");
    assert_eq!(created.status(), StatusCode::CREATED);
    let path = created.headers()["location"].to_str().expect("location").to_owned();
    for (to, token) in [("in_review", &ssd), ("published", &coordinator)] {
        let moved = app
            .client
            .post(other.url(&format!("{path}/transitions")))
            .bearer_auth(token)
            .json(&json!({ "to": to }))
            .send()
            .await
            .expect("move");
        assert_eq!(moved.status(), StatusCode::OK);
    }
    let acknowledged = Instant::now();
    // Found at once through the instance that took the write.
    let own: Value =
        app.client.get(other.url("/api/v1/search?q=tontine")).send().await.expect("search").json().await.expect("json");
    assert_eq!(ids(&own), [id_of(&path)]);
    // And through this one, with its own index, within a second.
    loop {
        let found = app.get("/api/v1/search?q=tontine", None).await;
        if ids(&found.body) == [id_of(&path)] {
            break;
        }
        assert!(acknowledged.elapsed() < Duration::from_secs(1), "not found within a second: {}", found.text);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn bad_queries_get_clear_answers(app: TestApp) {
    let long = "micro".repeat(2_000);
    let cases: [(String, StatusCode, Option<&str>); 9] = [
        (format!("q={long}"), StatusCode::UNPROCESSABLE_ENTITY, Some("q")),
        ("q=%22%22%20%2A".into(), StatusCode::UNPROCESSABLE_ENTITY, Some("q")),
        ("q=the%20of%20and".into(), StatusCode::OK, None),
        ("q=(((%20AND%20OR%20NEAR(x)%20title:%20%22unclosed".into(), StatusCode::OK, None),
        ("q=micro&theme=nothing".into(), StatusCode::UNPROCESSABLE_ENTITY, Some("theme")),
        ("q=micro&language=xx".into(), StatusCode::UNPROCESSABLE_ENTITY, Some("language")),
        ("q=micro&status=bogus".into(), StatusCode::UNPROCESSABLE_ENTITY, Some("status")),
        ("q=micro&offset=5000".into(), StatusCode::UNPROCESSABLE_ENTITY, Some("offset")),
        ("q=micro&partner=nobody".into(), StatusCode::NOT_FOUND, None),
    ];
    for (query, status, field) in cases {
        let reply = app.get(&format!("/api/v1/search?{query}"), None).await;
        assert_eq!(reply.status, status, "{query}: {}", reply.text);
        if status != StatusCode::OK {
            assert_eq!(reply.header("content-type"), Some("application/problem+json"), "{query}");
        }
        if let Some(field) = field {
            let fields: Vec<&str> =
                reply.body["errors"].as_array().expect("errors").iter().filter_map(|e| e["field"].as_str()).collect();
            assert!(fields.contains(&field), "{query}: {}", reply.text);
        }
    }
}

on_both_databases!(
    search_finds_what_people_type,
    hidden_documents_are_never_found,
    a_result_lists_the_document_as_it_is_now,
    a_change_through_another_instance_is_found_within_a_second,
    bad_queries_get_clear_answers,
);

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.trim().parse().ok()))
        .unwrap_or_else(|| panic!("{name} in {text}"))
}

fn run(db: &TestDatabase, args: &[&str]) {
    let output = mfx(db).args(args).output().expect("mfx runs");
    assert!(output.status.success(), "mfx {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// A rebuild killed part way leaves the index in service alone; the server then opens it, brings
/// it up to date from the change log and removes the unfinished one.
async fn a_rebuild_killed_part_way_loses_nothing(backend: Backend) {
    let db = TestDatabase::create(backend);
    run(&db, &["seed-bench", "--practices", "1000", "--users", "1"]);
    run(&db, &["search", "reindex"]);
    let search_dir = db.data_dir().join("search");
    let before = std::fs::read_to_string(search_dir.join("current")).expect("an index in service");
    // Changes the index does not hold yet.
    run(&db, &["seed-demo"]);

    let mut rebuild =
        mfx(&db).args(["search", "reindex", "--threads", "1"]).stderr(Stdio::piped()).spawn().expect("reindex");
    let mut progress = std::io::BufReader::new(rebuild.stderr.take().expect("stderr"));
    let mut line = String::new();
    std::io::BufRead::read_line(&mut progress, &mut line).expect("a progress line");
    assert!(line.starts_with("indexing documents"), "{line}");
    rebuild.kill().expect("SIGKILL");
    let _ = rebuild.wait();
    assert_eq!(
        std::fs::read_to_string(search_dir.join("current")).expect("current"),
        before,
        "the old index stays in service"
    );

    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    let mut server = mfx(&db)
        .args(["serve"])
        .env("MFX_BIND", format!("127.0.0.1:{port}"))
        .env("MFX_METRICS_TOKEN", METRICS_TOKEN)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let client = reqwest::Client::new();
    let url = |path: &str| format!("http://127.0.0.1:{port}{path}");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !client.get(url("/readyz")).send().await.is_ok_and(|r| r.status().is_success()) {
        assert!(Instant::now() < deadline, "not ready");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let metrics = client.get(url("/metrics")).bearer_auth(METRICS_TOKEN).send().await.expect("metrics");
    let metrics = metrics.text().await.expect("text");
    let documents =
        mfx_store::Db::open(&mfx_store::DatabaseUrl::parse(&db.url).expect("url"), mfx_store::PoolOptions::default())
            .expect("db")
            .read(mfx_store::documents::count)
            .expect("count");
    assert_eq!(metric(&metrics, "mfx_search_documents"), documents as f64, "every document is in the index");
    let found: Value = client
        .get(url("/api/v1/search?q=microcredito&lang=it"))
        .send()
        .await
        .expect("search")
        .json()
        .await
        .expect("json");
    assert!(found["total"].as_u64().is_some_and(|n| n > 0), "the demo content, written after the first build: {found}");
    let generations = std::fs::read_dir(&search_dir).expect("dir").flatten().filter(|e| e.path().is_dir()).count();
    assert_eq!(generations, 1, "the unfinished generation is removed");
    let _ = server.kill();
    let _ = server.wait();
}

#[actix_web::test]
async fn a_rebuild_killed_part_way_loses_nothing_on_sqlite() {
    a_rebuild_killed_part_way_loses_nothing(Backend::Sqlite).await;
}

#[actix_web::test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
async fn a_rebuild_killed_part_way_loses_nothing_on_postgres() {
    a_rebuild_killed_part_way_loses_nothing(Backend::Postgres).await;
}
