//! The knowledge base: documents in their partners' languages, translations and their
//! freshness, rights, optimistic concurrency, workflow, revisions and sanitised Markdown.

use crate::on_both_databases;
use crate::support::{Reply, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

pub fn french_practice() -> Value {
    json!({
        "visibility": "public",
        "themes": ["microcredit", "social_inclusion"],
        "target_groups": ["minimum_income_recipients"],
        "instruments": ["microcredit", "business_mentoring"],
        "location": {"country": "FR", "region": "Île-de-France", "city": "Saint-Denis"},
        "start_year": 2019,
        "evidence": {"instrument_type": "microcredit", "loan_size_min_eur": 500, "loan_size_max_eur": 12000, "beneficiaries_reached": 340, "repayment_rate_percent": 94.5},
        "contact": {"name": "Camille Martin", "organisation": "CD93", "email": "camille.martin@example.fr"},
        "links": ["https://example.org/microcredit-93"],
        "text": {
            "title": "Microcrédit accompagné pour les allocataires du RSA",
            "summary": "Un **microcrédit** accompagné aide les allocataires du RSA à créer leur activité.",
            "description": "Le département finance un accompagnement de douze mois et garantit les prêts.",
            "evidence_of_success": "340 entreprises créées, 94,5 % de remboursement."
        }
    })
}

pub async fn create(app: &TestApp, token: &str, collection: &str, body: &Value) -> Reply {
    app.post(&format!("/api/v1/{collection}"), Some(token), body).await
}

pub async fn send_with_etag(app: &TestApp, method: Method, path: &str, token: &str, etag: &str, body: &Value) -> Reply {
    Reply::from(app.request(method, path, Some(token)).header("if-match", etag).json(body).send().await.expect("send"))
        .await
}

/// Moves a document to `to` as the given account.
pub async fn move_to(app: &TestApp, token: &str, path: &str, to: &str, comment: Option<&str>) -> Reply {
    app.post(&format!("{path}/transitions"), Some(token), &json!({ "to": to, "comment": comment })).await
}

/// Creates a document as `editor` and publishes it as `coordinator`; returns its path.
pub async fn published(app: &TestApp, editor: &str, coordinator: &str, collection: &str, body: &Value) -> String {
    let created = create(app, editor, collection, body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    assert_eq!(move_to(app, editor, &path, "in_review", None).await.status, StatusCode::OK);
    let done = move_to(app, coordinator, &path, "published", None).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    path
}

async fn translations_follow_the_fallback_chain_and_age(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;

    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;

    let created = create(&app, &ssd, "practices", &french_practice()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["original_language"], "fr", "defaults to the partner's language");
    assert_eq!(created.body["status"], "draft");
    let path = created.header("location").expect("location").to_owned();
    // Other partners see it once the lead partner has published it.
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    let done = move_to(&app, &coordinator, &path, "published", None).await;
    let etag = done.header("etag").expect("etag").to_owned();

    // Örebro translates into Swedish; Bologna may translate too, but not edit.
    let swedish = json!({ "text": {
        "title": "Mikrolån med stöd för mottagare av försörjningsstöd",
        "summary": "Ett **mikrolån** med stöd hjälper mottagare att starta eget.",
        "description": "Departementet finansierar tolv månaders stöd och garanterar lånen."
    }});
    // Translations by other partners of a published document wait for the owner partner.
    let put = app.send_json(Method::PUT, &format!("{path}/translations/sv"), Some(&orebro), &swedish).await;
    assert_eq!(put.status, StatusCode::ACCEPTED, "{}", put.text);
    assert_eq!(put.body["language"], "sv");
    assert_eq!(put.body["origin"], "human");
    let approve = json!({ "decision": "approve" });
    let approved = app.post(&format!("{path}/translations/sv/decision"), Some(&ssd), &approve).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.text);

    let edit =
        send_with_etag(&app, Method::PATCH, &path, &bologna, &etag, &json!({ "text": { "title": "Hijacked" } })).await;
    edit.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let italian =
        json!({ "origin": "machine", "text": { "title": "Microcredito accompagnato per i beneficiari del RSA" } });
    let put = app.send_json(Method::PUT, &format!("{path}/translations/it"), Some(&bologna), &italian).await;
    assert_eq!(put.status, StatusCode::ACCEPTED, "{}", put.text);
    let approved = app.post(&format!("{path}/translations/it/decision"), Some(&coordinator), &approve).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.text);
    // The original language is edited through the document, not as a translation.
    let own = app.send_json(Method::PUT, &format!("{path}/translations/fr"), Some(&bologna), &italian).await;
    own.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");

    let sv = app.get(&format!("{path}?lang=sv"), Some(&orebro)).await;
    assert_eq!((sv.body["language"].as_str(), sv.body["fallback"].as_bool()), (Some("sv"), Some(false)));
    assert_eq!(sv.body["freshness"], "current");
    assert_eq!(sv.header("content-language"), Some("sv"));
    assert!(sv.body["html"]["summary"].as_str().is_some_and(|h| h.contains("<strong>mikrolån</strong>")));

    // Romanian: no Romanian, no English: the French original, and it says so.
    let ro = app.get(&format!("{path}?lang=ro"), Some(&orebro)).await;
    assert_eq!(ro.body["requested_language"], "ro");
    assert_eq!(ro.body["language"], "fr");
    assert_eq!(ro.body["fallback"], true);
    assert_eq!(ro.body["freshness"], "original");
    let languages: Vec<(&str, &str)> = ro.body["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .map(|l| (l["language"].as_str().unwrap_or(""), l["freshness"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(languages, [("fr", "original"), ("it", "current"), ("sv", "current")]);

    // With an English translation, Romanian readers get English.
    let english = json!({ "text": { "title": "Supported microcredit for minimum-income recipients", "summary": "A supported **microcredit**." } });
    assert_eq!(
        app.send_json(Method::PUT, &format!("{path}/translations/en"), Some(&orebro), &english).await.status,
        StatusCode::ACCEPTED
    );
    assert_eq!(
        app.post(&format!("{path}/translations/en/decision"), Some(&ssd), &approve).await.status,
        StatusCode::OK
    );
    let ro = app.get(&format!("{path}?lang=ro"), Some(&orebro)).await;
    assert_eq!((ro.body["language"].as_str(), ro.body["fallback"].as_bool()), (Some("en"), Some(true)));

    // The author changes the French original; once the change is reviewed and published, the
    // Swedish translation is outdated. (Until then the published text and its translations
    // stay as they are.)
    let etag = app.get(&path, Some(&ssd)).await.header("etag").expect("etag").to_owned();
    let changed = send_with_etag(
        &app,
        Method::PATCH,
        &path,
        &ssd,
        &etag,
        &json!({ "text": { "summary": "Un microcrédit accompagné, désormais ouvert aux jeunes." } }),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(changed.body["content_version"], 1);
    assert_eq!(app.get(&format!("{path}?lang=sv"), Some(&orebro)).await.body["freshness"], "current");
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    let changed = move_to(&app, &coordinator, &path, "published", None).await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(changed.body["content_version"], 2);
    let sv = app.get(&format!("{path}?lang=sv"), Some(&orebro)).await;
    assert_eq!(sv.body["freshness"], "outdated");
    let list = app.get(&format!("{path}/translations"), Some(&orebro)).await;
    let states: Vec<(&str, &str)> = list.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| (t["language"].as_str().unwrap_or(""), t["freshness"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(states, [("fr", "original"), ("en", "outdated"), ("it", "outdated"), ("sv", "outdated")]);

    // A metadata-only change does not age translations.
    let etag = changed.header("etag").expect("etag").to_owned();
    let themes = send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &json!({ "themes": ["microcredit"] })).await;
    assert_eq!(themes.status, StatusCode::OK, "{}", themes.text);
    move_to(&app, &ssd, &path, "in_review", None).await;
    let themes = move_to(&app, &coordinator, &path, "published", None).await;
    assert_eq!(themes.body["themes"], json!(["microcredit"]));
    assert_eq!(themes.body["content_version"], 2);
    // Updating the Swedish translation makes it current again, once approved.
    let put = app.send_json(Method::PUT, &format!("{path}/translations/sv"), Some(&orebro), &swedish).await;
    assert_eq!(put.status, StatusCode::ACCEPTED);
    assert_eq!(app.get(&format!("{path}?lang=sv"), Some(&orebro)).await.body["freshness"], "outdated");
    app.post(&format!("{path}/translations/sv/decision"), Some(&ssd), &approve).await;
    assert_eq!(app.get(&format!("{path}?lang=sv"), Some(&orebro)).await.body["freshness"], "current");
}

async fn a_stale_etag_changes_nothing(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let created = create(&app, &ssd, "practices", &french_practice()).await;
    let path = created.header("location").expect("location").to_owned();
    let etag = created.header("etag").expect("etag").to_owned();

    let first = json!({ "text": { "summary": "Version A" } });
    let second = json!({ "text": { "summary": "Version B" } });
    let (a, b) = tokio::join!(
        send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &first),
        send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &second),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::PRECONDITION_FAILED], "{} / {}", a.text, b.text);
    let loser = if a.status == StatusCode::OK { &b } else { &a };
    loser.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    let winner_summary = if a.status == StatusCode::OK { "Version A" } else { "Version B" };
    let now = app.get(&path, Some(&ssd)).await;
    assert_eq!(now.body["text"]["summary"], winner_summary);
    assert_eq!(now.body["version"], 2);
    // The history holds the creation and the one edit.
    let history = app.get(&format!("{path}/revisions"), Some(&ssd)).await;
    let actions: Vec<&str> =
        history.body["items"].as_array().expect("items").iter().filter_map(|r| r["action"].as_str()).collect();
    assert_eq!(actions, ["edited", "created"]);
    assert_eq!(history.body["items"][0]["changes"]["text.summary"]["to"], winner_summary);
    assert_eq!(history.body["items"][0]["actor"]["display_name"], "claire");

    // Without If-Match: 428; with garbage: 400.
    let missing = app.patch(&path, Some(&ssd), &first).await;
    missing.assert_problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required");
}

