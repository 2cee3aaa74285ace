//! The structured, untranslated input of each kind, as clients send it (`POST`, `PATCH`) and as
//! it is stored; the OpenAPI schema is drawn from these types.

use super::texts::{MeetingText, PlanText, PracticeText};
use crate::document::DocumentId;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Location {
    /// ISO 3166-1 alpha-2.
    #[schema(example = "FR", pattern = "^([A-Z]{2})?$")]
    pub country: String,
    #[schema(value_type = crate::schema::ShortText)]
    pub region: String,
    #[schema(value_type = crate::schema::ShortText)]
    pub city: String,
}

/// Structured microfinance evidence, comparable across regions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Evidence {
    /// One of the instrument codes.
    #[schema(value_type = Option<crate::vocabulary::Instrument>)]
    pub instrument_type: Option<String>,
    #[schema(minimum = 0, maximum = 1_000_000_000_000_i64)]
    pub loan_size_min_eur: Option<i64>,
    /// At least `loan_size_min_eur`.
    #[schema(minimum = 0, maximum = 1_000_000_000_000_i64)]
    pub loan_size_max_eur: Option<i64>,
    #[schema(minimum = 0, maximum = 1_000_000_000_000_i64)]
    pub beneficiaries_reached: Option<i64>,
    #[schema(value_type = Option<crate::schema::ShortText>)]
    pub funding_source: Option<String>,
    #[schema(minimum = 0, maximum = 100)]
    pub repayment_rate_percent: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Contact {
    #[schema(value_type = crate::schema::ShortText)]
    pub name: String,
    #[schema(value_type = crate::schema::ShortText)]
    pub organisation: String,
    #[schema(value_type = Option<crate::schema::OptionalEmailText>)]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Attendee {
    #[schema(value_type = crate::schema::RequiredShortText, required = true)]
    pub name: String,
    /// The partner's slug, when the attendee represents one.
    #[schema(value_type = Option<crate::schema::PartnerSlugText>)]
    pub partner: Option<String>,
    #[schema(value_type = crate::schema::ShortText)]
    pub organisation: String,
}

/// An action item of a meeting note; it appears on the tracking board.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionItemInput {
    /// Present for an existing item; omit to add one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub id: Option<Uuid>,
    #[schema(value_type = crate::schema::Title)]
    pub title: String,
    /// The partner responsible (slug).
    #[serde(default)]
    #[schema(value_type = Option<crate::schema::PartnerSlugText>)]
    pub assignee: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<NaiveDate>,
    /// open, in_progress, done or cancelled.
    #[serde(default = "open")]
    #[schema(value_type = crate::vocabulary::ActionItemStatus, default = "open", required = false)]
    pub status: String,
}

fn open() -> String {
    "open".into()
}

fn planned() -> String {
    "planned".into()
}

/// The structured part of one action of an action plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanActionInput {
    /// Present for an existing action; omit to add one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub id: Option<Uuid>,
    /// planned, in_progress, completed or abandoned.
    #[serde(default = "planned")]
    #[schema(value_type = crate::vocabulary::PlanActionStatus, default = "planned", required = false)]
    pub status: String,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 100)]
    pub progress_percent: i32,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub starts_on: Option<NaiveDate>,
    /// Not before `starts_on`.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub ends_on: Option<NaiveDate>,
    #[serde(default)]
    #[schema(minimum = 0)]
    pub estimated_cost_eur: Option<i64>,
    /// The good practices that inspired this action.
    /// Existing good practices.
    #[serde(default)]
    pub inspired_by: Vec<DocumentId>,
}

fn partnership() -> String {
    "partnership".into()
}

/// A good practice as sent to `POST /api/v1/practices`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "language": "fr",
    "visibility": "public",
    "themes": ["microcredit", "social_inclusion"],
    "target_groups": ["minimum_income_recipients"],
    "instruments": ["microcredit", "business_mentoring"],
    "location": {"country": "FR", "region": "Île-de-France", "city": "Saint-Denis"},
    "start_year": 2019,
    "evidence": {"instrument_type": "microcredit", "loan_size_min_eur": 500, "loan_size_max_eur": 12000,
                 "beneficiaries_reached": 340, "funding_source": "Département et Banque des Territoires",
                 "repayment_rate_percent": 94.5},
    "contact": {"name": "Camille Martin", "organisation": "CD93", "email": "camille.martin@example.fr"},
    "links": ["https://example.org/microcredit-93"],
    "text": {
        "title": "Microcrédit accompagné pour les allocataires du RSA",
        "summary": "Un **microcrédit** accompagné aide les allocataires du RSA à créer leur activité.",
        "description": "Le département finance douze mois d'accompagnement et garantit les prêts."
    }
}))]
pub struct PracticeInput {
    /// The original language; defaults to the owner partner's language. Fixed once created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "fr")]
    #[schema(value_type = Option<crate::Locale>)]
    pub language: Option<String>,
    /// The owner partner (slug); defaults to the author's partner. Fixed once created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "seine-saint-denis")]
    #[schema(value_type = Option<crate::schema::PartnerSlugText>)]
    pub partner: Option<String>,
    /// partnership (default) or public.
    #[serde(default = "partnership")]
    #[schema(value_type = crate::document::Visibility, default = "partnership", required = false)]
    pub visibility: String,
    #[serde(default)]
    #[schema(value_type = Vec<crate::vocabulary::Theme>, example = json!(["microcredit", "social_inclusion"]))]
    pub themes: Vec<String>,
    #[serde(default)]
    #[schema(value_type = Vec<crate::vocabulary::TargetGroup>)]
    pub target_groups: Vec<String>,
    #[serde(default)]
    #[schema(value_type = Vec<crate::vocabulary::Instrument>)]
    pub instruments: Vec<String>,
    #[serde(default)]
    pub location: Location,
    #[serde(default)]
    #[schema(minimum = 1900, maximum = 2100)]
    pub start_year: Option<i32>,
    /// Absent while the practice is ongoing.
    #[serde(default)]
    #[schema(minimum = 1900, maximum = 2100)]
    pub end_year: Option<i32>,
    #[serde(default)]
    pub evidence: Evidence,
    #[serde(default)]
    pub contact: Contact,
    #[serde(default)]
    #[schema(value_type = Vec<crate::schema::Url>, max_items = 20)]
    pub links: Vec<String>,
    pub text: PracticeText,
}

