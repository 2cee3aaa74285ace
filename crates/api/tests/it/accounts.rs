//! Account management and the self-service profile.

use crate::on_both_databases;
use crate::support::{ADMIN_EMAIL, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::json;

async fn a_viewer_cannot_manage_accounts(app: TestApp) {
    let viewer = app.user_token("vera@example.si", "heart-of-slovenia", "viewer").await;
    let reply = app
        .post(
            "/api/v1/users",
            Some(&viewer),
            &json!({ "email": "x@example.org", "partner": "bologna", "role": "editor" }),
        )
        .await;
    reply.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    app.get("/api/v1/users", Some(&viewer)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let editor = app.user_token("ed@example.it", "bologna", "editor").await;
    app.get("/api/v1/users", Some(&editor)).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    // Nobody anonymous either.
    app.post("/api/v1/users", None, &json!({})).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

async fn admins_create_accounts_with_partner_defaults(app: TestApp) {
    let admin = app.admin_token().await;
    let reply = app
        .post(
            "/api/v1/users",
            Some(&admin),
            &json!({ "email": " Lars.Berg@Example.SE ", "partner": "orebro", "role": "editor" }),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let user = &reply.body["user"];
    assert_eq!(user["email"], "lars.berg@example.se");
    assert_eq!(user["language"], "sv");
    assert_eq!(user["time_zone"], "Europe/Stockholm");
    assert_eq!(user["display_name"], "lars.berg");
    assert_eq!(user["password_change_required"], true);
    let initial = reply.body["initial_password"].as_str().expect("a generated password is returned once").to_owned();
    let location = reply.header("location").expect("Location").to_owned();
    assert_eq!(location, format!("/api/v1/users/{}", user["id"].as_str().unwrap_or_default()));

    // The person signs in with it and must change it.
    let token = app.token("lars.berg@example.se", &initial).await;
    let me = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!(me.body["password_change_required"], true);
    let change = app
        .post(
            "/api/v1/me/password",
            Some(&token),
            &json!({ "current_password": initial, "new_password": "tack för kaffet i Örebro" }),
        )
        .await;
    assert_eq!(change.status, StatusCode::NO_CONTENT, "{}", change.text);
    let token = app.token("lars.berg@example.se", "tack för kaffet i Örebro").await;
    assert_eq!(app.get("/api/v1/me", Some(&token)).await.body["password_change_required"], false);

    // The same email again, in another case: conflict on the field.
    let again = app
        .post(
            "/api/v1/users",
            Some(&admin),
            &json!({ "email": "LARS.BERG@example.se", "partner": "orebro", "role": "viewer" }),
        )
        .await;
    again.assert_problem(StatusCode::CONFLICT, "email_taken");
    assert_eq!(again.field_errors(), [("email".to_owned(), "email_taken".to_owned())]);
}

async fn invalid_accounts_list_every_failing_field(app: TestApp) {
    let admin = app.admin_token().await;
    let reply = app
        .post(
            "/api/v1/users",
            Some(&admin),
            &json!({ "email": "not-an-email", "partner": "atlantis", "role": "king", "language": "de", "time_zone": "Moon/Base", "password": "short" }),
        )
        .await;
    reply.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut fields: Vec<String> = reply.field_errors().into_iter().map(|(f, _)| f).collect();
    fields.sort();
    assert_eq!(fields, ["email", "language", "partner", "password", "role", "time_zone"]);
    // Nothing was written.
    let list = app.get("/api/v1/users", Some(&admin)).await;
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(1));
}

async fn coordinators_manage_partners_but_not_operators(app: TestApp) {
    let coordinator = app.user_token("coord@example.ro", "bucharest-ilfov", "coordinator").await;
    let created = app
        .post(
            "/api/v1/users",
            Some(&coordinator),
            &json!({ "email": "ana@example.fr", "partner": "seine-saint-denis", "role": "editor" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let promote = app
        .post(
            "/api/v1/users",
            Some(&coordinator),
            &json!({ "email": "root@example.fr", "partner": "seine-saint-denis", "role": "admin" }),
        )
        .await;
    promote.assert_problem(StatusCode::FORBIDDEN, "forbidden");

    let id = created.body["user"]["id"].as_str().expect("id").to_owned();
    let to_admin = app.patch(&format!("/api/v1/users/{id}"), Some(&coordinator), &json!({ "role": "admin" })).await;
    to_admin.assert_problem(StatusCode::FORBIDDEN, "forbidden");

    let admin_id =
        app.get("/api/v1/me", Some(&app.admin_token().await)).await.body["id"].as_str().expect("id").to_owned();
    let touch_admin =
        app.patch(&format!("/api/v1/users/{admin_id}"), Some(&coordinator), &json!({ "display_name": "Root" })).await;
    touch_admin.assert_problem(StatusCode::FORBIDDEN, "forbidden");

    let me = app.get("/api/v1/me", Some(&coordinator)).await;
    let my_id = me.body["id"].as_str().expect("id");
    let self_off = app
        .request(Method::POST, &format!("/api/v1/users/{my_id}/deactivate"), Some(&coordinator))
        .send()
        .await
        .expect("send");
    assert_eq!(self_off.status(), StatusCode::FORBIDDEN);
}

async fn deactivation_ends_sessions_and_sign_in(app: TestApp) {
    let editor = app.user_token("eva@example.it", "bologna", "editor").await;
    let admin = app.admin_token().await;
    let id = app.get("/api/v1/me", Some(&editor)).await.body["id"].as_str().expect("id").to_owned();

    let off =
        app.request(Method::POST, &format!("/api/v1/users/{id}/deactivate"), Some(&admin)).send().await.expect("send");
    assert_eq!(off.status(), StatusCode::OK);
    app.get("/api/v1/me", Some(&editor)).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.login("eva@example.it", "a long enough password")
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");

    let inactive = app.get("/api/v1/users?active=false", Some(&admin)).await;
    let emails: Vec<&str> =
        inactive.body["items"].as_array().expect("items").iter().filter_map(|u| u["email"].as_str()).collect();
    assert_eq!(emails, ["eva@example.it"]);

    let on = app.patch(&format!("/api/v1/users/{id}"), Some(&admin), &json!({ "active": true })).await;
    assert_eq!(on.status, StatusCode::OK);
    assert_eq!(app.login("eva@example.it", "a long enough password").await.status, StatusCode::OK);
}

async fn listing_filters_and_pages_in_email_order(app: TestApp) {
    let admin = app.admin_token().await;
    for (email, partner, role) in [
        ("b@example.se", "orebro", "editor"),
        ("c@example.se", "orebro", "viewer"),
        ("a@example.fr", "seine-saint-denis", "editor"),
        ("d@example.si", "heart-of-slovenia", "editor"),
    ] {
        let r = app
            .post(
                "/api/v1/users",
                Some(&admin),
                &json!({ "email": email, "partner": partner, "role": role, "display_name": format!("Person {email}") }),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
    let first = app.get("/api/v1/users?limit=2", Some(&admin)).await;
    let emails = |reply: &crate::support::Reply| -> Vec<String> {
        reply.body["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|u| u["email"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(emails(&first), ["a@example.fr", "admin@example.org"]);
    let cursor = first.body["next_cursor"].as_str().expect("more pages").to_owned();
    let second = app.get(&format!("/api/v1/users?limit=2&cursor={cursor}"), Some(&admin)).await;
    assert_eq!(emails(&second), ["b@example.se", "c@example.se"]);
    let cursor = second.body["next_cursor"].as_str().expect("more pages").to_owned();
    let last = app.get(&format!("/api/v1/users?limit=2&cursor={cursor}"), Some(&admin)).await;
    assert_eq!(emails(&last), ["d@example.si"]);
    assert!(last.body["next_cursor"].is_null());

    let orebro_editors = app.get("/api/v1/users?partner=orebro&role=editor", Some(&admin)).await;
    assert_eq!(emails(&orebro_editors), ["b@example.se"]);
    let by_name = app.get("/api/v1/users?q=PERSON%20c", Some(&admin)).await;
    assert_eq!(emails(&by_name), ["c@example.se"]);
    let by_wildcard = app.get("/api/v1/users?q=%25", Some(&admin)).await;
    assert_eq!(emails(&by_wildcard), Vec::<String>::new(), "LIKE wildcards are matched literally");

    let bad = app.get("/api/v1/users?role=king&limit=500", Some(&admin)).await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let bad = app.get("/api/v1/users?role=king", Some(&admin)).await;
    assert_eq!(bad.field_errors(), [("role".to_owned(), "unknown_role".to_owned())]);
    app.get("/api/v1/users?cursor=***", Some(&admin))
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}

async fn profile_changes_respect_the_etag(app: TestApp) {
    let token = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let me = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!((me.body["language"].as_str(), me.body["time_zone"].as_str()), (Some("sl"), Some("Europe/Ljubljana")));
    let etag = me.header("etag").expect("etag").to_owned();

    let changed = app
        .request(Method::PATCH, "/api/v1/me", Some(&token))
        .header("if-match", &etag)
        .json(&json!({ "language": "en", "time_zone": "Europe/Brussels", "display_name": "Maja Novak" }))
        .send()
        .await
        .expect("send");
    assert_eq!(changed.status(), StatusCode::OK);
    let new_etag = changed.headers().get("etag").and_then(|v| v.to_str().ok()).expect("etag").to_owned();
    assert_ne!(new_etag, etag);

    // The old ETag is stale now: 412, nothing changes.
    let stale = app
        .request(Method::PATCH, "/api/v1/me", Some(&token))
        .header("if-match", &etag)
        .json(&json!({ "language": "fr" }))
        .send()
        .await
        .expect("send");
    crate::support::Reply::from(stale).await.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    let now = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!((now.body["language"].as_str(), now.body["display_name"].as_str()), (Some("en"), Some("Maja Novak")));

    let bad = app.patch("/api/v1/me", Some(&token), &json!({ "time_zone": "Ljubljana", "language": "xx" })).await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(bad.field_errors().len(), 2);
    // Role and partner are not self-service.
    let escalate = app.patch("/api/v1/me", Some(&token), &json!({ "role": "admin" })).await;
    escalate.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(escalate.field_errors(), [("role".to_owned(), "unknown_field".to_owned())]);
}

async fn a_wrong_current_password_changes_nothing(app: TestApp) {
    let token = app.admin_token().await;
    let reply = app
        .post(
            "/api/v1/me/password",
            Some(&token),
            &json!({ "current_password": "wrong", "new_password": "a brand new password" }),
        )
        .await;
    reply.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(reply.field_errors(), [("current_password".to_owned(), "wrong_password".to_owned())]);
    assert_eq!(app.login(ADMIN_EMAIL, &app.admin_password).await.status, StatusCode::OK);
}

async fn digest_settings_default_to_weekly_and_can_change(app: TestApp) {
    let token = app.user_token("lars@example.se", "orebro", "editor").await;
    let me = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!(me.body["digest"], json!({ "frequency": "weekly", "weekday": 1, "hour": 8 }));
    let changed =
        app.patch("/api/v1/me", Some(&token), &json!({ "digest": { "frequency": "daily", "hour": 7 } })).await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(changed.body["digest"], json!({ "frequency": "daily", "weekday": 1, "hour": 7 }));
    let bad = app
        .patch("/api/v1/me", Some(&token), &json!({ "digest": { "frequency": "hourly", "weekday": 8, "hour": 24 } }))
        .await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut fields: Vec<String> = bad.field_errors().into_iter().map(|(f, _)| f).collect();
    fields.sort();
    assert_eq!(fields, ["digest.frequency", "digest.hour", "digest.weekday"]);
    assert_eq!(app.get("/api/v1/me", Some(&token)).await.body["digest"]["hour"], 7, "nothing changed");
}

on_both_databases!(
    digest_settings_default_to_weekly_and_can_change,
    a_viewer_cannot_manage_accounts,
    admins_create_accounts_with_partner_defaults,
    invalid_accounts_list_every_failing_field,
    coordinators_manage_partners_but_not_operators,
    deactivation_ends_sessions_and_sign_in,
    listing_filters_and_pages_in_email_order,
    profile_changes_respect_the_etag,
    a_wrong_current_password_changes_nothing,
);
