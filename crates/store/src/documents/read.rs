//! Reading documents: summaries with their texts, a whole document, and the small lookups
//! other parts need (partner ids, which ids are practices, the content stamp, seed keys).

use super::{ActionItemRecord, DocumentRecord, DocumentSummary, PlanActionRecord, TextRecord};
use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{
    action_inspirations, action_items, document_texts, document_themes, documents, partners, plan_actions,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use mfx_domain::PartnerId;
use mfx_domain::content::Texts;
use mfx_domain::document::{DocumentId, Kind, Origin, Status, Visibility};
use serde_json::Value;
use std::collections::HashMap;

#[derive(Queryable, Selectable)]
#[diesel(table_name = documents)]
pub(super) struct DocumentRow {
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

pub(super) fn summaries_from_rows(
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

/// Up to `limit` document ids after `after`, in id order: the pages of a walk over every
/// document (a rebuild of the search index).
pub fn ids_after(
    conn: &mut DbConnection,
    after: Option<DocumentId>,
    limit: i64,
) -> Result<Vec<DocumentId>, StoreError> {
    let mut query = documents::table.select(documents::id).order(documents::id).limit(limit).into_boxed();
    if let Some(after) = after {
        query = query.filter(documents::id.gt(after.to_string()));
    }
    query.load::<String>(conn)?.into_iter().map(|id| id.parse().map_err(|e| corrupt("documents", e))).collect()
}
