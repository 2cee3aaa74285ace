//! The content of documents as clients send it and as it is stored: the translatable texts
//! and the structured fields of each kind, with their validation. One parser serves create,
//! edit (the stored form with the changes laid over it) and the demo seed.

//!
//! The fields themselves are described in [`crate::fields`]; the checks follow that description
//! (`check`), the texts in every language are in `texts`, the structured input in `inputs`.

mod check;
mod inputs;
mod texts;

pub use inputs::*;
pub use texts::*;

use crate::document::{Kind, Visibility};
use crate::error::{FieldError, Violations};
use check::{described, meeting_rules, plan_rules, practice_rules};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use crate::fields::{SHORT_MAX, TEXT_MAX, TITLE_MAX};

pub(super) fn parse_as<T: DeserializeOwned>(field: &str, value: Value) -> Result<T, Violations> {
    serde_json::from_value(value).map_err(|e| {
        let message = e.to_string();
        let code = if message.starts_with("unknown field") { "unknown_field" } else { "invalid_value" };
        Violations::from(FieldError::new(field, code, message))
    })
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
            DocumentInput::Practice(i) => {
                let i = described(kind.fields(), &i, &mut v, &mut refs).unwrap_or(i);
                practice_rules(&i, &mut v);
                value = serde_json::to_value(&i).unwrap_or(value);
                (i.visibility, i.themes, Texts::Practice(i.text), Vec::new(), Vec::new())
            }
            DocumentInput::MeetingNote(i) => {
                let i = described(kind.fields(), &i, &mut v, &mut refs).unwrap_or(i);
                meeting_rules(&i, &mut v);
                value = serde_json::to_value(&i).unwrap_or(value);
                (i.visibility, i.themes, Texts::MeetingNote(i.text), i.action_items, Vec::new())
            }
            DocumentInput::ActionPlan(i) => {
                let mut i = described(kind.fields(), &i, &mut v, &mut refs).unwrap_or(i);
                plan_rules(&mut i, &mut v);
                value = serde_json::to_value(&i).unwrap_or(value);
                (i.visibility, i.themes, Texts::ActionPlan(i.text), Vec::new(), i.actions)
            }
        };
        let visibility = v.check("visibility", Visibility::parse(&visibility));
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
mod tests;
