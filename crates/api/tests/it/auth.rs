//! Sign-in, tokens, refresh rotation, sign-out and rate limiting.

use crate::on_both_databases;
use crate::support::{ADMIN_EMAIL, JWT_SECRET, TestApp};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::json;

async fn login_gives_a_token_that_me_accepts(app: TestApp) {
    let reply = app.login(ADMIN_EMAIL, &app.admin_password).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    assert_eq!(reply.body["token_type"], "Bearer");
    assert_eq!(reply.body["expires_in"], 900);
    assert!(reply.body["refresh_token"].as_str().is_some_and(|t| t.starts_with("mfxr_")));
    let token = reply.body["access_token"].as_str().expect("token");

    let me = app.get("/api/v1/me", Some(token)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["email"], ADMIN_EMAIL);
    assert_eq!(me.body["role"], "admin");
    assert_eq!(me.body["partner"], "bucharest-ilfov");
    // The test harness replaced the one-time password (version 2 of the account).
    assert_eq!(me.body["password_change_required"], false);
    assert_eq!(me.header("etag"), Some("\"2\""));

    // Emails are case-insensitive.
    let shouting = app.login(&ADMIN_EMAIL.to_uppercase(), &app.admin_password).await;
    assert_eq!(shouting.status, StatusCode::OK);
}

fn forge(claims: &serde_json::Value, secret: &str) -> String {
    jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &EncodingKey::from_secret(secret.as_bytes()))
        .expect("encode")
}

async fn expired_tampered_and_unsigned_tokens_are_refused(app: TestApp) {
    let token = app.admin_token().await;
    let payload = token.split('.').nth(1).expect("payload");
    let claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64")).expect("json");

    // Expired: signed with the real secret, but its time is over.
    let mut expired = claims.clone();
    expired["exp"] = json!(app.state.clock.now().timestamp() - 60);
    app.get("/api/v1/me", Some(&forge(&expired, JWT_SECRET)))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");

    // The real token also expires when the clock passes 15 minutes.
    app.state.clock.advance(chrono::Duration::minutes(16));
    let late = app.get("/api/v1/me", Some(&token)).await;
    late.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    assert_eq!(late.header("www-authenticate"), Some("Bearer realm=\"mfx\""));
    let token = app.admin_token().await;

    // Tampered: the payload names another subject, the signature is the old one.
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut changed = claims.clone();
    changed["sub"] = json!(uuid::Uuid::now_v7().to_string());
    parts[1] = URL_SAFE_NO_PAD.encode(changed.to_string());
    app.get("/api/v1/me", Some(&parts.join("."))).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");

    // Signed with another secret.
    app.get("/api/v1/me", Some(&forge(&claims, "another-secret-another-secret-0123456")))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");

    // alg: none, no signature.
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let unsigned = format!("{header}.{}.", URL_SAFE_NO_PAD.encode(claims.to_string()));
    app.get("/api/v1/me", Some(&unsigned)).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");

    // Garbage and the wrong scheme.
    app.get("/api/v1/me", Some("not.a.jwt")).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    let basic = app
        .request(reqwest::Method::GET, "/api/v1/me", None)
        .header("authorization", "Basic YTpi")
        .send()
        .await
        .expect("send");
    assert_eq!(basic.status(), StatusCode::UNAUTHORIZED);
    app.get("/api/v1/me", None).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");

    // The genuine token still works.
    assert_eq!(app.get("/api/v1/me", Some(&token)).await.status, StatusCode::OK);
}

