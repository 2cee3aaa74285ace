//! What the public sees of published documents: only reviewed text. Edits of a published
//! document wait in a pending draft, translations by other partners wait for the owner partner
//! or the lead partner, and the history shows the public the published versions only.
//!
//! Longer than most files: each review path (edit, translation, attachment, history) is walked
//! end to end on both databases, and the paths share their set-up here.

use crate::documents::{create, french_practice, move_to, published, send_with_etag};
use crate::on_both_databases;
use crate::support::{Reply, TestApp};
use crate::web::{csrf_of, page};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const LEAD_NAME: &str =
    "Organismul Intermediar Regional pentru Programe Europene Capital Uman Regiunea București-Ilfov";

async fn etag_of(app: &TestApp, path: &str, token: &str) -> String {
    app.get(path, Some(token)).await.header("etag").expect("etag").to_owned()
}

fn actions(history: &Reply) -> Vec<String> {
    history.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|r| r["action"].as_str().map(str::to_owned))
        .collect()
}

/// The ids of everyone named in a full history.
fn people(history: &Reply) -> Vec<String> {
    history.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|r| r["actor"]["id"].as_str().map(str::to_owned))
        .collect()
}

async fn anonymous_history_shows_published_versions_only(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let viewer = app.user_token("vera@example.fr", "seine-saint-denis", "viewer").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;

    // A draft with a passage that review removes, returned with a comment, then published.
    let mut body = french_practice();
    body["text"]["description"] = json!("Passage confidentiel retiré pendant la relecture.");
    let created = create(&app, &ssd, "practices", &body).await;
    let path = created.header("location").expect("location").to_owned();
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    let returned = move_to(&app, &coordinator, &path, "draft", Some("Retirez le passage sur le comité interne.")).await;
    assert_eq!(returned.status, StatusCode::OK, "{}", returned.text);
    let etag = etag_of(&app, &path, &ssd).await;
    let cleaned = json!({ "text": { "description": "Le département finance un accompagnement de douze mois." } });
    assert_eq!(send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &cleaned).await.status, StatusCode::OK);
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    assert_eq!(move_to(&app, &coordinator, &path, "published", None).await.status, StatusCode::OK);
    // Once published, anonymous readers see one published version: nothing of the review.
    let public = app.get(&format!("{path}/revisions"), None).await;
    assert_eq!(actions(&public), ["published"], "{}", public.text);
    assert!(!public.text.contains("Retirez le passage") && !public.text.contains("Passage confidentiel"));

    // After publication, a new draft with another passage, discarded before review.
    let etag = etag_of(&app, &path, &ssd).await;
    let secret = json!({ "text": { "summary": "Chiffres internes non publiables." } });
    assert_eq!(send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &secret).await.status, StatusCode::OK);
    let discarded = app.request(Method::DELETE, &format!("{path}/pending"), Some(&ssd)).send().await.expect("send");
    assert_eq!(discarded.status(), StatusCode::OK);

    // The owner partner sees the whole trail: drafts, comment, people.
    let full = app.get(&format!("{path}/revisions"), Some(&ssd)).await;
    assert_eq!(
        actions(&full),
        [
            "draft_discarded",
            "draft_edited",
            "status_changed",
            "status_changed",
            "edited",
            "status_changed",
            "status_changed",
            "created"
        ]
    );
    assert!(full.text.contains("Retirez le passage sur le comité interne."));
    assert!(full.text.contains("Passage confidentiel retiré"));
    assert!(full.text.contains("\"display_name\":\"claire\""));
    let ids = people(&full);
    assert!(!ids.is_empty());
    // So do the owner partner's viewers and the lead partner.
    assert_eq!(actions(&app.get(&format!("{path}/revisions"), Some(&viewer)).await), actions(&full));
    assert_eq!(actions(&app.get(&format!("{path}/revisions"), Some(&coordinator)).await), actions(&full));

    // Anonymous readers and other partners: the published version, when, and which partner.
    for token in [None, Some(bologna.as_str())] {
        let public = app.get(&format!("{path}/revisions"), token).await;
        assert_eq!(public.status, StatusCode::OK);
        assert_eq!(actions(&public), ["published"], "{}", public.text);
        let entry = &public.body["items"][0];
        assert_eq!(entry["partner"]["partner"], "bucharest-ilfov");
        assert_eq!(entry["partner"]["name"], LEAD_NAME);
        assert!(entry["actor"].is_null() && entry["comment"].is_null());
        assert_eq!(entry["changes"], json!({}));
        for hidden in
            ["Retirez le passage", "Passage confidentiel", "Chiffres internes", "\"claire\"", "\"ana\"", "\"vera\""]
        {
            assert!(!public.text.contains(hidden), "{hidden} shows in {}", public.text);
        }
        for id in &ids {
            assert!(!public.text.contains(id.as_str()), "a person's id shows in {}", public.text);
        }
    }

    // The History page says the same, in the reader's language.
    let id = path.rsplit('/').next().expect("id");
    let (status, html) = page(&browser(), &app.url(&format!("/en/practices/{id}/history"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(LEAD_NAME), "{html}");
    assert!(html.contains(">Published<"), "{html}");
    for hidden in ["Retirez le passage", "Passage confidentiel", "Chiffres internes", "claire", "ana@", "Edited"] {
        assert!(!html.contains(hidden), "{hidden} shows on the public History page");
    }
    // The owner partner's History page has the whole trail, fields named in French.
    let claire = browser();
    sign_in(&app, &claire, "fr", "claire@example.fr").await;
    let (_, html) = page(&claire, &app.url(&format!("/fr/practices/{id}/history"))).await;
    assert!(html.contains("Retirez le passage sur le comité interne."), "{html}");
    assert!(html.contains("Nouvelle version abandonnée") && html.contains("Nouvelle version modifiée"), "{html}");
    assert!(html.contains("<dt>Résumé</dt>"), "{html}");
    assert!(!html.contains("text.summary"), "{html}");
}

async fn editing_a_published_document_keeps_the_live_version_until_review(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let live_summary = french_practice()["text"]["summary"].as_str().expect("summary").to_owned();

    // Anonymous answers are read (and kept) before the edit.
    let before = app.get(&path, None).await;
    assert_eq!(before.body["text"]["summary"], live_summary.as_str());
    assert!(before.body.get("pending").is_none());
    app.get("/api/v1/practices", None).await;

    let etag = etag_of(&app, &path, &ssd).await;
    let edit = json!({ "text": { "summary": "Un microcrédit ouvert aux coopératives zyrtelvinques." }, "themes": ["microcredit"] });
    let edited = send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &edit).await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    // The answer is the live version with what now waits for review.
    assert_eq!(edited.body["status"], "published");
    assert_eq!(edited.body["text"]["summary"], live_summary.as_str());
    assert_eq!(edited.body["pending"]["draft"]["status"], "draft");
    assert_eq!(edited.body["pending"]["draft"]["fields"], json!(["text.summary", "themes"]));
    assert_eq!(edited.body["pending"]["draft"]["updated_by"], "claire");
    assert_ne!(edited.header("etag"), Some(etag.as_str()), "the document moved to a new version");

    // Readers without rights see the live text everywhere, whoever read first.
    let owner_view = app.get(&path, Some(&ssd)).await;
    assert_eq!(owner_view.body["pending"]["draft"]["fields"], json!(["text.summary", "themes"]));
    assert_eq!(owner_view.body["text"]["summary"], live_summary.as_str());
    for token in [None, Some(bologna.as_str())] {
        let seen = app.get(&path, token).await;
        assert_eq!(seen.body["text"]["summary"], live_summary.as_str());
        assert!(seen.body.get("pending").is_none(), "{}", seen.text);
        assert!(!seen.text.contains("zyrtelvinques"));
        assert_eq!(seen.body["themes"], json!(["microcredit", "social_inclusion"]));
        let list = app.get("/api/v1/practices", token).await;
        assert!(!list.text.contains("zyrtelvinques"), "{}", list.text);
        assert_eq!(list.body["items"][0]["summary"], live_summary.as_str());
        let search = app.get("/api/v1/search?q=zyrtelvinques", token).await;
        assert_eq!(search.body["items"], json!([]), "{}", search.text);
        let pending = app.get(&format!("{path}/pending"), token).await;
        pending.assert_problem(StatusCode::NOT_FOUND, "not_found");
    }
    assert_eq!(app.get(&path, Some(&coordinator)).await.body["pending"]["draft"]["status"], "draft");

    // The reviewer reads the pending text against the live text.
    let review = app.get(&format!("{path}/pending"), Some(&coordinator)).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.text);
    assert_eq!(review.body["draft"]["changes"][0]["field"], "text.summary");
    assert_eq!(review.body["draft"]["changes"][0]["live"], live_summary.as_str());
    assert_eq!(review.body["draft"]["changes"][0]["pending"], "Un microcrédit ouvert aux coopératives zyrtelvinques.");
    assert_eq!(review.body["draft"]["changes"][1]["field"], "themes");

    // A second edit continues the draft.
    let etag = edited.header("etag").expect("etag").to_owned();
    let more = json!({ "text": { "title": "Microcrédit coopératif" } });
    let edited = send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &more).await;
    assert_eq!(edited.body["pending"]["draft"]["fields"], json!(["text.summary", "text.title", "themes"]));
    assert_eq!(app.get(&path, None).await.body["title"], "Microcrédit accompagné pour les allocataires du RSA");

    // Through review: submitted, returned with a comment, submitted again, published.
    // A draft goes to review before publication: the move is impossible from where it stands.
    move_to(&app, &ssd, &path, "published", None).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    let submitted = move_to(&app, &ssd, &path, "in_review", None).await;
    assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.text);
    assert_eq!(submitted.body["status"], "published");
    assert_eq!(submitted.body["pending"]["draft"]["status"], "in_review");
    move_to(&app, &ssd, &path, "published", None).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let back = move_to(&app, &coordinator, &path, "draft", None).await;
    assert_eq!(back.field_errors(), [("comment".to_owned(), "required".to_owned())]);
    let back = move_to(&app, &coordinator, &path, "draft", Some("Précisez les coopératives concernées.")).await;
    assert_eq!(back.body["pending"]["draft"]["status"], "draft");
    assert_eq!(app.get(&path, None).await.body["text"]["summary"], live_summary.as_str());
    move_to(&app, &ssd, &path, "in_review", None).await;
    let done = move_to(&app, &coordinator, &path, "published", None).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    assert!(done.body.get("pending").is_none(), "{}", done.text);

    // Now everyone reads the reviewed text, and the original moved to a new content version.
    let now = app.get(&path, None).await;
    assert_eq!(now.body["title"], "Microcrédit coopératif");
    assert_eq!(now.body["text"]["summary"], "Un microcrédit ouvert aux coopératives zyrtelvinques.");
    assert_eq!(now.body["themes"], json!(["microcredit"]));
    assert_eq!(now.body["content_version"], 2);
    let search = app.get("/api/v1/search?q=zyrtelvinques", None).await;
    assert_eq!(search.body["items"].as_array().map(Vec::len), Some(1), "{}", search.text);
    let list = app.get("/api/v1/practices", None).await;
    assert_eq!(list.body["items"][0]["title"], "Microcrédit coopératif");
    let public = app.get(&format!("{path}/revisions"), None).await;
    assert_eq!(actions(&public), ["published", "published"]);
    assert!(!public.text.contains("Précisez"));

    // Nothing pending any more: the moves of a published document are the usual ones.
    move_to(&app, &ssd, &path, "in_review", None).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    let review = app.get(&format!("{path}/pending"), Some(&ssd)).await;
    assert_eq!(review.body["draft"], Value::Null);
}

