//! Deliverable tracking: the workflow and its history, rights, what is late (API, page, CSV),
//! the calendar feed, and indicators against hand-counted fixtures.

use crate::documents::{create, french_practice, move_to, published};
use crate::on_both_databases;
use crate::support::{Reply, TestApp};
use chrono::TimeZone;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn plan(app: &TestApp, coordinator: &str) {
    let wp = app
        .post(
            "/api/v1/work-packages",
            Some(coordinator),
            &json!({ "code": "WP1", "titles": {"en": "Exchange of experience", "fr": "Échange d'expériences"} }),
        )
        .await;
    assert_eq!(wp.status, StatusCode::CREATED, "{}", wp.text);
}

fn deliverable(code: &str, due: &str, partners: &[&str]) -> Value {
    json!({
        "code": code,
        "work_package": "WP1",
        "period": "S2",
        "titles": {"en": format!("Regional report {code}"), "sv": format!("Regional rapport {code}")},
        "description": "Minutes and conclusions of the regional stakeholder group.",
        "due_on": due,
        "partners": partners
    })
}

async fn a_deliverable_goes_through_its_workflow(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    plan(&app, &coordinator).await;

    // Only the lead partner defines deliverables.
    app.post("/api/v1/deliverables", Some(&orebro), &deliverable("D1.1", "2023-12-15", &["orebro"]))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let created = app
        .post("/api/v1/deliverables", Some(&coordinator), &deliverable("D1.1", "2023-12-15", &["orebro", "bologna"]))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["status"], "planned");
    assert_eq!(created.body["partners"], json!(["bologna", "orebro"]));
    let path = created.header("location").expect("location").to_owned();
    let again =
        app.post("/api/v1/deliverables", Some(&coordinator), &deliverable("D1.1", "2023-12-15", &["orebro"])).await;
    again.assert_problem(StatusCode::CONFLICT, "code_taken");
    let bad = app.post("/api/v1/deliverables", Some(&coordinator), &json!({ "code": "", "work_package": "WP9", "period": "S9", "titles": {"de": ""}, "due_on": "2024-01-01", "partners": ["atlantis"] })).await;
    let mut fields: Vec<String> = bad.field_errors().into_iter().map(|(f, _)| f).collect();
    fields.sort();
    assert_eq!(fields, ["code", "partners[0]", "period", "titles.de", "titles.de", "titles.en", "work_package"]);

    let step = |token: String, to: &'static str, comment: Option<&'static str>| {
        let app = &app;
        let path = path.clone();
        async move { app.post(&format!("{path}/transitions"), Some(&token), &json!({ "to": to, "comment": comment })).await }
    };
    // A partner that is not responsible cannot move it.
    step(ssd.clone(), "in_progress", None).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(step(bologna.clone(), "in_progress", None).await.body["status"], "in_progress");
    assert_eq!(step(orebro.clone(), "submitted", None).await.body["status"], "submitted");
    // An editor cannot approve; the lead partner returns it with a comment, then approves it.
    step(orebro.clone(), "approved", None).await.assert_problem(StatusCode::FORBIDDEN, "forbidden");
    step(coordinator.clone(), "in_progress", None)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        step(coordinator.clone(), "in_progress", Some("Add the Örebro meeting of March.")).await.body["status"],
        "in_progress"
    );
    assert_eq!(step(orebro.clone(), "submitted", None).await.body["status"], "submitted");
    assert_eq!(step(coordinator.clone(), "approved", None).await.body["status"], "approved");
    step(coordinator.clone(), "planned", None).await.assert_problem(StatusCode::CONFLICT, "invalid_transition");

    let history = app.get(&format!("{path}/history"), Some(&orebro)).await;
    let steps: Vec<(String, String)> = history
        .body
        .as_array()
        .expect("history")
        .iter()
        .map(|h| (h["from"].as_str().unwrap_or("-").to_owned(), h["to"].as_str().unwrap_or("").to_owned()))
        .collect();
    let expected = [
        ("-", "planned"),
        ("planned", "in_progress"),
        ("in_progress", "submitted"),
        ("submitted", "in_progress"),
        ("in_progress", "submitted"),
        ("submitted", "approved"),
    ];
    assert_eq!(steps, expected.map(|(a, b)| (a.to_owned(), b.to_owned())));
    assert_eq!(history.body[3]["comment"], "Add the Örebro meeting of March.");
    assert_eq!(history.body[3]["actor"], "ana");

    // Editing the definition needs the ETag.
    let current = app.get(&path, Some(&coordinator)).await;
    let etag = current.header("etag").expect("etag").to_owned();
    let edit = Reply::from(
        app.request(Method::PATCH, &path, Some(&coordinator))
            .header("if-match", &etag)
            .json(&json!({ "due_on": "2024-01-31" }))
            .send()
            .await
            .expect("send"),
    )
    .await;
    assert_eq!(edit.body["due_on"], "2024-01-31");
    let stale = Reply::from(
        app.request(Method::PATCH, &path, Some(&coordinator))
            .header("if-match", &etag)
            .json(&json!({ "due_on": "2024-02-29" }))
            .send()
            .await
            .expect("send"),
    )
    .await;
    stale.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    // Anonymous visitors see nothing of the work plan.
    app.get("/api/v1/deliverables", None).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
}

