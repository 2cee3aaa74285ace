//! The content of documents as clients send it and as it is stored: the translatable texts
//! and the structured fields of each kind, with their validation. One parser serves create,
//! edit (the stored form with the changes laid over it) and the demo seed.

use crate::document::{DocumentId, Kind, Visibility};
use crate::error::{FieldError, Violations};
use crate::vocabulary::{
    ACTION_ITEM_STATUSES, INSTRUMENTS, MEETING_TYPES, PLAN_ACTION_STATUSES, TARGET_GROUPS, THEMES, check_code,
    check_codes,
};
use crate::{Email, TimeZone};
use chrono::{NaiveDate, NaiveDateTime};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

pub use crate::fields::{SHORT_MAX, TEXT_MAX, TITLE_MAX};

/// Trims a text and checks its length and characters (line breaks and tabs are fine).
fn check_text(field: &str, value: &mut String, max: usize, required: bool, violations: &mut Violations) {
    let trimmed = value.trim();
    if trimmed.len() != value.len() {
        *value = trimmed.to_owned();
    }
    if required && value.is_empty() {
        violations.push(FieldError::new(field, "required", "must not be empty"));
    } else if value.chars().count() > max {
        violations.push(FieldError::new(field, "too_long", format!("at most {max} characters")));
    } else if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
        violations.push(FieldError::new(field, "invalid_characters", "contains control characters"));
    }
}

fn check_optional(field: &str, value: &mut Option<String>, max: usize, violations: &mut Violations) {
    if let Some(text) = value {
        check_text(field, text, max, false, violations);
        if text.is_empty() {
            *value = None;
        }
    }
}

/// An address that a link may point to: http or https only (never `javascript:`).
fn check_url(field: &str, url: &str, violations: &mut Violations) {
    let lower = url.trim().to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > "https://".len()
        && url.len() <= 2000
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    if !ok {
        violations.push(FieldError::new(field, "invalid_url", "an address starting with https:// or http://"));
    }
}

fn check_slug(field: &str, slug: &str, violations: &mut Violations) {
    if let Err(mut error) = crate::PartnerSlug::parse(slug) {
        error.field = field.to_owned();
        violations.push(error);
    }
}

// ---------------------------------------------------------------- texts

/// The translatable fields of a good practice (Markdown, except the title).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PracticeText {
    #[schema(value_type = crate::schema::Title, required = true)]
    pub title: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub summary: String,
    /// The problem or challenge addressed.
    #[schema(value_type = crate::schema::MarkdownText)]
    pub problem: String,
    /// The practice itself: what is done, how, by whom.
    #[schema(value_type = crate::schema::MarkdownText)]
    pub description: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub resources: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub timescale: String,
    /// Tangible, measurable results.
    #[schema(value_type = crate::schema::MarkdownText)]
    pub evidence_of_success: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub difficulties: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub transfer_potential: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub stakeholders: String,
}

/// The translatable fields of a meeting note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct MeetingText {
    #[schema(value_type = crate::schema::Title, required = true)]
    pub title: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub agenda: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub discussion: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub decisions: String,
}

/// The translatable fields of one action of an action plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ActionText {
    #[schema(value_type = crate::schema::Title, required = true)]
    pub title: String,
    /// What was learned, and from which practices and partners.
    #[schema(value_type = crate::schema::MarkdownText)]
    pub background: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub description: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub players: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub funding_sources: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub indicators: String,
}

/// The translatable fields of a policy action plan; `actions` follows the order of the plan's
/// actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PlanText {
    #[schema(value_type = crate::schema::Title, required = true)]
    pub title: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub summary: String,
    #[schema(value_type = crate::schema::MarkdownText)]
    pub policy_context: String,
    /// One text per action of the plan, in the plan's order.
    #[schema(max_items = 50)]
    pub actions: Vec<ActionText>,
}

/// The texts of one document in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Texts {
    Practice(PracticeText),
    MeetingNote(MeetingText),
    ActionPlan(PlanText),
}

fn parse_as<T: DeserializeOwned>(field: &str, value: Value) -> Result<T, Violations> {
    serde_json::from_value(value).map_err(|e| {
        let message = e.to_string();
        let code = if message.starts_with("unknown field") { "unknown_field" } else { "invalid_value" };
        Violations::from(FieldError::new(field, code, message))
    })
}