/// A meeting note as sent to `POST /api/v1/meeting-notes`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "language": "en",
    "visibility": "partnership",
    "meeting_type": "interregional_event",
    "starts_at": "2025-05-20T09:00:00",
    "ends_at": "2025-05-21T16:00:00",
    "time_zone": "Europe/Ljubljana",
    "place": "Kamnik, Slovenia",
    "attendees": [{"name": "Maja Novak", "partner": "heart-of-slovenia", "organisation": "RCSS"}],
    "action_items": [{"title": "Share the study-visit photos", "assignee": "heart-of-slovenia", "due_on": "2025-06-15"}],
    "text": {"title": "Interregional learning event, Kamnik", "agenda": "1. Welcome\n2. Study visit", "decisions": "Next event in Örebro."}
}))]
pub struct MeetingNoteInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::Locale>)]
    pub language: Option<String>,
    /// The host partner (slug), owner of the note; defaults to the author's partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::schema::PartnerSlugText>)]
    pub partner: Option<String>,
    #[serde(default = "partnership")]
    #[schema(value_type = crate::document::Visibility, default = "partnership", required = false)]
    pub visibility: String,
    #[serde(default)]
    #[schema(value_type = Vec<crate::vocabulary::Theme>)]
    pub themes: Vec<String>,
    /// interregional_event, study_visit, stakeholder_meeting, steering_group, peer_review or online.
    #[schema(value_type = crate::vocabulary::MeetingType)]
    pub meeting_type: String,
    /// Local time at the meeting, in `time_zone`.
    #[schema(value_type = String, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?$", example = "2025-05-20T09:00:00")]
    pub starts_at: NaiveDateTime,
    /// Not before `starts_at`.
    #[schema(value_type = String, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?$", example = "2025-05-21T16:00:00")]
    pub ends_at: NaiveDateTime,
    #[schema(value_type = crate::schema::TimeZoneName, example = "Europe/Ljubljana")]
    pub time_zone: String,
    /// Where it takes place; a place, an `online_url`, or both.
    #[serde(default)]
    #[schema(value_type = crate::schema::ShortText)]
    pub place: String,
    #[serde(default)]
    #[schema(value_type = Option<crate::schema::OptionalUrl>)]
    pub online_url: Option<String>,
    #[serde(default)]
    #[schema(max_items = 500)]
    pub attendees: Vec<Attendee>,
    #[serde(default)]
    #[schema(max_items = 200)]
    pub action_items: Vec<ActionItemInput>,
    pub text: MeetingText,
}

/// A policy action plan as sent to `POST /api/v1/action-plans`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "language": "it",
    "visibility": "public",
    "policy_instrument": "PR FSE+ Emilia-Romagna 2021-2027",
    "region": "Emilia-Romagna",
    "actions": [{"status": "in_progress", "progress_percent": 30, "starts_on": "2025-09-01", "ends_on": "2026-12-31",
                 "estimated_cost_eur": 250000, "inspired_by": ["0193a4f2-6c1e-7b4a-9f3d-5e2a1c0b9d8e"]}],
    "text": {
        "title": "Piano d'azione metropolitano per il microcredito",
        "summary": "Un'azione ispirata dal microcredito accompagnato di Seine-Saint-Denis.",
        "actions": [{"title": "Microcredito accompagnato per chi riceve il reddito minimo",
                     "background": "Ispirata dalla pratica di Seine-Saint-Denis."}]
    }
}))]
pub struct ActionPlanInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::Locale>)]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::schema::PartnerSlugText>)]
    pub partner: Option<String>,
    #[serde(default = "partnership")]
    #[schema(value_type = crate::document::Visibility, default = "partnership", required = false)]
    pub visibility: String,
    #[serde(default)]
    #[schema(value_type = Vec<crate::vocabulary::Theme>)]
    pub themes: Vec<String>,
    /// The policy instrument the plan improves (its proper name).
    #[schema(value_type = crate::schema::RequiredShortText)]
    pub policy_instrument: String,
    #[serde(default)]
    #[schema(value_type = crate::schema::ShortText)]
    pub region: String,
    /// The actions; `text.actions` gives their texts, one for each, in the same order.
    #[serde(default)]
    #[schema(max_items = 50)]
    pub actions: Vec<PlanActionInput>,
    pub text: PlanText,
}