async fn a_foreign_translation_waits_for_the_owner_partner(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    app.get(&format!("{path}?lang=sv"), None).await;

    // Örebro proposes Swedish: accepted for review, not live.
    let swedish = json!({ "text": { "title": "Mikrolån med stöd för kvarnströmmande", "summary": "Ett mikrolån." } });
    let proposed = app.send_json(Method::PUT, &format!("{path}/translations/sv"), Some(&orebro), &swedish).await;
    assert_eq!(proposed.status, StatusCode::ACCEPTED, "{}", proposed.text);
    assert_eq!(proposed.body["status"], "pending");
    assert_eq!(proposed.body["language"], "sv");
    for token in [None, Some(orebro.as_str()), Some(bologna.as_str())] {
        let sv = app.get(&format!("{path}?lang=sv"), token).await;
        assert_eq!((sv.body["language"].as_str(), sv.body["fallback"].as_bool()), (Some("fr"), Some(true)));
        assert!(!sv.text.contains("kvarnströmmande"));
        assert!(sv.body.get("pending").is_none());
        let search = app.get("/api/v1/search?q=kvarnströmmande", token).await;
        assert_eq!(search.body["items"], json!([]));
        let translations = app.get(&format!("{path}/translations"), token).await;
        assert!(!translations.text.contains("kvarnströmmande"));
    }

    // The owner partner sees what is pending, against what is live (nothing yet).
    let owner = app.get(&path, Some(&ssd)).await;
    assert_eq!(owner.body["pending"]["translations"][0]["language"], "sv");
    assert_eq!(owner.body["pending"]["translations"][0]["submitted_by"], "lars");
    assert_eq!(owner.body["pending"]["translations"][0]["replaces_live"], false);
    let review = app.get(&format!("{path}/pending"), Some(&ssd)).await;
    let changes = &review.body["translations"][0]["changes"];
    let fields: Vec<&str> = changes.as_array().expect("changes").iter().filter_map(|c| c["field"].as_str()).collect();
    assert_eq!(fields, ["summary", "title"], "only the fields it fills: {}", review.text);
    assert!(
        changes.as_array().expect("changes").iter().any(|c| c["field"] == "title"
            && c["live"].is_null()
            && c["pending"] == "Mikrolån med stöd för kvarnströmmande"),
        "{}",
        review.text
    );

    // Neither the translator nor another partner decides; the owner partner's editor does.
    let decision = |d: &str| format!("{path}/translations/{d}/decision");
    let approve = json!({ "decision": "approve" });
    app.post(&decision("sv"), Some(&orebro), &approve).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    app.post(&decision("sv"), Some(&bologna), &approve).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let odd = app.post(&decision("sv"), Some(&ssd), &json!({ "decision": "maybe" })).await;
    assert_eq!(odd.field_errors(), [("decision".to_owned(), "unknown_decision".to_owned())]);
    app.post(&decision("it"), Some(&ssd), &approve).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    let approved = app.post(&decision("sv"), Some(&ssd), &approve).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.text);
    let sv = app.get(&format!("{path}?lang=sv"), None).await;
    assert_eq!((sv.body["language"].as_str(), sv.body["fallback"].as_bool()), (Some("sv"), Some(false)));
    assert_eq!(sv.body["title"], "Mikrolån med stöd för kvarnströmmande");
    let search = app.get("/api/v1/search?q=kvarnströmmande", None).await;
    assert_eq!(search.body["items"].as_array().map(Vec::len), Some(1));

    // A new Swedish proposal leaves the reviewed Swedish text live until decided.
    let replacement = json!({ "text": { "title": "Omskriven titel", "summary": "Ett mikrolån." } });
    let proposed = app.send_json(Method::PUT, &format!("{path}/translations/sv"), Some(&orebro), &replacement).await;
    assert_eq!(proposed.status, StatusCode::ACCEPTED);
    assert_eq!(app.get(&format!("{path}?lang=sv"), None).await.body["title"], "Mikrolån med stöd för kvarnströmmande");
    let review = app.get(&format!("{path}/pending"), Some(&coordinator)).await;
    let title = review.body["translations"][0]["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|c| c["field"] == "title")
        .cloned()
        .expect("the title differs");
    assert_eq!(title["live"], "Mikrolån med stöd för kvarnströmmande");
    assert_eq!(title["pending"], "Omskriven titel");

    // Refusing needs a reason; the proposal is gone and the live text stays.
    let refuse = app.post(&decision("sv"), Some(&coordinator), &json!({ "decision": "refuse" })).await;
    assert_eq!(refuse.field_errors(), [("comment".to_owned(), "required".to_owned())]);
    let refused = app
        .post(&decision("sv"), Some(&coordinator), &json!({ "decision": "refuse", "comment": "Gardez le titre." }))
        .await;
    assert_eq!(refused.status, StatusCode::OK, "{}", refused.text);
    assert!(refused.body.get("pending").is_none(), "{}", refused.text);
    assert_eq!(app.get(&format!("{path}?lang=sv"), None).await.body["title"], "Mikrolån med stöd för kvarnströmmande");

    // The owner partner's own translation of its published document is live at once.
    let english = json!({ "text": { "title": "Supported microcredit", "summary": "A microcredit." } });
    let put = app.send_json(Method::PUT, &format!("{path}/translations/en"), Some(&ssd), &english).await;
    assert_eq!(put.status, StatusCode::CREATED, "{}", put.text);
    assert_eq!(app.get(&format!("{path}?lang=en"), None).await.body["title"], "Supported microcredit");

    // The public history: the publication and the two published translations, by partner.
    let public = app.get(&format!("{path}/revisions"), None).await;
    assert_eq!(actions(&public), ["published", "published", "published"]);
    let languages: Vec<Value> =
        public.body["items"].as_array().expect("items").iter().map(|r| r["language"].clone()).collect();
    assert_eq!(languages, [json!("en"), json!("sv"), Value::Null]);
    assert_eq!(public.body["items"][1]["partner"]["partner"], "seine-saint-denis");
    assert!(!public.text.contains("Gardez") && !public.text.contains("Omskriven") && !public.text.contains("lars"));
    let full = app.get(&format!("{path}/revisions"), Some(&ssd)).await;
    assert!(actions(&full).iter().any(|a| a == "translation_refused"));
    assert!(full.text.contains("Gardez le titre."));
}

