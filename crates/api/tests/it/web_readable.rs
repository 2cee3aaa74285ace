//! Pages that say what they mean: a document's history names each changed field by its label
//! in the reader's language and shows what changed (old → new, the words removed and added);
//! partners are named, not given as slugs; regions and countries read in the reader's language.

use crate::documents::{create, french_practice, send_with_etag};
use crate::on_both_databases;
use crate::support::{TestApp, USER_PASSWORD};
use crate::web::{LANGUAGES, browser, messages, page, sign_in};
use reqwest::{Method, StatusCode};
use serde_json::json;

/// A practice created by Seine-Saint-Denis and edited once: its summary, themes, start year and
/// city; returns its page path (`/practices/{id}`) and the editor's email.
pub(crate) async fn edited_practice(app: &TestApp) -> (String, &'static str) {
    let email = "claire@example.fr";
    let ssd = app.user_token(email, "seine-saint-denis", "editor").await;
    let created = create(app, &ssd, "practices", &french_practice()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    let etag = created.header("etag").expect("etag").to_owned();
    let edit = json!({
        "themes": ["microcredit", "financial_literacy"],
        "start_year": 2018,
        "location": {"country": "FR", "region": "Île-de-France", "city": "Bobigny"},
        "text": {"summary": "Un **microcrédit** accompagné aide les allocataires du RSA et les jeunes à créer leur entreprise."}
    });
    let edited = send_with_etag(app, Method::PATCH, &path, &ssd, &etag, &edit).await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    (path.trim_start_matches("/api/v1").to_owned(), email)
}

async fn history_names_fields_and_shows_what_changed(app: TestApp) {
    let (path, email) = edited_practice(&app).await;
    let client = browser(&app);
    sign_in(&app, &client, "en", email, USER_PASSWORD).await;
    for lang in ["en", "fr", "sv"] {
        let m = messages(lang);
        let (status, html) = page(&client, &app.url(&format!("/{lang}{path}/history"))).await;
        assert_eq!(status, StatusCode::OK, "/{lang}{path}/history");
        for label in ["field-summary", "field-themes", "field-start_year", "field-city"] {
            assert!(html.contains(&format!("<dt>{}</dt>", m[label])), "/{lang}: {label} is named: {html}");
        }
        // Short values: old → new, vocabularies as words.
        assert!(html.contains(&format!("{}, {}", m["theme-microcredit"], m["theme-financial_literacy"])), "{lang}");
        assert!(html.contains(">2019</del>") && html.contains(">2018</ins>"), "{lang}: the year before and after");
        assert!(html.contains(">Saint-Denis</del>") && html.contains(">Bobigny</ins>"), "{lang}: the city");
        // Texts: the words removed and added, each with a word that does not rely on colour.
        let removed = format!("[{}: </span>", m["history-removed"]);
        let added = format!("[{}: </span>", m["history-added"]);
        assert!(html.contains(&format!("{removed}activité.")), "/{lang}: the removed word is marked: {html}");
        assert!(html.contains(&format!("{added}entreprise.")), "/{lang}: the added word is marked");
        assert!(html.contains(&format!("{added}et les jeunes")) || html.contains("et les jeunes</ins>"), "{lang}");
        assert!(html.contains("Un **microcrédit** accompagné aide"), "/{lang}: the kept words are shown");
        for raw in ["text.summary", "start_year", "field-", "theme-", "financial_literacy", ">themes<", "location.city"]
        {
            assert!(!html.contains(raw), "/{lang}{path}/history shows the raw `{raw}`");
        }
    }
}

async fn partners_are_named_in_lists_search_and_the_dashboard(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    app.indexed().await;
    app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let client = browser(&app);
    let slugs = ["bucharest-ilfov", "bologna", "heart-of-slovenia", "orebro", "seine-saint-denis", "yunus-italy"];
    let shown_slug = |html: &str| {
        slugs.iter().find(|s| html.contains(&format!(">{s}<")) || html.contains(&format!(" {s},"))).copied()
    };
    for path in ["/practices", "/action-plans", "/meeting-notes", "/", "/search?q=microcredit"] {
        let (status, html) = page(&client, &app.url(&format!("/en{path}"))).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(shown_slug(&html), None, "{path} shows a partner slug: {html}");
        assert!(
            ["OIR PECU BI", "CMBO", "RCSS", "Region Örebro", "CD93", "Yunus Italy"].iter().any(|n| html.contains(n)),
            "{path} names partners"
        );
    }
    sign_in(&app, &client, "en", "ana@example.ro", USER_PASSWORD).await;
    for path in ["/dashboard", "/account"] {
        let (status, html) = page(&client, &app.url(&format!("/en{path}"))).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(shown_slug(&html), None, "{path} shows a partner slug: {html}");
        assert!(html.contains("OIR PECU BI"), "{path} names the lead partner");
        assert!(!html.contains("<td data-label") || html.contains("class=\"stacked\""), "{path}");
    }
}

async fn regions_and_countries_read_in_the_readers_language(app: TestApp) {
    let client = browser(&app);
    let expected = [
        ("en", "Bucharest-Ilfov", "Romania"),
        ("fr", "Bucarest-Ilfov", "Roumanie"),
        ("it", "Bucarest-Ilfov", "Romania"),
        ("ro", "București-Ilfov", "România"),
        ("sl", "Bukarešta-Ilfov", "Romunija"),
        ("sv", "Bukarest-Ilfov", "Rumänien"),
    ];
    for (lang, region, country) in expected {
        let (status, html) = page(&client, &app.url(&format!("/{lang}/partners/bucharest-ilfov"))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&format!("<dd>{region} ({country})</dd>")), "/{lang}: {region} ({country}): {html}");
        assert!(!html.contains("(RO)"), "/{lang} shows the country code");
    }
    for lang in LANGUAGES {
        let (_, home) = page(&client, &app.url(&format!("/{lang}/"))).await;
        let own = if lang == "sv" { "Örebro län" } else { "Örebro" };
        assert!(home.contains(own), "/{lang}/ names Örebro's region");
        if lang != "en" {
            assert!(
                !home.contains("Central Slovenia") && !home.contains("Örebro County"),
                "/{lang}/ names regions in English"
            );
        }
    }
}