async fn late_deliverables_show_as_overdue_everywhere(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;
    plan(&app, &coordinator).await;
    let due = (app.state.clock.now() + chrono::Duration::days(10)).date_naive().to_string();
    let created = app.post("/api/v1/deliverables", Some(&coordinator), &deliverable("D2.1", &due, &["orebro"])).await;
    let path = created.header("location").expect("location").to_owned();
    assert_eq!(created.body["overdue"], false);
    let dashboard = app.get("/api/v1/dashboard", Some(&orebro)).await;
    assert_eq!(dashboard.body["due_soon"].as_array().map(Vec::len), Some(1));

    // Eleven days later it is late: in the API, the CSV and the page.
    app.state.clock.advance(chrono::Duration::days(11));
    let orebro = app.token("lars@example.se", "a long enough password").await;
    assert_eq!(app.get(&path, Some(&orebro)).await.body["overdue"], true);
    let late = app.get("/api/v1/deliverables?overdue=true&lang=sv", Some(&orebro)).await;
    assert_eq!(late.body["items"][0]["code"], "D2.1");
    assert_eq!(late.body["items"][0]["title"], "Regional rapport D2.1");
    let dashboard = app.get("/api/v1/dashboard", Some(&orebro)).await;
    assert_eq!(dashboard.body["overdue"][0]["code"], "D2.1");
    let orebro_row = dashboard.body["partners"]
        .as_array()
        .expect("partners")
        .iter()
        .find(|p| p["partner"] == "orebro")
        .cloned()
        .expect("row");
    assert_eq!((orebro_row["deliverables"].as_i64(), orebro_row["overdue"].as_i64()), (Some(1), Some(1)));

    let csv = app
        .request(Method::GET, "/api/v1/deliverables.csv?lang=sv&format=codes", Some(&orebro))
        .send()
        .await
        .expect("send");
    assert!(csv.headers()["content-type"].to_str().unwrap_or("").starts_with("text/csv"));
    let bytes = csv.bytes().await.expect("bytes");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "a byte-order mark for spreadsheets");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let row = text.lines().find(|l| l.starts_with("D2.1,")).expect("a row");
    assert!(row.ends_with(",in_progress,yes") || row.ends_with(",planned,yes"), "{row}");
    assert!(row.contains("Regional rapport D2.1"));

    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let form = client.get(app.url("/sv/sign-in")).send().await.expect("send").text().await.expect("body");
    let csrf = form.split("name=\"csrf\" value=\"").nth(1).and_then(|r| r.split('"').next()).expect("csrf").to_owned();
    client
        .post(app.url("/sv/sign-in"))
        .form(&[("email", "lars@example.se"), ("password", "a long enough password"), ("csrf", &csrf)])
        .send()
        .await
        .expect("send");
    let page = client.get(app.url("/sv/dashboard")).send().await.expect("send");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    let late_section = html.split("id=\"overdue\"").nth(1).expect("an overdue section");
    assert!(late_section.split("</section>").next().unwrap_or("").contains("D2.1"), "{html}");
    assert!(html.contains("<svg"), "the pictures are drawn");

    // Submitting it ends the lateness.
    app.post(&format!("{path}/transitions"), Some(&orebro), &json!({ "to": "submitted" })).await;
    assert_eq!(app.get(&path, Some(&orebro)).await.body["overdue"], false);
}

