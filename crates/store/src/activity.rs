//! The activity feed: one row per event, in time order, read by digests and dashboards.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::activity;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::document::Kind;
use mfx_domain::{Locale, PartnerId, UserId};
use serde_json::Value;
use uuid::Uuid;

/// An event to record.
#[derive(Debug, Clone)]
pub struct NewActivity {
    pub at: DateTime<Utc>,
    pub actor: Option<UserId>,
    /// What happened: `document_created`, `translation_updated`, …
    pub verb: &'static str,
    pub subject_kind: &'static str,
    pub subject_id: String,
    pub document_kind: Option<Kind>,
    /// The partner the subject belongs to.
    pub partner: Option<PartnerId>,
    pub locale: Option<Locale>,
    pub details: Value,
}

pub fn record(conn: &mut DbConnection, event: NewActivity) -> Result<(), StoreError> {
    diesel::insert_into(activity::table)
        .values((
            activity::id.eq(Uuid::now_v7().to_string()),
            activity::at.eq(event.at.naive_utc()),
            activity::actor_id.eq(event.actor.map(|a| a.to_string())),
            activity::verb.eq(event.verb),
            activity::subject_kind.eq(event.subject_kind),
            activity::subject_id.eq(&event.subject_id),
            activity::document_kind.eq(event.document_kind.map(Kind::as_str)),
            activity::partner_id.eq(event.partner.map(|p| p.to_string())),
            activity::locale.eq(event.locale.map(Locale::as_str)),
            activity::details.eq(event.details.to_string()),
        ))
        .execute(conn)?;
    Ok(())
}

/// A recorded event.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRecord {
    pub id: String,
    pub at: DateTime<Utc>,
    pub actor: Option<UserId>,
    pub verb: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub document_kind: Option<Kind>,
    pub partner: Option<PartnerId>,
    pub locale: Option<Locale>,
    pub details: Value,
}

type Row = (
    String,
    NaiveDateTime,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

macro_rules! columns {
    () => {
        (
            activity::id,
            activity::at,
            activity::actor_id,
            activity::verb,
            activity::subject_kind,
            activity::subject_id,
            activity::document_kind,
            activity::partner_id,
            activity::locale,
            activity::details,
        )
    };
}

fn to_record(
    (id, at, actor, verb, subject_kind, subject_id, document_kind, partner, locale, details): Row,
) -> Result<ActivityRecord, StoreError> {
    let bad = |what: &str| corrupt("activity", format!("{what} of {id}"));
    Ok(ActivityRecord {
        at: at.and_utc(),
        actor: actor.as_deref().map(str::parse).transpose().map_err(|_| bad("actor"))?,
        verb,
        subject_kind,
        subject_id,
        document_kind: document_kind.as_deref().and_then(Kind::parse),
        partner: partner.as_deref().map(str::parse).transpose().map_err(|_| bad("partner"))?,
        locale: locale.as_deref().map(str::parse).transpose().map_err(|_| bad("locale"))?,
        details: serde_json::from_str(&details).map_err(|_| bad("details"))?,
        id,
    })
}

/// Events after `since` (exclusive), oldest first, at most `limit`.
pub fn since(conn: &mut DbConnection, since: DateTime<Utc>, limit: i64) -> Result<Vec<ActivityRecord>, StoreError> {
    let rows: Vec<Row> = activity::table
        .filter(activity::at.gt(since.naive_utc()))
        .order((activity::at, activity::id))
        .limit(limit)
        .select(columns!())
        .load(conn)?;
    rows.into_iter().map(to_record).collect()
}

/// The latest events about one subject (`account` and its id), newest first, at most `limit`.
pub fn of_subject(
    conn: &mut DbConnection,
    subject_kind: &str,
    subject_id: &str,
    limit: i64,
) -> Result<Vec<ActivityRecord>, StoreError> {
    let rows: Vec<Row> = activity::table
        .filter(activity::subject_kind.eq(subject_kind))
        .filter(activity::subject_id.eq(subject_id))
        .order((activity::at.desc(), activity::id.desc()))
        .limit(limit)
        .select(columns!())
        .load(conn)?;
    rows.into_iter().map(to_record).collect()
}

/// The fields of account events whose values identify a person.
pub const PERSONAL_FIELDS: [&str; 3] = ["display_name", "email", "name"];

/// Clears the names and email addresses recorded in account events before `before`: an event
/// keeps which fields changed, who changed them and when, without the old and new values of a
/// personal field. Details that cannot be read are cleared whole. Returns how many events were
/// cleared.
pub fn clear_personal_values(conn: &mut DbConnection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    let rows: Vec<(String, String)> = activity::table
        .filter(activity::subject_kind.eq("account"))
        .filter(activity::at.lt(before.naive_utc()))
        .filter(activity::details.ne("{}"))
        .select((activity::id, activity::details))
        .load(conn)?;
    let mut cleared = 0;
    for (id, text) in rows {
        let cleaned = match serde_json::from_str::<Value>(&text) {
            Ok(details) => Some(without_personal_values(&details)).filter(|cleaned| *cleaned != details),
            Err(_) => Some(Value::Object(serde_json::Map::new())),
        };
        if let Some(cleaned) = cleaned {
            diesel::update(activity::table.find(&id)).set(activity::details.eq(cleaned.to_string())).execute(conn)?;
            cleared += 1;
        }
    }
    Ok(cleared)
}

/// `details` without personal values: top-level personal fields go, and a change of a personal
/// field keeps only its `field`.
fn without_personal_values(details: &Value) -> Value {
    let mut cleaned = details.clone();
    if let Some(map) = cleaned.as_object_mut() {
        map.retain(|key, _| !PERSONAL_FIELDS.contains(&key.as_str()));
        if let Some(changes) = map.get_mut("changes").and_then(Value::as_array_mut) {
            for change in changes {
                let personal =
                    change.get("field").and_then(Value::as_str).is_some_and(|field| PERSONAL_FIELDS.contains(&field));
                if personal && let Some(change) = change.as_object_mut() {
                    change.retain(|key, _| key == "field");
                }
            }
        }
    }
    cleaned
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn personal_values_go_and_the_change_stays() {
        let details = json!({ "changes": [
            { "field": "display_name", "from": "Ana Pop", "to": "Ana Ionescu" },
            { "field": "role", "from": "editor", "to": "coordinator" },
        ], "email": "ana@example.ro" });
        assert_eq!(
            without_personal_values(&details),
            json!({ "changes": [
                { "field": "display_name" },
                { "field": "role", "from": "editor", "to": "coordinator" },
            ] })
        );
        let plain = json!({ "role": "editor", "partner": "orebro" });
        assert_eq!(without_personal_values(&plain), plain);
    }
}
