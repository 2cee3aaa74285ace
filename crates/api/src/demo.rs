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
    seed_work_plan(db, now, &mut report)?;
    Ok(report)
}

/// The work plan of the demo: work packages and deliverables across the semesters; the early
/// ones approved, some submitted, some late, the later ones planned.
const WORK_PACKAGES: &[(&str, &str, &str)] = &[
    ("WP1", "Exchange of experience", "Échange d'expériences"),
    ("WP2", "Policy improvement and action plans", "Amélioration des politiques et plans d'action"),
    ("WP3", "Communication and dissemination", "Communication et diffusion"),
];

const ALL_REGIONS: &[&str] = &["bologna", "heart-of-slovenia", "orebro", "seine-saint-denis", "bucharest-ilfov"];

/// Code, work package, period, due date, English title, responsible partners, status.
type DemoDeliverable =
    (&'static str, &'static str, &'static str, &'static str, &'static str, &'static [&'static str], &'static str);

const DELIVERABLES: &[DemoDeliverable] = &[
    ("D1.1", "WP1", "S1", "2023-08-31", "Methodology for the exchange of experience", &["bucharest-ilfov"], "approved"),
    ("D1.2", "WP1", "S2", "2024-02-29", "Regional stakeholder groups set up", ALL_REGIONS, "approved"),
    ("D1.3", "WP1", "S3", "2024-08-31", "Good practices identified in each region", ALL_REGIONS, "approved"),
    ("D1.4", "WP1", "S4", "2025-02-28", "Study visit reports", &["yunus-italy", "bologna"], "submitted"),
    (
        "D1.5",
        "WP1",
        "S5",
        "2025-08-31",
        "Gap analysis of microfinance instruments",
        &["heart-of-slovenia", "orebro"],
        "in_progress",
    ),
    ("D2.1", "WP2", "S5", "2025-08-31", "Policy change clinic conclusions", &["seine-saint-denis"], "approved"),
    ("D2.2", "WP2", "S6", "2026-02-28", "Policy action plans adopted", ALL_REGIONS, "in_progress"),
    ("D2.3", "WP2", "FU", "2027-02-28", "Monitoring of the action plans", ALL_REGIONS, "planned"),
    ("D3.1", "WP3", "S1", "2023-06-30", "Communication strategy", &["bucharest-ilfov"], "approved"),
    ("D3.2", "WP3", "S4", "2025-01-31", "Newsletter and policy briefs, first series", &["yunus-italy"], "approved"),
    ("D3.3", "WP3", "FU", "2026-12-15", "Final conference", &["bucharest-ilfov", "yunus-italy"], "planned"),
    ("D3.4", "WP3", "FU", "2027-05-31", "Final project report", &["bucharest-ilfov"], "planned"),
];

fn seed_work_plan(db: &Db, now: chrono::DateTime<chrono::Utc>, report: &mut DemoReport) -> Result<(), String> {
    use mfx_domain::tracking::{DeliverableStatus, deliverable_move};
    use mfx_store::tracking as plan;
    db.write(|conn| {
        for (code, en, fr) in WORK_PACKAGES {
            if plan::work_package_id(conn, code)?.is_none() {
                let titles =
                    plan::Titles::from([("en".to_owned(), (*en).to_owned()), ("fr".to_owned(), (*fr).to_owned())]);
                plan::insert_work_package(conn, code, &titles, now)?;
            }
        }
        for (code, wp, period, due, title, partner_slugs, status) in DELIVERABLES {
            if plan::deliverable_by_code(conn, code)?.is_some() {
                report.already_present += 1;
                continue;
            }
            let slugs: Vec<String> = partner_slugs.iter().map(|s| (*s).to_owned()).collect();
            let known = documents::partner_ids(conn, &slugs)?;
            let fields = plan::DeliverableFields {
                code: (*code).to_owned(),
                work_package_id: plan::work_package_id(conn, wp)?.unwrap_or_default(),
                period_id: plan::period_id(conn, period)?,
                titles: plan::Titles::from([("en".to_owned(), (*title).to_owned())]),
                description: String::new(),
                due_on: due.parse().map_err(|e| invalid(code, &format!("due date: {e}")))?,
                partners: slugs.iter().filter_map(|s| known.get(s).copied()).collect(),
                evidence: Vec::new(),
            };
            let id = plan::insert_deliverable(conn, &fields, None, now)?;
            let target = DeliverableStatus::parse(status).map_err(|e| invalid(code, &e.message))?;
            let path: &[DeliverableStatus] = match target {
                DeliverableStatus::Planned => &[],
                DeliverableStatus::InProgress => &[DeliverableStatus::InProgress],
                DeliverableStatus::Submitted => &[DeliverableStatus::InProgress, DeliverableStatus::Submitted],
                DeliverableStatus::Approved => {
                    &[DeliverableStatus::InProgress, DeliverableStatus::Submitted, DeliverableStatus::Approved]
                }
            };
            let mut current = DeliverableStatus::Planned;
            for next in path {
                deliverable_move(current, *next).map_err(|e| invalid(code, &e.to_string()))?;
                plan::move_deliverable(conn, id, current, *next, None, None, now)?;
                current = *next;
            }
            report.created += 1;
        }
        Ok(())
    })
    .map_err(|e| format!("demo work plan: {e}"))
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
        let seeded = Seeded { kind, partner: &partner, status, seed_key: Some(&key_for_db), at: now };
        let (_, count) = insert_with_translations(conn, &seeded, entry, translations, &outdated)?;
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

/// How a seeding command writes one document.
pub(crate) struct Seeded<'a> {
    pub kind: Kind,
    pub partner: &'a mfx_domain::partner::Partner,
    pub status: Status,
    pub seed_key: Option<&'a str>,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Writes a document from its JSON body and its translations (an object of language → texts),
/// those named in `outdated` as made from before the current original; returns its id and
/// how many translations were written.
pub(crate) fn insert_with_translations(
    conn: &mut mfx_store::DbConnection,
    seeded: &Seeded<'_>,
    body: Value,
    translations: Value,
    outdated: &[String],
) -> Result<(DocumentId, usize), StoreError> {
    let (kind, key) = (seeded.kind, seeded.seed_key.unwrap_or("entry"));
    let input = DocumentInput::from_value(kind, body).map_err(|v| invalid(key, &format!("{v:?}")))?;
    let locale = match input.language() {
        Some(tag) => tag.parse::<Locale>().map_err(|e| invalid(key, &e.to_string()))?,
        None => seeded.partner.profile.locale,
    };
    let content = input.validate().map_err(|v| invalid(key, &format!("{v:?}")))?;
    let actions = content.actions.len();
    let id: DocumentId = documents::insert(
        conn,
        NewDocument {
            content: &content,
            partner: seeded.partner.id,
            original_locale: locale,
            status: seeded.status,
            author: None,
            seed_key: seeded.seed_key,
        },
        seeded.at,
    )?;
    let mut count = 0;
    for (tag, text) in translations.as_object().cloned().unwrap_or_default() {
        let locale: Locale =
            tag.parse().map_err(|e: mfx_domain::locale::UnsupportedLocale| invalid(key, &e.to_string()))?;
        let mut texts = Texts::from_value(kind, text).map_err(|v| invalid(key, &format!("{v:?}")))?;
        let mut violations = mfx_domain::Violations::new();
        texts.validate("text", actions, &mut violations);
        if !violations.is_empty() {
            return Err(invalid(key, &format!("{tag}: {violations:?}")));
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
            seeded.at,
        )?;
        count += 1;
    }
    Ok((id, count))
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
