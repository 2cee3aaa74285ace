//! Reading a document in another language than the interface's: `?text=` chooses the text,
//! the interface stays in the reader's language, and saving a translation keeps the editor in
//! hers; a returned document shows the lead partner's comment to who follows its work — the
//! same on SQLite and PostgreSQL.

use crate::documents::{create, french_practice, move_to, published, send_with_etag};
use crate::on_both_databases;
use crate::support::TestApp;
use crate::web::{LANGUAGES, browser, csrf_of, messages, page, sign_in, speaks};
use reqwest::{Method, StatusCode};
use serde_json::json;

/// A published French practice with the English translation `english`: its API path and id.
async fn french_with_english(app: &TestApp, english: &serde_json::Value) -> (String, String) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(app, &ssd, &coordinator, "practices", &french_practice()).await;
    let id = path.rsplit('/').next().expect("id").to_owned();
    let put = app.send_json(Method::PUT, &format!("{path}/translations/en"), Some(&ssd), english).await;
    assert_eq!(put.status, StatusCode::CREATED, "{}", put.text);
    (path, id)
}

async fn the_text_language_is_chosen_apart_from_the_interface(app: TestApp) {
    let english = json!({ "text": { "title": "Supported microcredit", "summary": "A **microcredit** for founders." } });
    let (_, id) = french_with_english(&app, &english).await;

    let visitor = browser(&app);
    let en = messages("en");
    for lang in LANGUAGES {
        let own = messages(lang);
        let doc = format!("/practices/{id}");
        let (status, html) = page(&visitor, &app.url(&format!("/{lang}{doc}?text=en"))).await;
        assert_eq!(status, StatusCode::OK);
        speaks(lang, &format!("{doc}?text=en"), &html, &en, &own);
        assert!(html.contains("<h1 lang=\"en\">Supported microcredit</h1>"), "{lang}: the English text");
        assert!(html.contains("<div lang=\"en\" data-content>"), "{lang}: the content is marked English");
        assert!(!html.contains("banner-fallback"), "{lang}: the English text was chosen, not a fallback");
        // The document's languages, as links that keep the interface, the chosen one marked.
        assert!(html.contains(&format!("href=\"/{lang}{doc}?text=fr\" data-text=\"fr\">")), "{lang}: {html}");
        assert!(html.contains(&format!("href=\"/{lang}{doc}?text=en\" data-text=\"en\" aria-current=\"true\">")));
        assert!(html.contains(&own["origin-original"]), "{lang}: the original is named");
        // The switcher changes the interface and keeps the chosen text.
        let other = if lang == "sv" { "it" } else { "sv" };
        assert!(html.contains(&format!("href=\"/{other}{doc}?text=en\"")), "{lang}: the switcher keeps ?text=");

        // Without a choice, the reader's language through the fallback chain, as before.
        let (_, plain) = page(&visitor, &app.url(&format!("/{lang}{doc}"))).await;
        speaks(lang, &doc, &plain, &en, &own);
        let served = if lang == "en" {
            "en"
        } else if lang == "fr" {
            "fr"
        } else {
            "en"
        };
        assert!(plain.contains(&format!("<div lang=\"{served}\" data-content>")), "{lang}: {plain}");

        // An unknown or absent language is ignored: the reader's text, never an error.
        for odd in ["zz", "it", "", "en&text=fr"] {
            let (status, body) = page(&visitor, &app.url(&format!("/{lang}{doc}?text={odd}"))).await;
            assert_eq!(status, StatusCode::OK, "{lang} ?text={odd}");
            assert!(body.contains(&format!("<html lang=\"{lang}\">")));
        }
    }
    let (_, romanian) = page(&visitor, &app.url(&format!("/ro/practices/{id}?text=fr"))).await;
    assert!(romanian.contains("<h1 lang=\"fr\">Microcrédit accompagné pour les allocataires du RSA</h1>"));
}