async fn rights_follow_the_policy(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let viewer = app.user_token("vera@example.fr", "seine-saint-denis", "viewer").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;

    // An editor creates for their own partner only; a viewer creates nothing.
    let mut for_bologna = french_practice();
    for_bologna["partner"] = json!("bologna");
    create(&app, &ssd, "practices", &for_bologna).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    create(&app, &viewer, "practices", &french_practice()).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    create(&app, &app.admin_token().await, "practices", &for_bologna).await;
    let created = create(&app, &ssd, "practices", &french_practice()).await;
    let path = created.header("location").expect("location").to_owned();

    // A draft is invisible outside its partner (404, not 403: its existence is not revealed).
    app.get(&path, None).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    app.get(&path, Some(&bologna)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.get(&path, Some(&viewer)).await.status, StatusCode::OK);
    assert_eq!(app.get(&path, Some(&coordinator)).await.status, StatusCode::OK);

    // Workflow: the author submits; only the lead partner publishes or returns it.
    assert_eq!(move_to(&app, &ssd, &path, "in_review", None).await.status, StatusCode::OK);
    move_to(&app, &ssd, &path, "published", None).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let back = move_to(&app, &coordinator, &path, "draft", None).await;
    back.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(back.field_errors(), [("comment".to_owned(), "required".to_owned())]);
    let back =
        move_to(&app, &coordinator, &path, "draft", Some("Ajoutez les chiffres de 2024, s'il vous plaît.")).await;
    assert_eq!(back.body["status"], "draft");
    // A draft cannot be archived: its status does not allow the move.
    move_to(&app, &ssd, &path, "archived", None).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");
    move_to(&app, &ssd, &path, "in_review", None).await;
    let published = move_to(&app, &coordinator, &path, "published", None).await;
    assert_eq!(published.body["status"], "published");
    assert!(published.body["published_at"].is_string());

    // Published and public: everyone reads it, anonymous visitors included.
    assert_eq!(app.get(&path, None).await.status, StatusCode::OK);
    assert_eq!(app.get(&path, Some(&bologna)).await.status, StatusCode::OK);
    let history = app.get(&format!("{path}/revisions"), Some(&ssd)).await;
    let comments: Vec<&str> =
        history.body["items"].as_array().expect("items").iter().filter_map(|r| r["comment"].as_str()).collect();
    assert_eq!(comments, ["Ajoutez les chiffres de 2024, s'il vous plaît."]);

    // Partnership visibility hides it from anonymous visitors only, once the change is
    // reviewed and published like any change to a published document.
    let etag = app.get(&path, Some(&ssd)).await.header("etag").expect("etag").to_owned();
    let private =
        send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &json!({ "visibility": "partnership" })).await;
    assert_eq!(private.status, StatusCode::OK);
    assert_eq!(app.get(&path, None).await.status, StatusCode::OK);
    move_to(&app, &ssd, &path, "in_review", None).await;
    assert_eq!(move_to(&app, &coordinator, &path, "published", None).await.status, StatusCode::OK);
    app.get(&path, None).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.get(&path, Some(&bologna)).await.status, StatusCode::OK);

    // Archived: readable by members, not editable by its editor, restorable by the lead.
    assert_eq!(move_to(&app, &coordinator, &path, "archived", None).await.status, StatusCode::OK);
    let etag = app.get(&path, Some(&ssd)).await.header("etag").expect("etag").to_owned();
    let edit = send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &json!({ "themes": [] })).await;
    edit.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(move_to(&app, &coordinator, &path, "published", None).await.status, StatusCode::OK);
}

