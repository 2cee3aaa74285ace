//! Every class of error answers RFC 9457 problem+json with its own status, and nothing
//! internal leaks.

use crate::on_both_databases;
use crate::support::{Reply, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::json;

async fn unknown_routes_are_404(app: TestApp) {
    app.get("/api/v1/nothing-here", None).await.assert_problem(StatusCode::NOT_FOUND, "no_route");
    app.get("/totally/elsewhere", None).await.assert_problem(StatusCode::NOT_FOUND, "no_route");
    let reply = app.get("/api/v1/partners/x/y/z", None).await;
    reply.assert_problem(StatusCode::NOT_FOUND, "no_route");
    assert_eq!(reply.body["instance"], "/api/v1/partners/x/y/z");
}

async fn wrong_methods_are_405_with_allow(app: TestApp) {
    let reply = Reply::from(app.request(Method::DELETE, "/api/v1/partners", None).send().await.expect("send")).await;
    reply.assert_problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    assert_eq!(reply.header("allow"), Some("GET"));
    let reply = Reply::from(app.request(Method::PUT, "/api/v1/users/123", None).send().await.expect("send")).await;
    reply.assert_problem(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    assert_eq!(reply.header("allow"), Some("GET, PATCH"));
    let reply = Reply::from(app.request(Method::GET, "/api/v1/auth/login", None).send().await.expect("send")).await;
    assert_eq!(reply.header("allow"), Some("POST"));
}

async fn malformed_json_is_400(app: TestApp) {
    let reply = Reply::from(
        app.request(Method::POST, "/api/v1/auth/login", None)
            .header("content-type", "application/json")
            .body("{\"email\": \"a@b.c\", ")
            .send()
            .await
            .expect("send"),
    )
    .await;
    reply.assert_problem(StatusCode::BAD_REQUEST, "malformed_json");
    // Deep nesting inside a field: refused as the wrong type, without exhausting the stack.
    let nested = format!("{{\"email\": {}{}, \"password\": \"x\"}}", "[".repeat(100_000), "]".repeat(100_000));
    let reply = Reply::from(
        app.request(Method::POST, "/api/v1/auth/login", None)
            .header("content-type", "application/json")
            .body(nested)
            .send()
            .await
            .expect("send"),
    )
    .await;
    reply.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(reply.field_errors(), [("email".to_owned(), "invalid_value".to_owned())]);
    // A body that is JSON but not an object.
    let reply = Reply::from(
        app.request(Method::POST, "/api/v1/auth/login", None)
            .header("content-type", "application/json")
            .body("[1, 2]")
            .send()
            .await
            .expect("send"),
    )
    .await;
    assert_eq!(reply.field_errors(), [("body".to_owned(), "not_an_object".to_owned())]);
}

async fn wrong_content_type_is_415(app: TestApp) {
    let reply = Reply::from(
        app.request(Method::POST, "/api/v1/auth/login", None)
            .header("content-type", "text/plain")
            .body("email=a&password=b")
            .send()
            .await
            .expect("send"),
    )
    .await;
    reply.assert_problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    let reply =
        Reply::from(app.request(Method::POST, "/api/v1/auth/login", None).body("{}").send().await.expect("send")).await;
    reply.assert_problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
}

async fn oversized_bodies_are_413(app: TestApp) {
    let big = json!({ "email": "a@example.org", "password": "x".repeat(2 << 20) });
    let reply = app.post("/api/v1/auth/login", None, &big).await;
    reply.assert_problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    // Also when the length is not declared up front (chunked).
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = (0..40).map(|_| Ok(vec![b' '; 64 * 1024])).collect();
    let body = reqwest::Body::wrap_stream(futures_util::stream::iter(chunks));
    let reply = Reply::from(
        app.request(Method::POST, "/api/v1/auth/login", None)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("send"),
    )
    .await;
    reply.assert_problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

async fn validation_is_422_with_each_field(app: TestApp) {
    let reply = app.post("/api/v1/auth/login", None, &json!({ "email": "", "password": "" })).await;
    reply.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        reply.field_errors(),
        [("email".to_owned(), "required".to_owned()), ("password".to_owned(), "required".to_owned())]
    );
    let reply = app.post("/api/v1/auth/login", None, &json!({ "email": 42, "password": "x" })).await;
    reply.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(reply.field_errors(), [("email".to_owned(), "invalid_value".to_owned())]);
    let reply = app.post("/api/v1/auth/login", None, &json!({ "email": "a@b.c" })).await;
    reply.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}

async fn auth_errors_are_401_and_403(app: TestApp) {
    app.get("/api/v1/users", None).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    let viewer = app.user_token("v@example.fr", "seine-saint-denis", "viewer").await;
    app.get("/api/v1/users", Some(&viewer)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
}

async fn ids_that_do_not_parse_are_404_not_500(app: TestApp) {
    let admin = app.admin_token().await;
    app.get("/api/v1/users/not-a-uuid", Some(&admin)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    app.get(&format!("/api/v1/users/{}", uuid::Uuid::now_v7()), Some(&admin))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    let reply = app.get("/api/v1/users?active=perhaps", Some(&admin)).await;
    reply.assert_problem(StatusCode::BAD_REQUEST, "invalid_query");
}

async fn a_bad_if_match_is_400_and_a_stale_one_412(app: TestApp) {
    let admin = app.admin_token().await;
    let reply = Reply::from(
        app.request(Method::PATCH, "/api/v1/me", Some(&admin))
            .header("if-match", "yesterday")
            .json(&json!({}))
            .send()
            .await
            .expect("send"),
    )
    .await;
    reply.assert_problem(StatusCode::BAD_REQUEST, "invalid_if_match");
    let reply = Reply::from(
        app.request(Method::PATCH, "/api/v1/me", Some(&admin))
            .header("if-match", "\"99\"")
            .json(&json!({ "language": "fr" }))
            .send()
            .await
            .expect("send"),
    )
    .await;
    reply.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
}

async fn every_response_carries_a_request_id(app: TestApp) {
    let ok = app.get("/healthz", None).await;
    let id = ok.header("x-request-id").expect("request id");
    assert!(uuid::Uuid::parse_str(id).is_ok());
    let echoed =
        app.request(Method::GET, "/healthz", None).header("x-request-id", "lb-1234.abc").send().await.expect("send");
    assert_eq!(echoed.headers().get("x-request-id").and_then(|v| v.to_str().ok()), Some("lb-1234.abc"));
    let hostile =
        app.request(Method::GET, "/healthz", None).header("x-request-id", "<script>").send().await.expect("send");
    assert_ne!(hostile.headers().get("x-request-id").and_then(|v| v.to_str().ok()), Some("<script>"));
}

async fn a_database_failure_is_500_without_details(app: TestApp) {
    // Make the schema unusable underneath the running server.
    let sql = "ALTER TABLE partners RENAME TO partners_gone";
    app.state
        .db
        .write(|conn| {
            use diesel::connection::SimpleConnection;
            conn.batch_execute(sql).map_err(mfx_store::StoreError::from)
        })
        .expect("rename");
    let reply = app.get("/api/v1/partners", None).await;
    reply.assert_problem(StatusCode::INTERNAL_SERVER_ERROR, "internal_error");
    let text = reply.text.to_lowercase();
    for leak in ["sql", "partners_gone", "no such table", "relation", "diesel", ".rs"] {
        assert!(!text.contains(leak), "the body leaks `{leak}`: {}", reply.text);
    }
}

on_both_databases!(
    unknown_routes_are_404,
    wrong_methods_are_405_with_allow,
    malformed_json_is_400,
    wrong_content_type_is_415,
    oversized_bodies_are_413,
    validation_is_422_with_each_field,
    auth_errors_are_401_and_403,
    ids_that_do_not_parse_are_404_not_500,
    a_bad_if_match_is_400_and_a_stale_one_412,
    every_response_carries_a_request_id,
    a_database_failure_is_500_without_details,
);