/// A practice's facts name its country in the reader's language, and its transfer picture
/// names partners, never by their slugs.
async fn practices_name_countries_and_partners(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    app.indexed().await;
    let client = browser(&app);
    let listed = app.get("/api/v1/practices?limit=50", None).await;
    let items = listed.body["items"].as_array().expect("items").clone();
    let slugs: Vec<String> = app.get("/api/v1/partners", None).await.body["items"]
        .as_array()
        .expect("partners")
        .iter()
        .filter_map(|p| p["slug"].as_str().map(str::to_owned))
        .collect();
    assert!(!slugs.is_empty());
    let mut pictures = 0;
    for item in &items {
        let id = item["id"].as_str().expect("id");
        let (status, html) = page(&client, &app.url(&format!("/it/practices/{id}"))).await;
        assert_eq!(status, StatusCode::OK);
        pictures += usize::from(html.contains("<svg"));
        for slug in &slugs {
            assert!(!html.contains(&format!(">{slug}<")) && !html.contains(&format!(">{slug} ·")), "{slug} in {id}");
        }
        for code in ["IT", "FR", "RO", "SE", "SI"] {
            assert!(!html.contains(&format!(">{code}</dd>")), "the country code {code} in {id}");
        }
    }
    assert!(pictures > 0, "a practice of the demo has a transfer picture");
    let (path, _) = edited_practice(&app).await;
    sign_in(&app, &client, "it", "claire@example.fr", USER_PASSWORD).await;
    for (lang, country) in
        [("en", "France"), ("it", "Francia"), ("ro", "Franța"), ("sl", "Francija"), ("sv", "Frankrike")]
    {
        let (_, html) = page(&client, &app.url(&format!("/{lang}{path}"))).await;
        assert!(html.contains(&format!(">{country}</dd>")), "/{lang}: {country}");
    }
}

on_both_databases!(
    practices_name_countries_and_partners,
    history_names_fields_and_shows_what_changed,
    partners_are_named_in_lists_search_and_the_dashboard,
    regions_and_countries_read_in_the_readers_language,
);