async fn the_calendar_feed_has_deadlines_and_meetings_in_local_time(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let slovenia = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    plan(&app, &coordinator).await;
    app.post("/api/v1/deliverables", Some(&coordinator), &deliverable("D3.1", "2025-06-30", &["heart-of-slovenia"]))
        .await;
    let note = json!({
        "language": "sl", "visibility": "partnership", "meeting_type": "interregional_event",
        "starts_at": "2025-05-20T09:00:00", "ends_at": "2025-05-21T16:00:00", "time_zone": "Europe/Ljubljana",
        "place": "Kamnik, Slovenija",
        "text": {"title": "Medregionalni dogodek, Kamnik; 20.–21. maj"}
    });
    published(&app, &slovenia, &coordinator, "meeting-notes", &note).await;

    let feed = app.post("/api/v1/me/calendar", Some(&slovenia), &json!({})).await;
    assert_eq!(feed.status, StatusCode::CREATED, "{}", feed.text);
    let url = feed.body["url"].as_str().expect("url").to_owned();
    let path = url.split_once("/calendar/").map(|(_, rest)| format!("/calendar/{rest}")).expect("path");
    let response = app.client.get(app.url(&path)).send().await.expect("send");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().unwrap_or("").starts_with("text/calendar"));
    let text = response.text().await.expect("body");
    assert!(text.lines().all(|l| l.len() <= 76), "lines are folded");
    assert!(text.contains("\r\n"), "CRLF line ends");

    let calendar: icalendar::Calendar = text.parse().expect("a valid iCalendar");
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("parses");
    assert!(parsed.components.iter().any(|c| c.name == "VTIMEZONE"), "time zones are defined");
    let events: Vec<&icalendar::Event> = calendar.components.iter().filter_map(|c| c.as_event()).collect();
    use icalendar::Component;
    let deadline =
        events.iter().find(|e| e.get_summary().is_some_and(|s| s.starts_with("D3.1"))).expect("the deadline");
    assert_eq!(
        deadline.get_start(),
        Some(icalendar::DatePerhapsTime::Date(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")))
    );
    let meeting = events.iter().find(|e| e.get_summary().is_some_and(|s| s.contains("Kamnik"))).expect("the meeting");
    assert_eq!(meeting.get_summary(), Some("Medregionalni dogodek, Kamnik; 20.–21. maj"), "text survives escaping");
    match meeting.get_start() {
        Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "Europe/Ljubljana");
            assert_eq!(date_time.to_string(), "2025-05-20 09:00:00");
            // 09:00 in Ljubljana in May is 07:00 UTC.
            let zone: chrono_tz::Tz = tzid.parse().expect("zone");
            let utc = zone.from_local_datetime(&date_time).single().expect("unambiguous").with_timezone(&chrono::Utc);
            assert_eq!(utc.to_rfc3339(), "2025-05-20T07:00:00+00:00");
        }
        other => panic!("the meeting starts at a local time with its zone, not {other:?}"),
    }

    // A revoked address is gone.
    let revoked = app.request(Method::DELETE, "/api/v1/me/calendar", Some(&slovenia)).send().await.expect("send");
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    let gone = Reply::from(app.client.get(app.url(&path)).send().await.expect("send")).await;
    gone.assert_problem(StatusCode::NOT_FOUND, "not_found");
}

