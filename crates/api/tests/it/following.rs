//! Who follows which deadlines: the calendar feed of an account lists the deliverables and
//! action items its partner carries, and the lead partner's lists them all (the policy's
//! `Follow` action decides).

use crate::documents::published;
use crate::on_both_databases;
use crate::support::TestApp;
use reqwest::StatusCode;
use serde_json::json;

/// The summaries of the events in an account's calendar feed.
async fn calendar_of(app: &TestApp, token: &str) -> Vec<String> {
    let feed = app.post("/api/v1/me/calendar", Some(token), &json!({})).await;
    assert_eq!(feed.status, StatusCode::CREATED, "{}", feed.text);
    let url = feed.body["url"].as_str().expect("url").to_owned();
    let path = url.split_once("/calendar/").map(|(_, rest)| format!("/calendar/{rest}")).expect("path");
    let response = app.client.get(app.url(&path)).send().await.expect("send");
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.expect("body");
    let calendar: icalendar::Calendar = text.parse().expect("a valid iCalendar");
    use icalendar::Component;
    calendar.components.iter().filter_map(|c| c.as_event()).filter_map(|e| e.get_summary().map(str::to_owned)).collect()
}

async fn each_account_follows_the_deadlines_of_its_partner(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let orebro = app.user_token("lars@example.se", "orebro", "viewer").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let wp = app
        .post("/api/v1/work-packages", Some(&coordinator), &json!({ "code": "WP1", "titles": {"en": "Exchange"} }))
        .await;
    assert_eq!(wp.status, StatusCode::CREATED, "{}", wp.text);
    for (code, partner) in [("D5.1", "orebro"), ("D5.2", "bologna")] {
        let created = app
            .post(
                "/api/v1/deliverables",
                Some(&coordinator),
                &json!({
                    "code": code, "work_package": "WP1", "period": "S2",
                    "titles": {"en": format!("Report {code}")}, "due_on": "2025-06-30", "partners": [partner]
                }),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    }
    let note = json!({
        "language": "it", "visibility": "partnership", "meeting_type": "interregional_event",
        "starts_at": "2025-05-20T09:00:00", "ends_at": "2025-05-20T16:00:00", "time_zone": "Europe/Rome",
        "place": "Bologna",
        "text": {"title": "Incontro interregionale, Bologna"},
        "action_items": [
            {"title": "Send the Örebro study-visit notes", "assignee": "orebro", "due_on": "2025-06-15"},
            {"title": "Book the Bologna venue", "assignee": "bologna", "due_on": "2025-07-01"}
        ]
    });
    published(&app, &bologna, &coordinator, "meeting-notes", &note).await;

    let seen = calendar_of(&app, &orebro).await;
    assert!(seen.iter().any(|s| s.starts_with("D5.1")), "its partner's deliverable: {seen:?}");
    assert!(seen.iter().any(|s| s == "Send the Örebro study-visit notes"), "its partner's action item: {seen:?}");
    assert!(!seen.iter().any(|s| s.starts_with("D5.2")), "not another partner's deliverable: {seen:?}");
    assert!(!seen.iter().any(|s| s == "Book the Bologna venue"), "not another partner's action item: {seen:?}");
    assert!(seen.iter().any(|s| s.contains("Bologna")), "the meeting it may read: {seen:?}");

    let lead = calendar_of(&app, &coordinator).await;
    for expected in ["D5.1", "D5.2", "Send the Örebro study-visit notes", "Book the Bologna venue"] {
        assert!(lead.iter().any(|s| s.starts_with(expected)), "the lead partner follows {expected}: {lead:?}");
    }
}

on_both_databases!(each_account_follows_the_deadlines_of_its_partner);
