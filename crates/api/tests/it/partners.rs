//! The project and its partners: public, seeded once.

use crate::on_both_databases;
use crate::support::{TestApp, TestDatabase, settings_for};
use mfx_api::bootstrap;
use reqwest::StatusCode;

async fn partners_are_listed_with_their_languages(app: TestApp) {
    let reply = app.get("/api/v1/partners", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    let items = reply.body["items"].as_array().expect("items");
    let pairs: Vec<(&str, &str)> =
        items.iter().map(|p| (p["slug"].as_str().unwrap_or(""), p["language"].as_str().unwrap_or(""))).collect();
    assert_eq!(
        pairs,
        [
            ("bucharest-ilfov", "ro"),
            ("bologna", "it"),
            ("heart-of-slovenia", "sl"),
            ("orebro", "sv"),
            ("seine-saint-denis", "fr"),
            ("yunus-italy", "it"),
        ]
    );
    assert_eq!(items[0]["kind"], "lead");
    assert_eq!(items[3]["name_local"], "Region Örebro län");

    let one = app.get("/api/v1/partners/heart-of-slovenia", None).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.body["time_zone"], "Europe/Ljubljana");
    app.get("/api/v1/partners/atlantis", None).await.assert_problem(StatusCode::NOT_FOUND, "not_found");

    let project = app.get("/api/v1/project", None).await;
    assert_eq!(project.body["acronym"], "MICROFUTURE");
    assert_eq!(project.body["languages"], serde_json::json!(["en", "fr", "it", "ro", "sl", "sv"]));
    assert_eq!(project.body["ends_on"], "2027-05-31");
}

async fn a_second_start_seeds_nothing(app: TestApp) {
    // The application already started once on this database; start it again.
    let settings = settings_for(&app.db, &[]);
    let again = bootstrap::prepare(&settings, app.state.clock.now()).expect("second start");
    assert!(again.migrations_applied.is_empty());
    assert!(!again.seed.changed_anything(), "{:?}", again.seed);
    assert!(again.first_admin.is_none(), "the first admin is created once");
    let reply = app.get("/api/v1/partners", None).await;
    assert_eq!(reply.body["items"].as_array().map(Vec::len), Some(6));
}

async fn a_changed_seed_updates_partners_in_place(app: TestApp) {
    let seed = bootstrap::BUNDLED_SEED.replace("Region Örebro län", "Region Örebro län (ny)");
    let path = app.db.data_dir().join("partners.json");
    std::fs::write(&path, seed).expect("write seed");
    let settings = settings_for(&app.db, &[("MFX_SEED_FILE", &path.display().to_string())]);
    let again = bootstrap::prepare(&settings, app.state.clock.now()).expect("restart with a new seed");
    assert_eq!(again.seed.partners_updated, ["orebro"]);
    assert!(again.seed.partners_added.is_empty());
    let orebro = app.get("/api/v1/partners/orebro", None).await;
    assert_eq!(orebro.body["name_local"], "Region Örebro län (ny)");
}

on_both_databases!(
    partners_are_listed_with_their_languages,
    a_second_start_seeds_nothing,
    a_changed_seed_updates_partners_in_place
);

#[test]
fn a_broken_seed_file_stops_the_start_with_every_problem() {
    let db = TestDatabase::create(crate::support::Backend::Sqlite);
    let path = db.data_dir().join("partners.json");
    std::fs::write(&path, bootstrap::BUNDLED_SEED.replace("Europe/Paris", "Paris").replace("\"SE\"", "\"Sweden\""))
        .expect("write");
    let settings = settings_for(&db, &[("MFX_SEED_FILE", &path.display().to_string())]);
    let error = bootstrap::prepare(&settings, chrono::Utc::now()).expect_err("a broken seed is refused").to_string();
    assert!(error.contains("partners[4].timezone") && error.contains("partners[3].country"), "{error}");
}
