//! The OpenAPI document describes every route, and every route it describes exists.

use crate::on_both_databases;
use crate::support::{Reply, TestApp};
use reqwest::{Method, StatusCode};

const ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/metrics"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/docs/"),
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/refresh"),
    ("POST", "/api/v1/auth/logout"),
    ("GET", "/api/v1/me"),
    ("PATCH", "/api/v1/me"),
    ("POST", "/api/v1/me/password"),
    ("GET", "/api/v1/project"),
    ("GET", "/api/v1/partners"),
    ("GET", "/api/v1/partners/{slug}"),
    ("GET", "/api/v1/users"),
    ("POST", "/api/v1/users"),
    ("GET", "/api/v1/users/{id}"),
    ("PATCH", "/api/v1/users/{id}"),
    ("POST", "/api/v1/users/{id}/deactivate"),
    ("POST", "/api/v1/users/{id}/erasure"),
    ("GET", "/api/v1/erasure-requests"),
    ("GET", "/api/v1/me/export"),
    ("GET", "/api/v1/me/erasure"),
    ("POST", "/api/v1/me/erasure"),
    ("DELETE", "/api/v1/me/erasure"),
    ("GET", "/api/v1/documents"),
    ("GET", "/api/v1/search"),
    ("GET", "/api/v1/practices/{id}/lineage"),
    ("GET", "/api/v1/action-plans/{id}/lineage"),
    ("GET", "/api/v1/periods"),
    ("POST", "/api/v1/periods"),
    ("PATCH", "/api/v1/periods/{code}"),
    ("GET", "/api/v1/work-packages"),
    ("POST", "/api/v1/work-packages"),
    ("PATCH", "/api/v1/work-packages/{code}"),
    ("GET", "/api/v1/deliverables"),
    ("POST", "/api/v1/deliverables"),
    ("GET", "/api/v1/deliverables.csv"),
    ("GET", "/api/v1/deliverables/{id}"),
    ("PATCH", "/api/v1/deliverables/{id}"),
    ("POST", "/api/v1/deliverables/{id}/transitions"),
    ("GET", "/api/v1/deliverables/{id}/history"),
    ("GET", "/api/v1/action-items"),
    ("GET", "/api/v1/dashboard"),
    ("POST", "/api/v1/me/calendar"),
    ("DELETE", "/api/v1/me/calendar"),
    ("DELETE", "/api/v1/me/unsubscribe-links"),
    ("GET", "/api/v1/report"),
    ("GET", "/calendar/{token}.ics"),
    ("GET", "/api/v1/digests"),
    ("POST", "/api/v1/digests/{id}/retry"),
];

/// Every route: the fixed ones and, for each document kind, the same fifteen operations.
fn all_routes() -> Vec<(String, String)> {
    let mut routes: Vec<(String, String)> = ROUTES.iter().map(|(m, p)| ((*m).to_owned(), (*p).to_owned())).collect();
    for collection in ["practices", "meeting-notes", "action-plans"] {
        for (method, suffix) in [
            ("GET", ""),
            ("POST", ""),
            ("GET", "/{id}"),
            ("PATCH", "/{id}"),
            ("GET", "/{id}/translations"),
            ("PUT", "/{id}/translations/{lang}"),
            ("GET", "/{id}/revisions"),
            ("POST", "/{id}/transitions"),
            ("GET", "/{id}/pending"),
            ("DELETE", "/{id}/pending"),
            ("POST", "/{id}/translations/{lang}/decision"),
            ("GET", "/{id}/attachments"),
            ("POST", "/{id}/attachments"),
            ("GET", "/{id}/attachments/{attachment}"),
            ("DELETE", "/{id}/attachments/{attachment}"),
        ] {
            routes.push((method.to_owned(), format!("/api/v1/{collection}{suffix}")));
        }
    }
    routes.sort();
    routes
}

fn operations(doc: &serde_json::Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                found.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    found.sort();
    found
}

