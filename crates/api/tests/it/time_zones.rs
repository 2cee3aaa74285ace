//! Time zones on the pages: the account page's list of zones named by their cities in the
//! reader's language, an account form that keeps every choice after an error, and meeting times
//! written in the reader's language, in the meeting's zone and in the reader's.

use crate::on_both_databases;
use crate::support::TestApp;
use crate::web::{browser, csrf_of, page, sign_in};
use reqwest::StatusCode;
use serde_json::json;

on_both_databases!(
    the_zone_list_names_cities_in_the_readers_language,
    an_account_error_keeps_every_choice,
    meeting_times_read_in_the_readers_language_and_zone,
);

/// The text of the option for `zone` in the time-zone list (the first one when the partners'
/// group repeats it).
fn option_label(html: &str, zone: &str) -> Option<String> {
    let list = html.split("<select id=\"time_zone\"").nth(1)?.split("</select>").next()?;
    let rest = list.split(&format!("<option value=\"{zone}\"")).nth(1)?;
    Some(rest.split_once('>')?.1.split("</option>").next()?.to_owned())
}

async fn the_zone_list_names_cities_in_the_readers_language(app: TestApp) {
    app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let client = browser(&app);
    sign_in(&app, &client, "ro", "ana@example.ro", "a long enough password").await;
    let (status, ro) = page(&client, &app.url("/ro/account")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!ro.contains("type=\"text\" name=\"time_zone\""), "the zone is chosen, not typed");
    assert_eq!(option_label(&ro, "Europe/Bucharest").as_deref(), Some("București"));
    assert!(
        ro.contains("<option value=\"Europe/Bucharest\" selected>București</option>"),
        "the current zone is chosen"
    );
    assert_eq!(ro.matches(" selected>București").count(), 1, "one option is chosen");
    assert!(ro.contains("<optgroup label=\"Europa\">") && ro.contains("<optgroup label=\"Parteneriat\">"));
    assert_eq!(option_label(&ro, "Europe/Rome").as_deref(), Some("Roma"));
    assert!(!ro.contains("Europe/Kiev\""), "links to other zones are not offered");

    // A meeting note's zone is chosen from the same list, the writer's own zone first chosen.
    let (_, form) = page(&client, &app.url("/ro/meeting-notes/new")).await;
    assert!(!form.contains("type=\"text\" name=\"time_zone\""), "the meeting's zone is chosen, not typed");
    assert!(form.contains("<option value=\"Europe/Bucharest\" selected>București</option>"), "{form}");

    let (_, sv) = page(&client, &app.url("/sv/account")).await;
    assert_eq!(option_label(&sv, "Europe/Stockholm").as_deref(), Some("Stockholm"));
    assert_eq!(option_label(&sv, "Europe/Bucharest").as_deref(), Some("Bukarest"));
    assert!(sv.contains("<optgroup label=\"Stilla havet\">"));
    let (_, fr) = page(&client, &app.url("/fr/account")).await;
    assert_eq!(option_label(&fr, "Europe/Bucharest").as_deref(), Some("Bucarest"));
    assert_eq!(option_label(&fr, "UTC").as_deref(), Some("Temps universel coordonné (UTC)"));

    // Cities are in the language's alphabetical order, not the order of their bytes: in
    // French, Séoul comes before Shanghai and Ürümqi among the U.
    let asia = fr.split("<optgroup label=\"Asie\">").nth(1).and_then(|r| r.split("</optgroup>").next()).expect("Asia");
    let labels: Vec<&str> =
        asia.split("</option>").filter_map(|o| o.rsplit_once('>').map(|(_, l)| l)).filter(|l| !l.is_empty()).collect();
    let at = |city: &str| labels.iter().position(|l| *l == city).unwrap_or_else(|| panic!("{city} in {labels:?}"));
    assert!(at("Séoul") < at("Shanghai") && at("Tomsk") < at("Ürümqi") && at("Ürümqi") < at("Ust-Nera"), "{labels:?}");
}