async fn cached_answers_never_cross_what_readers_may_see(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let etag = etag_of(&app, &path, &ssd).await;
    let edit = json!({ "text": { "summary": "Texte en attente." } });
    assert_eq!(send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &edit).await.status, StatusCode::OK);
    // The owner partner reads first in every language (kept), then the public: no pending.
    for lang in ["fr", "en", "sv"] {
        let owner = app.get(&format!("{path}?lang={lang}"), Some(&ssd)).await;
        assert!(owner.body.get("pending").is_some());
        let public = app.get(&format!("{path}?lang={lang}"), None).await;
        assert!(public.body.get("pending").is_none(), "{}", public.text);
        // And the other way round: read again, now both are kept.
        assert!(app.get(&format!("{path}?lang={lang}"), Some(&ssd)).await.body.get("pending").is_some());
        assert!(app.get(&format!("{path}?lang={lang}"), None).await.body.get("pending").is_none());
    }
    // A decision changes what the owner partner is shown at once.
    let discarded = app.request(Method::DELETE, &format!("{path}/pending"), Some(&ssd)).send().await.expect("send");
    assert_eq!(discarded.status(), StatusCode::OK);
    assert!(app.get(&format!("{path}?lang=fr"), Some(&ssd)).await.body.get("pending").is_none());
}