async fn script_injection_comes_back_sanitised(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<p onmouseover=\"alert(1)\">hover</p>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<style>body{display:none}</style>",
    ];
    let fields = [
        "summary",
        "problem",
        "description",
        "resources",
        "timescale",
        "evidence_of_success",
        "difficulties",
        "transfer_potential",
        "stakeholders",
    ];
    for payload in payloads {
        let mut body = french_practice();
        body["text"] = json!({ "title": format!("Titre {payload}") });
        for field in fields {
            body["text"][field] = json!(format!("Texte **gras** {payload} fin"));
        }
        let created = create(&app, &ssd, "practices", &body).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        for field in fields {
            let html = created.body["html"][field].as_str().expect("html").to_lowercase();
            for forbidden in
                ["<script", "javascript:", "onerror", "onload", "onmouseover", "<iframe", "<svg", "data:text", "<style"]
            {
                assert!(!html.contains(forbidden), "{field} kept {forbidden} from {payload}: {html}");
            }
            assert!(html.contains("<strong>gras</strong>"), "formatting survives: {html}");
            // The raw Markdown is kept as written.
            assert_eq!(created.body["text"][field], format!("Texte **gras** {payload} fin"));
        }
        // Titles are plain text in JSON, never HTML.
        assert_eq!(created.header("content-type"), Some("application/json"));
    }
    // Links must be http(s).
    let mut body = french_practice();
    body["links"] = json!(["javascript:alert(1)", "https://example.org/ok"]);
    let refused = create(&app, &ssd, "practices", &body).await;
    assert_eq!(refused.field_errors(), [("links[0]".to_owned(), "invalid_url".to_owned())]);
}

