//! The web interface over HTTP: negotiation, pages in six languages with no raw message id and
//! no English left behind, sign-in, CSRF, forms with errors next to fields, translation and
//! workflow — the same on SQLite and PostgreSQL. (The browser journey is in tests/browser.)
//!
//! Longer than most files: the page helpers that the other web test modules import live here,
//! beside the checks every page must pass in every language.

use crate::on_both_databases;
use crate::support::TestApp;
use reqwest::StatusCode;
use std::collections::BTreeMap;

pub(crate) const LANGUAGES: [&str; 6] = ["en", "fr", "it", "ro", "sl", "sv"];

/// Single-line messages of a language: id → text.
pub(crate) fn messages(lang: &str) -> BTreeMap<String, String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales").join(lang);
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("locales").flatten() {
        for line in std::fs::read_to_string(entry.path()).unwrap_or_default().lines() {
            if let Some((id, value)) = line.split_once(" = ")
                && !id.starts_with(['#', ' ', '-'])
            {
                found.insert(id.to_owned(), value.to_owned());
            }
        }
    }
    found
}

/// The text of a page that is in the page's own language: text nodes and labels outside any
/// element whose `lang` names another language (that is content, shown as written).
fn interface_text(html: &str, page_lang: &str) -> String {
    const VOID: [&str; 8] = ["input", "br", "img", "meta", "link", "hr", "source", "wbr"];
    let mut out = String::new();
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        let foreign = stack.iter().any(|(_, foreign)| *foreign);
        if !foreign {
            out.push_str(text);
            out.push('\n');
        }
        let Some(end) = rest[start..].find('>') else { break };
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if let Some(closing) = tag.strip_prefix('/') {
            let name = closing.trim().to_ascii_lowercase();
            if let Some(pos) = stack.iter().rposition(|(n, _)| *n == name) {
                stack.truncate(pos);
            }
            continue;
        }
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let name: String = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("").to_ascii_lowercase();
        let lang = tag.split("lang=\"").nth(1).and_then(|r| r.split('"').next());
        let other_language = lang.is_some_and(|l| l != page_lang);
        if !foreign
            && !other_language
            && let Some(label) = tag.split("aria-label=\"").nth(1).and_then(|r| r.split('"').next())
        {
            out.push_str(label);
            out.push('\n');
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') && name != "html" {
            stack.push((name, other_language));
        }
    }
    out
}

pub(crate) fn browser(app: &TestApp) -> reqwest::Client {
    let _ = app;
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#x27;")
}

pub(crate) async fn page(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let response = client.get(url).send().await.expect("send");
    let status = response.status();
    (status, response.text().await.expect("body"))
}

/// The CSRF token of the browser's session, read from a form.
pub(crate) fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a csrf field")
        .to_owned()
}

pub(crate) async fn sign_in(
    app: &TestApp,
    client: &reqwest::Client,
    lang: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let (_, form) = page(client, &app.url(&format!("/{lang}/sign-in"))).await;
    let csrf = csrf_of(&form);
    client
        .post(app.url(&format!("/{lang}/sign-in")))
        .form(&[("email", email), ("password", password), ("csrf", &csrf)])
        .send()
        .await
        .expect("send")
}

async fn the_root_redirects_by_language(app: TestApp) {
    let client = browser(&app);
    let response =
        client.get(app.url("/")).header("accept-language", "sv-SE,sv;q=0.9,en;q=0.5").send().await.expect("send");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/sv/");
    let response = client.get(app.url("/")).header("accept-language", "de").send().await.expect("send");
    assert_eq!(response.headers()["location"], "/en/");
    // A signed-in account's language wins over the browser's.
    app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let signed = sign_in(&app, &client, "en", "maja@example.si", "a long enough password").await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let response = client.get(app.url("/")).header("accept-language", "fr").send().await.expect("send");
    assert_eq!(response.headers()["location"], "/sl/");
}

