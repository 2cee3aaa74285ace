//! Bad input against every write operation of the OpenAPI document: malformed, truncated,
//! deeply nested, oversized, wrongly encoded, wrongly typed and hostile bodies. Each answers
//! 4xx with problem+json, and no table gains, loses or changes a row count.

use crate::on_both_databases;
use crate::support::TestApp;
use diesel::RunQueryDsl;
use diesel::sql_types::{BigInt, Text};
use mfx_store::DbConnection;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(diesel::QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Rows per table.
fn snapshot(app: &TestApp) -> BTreeMap<String, i64> {
    app.state
        .db
        .read(|c| {
            let names: Vec<Name> = match c {
                DbConnection::Sqlite(c) => diesel::sql_query(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts_%'",
                )
                .load(c)?,
                DbConnection::Pg(c) => {
                    diesel::sql_query("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'").load(c)?
                }
            };
            let mut counts = BTreeMap::new();
            for Name { name } in names {
                let query = format!("SELECT COUNT(*) AS n FROM {name}");
                let count: Count = match c {
                    DbConnection::Sqlite(c) => diesel::sql_query(query).get_result(c)?,
                    DbConnection::Pg(c) => diesel::sql_query(query).get_result(c)?,
                };
                counts.insert(name, count.n);
            }
            Ok(counts)
        })
        .expect("snapshot")
}

fn corpus() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let json = "application/json";
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let mut deep_object = String::new();
    for _ in 0..5_000 {
        deep_object.push_str("{\"a\":");
    }
    deep_object.push('1');
    deep_object.push_str(&"}".repeat(5_000));
    let oversized = format!("{{\"title\":\"{}\"}}", "a".repeat(25 * 1024 * 1024));
    vec![
        ("truncated", json, b"{\"title\": \"Micro".to_vec()),
        ("not json", json, b"<xml>nope</xml>".to_vec()),
        ("deeply nested array", json, nested.into_bytes()),
        ("deeply nested object", json, deep_object.into_bytes()),
        ("oversized", json, oversized.into_bytes()),
        ("invalid utf-8", json, b"{\"title\": \"\xff\xfe\xfd\", \"text\": {\"en\": \"\xc3\x28\"}}".to_vec()),
        ("wrong type: array", json, b"[1, 2, 3]".to_vec()),
        ("wrong type: string", json, b"\"hello\"".to_vec()),
        ("wrong type: null", json, b"null".to_vec()),
        ("huge number", json, b"{\"version\": 1e400, \"hour\": 99999999999999999999999}".to_vec()),
        (
            "hostile strings",
            json,
            "{\"email\": \"a\\u0000b@example.org'; DROP TABLE users; --\", \"code\": \"../../etc/passwd\", \"to\": \"<script>alert(1)</script>\", \"frequency\": \"\\ud800\", \"partners\": [\"orebro\\u0000\"], \"unknown_field_\\u202e\": 1}"
                .as_bytes()
                .to_vec(),
        ),
        ("form instead of json", "application/x-www-form-urlencoded", b"title=x&visibility=public".to_vec()),
        ("text instead of json", "text/plain", b"{}".to_vec()),
    ]
}

/// Every path parameter is given a value that exists (named by the segment before it), so the
/// body is what is judged.
fn concrete(path: &str, ids: &BTreeMap<&str, String>) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    segments
        .iter()
        .enumerate()
        .map(|(i, segment)| match segment.starts_with('{') {
            true => ids
                .get(segments[i.saturating_sub(1)])
                .cloned()
                .unwrap_or_else(|| "00000000-0000-7000-8000-000000000000".to_owned()),
            false => (*segment).to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

async fn bad_input_gets_4xx_problems_and_changes_nothing(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    app.indexed().await;
    let admin = app.admin_token().await;
    let first = |collection: &'static str| {
        let app = &app;
        async move {
            app.get(&format!("/api/v1/{collection}?limit=1"), None).await.body["items"][0]["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        }
    };
    let users = app.get("/api/v1/users?limit=1", Some(&admin)).await;
    let deliverables = app.get("/api/v1/deliverables?limit=1", Some(&admin)).await;
    let ids: BTreeMap<&str, String> = BTreeMap::from([
        ("practices", first("practices").await),
        ("meeting-notes", first("meeting-notes").await),
        ("action-plans", first("action-plans").await),
        ("users", users.body["items"][0]["id"].as_str().unwrap_or_default().to_owned()),
        ("deliverables", deliverables.body["items"][0]["id"].as_str().unwrap_or_default().to_owned()),
        ("translations", "sv".to_owned()),
    ]);
    let spec = app.get("/api/openapi.json", None).await.body;
    let before = snapshot(&app);
    let mut checked = 0;
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for method in ["post", "put", "patch"] {
            let Some(operation) = item.get(method) else { continue };
            if operation.get("requestBody").is_none() || path.ends_with("/auth/logout") {
                continue;
            }
            let url = concrete(path, &ids);
            for (name, content_type, body) in corpus() {
                let response = app
                    .client
                    .request(method.to_uppercase().parse().expect("method"), app.url(&url))
                    .bearer_auth(&admin)
                    .header("content-type", content_type)
                    .header("if-match", "\"1\"")
                    .body(body)
                    .send()
                    .await
                    .expect("send");
                let status = response.status();
                let kind =
                    response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
                let text = response.text().await.unwrap_or_default();
                assert!(status.is_client_error(), "{method} {url} with {name}: {status} {text}");
                assert_eq!(kind, "application/problem+json", "{method} {url} with {name}: {text}");
                let problem: Value = serde_json::from_str(&text).expect("a problem document");
                assert_eq!(problem["status"], status.as_u16(), "{method} {url} with {name}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} requests were checked");
    assert_eq!(snapshot(&app), before, "bad input changed nothing");
}

on_both_databases!(bad_input_gets_4xx_problems_and_changes_nothing);
