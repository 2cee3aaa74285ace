//! Search in every language, attachments, the transfer lineage and the demo content.

use crate::documents::{create, french_practice, move_to, published};
use crate::on_both_databases;
use crate::support::{Reply, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn italian_practice() -> Value {
    json!({
        "visibility": "public",
        "themes": ["microcredit"],
        "text": {
            "title": "Fondo di garanzia per il microcredito",
            "summary": "Il fondo garantisce il microcredito alle persone escluse dal credito bancario.",
            "description": "Ogni prestito è accompagnato da un tutor volontario per diciotto mesi."
        }
    })
}

fn titles(reply: &Reply) -> Vec<(String, String)> {
    reply.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|h| {
            (
                h["document"]["original_language"].as_str().unwrap_or("").to_owned(),
                h["matched_language"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

async fn search_finds_words_in_their_languages(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let french = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    published(&app, &bologna, &coordinator, "practices", &italian_practice()).await;
    let mut unrelated = french_practice();
    unrelated["text"] = json!({ "title": "Jardins partagés", "summary": "Des jardins pour le quartier." });
    published(&app, &ssd, &coordinator, "practices", &unrelated).await;

    let hits = app.get("/api/v1/search?q=microcr%C3%A9dit", None).await;
    assert_eq!(hits.status, StatusCode::OK, "{}", hits.text);
    assert!(titles(&hits).contains(&("fr".to_owned(), "fr".to_owned())), "{}", hits.text);
    let hits = app.get("/api/v1/search?q=microcredito", None).await;
    assert!(titles(&hits).contains(&("it".to_owned(), "it".to_owned())), "{}", hits.text);
    // Without the accent, and in capitals, the French one is found too.
    let hits = app.get("/api/v1/search?q=MICROCREDIT%20accompagne", None).await;
    assert!(titles(&hits).contains(&("fr".to_owned(), "fr".to_owned())), "{}", hits.text);
    // Stemming or prefixes: a plural finds the singular's document.
    let hits = app.get("/api/v1/search?q=jardin", None).await;
    assert_eq!(hits.body["items"].as_array().map(Vec::len), Some(1), "{}", hits.text);

    // A Swedish translation is matched in Swedish, and shown in the reader's language.
    let swedish =
        json!({ "text": { "title": "Mikrolån med stöd", "summary": "Stödet gäller mikrolån för småföretagare." } });
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;
    assert_eq!(
        app.send_json(Method::PUT, &format!("{french}/translations/sv"), Some(&orebro), &swedish).await.status,
        StatusCode::ACCEPTED
    );
    // "småföretagare" is only in the proposed translation ("mikrolån" also names a theme, in
    // Swedish, of documents written in other languages).
    let hits = app.get("/api/v1/search?q=sm%C3%A5f%C3%B6retagare&lang=sv", None).await;
    assert_eq!(hits.body["items"], json!([]), "a proposed translation is not searched: {}", hits.text);
    let approve = json!({ "decision": "approve" });
    let approved = app.post(&format!("{french}/translations/sv/decision"), Some(&ssd), &approve).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.text);
    let hits = app.get("/api/v1/search?q=sm%C3%A5f%C3%B6retagare&lang=sv", None).await;
    let first = &hits.body["items"][0];
    assert_eq!(first["matched_language"], "sv", "{}", hits.text);
    assert_eq!(first["document"]["language"], "sv");
    assert_eq!(first["document"]["title"], "Mikrolån med stöd");
    let hits = app.get("/api/v1/search?q=sm%C3%A5f%C3%B6retagare&lang=it", None).await;
    assert_eq!(
        hits.body["items"][0]["document"]["language"], "fr",
        "Italian reader: the original, flagged as fallback"
    );
    assert_eq!(hits.body["items"][0]["document"]["fallback"], true);

    // Drafts are found only by those who may read them.
    let draft = json!({ "text": { "title": "Microcrédit pour les artisans", "summary": "Brouillon." } });
    assert_eq!(create(&app, &ssd, "practices", &draft).await.status, StatusCode::CREATED);
    let anonymous = app.get("/api/v1/search?q=artisans", None).await;
    assert_eq!(anonymous.body["items"].as_array().map(Vec::len), Some(0));
    let other = app.get("/api/v1/search?q=artisans", Some(&bologna)).await;
    assert_eq!(other.body["items"].as_array().map(Vec::len), Some(0));
    let own = app.get("/api/v1/search?q=artisans", Some(&ssd)).await;
    assert_eq!(own.body["items"].as_array().map(Vec::len), Some(1));

    // Operators and quotes are words, never syntax.
    for hostile in ["%22", "NEAR(", "*", "a%22%20OR%20%221", "%27%3B%20DROP%20TABLE%20documents%3B--"] {
        let reply = app.get(&format!("/api/v1/search?q={hostile}"), None).await;
        assert!(
            reply.status == StatusCode::OK || reply.status == StatusCode::UNPROCESSABLE_ENTITY,
            "{hostile}: {}",
            reply.text
        );
    }
    app.get("/api/v1/search?q=", None).await.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(app.get("/api/v1/search?q=microcredito", None).await.status, StatusCode::OK, "the tables survived");
}

async fn attachments_are_checked_stored_and_served(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let mut body = french_practice();
    body["visibility"] = json!("partnership");
    let path = published(&app, &ssd, &coordinator, "practices", &body).await;

    let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec();
    let upload = |token: &str, name: &str, bytes: Vec<u8>| {
        app.request(Method::POST, &format!("{path}/attachments?filename={name}"), Some(token))
            .header("content-type", "application/octet-stream")
            .body(bytes)
            .send()
    };
    let added =
        Reply::from(upload(&ssd, "Ordre%20du%20jour%20%C3%A9t%C3%A9.pdf", pdf.clone()).await.expect("send")).await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);
    assert_eq!(added.body["content_type"], "application/pdf");
    assert_eq!(added.body["filename"], "Ordre du jour été.pdf");
    let href = added.body["href"].as_str().expect("href").to_owned();

    // Other partners' editors read it but may not attach to it.
    let refused = Reply::from(upload(&bologna, "x.pdf", pdf.clone()).await.expect("send")).await;
    refused.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    // On a published document the file waits for review with the pending draft; once published
    // every reader of the document has it.
    assert_eq!(added.body["pending"], "added");
    app.get(&href, Some(&bologna)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    assert_eq!(move_to(&app, &coordinator, &path, "published", None).await.status, StatusCode::OK);
    let download = app.request(Method::GET, &href, Some(&bologna)).send().await.expect("send");
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert!(download.headers()["content-disposition"].to_str().unwrap_or("").starts_with("attachment;"));
    assert_eq!(download.headers()["x-content-type-options"], "nosniff");
    assert_eq!(download.bytes().await.expect("bytes").to_vec(), pdf);
    // Anonymous visitors may not read a partnership document, nor its files.
    app.get(&href, None).await.assert_problem(StatusCode::NOT_FOUND, "not_found");

    // The type comes from the content: HTML named .pdf is refused; a PNG named .pdf is a PNG.
    let html = Reply::from(
        upload(&ssd, "slides.pdf", b"<html><script>alert(1)</script></html>".to_vec()).await.expect("send"),
    )
    .await;
    html.assert_problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    let png =
        Reply::from(upload(&ssd, "photo.pdf", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()).await.expect("send")).await;
    assert_eq!(png.body["content_type"], "image/png");
    // Over 20 MB: refused, nothing stored.
    let big = Reply::from(
        upload(&ssd, "big.pdf", [b"%PDF-".to_vec(), vec![b'0'; 20 * 1024 * 1024]].concat()).await.expect("send"),
    )
    .await;
    big.assert_problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    let list = app.get(&format!("{path}/attachments"), Some(&ssd)).await;
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(2));
    let list = app.get(&format!("{path}/attachments"), Some(&bologna)).await;
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(1), "the PNG waits for review");

    // Removing one (not yet live, so at once): by the owner partner.
    let id = png.body["id"].as_str().expect("id");
    let gone = app.request(Method::DELETE, &format!("{path}/attachments/{id}"), Some(&ssd)).send().await.expect("send");
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get(&format!("{path}/attachments"), Some(&ssd)).await.body["items"].as_array().map(Vec::len),
        Some(1)
    );
    let history = app.get(&format!("{path}/revisions"), Some(&ssd)).await;
    let actions: Vec<&str> =
        history.body["items"].as_array().expect("items").iter().filter_map(|r| r["action"].as_str()).collect();
    assert_eq!(&actions[..3], ["attachment_removed", "attachment_added", "draft_published"]);
}

async fn lineage_links_practices_and_the_actions_they_inspired(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let practice_path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let practice_id = practice_path.rsplit('/').next().expect("id").to_owned();

    let plan = json!({
        "visibility": "public",
        "policy_instrument": "PR FSE+ Emilia-Romagna 2021-2027",
        "region": "Emilia-Romagna",
        "actions": [
            {"status": "in_progress", "progress_percent": 30, "starts_on": "2025-09-01", "ends_on": "2026-12-31", "estimated_cost_eur": 250000, "inspired_by": [practice_id]},
            {"status": "planned"}
        ],
        "text": {
            "title": "Piano d'azione metropolitano per il microcredito",
            "summary": "Due azioni.",
            "actions": [
                {"title": "Microcredito accompagnato per chi riceve il reddito minimo", "background": "Ispirata dalla pratica di Seine-Saint-Denis."},
                {"title": "Sportello unico per il microcredito"}
            ]
        }
    });
    let created = create(&app, &bologna, "action-plans", &plan).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let plan_path = created.header("location").expect("location").to_owned();
    let actions = created.body["actions"].as_array().expect("actions").clone();
    assert_eq!(actions[0]["inspired_by"], json!([practice_id]));

    // The plan is a draft: the practice's lineage does not show it to others yet.
    let lineage = app.get(&format!("{practice_path}/lineage"), None).await;
    assert_eq!(lineage.body["inspired"].as_array().map(Vec::len), Some(0));
    let lineage = app.get(&format!("{practice_path}/lineage"), Some(&bologna)).await;
    assert_eq!(lineage.body["inspired"].as_array().map(Vec::len), Some(1));
    move_to(&app, &bologna, &plan_path, "in_review", None).await;
    move_to(&app, &coordinator, &plan_path, "published", None).await;

    let lineage = app.get(&format!("{practice_path}/lineage?lang=it"), None).await;
    let inspired = lineage.body["inspired"].as_array().expect("inspired");
    assert_eq!(inspired.len(), 1);
    assert_eq!(inspired[0]["title"], "Microcredito accompagnato per chi riceve il reddito minimo");
    assert_eq!(inspired[0]["plan"]["partner"], "bologna");
    assert_eq!(inspired[0]["progress_percent"], 30);

    // The reverse: from the plan (and from one action) to the practices.
    let reverse = app.get(&format!("{plan_path}/lineage"), None).await;
    let plan_actions = reverse.body["actions"].as_array().expect("actions");
    assert_eq!(plan_actions.len(), 2);
    assert_eq!(plan_actions[0]["inspired_by"][0]["id"], practice_id);
    assert_eq!(plan_actions[0]["inspired_by"][0]["partner"], "seine-saint-denis");
    assert_eq!(plan_actions[1]["inspired_by"].as_array().map(Vec::len), Some(0));
    let action_id = actions[0]["id"].as_str().expect("id");
    let one = app.get(&format!("{plan_path}/lineage?action={action_id}"), None).await;
    assert_eq!(one.body["actions"].as_array().map(Vec::len), Some(1));

    // A plan's translation must give a text for each action.
    let short =
        json!({ "text": { "title": "Metropolitan action plan", "actions": [{"title": "Supported microcredit"}] } });
    let refused = app.send_json(Method::PUT, &format!("{plan_path}/translations/en"), Some(&ssd), &short).await;
    assert_eq!(refused.field_errors(), [("text.actions".to_owned(), "action_count_mismatch".to_owned())]);
    // Citing something that is not a practice is refused.
    let mut wrong = plan.clone();
    wrong["actions"][0]["inspired_by"] = json!([uuid::Uuid::now_v7()]);
    let refused = create(&app, &bologna, "action-plans", &wrong).await;
    assert_eq!(refused.field_errors(), [("actions[0].inspired_by[0]".to_owned(), "unknown_practice".to_owned())]);
}

async fn demo_content_is_seeded_once(app: TestApp) {
    let first = mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("seed");
    // 18 practices, 8 meeting notes, 5 action plans and 12 deliverables.
    assert_eq!(first.created, 18 + 8 + 5 + 12);
    assert!(first.translations >= 18 * 2 + 5, "{first:?}");
    let second = mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("seed again");
    app.indexed().await;
    assert_eq!((second.created, second.translations, second.already_present), (0, 0, 43));

    let admin = app.admin_token().await;
    let practices = app.get("/api/v1/practices?limit=100", Some(&admin)).await;
    let items = practices.body["items"].as_array().expect("items");
    assert_eq!(items.len(), 18);
    for partner in ["bucharest-ilfov", "bologna", "heart-of-slovenia", "orebro", "seine-saint-denis", "yunus-italy"] {
        assert_eq!(items.iter().filter(|p| p["partner"] == partner).count(), 3, "{partner}");
    }
    for item in items {
        assert!(item["languages"].as_array().is_some_and(|l| l.len() >= 3), "{item}");
        let path = format!("/api/v1/practices/{}/translations", item["id"].as_str().unwrap_or(""));
        let texts = app.get(&path, Some(&admin)).await;
        let outdated =
            texts.body["items"].as_array().expect("items").iter().filter(|t| t["freshness"] == "outdated").count();
        assert_eq!(outdated, 1, "each demo practice has one outdated translation");
    }
    let plans = app.get("/api/v1/action-plans?limit=100", Some(&admin)).await;
    let plans = plans.body["items"].as_array().expect("items");
    assert_eq!(plans.len(), 5);
    for plan in plans {
        let lineage =
            app.get(&format!("/api/v1/action-plans/{}/lineage", plan["id"].as_str().unwrap_or("")), Some(&admin)).await;
        for action in lineage.body["actions"].as_array().expect("actions") {
            let cited = action["inspired_by"].as_array().expect("inspired_by");
            assert!(!cited.is_empty());
            assert!(cited.iter().all(|p| p["partner"] != plan["partner"]), "actions cite other partners' practices");
        }
    }
    let notes = app.get("/api/v1/meeting-notes?limit=100", Some(&admin)).await;
    assert_eq!(notes.body["items"].as_array().map(Vec::len), Some(8));
    let deliverables = app.get("/api/v1/deliverables", Some(&admin)).await;
    let items = deliverables.body["items"].as_array().expect("items");
    assert_eq!(items.len(), 12);
    assert!(items.iter().filter(|d| d["status"] == "approved").count() >= 6);
    assert!(items.iter().filter(|d| d["overdue"] == true).count() >= 2, "some are late");
    let search = app.get("/api/v1/search?q=microcredito&lang=sl", None).await;
    assert!(search.body["items"].as_array().is_some_and(|i| !i.is_empty()));
}

/// A word found mostly in drafts a visitor may not see: the visible match ranks last, after
/// more hidden matches than one round of ranking looks at, and must still be found.
async fn search_looks_past_matches_the_reader_may_not_see(app: TestApp) {
    use mfx_domain::content::DocumentInput;
    use mfx_domain::document::{Kind, Status};
    use mfx_store::documents::{self, NewDocument};
    let now = app.state.clock.now();
    let partner =
        app.state.db.read(|c| mfx_store::partners::find_by_slug(c, "bologna")).expect("read").expect("bologna");
    let add = |title: String, summary: String, status: Status| {
        let body = json!({ "visibility": "public", "text": { "title": title, "summary": summary } });
        let input = DocumentInput::from_value(Kind::Practice, body).expect("parses");
        let content = input.validate().expect("valid");
        app.state
            .db
            .write(|c| {
                documents::insert(
                    c,
                    NewDocument {
                        content: &content,
                        partner: partner.id,
                        original_locale: partner.profile.locale,
                        status,
                        author: None,
                        seed_key: None,
                    },
                    now,
                )
            })
            .expect("insert");
    };
    for n in 0..260 {
        add(format!("Zanzibar bozza {n}"), "Zanzibar zanzibar.".into(), Status::Draft);
    }
    let long = format!("{} Zanzibar compare una volta sola.", "Un testo lungo sul microcredito. ".repeat(80));
    add("Pratica pubblicata".into(), long, Status::Published);
    app.indexed().await;
    let admin = app.admin_token().await;
    let everything = app.get("/api/v1/search?q=zanzibar&lang=it&limit=100", Some(&admin)).await;
    assert_eq!(everything.body["items"].as_array().map(Vec::len), Some(100), "{}", everything.text);
    let listed = app.get("/api/v1/practices", None).await;
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(1), "{}", listed.text);
    let found = app.get("/api/v1/search?q=zanzibar&lang=it", None).await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.text);
    let titles: Vec<&str> =
        found.body["items"].as_array().expect("items").iter().filter_map(|i| i["document"]["title"].as_str()).collect();
    assert_eq!(titles, ["Pratica pubblicata"], "only the published practice, found past the drafts");
}

on_both_databases!(
    search_looks_past_matches_the_reader_may_not_see,
    search_finds_words_in_their_languages,
    attachments_are_checked_stored_and_served,
    lineage_links_practices_and_the_actions_they_inspired,
    demo_content_is_seeded_once,
);
