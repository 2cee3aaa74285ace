//! Creating and editing a document's original content: the document with its themes, action
//! items and plan actions, and the revision and activity entry each change writes.

use crate::activity::{self, NewActivity};
use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::{
    action_inspirations, action_items, document_revisions, document_texts, document_themes, documents, partners,
    plan_actions,
};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::content::{ActionItemInput, DocumentContent, PlanActionInput};
use mfx_domain::document::{DocumentId, Origin, Status};
use mfx_domain::{Error, Locale, PartnerId, UserId};
use serde_json::{Value, json};
use uuid::Uuid;

/// A document to create.
#[derive(Debug)]
pub struct NewDocument<'a> {
    pub content: &'a DocumentContent,
    pub partner: PartnerId,
    pub original_locale: Locale,
    pub status: Status,
    pub author: Option<UserId>,
    pub seed_key: Option<&'a str>,
}

/// Creates a document with its original text; run inside a transaction.
pub fn insert(conn: &mut DbConnection, new: NewDocument<'_>, now: DateTime<Utc>) -> Result<DocumentId, StoreError> {
    let id = DocumentId::from_uuid(Uuid::now_v7());
    let key = id.to_string();
    let at = now.naive_utc();
    let content = new.content;
    let author = new.author.map(|u| u.to_string());
    diesel::insert_into(documents::table)
        .values((
            documents::id.eq(&key),
            documents::kind.eq(content.kind.as_str()),
            documents::partner_id.eq(new.partner.to_string()),
            documents::original_locale.eq(new.original_locale.as_str()),
            documents::status.eq(new.status.as_str()),
            documents::visibility.eq(content.visibility.as_str()),
            documents::version.eq(1_i64),
            documents::content_version.eq(1_i64),
            documents::details.eq(content.details.to_string()),
            documents::created_by.eq(&author),
            documents::created_at.eq(at),
            documents::updated_at.eq(at),
            documents::published_at.eq((new.status == Status::Published).then_some(at)),
            documents::seed_key.eq(new.seed_key),
        ))
        .execute(conn)?;
    write_themes(conn, &key, &content.themes)?;
    diesel::insert_into(document_texts::table)
        .values((
            document_texts::document_id.eq(&key),
            document_texts::locale.eq(new.original_locale.as_str()),
            document_texts::origin.eq(Origin::Original.as_str()),
            document_texts::source_version.eq(1_i64),
            document_texts::version.eq(1_i64),
            document_texts::title.eq(content.text.title()),
            document_texts::fields.eq(content.text.to_value().to_string()),
            document_texts::updated_by.eq(&author),
            document_texts::created_at.eq(at),
            document_texts::updated_at.eq(at),
        ))
        .execute(conn)?;
    sync_items(conn, &key, &content.action_items, now)?;
    sync_actions(conn, &key, &content.actions, now)?;
    let owner = Some(new.partner);
    // A document created published (demo data, imports) is a published version from the start.
    let created = if new.status == Status::Published { json!({ "status": "published" }) } else { json!({}) };
    revision(conn, &key, 1, new.author, at, "created", None, &created, None)?;
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: new.author,
            verb: "document_created",
            subject_kind: "document",
            subject_id: key.clone(),
            document_kind: Some(content.kind),
            partner: owner,
            locale: Some(new.original_locale),
            details: json!({ "status": new.status.as_str() }),
        },
    )?;
    Ok(id)
}

fn write_themes(conn: &mut DbConnection, key: &str, themes: &[String]) -> Result<(), StoreError> {
    diesel::delete(document_themes::table.filter(document_themes::document_id.eq(key))).execute(conn)?;
    for theme in themes {
        diesel::insert_into(document_themes::table)
            .values((document_themes::document_id.eq(key), document_themes::theme.eq(theme)))
            .execute(conn)?;
    }
    Ok(())
}

fn resolve_slug(conn: &mut DbConnection, slug: &str) -> Result<String, StoreError> {
    partners::table.filter(partners::slug.eq(slug)).select(partners::id).first::<String>(conn).optional()?.ok_or_else(
        || Error::invalid("assignee", "unknown_partner", format!("`{slug}` is not a partner's slug")).into(),
    )
}

