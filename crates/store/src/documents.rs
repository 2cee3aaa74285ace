//! Documents: create, read, edit, translate, move through the workflow, list and search.
//! Every change writes a revision and an activity entry in the same transaction, and keeps the
//! search index in step.

use crate::activity::{self, NewActivity};
use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{
    action_inspirations, action_items, document_revisions, document_texts, document_themes, documents, partners,
    plan_actions, users,
};
use crate::search_index;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::content::{ActionItemInput, DocumentContent, DocumentInput, PlanActionInput, Texts};
use mfx_domain::document::{DocumentId, Kind, Origin, Status, Visibility};
use mfx_domain::policy::ReadScope;
use mfx_domain::{Error, Locale, PartnerId, UserId};
use serde_json::{Value, json};
use std::collections::HashMap;
use uuid::Uuid;

/// One language's text of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRecord {
    pub locale: Locale,
    pub origin: Origin,
    /// The content version of the original this text follows.
    pub source_version: i64,
    pub version: i64,
    pub texts: Texts,
    pub updated_by: Option<UserId>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionItemRecord {
    pub id: Uuid,
    pub title: String,
    pub assignee: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanActionRecord {
    pub id: Uuid,
    pub status: String,
    pub progress_percent: i32,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub estimated_cost_eur: Option<i64>,
    pub inspired_by: Vec<DocumentId>,
}

/// A document's metadata and the texts a listing needs.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSummary {
    pub id: DocumentId,
    pub kind: Kind,
    pub partner: PartnerId,
    pub partner_slug: String,
    pub original_locale: Locale,
    pub status: Status,
    pub visibility: Visibility,
    pub version: i64,
    pub content_version: i64,
    pub themes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub texts: Vec<TextRecord>,
}

impl DocumentSummary {
    pub fn text(&self, locale: Locale) -> Option<&TextRecord> {
        self.texts.iter().find(|t| t.locale == locale)
    }

    pub fn original(&self) -> Option<&TextRecord> {
        self.text(self.original_locale)
    }
}

/// A whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRecord {
    pub summary: DocumentSummary,
    pub details: Value,
    pub action_items: Vec<ActionItemRecord>,
    pub actions: Vec<PlanActionRecord>,
    pub created_by: Option<UserId>,
}

impl DocumentRecord {
    /// The document in the form clients send, as stored now (for edits and diffs).
    pub fn stored_input(&self) -> Result<DocumentInput, StoreError> {
        let s = &self.summary;
        let text = s.original().ok_or_else(|| corrupt("document_texts", format!("no original text for {}", s.id)))?;
        let items: Vec<ActionItemInput> = self
            .action_items
            .iter()
            .map(|i| ActionItemInput {
                id: Some(i.id),
                title: i.title.clone(),
                assignee: i.assignee.clone(),
                due_on: i.due_on,
                status: i.status.clone(),
            })
            .collect();
        let actions: Vec<PlanActionInput> = self
            .actions
            .iter()
            .map(|a| PlanActionInput {
                id: Some(a.id),
                status: a.status.clone(),
                progress_percent: a.progress_percent,
                starts_on: a.starts_on,
                ends_on: a.ends_on,
                estimated_cost_eur: a.estimated_cost_eur,
                inspired_by: a.inspired_by.clone(),
            })
            .collect();
        DocumentInput::from_stored(s.kind, s.visibility, &s.themes, &self.details, &text.texts, &items, &actions)
            .map_err(|v| corrupt("documents", format!("{} does not parse: {v:?}", s.id)))
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = documents)]
struct DocumentRow {
    id: String,
    kind: String,
    partner_id: String,
    original_locale: String,
    status: String,
    visibility: String,
    version: i64,
    content_version: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    published_at: Option<NaiveDateTime>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = document_texts)]
struct TextRow {
    document_id: String,
    locale: String,
    origin: String,
    source_version: i64,
    version: i64,
    fields: String,
    updated_by: Option<String>,
    updated_at: NaiveDateTime,
}

