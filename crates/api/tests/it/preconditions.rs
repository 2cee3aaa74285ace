//! Conditional writes (RFC 9110 §13.1.1): a missing `If-Match` where the document requires it,
//! `*`, lists of ETags, weak ETags; and what the document promises about request bodies.

use crate::documents::{create, french_practice, move_to};
use crate::on_both_databases;
use crate::support::{Reply, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn patch_with(app: &TestApp, path: &str, token: &str, if_match: Option<&str>, body: &Value) -> Reply {
    let mut request = app.request(Method::PATCH, path, Some(token)).json(body);
    if let Some(value) = if_match {
        request = request.header("if-match", value);
    }
    Reply::from(request.send().await.expect("send")).await
}

/// A practice created by an editor of Seine-Saint-Denis: its path and the editor's token.
async fn practice(app: &TestApp) -> (String, String) {
    let editor = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let created = create(app, &editor, "practices", &french_practice()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.header("etag"), Some("\"1\""));
    (created.header("location").expect("location").to_owned(), editor)
}

async fn a_missing_if_match_is_answered_as_the_document_says(app: TestApp) {
    let (path, editor) = practice(&app).await;
    let doc = app.get("/api/openapi.json", None).await.body;
    let op = &doc["paths"]["/api/v1/practices/{id}"]["patch"];
    let header = op["parameters"].as_array().into_iter().flatten().find(|p| p["name"] == "If-Match").expect("If-Match");
    assert_eq!(header["required"], true, "{header}");
    assert!(op["responses"]["428"].is_object(), "428 is documented");

    let missing = patch_with(&app, &path, &editor, None, &json!({ "text": {"summary": "Sans condition."} })).await;
    missing.assert_problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
    assert_eq!(missing.header("content-type"), Some("application/problem+json"));
    // Nothing was written.
    let now = app.get(&path, Some(&editor)).await;
    assert_eq!(now.body["version"], 1);
}

async fn if_match_star_applies_to_the_current_version(app: TestApp) {
    let (path, editor) = practice(&app).await;
    let changed =
        patch_with(&app, &path, &editor, Some("*"), &json!({ "text": {"summary": "Quelle que soit la version."} }))
            .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(changed.body["version"], 2);
    assert_eq!(changed.header("etag"), Some("\"2\""));
    // And again: `*` matches whatever version is current.
    let again = patch_with(&app, &path, &editor, Some("*"), &json!({ "text": {"summary": "Encore."} })).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text);
    assert_eq!(again.body["version"], 3);

    // On writes where If-Match is optional, too.
    let me = patch_with(&app, "/api/v1/me", &editor, Some("*"), &json!({ "language": "it" })).await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.text);
    assert_eq!(me.body["language"], "it");
}

async fn a_list_of_etags_matches_any_of_them(app: TestApp) {
    let (path, editor) = practice(&app).await;
    let stale = patch_with(&app, &path, &editor, Some("\"7\", \"8\""), &json!({ "text": {"summary": "Non."} })).await;
    stale.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    assert_eq!(app.get(&path, Some(&editor)).await.body["version"], 1, "nothing was written");

    let listed = patch_with(&app, &path, &editor, Some("\"7\", \"1\""), &json!({ "text": {"summary": "Oui."} })).await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
    assert_eq!(listed.body["version"], 2);

    // The list may also come as several header lines.
    let lines = Reply::from(
        app.request(Method::PATCH, &path, Some(&editor))
            .header("if-match", "\"9\"")
            .header("if-match", "\"2\"")
            .json(&json!({ "text": {"summary": "Deux lignes."} }))
            .send()
            .await
            .expect("send"),
    )
    .await;
    assert_eq!(lines.status, StatusCode::OK, "{}", lines.text);
    assert_eq!(lines.body["version"], 3);

    let me = app.get("/api/v1/me", Some(&editor)).await;
    let current = me.header("etag").expect("etag").to_owned();
    let listed =
        patch_with(&app, "/api/v1/me", &editor, Some(&format!("\"99\", {current}")), &json!({ "language": "sv" }))
            .await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
    // Something that is not a list of entity tags cannot be read.
    patch_with(&app, &path, &editor, Some("\"3\" \"4\""), &json!({}))
        .await
        .assert_problem(StatusCode::BAD_REQUEST, "invalid_if_match");
}

