//! Accounts and their secrets: a one-time password must be replaced before anything else;
//! sign-in and password-change attempts are taken before the password is checked, keyed so that
//! nobody can lock a colleague out; weak passwords are refused with a reason; private files are
//! created for the owner only; unsubscribe and calendar links end with the account.

use crate::on_both_databases;
use crate::support::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestApp, USER_PASSWORD, settings_for};
use reqwest::{Method, StatusCode};
use serde_json::json;

const WRONG: &str = "not the password at all";

/// Signs in through the API as if from `address` (behind a proxy that appends it).
async fn login_from(app: &TestApp, address: &str, email: &str, password: &str) -> StatusCode {
    app.request(Method::POST, "/api/v1/auth/login", None)
        .header("x-forwarded-for", address)
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .expect("send")
        .status()
}

// ---------------------------------------------------------------- item 7: forced change

async fn a_one_time_password_only_lets_the_account_change_it(app: TestApp) {
    let one_time = app.admin_password.clone();
    let token = app.token(ADMIN_EMAIL, &one_time).await;
    // The account may read itself and learn why.
    let me = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.text);
    assert_eq!(me.body["password_change_required"], true);
    // Everything else is refused with a clear code, even what anonymous visitors may read.
    app.get("/api/v1/users", Some(&token)).await.assert_problem(StatusCode::FORBIDDEN, "password_change_required");
    app.get("/api/v1/practices", Some(&token)).await.assert_problem(StatusCode::FORBIDDEN, "password_change_required");
    app.patch("/api/v1/me", Some(&token), &json!({ "display_name": "Root" }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "password_change_required");
    app.post("/api/v1/users", Some(&token), &json!({ "email": "x@example.org", "partner": "orebro", "role": "admin" }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "password_change_required");

    // Changing it lifts the restriction at once, for this session.
    let changed = app
        .post(
            "/api/v1/me/password",
            Some(&token),
            &json!({ "current_password": one_time, "new_password": ADMIN_PASSWORD }),
        )
        .await;
    assert_eq!(changed.status, StatusCode::NO_CONTENT, "{}", changed.text);
    assert_eq!(app.get("/api/v1/users", Some(&token)).await.status, StatusCode::OK);
    assert_eq!(app.get("/api/v1/me", Some(&token)).await.body["password_change_required"], false);

    // An account an administrator creates without a password is held the same way.
    let created = app
        .post(
            "/api/v1/users",
            Some(&token),
            &json!({ "email": "lars@example.se", "partner": "orebro", "role": "editor" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let initial = created.body["initial_password"].as_str().expect("one-time password").to_owned();
    let lars = app.token("lars@example.se", &initial).await;
    app.get("/api/v1/dashboard", Some(&lars)).await.assert_problem(StatusCode::FORBIDDEN, "password_change_required");
    // Signing out still works.
    let out = app.request(Method::POST, "/api/v1/auth/logout", Some(&lars)).send().await.expect("send");
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
}

/// A browser with its own cookies, that does not follow redirects.
fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a csrf field")
        .to_owned()
}

fn csrf_cookie(response: &reqwest::Response) -> Option<String> {
    response.cookies().find(|c| c.name() == "mfx_csrf").map(|c| c.value().to_owned())
}

async fn pages_send_a_one_time_password_to_the_change_form(app: TestApp) {
    let client = browser();
    let form = client.get(app.url("/fr/sign-in")).send().await.expect("send").text().await.expect("body");
    let signed = client
        .post(app.url("/fr/sign-in"))
        .form(&[("email", ADMIN_EMAIL), ("password", app.admin_password.as_str()), ("csrf", &csrf_of(&form))])
        .send()
        .await
        .expect("send");
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    assert_eq!(signed.headers()["location"], "/fr/account/password");
    for page in ["/fr/", "/fr/dashboard", "/fr/practices", "/fr/account", "/sv/search"] {
        let response = client.get(app.url(page)).send().await.expect("send");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{page}");
        let lang = &page[1..3];
        assert_eq!(response.headers()["location"], format!("/{lang}/account/password").as_str(), "{page}");
    }
    let form = client.get(app.url("/fr/account/password")).send().await.expect("send");
    assert_eq!(form.status(), StatusCode::OK);
    let html = form.text().await.expect("body");
    assert!(html.contains("<html lang=\"fr\">") && html.contains("mot de passe à usage unique"), "{html}");

    // A weak password: refused with the reason, in French.
    let weak = client
        .post(app.url("/fr/account/password"))
        .form(&[
            ("current_password", app.admin_password.as_str()),
            ("new_password", "passwordpassword"),
            ("csrf", &csrf_of(&html)),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = weak.text().await.expect("body");
    assert!(html.contains("Les caractères ou les mots répétés sont faciles à deviner."), "{html}");

    let strong = client
        .post(app.url("/fr/account/password"))
        .form(&[
            ("current_password", app.admin_password.as_str()),
            ("new_password", ADMIN_PASSWORD),
            ("csrf", &csrf_of(&html)),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(strong.status(), StatusCode::SEE_OTHER);
    assert_eq!(strong.headers()["location"], "/fr/");
    let dashboard = client.get(app.url("/fr/dashboard")).send().await.expect("send");
    assert_eq!(dashboard.status(), StatusCode::OK);
}

// ---------------------------------------------------------------- item 8: throttling

async fn parallel_wrong_passwords_are_checked_at_most_the_limit(app: TestApp) {
    // Thirty guesses at once, split over two instances on the same database.
    let other = app.another_instance();
    let client = &app.client;
    let attempts = (0..30).map(|i| {
        let url = if i % 2 == 0 { app.url("/api/v1/auth/login") } else { other.url("/api/v1/auth/login") };
        async move {
            client
                .post(url)
                .json(&json!({ "email": ADMIN_EMAIL, "password": format!("guess number {i}") }))
                .send()
                .await
                .expect("send")
                .status()
        }
    });
    let statuses = futures_util::future::join_all(attempts).await;
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((checked, refused), (5, 25), "{statuses:?}");
    // The right password inside the burst's block is refused too.
    assert_eq!(app.login(ADMIN_EMAIL, &app.admin_password).await.status, StatusCode::TOO_MANY_REQUESTS);
}

async fn a_visitor_cannot_lock_a_colleague_out(app: TestApp) {
    for _ in 0..5 {
        assert_eq!(login_from(&app, "203.0.113.9", ADMIN_EMAIL, WRONG).await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(login_from(&app, "203.0.113.9", ADMIN_EMAIL, WRONG).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(login_from(&app, "203.0.113.9", ADMIN_EMAIL, &app.admin_password).await, StatusCode::TOO_MANY_REQUESTS);
    // The owner, elsewhere, signs in.
    assert_eq!(login_from(&app, "198.51.100.7", ADMIN_EMAIL, &app.admin_password).await, StatusCode::OK);
}

async fn an_account_has_a_higher_ceiling_across_addresses(app: TestApp) {
    // Ten addresses, five wrong guesses each: each address stops at its limit, the account
    // stops at its ceiling of fifty.
    for n in 0..10 {
        let address = format!("203.0.113.{n}");
        for _ in 0..5 {
            assert_eq!(login_from(&app, &address, ADMIN_EMAIL, WRONG).await, StatusCode::UNAUTHORIZED, "{address}");
        }
        assert_eq!(login_from(&app, &address, ADMIN_EMAIL, WRONG).await, StatusCode::TOO_MANY_REQUESTS);
    }
    assert_eq!(
        login_from(&app, "198.51.100.7", ADMIN_EMAIL, &app.admin_password).await,
        StatusCode::TOO_MANY_REQUESTS,
        "fifty guesses from anywhere stop the account for a while"
    );
    app.state.clock.advance(chrono::Duration::minutes(16));
    assert_eq!(login_from(&app, "198.51.100.7", ADMIN_EMAIL, &app.admin_password).await, StatusCode::OK);
}

async fn the_client_is_the_right_most_address_no_proxy_of_ours_wrote(app: TestApp) {
    // Behind our proxies (127.0.0.1 and 10.0.0.0/8), a client at 203.0.113.9 writes a new
    // address of its own at the left of each request: it stays one client, limited to thirty
    // attempts whatever accounts it tries.
    for i in 0..30 {
        let chain = format!("192.0.2.{i}, 203.0.113.9, 10.0.0.2");
        let status = login_from(&app, &chain, &format!("guess{i}@example.org"), WRONG).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let chain = "192.0.2.200, 203.0.113.9, 10.0.0.2";
    assert_eq!(login_from(&app, chain, "another@example.org", WRONG).await, StatusCode::TOO_MANY_REQUESTS);
    // Another client through the same proxies is not affected.
    assert_eq!(login_from(&app, "198.51.100.7, 10.0.0.2", ADMIN_EMAIL, &app.admin_password).await, StatusCode::OK);
}

async fn changing_the_password_is_throttled(app: TestApp) {
    let token = app.admin_token().await;
    let change = |current: &'static str| {
        let token = token.clone();
        let app = &app;
        async move {
            app.post(
                "/api/v1/me/password",
                Some(&token),
                &json!({ "current_password": current, "new_password": "a quiet tram to Tivoli park" }),
            )
            .await
        }
    };
    for _ in 0..5 {
        let reply = change(WRONG).await;
        assert_eq!(reply.field_errors(), [("current_password".to_owned(), "wrong_password".to_owned())]);
    }
    let limited = change(ADMIN_PASSWORD).await;
    limited.assert_problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert!(limited.header("retry-after").is_some());
    assert_eq!(app.login(ADMIN_EMAIL, ADMIN_PASSWORD).await.status, StatusCode::OK, "nothing changed");
    app.state.clock.advance(chrono::Duration::minutes(16));
    let token = app.admin_token().await;
    let reply = app
        .post(
            "/api/v1/me/password",
            Some(&token),
            &json!({ "current_password": ADMIN_PASSWORD, "new_password": "a quiet tram to Tivoli park" }),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text);
}

// ---------------------------------------------------------------- item 9: password policy

async fn easy_passwords_are_refused_with_a_reason(app: TestApp) {
    let admin = app.admin_token().await;
    for (password, code) in [
        ("123456789012", "weak_password_sequence"),
        ("passwordpassword", "weak_password_repeated"),
        ("zxcvbnm,./asdfg", "weak_password_keyboard"),
        ("johnsmithmaria", "weak_password_common"),
    ] {
        let reply = app
            .post(
                "/api/v1/users",
                Some(&admin),
                &json!({ "email": "lars@example.se", "partner": "orebro", "role": "editor", "password": password }),
            )
            .await;
        reply.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(reply.field_errors(), [("password".to_owned(), code.to_owned())], "{password}");
        let reply = app
            .post(
                "/api/v1/me/password",
                Some(&admin),
                &json!({ "current_password": ADMIN_PASSWORD, "new_password": password }),
            )
            .await;
        assert_eq!(reply.field_errors(), [("new_password".to_owned(), code.to_owned())], "{password}");
    }
    // A password made of the account's own email is easy to guess too.
    let reply = app
        .post(
            "/api/v1/users",
            Some(&admin),
            &json!({ "email": "lars.berglund@example.se", "partner": "orebro", "role": "editor", "password": "lars.berglund@example.se" }),
        )
        .await;
    reply.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // A few uncommon words pass.
    let reply = app
        .post(
            "/api/v1/users",
            Some(&admin),
            &json!({ "email": "lars@example.se", "partner": "orebro", "role": "editor", "password": USER_PASSWORD }),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
}

// ---------------------------------------------------------------- item 17: calendar and CSRF

async fn a_reactivated_account_does_not_get_its_calendar_address_back(app: TestApp) {
    let editor = app.user_token("eva@example.it", "bologna", "editor").await;
    let admin = app.admin_token().await;
    let id = app.get("/api/v1/me", Some(&editor)).await.body["id"].as_str().expect("id").to_owned();
    let feed = app.request(Method::POST, "/api/v1/me/calendar", Some(&editor)).send().await.expect("send");
    assert_eq!(feed.status(), StatusCode::CREATED);
    let url: serde_json::Value = feed.json().await.expect("json");
    let url = url["url"].as_str().expect("url");
    let path = url[url.find("/calendar/").expect("a calendar path")..].to_owned();
    assert_eq!(app.get(&path, None).await.status, StatusCode::OK);

    let off =
        app.request(Method::POST, &format!("/api/v1/users/{id}/deactivate"), Some(&admin)).send().await.expect("send");
    assert_eq!(off.status(), StatusCode::OK);
    assert_eq!(app.get(&path, None).await.status, StatusCode::NOT_FOUND);
    let on = app.patch(&format!("/api/v1/users/{id}"), Some(&admin), &json!({ "active": true })).await;
    assert_eq!(on.status, StatusCode::OK, "{}", on.text);
    assert_eq!(app.get(&path, None).await.status, StatusCode::NOT_FOUND, "the old address stays revoked");
}

async fn signing_in_replaces_the_csrf_token(app: TestApp) {
    let client = browser();
    let form = client.get(app.url("/en/sign-in")).send().await.expect("send");
    let before = csrf_cookie(&form).expect("a CSRF cookie for a new browser");
    let html = form.text().await.expect("body");
    assert_eq!(csrf_of(&html), before);
    let signed = client
        .post(app.url("/en/sign-in"))
        .form(&[("email", ADMIN_EMAIL), ("password", app.admin_password.as_str()), ("csrf", &before)])
        .send()
        .await
        .expect("send");
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let after = csrf_cookie(&signed).expect("a new CSRF cookie at sign-in");
    assert_ne!(before, after);
    // A form token from before the sign-in is refused; the new one works.
    let stale = client
        .post(app.url("/en/account"))
        .form(&[("display_name", "Root"), ("language", "en"), ("time_zone", "Europe/Bucharest"), ("csrf", &before)])
        .send()
        .await
        .expect("send");
    assert_eq!(stale.status(), StatusCode::FORBIDDEN);
    let fresh = client
        .post(app.url("/en/account"))
        .form(&[("display_name", "Root"), ("language", "en"), ("time_zone", "Europe/Bucharest"), ("csrf", &after)])
        .send()
        .await
        .expect("send");
    assert_eq!(fresh.status(), StatusCode::SEE_OTHER);
}

/// Sends everyone's digest now with `mfx digest run --now`, as an operator does, and returns the
/// unsubscribe path (`/unsubscribe/…`) of the mail to `email`.
fn digest_links(app: &TestApp, emails: &[&str]) -> Vec<String> {
    let out = crate::support::mfx(&app.db)
        .env("MFX_JWT_SECRET", crate::support::JWT_SECRET)
        .args(["digest", "run", "--now"])
        .output()
        .expect("mfx runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mails: Vec<String> = std::fs::read_dir(app.db.data_dir().join("mail"))
        .expect("mail folder")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("mail"))
        .collect();
    emails
        .iter()
        .map(|email| {
            let mail = mails.iter().find(|m| m.contains(&format!("<{email}>"))).expect("a digest for the account");
            let header = mail.lines().find(|l| l.starts_with("List-Unsubscribe:")).expect("List-Unsubscribe");
            let start = header.find("/unsubscribe/").expect("a link");
            header[start..].trim_end_matches(['>', '\r']).to_owned()
        })
        .collect()
}

async fn unsubscribe_links_can_be_revoked_and_end_with_the_account(app: TestApp) {
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    let maja = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let admin = app.admin_token().await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let practice =
        json!({ "visibility": "public", "text": {"title": "Microcrédit solidaire", "summary": "Un microcrédit."} });
    crate::documents::published(&app, &ssd, &coordinator, "practices", &practice).await;
    app.state.clock.advance(chrono::Duration::minutes(1));
    let links = digest_links(&app, &["lars@example.se", "maja@example.si"]);
    let (lars_link, maja_link) = (&links[0], &links[1]);
    assert_eq!(app.get(lars_link, None).await.status, StatusCode::OK);
    assert_eq!(app.get(maja_link, None).await.status, StatusCode::OK);

    // Lars withdraws the links of the mails he has received.
    let revoked = app.request(Method::DELETE, "/api/v1/me/unsubscribe-links", Some(&lars)).send().await.expect("send");
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    let old = app.get(lars_link, None).await;
    assert_eq!(old.status, StatusCode::NOT_FOUND);
    assert!(old.text.contains("Links in older emails stop working"), "{}", old.text);
    let post = app.client.post(app.url(lars_link)).body("List-Unsubscribe=One-Click").send().await.expect("send");
    assert_eq!(post.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get("/api/v1/me", Some(&lars)).await.body["digest"]["frequency"], "weekly", "nothing changed");

    // Deactivation withdraws them too, and reactivation does not bring them back.
    let id = app.get("/api/v1/me", Some(&maja)).await.body["id"].as_str().expect("id").to_owned();
    let off =
        app.request(Method::POST, &format!("/api/v1/users/{id}/deactivate"), Some(&admin)).send().await.expect("send");
    assert_eq!(off.status(), StatusCode::OK);
    let on = app.patch(&format!("/api/v1/users/{id}"), Some(&admin), &json!({ "active": true })).await;
    assert_eq!(on.status, StatusCode::OK, "{}", on.text);
    assert_eq!(app.get(maja_link, None).await.status, StatusCode::NOT_FOUND);
}

mod fresh {
    //! Tests that need the first admin's one-time password still in place.

    macro_rules! on_both_fresh {
        ($($name:ident),* $(,)?) => {
            $(
                mod $name {
                    #[actix_web::test]
                    async fn sqlite() {
                        super::super::$name(crate::support::TestApp::spawn_fresh(crate::support::Backend::Sqlite).await).await;
                    }

                    #[actix_web::test]
                    #[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
                    async fn postgres() {
                        super::super::$name(crate::support::TestApp::spawn_fresh(crate::support::Backend::Postgres).await).await;
                    }
                }
            )*
        };
    }

    on_both_fresh!(
        a_one_time_password_only_lets_the_account_change_it,
        pages_send_a_one_time_password_to_the_change_form
    );
}

/// Behind one proxy of ours at 127.0.0.1, with the test's addresses in `X-Forwarded-For`.
macro_rules! behind_proxies {
    ($proxies:expr, $($name:ident),* $(,)?) => {
        $(
            mod $name {
                const SETTINGS: &[(&str, &str)] = &[("MFX_TRUST_PROXY", "true"), ("MFX_TRUSTED_PROXIES", $proxies)];

                #[actix_web::test]
                async fn sqlite() {
                    super::$name(crate::support::TestApp::spawn_with(crate::support::Backend::Sqlite, SETTINGS).await).await;
                }

                #[actix_web::test]
                #[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
                async fn postgres() {
                    super::$name(crate::support::TestApp::spawn_with(crate::support::Backend::Postgres, SETTINGS).await).await;
                }
            }
        )*
    };
}

behind_proxies!("", a_visitor_cannot_lock_a_colleague_out, an_account_has_a_higher_ceiling_across_addresses);
behind_proxies!("127.0.0.1, 10.0.0.0/8", the_client_is_the_right_most_address_no_proxy_of_ours_wrote);

on_both_databases!(
    parallel_wrong_passwords_are_checked_at_most_the_limit,
    changing_the_password_is_throttled,
    easy_passwords_are_refused_with_a_reason,
    a_reactivated_account_does_not_get_its_calendar_address_back,
    signing_in_replaces_the_csrf_token,
    unsubscribe_links_can_be_revoked_and_end_with_the_account,
);

// ---------------------------------------------------------------- item 16: files and links

#[cfg(unix)]
#[actix_web::test]
async fn new_data_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let db = crate::support::TestDatabase::create(Backend::Sqlite);
    // No secrets configured: they are generated into the data directory.
    let mut settings = settings_for(&db, &[]);
    settings.jwt_secret = None;
    let (state, _) =
        mfx_api::server::prepare_state(settings.clone(), mfx_api::clock::Clock::manual(chrono::Utc::now()))
            .expect("prepared");
    state.db.write(|c| mfx_store::throttle::clear(c, "wal-touch")).expect("a write");
    let mailer = mfx_api::mail::Mailer::from_settings(&settings).expect("mailer");
    let message = lettre::Message::builder()
        .from("MICROFUTURE Exchange <noreply@example.org>".parse().expect("from"))
        .to("lars@example.se".parse().expect("to"))
        .subject("Digest")
        .body("unsubscribe link".to_owned())
        .expect("message");
    mailer.send(message).await.expect("written");

    let dir = db.data_dir();
    let mail: Vec<_> = std::fs::read_dir(dir.join("mail")).expect("mail folder").flatten().map(|e| e.path()).collect();
    assert_eq!(mail.len(), 1);
    let mut files = vec![
        dir.join("mfx.sqlite3"),
        dir.join("mfx.sqlite3-wal"),
        dir.join("mfx.sqlite3-shm"),
        dir.join("jwt-secret"),
        dir.join("unsubscribe-secret"),
    ];
    files.extend(mail);
    for file in files {
        let mode = std::fs::metadata(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())).permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{} has mode {:o}", file.display(), mode & 0o777);
    }
    let jwt = std::fs::read(dir.join("jwt-secret")).expect("jwt secret");
    let unsubscribe = std::fs::read(dir.join("unsubscribe-secret")).expect("unsubscribe key");
    assert_ne!(jwt, unsubscribe, "unsubscribe links have their own key");
    drop(state);
}

#[test]
fn the_command_line_refuses_an_easy_password_with_the_reason() {
    use std::io::Write;
    let db = crate::support::TestDatabase::create(Backend::Sqlite);
    let add = |password: &str| {
        let mut child = crate::support::mfx(&db)
            .args(["user", "add", "--email", "maja.novak@example.si", "--partner", "heart-of-slovenia"])
            .args(["--role", "editor", "--password-stdin"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("mfx starts");
        child.stdin.take().expect("stdin").write_all(format!("{password}\n").as_bytes()).expect("write");
        child.wait_with_output().expect("mfx ends")
    };
    // Her own email address would pass for a stranger's, not for her.
    let weak = add("maja.novak@example.si");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("password:"), "{}", String::from_utf8_lossy(&weak.stderr));
    let strong = add(USER_PASSWORD);
    assert!(strong.status.success(), "{}", String::from_utf8_lossy(&strong.stderr));
}
