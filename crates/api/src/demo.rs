//! `mfx seed-demo`: realistic demo content in all six languages — good practices of every
//! partner with translations (some outdated), meeting notes with action items, and an action
//! plan per region whose actions cite other partners' practices. Idempotent: each entry has a
//! key, and an entry already present is left as it is.

use mfx_domain::Locale;
use mfx_domain::content::{DocumentInput, Texts};
use mfx_domain::document::{DocumentId, Kind, Origin, Status};
use mfx_store::documents::{self, NewDocument, Translation};
use mfx_store::{Db, StoreError, partners};
use serde_json::Value;

const PRACTICES: &str = include_str!("../../../seed/demo/practices.json");
const MEETING_NOTES: &str = include_str!("../../../seed/demo/meeting_notes.json");
const ACTION_PLANS: &str = include_str!("../../../seed/demo/action_plans.json");

/// What seeding did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DemoReport {
    pub created: usize,
    pub translations: usize,
    pub already_present: usize,
}

/// Adds the demo content that is not there yet.
pub fn seed(db: &Db, now: chrono::DateTime<chrono::Utc>) -> Result<DemoReport, String> {
    let mut report = DemoReport::default();
    for (kind, text) in
        [(Kind::Practice, PRACTICES), (Kind::MeetingNote, MEETING_NOTES), (Kind::ActionPlan, ACTION_PLANS)]
    {
        let entries: Vec<Value> = serde_json::from_str(text).map_err(|e| format!("demo {}: {e}", kind.collection()))?;
        for entry in entries {
            seed_entry(db, kind, entry, now, &mut report)?;
        }
    }
    Ok(report)
}

fn text_of(entry: &Value, field: &str) -> Result<String, String> {
    entry.get(field).and_then(Value::as_str).map(str::to_owned).ok_or_else(|| format!("a demo entry has no {field}"))
}

fn seed_entry(
    db: &Db,
    kind: Kind,
    mut entry: Value,
    now: chrono::DateTime<chrono::Utc>,
    report: &mut DemoReport,
) -> Result<(), String> {
    let key = text_of(&entry, "key")?;
    let slug = text_of(&entry, "partner")?;
    let status = Status::parse(&text_of(&entry, "status")?).map_err(|e| format!("{key}: {}", e.message))?;
    let object = entry.as_object_mut().ok_or_else(|| format!("{key}: not an object"))?;
    for field in ["key", "status"] {
        object.remove(field);
    }
    let translations = object.remove("translations").unwrap_or(Value::Null);
    let outdated: Vec<String> =
        object.remove("outdated").and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default();
    let key_for_db = key.clone();
    db.write(move |conn| {
        if documents::find_by_seed_key(conn, &key_for_db)?.is_some() {
            return Ok(None);
        }
        // Action plans cite practices by their demo keys; the stored form cites their ids.
        if let Some(actions) = entry.get_mut("actions").and_then(Value::as_array_mut) {
            for action in actions {
                let Some(object) = action.as_object_mut() else { continue };
                object.remove("key");
                let mut ids = Vec::new();
                for cited in object.get("inspired_by").and_then(Value::as_array).cloned().unwrap_or_default() {
                    let cited = cited.as_str().unwrap_or_default().to_owned();
                    let id = documents::find_by_seed_key(conn, &cited)?
                        .ok_or_else(|| invalid(&key_for_db, &format!("cites the unknown practice {cited}")))?;
                    ids.push(Value::String(id.to_string()));
                }
                object.insert("inspired_by".into(), Value::Array(ids));
            }
        }
        let partner =
            partners::find_by_slug(conn, &slug)?.ok_or_else(|| invalid(&key_for_db, "names an unknown partner"))?;
        let input = DocumentInput::from_value(kind, entry).map_err(|v| invalid(&key_for_db, &format!("{v:?}")))?;
        let locale = match input.language() {
            Some(tag) => tag.parse::<Locale>().map_err(|e| invalid(&key_for_db, &e.to_string()))?,
            None => partner.profile.locale,
        };
        let content = input.validate().map_err(|v| invalid(&key_for_db, &format!("{v:?}")))?;
        let actions = content.actions.len();
        let id: DocumentId = documents::insert(
            conn,
            NewDocument {
                content: &content,
                partner: partner.id,
                original_locale: locale,
                status,
                author: None,
                seed_key: Some(&key_for_db),
            },
            now,
        )?;
        let mut count = 0;
        for (tag, text) in translations.as_object().cloned().unwrap_or_default() {
            let locale: Locale =
                tag.parse().map_err(|e: mfx_domain::locale::UnsupportedLocale| invalid(&key_for_db, &e.to_string()))?;
            let mut texts = Texts::from_value(kind, text).map_err(|v| invalid(&key_for_db, &format!("{v:?}")))?;
            let mut violations = mfx_domain::Violations::new();
            texts.validate("text", actions, &mut violations);
            if !violations.is_empty() {
                return Err(invalid(&key_for_db, &format!("{tag}: {violations:?}")));
            }
            // An outdated translation is one made from before the current original.
            let source_version = outdated.contains(&tag).then_some(0);
            documents::put_translation(
                conn,
                id,
                Translation {
                    locale,
                    texts: &texts,
                    origin: Origin::Human,
                    actor: None,
                    expected_version: None,
                    source_version,
                },
                now,
            )?;
            count += 1;
        }
        Ok(Some(count))
    })
    .map_err(|e| format!("demo entry {key}: {e}"))
    .map(|outcome| match outcome {
        Some(translations) => {
            report.created += 1;
            report.translations += translations;
        }
        None => report.already_present += 1,
    })
}

fn invalid(key: &str, why: &str) -> StoreError {
    StoreError::Corrupt { table: "demo", detail: format!("{key} {why}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_files_parse_and_validate() {
        for (kind, text, expected) in [
            (Kind::Practice, PRACTICES, 18),
            (Kind::MeetingNote, MEETING_NOTES, 8),
            (Kind::ActionPlan, ACTION_PLANS, 5),
        ] {
            let entries: Vec<Value> = serde_json::from_str(text).expect("valid JSON");
            assert_eq!(entries.len(), expected);
            for mut entry in entries {
                let object = entry.as_object_mut().expect("object");
                for field in ["key", "status", "translations", "outdated"] {
                    object.remove(field);
                }
                if let Some(actions) = object.get_mut("actions").and_then(Value::as_array_mut) {
                    for action in actions {
                        let action = action.as_object_mut().expect("object");
                        action.remove("key");
                        action.insert("inspired_by".into(), Value::Array(vec![]));
                    }
                }
                let input = DocumentInput::from_value(kind, entry).expect("parses");
                input.validate().expect("valid");
            }
        }
    }
}