// ---------------------------------------------------------------- pages

/// Signs a page session in with the password the test accounts have.
async fn sign_in(app: &TestApp, client: &reqwest::Client, lang: &str, email: &str) {
    let response = crate::web::sign_in(app, client, lang, email, crate::support::USER_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

async fn reviewers_see_pending_against_live_on_the_page(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let id = path.rsplit('/').next().expect("id").to_owned();
    let etag = etag_of(&app, &path, &ssd).await;
    let edit = json!({ "text": { "summary": "Résumé révisé en attente." } });
    assert_eq!(send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &edit).await.status, StatusCode::OK);
    let swedish = json!({ "text": { "title": "Svensk titel i väntan", "summary": "Sammanfattning." } });
    let proposed = app.send_json(Method::PUT, &format!("{path}/translations/sv"), Some(&orebro), &swedish).await;
    assert_eq!(proposed.status, StatusCode::ACCEPTED);

    // A visitor sees the live text, no panel.
    let visitor = browser();
    let (_, public) = page(&visitor, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(!public.contains("data-pending") && !public.contains("Résumé révisé"));
    let (_, public_sv) = page(&visitor, &app.url(&format!("/sv/practices/{id}"))).await;
    assert!(!public_sv.contains("Svensk titel i väntan"));

    // The owner partner's editor sees both, side by side, in French.
    let claire = browser();
    sign_in(&app, &claire, "fr", "claire@example.fr").await;
    let (_, shown) = page(&claire, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(shown.contains("En attente de relecture"), "{shown}");
    assert!(shown.contains("data-pending-draft"));
    assert!(shown.contains("Publié actuellement") && shown.contains("Proposé"));
    assert!(shown.contains("Résumé révisé en attente."));
    assert!(shown.contains("Un **microcrédit** accompagné"), "the live Markdown beside the pending one");
    assert!(shown.contains("Traduction en suédois"), "{shown}");
    assert!(shown.contains("Svensk titel i väntan"));
    assert!(shown.contains("Soumettre la nouvelle version à relecture"));
    assert!(shown.contains("Abandonner la nouvelle version"));
    // The edit form continues the pending draft.
    let (_, form) = page(&claire, &app.url(&format!("/fr/practices/{id}/edit"))).await;
    assert!(form.contains("Résumé révisé en attente."), "{form}");

    // Approving from the page publishes the translation.
    let csrf = csrf_of(&shown);
    let approved = claire
        .post(app.url(&format!("/fr/practices/{id}/translations/sv/decision")))
        .form(&[("csrf", csrf.as_str()), ("decision", "approve")])
        .send()
        .await
        .expect("send");
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    let (_, after) = page(&claire, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(after.contains("La traduction est approuvée et publiée."), "{after}");
    assert!(!after.contains("data-pending-translation"));
    let (_, public_sv) = page(&visitor, &app.url(&format!("/sv/practices/{id}"))).await;
    assert!(public_sv.contains("Svensk titel i väntan"));

    // Discarding from the page drops the draft; the live text stays.
    let csrf = csrf_of(&after);
    let version = after
        .split("pending/discard\">")
        .nth(1)
        .and_then(|f| f.split("name=\"version\" value=\"").nth(1))
        .and_then(|r| r.split('"').next())
        .expect("the discard form's version")
        .to_owned();
    let discarded = claire
        .post(app.url(&format!("/fr/practices/{id}/pending/discard")))
        .form(&[("csrf", csrf.as_str()), ("version", version.as_str())])
        .send()
        .await
        .expect("send");
    assert_eq!(discarded.status(), StatusCode::SEE_OTHER);
    let (_, last) = page(&claire, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(!last.contains("data-pending"), "{last}");
    assert!(last.contains("La nouvelle version a été abandonnée"));
}

// ---------------------------------------------------------------- attachments and archiving

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn upload_pdf(app: &TestApp, token: &str, path: &str, name: &str) -> Reply {
    let sent = app
        .request(Method::POST, &format!("{path}/attachments"), Some(token))
        .query(&[("filename", name)])
        .header("content-type", "application/octet-stream")
        .body(PDF.to_vec())
        .send()
        .await
        .expect("send");
    Reply::from(sent).await
}

/// The names of the attachments `token` is shown, each with its pending mark.
async fn listed(app: &TestApp, path: &str, token: Option<&str>) -> Vec<(String, Value)> {
    let list = app.get(&format!("{path}/attachments"), token).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text);
    list.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| (i["filename"].as_str().expect("filename").to_owned(), i["pending"].clone()))
        .collect()
}

fn names(of: &Value) -> Vec<String> {
    of.as_array().expect("a list").iter().map(|a| a["filename"].as_str().expect("filename").to_owned()).collect()
}

async fn attachment_changes_on_a_published_document_wait_for_review(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let id = path.rsplit('/').next().expect("id").to_owned();
    // The public reads (and keeps) the document and its files first.
    assert!(app.get(&path, None).await.body.get("pending").is_none());
    assert_eq!(listed(&app, &path, None).await, []);

    // An upload with no draft yet starts one: pending, seen only by who follows the work.
    let added = upload_pdf(&app, &ssd, &path, "bilan-confidentiel.pdf").await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);
    assert_eq!(added.body["pending"], "added");
    let href = added.body["href"].as_str().expect("href").to_owned();
    for token in [None, Some(bologna.as_str())] {
        assert_eq!(listed(&app, &path, token).await, [], "the public never lists an unreviewed file");
        app.get(&href, token).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
        let seen = app.get(&path, token).await;
        assert!(seen.body.get("pending").is_none() && !seen.text.contains("bilan-confidentiel"), "{}", seen.text);
    }
    for token in [&ssd, &coordinator] {
        assert_eq!(listed(&app, &path, Some(token)).await, [("bilan-confidentiel.pdf".to_owned(), json!("added"))]);
        let file = app.request(Method::GET, &href, Some(token)).send().await.expect("send");
        assert_eq!(file.status(), StatusCode::OK);
    }
    // Nor is it news for the partnership's digests before review.
    let recorded =
        app.state.db.read(|c| mfx_store::activity::since(c, chrono::DateTime::UNIX_EPOCH, 1000)).expect("activity");
    let verbs: Vec<&str> = recorded.iter().map(|a| a.verb.as_str()).collect();
    assert!(verbs.contains(&"attachment_proposed") && !verbs.contains(&"attachment_added"), "{verbs:?}");
    let owner_view = app.get(&path, Some(&ssd)).await;
    assert_eq!(owner_view.body["pending"]["draft"]["status"], "draft", "{}", owner_view.text);
    assert_eq!(names(&owner_view.body["pending"]["draft"]["attachments"]["added"]), ["bilan-confidentiel.pdf"]);
    let review = app.get(&format!("{path}/pending"), Some(&coordinator)).await;
    assert_eq!(names(&review.body["draft"]["attachments"]["added"]), ["bilan-confidentiel.pdf"], "{}", review.text);
    assert_eq!(review.body["draft"]["attachments"]["removed"], json!([]));
    // The public page does not show it; the owner partner's page marks it as pending.
    let visitor = browser();
    let (_, public) = page(&visitor, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(!public.contains("bilan-confidentiel"), "{public}");
    let attachment = href.rsplit('/').next().expect("attachment id");
    let (status, _) = page(&visitor, &app.url(&format!("/fr/practices/{id}/attachments/{attachment}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let claire = browser();
    sign_in(&app, &claire, "fr", "claire@example.fr").await;
    let (_, shown) = page(&claire, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(shown.contains("bilan-confidentiel.pdf"), "{shown}");
    assert!(shown.contains("data-pending-attachment=\"added\""), "{shown}");
    assert!(shown.contains("Ajout en attente de relecture"), "{shown}");
    assert!(shown.contains("data-pending-files=\"added\""), "the review panel lists the file: {shown}");
    assert!(shown.contains("Fichiers ajoutés à la publication : bilan-confidentiel.pdf"), "{shown}");

    // Publication makes it live.
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    let done = move_to(&app, &coordinator, &path, "published", None).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    assert_eq!(listed(&app, &path, None).await, [("bilan-confidentiel.pdf".to_owned(), Value::Null)]);
    assert_eq!(app.request(Method::GET, &href, None).send().await.expect("send").status(), StatusCode::OK);

    // A removal waits too: the public keeps the file until publication.
    let gone = app.request(Method::DELETE, &href, Some(&ssd)).send().await.expect("send");
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
    assert_eq!(listed(&app, &path, None).await, [("bilan-confidentiel.pdf".to_owned(), Value::Null)]);
    assert_eq!(app.request(Method::GET, &href, None).send().await.expect("send").status(), StatusCode::OK);
    assert_eq!(listed(&app, &path, Some(&ssd)).await, [("bilan-confidentiel.pdf".to_owned(), json!("removed"))]);
    let review = app.get(&format!("{path}/pending"), Some(&ssd)).await;
    assert_eq!(names(&review.body["draft"]["attachments"]["removed"]), ["bilan-confidentiel.pdf"], "{}", review.text);
    let (_, public) = page(&visitor, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(public.contains("bilan-confidentiel.pdf") && !public.contains("data-pending"), "{public}");
    let (_, shown) = page(&claire, &app.url(&format!("/fr/practices/{id}"))).await;
    assert!(shown.contains("data-pending-attachment=\"removed\""), "{shown}");
    assert!(shown.contains("Fichiers retirés à la publication : bilan-confidentiel.pdf"), "{shown}");

    // Discarding the draft cancels the removal and drops an upload made meanwhile.
    let second = upload_pdf(&app, &ssd, &path, "annexe.pdf").await;
    assert_eq!(second.body["pending"], "added");
    let second_href = second.body["href"].as_str().expect("href").to_owned();
    let discarded = app.request(Method::DELETE, &format!("{path}/pending"), Some(&ssd)).send().await.expect("send");
    assert_eq!(discarded.status(), StatusCode::OK);
    assert_eq!(listed(&app, &path, Some(&ssd)).await, [("bilan-confidentiel.pdf".to_owned(), Value::Null)]);
    app.get(&second_href, Some(&ssd)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");

    // Removed again and published: gone for everyone.
    assert_eq!(
        app.request(Method::DELETE, &href, Some(&ssd)).send().await.expect("send").status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    assert_eq!(move_to(&app, &coordinator, &path, "published", None).await.status, StatusCode::OK);
    assert_eq!(listed(&app, &path, None).await, []);
    assert_eq!(listed(&app, &path, Some(&ssd)).await, []);
    app.get(&href, Some(&ssd)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
}

async fn archiving_discards_what_waits_for_review(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let path = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let live_summary = french_practice()["text"]["summary"].as_str().expect("summary").to_owned();
    // Two files made live through review.
    assert_eq!(upload_pdf(&app, &ssd, &path, "brouillon.pdf").await.body["pending"], "added");
    let kept = upload_pdf(&app, &ssd, &path, "gardé.pdf").await;
    let live_file = kept.body["href"].as_str().expect("href").to_owned();
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    assert_eq!(move_to(&app, &coordinator, &path, "published", None).await.status, StatusCode::OK);
    // Then pending work of every sort: an edit, a translation, a removal and an upload.
    let etag = etag_of(&app, &path, &ssd).await;
    let edit = json!({ "text": { "summary": "Chiffres non relus à ne jamais publier." } });
    assert_eq!(send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &edit).await.status, StatusCode::OK);
    let swedish = json!({ "text": { "title": "Osgranskad svensk titel", "summary": "Sammanfattning." } });
    let proposed = app.send_json(Method::PUT, &format!("{path}/translations/sv"), Some(&orebro), &swedish).await;
    assert_eq!(proposed.status, StatusCode::ACCEPTED);
    let removal = app.request(Method::DELETE, &live_file, Some(&ssd)).send().await.expect("send");
    assert_eq!(removal.status(), StatusCode::NO_CONTENT);
    assert_eq!(upload_pdf(&app, &ssd, &path, "non-relu.pdf").await.body["pending"], "added");

    // Archiving drops all of it, and says so in the history.
    let archived = move_to(&app, &coordinator, &path, "archived", None).await;
    assert_eq!(archived.status, StatusCode::OK, "{}", archived.text);
    assert!(archived.body.get("pending").is_none(), "{}", archived.text);
    let history = app.get(&format!("{path}/revisions"), Some(&ssd)).await;
    assert_eq!(actions(&history)[..2], ["status_changed", "pending_discarded"], "{}", history.text);

    // Republishing brings back the reviewed version only.
    let republished = move_to(&app, &coordinator, &path, "published", None).await;
    assert_eq!(republished.status, StatusCode::OK, "{}", republished.text);
    let public = app.get(&path, None).await;
    assert_eq!(public.body["text"]["summary"], live_summary.as_str());
    assert!(!public.text.contains("Chiffres non relus"));
    assert!(app.get(&format!("{path}?lang=sv"), None).await.body["title"] != "Osgranskad svensk titel");
    let review = app.get(&format!("{path}/pending"), Some(&ssd)).await;
    assert_eq!(review.body["draft"], Value::Null, "{}", review.text);
    assert_eq!(review.body["translations"], json!([]));
    let files: Vec<String> = listed(&app, &path, Some(&ssd)).await.into_iter().map(|(name, _)| name).collect();
    assert_eq!(files, ["brouillon.pdf", "gardé.pdf"], "the live files, none pending");
    assert_eq!(listed(&app, &path, None).await.len(), 2);
}

on_both_databases!(
    anonymous_history_shows_published_versions_only,
    editing_a_published_document_keeps_the_live_version_until_review,
    a_foreign_translation_waits_for_the_owner_partner,
    cached_answers_never_cross_what_readers_may_see,
    reviewers_see_pending_against_live_on_the_page,
    attachment_changes_on_a_published_document_wait_for_review,
    archiving_discards_what_waits_for_review,
);