async fn a_weak_etag_never_matches(app: TestApp) {
    let (path, editor) = practice(&app).await;
    // If-Match compares strongly: W/"1" does not match the current "1".
    let weak = patch_with(&app, &path, &editor, Some("W/\"1\""), &json!({ "text": {"summary": "Faible."} })).await;
    weak.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    assert_eq!(app.get(&path, Some(&editor)).await.body["version"], 1, "nothing was written");
    let me = patch_with(&app, "/api/v1/me", &editor, Some("W/\"1\""), &json!({ "language": "sv" })).await;
    me.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    assert_eq!(app.get("/api/v1/me", Some(&editor)).await.body["language"], "fr");
}

async fn a_move_the_status_does_not_allow_is_a_conflict(app: TestApp) {
    let (path, editor) = practice(&app).await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    // A draft cannot be archived: the request is well formed, the document's state forbids it.
    let reply = move_to(&app, &coordinator, &path, "archived", None).await;
    reply.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    // A status that does not exist is still invalid input.
    move_to(&app, &editor, &path, "lost", None)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}

async fn whole_numbers_with_a_fraction_are_integers(app: TestApp) {
    // JSON Schema counts 2019.0 as an integer; so does the server.
    let editor = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let mut body = french_practice();
    body["start_year"] = json!(2019.0);
    body["evidence"]["beneficiaries_reached"] = json!(340.0);
    let created = create(&app, &editor, "practices", &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["details"]["start_year"], 2019);
    // A real fraction is still refused where an integer belongs.
    body["start_year"] = json!(2019.5);
    let refused = create(&app, &editor, "practices", &body).await;
    refused.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(refused.field_errors()[0].0, "start_year");
}

async fn evidence_named_twice_is_kept_once(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let editor = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let wp = app
        .post("/api/v1/work-packages", Some(&coordinator), &json!({ "code": "WP1", "titles": {"en": "Exchange"} }))
        .await;
    assert_eq!(wp.status, StatusCode::CREATED, "{}", wp.text);
    let doc = create(&app, &editor, "practices", &french_practice()).await;
    let id = doc.body["id"].as_str().expect("id").to_owned();
    let body = json!({
        "code": "D1.1", "work_package": "WP1", "titles": {"en": "Report"}, "due_on": "2024-02-29",
        "partners": ["orebro", "orebro"], "evidence": [id, id]
    });
    let created = app.post("/api/v1/deliverables", Some(&coordinator), &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["evidence"], json!([id]));
    assert_eq!(created.body["partners"], json!(["orebro"]));
}

async fn an_unknown_partner_filter_is_not_found(app: TestApp) {
    let admin = app.admin_token().await;
    for path in [
        "/api/v1/practices?partner=atlantis",
        "/api/v1/documents?partner=atlantis",
        "/api/v1/deliverables?partner=atlantis",
        "/api/v1/action-items?partner=atlantis",
        "/api/v1/users?partner=atlantis",
    ] {
        app.get(path, Some(&admin)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    }
    let known = app.get("/api/v1/practices?partner=orebro", Some(&admin)).await;
    assert_eq!(known.status, StatusCode::OK, "{}", known.text);
}

on_both_databases!(
    a_missing_if_match_is_answered_as_the_document_says,
    if_match_star_applies_to_the_current_version,
    a_list_of_etags_matches_any_of_them,
    a_weak_etag_never_matches,
    a_move_the_status_does_not_allow_is_a_conflict,
    whole_numbers_with_a_fraction_are_integers,
    evidence_named_twice_is_kept_once,
    an_unknown_partner_filter_is_not_found,
);