fn parse_kind(value: &str) -> Result<Kind, StoreError> {
    Kind::parse(value).ok_or_else(|| corrupt("documents", format!("kind {value}")))
}

fn text_record(kind: Kind, row: TextRow) -> Result<TextRecord, StoreError> {
    let bad = |what: &str| corrupt("document_texts", format!("{what} of {}/{}", row.document_id, row.locale));
    let value: Value = serde_json::from_str(&row.fields).map_err(|_| bad("fields"))?;
    Ok(TextRecord {
        locale: row.locale.parse().map_err(|_| bad("locale"))?,
        origin: Origin::parse(&row.origin).ok_or_else(|| bad("origin"))?,
        source_version: row.source_version,
        version: row.version,
        texts: Texts::from_value(kind, value).map_err(|_| bad("fields"))?,
        updated_by: row.updated_by.as_deref().map(str::parse).transpose().map_err(|_| bad("updated_by"))?,
        updated_at: row.updated_at.and_utc(),
    })
}

fn summaries_from_rows(
    conn: &mut DbConnection,
    rows: Vec<(DocumentRow, String)>,
) -> Result<Vec<DocumentSummary>, StoreError> {
    let ids: Vec<String> = rows.iter().map(|(r, _)| r.id.clone()).collect();
    let mut themes: HashMap<String, Vec<String>> = HashMap::new();
    for (document, theme) in document_themes::table
        .filter(document_themes::document_id.eq_any(&ids))
        .order((document_themes::document_id, document_themes::theme))
        .select((document_themes::document_id, document_themes::theme))
        .load::<(String, String)>(conn)?
    {
        themes.entry(document).or_default().push(theme);
    }
    let mut texts: HashMap<String, Vec<TextRow>> = HashMap::new();
    for row in document_texts::table
        .filter(document_texts::document_id.eq_any(&ids))
        .order((document_texts::document_id, document_texts::locale))
        .select(TextRow::as_select())
        .load::<TextRow>(conn)?
    {
        texts.entry(row.document_id.clone()).or_default().push(row);
    }
    rows.into_iter()
        .map(|(row, slug)| {
            let bad = |what: &str| corrupt("documents", format!("{what} of {}", row.id));
            let kind = parse_kind(&row.kind)?;
            let text_rows = texts.remove(&row.id).unwrap_or_default();
            Ok(DocumentSummary {
                id: row.id.parse().map_err(|_| bad("id"))?,
                kind,
                partner: row.partner_id.parse().map_err(|_| bad("partner"))?,
                partner_slug: slug,
                original_locale: row.original_locale.parse().map_err(|_| bad("locale"))?,
                status: Status::parse(&row.status).map_err(|_| bad("status"))?,
                visibility: Visibility::parse(&row.visibility).map_err(|_| bad("visibility"))?,
                version: row.version,
                content_version: row.content_version,
                themes: themes.remove(&row.id).unwrap_or_default(),
                created_at: row.created_at.and_utc(),
                updated_at: row.updated_at.and_utc(),
                published_at: row.published_at.map(|t| t.and_utc()),
                texts: text_rows.into_iter().map(|t| text_record(kind, t)).collect::<Result<_, _>>()?,
            })
        })
        .collect()
}

/// Summaries of the given documents, in the given order (missing ones are skipped).
pub fn summaries(conn: &mut DbConnection, ids: &[DocumentId]) -> Result<Vec<DocumentSummary>, StoreError> {
    let keys: Vec<String> = ids.iter().map(ToString::to_string).collect();
    let rows = documents::table
        .inner_join(partners::table)
        .filter(documents::id.eq_any(&keys))
        .select((DocumentRow::as_select(), partners::slug))
        .load::<(DocumentRow, String)>(conn)?;
    let mut found = summaries_from_rows(conn, rows)?;
    found.sort_by_key(|s| ids.iter().position(|id| *id == s.id));
    Ok(found)
}