/// Makes the stored action items match `items`: kept by id, new ones added, missing ones removed.
fn sync_items(
    conn: &mut DbConnection,
    key: &str,
    items: &[ActionItemInput],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let at = now.naive_utc();
    let existing: Vec<String> =
        action_items::table.filter(action_items::document_id.eq(key)).select(action_items::id).load(conn)?;
    let kept: Vec<String> = items.iter().filter_map(|i| i.id.map(|id| id.to_string())).collect();
    diesel::delete(
        action_items::table.filter(action_items::document_id.eq(key)).filter(action_items::id.ne_all(&kept)),
    )
    .execute(conn)?;
    for (position, item) in items.iter().enumerate() {
        let assignee = item.assignee.as_deref().map(|slug| resolve_slug(conn, slug)).transpose()?;
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        match item.id.map(|id| id.to_string()).filter(|id| existing.contains(id)) {
            Some(id) => {
                diesel::update(action_items::table.find(&id))
                    .set((
                        action_items::position.eq(position),
                        action_items::title.eq(&item.title),
                        action_items::assignee_partner_id.eq(&assignee),
                        action_items::due_on.eq(item.due_on),
                        action_items::status.eq(&item.status),
                        action_items::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(action_items::table)
                    .values((
                        action_items::id.eq(Uuid::now_v7().to_string()),
                        action_items::document_id.eq(key),
                        action_items::position.eq(position),
                        action_items::title.eq(&item.title),
                        action_items::assignee_partner_id.eq(&assignee),
                        action_items::due_on.eq(item.due_on),
                        action_items::status.eq(&item.status),
                        action_items::created_at.eq(at),
                        action_items::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

fn sync_actions(
    conn: &mut DbConnection,
    key: &str,
    actions: &[PlanActionInput],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let at = now.naive_utc();
    let existing: Vec<String> =
        plan_actions::table.filter(plan_actions::document_id.eq(key)).select(plan_actions::id).load(conn)?;
    let kept: Vec<String> = actions.iter().filter_map(|a| a.id.map(|id| id.to_string())).collect();
    diesel::delete(
        plan_actions::table.filter(plan_actions::document_id.eq(key)).filter(plan_actions::id.ne_all(&kept)),
    )
    .execute(conn)?;
    for (position, action) in actions.iter().enumerate() {
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        let id = match action.id.map(|id| id.to_string()).filter(|id| existing.contains(id)) {
            Some(id) => {
                diesel::update(plan_actions::table.find(&id))
                    .set((
                        plan_actions::position.eq(position),
                        plan_actions::status.eq(&action.status),
                        plan_actions::progress_percent.eq(action.progress_percent),
                        plan_actions::starts_on.eq(action.starts_on),
                        plan_actions::ends_on.eq(action.ends_on),
                        plan_actions::estimated_cost_eur.eq(action.estimated_cost_eur),
                        plan_actions::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                id
            }
            None => {
                let id = Uuid::now_v7().to_string();
                diesel::insert_into(plan_actions::table)
                    .values((
                        plan_actions::id.eq(&id),
                        plan_actions::document_id.eq(key),
                        plan_actions::position.eq(position),
                        plan_actions::status.eq(&action.status),
                        plan_actions::progress_percent.eq(action.progress_percent),
                        plan_actions::starts_on.eq(action.starts_on),
                        plan_actions::ends_on.eq(action.ends_on),
                        plan_actions::estimated_cost_eur.eq(action.estimated_cost_eur),
                        plan_actions::created_at.eq(at),
                        plan_actions::updated_at.eq(at),
                    ))
                    .execute(conn)?;
                id
            }
        };
        diesel::delete(action_inspirations::table.filter(action_inspirations::action_id.eq(&id))).execute(conn)?;
        for practice in &action.inspired_by {
            diesel::insert_into(action_inspirations::table)
                .values((
                    action_inspirations::action_id.eq(&id),
                    action_inspirations::practice_id.eq(practice.to_string()),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

#[expect(clippy::too_many_arguments, reason = "one row of the revision table")]
pub(crate) fn revision(
    conn: &mut DbConnection,
    key: &str,
    version: i64,
    actor: Option<UserId>,
    at: NaiveDateTime,
    action: &str,
    locale: Option<Locale>,
    changes: &Value,
    comment: Option<&str>,
) -> Result<(), StoreError> {
    diesel::insert_into(document_revisions::table)
        .values((
            document_revisions::id.eq(Uuid::now_v7().to_string()),
            document_revisions::document_id.eq(key),
            document_revisions::version.eq(version),
            document_revisions::actor_id.eq(actor.map(|a| a.to_string())),
            document_revisions::at.eq(at),
            document_revisions::action.eq(action),
            document_revisions::locale.eq(locale.map(|l| l.as_str())),
            document_revisions::changes.eq(changes.to_string()),
            document_revisions::comment.eq(comment),
        ))
        .execute(conn)?;
    Ok(())
}

pub(crate) fn current_version(conn: &mut DbConnection, key: &str) -> Result<(i64, i64, String, String), StoreError> {
    documents::table
        .find(key)
        .select((documents::version, documents::content_version, documents::status, documents::partner_id))
        .first::<(i64, i64, String, String)>(conn)
        .optional()?
        .ok_or(StoreError::Domain(Error::NotFound { entity: "document" }))
}

/// An edit of a document's original content.
#[derive(Debug)]
pub struct Edit<'a> {
    pub content: &'a DocumentContent,
    /// The stored form before and after, and the fields that differ.
    pub before: &'a Value,
    pub after: &'a Value,
    pub changed: &'a [String],
    pub actor: UserId,
    pub expected_version: i64,
}

/// Applies an edit if the document is still at `expected_version`; returns the new version.
pub fn update(conn: &mut DbConnection, id: DocumentId, edit: Edit<'_>, now: DateTime<Utc>) -> Result<i64, StoreError> {
    apply_edit(conn, id, edit, now, "edited")
}

/// Writes `edit` over the live version and records it as `action` (`edited`, or
/// `draft_published` when a reviewed draft replaces the live text).
pub(crate) fn apply_edit(
    conn: &mut DbConnection,
    id: DocumentId,
    edit: Edit<'_>,
    now: DateTime<Utc>,
    action: &str,
) -> Result<i64, StoreError> {
    let key = id.to_string();
    let (version, content_version, _, partner) = current_version(conn, &key)?;
    if version != edit.expected_version {
        return Err(Error::StaleVersion { expected: edit.expected_version, current: version }.into());
    }
    if edit.changed.is_empty() {
        return Ok(version);
    }
    let at = now.naive_utc();
    let text_changed = edit.changed.iter().any(|f| f.starts_with("text"));
    let new_content_version = if text_changed { content_version + 1 } else { content_version };
    let content = edit.content;
    let updated = diesel::update(documents::table.find(&key).filter(documents::version.eq(version)))
        .set((
            documents::visibility.eq(content.visibility.as_str()),
            documents::details.eq(content.details.to_string()),
            documents::version.eq(version + 1),
            documents::content_version.eq(new_content_version),
            documents::updated_at.eq(at),
        ))
        .execute(conn)?;
    if updated == 0 {
        return Err(Error::StaleVersion { expected: edit.expected_version, current: version + 1 }.into());
    }
    write_themes(conn, &key, &content.themes)?;
    let original: String = documents::table.find(&key).select(documents::original_locale).first(conn)?;
    if text_changed {
        diesel::update(document_texts::table.find((&key, &original)))
            .set((
                document_texts::title.eq(content.text.title()),
                document_texts::fields.eq(content.text.to_value().to_string()),
                document_texts::source_version.eq(new_content_version),
                document_texts::version.eq(document_texts::version + 1),
                document_texts::updated_by.eq(edit.actor.to_string()),
                document_texts::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    sync_items(conn, &key, &content.action_items, now)?;
    sync_actions(conn, &key, &content.actions, now)?;
    let changes: serde_json::Map<String, Value> = edit
        .changed
        .iter()
        .map(|field| (field.clone(), json!({ "from": pick(edit.before, field), "to": pick(edit.after, field) })))
        .collect();
    revision(conn, &key, version + 1, Some(edit.actor), at, action, None, &Value::Object(changes), None)?;
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: Some(edit.actor),
            verb: "document_updated",
            subject_kind: "document",
            subject_id: key,
            document_kind: Some(content.kind),
            partner: partner.parse().ok(),
            locale: original.parse().ok(),
            details: json!({ "fields": edit.changed, "text_changed": text_changed }),
        },
    )?;
    Ok(version + 1)
}

/// The value of `field` (`themes`, `text.summary`) in a stored form.
pub fn pick(value: &Value, field: &str) -> Value {
    match field.split_once('.') {
        Some((outer, inner)) => value.get(outer).and_then(|v| v.get(inner)).cloned().unwrap_or(Value::Null),
        None => value.get(field).cloned().unwrap_or(Value::Null),
    }
}
