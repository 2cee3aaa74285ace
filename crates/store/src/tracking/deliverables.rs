//! Deliverables: their responsible partners and evidence, edits and workflow moves guarded by
//! version, and their status history.

use super::{Titles, titles_of};
use crate::activity::{self, NewActivity};
use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{
    deliverable_evidence, deliverable_history, deliverable_partners, deliverables, partners, periods, users,
    work_packages,
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::document::DocumentId;
use mfx_domain::tracking::DeliverableStatus;
use mfx_domain::{Error, PartnerId, UserId};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// A deliverable with what boards and exports show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliverableRecord {
    pub id: Uuid,
    pub code: String,
    pub work_package: String,
    pub period: Option<String>,
    pub titles: Titles,
    pub description: String,
    pub due_on: NaiveDate,
    pub status: DeliverableStatus,
    pub version: i64,
    /// Responsible partners: id and slug.
    pub partners: Vec<(PartnerId, String)>,
    pub evidence: Vec<DocumentId>,
    pub updated_at: DateTime<Utc>,
}

/// Which deliverables a board shows.
#[derive(Debug, Clone, Default)]
pub struct DeliverableFilter {
    pub partner: Option<PartnerId>,
    pub period: Option<String>,
    pub work_package: Option<String>,
    pub status: Option<DeliverableStatus>,
}

type DeliverableRow = (String, String, String, Option<String>, String, String, NaiveDate, String, i64, NaiveDateTime);

/// Deliverables by due date.
pub fn list_deliverables(
    conn: &mut DbConnection,
    filter: &DeliverableFilter,
) -> Result<Vec<DeliverableRecord>, StoreError> {
    let mut query = deliverables::table.inner_join(work_packages::table).left_join(periods::table).into_boxed();
    if let Some(partner) = filter.partner {
        let responsible = deliverable_partners::table
            .filter(deliverable_partners::partner_id.eq(partner.to_string()))
            .select(deliverable_partners::deliverable_id);
        query = query.filter(deliverables::id.eq_any(responsible));
    }
    if let Some(period) = &filter.period {
        query = query.filter(periods::code.eq(period.clone()));
    }
    if let Some(work_package) = &filter.work_package {
        query = query.filter(work_packages::code.eq(work_package.clone()));
    }
    if let Some(status) = filter.status {
        query = query.filter(deliverables::status.eq(status.as_str()));
    }
    let rows: Vec<DeliverableRow> = query
        .order((deliverables::due_on, deliverables::code))
        .select((
            deliverables::id,
            deliverables::code,
            work_packages::code,
            periods::code.nullable(),
            deliverables::titles,
            deliverables::description,
            deliverables::due_on,
            deliverables::status,
            deliverables::version,
            deliverables::updated_at,
        ))
        .load(conn)?;
    records(conn, rows)
}

fn records(conn: &mut DbConnection, rows: Vec<DeliverableRow>) -> Result<Vec<DeliverableRecord>, StoreError> {
    let ids: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let mut responsible: HashMap<String, Vec<(PartnerId, String)>> = HashMap::new();
    for (deliverable, partner, slug) in deliverable_partners::table
        .inner_join(partners::table)
        .filter(deliverable_partners::deliverable_id.eq_any(&ids))
        .order(partners::position)
        .select((deliverable_partners::deliverable_id, partners::id, partners::slug))
        .load::<(String, String, String)>(conn)?
    {
        responsible
            .entry(deliverable)
            .or_default()
            .push((partner.parse().map_err(|e| corrupt("deliverable_partners", e))?, slug));
    }
    let mut evidence: HashMap<String, Vec<DocumentId>> = HashMap::new();
    for (deliverable, document) in deliverable_evidence::table
        .filter(deliverable_evidence::deliverable_id.eq_any(&ids))
        .select((deliverable_evidence::deliverable_id, deliverable_evidence::document_id))
        .load::<(String, String)>(conn)?
    {
        evidence
            .entry(deliverable)
            .or_default()
            .push(document.parse().map_err(|e| corrupt("deliverable_evidence", e))?);
    }
    rows.into_iter()
        .map(|(id, code, work_package, period, titles, description, due_on, status, version, updated_at)| {
            Ok(DeliverableRecord {
                partners: responsible.remove(&id).unwrap_or_default(),
                evidence: evidence.remove(&id).unwrap_or_default(),
                id: id.parse().map_err(|e| corrupt("deliverables", e))?,
                code,
                work_package,
                period,
                titles: titles_of(&titles, "deliverables")?,
                description,
                due_on,
                status: DeliverableStatus::parse(&status).map_err(|e| corrupt("deliverables", e.message))?,
                version,
                updated_at: updated_at.and_utc(),
            })
        })
        .collect()
}

pub fn find_deliverable(conn: &mut DbConnection, id: Uuid) -> Result<Option<DeliverableRecord>, StoreError> {
    let rows: Vec<DeliverableRow> = deliverables::table
        .inner_join(work_packages::table)
        .left_join(periods::table)
        .filter(deliverables::id.eq(id.to_string()))
        .select((
            deliverables::id,
            deliverables::code,
            work_packages::code,
            periods::code.nullable(),
            deliverables::titles,
            deliverables::description,
            deliverables::due_on,
            deliverables::status,
            deliverables::version,
            deliverables::updated_at,
        ))
        .load(conn)?;
    Ok(records(conn, rows)?.pop())
}

