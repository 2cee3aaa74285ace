//! Account administration in the browser: the list shows partner names and roles in words; the
//! new-account form keeps what was typed beside its errors and, on success, shows a one-time
//! password once (never cached) that signs in and forces a change; changes stay within the
//! policy; deactivation ends sessions and blocks sign-in until reactivation; a stale form is
//! refused; viewers and editors are refused; forms need their CSRF token; every change, through
//! the pages or the JSON API, is in the account's activity.

use crate::on_both_databases;
use crate::support::{ADMIN_EMAIL, TestApp};
use crate::web::{LANGUAGES, browser, csrf_of, messages, page, sign_in, speaks};
use mfx_domain::locale::test_locale;
use mfx_i18n::Translator;
use reqwest::StatusCode;
use serde_json::json;

fn tr(lang: &str) -> Translator {
    Translator::new(test_locale(lang))
}

/// A browser signed in as the administrator, in `lang`.
async fn admin_browser(app: &TestApp, lang: &str) -> reqwest::Client {
    let client = browser(app);
    let signed = sign_in(app, &client, lang, ADMIN_EMAIL, &app.admin_password.clone()).await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER, "the administrator signs in");
    client
}

/// The id of the account with this email, through the API.
async fn account_id(app: &TestApp, email: &str) -> String {
    let admin = app.admin_token().await;
    let list = app.get(&format!("/api/v1/users?q={email}"), Some(&admin)).await;
    list.body["items"][0]["id"].as_str().expect("the account").to_owned()
}

async fn post_form(client: &reqwest::Client, url: &str, fields: &[(&str, &str)]) -> (StatusCode, String, String) {
    let response = client.post(url).form(fields).send().await.expect("send");
    let status = response.status();
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    (status, location, response.text().await.expect("body"))
}