async fn an_account_error_keeps_every_choice(app: TestApp) {
    app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let client = browser(&app);
    sign_in(&app, &client, "en", "ana@example.ro", "a long enough password").await;
    let (_, account) = page(&client, &app.url("/en/account")).await;
    let csrf = csrf_of(&account);
    let choices = [
        ("display_name", ""),
        ("language", "sv"),
        ("time_zone", "America/New_York"),
        ("digest_frequency", "weekly"),
        ("digest_weekday", "3"),
        ("digest_hour", "17"),
        ("csrf", &csrf),
    ];
    let response = client.post(app.url("/en/account")).form(&choices).send().await.expect("send");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    assert!(html.contains("id=\"display_name-error\""), "the error is next to the name");
    assert!(html.contains("<option value=\"sv\" lang=\"sv\" selected>"), "the language is kept");
    assert!(html.contains("<option value=\"America/New_York\" selected>New York</option>"), "the zone is kept");
    assert!(html.contains("<option value=\"weekly\" selected>"), "the frequency is kept");
    assert!(html.contains("<option value=\"3\" selected>"), "the weekday is kept");
    assert!(html.contains("<option value=\"17\" selected>17:00</option>"), "the hour is kept");

    let mut fixed = choices;
    fixed[0] = ("display_name", "Ana Popescu");
    let response = client.post(app.url("/en/account")).form(&fixed).send().await.expect("send");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, saved) = page(&client, &app.url("/sv/account")).await;
    assert!(saved.contains("<option value=\"America/New_York\" selected>New York</option>"), "the zone is saved");
    assert!(saved.contains("<option value=\"17\" selected>17:00</option>"));
}

async fn meeting_times_read_in_the_readers_language_and_zone(app: TestApp) {
    let ana = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let note = json!({
        "language": "ro", "visibility": "partnership", "meeting_type": "steering_group",
        "starts_at": "2026-10-06T10:00:00", "ends_at": "2026-10-06T12:30:00", "time_zone": "Europe/Bucharest",
        "place": "București", "text": {"title": "Comitetul de coordonare"}
    });
    let created = app.post("/api/v1/meeting-notes", Some(&ana), &note).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let id = created.body["id"].as_str().expect("id").to_owned();
    let client = browser(&app);
    sign_in(&app, &client, "en", "ana@example.ro", "a long enough password").await;
    let when = |html: &str| {
        html.split("data-field=\"when\">")
            .nth(1)
            .and_then(|r| r.split("</dd>").next())
            .expect("the meeting's time")
            .to_owned()
    };
    for (lang, expected) in [
        ("en", "6 October 2026, 10:00–12:30 (Bucharest time)"),
        ("ro", "6 octombrie 2026, 10:00–12:30 (ora din București)"),
        ("fr", "6 octobre 2026, de 10:00 à 12:30 (heure : Bucarest)"),
        ("sv", "6 oktober 2026, kl. 10:00–12:30 (tid i Bukarest)"),
    ] {
        let (status, html) = page(&client, &app.url(&format!("/{lang}/meeting-notes/{id}"))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(when(&html), expected, "/{lang}");
        assert!(!html.contains("2026-10-06") && !html.contains("Europe/Bucharest"), "/{lang}: no raw time or zone");
        assert!(!html.contains("data-reader-time"), "/{lang}: the reader is in the meeting's zone");
    }

    // A reader in Stockholm also reads the time in her zone, an hour earlier.
    let (_, account) = page(&client, &app.url("/en/account")).await;
    let csrf = csrf_of(&account);
    let form = [
        ("display_name", "Ana"),
        ("language", "en"),
        ("time_zone", "Europe/Stockholm"),
        ("digest_frequency", "off"),
        ("digest_weekday", "1"),
        ("digest_hour", "8"),
        ("csrf", &csrf),
    ];
    let saved = client.post(app.url("/en/account")).form(&form).send().await.expect("send");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    for (lang, expected) in [
        ("en", "In your time zone: 6 October 2026, 09:00–11:30 (Stockholm time)"),
        ("sl", "V vašem časovnem pasu: 06. oktober 2026, od 09:00 do 11:30 (krajevni čas: Stockholm)"),
        ("it", "Nel tuo fuso orario: 6 ottobre 2026, dalle 09:00 alle 11:30 (ora di Stoccolma)"),
    ] {
        let (_, html) = page(&client, &app.url(&format!("/{lang}/meeting-notes/{id}"))).await;
        let shown = when(&html);
        assert!(shown.contains(&format!("<span data-reader-time>{expected}</span>")), "/{lang}: {shown}");
        assert!(!html.contains("Europe/"), "/{lang}: no IANA names");
    }
}
