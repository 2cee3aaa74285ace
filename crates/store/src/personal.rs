//! Everything the platform holds about one person, read for them to take away: the account's
//! sessions and calendar addresses, the documents they created, the revisions, translations,
//! drafts and proposals they made, the deliverable moves, their activity and the digests sent
//! to them. Secrets (password hash, token hashes) are never read.

use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::{
    activity, calendar_tokens, deliverable_history, digest_outbox, document_drafts, document_revisions, document_texts,
    documents, partners, pending_translations, sessions,
};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use mfx_domain::UserId;
use serde_json::{Value, json};

/// One person's records, section by section, each a list of JSON objects in time order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonalData {
    pub sessions: Vec<Value>,
    pub calendar_addresses: Vec<Value>,
    pub documents: Vec<Value>,
    pub revisions: Vec<Value>,
    pub translations: Vec<Value>,
    pub drafts: Vec<Value>,
    pub proposed_translations: Vec<Value>,
    pub deliverable_moves: Vec<Value>,
    pub activity: Vec<Value>,
    pub digests: Vec<Value>,
}

fn at(t: NaiveDateTime) -> Value {
    Value::String(t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

fn maybe(t: Option<NaiveDateTime>) -> Value {
    t.map_or(Value::Null, at)
}

/// Parses a column that holds JSON; text that is not JSON is kept as text.
fn stored(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}

pub fn read(conn: &mut DbConnection, id: UserId) -> Result<PersonalData, StoreError> {
    let key = id.to_string();
    let mut data = PersonalData::default();

    let rows: Vec<(NaiveDateTime, NaiveDateTime, Option<NaiveDateTime>, Option<String>)> = sessions::table
        .filter(sessions::user_id.eq(&key))
        .order(sessions::created_at)
        .select((sessions::created_at, sessions::expires_at, sessions::revoked_at, sessions::cookie_hash))
        .load(conn)?;
    data.sessions = rows
        .into_iter()
        .map(|(created, expires, revoked, cookie)| {
            json!({
                "signed_in_at": at(created),
                "expires_at": at(expires),
                "ended_at": maybe(revoked),
                "kind": if cookie.is_some() { "browser" } else { "api" },
            })
        })
        .collect();

    let rows: Vec<(NaiveDateTime, Option<NaiveDateTime>)> = calendar_tokens::table
        .filter(calendar_tokens::user_id.eq(&key))
        .order(calendar_tokens::created_at)
        .select((calendar_tokens::created_at, calendar_tokens::revoked_at))
        .load(conn)?;
    data.calendar_addresses = rows
        .into_iter()
        .map(|(created, revoked)| json!({ "made_at": at(created), "stopped_at": maybe(revoked) }))
        .collect();

    type DocumentRow = (String, String, String, String, String, String, NaiveDateTime, Option<NaiveDateTime>);
    let rows: Vec<DocumentRow> = documents::table
        .inner_join(partners::table)
        .filter(documents::created_by.eq(&key))
        .order((documents::created_at, documents::id))
        .select((
            documents::id,
            documents::kind,
            partners::slug,
            documents::original_locale,
            documents::status,
            documents::visibility,
            documents::created_at,
            documents::published_at,
        ))
        .load(conn)?;
    for (doc, kind, partner, original, status, visibility, created, published) in rows {
        let texts: Vec<(String, String, String)> = document_texts::table
            .filter(document_texts::document_id.eq(&doc))
            .order(document_texts::locale)
            .select((document_texts::locale, document_texts::title, document_texts::fields))
            .load(conn)?;
        let texts: Vec<Value> = texts
            .into_iter()
            .map(|(locale, title, fields)| json!({ "language": locale, "title": title, "fields": stored(&fields) }))
            .collect();
        data.documents.push(json!({
            "id": doc, "kind": kind, "partner": partner, "original_language": original, "status": status,
            "visibility": visibility, "created_at": at(created), "published_at": maybe(published), "texts": texts,
        }));
    }

    type RevisionRow = (String, i64, NaiveDateTime, String, Option<String>, String, Option<String>);
    let rows: Vec<RevisionRow> = document_revisions::table
        .filter(document_revisions::actor_id.eq(&key))
        .order((document_revisions::at, document_revisions::id))
        .select((
            document_revisions::document_id,
            document_revisions::version,
            document_revisions::at,
            document_revisions::action,
            document_revisions::locale,
            document_revisions::changes,
            document_revisions::comment,
        ))
        .load(conn)?;
    data.revisions = rows
        .into_iter()
        .map(|(doc, version, when, action, locale, changes, comment)| {
            json!({
                "document": doc, "version": version, "at": at(when), "action": action, "language": locale,
                "changes": stored(&changes), "comment": comment,
            })
        })
        .collect();

    let rows: Vec<(String, String, String, NaiveDateTime)> = document_texts::table
        .filter(document_texts::updated_by.eq(&key))
        .order((document_texts::updated_at, document_texts::document_id))
        .select((
            document_texts::document_id,
            document_texts::locale,
            document_texts::title,
            document_texts::updated_at,
        ))
        .load(conn)?;
    data.translations = rows
        .into_iter()
        .map(|(doc, locale, title, when)| {
            json!({ "document": doc, "language": locale, "title": title, "last_changed_at": at(when) })
        })
        .collect();

    let rows: Vec<(String, String, NaiveDateTime)> = document_drafts::table
        .filter(document_drafts::created_by.eq(&key).or(document_drafts::updated_by.eq(&key)))
        .order((document_drafts::updated_at, document_drafts::document_id))
        .select((document_drafts::document_id, document_drafts::status, document_drafts::updated_at))
        .load(conn)?;
    data.drafts = rows
        .into_iter()
        .map(|(doc, status, when)| json!({ "document": doc, "status": status, "last_changed_at": at(when) }))
        .collect();

    let rows: Vec<(String, String, String, NaiveDateTime)> = pending_translations::table
        .filter(pending_translations::submitted_by.eq(&key))
        .order((pending_translations::submitted_at, pending_translations::document_id))
        .select((
            pending_translations::document_id,
            pending_translations::locale,
            pending_translations::title,
            pending_translations::submitted_at,
        ))
        .load(conn)?;
    data.proposed_translations = rows
        .into_iter()
        .map(|(doc, locale, title, when)| json!({ "document": doc, "language": locale, "title": title, "proposed_at": at(when) }))
        .collect();

    type MoveRow = (String, NaiveDateTime, Option<String>, String, Option<String>);
    let rows: Vec<MoveRow> = deliverable_history::table
        .filter(deliverable_history::actor_id.eq(&key))
        .order((deliverable_history::at, deliverable_history::id))
        .select((
            deliverable_history::deliverable_id,
            deliverable_history::at,
            deliverable_history::from_status,
            deliverable_history::to_status,
            deliverable_history::comment,
        ))
        .load(conn)?;
    data.deliverable_moves = rows
        .into_iter()
        .map(|(deliverable, when, from, to, comment)| {
            json!({ "deliverable": deliverable, "at": at(when), "from": from, "to": to, "comment": comment })
        })
        .collect();

    let rows: Vec<(NaiveDateTime, Option<String>, String, String, String, String)> = activity::table
        .filter(activity::actor_id.eq(&key).or(activity::subject_kind.eq("account").and(activity::subject_id.eq(&key))))
        .order((activity::at, activity::id))
        .select((
            activity::at,
            activity::actor_id,
            activity::verb,
            activity::subject_kind,
            activity::subject_id,
            activity::details,
        ))
        .load(conn)?;
    data.activity = rows
        .into_iter()
        .map(|(when, actor, verb, kind, subject, details)| {
            json!({
                "at": at(when), "by_you": actor.as_deref() == Some(key.as_str()), "what": verb,
                "subject_kind": kind, "subject": subject, "details": stored(&details),
            })
        })
        .collect();

    type DigestRow = (NaiveDateTime, NaiveDateTime, String, i32, Option<NaiveDateTime>, Option<String>);
    let rows: Vec<DigestRow> = digest_outbox::table
        .filter(digest_outbox::user_id.eq(&key))
        .order((digest_outbox::period_start, digest_outbox::id))
        .select((
            digest_outbox::period_start,
            digest_outbox::period_end,
            digest_outbox::status,
            digest_outbox::attempts,
            digest_outbox::sent_at,
            digest_outbox::last_error,
        ))
        .load(conn)?;
    data.digests = rows
        .into_iter()
        .map(|(start, end, status, attempts, sent, error)| {
            json!({
                "period_start": at(start), "period_end": at(end), "status": status, "attempts": attempts,
                "sent_at": maybe(sent), "last_error": error,
            })
        })
        .collect();
    Ok(data)
}
