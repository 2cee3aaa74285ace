//! The translatable texts of each kind, in one language, and their checks.

use super::check::check_text_field;
use super::parse_as;
use crate::document::Kind;
use crate::error::{FieldError, Violations};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

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

    /// Every Markdown field with its path (`summary`, `actions[1].description`), as the kind's
    /// description lists them; not the document's title, but the title of each record.
    pub fn markdown_fields(&self) -> Vec<(String, String)> {
        let value = self.to_value();
        let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        let kind = self.kind();
        let mut fields: Vec<(String, String)> =
            kind.text_fields().filter(|f| f.is_markdown()).map(|f| (f.name.to_owned(), text(&value[f.name]))).collect();
        if let Some(records) = kind.translated_records() {
            for (i, row) in value[records.name].as_array().into_iter().flatten().enumerate() {
                for child in records.children().iter().filter(|c| c.translatable) {
                    fields.push((format!("{}[{i}].{}", records.name, child.name), text(&row[child.name])));
                }
            }
        }
        fields
    }

    /// All text but the title, for the search index.
    pub fn plain_content(&self) -> String {
        let fields = self.markdown_fields();
        let mut out = String::with_capacity(fields.iter().map(|(_, v)| v.len() + 1).sum());
        for (_, value) in fields {
            if !value.is_empty() {
                out.push_str(&value);
                out.push('\n');
            }
        }
        out
    }

    /// Trims and checks every field as the kind's description says; a plan's texts must cover
    /// exactly `plan_actions` actions.
    pub fn validate(&mut self, prefix: &str, plan_actions: usize, violations: &mut Violations) {
        let kind = self.kind();
        let mut value = self.to_value();
        let Some(object) = value.as_object_mut() else { return };
        for field in kind.text_fields() {
            check_text_field(&format!("{prefix}.{}", field.name), field, object, violations);
        }
        if let Some(records) = kind.translated_records() {
            let rows = object.get_mut(records.name).and_then(Value::as_array_mut);
            let count = rows.as_ref().map_or(0, |r| r.len());
            if count != plan_actions {
                violations.push(FieldError::new(
                    format!("{prefix}.{}", records.name),
                    "action_count_mismatch",
                    format!("the plan has {plan_actions} action(s); give a text for each, in order"),
                ));
            }
            for (i, row) in rows.into_iter().flatten().enumerate() {
                let Some(row) = row.as_object_mut() else { continue };
                for child in records.children().iter().filter(|c| c.translatable) {
                    check_text_field(&format!("{prefix}.{}[{i}].{}", records.name, child.name), child, row, violations);
                }
            }
        }
        if let Ok(checked) = Texts::from_value(kind, value) {
            *self = checked;
        }
    }
}