/// The value of the input named `name`.
fn value_of(html: &str, name: &str) -> String {
    html.split(&format!("name=\"{name}\" value=\""))
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

/// The value of the selected option of the select named `name`.
fn selected(html: &str, name: &str) -> String {
    let select =
        html.split(&format!("name=\"{name}\"")).nth(1).and_then(|r| r.split("</select>").next()).unwrap_or_default();
    select
        .split("<option value=\"")
        .find(|o| o.split('>').next().is_some_and(|tag| tag.contains(" selected")))
        .and_then(|o| o.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

async fn the_list_shows_names_not_slugs(app: TestApp) {
    app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    app.user_token("lars@example.se", "orebro", "viewer").await;
    let admin = admin_browser(&app, "fr").await;
    let fr = tr("fr");
    let (status, home) = page(&admin, &app.url("/fr/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("href=\"/fr/admin/users\""), "the navigation links to the accounts");
    let (status, html) = page(&admin, &app.url("/fr/admin/users")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let row = html
        .split("data-account=\"maja@example.si\"")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .expect("Maja's row");
    assert!(row.contains(">maja<"), "the name links to the account: {row}");
    assert!(row.contains("/fr/admin/users/"), "{row}");
    assert!(row.contains("Razvojni center Srca Slovenije"), "the partner's name: {row}");
    assert!(!row.contains("heart-of-slovenia"), "never the slug: {row}");
    assert!(row.contains(&fr.t("role-editor")), "the role in words: {row}");
    assert!(row.contains(&fr.t("admin-state-active")), "{row}");
    assert!(!html.contains(">orebro<") && !html.contains(">heart-of-slovenia<"), "no slug is shown");

    let (_, filtered) = page(&admin, &app.url("/fr/admin/users?partner=orebro")).await;
    assert!(filtered.contains("lars@example.se"));
    assert!(!filtered.contains("maja@example.si"), "the filter keeps one partner's accounts");
    assert_eq!(selected(&filtered, "partner"), "orebro");
}

async fn creating_with_errors_keeps_every_value(app: TestApp) {
    app.user_token("taken@example.ro", "bucharest-ilfov", "editor").await;
    let admin = admin_browser(&app, "ro").await;
    let ro = tr("ro");
    let (status, form) = page(&admin, &app.url("/ro/admin/users/new")).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&form);
    let url = app.url("/ro/admin/users/new");
    let typed = [
        ("csrf", csrf.as_str()),
        ("email", "not an email"),
        ("display_name", ""),
        ("partner", "orebro"),
        ("role", "coordinator"),
        ("language", "sv"),
        ("time_zone", "Europe/Stockholm"),
    ];
    let (status, _, html) = post_form(&admin, &url, &typed).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains(&format!("id=\"email-error\">{}", ro.t("error-invalid_email"))), "{html}");
    assert!(html.contains("id=\"display_name-error\">"), "an empty name is refused beside the field");
    assert_eq!(value_of(&html, "email"), "not an email");
    assert_eq!(selected(&html, "partner"), "orebro");
    assert_eq!(selected(&html, "role"), "coordinator");
    assert_eq!(selected(&html, "language"), "sv");
    assert_eq!(selected(&html, "time_zone"), "Europe/Stockholm");

    let (status, _, html) = post_form(
        &admin,
        &url,
        &[
            ("csrf", &csrf),
            ("email", "taken@example.ro"),
            ("display_name", "Ioana Pop"),
            ("partner", "bucharest-ilfov"),
            ("role", "editor"),
            ("language", ""),
            ("time_zone", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains(&format!("id=\"email-error\">{}", ro.t("error-email_taken"))), "{html}");
    assert_eq!(value_of(&html, "display_name"), "Ioana Pop");
}

async fn a_created_account_signs_in_with_its_one_time_password_once(app: TestApp) {
    let admin = admin_browser(&app, "sl").await;
    let sl = tr("sl");
    let (_, form) = page(&admin, &app.url("/sl/admin/users/new")).await;
    let csrf = csrf_of(&form);
    let response = admin
        .post(app.url("/sl/admin/users/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "nina@example.si"),
            ("display_name", "Nina Kovač"),
            ("partner", "heart-of-slovenia"),
            ("role", "editor"),
            ("language", ""),
            ("time_zone", ""),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let html = response.text().await.expect("body");
    assert!(html.contains(&sl.t("admin-one-time-password-change")), "{html}");
    let password = html
        .split("id=\"one-time-password\" translate=\"no\">")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .expect("the one-time password")
        .to_owned();
    assert!(password.len() >= 12, "{password}");

    let id = account_id(&app, "nina@example.si").await;
    let (_, account) = page(&admin, &app.url(&format!("/sl/admin/users/{id}"))).await;
    assert!(!account.contains(&password), "the password is shown only once");
    assert!(account.contains(&sl.t("admin-must-change-password")));
    assert!(account.contains("Razvojni center Srca Slovenije"), "{account}");
    let created = sl.args(
        "admin-event-created",
        &[
            ("role", mfx_i18n::Arg::from(sl.t("role-editor"))),
            ("partner", mfx_i18n::Arg::from("Razvojni center Srca Slovenije")),
        ],
    );
    assert!(account.contains(&created), "the creation is in the activity: {account}");

    let nina = browser(&app);
    let signed = sign_in(&app, &nina, "sl", "nina@example.si", &password).await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    assert_eq!(signed.headers().get("location").and_then(|l| l.to_str().ok()), Some("/sl/account/password"));
    let (status, _) = page(&nina, &app.url("/sl/practices")).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "she must choose her own password first");
}

async fn a_coordinator_cannot_give_more_than_the_policy_allows(app: TestApp) {
    app.user_token("coord@example.ro", "bucharest-ilfov", "coordinator").await;
    app.user_token("ed@example.it", "bologna", "editor").await;
    let id = account_id(&app, "ed@example.it").await;
    let coordinator = browser(&app);
    sign_in(&app, &coordinator, "it", "coord@example.ro", crate::support::USER_PASSWORD).await;
    let it = tr("it");
    let (status, html) = page(&coordinator, &app.url(&format!("/it/admin/users/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("<option value=\"admin\""), "the coordinator is not offered the administrator role");
    let (_, list) = page(&coordinator, &app.url("/it/admin/users")).await;
    assert!(!list.contains(ADMIN_EMAIL), "an administrator's account is not the coordinator's to manage");
    let csrf = csrf_of(&html);
    let version = value_of(&html, "version");
    let (status, _, html) = post_form(
        &coordinator,
        &app.url(&format!("/it/admin/users/{id}")),
        &[
            ("csrf", &csrf),
            ("version", &version),
            ("display_name", "Elena Rossi"),
            ("role", "admin"),
            ("partner", "bologna"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains(&it.t("admin-change-refused")), "{html}");
    assert_eq!(value_of(&html, "display_name"), "Elena Rossi", "what was typed is kept");
    let admin = app.admin_token().await;
    let stored = app.get(&format!("/api/v1/users/{id}"), Some(&admin)).await;
    assert_eq!(stored.body["role"], "editor");
    assert_eq!(stored.body["display_name"], "ed");

    // Within the policy: the coordinator makes her a coordinator and renames her.
    let (status, location, _) = post_form(
        &coordinator,
        &app.url(&format!("/it/admin/users/{id}")),
        &[
            ("csrf", &csrf),
            ("version", &version),
            ("display_name", "Elena Rossi"),
            ("role", "coordinator"),
            ("partner", "bologna"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/it/admin/users/{id}"));
    let (_, html) = page(&coordinator, &app.url(&location)).await;
    assert!(html.contains(&it.t("notice-admin-saved")));
    let change = it.args(
        "admin-event-change",
        &[
            ("field", mfx_i18n::Arg::from(it.t("admin-field-role"))),
            ("from", mfx_i18n::Arg::from(it.t("role-editor"))),
            ("to", mfx_i18n::Arg::from(it.t("role-coordinator"))),
        ],
    );
    assert!(html.contains(&change), "the change is in the activity in words: {html}");
}

async fn deactivation_ends_sessions_until_reactivation(app: TestApp) {
    app.user_token("sara@example.se", "orebro", "editor").await;
    let id = account_id(&app, "sara@example.se").await;
    let sara = browser(&app);
    sign_in(&app, &sara, "sv", "sara@example.se", crate::support::USER_PASSWORD).await;
    assert_eq!(page(&sara, &app.url("/sv/account")).await.0, StatusCode::OK);

    let admin = admin_browser(&app, "sv").await;
    let sv = tr("sv");
    let url = app.url(&format!("/sv/admin/users/{id}"));
    let (_, html) = page(&admin, &url).await;
    let (csrf, version) = (csrf_of(&html), value_of(&html, "version"));
    let (status, location, _) =
        post_form(&admin, &format!("{url}/deactivate"), &[("csrf", &csrf), ("version", &version)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = page(&admin, &app.url(&location)).await;
    assert!(html.contains(&sv.t("notice-admin-deactivated")));
    assert!(html.contains(&sv.t("admin-state-deactivated")));
    assert!(html.contains(&sv.t("admin-event-deactivated")), "{html}");
    assert_eq!(page(&sara, &app.url("/sv/account")).await.0, StatusCode::SEE_OTHER, "her session has ended");
    let again = sign_in(&app, &browser(&app), "sv", "sara@example.se", crate::support::USER_PASSWORD).await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED, "a deactivated account cannot sign in");

    let version = value_of(&html, "version");
    let (status, _, _) =
        post_form(&admin, &format!("{url}/reactivate"), &[("csrf", &csrf), ("version", &version)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let back = sign_in(&app, &browser(&app), "sv", "sara@example.se", crate::support::USER_PASSWORD).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER, "a reactivated account signs in");
    let (_, html) = page(&admin, &url).await;
    assert!(html.contains(&sv.t("admin-event-reactivated")));
}

async fn a_stale_form_is_refused_and_api_changes_are_recorded(app: TestApp) {
    app.user_token("paul@example.fr", "seine-saint-denis", "viewer").await;
    let id = account_id(&app, "paul@example.fr").await;
    let admin = admin_browser(&app, "en").await;
    let en = tr("en");
    let url = app.url(&format!("/en/admin/users/{id}"));
    let (_, html) = page(&admin, &url).await;
    let (csrf, version) = (csrf_of(&html), value_of(&html, "version"));

    // Meanwhile, someone renames him through the API.
    let token = app.admin_token().await;
    let renamed =
        app.patch(&format!("/api/v1/users/{id}"), Some(&token), &json!({ "display_name": "Paul Martin" })).await;
    assert_eq!(renamed.status, StatusCode::OK);

    let (status, _, html) = post_form(
        &admin,
        &url,
        &[
            ("csrf", &csrf),
            ("version", &version),
            ("display_name", "Paul M."),
            ("role", "editor"),
            ("partner", "seine-saint-denis"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains(&en.t("admin-stale")), "{html}");
    assert_eq!(value_of(&html, "display_name"), "Paul M.", "the typed name is kept");
    assert_eq!(selected(&html, "role"), "editor");
    let stored = app.get(&format!("/api/v1/users/{id}"), Some(&token)).await;
    assert_eq!(stored.body["display_name"], "Paul Martin", "nothing was overwritten");
    assert_eq!(stored.body["role"], "viewer");
    let change = en.args(
        "admin-event-change",
        &[
            ("field", mfx_i18n::Arg::from(en.t("admin-field-display_name"))),
            ("from", mfx_i18n::Arg::from("paul")),
            ("to", mfx_i18n::Arg::from("Paul Martin")),
        ],
    );
    assert!(html.contains(&change), "the API's change is in the activity: {html}");

    // The deactivation through the API is recorded too.
    let closed = app.post(&format!("/api/v1/users/{id}/deactivate"), Some(&token), &json!({})).await;
    assert_eq!(closed.status, StatusCode::OK);
    let (_, html) = page(&admin, &url).await;
    assert!(html.contains(&en.t("admin-event-deactivated")));
}

async fn viewers_and_editors_are_refused(app: TestApp) {
    app.user_token("viewer@example.se", "orebro", "viewer").await;
    app.user_token("editor@example.se", "orebro", "editor").await;
    let id = account_id(&app, "viewer@example.se").await;
    for email in ["viewer@example.se", "editor@example.se"] {
        let client = browser(&app);
        sign_in(&app, &client, "sv", email, crate::support::USER_PASSWORD).await;
        let (_, home) = page(&client, &app.url("/sv/")).await;
        assert!(!home.contains("/sv/admin/users"), "no link to the accounts for {email}");
        for path in ["/sv/admin/users".to_owned(), "/sv/admin/users/new".into(), format!("/sv/admin/users/{id}")] {
            let (status, html) = page(&client, &app.url(&path)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{email} on {path}");
            assert!(html.contains(&tr("sv").t("error-page-forbidden")), "the translated 403 page");
        }
        let csrf = csrf_of(&home);
        let (status, _, _) = post_form(
            &client,
            &app.url("/sv/admin/users/new"),
            &[
                ("csrf", &csrf),
                ("email", "x@example.se"),
                ("display_name", "X"),
                ("partner", "orebro"),
                ("role", "viewer"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
}

async fn the_forms_need_their_csrf_token(app: TestApp) {
    app.user_token("kim@example.se", "orebro", "editor").await;
    let id = account_id(&app, "kim@example.se").await;
    let admin = admin_browser(&app, "en").await;
    let (status, _, _) = post_form(
        &admin,
        &app.url("/en/admin/users/new"),
        &[("email", "forged@example.se"), ("display_name", "Forged"), ("partner", "orebro"), ("role", "admin")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let token = app.admin_token().await;
    let list = app.get("/api/v1/users?q=forged", Some(&token)).await;
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(0), "no account was created");
    for action in ["", "/deactivate", "/password"] {
        let (status, _, _) = post_form(
            &admin,
            &app.url(&format!("/en/admin/users/{id}{action}")),
            &[("version", "1"), ("role", "admin")],
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{action}");
    }
    let stored = app.get(&format!("/api/v1/users/{id}"), Some(&token)).await;
    assert_eq!(stored.body["active"], true);
    assert_eq!(stored.body["role"], "editor");
}

async fn the_account_pages_speak_every_language(app: TestApp) {
    app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let id = account_id(&app, "maja@example.si").await;
    let token = app.admin_token().await;
    let changed =
        app.patch(&format!("/api/v1/users/{id}"), Some(&token), &json!({ "role": "viewer", "language": "sv" })).await;
    assert_eq!(changed.status, StatusCode::OK);
    // The bootstrap account is named "Administrator", which reads as English interface text.
    let me = account_id(&app, crate::support::ADMIN_EMAIL).await;
    let renamed =
        app.patch(&format!("/api/v1/users/{me}"), Some(&token), &json!({ "display_name": "Eva Ionescu" })).await;
    assert_eq!(renamed.status, StatusCode::OK);
    let english = messages("en");
    let admin = admin_browser(&app, "en").await;
    for lang in LANGUAGES {
        let own = messages(lang);
        for path in ["/admin/users".to_owned(), "/admin/users/new".into(), format!("/admin/users/{id}")] {
            let (status, html) = page(&admin, &app.url(&format!("/{lang}{path}"))).await;
            assert_eq!(status, StatusCode::OK, "/{lang}{path}");
            speaks(lang, &path, &html, &english, &own);
            assert!(!html.contains(">heart-of-slovenia<") && !html.contains(&format!(">{id}<")), "/{lang}{path}");
            // Time zones read as cities, never as their IANA names.
            assert!(!html.contains(">Europe/") && !html.contains(" Europe/"), "/{lang}{path}: {html}");
        }
    }
}

on_both_databases!(
    the_account_pages_speak_every_language,
    the_list_shows_names_not_slugs,
    creating_with_errors_keeps_every_value,
    a_created_account_signs_in_with_its_one_time_password_once,
    a_coordinator_cannot_give_more_than_the_policy_allows,
    deactivation_ends_sessions_until_reactivation,
    a_stale_form_is_refused_and_api_changes_are_recorded,
    viewers_and_editors_are_refused,
    the_forms_need_their_csrf_token,
);