pub fn find(conn: &mut DbConnection, id: DocumentId) -> Result<Option<DocumentRecord>, StoreError> {
    let key = id.to_string();
    let Some(summary) = summaries(conn, &[id])?.pop() else { return Ok(None) };
    let (details, created_by): (String, Option<String>) =
        documents::table.find(&key).select((documents::details, documents::created_by)).first(conn)?;
    let details: Value = serde_json::from_str(&details).map_err(|e| corrupt("documents", e))?;
    let items = action_items::table
        .left_join(partners::table.on(partners::id.nullable().eq(action_items::assignee_partner_id)))
        .filter(action_items::document_id.eq(&key))
        .order(action_items::position)
        .select((
            action_items::id,
            action_items::title,
            partners::slug.nullable(),
            action_items::due_on,
            action_items::status,
        ))
        .load::<(String, String, Option<String>, Option<NaiveDate>, String)>(conn)?
        .into_iter()
        .map(|(id, title, assignee, due_on, status)| {
            Ok(ActionItemRecord {
                id: id.parse().map_err(|e| corrupt("action_items", e))?,
                title,
                assignee,
                due_on,
                status,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let action_rows = plan_actions::table
        .filter(plan_actions::document_id.eq(&key))
        .order(plan_actions::position)
        .select((
            plan_actions::id,
            plan_actions::status,
            plan_actions::progress_percent,
            plan_actions::starts_on,
            plan_actions::ends_on,
            plan_actions::estimated_cost_eur,
        ))
        .load::<(String, String, i32, Option<NaiveDate>, Option<NaiveDate>, Option<i64>)>(conn)?;
    let action_ids: Vec<String> = action_rows.iter().map(|r| r.0.clone()).collect();
    let mut inspirations: HashMap<String, Vec<DocumentId>> = HashMap::new();
    for (action, practice) in action_inspirations::table
        .filter(action_inspirations::action_id.eq_any(&action_ids))
        .order((action_inspirations::action_id, action_inspirations::practice_id))
        .select((action_inspirations::action_id, action_inspirations::practice_id))
        .load::<(String, String)>(conn)?
    {
        inspirations.entry(action).or_default().push(practice.parse().map_err(|e| corrupt("action_inspirations", e))?);
    }
    let actions = action_rows
        .into_iter()
        .map(|(id, status, progress_percent, starts_on, ends_on, estimated_cost_eur)| {
            Ok(PlanActionRecord {
                inspired_by: inspirations.remove(&id).unwrap_or_default(),
                id: id.parse().map_err(|e| corrupt("plan_actions", e))?,
                status,
                progress_percent,
                starts_on,
                ends_on,
                estimated_cost_eur,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(Some(DocumentRecord {
        summary,
        details,
        action_items: items,
        actions,
        created_by: created_by.as_deref().map(str::parse).transpose().map_err(|e| corrupt("documents", e))?,
    }))
}

/// The partner ids of the given slugs; unknown slugs are absent from the map.
pub fn partner_ids(conn: &mut DbConnection, slugs: &[String]) -> Result<HashMap<String, PartnerId>, StoreError> {
    partners::table
        .filter(partners::slug.eq_any(slugs))
        .select((partners::slug, partners::id))
        .load::<(String, String)>(conn)?
        .into_iter()
        .map(|(slug, id)| Ok((slug, id.parse().map_err(|e| corrupt("partners", e))?)))
        .collect()
}

/// Which of `ids` are existing good practices.
pub fn existing_practices(conn: &mut DbConnection, ids: &[DocumentId]) -> Result<Vec<DocumentId>, StoreError> {
    let keys: Vec<String> = ids.iter().map(ToString::to_string).collect();
    documents::table
        .filter(documents::id.eq_any(&keys))
        .filter(documents::kind.eq(Kind::Practice.as_str()))
        .select(documents::id)
        .load::<String>(conn)?
        .into_iter()
        .map(|id| id.parse().map_err(|e| corrupt("documents", e)))
        .collect()
}

/// A number that changes with every committed change to documents, their texts, themes,
/// actions and partners (kept by triggers): what cached responses are kept under.
pub fn content_stamp(conn: &mut DbConnection) -> Result<i64, StoreError> {
    use crate::schema::content_stamp;
    Ok(content_stamp::table.find(1).select(content_stamp::value).first(conn)?)
}

/// How many documents there are, of every kind and status.
pub fn count(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(documents::table.count().get_result(conn)?)
}

pub fn find_by_seed_key(conn: &mut DbConnection, key: &str) -> Result<Option<DocumentId>, StoreError> {
    documents::table
        .filter(documents::seed_key.eq(key))
        .select(documents::id)
        .first::<String>(conn)
        .optional()?
        .map(|id| id.parse().map_err(|e| corrupt("documents", e)))
        .transpose()
}

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
    search_index::put(conn, id, new.original_locale, &content.text)?;
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
        let locale: Locale = original.parse().map_err(|e| corrupt("documents", e))?;
        search_index::put(conn, id, locale, &content.text)?;
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

/// A translation to create or replace.
#[derive(Debug)]
pub struct Translation<'a> {
    pub locale: Locale,
    pub texts: &'a Texts,
    pub origin: Origin,
    pub actor: Option<UserId>,
    /// The translation's version the client read, if it sent one.
    pub expected_version: Option<i64>,
    /// Record it as made from this content version instead of the current one (demo data).
    pub source_version: Option<i64>,
}

/// Creates or replaces a translation; returns whether it was new and its version.
pub fn put_translation(
    conn: &mut DbConnection,
    id: DocumentId,
    translation: Translation<'_>,
    now: DateTime<Utc>,
) -> Result<(bool, i64), StoreError> {
    write_translation(conn, id, translation, now, None)
}

/// Writes a live translation. With `approval` (the reviewer and their comment), it is a
/// proposed translation that the reviewer accepted, and the history says so.
pub(crate) fn write_translation(
    conn: &mut DbConnection,
    id: DocumentId,
    translation: Translation<'_>,
    now: DateTime<Utc>,
    approval: Option<(UserId, Option<&str>)>,
) -> Result<(bool, i64), StoreError> {
    let key = id.to_string();
    let (version, content_version, status, partner) = current_version(conn, &key)?;
    let (original, kind): (String, String) =
        documents::table.find(&key).select((documents::original_locale, documents::kind)).first(conn)?;
    if original == translation.locale.as_str() {
        return Err(Error::invalid(
            "language",
            "original_language",
            "this is the document's original language: edit the document itself",
        )
        .into());
    }
    let at = now.naive_utc();
    let locale = translation.locale.as_str();
    let existing: Option<i64> =
        document_texts::table.find((&key, locale)).select(document_texts::version).first(conn).optional()?;
    if let (Some(expected), Some(current)) = (translation.expected_version, existing)
        && expected != current
    {
        return Err(Error::StaleVersion { expected, current }.into());
    }
    let source_version = translation.source_version.unwrap_or(content_version).min(content_version);
    let actor = translation.actor.map(|a| a.to_string());
    let title = translation.texts.title();
    let fields = translation.texts.to_value().to_string();
    let new_version = match existing {
        Some(current) => {
            // Guarded by the version read above, so a concurrent save is never overwritten.
            let target = document_texts::table.find((&key, locale)).filter(document_texts::version.eq(current));
            let updated = diesel::update(target)
                .set((
                    document_texts::origin.eq(translation.origin.as_str()),
                    document_texts::source_version.eq(source_version),
                    document_texts::version.eq(current + 1),
                    document_texts::title.eq(title),
                    document_texts::fields.eq(&fields),
                    document_texts::updated_by.eq(&actor),
                    document_texts::updated_at.eq(at),
                ))
                .execute(conn)?;
            if updated == 0 {
                return Err(Error::StaleVersion {
                    expected: translation.expected_version.unwrap_or(current),
                    current: current + 1,
                }
                .into());
            }
            current + 1
        }
        None => {
            diesel::insert_into(document_texts::table)
                .values((
                    document_texts::document_id.eq(&key),
                    document_texts::locale.eq(locale),
                    document_texts::origin.eq(translation.origin.as_str()),
                    document_texts::source_version.eq(source_version),
                    document_texts::version.eq(1_i64),
                    document_texts::title.eq(title),
                    document_texts::fields.eq(&fields),
                    document_texts::updated_by.eq(&actor),
                    document_texts::created_at.eq(at),
                    document_texts::updated_at.eq(at),
                ))
                .execute(conn)
                // A translation someone else created meanwhile refuses this one.
                .map_err(|e| match e {
                    diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _) => {
                        Error::StaleVersion { expected: translation.expected_version.unwrap_or(0), current: 1 }.into()
                    }
                    other => StoreError::from(other),
                })?;
            1
        }
    };
    search_index::put(conn, id, translation.locale, translation.texts)?;
    let created = existing.is_none();
    // A translation of a published document is published text as soon as it is stored.
    let changes = json!({
        "origin": translation.origin.as_str(),
        "source_version": source_version,
        "created": created,
        "published": status == Status::Published.as_str(),
    });
    match approval {
        Some((reviewer, comment)) => {
            let mut changes = changes;
            changes["translated_by"] = json!(translation.actor.map(|a| a.to_string()));
            let locale = Some(translation.locale);
            revision(conn, &key, version, Some(reviewer), at, "translation_approved", locale, &changes, comment)?;
        }
        None => revision(
            conn,
            &key,
            version,
            translation.actor,
            at,
            "translated",
            Some(translation.locale),
            &changes,
            None,
        )?,
    }
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: translation.actor,
            verb: if created { "translation_created" } else { "translation_updated" },
            subject_kind: "document",
            subject_id: key,
            document_kind: Kind::parse(&kind),
            partner: partner.parse().ok(),
            locale: Some(translation.locale),
            details: json!({ "origin": translation.origin.as_str() }),
        },
    )?;
    Ok((created, new_version))
}

/// Moves a document from `from` to `to` if it is still in `from` (and at `expected_version`,
/// if given); returns the new version.
#[expect(clippy::too_many_arguments, reason = "a workflow move and who made it, why")]
pub fn set_status(
    conn: &mut DbConnection,
    id: DocumentId,
    from: Status,
    to: Status,
    actor: UserId,
    comment: Option<&str>,
    expected_version: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let key = id.to_string();
    let (version, _, _, partner) = current_version(conn, &key)?;
    if let Some(expected) = expected_version.filter(|e| *e != version) {
        return Err(Error::StaleVersion { expected, current: version }.into());
    }
    let at = now.naive_utc();
    let kind: String = documents::table.find(&key).select(documents::kind).first(conn)?;
    // Guarded by status and version: an edit committed since the read would otherwise share
    // the version this move writes.
    let guard = documents::status.eq(from.as_str()).and(documents::version.eq(version));
    let changed = diesel::update(documents::table.find(&key).filter(guard))
        .set((documents::status.eq(to.as_str()), documents::version.eq(version + 1), documents::updated_at.eq(at)))
        .execute(conn)?;
    if changed == 0 {
        return Err(Error::StaleVersion { expected: version, current: version + 1 }.into());
    }
    if from == Status::Published && to == Status::Archived {
        // Nothing unreviewed outlives publication: republishing brings back the live version.
        crate::pending::discard_all(conn, &key, version + 1, actor, at)?;
    }
    if to == Status::Published {
        diesel::update(documents::table.find(&key).filter(documents::published_at.is_null()))
            .set(documents::published_at.eq(at))
            .execute(conn)?;
    }
    let changes = json!({ "status": { "from": from.as_str(), "to": to.as_str() } });
    revision(conn, &key, version + 1, Some(actor), at, "status_changed", None, &changes, comment)?;
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: Some(actor),
            verb: "document_status_changed",
            subject_kind: "document",
            subject_id: key,
            document_kind: Kind::parse(&kind),
            partner: partner.parse().ok(),
            locale: None,
            details: json!({ "from": from.as_str(), "to": to.as_str(), "comment": comment }),
        },
    )?;
    Ok(version + 1)
}

/// Which documents a listing shows.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub kind: Option<Kind>,
    pub partner: Option<PartnerId>,
    pub theme: Option<String>,
    pub status: Option<Status>,
    pub updated_since: Option<DateTime<Utc>>,
}

/// The position after which a page starts: the last item's update time and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub updated_at: NaiveDateTime,
    pub id: String,
}