/// The fields of a deliverable as given; references are already resolved.
#[derive(Debug, Clone)]
pub struct DeliverableFields {
    pub code: String,
    pub work_package_id: String,
    pub period_id: Option<String>,
    pub titles: Titles,
    pub description: String,
    pub due_on: NaiveDate,
    pub partners: Vec<PartnerId>,
    pub evidence: Vec<DocumentId>,
}

fn write_links(conn: &mut DbConnection, id: &str, fields: &DeliverableFields) -> Result<(), StoreError> {
    diesel::delete(deliverable_partners::table.filter(deliverable_partners::deliverable_id.eq(id))).execute(conn)?;
    for partner in &fields.partners {
        diesel::insert_into(deliverable_partners::table)
            .values((
                deliverable_partners::deliverable_id.eq(id),
                deliverable_partners::partner_id.eq(partner.to_string()),
            ))
            .execute(conn)?;
    }
    diesel::delete(deliverable_evidence::table.filter(deliverable_evidence::deliverable_id.eq(id))).execute(conn)?;
    for document in &fields.evidence {
        diesel::insert_into(deliverable_evidence::table)
            .values((
                deliverable_evidence::deliverable_id.eq(id),
                deliverable_evidence::document_id.eq(document.to_string()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn record_activity(
    conn: &mut DbConnection,
    verb: &'static str,
    id: &str,
    fields: serde_json::Value,
    actor: Option<UserId>,
    partners: &[PartnerId],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    // One entry per responsible partner, so that each partner's digest finds it.
    for partner in partners.iter().map(Some).chain(partners.is_empty().then_some(None)) {
        activity::record(
            conn,
            NewActivity {
                at: now,
                actor,
                verb,
                subject_kind: "deliverable",
                subject_id: id.to_owned(),
                document_kind: None,
                partner: partner.copied(),
                locale: None,
                details: fields.clone(),
            },
        )?;
    }
    Ok(())
}

/// Creates a deliverable (planned); returns its id.
pub fn insert_deliverable(
    conn: &mut DbConnection,
    fields: &DeliverableFields,
    author: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Uuid, StoreError> {
    let id = Uuid::now_v7();
    let key = id.to_string();
    let at = now.naive_utc();
    diesel::insert_into(deliverables::table)
        .values((
            deliverables::id.eq(&key),
            deliverables::code.eq(&fields.code),
            deliverables::work_package_id.eq(&fields.work_package_id),
            deliverables::period_id.eq(&fields.period_id),
            deliverables::titles.eq(json!(fields.titles).to_string()),
            deliverables::description.eq(&fields.description),
            deliverables::due_on.eq(fields.due_on),
            deliverables::status.eq(DeliverableStatus::Planned.as_str()),
            deliverables::version.eq(1_i64),
            deliverables::created_by.eq(author.map(|a| a.to_string())),
            deliverables::created_at.eq(at),
            deliverables::updated_at.eq(at),
        ))
        .execute(conn)?;
    write_links(conn, &key, fields)?;
    history(conn, &key, None, DeliverableStatus::Planned, author, None, now)?;
    record_activity(
        conn,
        "deliverable_created",
        &key,
        json!({ "code": fields.code, "due_on": fields.due_on }),
        author,
        &fields.partners,
        now,
    )?;
    Ok(id)
}

/// Replaces a deliverable's fields if it is still at `expected_version`; the new version.
/// Its partners and evidence are replaced only once the guarded update of the deliverable
/// itself went through, so a change that came second leaves no trace.
pub fn update_deliverable(
    conn: &mut DbConnection,
    id: Uuid,
    fields: &DeliverableFields,
    expected_version: i64,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let key = id.to_string();
    let changed = diesel::update(deliverables::table.find(&key).filter(deliverables::version.eq(expected_version)))
        .set((
            deliverables::code.eq(&fields.code),
            deliverables::work_package_id.eq(&fields.work_package_id),
            deliverables::period_id.eq(&fields.period_id),
            deliverables::titles.eq(json!(fields.titles).to_string()),
            deliverables::description.eq(&fields.description),
            deliverables::due_on.eq(fields.due_on),
            deliverables::version.eq(expected_version + 1),
            deliverables::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    if changed == 0 {
        let current = deliverable_version(conn, &key)?;
        return Err(Error::StaleVersion { expected: expected_version, current }.into());
    }
    write_links(conn, &key, fields)?;
    record_activity(
        conn,
        "deliverable_updated",
        &key,
        json!({ "code": fields.code, "due_on": fields.due_on }),
        Some(actor),
        &fields.partners,
        now,
    )?;
    Ok(expected_version + 1)
}

/// The current version of a deliverable; `NotFound` when there is none.
fn deliverable_version(conn: &mut DbConnection, key: &str) -> Result<i64, StoreError> {
    deliverables::table
        .find(key)
        .select(deliverables::version)
        .first(conn)
        .optional()?
        .ok_or(StoreError::Domain(Error::NotFound { entity: "deliverable" }))
}

fn history(
    conn: &mut DbConnection,
    key: &str,
    from: Option<DeliverableStatus>,
    to: DeliverableStatus,
    actor: Option<UserId>,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(deliverable_history::table)
        .values((
            deliverable_history::id.eq(Uuid::now_v7().to_string()),
            deliverable_history::deliverable_id.eq(key),
            deliverable_history::at.eq(now.naive_utc()),
            deliverable_history::actor_id.eq(actor.map(|a| a.to_string())),
            deliverable_history::from_status.eq(from.map(DeliverableStatus::as_str)),
            deliverable_history::to_status.eq(to.as_str()),
            deliverable_history::comment.eq(comment),
        ))
        .execute(conn)?;
    Ok(())
}

/// Moves a deliverable from `from` to `to` if it is still in `from`; the new version, which
/// is the one this move made even when other changes commit meanwhile.
pub fn move_deliverable(
    conn: &mut DbConnection,
    id: Uuid,
    from: DeliverableStatus,
    to: DeliverableStatus,
    actor: Option<UserId>,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let key = id.to_string();
    let changed = diesel::update(deliverables::table.find(&key).filter(deliverables::status.eq(from.as_str())))
        .set((
            deliverables::status.eq(to.as_str()),
            deliverables::version.eq(deliverables::version + 1),
            deliverables::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    // The row is this transaction's until it ends: its version is the one just written.
    let version = deliverable_version(conn, &key)?;
    if changed == 0 {
        return Err(Error::StaleVersion { expected: version, current: version }.into());
    }
    history(conn, &key, Some(from), to, actor, comment, now)?;
    let partners: Vec<PartnerId> = deliverable_partners::table
        .filter(deliverable_partners::deliverable_id.eq(&key))
        .select(deliverable_partners::partner_id)
        .load::<String>(conn)?
        .into_iter()
        .filter_map(|p| p.parse().ok())
        .collect();
    record_activity(
        conn,
        "deliverable_status_changed",
        &key,
        json!({ "from": from.as_str(), "to": to.as_str(), "comment": comment }),
        actor,
        &partners,
        now,
    )?;
    Ok(version)
}

/// Adds documents to a deliverable's evidence; those already there stay once.
pub fn add_evidence(conn: &mut DbConnection, id: Uuid, documents: &[DocumentId]) -> Result<(), StoreError> {
    let key = id.to_string();
    let present: Vec<String> = deliverable_evidence::table
        .filter(deliverable_evidence::deliverable_id.eq(&key))
        .select(deliverable_evidence::document_id)
        .load(conn)?;
    for document in documents.iter().map(ToString::to_string) {
        if !present.contains(&document) {
            diesel::insert_into(deliverable_evidence::table)
                .values((
                    deliverable_evidence::deliverable_id.eq(&key),
                    deliverable_evidence::document_id.eq(&document),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// One step of a deliverable's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRecord {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub from: Option<String>,
    pub to: String,
    pub comment: Option<String>,
    /// The partner's name, when who made the move erased their account (`actor` is empty).
    pub former_member_of: Option<String>,
}

pub fn deliverable_history(conn: &mut DbConnection, id: Uuid) -> Result<Vec<HistoryRecord>, StoreError> {
    use crate::schema::{account_erasures, partners};
    type Row =
        (NaiveDateTime, Option<String>, Option<String>, String, Option<String>, Option<String>, Option<NaiveDateTime>);
    Ok(deliverable_history::table
        .left_join(users::table.on(users::id.nullable().eq(deliverable_history::actor_id)))
        .left_join(partners::table.on(partners::id.nullable().eq(users::partner_id.nullable())))
        .left_join(account_erasures::table.on(account_erasures::user_id.nullable().eq(deliverable_history::actor_id)))
        .filter(deliverable_history::deliverable_id.eq(id.to_string()))
        .order((deliverable_history::at, deliverable_history::id))
        .select((
            deliverable_history::at,
            users::display_name.nullable(),
            deliverable_history::from_status,
            deliverable_history::to_status,
            deliverable_history::comment,
            partners::name_local.nullable(),
            account_erasures::erased_at.nullable(),
        ))
        .load::<Row>(conn)?
        .into_iter()
        .map(|(at, actor, from, to, comment, partner, erased)| {
            let (actor, former_member_of) = if erased.is_some() { (None, partner) } else { (actor, None) };
            HistoryRecord { at: at.and_utc(), actor, from, to, comment, former_member_of }
        })
        .collect())
}

/// A deliverable's id by its code.
pub fn deliverable_by_code(conn: &mut DbConnection, code: &str) -> Result<Option<Uuid>, StoreError> {
    deliverables::table
        .filter(deliverables::code.eq(code))
        .select(deliverables::id)
        .first::<String>(conn)
        .optional()?
        .map(|id| id.parse().map_err(|e| corrupt("deliverables", e)))
        .transpose()
}