async fn every_page_speaks_its_language(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    app.indexed().await;
    let practice =
        app.get("/api/v1/practices?limit=1", None).await.body["items"][0]["id"].as_str().expect("id").to_owned();
    let note = app.get("/api/v1/meeting-notes?limit=1", None).await.body["items"][0]["id"].as_str().map(str::to_owned);
    let plan =
        app.get("/api/v1/action-plans?limit=1", None).await.body["items"][0]["id"].as_str().expect("id").to_owned();
    let mut paths = vec![
        "/".to_owned(),
        "/sign-in".into(),
        "/practices".into(),
        "/meeting-notes".into(),
        "/action-plans".into(),
        "/search?q=microcredit".into(),
        "/partners/orebro".into(),
        format!("/practices/{practice}"),
        format!("/practices/{practice}/history"),
        format!("/action-plans/{plan}"),
    ];
    if let Some(note) = note {
        paths.push(format!("/meeting-notes/{note}"));
    }
    let english = messages("en");
    let client = browser(&app);
    for lang in LANGUAGES {
        let own = messages(lang);
        for path in &paths {
            let (status, html) = page(&client, &app.url(&format!("/{lang}{path}"))).await;
            assert_eq!(status, StatusCode::OK, "/{lang}{path}");
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "/{lang}{path} declares its language");
            assert!(html.contains("class=\"skip-link\" href=\"#main\""), "/{lang}{path} has a skip link");
            for id in english.keys() {
                assert!(!html.contains(&format!(">{id}<")), "/{lang}{path} shows the raw id {id}");
            }
            if lang == "en" {
                continue;
            }
            // No English interface text on a page in another language (content is exempt).
            let interface = interface_text(&html, lang);
            for (id, text) in &english {
                let translated = own.get(id);
                let is_plain = !text.contains('{') && text.chars().count() >= 10;
                if is_plain && translated.is_some_and(|t| t != text) {
                    let needle = escape(text);
                    let whole_word = |i: usize| {
                        let before = interface[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                        let after = interface[i + needle.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                        before && after
                    };
                    let at = interface.match_indices(&needle).map(|(i, _)| i).find(|i| whole_word(*i)).map(|i| {
                        interface
                            .get(i.saturating_sub(200)..(i + needle.len() + 100).min(interface.len()))
                            .unwrap_or(text)
                            .to_owned()
                    });
                    assert!(at.is_none(), "/{lang}{path} shows English `{text}` ({id}): {at:?}");
                }
            }
        }
    }
}

async fn signed_in_pages_speak_their_language(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    app.indexed().await;
    let practice =
        app.get("/api/v1/practices?limit=1", None).await.body["items"][0]["id"].as_str().expect("id").to_owned();
    let ana = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    // A meeting note: its time and zone, and the account page's list of zones.
    let meeting = app.get("/api/v1/meeting-notes?limit=1", Some(&ana)).await.body["items"][0]["id"]
        .as_str()
        .expect("a meeting note")
        .to_owned();
    // A history with an edit in it: labels, values and the words removed and added.
    let (edited, _) = crate::web_readable::edited_practice(&app).await;
    let english = messages("en");
    let client = browser(&app);
    sign_in(&app, &client, "en", "ana@example.ro", "a long enough password").await;
    for lang in LANGUAGES {
        let own = messages(lang);
        for path in [
            "/dashboard",
            "/work-packages",
            "/deliverables/new",
            "/action-items",
            "/action-items?by=due",
            "/account",
            "/account/data",
            "/admin/erasures",
            "/report",
            "/practices/new",
            "/meeting-notes/new",
            "/action-plans/new",
            &format!("/practices/{practice}/translations/sv"),
            &format!("/practices/{practice}/edit"),
            &format!("/meeting-notes/{meeting}"),
            &format!("{edited}/history"),
            "/partners/bucharest-ilfov",
        ] {
            let (status, html) = page(&client, &app.url(&format!("/{lang}{path}"))).await;
            assert_eq!(status, StatusCode::OK, "/{lang}{path}");
            speaks(lang, path, &html, &english, &own);
        }
        // Region and country names are the reader's too (the partner's English name is content).
        let (_, partner) = page(&client, &app.url(&format!("/{lang}/partners/bucharest-ilfov"))).await;
        let interface = interface_text(&partner, lang);
        if lang != "en" {
            assert!(!interface.contains("Bucharest-Ilfov ("), "/{lang}/partners shows the region in English");
            assert!(!interface.contains("(RO)"), "/{lang}/partners shows the country code");
        }
    }
}

/// The page declares `lang`, shows no raw message id, and no English interface text when
/// `lang` is another language.
pub(crate) fn speaks(
    lang: &str,
    path: &str,
    html: &str,
    english: &BTreeMap<String, String>,
    own: &BTreeMap<String, String>,
) {
    assert!(html.contains(&format!("<html lang=\"{lang}\">")));
    let interface = interface_text(html, lang);
    for (id, text) in english {
        assert!(
            !interface.contains(&format!(">{id}<")) && !html.contains(&format!(">{id}<")),
            "/{lang}{path} shows the raw id {id}"
        );
        let is_plain = !text.contains('{') && text.chars().count() >= 10;
        if lang != "en" && is_plain && own.get(id).is_some_and(|t| t != text) {
            let needle = escape(text);
            let found = interface.match_indices(&needle).any(|(i, _)| {
                interface[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                    && interface[i + needle.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
            });
            assert!(!found, "/{lang}{path} shows English `{text}` ({id})");
        }
    }
}

async fn administrators_see_the_digest_outbox_and_send_a_digest_again(app: TestApp) {
    use mfx_domain::locale::test_locale;
    use mfx_i18n::Translator;
    let lars_token = app.user_token("lars@example.se", "orebro", "editor").await;
    let lars_id =
        app.get("/api/v1/me", Some(&lars_token)).await.body["id"].as_str().expect("id").parse().expect("uuid");
    // Lars's digest, refused by the mail server until it was set aside.
    app.state.clock.advance(chrono::Duration::minutes(1));
    let now = app.state.clock.now();
    app.state
        .db
        .write(|c| {
            mfx_store::outbox::enqueue(c, lars_id, now - chrono::Duration::days(7), now, now)?;
            let claimed = mfx_store::outbox::claim(c, now, now + chrono::Duration::minutes(5), 10)?;
            mfx_store::outbox::fail(c, &claimed[0].id, claimed[0].attempts, "451 4.3.0 Try again later", None)
        })
        .expect("a parked digest");

    let anonymous = browser(&app);
    let (status, _) = page(&anonymous, &app.url("/sv/admin/digests")).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "anonymous visitors are sent to sign in");
    let lars = browser(&app);
    sign_in(&app, &lars, "sv", "lars@example.se", "a long enough password").await;
    let (status, html) = page(&lars, &app.url("/sv/admin/digests")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains("<html lang=\"sv\">") && !html.contains("lars@example.se</td>"));
    let sv = Translator::new(test_locale("sv"));
    assert!(!html.contains(&sv.t("nav-outbox")), "no link for editors");

    // The first administrator's name is the one it was given, not interface text.
    let token = app.admin_token().await;
    app.patch("/api/v1/me", Some(&token), &serde_json::json!({ "display_name": "Eva Lind" })).await;
    let admin = browser(&app);
    let signed = sign_in(&app, &admin, "sv", crate::support::ADMIN_EMAIL, &app.admin_password).await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let english = messages("en");
    for lang in LANGUAGES {
        let (status, html) = page(&admin, &app.url(&format!("/{lang}/admin/digests"))).await;
        assert_eq!(status, StatusCode::OK, "/{lang}/admin/digests");
        speaks(lang, "/admin/digests", &html, &english, &messages(lang));
    }
    let (_, html) = page(&admin, &app.url("/sv/admin/digests")).await;
    assert!(html.contains(&format!("href=\"/sv/admin/digests\">{}</a>", sv.t("nav-outbox"))), "linked in the menu");
    assert!(html.contains("<td>lars@example.se</td>"), "{html}");
    assert!(html.contains(&sv.t("outbox-status-parked")));
    assert!(html.contains("451 4.3.0 Try again later"));
    let action = html
        .split("action=\"")
        .find(|a| a.contains("/retry\""))
        .and_then(|a| a.split('"').next())
        .expect("a retry form")
        .to_owned();

    let csrf = csrf_of(&html);
    let forged = admin.post(app.url(&action)).form(&[("csrf", "forged")]).send().await.expect("send");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let retried = admin.post(app.url(&action)).form(&[("csrf", csrf.as_str())]).send().await.expect("send");
    assert_eq!(retried.status(), StatusCode::SEE_OTHER);
    assert_eq!(retried.headers()["location"], "/sv/admin/digests");
    let (_, html) = page(&admin, &app.url("/sv/admin/digests")).await;
    assert!(html.contains(&sv.t("notice-digest-queued")), "{html}");
    assert!(html.contains(&sv.t("outbox-status-pending")));
    let again = admin.post(app.url(&action)).form(&[("csrf", csrf.as_str())]).send().await.expect("send");
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&admin, &app.url("/sv/admin/digests")).await;
    assert!(html.contains(&sv.t("notice-digest-not-queued")), "{html}");
    // The filter.
    let (_, html) = page(&admin, &app.url("/sv/admin/digests?status=parked")).await;
    assert!(html.contains(&sv.t("outbox-none")) && !html.contains("<td>lars@example.se</td>"), "{html}");
    let (_, html) = page(&admin, &app.url("/sv/admin/digests?status=pending")).await;
    assert!(html.contains("<td>lars@example.se</td>"));
}

async fn sign_in_needs_the_right_password_and_a_csrf_token(app: TestApp) {
    app.user_token("lars@example.se", "orebro", "editor").await;
    let client = browser(&app);
    let wrong = sign_in(&app, &client, "sv", "lars@example.se", "wrong password!!").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let body = wrong.text().await.expect("body");
    assert!(body.contains("role=\"alert\""), "{body}");
    assert!(body.contains("<html lang=\"sv\">"));
    let empty = sign_in(&app, &client, "en", "", "").await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = empty.text().await.expect("body");
    assert!(body.contains("id=\"email-error\"") && body.contains("aria-invalid=\"true\""), "{body}");
    // Without the CSRF token the form is refused.
    let forged = client
        .post(app.url("/en/sign-in"))
        .form(&[("email", "lars@example.se"), ("password", "a long enough password")])
        .send()
        .await
        .expect("send");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let good = sign_in(&app, &client, "sv", "lars@example.se", "a long enough password").await;
    assert_eq!(good.status(), StatusCode::SEE_OTHER);
    let cookie = good
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap_or(""))
        .find(|c| c.starts_with("mfx_session="))
        .expect("a session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let (status, account) = page(&client, &app.url("/sv/account")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(account.contains("lars"), "{account}");
    // The digest settings are part of the account page.
    let csrf = csrf_of(&account);
    let saved = client
        .post(app.url("/sv/account"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("display_name", "Lars Berg"),
            ("language", "sv"),
            ("time_zone", "Europe/Stockholm"),
            ("digest_frequency", "weekly"),
            ("digest_weekday", "5"),
            ("digest_hour", "9"),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, account) = page(&client, &app.url("/sv/account")).await;
    assert!(account.contains("<option value=\"5\" selected>"), "Friday is chosen");
    assert!(account.contains("<option value=\"9\" selected>09:00</option>"), "nine o'clock is chosen");
    // Signing out ends the session.
    let csrf = csrf_of(&account);
    let out = client.post(app.url("/sv/sign-out")).form(&[("csrf", csrf.as_str())]).send().await.expect("send");
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let after = client.get(app.url("/sv/account")).send().await.expect("send");
    assert_eq!(after.status(), StatusCode::SEE_OTHER, "the account page asks to sign in again");
}

async fn forms_create_translate_and_publish(app: TestApp) {
    app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    app.user_token("lars@example.se", "orebro", "editor").await;
    app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let claire = browser(&app);
    sign_in(&app, &claire, "fr", "claire@example.fr", "a long enough password").await;
    let (status, form) = page(&claire, &app.url("/fr/practices/new")).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&form);

    // An empty title: the form comes back with the error next to the field, input kept.
    let invalid = claire
        .post(app.url("/fr/practices/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "fr"),
            ("visibility", "public"),
            ("title", ""),
            ("summary", "Gardé"),
            ("start_year", "deux mille"),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = invalid.text().await.expect("body");
    assert!(body.contains("id=\"title-error\""), "{body}");
    assert!(body.contains("id=\"start_year-error\""), "{body}");
    assert!(body.contains(">Gardé</textarea>"), "the input is kept");

    let created = claire
        .post(app.url("/fr/practices/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "fr"),
            ("visibility", "public"),
            ("title", "Épargne solidaire des CIGALES"),
            ("summary", "Des clubs d'épargne citoyens financent des **micro-entreprises**."),
            ("themes", "microcredit"),
            ("themes", "social_economy"),
            ("repayment_rate_percent", "97,5"),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().expect("location").to_owned();
    let id = location.rsplit('/').next().expect("id").to_owned();
    let (_, shown) = page(&claire, &app.url(&location)).await;
    assert!(shown.contains("Épargne solidaire des CIGALES"));
    assert!(shown.contains("<strong>micro-entreprises</strong>"));
    assert!(shown.contains("97,5"), "numbers written the French way");
    assert!(shown.contains("data-status=\"draft\""));

    // Submit for review, then the coordinator publishes.
    let csrf = csrf_of(&shown);
    let moved = claire
        .post(app.url(&format!("/fr/practices/{id}/transition")))
        .form(&[("csrf", csrf.as_str()), ("to", "in_review")])
        .send()
        .await
        .expect("send");
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let ana = browser(&app);
    sign_in(&app, &ana, "ro", "ana@example.ro", "a long enough password").await;
    let (_, seen) = page(&ana, &app.url(&format!("/ro/practices/{id}"))).await;
    assert!(seen.contains("data-status=\"in_review\""));
    let csrf = csrf_of(&seen);
    ana.post(app.url(&format!("/ro/practices/{id}/transition")))
        .form(&[("csrf", csrf.as_str()), ("to", "published")])
        .send()
        .await
        .expect("send");

    // Örebro translates it into Swedish in the side-by-side editor.
    let lars = browser(&app);
    sign_in(&app, &lars, "sv", "lars@example.se", "a long enough password").await;
    let (status, editor) = page(&lars, &app.url(&format!("/sv/practices/{id}/translations/sv"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(editor.contains("<div lang=\"fr\">Épargne solidaire des CIGALES</div>"), "the original beside the form");
    let csrf = csrf_of(&editor);
    let saved = lars
        .post(app.url(&format!("/sv/practices/{id}/translations/sv")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("origin", "human"),
            ("title", "Solidariskt sparande i CIGALES"),
            ("summary", "Medborgarnas sparklubbar finansierar småföretag."),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(saved.headers()["location"], format!("/sv/practices/{id}?text=sv").as_str());
    // It waits for Seine-Saint-Denis, who approves it from the document page.
    let (_, after_saving) = page(&lars, &app.url(&format!("/sv/practices/{id}"))).await;
    assert!(after_saving.contains("översättningen väntar på granskning"), "{after_saving}");
    let visitor = browser(&app);
    let (_, swedish) = page(&visitor, &app.url(&format!("/sv/practices/{id}"))).await;
    assert!(!swedish.contains("Solidariskt sparande i CIGALES"));
    let (_, shown) = page(&claire, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(shown.contains("data-approve=\"sv\""), "{shown}");
    let csrf = csrf_of(&shown);
    let approved = claire
        .post(app.url(&format!("/fr/practices/{id}/translations/sv/decision")))
        .form(&[("csrf", csrf.as_str()), ("decision", "approve")])
        .send()
        .await
        .expect("send");
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);

    // An anonymous visitor reads it in Swedish; in Italian they get the French original, flagged.
    let (_, swedish) = page(&visitor, &app.url(&format!("/sv/practices/{id}"))).await;
    assert!(swedish.contains("Solidariskt sparande i CIGALES"));
    assert!(swedish.contains("hreflang=\"it\""));
    let (_, italian) = page(&visitor, &app.url(&format!("/it/practices/{id}"))).await;
    assert!(italian.contains("banner-fallback"), "{italian}");
    assert!(italian.contains("<h1 lang=\"fr\">Épargne solidaire des CIGALES</h1>"), "{italian}");

    // Editing it later, once the change is reviewed and published, makes the Swedish
    // translation outdated, marked in the editor.
    let (_, edit_form) = page(&claire, &app.url(&format!("/fr/practices/{id}/edit"))).await;
    let csrf = csrf_of(&edit_form);
    let version = edit_form
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("version")
        .to_owned();
    let edited = claire
        .post(app.url(&format!("/fr/practices/{id}/edit")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("version", version.as_str()),
            ("visibility", "public"),
            ("title", "Épargne solidaire des CIGALES"),
            ("summary", "Texte révisé."),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let (_, swedish) = page(&visitor, &app.url(&format!("/sv/practices/{id}"))).await;
    assert!(!swedish.contains("banner-outdated"), "the change is not live before review");
    let (_, shown) = page(&claire, &app.url(&format!("/fr/practices/{id}"))).await;
    let csrf_now = csrf_of(&shown);
    let submitted = claire
        .post(app.url(&format!("/fr/practices/{id}/transition")))
        .form(&[("csrf", csrf_now.as_str()), ("to", "in_review")])
        .send()
        .await
        .expect("send");
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    let (_, seen) = page(&ana, &app.url(&format!("/ro/practices/{id}"))).await;
    assert!(seen.contains("Texte révisé."), "the coordinator sees the pending text");
    let csrf_ana = csrf_of(&seen);
    ana.post(app.url(&format!("/ro/practices/{id}/transition")))
        .form(&[("csrf", csrf_ana.as_str()), ("to", "published")])
        .send()
        .await
        .expect("send");
    let (_, swedish) = page(&visitor, &app.url(&format!("/sv/practices/{id}"))).await;
    assert!(swedish.contains("banner-outdated"));
    let (_, editor) = page(&lars, &app.url(&format!("/sv/practices/{id}/translations/sv"))).await;
    assert!(editor.contains("outdated-mark"));
    // Submitting the old version again is refused without losing the text.
    let stale = claire
        .post(app.url(&format!("/fr/practices/{id}/edit")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("version", version.as_str()),
            ("visibility", "public"),
            ("title", "Ancien titre"),
            ("summary", "Ancien texte"),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(stale.text().await.expect("body").contains("Ancien texte"));
    // Bologna's editor cannot open the edit form.
    app.user_token("giulia@example.it", "bologna", "editor").await;
    let giulia = browser(&app);
    sign_in(&app, &giulia, "it", "giulia@example.it", "a long enough password").await;
    let (status, _) = page(&giulia, &app.url(&format!("/it/practices/{id}/edit"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn unknown_pages_are_translated_404s(app: TestApp) {
    let client = browser(&app);
    let (status, body) = page(&client, &app.url(&format!("/ro/practices/{}", uuid::Uuid::now_v7()))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("<html lang=\"ro\">"));
    let response = client.get(app.url("/static/app.css")).send().await.expect("send");
    assert_eq!(response.headers()["content-type"], "text/css; charset=utf-8");
    let home = client.get(app.url("/en/")).send().await.expect("send");
    let csp = home.headers()["content-security-policy"].to_str().expect("csp").to_owned();
    assert!(csp.contains("script-src 'none'") && csp.contains("frame-ancestors 'none'"), "{csp}");
}

/// A practice's links and main instrument, stored since the start, are written in the form and
/// shown on its page with their labels in every language.
async fn links_and_main_instrument_are_edited_and_shown(app: TestApp) {
    app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let claire = browser(&app);
    sign_in(&app, &claire, "fr", "claire@example.fr", "a long enough password").await;
    let (_, form) = page(&claire, &app.url("/fr/practices/new")).await;
    assert!(form.contains("id=\"links\"") && form.contains("id=\"instrument_type\""), "{form}");
    let csrf = csrf_of(&form);
    let created = claire
        .post(app.url("/fr/practices/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("language", "fr"),
            ("visibility", "public"),
            ("title", "Garantie des prêts d'honneur"),
            ("instrument_type", "loan_guarantee"),
            ("links", "https://example.org/garantie\nhttps://example.org/bilan"),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().expect("location").to_owned();
    let id = location.rsplit('/').next().expect("id").to_owned();
    for lang in LANGUAGES {
        let texts = messages(lang);
        let (status, shown) = page(&claire, &app.url(&format!("/{lang}/practices/{id}"))).await;
        assert_eq!(status, StatusCode::OK);
        for label in ["field-links", "field-instrument_type", "instrument-loan_guarantee"] {
            assert!(shown.contains(&escape(&texts[label])), "{lang}: {label} missing");
        }
        assert!(shown.contains("href=\"https://example.org/bilan\""), "{lang}: the link is shown");
    }
    let (_, edit) = page(&claire, &app.url(&format!("/fr/practices/{id}/edit"))).await;
    assert!(edit.contains(">https://example.org/garantie\nhttps://example.org/bilan</textarea>"), "{edit}");
    assert!(edit.contains("<option value=\"loan_guarantee\" selected>"), "{edit}");
}

on_both_databases!(
    links_and_main_instrument_are_edited_and_shown,
    the_root_redirects_by_language,
    every_page_speaks_its_language,
    signed_in_pages_speak_their_language,
    sign_in_needs_the_right_password_and_a_csrf_token,
    forms_create_translate_and_publish,
    unknown_pages_are_translated_404s,
    administrators_see_the_digest_outbox_and_send_a_digest_again,
);