/// Documents newest first, within what `scope` may read.
pub fn list(
    conn: &mut DbConnection,
    filter: &ListFilter,
    scope: ReadScope,
    after: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<DocumentSummary>, StoreError> {
    let mut query = documents::table.inner_join(partners::table).into_boxed();
    match scope {
        ReadScope::PublishedPublic => {
            query = query
                .filter(documents::status.eq(Status::Published.as_str()))
                .filter(documents::visibility.eq(Visibility::Public.as_str()));
        }
        ReadScope::Member { partner } => {
            query = query.filter(
                documents::status
                    .eq_any([Status::Published.as_str(), Status::Archived.as_str()])
                    .or(documents::partner_id.eq(partner.to_string())),
            );
        }
        ReadScope::Everything => {}
    }
    if let Some(kind) = filter.kind {
        query = query.filter(documents::kind.eq(kind.as_str()));
    }
    if let Some(partner) = filter.partner {
        query = query.filter(documents::partner_id.eq(partner.to_string()));
    }
    if let Some(status) = filter.status {
        query = query.filter(documents::status.eq(status.as_str()));
    }
    if let Some(since) = filter.updated_since {
        query = query.filter(documents::updated_at.ge(since.naive_utc()));
    }
    if let Some(theme) = &filter.theme {
        let with_theme = document_themes::table
            .filter(document_themes::theme.eq(theme.clone()))
            .select(document_themes::document_id);
        query = query.filter(documents::id.eq_any(with_theme));
    }
    if let Some(cursor) = after {
        query = query.filter(
            documents::updated_at
                .lt(cursor.updated_at)
                .or(documents::updated_at.eq(cursor.updated_at).and(documents::id.lt(cursor.id.clone()))),
        );
    }
    let rows = query
        .order((documents::updated_at.desc(), documents::id.desc()))
        .limit(limit)
        .select((DocumentRow::as_select(), partners::slug))
        .load::<(DocumentRow, String)>(conn)?;
    summaries_from_rows(conn, rows)
}

/// One entry of a document's history.
#[derive(Debug, Clone, PartialEq)]
pub struct RevisionRecord {
    pub version: i64,
    pub at: DateTime<Utc>,
    pub actor: Option<(UserId, String)>,
    pub action: String,
    pub locale: Option<Locale>,
    pub changes: Value,
    pub comment: Option<String>,
    /// The partner of who made the change: its slug and name.
    pub partner: Option<(String, String)>,
}

impl RevisionRecord {
    /// Whether this entry put a version before the public: a publication, a reviewed draft
    /// replacing the live text, an accepted translation, or a translation of a published
    /// document by its own partner or the lead partner.
    pub fn is_publication(&self) -> bool {
        match self.action.as_str() {
            "status_changed" => self.changes["status"]["to"] == "published",
            "created" => self.changes["status"] == "published",
            "translated" => self.changes["published"] == true,
            "draft_published" | "translation_approved" => true,
            _ => false,
        }
    }
}

/// A document's history, newest first.
pub fn revisions(conn: &mut DbConnection, id: DocumentId) -> Result<Vec<RevisionRecord>, StoreError> {
    type Row = (
        i64,
        NaiveDateTime,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = document_revisions::table
        .left_join(users::table.on(users::id.nullable().eq(document_revisions::actor_id)))
        .left_join(partners::table.on(partners::id.nullable().eq(users::partner_id.nullable())))
        .filter(document_revisions::document_id.eq(id.to_string()))
        .order((document_revisions::at.desc(), document_revisions::id.desc()))
        .select((
            document_revisions::version,
            document_revisions::at,
            document_revisions::actor_id,
            users::display_name.nullable(),
            document_revisions::action,
            document_revisions::locale,
            document_revisions::changes,
            document_revisions::comment,
            partners::slug.nullable(),
            partners::name_local.nullable(),
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(version, at, actor, name, action, locale, changes, comment, partner_slug, partner_name)| {
            Ok(RevisionRecord {
                version,
                at: at.and_utc(),
                actor: match (actor, name) {
                    (Some(id), Some(name)) => Some((id.parse().map_err(|e| corrupt("document_revisions", e))?, name)),
                    _ => None,
                },
                action,
                locale: locale.map(|l| l.parse()).transpose().map_err(|e| corrupt("document_revisions", e))?,
                changes: serde_json::from_str(&changes).map_err(|e| corrupt("document_revisions", e))?,
                comment,
                partner: partner_slug.zip(partner_name),
            })
        })
        .collect()
}

/// A link of the transfer lineage: an action of a plan, inspired by a practice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageLink {
    pub practice: DocumentId,
    pub plan: DocumentId,
    pub action: Uuid,
    /// The action's place in its plan (0-based), to find its text.
    pub position: i32,
    pub action_status: String,
    pub progress_percent: i32,
}

fn lineage_links(rows: Vec<(String, String, String, i32, String, i32)>) -> Result<Vec<LineageLink>, StoreError> {
    rows.into_iter()
        .map(|(practice, plan, action, position, action_status, progress_percent)| {
            let bad = |e: uuid::Error| corrupt("action_inspirations", e);
            Ok(LineageLink {
                practice: practice.parse().map_err(bad)?,
                plan: plan.parse().map_err(bad)?,
                action: action.parse().map_err(bad)?,
                position,
                action_status,
                progress_percent,
            })
        })
        .collect()
}

/// The actions that a practice inspired.
pub fn inspired_by_practice(conn: &mut DbConnection, practice: DocumentId) -> Result<Vec<LineageLink>, StoreError> {
    let rows = action_inspirations::table
        .inner_join(plan_actions::table)
        .filter(action_inspirations::practice_id.eq(practice.to_string()))
        .order((plan_actions::document_id, plan_actions::position))
        .select((
            action_inspirations::practice_id,
            plan_actions::document_id,
            plan_actions::id,
            plan_actions::position,
            plan_actions::status,
            plan_actions::progress_percent,
        ))
        .load(conn)?;
    lineage_links(rows)
}

/// The practices that inspired the actions of a plan (or one action of it).
pub fn inspirations_of_plan(
    conn: &mut DbConnection,
    plan: DocumentId,
    action: Option<Uuid>,
) -> Result<Vec<LineageLink>, StoreError> {
    let mut query = action_inspirations::table
        .inner_join(plan_actions::table)
        .filter(plan_actions::document_id.eq(plan.to_string()))
        .into_boxed();
    if let Some(action) = action {
        query = query.filter(plan_actions::id.eq(action.to_string()));
    }
    let rows = query
        .order((plan_actions::position, action_inspirations::practice_id))
        .select((
            action_inspirations::practice_id,
            plan_actions::document_id,
            plan_actions::id,
            plan_actions::position,
            plan_actions::status,
            plan_actions::progress_percent,
        ))
        .load(conn)?;
    lineage_links(rows)
}

/// The plan an action belongs to.
pub fn plan_of_action(conn: &mut DbConnection, action: Uuid) -> Result<Option<DocumentId>, StoreError> {
    plan_actions::table
        .find(action.to_string())
        .select(plan_actions::document_id)
        .first::<String>(conn)
        .optional()?
        .map(|id| id.parse().map_err(|e| corrupt("plan_actions", e)))
        .transpose()
}
