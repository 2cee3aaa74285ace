//! The work plan in the browser: the lead partner adds work packages, periods and deliverables
//! through the forms (errors beside the fields, a stale edit refused with nothing saved); the
//! responsible partners' editors submit deliverables with evidence from the deliverable's page,
//! the lead partner returns and approves them; the history names who did what. Also the JSON
//! routes changing periods and work packages, and the pages in every language.

use crate::on_both_databases;
use crate::support::{TestApp, USER_PASSWORD};
use crate::web::{LANGUAGES, browser, csrf_of, messages, page, sign_in, speaks};
use chrono::NaiveDate;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Creates an account with a display name; its access token.
async fn account(app: &TestApp, email: &str, name: &str, partner: &str, role: &str) -> String {
    let admin = app.admin_token().await;
    let body =
        json!({ "email": email, "display_name": name, "partner": partner, "role": role, "password": USER_PASSWORD });
    let reply = app.post("/api/v1/users", Some(&admin), &body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "creating {email}: {}", reply.text);
    app.token(email, USER_PASSWORD).await
}

/// A browser signed in as `email`.
async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let client = browser(app);
    let response = sign_in(app, &client, "en", email, USER_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "signing in {email}");
    client
}

/// Posts a form with the session's CSRF token, read from `form_page`.
async fn post_form(
    app: &TestApp,
    client: &reqwest::Client,
    form_page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, Option<String>) {
    let (status, html) = page(client, &app.url(form_page)).await;
    assert_eq!(status, StatusCode::OK, "{form_page}");
    let csrf = csrf_of(&html);
    let mut body: Vec<(&str, &str)> = fields.to_vec();
    body.push(("csrf", &csrf));
    let response = client.post(app.url(action)).form(&body).send().await.expect("send");
    let status = response.status();
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned);
    (status, response.text().await.expect("body"), location)
}

/// The day after the last period ends.
async fn after_the_periods(app: &TestApp, token: &str) -> NaiveDate {
    let periods = app.get("/api/v1/periods", Some(token)).await;
    let last = periods.body.as_array().expect("periods").iter().filter_map(|p| p["ends_on"].as_str()).max();
    last.expect("a period").parse::<NaiveDate>().expect("a date").succ_opt().expect("a next day")
}