async fn saving_a_translation_keeps_the_interface(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let id = path.rsplit('/').next().expect("id").to_owned();
    let claire = browser(&app);
    sign_in(&app, &claire, "fr", "claire@example.fr", "a long enough password").await;
    let (status, editor) = page(&claire, &app.url(&format!("/fr/practices/{id}/translations/en"))).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&editor);
    let saved = claire
        .post(app.url(&format!("/fr/practices/{id}/translations/en")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("origin", "human"),
            ("title", "Supported microcredit"),
            ("summary", "A microcredit for founders."),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let location = saved.headers()["location"].to_str().expect("location").to_owned();
    assert_eq!(location, format!("/fr/practices/{id}?text=en"));
    let (_, shown) = page(&claire, &app.url(&location)).await;
    assert!(shown.contains("<html lang=\"fr\">"));
    assert!(shown.contains("<h1 lang=\"en\">Supported microcredit</h1>"), "{shown}");
    speaks("fr", &format!("/practices/{id}?text=en"), &shown, &messages("en"), &messages("fr"));
}

/// Whether a page shows a return banner with `comment`, in the page's language.
fn shows_return(html: &str, lang: &str, comment: &str) -> bool {
    let own = messages(lang);
    let opening = own["document-returned"].split('{').next().unwrap_or_default().trim().to_owned();
    html.contains("data-returned") && html.contains(comment) && html.contains(&opening)
}

async fn a_returned_document_shows_the_comment_to_who_follows_it(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    app.user_token("giulia@example.it", "bologna", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let created = create(&app, &ssd, "practices", &french_practice()).await;
    let path = created.header("location").expect("location").to_owned();
    let id = path.rsplit('/').next().expect("id").to_owned();
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    let returned = move_to(&app, &coordinator, &path, "draft", Some("Précisez le public visé.")).await;
    assert_eq!(returned.status, StatusCode::OK, "{}", returned.text);

    let claire = browser(&app);
    sign_in(&app, &claire, "fr", "claire@example.fr", "a long enough password").await;
    let ana = browser(&app);
    sign_in(&app, &ana, "ro", "ana@example.ro", "a long enough password").await;
    let en = messages("en");
    for lang in LANGUAGES {
        let doc = format!("/practices/{id}");
        let (status, html) = page(&claire, &app.url(&format!("/{lang}{doc}"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(shows_return(&html, lang, "Précisez le public visé."), "{lang}: {html}");
        speaks(lang, &doc, &html, &en, &messages(lang));
    }
    let (_, seen) = page(&ana, &app.url(&format!("/ro/practices/{id}"))).await;
    assert!(shows_return(&seen, "ro", "Précisez le public visé."), "the lead partner follows it too");

    // Submitted again, the document has moved on: the comment stays in the history only.
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    let (_, html) = page(&claire, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(!html.contains("data-returned"), "{html}");
    assert_eq!(move_to(&app, &coordinator, &path, "published", None).await.status, StatusCode::OK);

    // A new version of the published document, returned: its owner sees why; visitors and
    // other partners, who read the published version, do not.
    let etag = app.get(&path, Some(&ssd)).await.header("etag").expect("etag").to_owned();
    let edit = json!({ "text": { "summary": "Un résumé révisé." } });
    let edited = send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &edit).await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    let returned = move_to(&app, &coordinator, &path, "draft", Some("Gardez le résumé.")).await;
    assert_eq!(returned.status, StatusCode::OK, "{}", returned.text);
    let (_, html) = page(&claire, &app.url(&format!("/sl/practices/{id}"))).await;
    assert!(shows_return(&html, "sl", "Gardez le résumé."), "{html}");
    let giulia = browser(&app);
    sign_in(&app, &giulia, "it", "giulia@example.it", "a long enough password").await;
    for reader in [browser(&app), giulia] {
        let (status, html) = page(&reader, &app.url(&format!("/it/practices/{id}"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("data-returned") && !html.contains("Gardez le résumé."), "{html}");
    }
}

async fn an_incomplete_translation_shows_the_missing_sections_from_the_fallback(app: TestApp) {
    // The English translation has a summary only; the description stays French.
    let english = json!({ "text": { "title": "Supported microcredit", "summary": "A guided microcredit." } });
    let (_, id) = french_with_english(&app, &english).await;

    let visitor = browser(&app);
    let en = messages("en");
    for lang in LANGUAGES {
        let own = messages(lang);
        let doc = format!("/practices/{id}");
        let (_, html) = page(&visitor, &app.url(&format!("/{lang}{doc}?text=en"))).await;
        speaks(lang, &doc, &html, &en, &own);
        assert!(html.contains("A guided microcredit."), "{lang}: the translated summary");
        let section = html.split("data-fallback-section=\"fr\"").nth(1).unwrap_or_else(|| panic!("{lang}: {html}"));
        let section = section.split("</section>").next().unwrap_or_default();
        assert!(section.contains("Le département finance un accompagnement"), "{lang}: the French description");
        let label = own["document-section-fallback"].split('{').next().unwrap_or_default().trim().to_owned();
        assert!(section.contains(&label), "{lang}: labelled in the interface language: {section}");
        assert!(section.contains("<div lang=\"fr\"><p>Le département"), "{lang}: marked French: {section}");
        assert_eq!(html.matches("data-fallback-section=").count(), 2, "{lang}: description and evidence of success");
    }
    // The complete original has nothing to fill.
    let (_, french) = page(&visitor, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(!french.contains("data-fallback-section"));
}

async fn search_passages_are_plain_text_with_the_match_marked(app: TestApp) {
    let english = json!({ "text": { "title": "Supported microcredit", "summary": "A **guided** [microcredit](https://example.org/m) for founders." } });
    let (_, id) = french_with_english(&app, &english).await;

    let visitor = browser(&app);
    let en = messages("en");
    for lang in LANGUAGES {
        let own = messages(lang);
        let (status, html) = page(&visitor, &app.url(&format!("/{lang}/search?q=microcr%C3%A9dit"))).await;
        assert_eq!(status, StatusCode::OK);
        speaks(lang, "/search", &html, &en, &own);
        let hit = html.split(&format!("/practices/{id}\"")).nth(1).unwrap_or_else(|| panic!("{lang}: no hit: {html}"));
        let hit = hit.split("</li>").next().unwrap_or_default();
        let passage = hit.split("class=\"passage\"").nth(1).unwrap_or_else(|| panic!("{lang}: no passage: {hit}"));
        for markdown in ["**", "](", "https://example.org"] {
            assert!(!passage.contains(markdown), "{lang}: Markdown in the passage: {passage}");
        }
        assert!(passage.contains("<mark>microcr"), "{lang}: the match is marked: {passage}");
        // A title that is not in the reader's language says which one it is.
        let shown = own["list-shown-in"].split('{').next().unwrap_or_default().trim().to_owned();
        if lang == "en" || lang == "fr" {
            assert!(!hit.contains(&shown), "{lang}: its own language needs no label: {hit}");
        } else {
            assert!(hit.contains(&shown), "{lang}: the fallback title is labelled: {hit}");
        }
    }
    // The API's passages are plain text too.
    let found = app.get("/api/v1/search?q=microcredit&lang=en", None).await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.text);
    let snippets: Vec<&str> =
        found.body["items"].as_array().expect("items").iter().filter_map(|h| h["snippet"].as_str()).collect();
    assert!(!snippets.is_empty() && snippets.iter().all(|s| !s.contains("**") && !s.contains("](")), "{snippets:?}");
}

async fn a_plan_translation_shows_its_actions_missing_sections_from_the_fallback(app: TestApp) {
    let erik = app.user_token("erik@example.se", "orebro", "editor").await;
    let plan = json!({
        "language": "sv", "visibility": "partnership", "policy_instrument": "Regionalt program",
        "region": "Örebro län", "actions": [{"status": "planned"}],
        "text": {"title": "Handlingsplan för mikrolån", "actions": [{
            "title": "Rådgivning", "description": "Kommunen erbjuder rådgivning till nya företagare.",
            "indicators": "Antal rådgivningar per år."
        }]}
    });
    let created = create(&app, &erik, "action-plans", &plan).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    let id = path.rsplit('/').next().expect("id").to_owned();
    // The English action has a description only: its indicators stay Swedish.
    let english = json!({ "text": {"title": "Microloan action plan", "actions": [{
        "title": "Advice", "description": "The municipality advises new founders."
    }]} });
    let put = app.send_json(Method::PUT, &format!("{path}/translations/en"), Some(&erik), &english).await;
    assert!(put.status.is_success(), "{}", put.text);

    let reader = browser(&app);
    sign_in(&app, &reader, "sv", "erik@example.se", crate::support::USER_PASSWORD).await;
    let en = messages("en");
    for lang in LANGUAGES {
        let own = messages(lang);
        let doc = format!("/action-plans/{id}");
        let (status, html) = page(&reader, &app.url(&format!("/{lang}{doc}?text=en"))).await;
        assert_eq!(status, StatusCode::OK);
        speaks(lang, &doc, &html, &en, &own);
        assert!(html.contains("The municipality advises new founders."), "{lang}: the translated description");
        let section = html.split("data-fallback-section=\"sv\"").nth(1).unwrap_or_else(|| panic!("{lang}: {html}"));
        let section = section.split("</section>").next().unwrap_or_default();
        assert!(section.contains(&own["field-indicators"]), "{lang}: the section's label: {section}");
        assert!(section.contains("<div lang=\"sv\"><p>Antal rådgivningar per år.</p>"), "{lang}: {section}");
        let label = own["document-section-fallback"].split('{').next().unwrap_or_default().trim().to_owned();
        assert!(section.contains(&label), "{lang}: labelled: {section}");
    }
}

/// In the fallback chain a current original is preferred over an outdated translation: once
/// the French original changes, a Romanian reader gets it rather than the old English text; the
/// reader's own language is still served (and said to be outdated).
async fn a_current_original_comes_before_an_outdated_translation(app: TestApp) {
    let english = json!({ "text": { "title": "Supported microcredit", "summary": "A guided microcredit." } });
    let (path, id) = french_with_english(&app, &english).await;
    let ssd = app.token("claire@example.fr", crate::support::USER_PASSWORD).await;
    let before = app.get(&format!("{path}?lang=ro"), Some(&ssd)).await;
    assert_eq!(before.body["language"], "en", "the current English translation first: {}", before.text);

    let etag = before.header("etag").expect("etag").to_owned();
    let changed = json!({ "text": { "title": "Microcrédit accompagné, édition 2026" } });
    let edit = send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &changed).await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.text);
    // The change of a published document is reviewed before everyone reads it.
    let coordinator = app.token("ana@example.ro", crate::support::USER_PASSWORD).await;
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    assert_eq!(move_to(&app, &coordinator, &path, "published", None).await.status, StatusCode::OK);

    let ro = app.get(&format!("{path}?lang=ro"), Some(&ssd)).await;
    assert_eq!((ro.body["language"].as_str(), ro.body["fallback"].as_bool()), (Some("fr"), Some(true)), "{}", ro.text);
    assert_eq!(ro.body["title"], "Microcrédit accompagné, édition 2026");
    let en = app.get(&format!("{path}?lang=en"), Some(&ssd)).await;
    assert_eq!((en.body["language"].as_str(), en.body["freshness"].as_str()), (Some("en"), Some("outdated")));

    // The pages and the lists follow the same rule.
    let visitor = browser(&app);
    let (_, html) = page(&visitor, &app.url(&format!("/ro/practices/{id}"))).await;
    assert!(html.contains("<div lang=\"fr\" data-content>"), "{html}");
    let (_, list) = page(&visitor, &app.url("/sv/practices")).await;
    assert!(list.contains("Microcrédit accompagné, édition 2026") && !list.contains("Supported microcredit"), "{list}");
}

on_both_databases!(
    a_current_original_comes_before_an_outdated_translation,
    a_plan_translation_shows_its_actions_missing_sections_from_the_fallback,
    search_passages_are_plain_text_with_the_match_marked,
    an_incomplete_translation_shows_the_missing_sections_from_the_fallback,
    the_text_language_is_chosen_apart_from_the_interface,
    saving_a_translation_keeps_the_interface,
    a_returned_document_shows_the_comment_to_who_follows_it,
);