async fn indicators_match_a_hand_count(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;
    // Good practices: two published by Seine-Saint-Denis, one by Bologna; a draft does not count.
    let p1 = published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    published(&app, &ssd, &coordinator, "practices", &french_practice()).await;
    let p3 = published(
        &app,
        &bologna,
        &coordinator,
        "practices",
        &json!({ "visibility": "public", "text": {"title": "Microcredito"} }),
    )
    .await;
    create(&app, &orebro, "practices", &json!({ "text": {"title": "Utkast"} })).await;
    // Stakeholder meetings of Örebro: one in S2 (Sep 2023–Feb 2024), two in S3; a study visit does not count.
    for (start, kind) in [
        ("2023-10-05T13:00:00", "stakeholder_meeting"),
        ("2024-04-10T09:00:00", "stakeholder_meeting"),
        ("2024-05-02T09:00:00", "stakeholder_meeting"),
        ("2024-05-03T09:00:00", "study_visit"),
    ] {
        let note = json!({
            "meeting_type": kind, "starts_at": start, "ends_at": start, "time_zone": "Europe/Stockholm", "place": "Örebro",
            "text": {"title": format!("Möte {start}")}
        });
        published(&app, &orebro, &coordinator, "meeting-notes", &note).await;
    }
    // An adopted action plan of Bologna with actions in progress and completed.
    let practice_id = p1.rsplit('/').next().expect("id");
    let plan = json!({
        "visibility": "public", "policy_instrument": "PR FSE+ Emilia-Romagna",
        "actions": [{"status": "in_progress", "inspired_by": [practice_id]}, {"status": "completed"}, {"status": "planned"}],
        "text": {"title": "Piano", "actions": [{"title": "A"}, {"title": "B"}, {"title": "C"}]}
    });
    published(&app, &bologna, &coordinator, "action-plans", &plan).await;
    // Translations: p1 into en and sv, p3 into en.
    let en = json!({ "text": {"title": "Supported microcredit"} });
    app.send_json(Method::PUT, &format!("{p1}/translations/en"), Some(&orebro), &en).await;
    app.send_json(
        Method::PUT,
        &format!("{p1}/translations/sv"),
        Some(&orebro),
        &json!({ "text": {"title": "Mikrolån"} }),
    )
    .await;
    app.send_json(Method::PUT, &format!("{p3}/translations/en"), Some(&orebro), &en).await;
    // Proposed by another partner, they count once the lead partner approves them.
    for (path, lang) in [(&p1, "en"), (&p1, "sv"), (&p3, "en")] {
        let approve = json!({ "decision": "approve" });
        let approved = app.post(&format!("{path}/translations/{lang}/decision"), Some(&coordinator), &approve).await;
        assert_eq!(approved.status, StatusCode::OK, "{}", approved.text);
    }

    let dashboard = app.get("/api/v1/dashboard", Some(&coordinator)).await;
    let indicator = |code: &str| {
        dashboard.body["indicators"]
            .as_array()
            .expect("indicators")
            .iter()
            .find(|i| i["code"] == code)
            .cloned()
            .expect(code)
    };
    let part = |code: &str, key: &str| {
        indicator(code)["breakdown"]
            .as_array()
            .expect("breakdown")
            .iter()
            .find(|b| b["key"] == key)
            .map(|b| b["value"].as_i64().unwrap_or(-1))
    };
    assert_eq!(indicator("good_practices")["total"], 3);
    assert_eq!(part("good_practices", "seine-saint-denis"), Some(2));
    assert_eq!(part("good_practices", "bologna"), Some(1));
    assert_eq!(part("good_practices", "orebro"), Some(0));
    assert_eq!(indicator("stakeholder_meetings")["total"], 3);
    assert_eq!(part("stakeholder_meetings", "orebro/S2"), Some(1));
    assert_eq!(part("stakeholder_meetings", "orebro/S3"), Some(2));
    assert_eq!(indicator("action_plans_adopted")["total"], 1);
    assert_eq!(
        (indicator("actions_in_progress")["total"].as_i64(), indicator("actions_completed")["total"].as_i64()),
        (Some(1), Some(1))
    );
    // Published documents: 3 practices + 4 meeting notes + 1 plan = 8. In English: p1 and p3.
    let coverage = indicator("translation_coverage");
    let en_row =
        coverage["breakdown"].as_array().expect("rows").iter().find(|b| b["key"] == "en").cloned().expect("en");
    assert_eq!((en_row["value"].as_i64(), en_row["of"].as_i64()), (Some(2), Some(8)));
    let sv_row =
        coverage["breakdown"].as_array().expect("rows").iter().find(|b| b["key"] == "sv").cloned().expect("sv");
    assert_eq!(sv_row["value"].as_i64(), Some(5), "four Swedish meeting notes and one translation");
    assert!(indicator("good_practices")["definition"].as_str().is_some_and(|d| d.contains("published")));
    let _ = move_to;
}

async fn the_report_lists_what_each_partner_did(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    plan(&app, &coordinator).await;
    app.post("/api/v1/deliverables", Some(&coordinator), &deliverable("D4.1", "2023-11-30", &["orebro"])).await;
    let report = app.request(Method::GET, "/api/v1/report?period=S2", Some(&coordinator)).send().await.expect("send");
    assert!(report.headers()["content-type"].to_str().unwrap_or("").starts_with("text/markdown"));
    let text = report.text().await.expect("body");
    assert!(text.starts_with("# Semester report draft — Semester 2 (1 September 2023 – 29 February 2024)"), "{text}");
    let orebro = text.split("## Region Örebro County").nth(1).expect("a section per partner");
    assert!(orebro.contains("D4.1 Regional report D4.1 — due 30 November 2023"), "{text}");
    app.get("/api/v1/report?period=S9", Some(&coordinator)).await.assert_problem(StatusCode::NOT_FOUND, "not_found");
    let periods = app.get("/api/v1/periods", Some(&coordinator)).await;
    let codes: Vec<&str> =
        periods.body.as_array().expect("periods").iter().filter_map(|p| p["code"].as_str()).collect();
    assert_eq!(codes, ["S1", "S2", "S3", "S4", "S5", "S6", "FU"]);
}

on_both_databases!(
    a_deliverable_goes_through_its_workflow,
    late_deliverables_show_as_overdue_everywhere,
    the_calendar_feed_has_deadlines_and_meetings_in_local_time,
    indicators_match_a_hand_count,
    the_report_lists_what_each_partner_did,
);