async fn the_lead_partner_plans_through_the_forms(app: TestApp) {
    let coordinator = account(&app, "ana@example.ro", "Ana Dumitru", "bucharest-ilfov", "coordinator").await;
    let client = signed_in(&app, "ana@example.ro").await;
    let (status, html) = page(&client, &app.url("/en/work-packages")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Add a work package") && html.contains("Add a period"), "the coordinator sees the forms");

    // A work package: English is required; the values stay beside the error.
    let (status, html, _) = post_form(
        &app,
        &client,
        "/en/work-packages",
        "/en/work-packages",
        &[("code", "WP7"), ("title-en", " "), ("title-fr", "Capitalisation")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"wpnew-title-en-error\""), "the error is beside the English title");
    assert!(html.contains("value=\"WP7\"") && html.contains("value=\"Capitalisation\""), "the values are kept");
    let (status, _, location) = post_form(
        &app,
        &client,
        "/en/work-packages",
        "/en/work-packages",
        &[("code", "WP7"), ("title-en", "Capitalisation"), ("title-fr", "Capitalisation des pratiques")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/en/work-packages"));
    // The same code again is a field error, not a failure.
    let (status, html, _) =
        post_form(&app, &client, "/en/work-packages", "/en/work-packages", &[("code", "WP7"), ("title-en", "Again")])
            .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("id=\"wpnew-code-error\""));
    // Its titles change from the list.
    let (status, _, _) = post_form(
        &app,
        &client,
        "/en/work-packages",
        "/en/work-packages/WP7",
        &[("title-en", "Capitalisation of practices"), ("title-it", "Capitalizzazione")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let packages = app.get("/api/v1/work-packages?lang=it", Some(&coordinator)).await;
    let wp7 = packages.body.as_array().expect("list").iter().find(|w| w["code"] == "WP7").cloned().expect("WP7");
    assert_eq!(wp7["title"], "Capitalizzazione");
    assert_eq!(wp7["titles"], json!({"en": "Capitalisation of practices", "it": "Capitalizzazione"}));

    // A period: it ends after it starts, and overlaps no other.
    let start = after_the_periods(&app, &coordinator).await;
    let (s, e) = (start.to_string(), (start + chrono::Duration::days(180)).to_string());
    let earlier = (start - chrono::Duration::days(10)).to_string();
    let (status, html, _) = post_form(
        &app,
        &client,
        "/en/work-packages",
        "/en/periods",
        &[("code", "X1"), ("phase", "follow_up"), ("starts_on", &e), ("ends_on", &s)],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"pnew-ends_on-error\""), "the end before the start is beside the end");
    let (status, html, _) = post_form(
        &app,
        &client,
        "/en/work-packages",
        "/en/periods",
        &[("code", "X1"), ("phase", "follow_up"), ("starts_on", &earlier), ("ends_on", &e)],
    )
    .await;
    // The dates conflict with a stored period: 409, shown beside the start.
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("id=\"pnew-starts_on-error\""), "an overlap is a field error");
    assert!(html.contains(&format!("value=\"{earlier}\"")), "the typed date is kept");
    let (status, _, _) = post_form(
        &app,
        &client,
        "/en/work-packages",
        "/en/periods",
        &[("code", "X1"), ("phase", "follow_up"), ("starts_on", &s), ("ends_on", &e)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let longer = (start + chrono::Duration::days(200)).to_string();
    let (status, _, _) = post_form(
        &app,
        &client,
        "/en/work-packages",
        "/en/periods/X1",
        &[("code", "X1"), ("phase", "follow_up"), ("starts_on", &s), ("ends_on", &longer)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let periods = app.get("/api/v1/periods", Some(&coordinator)).await;
    let x1 = periods.body.as_array().expect("list").iter().find(|p| p["code"] == "X1").cloned().expect("X1");
    assert_eq!(x1["ends_on"], longer);
    let (_, html) = page(&client, &app.url("/en/work-packages")).await;
    assert!(html.contains("Follow-up phase"), "the phase is shown in words");

    // A deliverable, through its form.
    let (status, html) = page(&client, &app.url("/en/deliverables/new?work_package=WP7")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<option value=\"WP7\" selected>"), "the work package is chosen");
    assert!(html.contains(">CMBO</label>"), "partners are offered by name");
    let (status, html, _) = post_form(
        &app,
        &client,
        "/en/deliverables/new",
        "/en/deliverables/new",
        &[("code", "D7.1"), ("work_package", "WP7"), ("period", "X1"), ("title-en", ""), ("due_on", &e)],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"title-en-error\"") && html.contains("id=\"partners-error\""));
    assert!(html.contains("value=\"D7.1\""), "the code is kept");
    let (status, _, location) = post_form(
        &app,
        &client,
        "/en/deliverables/new",
        "/en/deliverables/new",
        &[
            ("code", "D7.1"),
            ("work_package", "WP7"),
            ("period", "X1"),
            ("title-en", "Capitalisation report"),
            ("title-ro", "Raport de capitalizare"),
            ("description", "What the partners learnt."),
            ("due_on", &e),
            ("partner", "bologna"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = location.expect("the deliverable's page");
    let id = location.rsplit('/').next().expect("an id").to_owned();
    let (status, html) = page(&client, &app.url(&location)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Capitalisation report") && html.contains("CMBO") && html.contains("Planned"));

    // Two edits from the same form: the second is stale, refused with nothing saved.
    let edit = format!("/en/deliverables/{id}/edit");
    let (_, form) = page(&client, &app.url(&edit)).await;
    assert!(form.contains("name=\"version\" value=\"1\""), "the version is in the form");
    let fields = |title: &'static str| {
        vec![
            ("code", "D7.1"),
            ("work_package", "WP7"),
            ("period", "X1"),
            ("title-en", title),
            ("due_on", e.as_str()),
            ("partner", "bologna"),
            ("version", "1"),
        ]
    };
    let (status, _, _) = post_form(&app, &client, &edit, &edit, &fields("First change")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, html, _) = post_form(&app, &client, &edit, &edit, &fields("Second change")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("value=\"Second change\""), "what was typed is kept");
    assert!(html.contains("role=\"alert\""), "the reader is told");
    let stored = app.get(&format!("/api/v1/deliverables/{id}"), Some(&coordinator)).await;
    assert_eq!(stored.body["title"], "First change", "nothing of the stale edit was saved");
    assert_eq!(stored.body["version"], 2);

    // The dashboard links to the deliverable's page.
    let (_, dashboard) = page(&client, &app.url("/en/dashboard")).await;
    assert!(dashboard.contains(&format!("href=\"/en/deliverables/{id}\"")));
    // Members who are not the lead partner see the plan without its forms.
    account(&app, "lars@example.se", "Lars Nilsson", "orebro", "editor").await;
    let editor = signed_in(&app, "lars@example.se").await;
    let (status, html) = page(&editor, &app.url("/en/work-packages")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("WP7") && !html.contains("Add a work package"));
    let (status, _) = page(&editor, &app.url("/en/deliverables/new")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// A deliverable of `partners` in a new work package WP1, through the API; its id.
async fn planned(app: &TestApp, coordinator: &str, partners: &[&str]) -> String {
    let wp = json!({ "code": "WP1", "titles": {"en": "Exchange of experience"} });
    app.post("/api/v1/work-packages", Some(coordinator), &wp).await;
    let due = after_the_periods(app, coordinator).await - chrono::Duration::days(30);
    let body = json!({
        "code": "D1.1", "work_package": "WP1",
        "titles": {"en": "Regional stakeholder report", "it": "Rapporto del gruppo regionale"},
        "description": "Minutes of the regional meetings.", "due_on": due.to_string(), "partners": partners
    });
    let created = app.post("/api/v1/deliverables", Some(coordinator), &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body["id"].as_str().expect("id").to_owned()
}

/// A draft good practice of the account's partner; its id.
async fn draft(app: &TestApp, token: &str) -> String {
    let created = app.post("/api/v1/practices", Some(token), &crate::documents::french_practice()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body["id"].as_str().expect("id").to_owned()
}

async fn status_of(app: &TestApp, token: &str, id: &str) -> Value {
    app.get(&format!("/api/v1/deliverables/{id}"), Some(token)).await.body["status"].clone()
}

async fn responsible_partners_submit_and_the_lead_partner_decides(app: TestApp) {
    let coordinator = account(&app, "ana@example.ro", "Ana Dumitru", "bucharest-ilfov", "coordinator").await;
    let giulia = account(&app, "giulia@example.it", "Giulia Rossi", "bologna", "editor").await;
    let lars = account(&app, "lars@example.se", "Lars Nilsson", "orebro", "editor").await;
    let id = planned(&app, &coordinator, &["bologna"]).await;
    let own = draft(&app, &giulia).await;
    let hidden = draft(&app, &lars).await;
    let path = format!("/en/deliverables/{id}");
    let action = format!("{path}/transition");

    // An editor of a partner that is not responsible sees no workflow form; a forged post is refused.
    let orebro = signed_in(&app, "lars@example.se").await;
    let (status, html) = page(&orebro, &app.url(&path)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("value=\"submitted\"") && !html.contains("value=\"in_progress\""), "no workflow form");
    let (status, _, _) = post_form(&app, &orebro, &path, &action, &[("to", "submitted")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, &coordinator, &id).await, "planned");

    // The responsible editor may start and submit it, choosing among her partner's documents.
    let bologna = signed_in(&app, "giulia@example.it").await;
    let (_, html) = page(&bologna, &app.url(&path)).await;
    assert!(html.contains("value=\"in_progress\"") && html.contains("value=\"submitted\""));
    assert!(!html.contains("value=\"approved\""), "only the buttons she may use");
    assert!(html.contains(&format!("value=\"{own}\"")), "her partner's document is offered");
    assert!(!html.contains(&format!("value=\"{hidden}\"")), "a document she may not see is not");
    // Evidence she may not see is refused, and nothing moves.
    let (status, html, _) =
        post_form(&app, &bologna, &path, &action, &[("to", "submitted"), ("evidence", &hidden)]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"evidence-error\""));
    assert_eq!(status_of(&app, &coordinator, &id).await, "planned");
    let (status, _, location) =
        post_form(&app, &bologna, &path, &action, &[("to", "submitted"), ("evidence", &own)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some(path.as_str()));
    let stored = app.get(&format!("/api/v1/deliverables/{id}"), Some(&coordinator)).await;
    assert_eq!(stored.body["status"], "submitted");
    assert_eq!(stored.body["evidence"], json!([own]), "the evidence came with the move");

    // A return needs a comment: without one it is a field error, the page kept, nothing moved.
    let lead = signed_in(&app, "ana@example.ro").await;
    let (_, html) = page(&lead, &app.url(&path)).await;
    assert!(html.contains("value=\"approved\"") && html.contains("id=\"return-comment\""));
    assert!(html.contains(&format!("/en/practices/{own}")), "the evidence links to the document");
    let (status, html, _) = post_form(&app, &lead, &path, &action, &[("to", "in_progress"), ("comment", "  ")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"return-comment-error\""), "the error is beside the comment");
    assert!(html.contains("Regional stakeholder report"), "the page is kept");
    assert_eq!(status_of(&app, &coordinator, &id).await, "submitted");
    let (status, _, _) =
        post_form(&app, &lead, &path, &action, &[("to", "in_progress"), ("comment", "Add the March meeting.")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = post_form(&app, &bologna, &path, &action, &[("to", "submitted")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = post_form(&app, &lead, &path, &action, &[("to", "approved")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &coordinator, &id).await, "approved");

    // The history names who did what, in words, with the comment.
    let (_, html) = page(&lead, &app.url(&path)).await;
    let history = html.split("id=\"deliverable-history\"").nth(1).expect("the history");
    for expected in
        ["Giulia Rossi", "Ana Dumitru", "Submitted → Approved", "Submitted → In progress", "Add the March meeting."]
    {
        assert!(history.contains(expected), "the history shows {expected}");
    }
    assert!(!history.contains("in_progress"), "statuses are words");
    assert!(!html.contains("value=\"approved\""), "nothing more to do once approved");
    // Read through the API as well, with the step's account.
    let steps = app.get(&format!("/api/v1/deliverables/{id}/history"), Some(&lars)).await;
    assert_eq!(steps.body.as_array().map(Vec::len), Some(5));
}

async fn the_api_changes_periods_and_work_packages(app: TestApp) {
    let coordinator = account(&app, "ana@example.ro", "Ana Dumitru", "bucharest-ilfov", "coordinator").await;
    let editor = account(&app, "lars@example.se", "Lars Nilsson", "orebro", "editor").await;
    let wp = json!({ "code": "WP1", "titles": {"en": "Exchange"} });
    assert_eq!(app.post("/api/v1/work-packages", Some(&coordinator), &wp).await.status, StatusCode::CREATED);

    let path = "/api/v1/work-packages/WP1";
    app.patch(path, Some(&editor), &json!({"titles": {"en": "Mine"}}))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let bad = app.patch(path, Some(&coordinator), &json!({"titles": {"fr": "Échange", "xx": "?"}})).await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut fields: Vec<String> = bad.field_errors().into_iter().map(|(f, _)| f).collect();
    fields.sort();
    assert_eq!(fields, ["titles.en", "titles.xx"]);
    app.patch("/api/v1/work-packages/WP9", Some(&coordinator), &json!({"titles": {"en": "None"}}))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    let changed = app
        .patch(
            path,
            Some(&coordinator),
            &json!({"titles": {"en": "Exchange of experience", "sv": "Erfarenhetsutbyte"}}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(changed.body["titles"]["sv"], "Erfarenhetsutbyte");

    let start = after_the_periods(&app, &coordinator).await;
    let day = |n: i64| (start + chrono::Duration::days(n)).to_string();
    let period = |code: &str, from: i64, to: i64| json!({"code": code, "phase": "follow_up", "starts_on": day(from), "ends_on": day(to)});
    app.post("/api/v1/periods", Some(&editor), &period("X1", 0, 90))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let bad = app
        .post(
            "/api/v1/periods",
            Some(&coordinator),
            &json!({"code": "", "phase": "middle", "starts_on": "someday", "ends_on": day(1)}),
        )
        .await;
    bad.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let mut fields: Vec<String> = bad.field_errors().into_iter().map(|(f, _)| f).collect();
    fields.sort();
    assert_eq!(fields, ["code", "phase", "starts_on"]);
    let backwards = app.post("/api/v1/periods", Some(&coordinator), &period("X1", 90, 0)).await;
    assert_eq!(backwards.field_errors(), [("ends_on".to_owned(), "ends_before_start".to_owned())]);
    let overlapping = app.post("/api/v1/periods", Some(&coordinator), &period("X1", -5, 90)).await;
    overlapping.assert_problem(StatusCode::CONFLICT, "period_overlap");
    assert_eq!(overlapping.field_errors(), [("starts_on".to_owned(), "period_overlap".to_owned())]);
    let created = app.post("/api/v1/periods", Some(&coordinator), &period("X1", 0, 90)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["ends_on"], day(90));
    app.post("/api/v1/periods", Some(&coordinator), &period("X1", 100, 190))
        .await
        .assert_problem(StatusCode::CONFLICT, "code_taken");
    let second = app.post("/api/v1/periods", Some(&coordinator), &period("X2", 100, 190)).await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.text);

    app.patch("/api/v1/periods/X2", Some(&coordinator), &json!({"code": "X1"}))
        .await
        .assert_problem(StatusCode::CONFLICT, "code_taken");
    let into_x1 = app.patch("/api/v1/periods/X2", Some(&coordinator), &json!({"starts_on": day(50)})).await;
    into_x1.assert_problem(StatusCode::CONFLICT, "period_overlap");
    assert_eq!(into_x1.field_errors(), [("starts_on".to_owned(), "period_overlap".to_owned())]);
    let backwards = app.patch("/api/v1/periods/X2", Some(&coordinator), &json!({"ends_on": day(99)})).await;
    assert_eq!(backwards.field_errors(), [("ends_on".to_owned(), "ends_before_start".to_owned())]);
    app.patch("/api/v1/periods/X9", Some(&coordinator), &json!({"code": "X8"}))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found");
    let moved = app.patch("/api/v1/periods/X2", Some(&coordinator), &json!({"code": "X3", "ends_on": day(200)})).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    // Changing a period into its own days is no overlap with itself.
    let same = app.patch("/api/v1/periods/X3", Some(&coordinator), &json!({"starts_on": day(95)})).await;
    assert_eq!(same.status, StatusCode::OK, "{}", same.text);
    let periods = app.get("/api/v1/periods", Some(&coordinator)).await;
    let x3 = periods.body.as_array().expect("list").iter().find(|p| p["code"] == "X3").cloned().expect("X3");
    assert_eq!((x3["starts_on"].as_str(), x3["ends_on"].as_str()), (Some(day(95).as_str()), Some(day(200).as_str())));
}

async fn the_work_plan_pages_speak_every_language(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let coordinator = account(&app, "ana@example.ro", "Ana Dumitru", "bucharest-ilfov", "coordinator").await;
    let found = app.get("/api/v1/deliverables", Some(&coordinator)).await;
    let first = found.body["items"][0].clone();
    let (id, wp) = (first["id"].as_str().expect("a deliverable"), first["work_package"].as_str().expect("its package"));
    let english = messages("en");
    let client = signed_in(&app, "ana@example.ro").await;
    for lang in LANGUAGES {
        let own = messages(lang);
        for path in [
            "/work-packages".to_owned(),
            format!("/work-packages/{wp}"),
            format!("/deliverables/{id}"),
            "/deliverables/new".to_owned(),
            format!("/deliverables/{id}/edit"),
        ] {
            let (status, html) = page(&client, &app.url(&format!("/{lang}{path}"))).await;
            assert_eq!(status, StatusCode::OK, "/{lang}{path}");
            speaks(lang, &path, &html, &english, &own);
        }
    }
}

on_both_databases!(
    the_lead_partner_plans_through_the_forms,
    responsible_partners_submit_and_the_lead_partner_decides,
    the_api_changes_periods_and_work_packages,
    the_work_plan_pages_speak_every_language,
);