async fn the_document_is_openapi_3_1_and_lists_every_route(app: TestApp) {
    let reply = app.get("/api/openapi.json", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    let doc = &reply.body;
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["title"], "MICROFUTURE Exchange API");
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    assert_eq!(operations(doc), all_routes());
    let mut ids: Vec<&str> =
        operations(doc).iter().filter_map(|(m, p)| doc["paths"][p][m.to_lowercase()]["operationId"].as_str()).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "operation ids are unique");
    for (method, path) in operations(doc) {
        let op = &doc["paths"][&path][method.to_lowercase()];
        assert!(op["responses"].as_object().is_some_and(|r| !r.is_empty()), "{method} {path} documents its responses");
        assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{method} {path} has a tag");
        for (status, response) in op["responses"].as_object().into_iter().flatten() {
            assert!(
                response["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{method} {path} {status} has a description"
            );
        }
    }
    // Every schema that is referenced is defined.
    let text = reply.text.clone();
    for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap_or_default();
        assert!(doc["components"]["schemas"].get(name).is_some(), "schema {name} is referenced but not defined");
    }
}

async fn every_documented_operation_is_served(app: TestApp) {
    let doc = app.get("/api/openapi.json", None).await.body;
    for (method, path) in operations(&doc) {
        let concrete = path
            .replace("{slug}", "bologna")
            .replace("{id}", &uuid::Uuid::now_v7().to_string())
            .replace("{attachment}", &uuid::Uuid::now_v7().to_string())
            .replace("{lang}", "sv");
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let reply = Reply::from(app.request(method.clone(), &concrete, None).send().await.expect("send")).await;
        assert!(
            reply.body["code"] != "no_route" && reply.status != StatusCode::METHOD_NOT_ALLOWED,
            "{method} {concrete} is documented but not served: {} {}",
            reply.status,
            reply.text
        );
        assert!(!reply.status.is_server_error(), "{method} {concrete}: {}", reply.text);
    }
}

async fn the_docs_page_works_offline(app: TestApp) {
    let redirect = app.get("/api/docs", None).await;
    assert_eq!(redirect.status, StatusCode::PERMANENT_REDIRECT);
    let page = app.get("/api/docs/", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("swagger-ui"), "{}", page.text);
    for attribute in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(!page.text.contains(attribute), "the page loads something from elsewhere: {attribute}");
    }
    let bundle = app.get("/api/docs/swagger-ui-bundle.js", None).await;
    assert_eq!(bundle.status, StatusCode::OK);
    assert!(bundle.text.len() > 100_000, "the Swagger UI bundle is served from the binary");
    let init = app.get("/api/docs/swagger-initializer.js", None).await;
    assert!(init.text.contains("/api/openapi.json"), "{}", init.text);
}

async fn health_readiness_and_metrics(app: TestApp) {
    let health = app.get("/healthz", None).await;
    assert_eq!((health.status, health.body["status"].as_str()), (StatusCode::OK, Some("ok")));
    let ready = app.get("/readyz", None).await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(
        ready.body["database"],
        if app.backend == crate::support::Backend::Sqlite { "sqlite" } else { "postgres" }
    );
    app.get("/api/v1/partners", None).await;
    app.get("/api/v1/partners/atlantis", None).await;
    let metrics = app.get("/metrics", Some(crate::support::METRICS_TOKEN)).await;
    assert!(metrics.header("content-type").is_some_and(|c| c.starts_with("text/plain")));
    assert!(
        metrics.text.contains("mfx_http_requests_total{method=\"GET\",route=\"/api/v1/partners\",status=\"200\"} 1"),
        "{}",
        metrics.text
    );
    assert!(metrics.text.contains("route=\"/api/v1/partners/{slug}\",status=\"404\""), "{}", metrics.text);
    assert!(metrics.text.contains("mfx_http_request_duration_seconds_bucket"));

    // With the schema gone, the instance is not ready.
    app.state
        .db
        .write(|conn| {
            use diesel::connection::SimpleConnection;
            conn.batch_execute("DROP TABLE login_throttle; DELETE FROM __diesel_schema_migrations")
                .map_err(mfx_store::StoreError::from)
        })
        .expect("break the schema");
    app.get("/readyz", None).await.assert_problem(StatusCode::SERVICE_UNAVAILABLE, "service_unavailable");
    assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
}

on_both_databases!(
    the_document_is_openapi_3_1_and_lists_every_route,
    every_documented_operation_is_served,
    the_docs_page_works_offline,
    health_readiness_and_metrics,
);

#[test]
fn mfx_openapi_prints_the_served_document() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_mfx"))
        .arg("openapi")
        .env_clear()
        .output()
        .expect("run mfx openapi");
    assert!(output.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let mut served = mfx_api::openapi::document();
    served.info.version = printed["info"]["version"].as_str().unwrap_or_default().to_owned();
    assert_eq!(printed, serde_json::to_value(&served).expect("value"));
    assert_eq!(operations(&printed).len(), all_routes().len());
}
