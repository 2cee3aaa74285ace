//! Reading a document in another language than the interface's: `?text=` chooses the text,
//! the interface stays in the reader's language, and saving a translation keeps the editor in
//! hers — the same on SQLite and PostgreSQL.

use crate::documents::{french_practice, published};
use crate::on_both_databases;
use crate::support::TestApp;
use crate::web::{LANGUAGES, browser, csrf_of, messages, page, sign_in, speaks};
use reqwest::{Method, StatusCode};
use serde_json::json;

async fn the_text_language_is_chosen_apart_from_the_interface(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let id = path.rsplit('/').next().expect("id").to_owned();
    let english = json!({ "text": { "title": "Supported microcredit", "summary": "A **microcredit** for founders." } });
    let put = app.send_json(Method::PUT, &format!("{path}/translations/en"), Some(&ssd), &english).await;
    assert_eq!(put.status, StatusCode::CREATED, "{}", put.text);

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

on_both_databases!(the_text_language_is_chosen_apart_from_the_interface, saving_a_translation_keeps_the_interface);