async fn invalid_documents_list_every_field_and_write_nothing(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let body = json!({
        "language": "de", "visibility": "secret", "themes": ["astrology"],
        "evidence": {"repayment_rate_percent": 140.0},
        "text": {"title": ""}
    });
    let reply = create(&app, &ssd, "practices", &body).await;
    reply.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut fields: Vec<String> = reply.field_errors().into_iter().map(|(f, _)| f).collect();
    fields.sort();
    assert_eq!(fields, ["evidence.repayment_rate_percent", "language", "text.title", "themes[0]", "visibility"]);
    let unknown = create(&app, &ssd, "practices", &json!({ "text": {"title": "x"}, "colour": "red" })).await;
    assert_eq!(unknown.field_errors(), [("colour".to_owned(), "unknown_field".to_owned())]);
    let list = app.get("/api/v1/practices", Some(&ssd)).await;
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(0));
}

async fn meeting_notes_keep_action_items_as_records(app: TestApp) {
    let slovenia = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let body = json!({
        "language": "en",
        "visibility": "partnership",
        "meeting_type": "interregional_event",
        "starts_at": "2025-05-20T09:00:00",
        "ends_at": "2025-05-21T16:00:00",
        "time_zone": "Europe/Ljubljana",
        "place": "Kamnik, Slovenia",
        "attendees": [{"name": "Maja Novak", "partner": "heart-of-slovenia", "organisation": "RCSS"}, {"name": "Luca Bianchi", "partner": "bologna"}],
        "action_items": [
            {"title": "Share the study-visit photos", "assignee": "heart-of-slovenia", "due_on": "2025-06-15"},
            {"title": "Draft the peer-review questions", "assignee": "bologna", "due_on": "2025-07-01", "status": "in_progress"}
        ],
        "text": {"title": "Interregional learning event, Kamnik", "agenda": "1. Welcome\n2. Study visit", "decisions": "Next event in Örebro."}
    });
    let created = create(&app, &slovenia, "meeting-notes", &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let items = created.body["action_items"].as_array().expect("items").clone();
    assert_eq!(items.len(), 2);
    assert_eq!(items[1]["assignee"], "bologna");
    assert_eq!(items[1]["status"], "in_progress");
    assert_eq!(created.body["details"]["time_zone"], "Europe/Ljubljana");
    let path = created.header("location").expect("location").to_owned();
    let etag = created.header("etag").expect("etag").to_owned();

    // Mark the first done (kept by id), drop the second, add a third.
    let first_id = items[0]["id"].clone();
    let patch = json!({ "action_items": [
        {"id": first_id, "title": "Share the study-visit photos", "assignee": "heart-of-slovenia", "status": "done"},
        {"title": "Book rooms in Örebro", "assignee": "orebro", "due_on": "2025-09-01"}
    ]});
    let changed = send_with_etag(&app, Method::PATCH, &path, &slovenia, &etag, &patch).await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    let items = changed.body["action_items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], first_id);
    assert_eq!(items[0]["status"], "done");
    assert_eq!(items[1]["assignee"], "orebro");
    assert_eq!(changed.body["content_version"], 1, "action items are not translated text");

    let bad = send_with_etag(
        &app,
        Method::PATCH,
        &path,
        &slovenia,
        changed.header("etag").expect("etag"),
        &json!({ "action_items": [{"title": "x", "assignee": "atlantis"}] }),
    )
    .await;
    assert_eq!(bad.field_errors(), [("action_items[0].assignee".to_owned(), "unknown_partner".to_owned())]);
    let bad = send_with_etag(
        &app,
        Method::PATCH,
        &path,
        &slovenia,
        changed.header("etag").expect("etag"),
        &json!({ "language": "sl" }),
    )
    .await;
    assert_eq!(bad.field_errors(), [("language".to_owned(), "immutable".to_owned())]);
}

async fn lists_filter_and_page_newest_first(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let mut titles = Vec::new();
    for n in 0..5 {
        let mut body = french_practice();
        body["text"]["title"] = json!(format!("Pratique {n}"));
        if n % 2 == 1 {
            body["themes"] = json!(["green_transition"]);
        }
        let token = if n < 3 { &ssd } else { &orebro };
        published(&app, token, &coordinator, "practices", &body).await;
        titles.push(format!("Pratique {n}"));
        app.state.clock.advance(chrono::Duration::seconds(1));
    }
    let draft = create(&app, &orebro, "practices", &french_practice()).await;
    assert_eq!(draft.status, StatusCode::CREATED);

    let titles_of = |reply: &Reply| -> Vec<String> {
        reply.body["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|d| d["title"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    // Anonymous: the five published, newest first, two per page, with stable cursors.
    let page = app.get("/api/v1/practices?limit=2", None).await;
    assert_eq!(titles_of(&page), ["Pratique 4", "Pratique 3"]);
    let cursor = page.body["next_cursor"].as_str().expect("cursor").to_owned();
    let page = app.get(&format!("/api/v1/practices?limit=2&cursor={cursor}"), None).await;
    assert_eq!(titles_of(&page), ["Pratique 2", "Pratique 1"]);
    let cursor = page.body["next_cursor"].as_str().expect("cursor").to_owned();
    let page = app.get(&format!("/api/v1/practices?limit=2&cursor={cursor}"), None).await;
    assert_eq!(titles_of(&page), ["Pratique 0"]);
    assert!(page.body["next_cursor"].is_null());

    let green = app.get("/api/v1/practices?theme=green_transition", None).await;
    assert_eq!(titles_of(&green), ["Pratique 3", "Pratique 1"]);
    let by_partner = app.get("/api/v1/practices?partner=orebro", None).await;
    assert_eq!(titles_of(&by_partner), ["Pratique 4", "Pratique 3"]);
    // Örebro's editor also sees their own draft.
    let mine = app.get("/api/v1/practices?partner=orebro&status=draft", Some(&orebro)).await;
    assert_eq!(mine.body["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        app.get("/api/v1/practices?status=draft", Some(&ssd)).await.body["items"].as_array().map(Vec::len),
        Some(0)
    );
    let all = app.get("/api/v1/documents?kind=practice&limit=100", Some(&coordinator)).await;
    assert_eq!(all.body["items"].as_array().map(Vec::len), Some(6));
    // Titles in the reader's language, with the fallback flagged.
    let swedish = app.get("/api/v1/practices?lang=sv&limit=1&partner=seine-saint-denis", None).await;
    assert_eq!(
        (swedish.body["items"][0]["language"].as_str(), swedish.body["items"][0]["fallback"].as_bool()),
        (Some("fr"), Some(true))
    );
    let since = (app.state.clock.now() - chrono::Duration::milliseconds(2500)).to_rfc3339();
    let recent = app.get(&format!("/api/v1/practices?updated_since={}", since.replace('+', "%2B")), None).await;
    assert_eq!(titles_of(&recent), ["Pratique 4", "Pratique 3"]);

    let bad = app.get("/api/v1/practices?status=lost&theme=astrology&cursor=zzz&limit=0&partner=atlantis", None).await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let bad = app.get("/api/v1/practices?status=lost&theme=astrology&cursor=zzz&partner=atlantis&lang=xx", None).await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
}

on_both_databases!(
    translations_follow_the_fallback_chain_and_age,
    a_stale_etag_changes_nothing,
    rights_follow_the_policy,
    script_injection_comes_back_sanitised,
    invalid_documents_list_every_field_and_write_nothing,
    meeting_notes_keep_action_items_as_records,
    lists_filter_and_page_newest_first,
);
