//! The content parser and checks, by example.

use super::*;
use serde_json::json;

fn practice(text: Value) -> Value {
    json!({ "visibility": "public", "themes": ["microcredit"], "text": text })
}

#[test]
fn a_minimal_practice_is_valid_and_keeps_details_apart() {
    let input = DocumentInput::from_value(Kind::Practice, practice(json!({ "title": "  Microcrédit solidaire " })))
        .expect("parses");
    let content = input.validate().expect("valid");
    assert_eq!(content.text.title(), "Microcrédit solidaire");
    assert_eq!(content.visibility, Visibility::Public);
    assert!(content.details.get("text").is_none() && content.details.get("themes").is_none());
    assert!(content.details.get("location").is_some());
}

#[test]
fn every_problem_of_a_practice_is_reported() {
    let body = json!({
        "visibility": "secret", "themes": ["astrology"], "instruments": ["magic"],
        "location": {"country": "France"}, "start_year": 2020, "end_year": 2010,
        "evidence": {"loan_size_min_eur": 5000, "loan_size_max_eur": 100, "repayment_rate_percent": 140.0},
        "contact": {"email": "not-an-email"}, "links": ["javascript:alert(1)"],
        "text": {"title": ""}
    });
    let errors = DocumentInput::from_value(Kind::Practice, body).expect("parses").validate().expect_err("invalid");
    let mut fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "contact.email",
            "end_year",
            "evidence.loan_size_max_eur",
            "evidence.repayment_rate_percent",
            "instruments[0]",
            "links[0]",
            "location.country",
            "text.title",
            "themes[0]",
            "visibility",
        ]
    );
}

#[test]
fn unknown_fields_are_refused() {
    let err = DocumentInput::from_value(Kind::Practice, json!({ "text": {"title": "x"}, "colour": 1 }))
        .expect_err("unknown field");
    assert_eq!(err.iter().next().map(|e| e.code), Some("unknown_field"));
    let err = DocumentInput::from_value(Kind::Practice, json!({ "text": {"title": "x", "moral": "y"} }))
        .expect_err("unknown text field");
    assert_eq!(err.iter().next().map(|e| e.code), Some("unknown_field"));
}

#[test]
fn meeting_notes_check_times_places_and_items() {
    let body = json!({
        "meeting_type": "picnic", "starts_at": "2025-05-21T09:00:00", "ends_at": "2025-05-20T09:00:00",
        "time_zone": "Kamnik", "attendees": [{"name": ""}],
        "action_items": [{"title": "Send slides", "assignee": "Not A Slug", "status": "someday"}],
        "text": {"title": "Kamnik"}
    });
    let errors = DocumentInput::from_value(Kind::MeetingNote, body).expect("parses").validate().expect_err("invalid");
    let mut fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "action_items[0].assignee",
            "action_items[0].status",
            "attendees[0].name",
            "ends_at",
            "meeting_type",
            "place",
            "time_zone"
        ]
    );
}

#[test]
fn a_plan_needs_a_text_for_each_action() {
    let body = json!({
        "policy_instrument": "ROP 2021-2027",
        "actions": [{"status": "in_progress", "progress_percent": 40}, {"progress_percent": 101}],
        "text": {"title": "Plan", "actions": [{"title": "One"}]}
    });
    let errors = DocumentInput::from_value(Kind::ActionPlan, body).expect("parses").validate().expect_err("invalid");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["actions[1].progress_percent", "text.actions"]);
}

#[test]
fn patches_replace_fields_and_merge_texts() {
    let current = json!({ "visibility": "public", "themes": ["microcredit"], "text": {"title": "A", "summary": "S"} });
    let merged = merge_patch(&current, &json!({ "themes": [], "text": {"title": "B"} })).expect("merges");
    assert_eq!(merged, json!({ "visibility": "public", "themes": [], "text": {"title": "B", "summary": "S"} }));
    assert_eq!(changed_fields(&current, &merged), ["text.title", "themes"]);
    let refused = merge_patch(&current, &json!({ "language": "it" })).expect_err("immutable");
    assert_eq!(refused.iter().next().map(|e| e.code), Some("immutable"));
}

#[test]
fn markdown_fields_of_plans_name_their_action() {
    let text = Texts::ActionPlan(PlanText {
        title: "T".into(),
        actions: vec![ActionText { title: "First".into(), ..ActionText::default() }],
        ..PlanText::default()
    });
    let names: Vec<String> = text.markdown_fields().into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"actions[0].title".to_owned()));
    assert!(text.plain_content().contains("First"));
}