impl Texts {
    /// Reads the texts of a `kind` from JSON (stored or sent).
    pub fn from_value(kind: Kind, value: Value) -> Result<Self, Violations> {
        Ok(match kind {
            Kind::Practice => Texts::Practice(parse_as("text", value)?),
            Kind::MeetingNote => Texts::MeetingNote(parse_as("text", value)?),
            Kind::ActionPlan => Texts::ActionPlan(parse_as("text", value)?),
        })
    }

    pub fn to_value(&self) -> Value {
        let value = match self {
            Texts::Practice(t) => serde_json::to_value(t),
            Texts::MeetingNote(t) => serde_json::to_value(t),
            Texts::ActionPlan(t) => serde_json::to_value(t),
        };
        value.unwrap_or(Value::Null)
    }

    pub fn kind(&self) -> Kind {
        match self {
            Texts::Practice(_) => Kind::Practice,
            Texts::MeetingNote(_) => Kind::MeetingNote,
            Texts::ActionPlan(_) => Kind::ActionPlan,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            Texts::Practice(t) => &t.title,
            Texts::MeetingNote(t) => &t.title,
            Texts::ActionPlan(t) => &t.title,
        }
    }

    /// Every Markdown field with its path (`summary`, `actions[1].description`); not the title.
    pub fn markdown_fields(&self) -> Vec<(String, &str)> {
        fn named<'t>(pairs: Vec<(&str, &'t String)>) -> Vec<(String, &'t str)> {
            pairs.into_iter().map(|(name, value)| (name.to_owned(), value.as_str())).collect()
        }
        match self {
            Texts::Practice(t) => named(vec![
                ("summary", &t.summary),
                ("problem", &t.problem),
                ("description", &t.description),
                ("resources", &t.resources),
                ("timescale", &t.timescale),
                ("evidence_of_success", &t.evidence_of_success),
                ("difficulties", &t.difficulties),
                ("transfer_potential", &t.transfer_potential),
                ("stakeholders", &t.stakeholders),
            ]),
            Texts::MeetingNote(t) => {
                named(vec![("agenda", &t.agenda), ("discussion", &t.discussion), ("decisions", &t.decisions)])
            }
            Texts::ActionPlan(t) => {
                let mut fields = named(vec![("summary", &t.summary), ("policy_context", &t.policy_context)]);
                for (i, action) in t.actions.iter().enumerate() {
                    for (name, value) in [
                        ("title", &action.title),
                        ("background", &action.background),
                        ("description", &action.description),
                        ("players", &action.players),
                        ("funding_sources", &action.funding_sources),
                        ("indicators", &action.indicators),
                    ] {
                        fields.push((format!("actions[{i}].{name}"), value.as_str()));
                    }
                }
                fields
            }
        }
    }

    /// All text but the title, for the search index.
    pub fn plain_content(&self) -> String {
        let fields = self.markdown_fields();
        let mut out = String::with_capacity(fields.iter().map(|(_, v)| v.len() + 1).sum());
        for (_, value) in fields {
            if !value.is_empty() {
                out.push_str(value);
                out.push('\n');
            }
        }
        out
    }

    /// Trims and checks every field; a plan's texts must cover exactly `plan_actions` actions.
    pub fn validate(&mut self, prefix: &str, plan_actions: usize, violations: &mut Violations) {
        let at = |name: &str| format!("{prefix}.{name}");
        match self {
            Texts::Practice(t) => {
                check_text(&at("title"), &mut t.title, TITLE_MAX, true, violations);
                for (name, value) in [
                    ("summary", &mut t.summary),
                    ("problem", &mut t.problem),
                    ("description", &mut t.description),
                    ("resources", &mut t.resources),
                    ("timescale", &mut t.timescale),
                    ("evidence_of_success", &mut t.evidence_of_success),
                    ("difficulties", &mut t.difficulties),
                    ("transfer_potential", &mut t.transfer_potential),
                    ("stakeholders", &mut t.stakeholders),
                ] {
                    check_text(&at(name), value, TEXT_MAX, false, violations);
                }
            }
            Texts::MeetingNote(t) => {
                check_text(&at("title"), &mut t.title, TITLE_MAX, true, violations);
                for (name, value) in
                    [("agenda", &mut t.agenda), ("discussion", &mut t.discussion), ("decisions", &mut t.decisions)]
                {
                    check_text(&at(name), value, TEXT_MAX, false, violations);
                }
            }
            Texts::ActionPlan(t) => {
                check_text(&at("title"), &mut t.title, TITLE_MAX, true, violations);
                check_text(&at("summary"), &mut t.summary, TEXT_MAX, false, violations);
                check_text(&at("policy_context"), &mut t.policy_context, TEXT_MAX, false, violations);
                if t.actions.len() != plan_actions {
                    violations.push(FieldError::new(
                        at("actions"),
                        "action_count_mismatch",
                        format!("the plan has {plan_actions} action(s); give a text for each, in order"),
                    ));
                }
                for (i, action) in t.actions.iter_mut().enumerate() {
                    let at = |name: &str| format!("{prefix}.actions[{i}].{name}");
                    check_text(&at("title"), &mut action.title, TITLE_MAX, true, violations);
                    for (name, value) in [
                        ("background", &mut action.background),
                        ("description", &mut action.description),
                        ("players", &mut action.players),
                        ("funding_sources", &mut action.funding_sources),
                        ("indicators", &mut action.indicators),
                    ] {
                        check_text(&at(name), value, TEXT_MAX, false, violations);
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------- structured fields

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

/// Any document's input.
#[derive(Debug, Clone, PartialEq)]
#[expect(clippy::large_enum_variant, reason = "short-lived, one per request")]
pub enum DocumentInput {
    Practice(PracticeInput),
    MeetingNote(MeetingNoteInput),
    ActionPlan(ActionPlanInput),
}

/// Validated content, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentContent {
    pub kind: Kind,
    pub visibility: Visibility,
    pub themes: Vec<String>,
    /// The structured, untranslated fields of the kind, as stored.
    pub details: Value,
    pub text: Texts,
    pub action_items: Vec<ActionItemInput>,
    pub actions: Vec<PlanActionInput>,
    /// Partner slugs the content refers to (assignees, attendees), to be checked by the caller.
    pub partner_refs: Vec<(String, String)>,
}

impl DocumentContent {
    /// The stored form of this content (what `DocumentRecord::stored_input` reads back), as JSON:
    /// the side an edit's changed fields are computed against.
    pub fn stored_form(&self) -> Result<Value, Violations> {
        let input = DocumentInput::from_stored(
            self.kind,
            self.visibility,
            &self.themes,
            &self.details,
            &self.text,
            &self.action_items,
            &self.actions,
        )?;
        Ok(input.to_value())
    }
}

/// Keys of the input that are not part of the stored `details`.
const NOT_DETAILS: &[&str] = &["language", "partner", "visibility", "themes", "text", "action_items", "actions"];

impl DocumentInput {
    pub fn from_value(kind: Kind, value: Value) -> Result<Self, Violations> {
        if !value.is_object() {
            return Err(FieldError::new("body", "not_an_object", "the body must be a JSON object").into());
        }
        Ok(match kind {
            Kind::Practice => DocumentInput::Practice(parse_as("body", value)?),
            Kind::MeetingNote => DocumentInput::MeetingNote(parse_as("body", value)?),
            Kind::ActionPlan => DocumentInput::ActionPlan(parse_as("body", value)?),
        })
    }

    pub fn to_value(&self) -> Value {
        let value = match self {
            DocumentInput::Practice(i) => serde_json::to_value(i),
            DocumentInput::MeetingNote(i) => serde_json::to_value(i),
            DocumentInput::ActionPlan(i) => serde_json::to_value(i),
        };
        value.unwrap_or(Value::Null)
    }

    pub fn kind(&self) -> Kind {
        match self {
            DocumentInput::Practice(_) => Kind::Practice,
            DocumentInput::MeetingNote(_) => Kind::MeetingNote,
            DocumentInput::ActionPlan(_) => Kind::ActionPlan,
        }
    }

    pub fn language(&self) -> Option<&str> {
        match self {
            DocumentInput::Practice(i) => i.language.as_deref(),
            DocumentInput::MeetingNote(i) => i.language.as_deref(),
            DocumentInput::ActionPlan(i) => i.language.as_deref(),
        }
    }

    pub fn partner(&self) -> Option<&str> {
        match self {
            DocumentInput::Practice(i) => i.partner.as_deref(),
            DocumentInput::MeetingNote(i) => i.partner.as_deref(),
            DocumentInput::ActionPlan(i) => i.partner.as_deref(),
        }
    }

    /// The stored form of a document (without language and partner, which never change).
    pub fn from_stored(
        kind: Kind,
        visibility: Visibility,
        themes: &[String],
        details: &Value,
        text: &Texts,
        action_items: &[ActionItemInput],
        actions: &[PlanActionInput],
    ) -> Result<Self, Violations> {
        let mut value = details.clone();
        if !value.is_object() {
            value = Value::Object(serde_json::Map::new());
        }
        if let Some(object) = value.as_object_mut() {
            object.insert("visibility".into(), Value::String(visibility.as_str().into()));
            object.insert("themes".into(), serde_json::json!(themes));
            object.insert("text".into(), text.to_value());
            match kind {
                Kind::MeetingNote => {
                    object.insert("action_items".into(), serde_json::to_value(action_items).unwrap_or_default());
                }
                Kind::ActionPlan => {
                    object.insert("actions".into(), serde_json::to_value(actions).unwrap_or_default());
                }
                Kind::Practice => {}
            }
        }
        Self::from_value(kind, value)
    }

    /// Checks every field and gives the content to store; all problems are reported together.
    pub fn validate(self) -> Result<DocumentContent, Violations> {
        let kind = self.kind();
        let mut v = Violations::new();
        let mut value = self.to_value();
        let mut refs: Vec<(String, String)> = Vec::new();
        let (visibility, themes, text, action_items, actions) = match self {
            DocumentInput::Practice(mut i) => {
                validate_practice(&mut i, &mut v);
                value = serde_json::to_value(&i).unwrap_or(value);
                (i.visibility, i.themes, Texts::Practice(i.text), Vec::new(), Vec::new())
            }
            DocumentInput::MeetingNote(mut i) => {
                validate_meeting(&mut i, &mut v, &mut refs);
                value = serde_json::to_value(&i).unwrap_or(value);
                (i.visibility, i.themes, Texts::MeetingNote(i.text), i.action_items, Vec::new())
            }
            DocumentInput::ActionPlan(mut i) => {
                validate_plan(&mut i, &mut v);
                value = serde_json::to_value(&i).unwrap_or(value);
                (i.visibility, i.themes, Texts::ActionPlan(i.text), Vec::new(), i.actions)
            }
        };
        let visibility = v.check("visibility", Visibility::parse(&visibility));
        let themes = check_codes("themes", &themes, THEMES, &mut v);
        let mut text = text;
        text.validate("text", actions.len(), &mut v);
        if let Some(object) = value.as_object_mut() {
            for key in NOT_DETAILS {
                object.remove(*key);
            }
        }
        match visibility {
            Some(visibility) if v.is_empty() => Ok(DocumentContent {
                kind,
                visibility,
                themes,
                details: value,
                text,
                action_items,
                actions,
                partner_refs: refs,
            }),
            _ => Err(v),
        }
    }
}

fn validate_practice(i: &mut PracticeInput, v: &mut Violations) {
    i.target_groups = check_codes("target_groups", &i.target_groups, TARGET_GROUPS, v);
    i.instruments = check_codes("instruments", &i.instruments, INSTRUMENTS, v);
    let loc = &mut i.location;
    check_text("location.country", &mut loc.country, SHORT_MAX, false, v);
    let iso_code = loc.country.len() == 2 && loc.country.bytes().all(|b| b.is_ascii_uppercase());
    if !loc.country.is_empty() && !iso_code {
        v.push(FieldError::new("location.country", "invalid_country", "an ISO 3166 two-letter code such as FR"));
    }
    check_text("location.region", &mut loc.region, SHORT_MAX, false, v);
    check_text("location.city", &mut loc.city, SHORT_MAX, false, v);
    for (field, year) in [("start_year", i.start_year), ("end_year", i.end_year)] {
        if year.is_some_and(|y| !(1900..=2100).contains(&y)) {
            v.push(FieldError::new(field, "out_of_range", "a year from 1900 to 2100"));
        }
    }
    if let (Some(start), Some(end)) = (i.start_year, i.end_year)
        && end < start
    {
        v.push(FieldError::new("end_year", "before_start", "the practice ends before it starts"));
    }
    let e = &mut i.evidence;
    if let Some(code) = &e.instrument_type {
        check_code("evidence.instrument_type", code, INSTRUMENTS, v);
    }
    for (field, amount) in [
        ("evidence.loan_size_min_eur", e.loan_size_min_eur),
        ("evidence.loan_size_max_eur", e.loan_size_max_eur),
        ("evidence.beneficiaries_reached", e.beneficiaries_reached),
    ] {
        if amount.is_some_and(|n| !(0..=1_000_000_000_000).contains(&n)) {
            v.push(FieldError::new(field, "out_of_range", "a number from 0"));
        }
    }
    if let (Some(min), Some(max)) = (e.loan_size_min_eur, e.loan_size_max_eur)
        && min > max
    {
        v.push(FieldError::new(
            "evidence.loan_size_max_eur",
            "below_minimum",
            "the largest loan is below the smallest",
        ));
    }
    if e.repayment_rate_percent.is_some_and(|r| !(0.0..=100.0).contains(&r)) {
        v.push(FieldError::new("evidence.repayment_rate_percent", "out_of_range", "a percentage from 0 to 100"));
    }
    check_optional("evidence.funding_source", &mut e.funding_source, SHORT_MAX, v);
    check_text("contact.name", &mut i.contact.name, SHORT_MAX, false, v);
    check_text("contact.organisation", &mut i.contact.organisation, SHORT_MAX, false, v);
    check_optional("contact.email", &mut i.contact.email, 254, v);
    if let Some(email) = &i.contact.email {
        match Email::parse(email) {
            Ok(parsed) => i.contact.email = Some(parsed.to_string()),
            Err(mut e) => {
                e.field = "contact.email".into();
                v.push(e);
            }
        }
    }
    if i.links.len() > 20 {
        v.push(FieldError::new("links", "too_many", "at most 20 links"));
    }
    for (n, link) in i.links.iter_mut().enumerate() {
        *link = link.trim().to_owned();
        check_url(&format!("links[{n}]"), link, v);
    }
}

fn validate_meeting(i: &mut MeetingNoteInput, v: &mut Violations, refs: &mut Vec<(String, String)>) {
    check_code("meeting_type", &i.meeting_type, MEETING_TYPES, v);
    if i.ends_at < i.starts_at {
        v.push(FieldError::new("ends_at", "before_start", "the meeting ends before it starts"));
    }
    match TimeZone::parse(&i.time_zone) {
        Ok(zone) => i.time_zone = zone.to_string(),
        Err(mut e) => {
            e.field = "time_zone".into();
            v.push(e);
        }
    }
    check_text("place", &mut i.place, SHORT_MAX, false, v);
    check_optional("online_url", &mut i.online_url, 2000, v);
    if let Some(url) = &i.online_url {
        check_url("online_url", url, v);
    }
    if i.place.is_empty() && i.online_url.is_none() {
        v.push(FieldError::new("place", "required", "give a place, an online_url, or both"));
    }
    if i.attendees.len() > 500 {
        v.push(FieldError::new("attendees", "too_many", "at most 500 attendees"));
    }
    for (n, a) in i.attendees.iter_mut().enumerate() {
        check_text(&format!("attendees[{n}].name"), &mut a.name, SHORT_MAX, true, v);
        check_text(&format!("attendees[{n}].organisation"), &mut a.organisation, SHORT_MAX, false, v);
        if let Some(slug) = &a.partner {
            check_slug(&format!("attendees[{n}].partner"), slug, v);
            refs.push((format!("attendees[{n}].partner"), slug.clone()));
        }
    }
    if i.action_items.len() > 200 {
        v.push(FieldError::new("action_items", "too_many", "at most 200 action items"));
    }
    for (n, item) in i.action_items.iter_mut().enumerate() {
        check_text(&format!("action_items[{n}].title"), &mut item.title, TITLE_MAX, true, v);
        check_code(&format!("action_items[{n}].status"), &item.status, ACTION_ITEM_STATUSES, v);
        if let Some(slug) = &item.assignee {
            check_slug(&format!("action_items[{n}].assignee"), slug, v);
            refs.push((format!("action_items[{n}].assignee"), slug.clone()));
        }
    }
    let mut seen = Vec::new();
    for (n, item) in i.action_items.iter().enumerate() {
        if let Some(id) = item.id {
            if seen.contains(&id) {
                v.push(FieldError::new(format!("action_items[{n}].id"), "duplicate", "listed twice"));
            }
            seen.push(id);
        }
    }
}

fn validate_plan(i: &mut ActionPlanInput, v: &mut Violations) {
    check_text("policy_instrument", &mut i.policy_instrument, SHORT_MAX, true, v);
    check_text("region", &mut i.region, SHORT_MAX, false, v);
    if i.actions.len() > 50 {
        v.push(FieldError::new("actions", "too_many", "at most 50 actions"));
    }
    let mut seen = Vec::new();
    for (n, a) in i.actions.iter_mut().enumerate() {
        check_code(&format!("actions[{n}].status"), &a.status, PLAN_ACTION_STATUSES, v);
        if !(0..=100).contains(&a.progress_percent) {
            v.push(FieldError::new(format!("actions[{n}].progress_percent"), "out_of_range", "from 0 to 100"));
        }
        if let (Some(start), Some(end)) = (a.starts_on, a.ends_on)
            && end < start
        {
            v.push(FieldError::new(
                format!("actions[{n}].ends_on"),
                "before_start",
                "the action ends before it starts",
            ));
        }
        if a.estimated_cost_eur.is_some_and(|c| c < 0) {
            v.push(FieldError::new(format!("actions[{n}].estimated_cost_eur"), "out_of_range", "a cost from 0"));
        }
        let mut unique = Vec::new();
        for practice in &a.inspired_by {
            if !unique.contains(practice) {
                unique.push(*practice);
            }
        }
        a.inspired_by = unique;
        if let Some(id) = a.id {
            if seen.contains(&id) {
                v.push(FieldError::new(format!("actions[{n}].id"), "duplicate", "listed twice"));
            }
            seen.push(id);
        }
    }
}

/// Lays `patch` over `current`: top-level fields are replaced; inside `text`, the fields sent
/// are replaced and the others kept. `language` and `partner` cannot change.
pub fn merge_patch(current: &Value, patch: &Value) -> Result<Value, Violations> {
    let Some(changes) = patch.as_object() else {
        return Err(FieldError::new("body", "not_an_object", "the body must be a JSON object").into());
    };
    let mut merged = current.clone();
    let Some(target) = merged.as_object_mut() else { return Ok(merged) };
    let mut v = Violations::new();
    for (key, value) in changes {
        match key.as_str() {
            "language" | "partner" => {
                v.push(FieldError::new(key, "immutable", "fixed when the document was created"));
            }
            "text" => match (target.get_mut("text").and_then(Value::as_object_mut), value.as_object()) {
                (Some(text), Some(fields)) => {
                    for (name, field) in fields {
                        text.insert(name.clone(), field.clone());
                    }
                }
                _ => {
                    target.insert(key.clone(), value.clone());
                }
            },
            _ => {
                target.insert(key.clone(), value.clone());
            }
        }
    }
    if v.is_empty() { Ok(merged) } else { Err(v) }
}

/// The names of the top-level fields (and `text.*` fields) that differ between two stored forms.
pub fn changed_fields(before: &Value, after: &Value) -> Vec<String> {
    let mut changed = Vec::new();
    let empty = serde_json::Map::new();
    let b = before.as_object().unwrap_or(&empty);
    let a = after.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let (x, y) = (b.get(key), a.get(key));
        if x == y {
            continue;
        }
        if key == "text"
            && let (Some(Value::Object(tx)), Some(Value::Object(ty))) = (x, y)
        {
            let mut names: Vec<&String> = tx.keys().chain(ty.keys()).collect();
            names.sort();
            names.dedup();
            for name in names {
                if tx.get(name) != ty.get(name) {
                    changed.push(format!("text.{name}"));
                }
            }
            continue;
        }
        changed.push(key.clone());
    }
    changed
}

#[cfg(test)]
mod tests {
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
        let errors =
            DocumentInput::from_value(Kind::MeetingNote, body).expect("parses").validate().expect_err("invalid");
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
        let errors =
            DocumentInput::from_value(Kind::ActionPlan, body).expect("parses").validate().expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["actions[1].progress_percent", "text.actions"]);
    }

    #[test]
    fn patches_replace_fields_and_merge_texts() {
        let current =
            json!({ "visibility": "public", "themes": ["microcredit"], "text": {"title": "A", "summary": "S"} });
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
}