async fn refresh_rotates_and_a_replayed_token_ends_the_session(app: TestApp) {
    let first = app.login(ADMIN_EMAIL, &app.admin_password).await;
    let refresh_1 = first.body["refresh_token"].as_str().expect("refresh").to_owned();
    let access_1 = first.body["access_token"].as_str().expect("access").to_owned();

    let second = app.post("/api/v1/auth/refresh", None, &json!({ "refresh_token": refresh_1 })).await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.text);
    let refresh_2 = second.body["refresh_token"].as_str().expect("refresh").to_owned();
    assert_ne!(refresh_1, refresh_2);
    let access_2 = second.body["access_token"].as_str().expect("access").to_owned();
    assert_eq!(app.get("/api/v1/me", Some(&access_2)).await.status, StatusCode::OK);

    // Replaying the used token: refused, and the whole session ends.
    app.post("/api/v1/auth/refresh", None, &json!({ "refresh_token": refresh_1 }))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.post("/api/v1/auth/refresh", None, &json!({ "refresh_token": refresh_2 }))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.get("/api/v1/me", Some(&access_2)).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.get("/api/v1/me", Some(&access_1)).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");

    // Unknown tokens are refused the same way.
    app.post("/api/v1/auth/refresh", None, &json!({ "refresh_token": "mfxr_nothing" }))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

async fn logout_ends_the_session_at_once(app: TestApp) {
    let login = app.login(ADMIN_EMAIL, &app.admin_password).await;
    let access = login.body["access_token"].as_str().expect("access").to_owned();
    let refresh = login.body["refresh_token"].as_str().expect("refresh").to_owned();
    let other_session = app.admin_token().await;

    let out = app.request(reqwest::Method::POST, "/api/v1/auth/logout", Some(&access)).send().await.expect("send");
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    app.get("/api/v1/me", Some(&access)).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.post("/api/v1/auth/refresh", None, &json!({ "refresh_token": refresh }))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    // Other sessions of the same account go on.
    assert_eq!(app.get("/api/v1/me", Some(&other_session)).await.status, StatusCode::OK);

    // Logging out by refresh token, without an access token.
    let login = app.login(ADMIN_EMAIL, &app.admin_password).await;
    let refresh = login.body["refresh_token"].as_str().expect("refresh").to_owned();
    let out = app.post("/api/v1/auth/logout", None, &json!({ "refresh_token": refresh })).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    app.post("/api/v1/auth/refresh", None, &json!({ "refresh_token": refresh }))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

async fn failed_logins_are_limited_and_unknown_emails_look_the_same(app: TestApp) {
    let wrong = app.login(ADMIN_EMAIL, "not the password at all").await;
    let unknown = app.login("nobody@example.org", "not the password at all").await;
    wrong.assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    unknown.assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let strip = |mut v: serde_json::Value| {
        v.as_object_mut().map(|o| o.remove("request_id"));
        v
    };
    assert_eq!(strip(wrong.body.clone()), strip(unknown.body.clone()), "same answer for both");

    for _ in 0..4 {
        app.login(ADMIN_EMAIL, "not the password at all")
            .await
            .assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    // Five failures: the account is locked for a while, even with the right password.
    let limited = app.login(ADMIN_EMAIL, &app.admin_password).await;
    limited.assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    let retry: u64 = limited.header("retry-after").and_then(|v| v.parse().ok()).expect("Retry-After seconds");
    assert!((1..=900).contains(&retry), "{retry}");
    // Unknown emails are limited the same way.
    for _ in 0..4 {
        app.login("nobody@example.org", "not the password at all").await;
    }
    app.login("nobody@example.org", "x").await.assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");

    // After the block, the right password works again.
    app.state.clock.advance(chrono::Duration::minutes(16));
    assert_eq!(app.login(ADMIN_EMAIL, &app.admin_password).await.status, StatusCode::OK);
}

async fn many_accounts_from_one_address_hit_the_address_limit(app: TestApp) {
    // 30 failures spread over distinct emails (never reaching a per-account limit).
    for i in 0..30 {
        let reply = app.login(&format!("guess{i}@example.org"), "wrong password here").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let limited = app.login(ADMIN_EMAIL, &app.admin_password).await;
    limited.assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert!(limited.header("retry-after").is_some());
}

on_both_databases!(
    login_gives_a_token_that_me_accepts,
    expired_tampered_and_unsigned_tokens_are_refused,
    refresh_rotates_and_a_replayed_token_ends_the_session,
    logout_ends_the_session_at_once,
    failed_logins_are_limited_and_unknown_emails_look_the_same,
    many_accounts_from_one_address_hit_the_address_limit,
);
