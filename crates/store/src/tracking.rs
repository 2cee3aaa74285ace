//! The work plan: periods, work packages, deliverables (with responsible partners, evidence and
//! status history), the action-item board, indicator facts, and calendar feed tokens.

use crate::activity::{self, NewActivity};
use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{
    action_items, calendar_tokens, deliverable_evidence, deliverable_history, deliverable_partners, deliverables,
    document_texts, documents, partners, periods, plan_actions, users, work_packages,
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::document::{DocumentId, Kind, Status};
use mfx_domain::tracking::{ActionFact, DeliverableStatus, DocumentFact, PeriodSpec};
use mfx_domain::{Error, Locale, PartnerId, UserId};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// Titles by language code.
pub type Titles = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodRecord {
    pub id: String,
    pub spec: PeriodSpec,
}

/// Adds the periods that are missing (by code); returns how many were added.
pub fn ensure_periods(conn: &mut DbConnection, specs: &[PeriodSpec], now: DateTime<Utc>) -> Result<usize, StoreError> {
    let existing: Vec<String> = periods::table.select(periods::code).load(conn)?;
    let mut added = 0;
    for spec in specs.iter().filter(|s| !existing.contains(&s.code)) {
        diesel::insert_into(periods::table)
            .values((
                periods::id.eq(Uuid::now_v7().to_string()),
                periods::code.eq(&spec.code),
                periods::phase.eq(&spec.phase),
                periods::starts_on.eq(spec.starts_on),
                periods::ends_on.eq(spec.ends_on),
                periods::created_at.eq(now.naive_utc()),
            ))
            .execute(conn)?;
        added += 1;
    }
    Ok(added)
}

pub fn periods(conn: &mut DbConnection) -> Result<Vec<PeriodRecord>, StoreError> {
    Ok(periods::table
        .order(periods::starts_on)
        .select((periods::id, periods::code, periods::phase, periods::starts_on, periods::ends_on))
        .load::<(String, String, String, NaiveDate, NaiveDate)>(conn)?
        .into_iter()
        .map(|(id, code, phase, starts_on, ends_on)| PeriodRecord {
            id,
            spec: PeriodSpec { code, phase, starts_on, ends_on },
        })
        .collect())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkPackageRecord {
    pub id: String,
    pub code: String,
    pub titles: Titles,
    pub position: i32,
}

fn titles_of(text: &str, table: &'static str) -> Result<Titles, StoreError> {
    serde_json::from_str(text).map_err(|e| corrupt(table, e))
}

pub fn work_packages(conn: &mut DbConnection) -> Result<Vec<WorkPackageRecord>, StoreError> {
    work_packages::table
        .order((work_packages::position, work_packages::code))
        .select((work_packages::id, work_packages::code, work_packages::titles, work_packages::position))
        .load::<(String, String, String, i32)>(conn)?
        .into_iter()
        .map(|(id, code, titles, position)| {
            Ok(WorkPackageRecord { id, code, titles: titles_of(&titles, "work_packages")?, position })
        })
        .collect()
}

pub fn insert_work_package(
    conn: &mut DbConnection,
    code: &str,
    titles: &Titles,
    now: DateTime<Utc>,
) -> Result<String, StoreError> {
    let id = Uuid::now_v7().to_string();
    let position: i64 = work_packages::table.count().get_result(conn)?;
    diesel::insert_into(work_packages::table)
        .values((
            work_packages::id.eq(&id),
            work_packages::code.eq(code),
            work_packages::titles.eq(json!(titles).to_string()),
            work_packages::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
            work_packages::created_at.eq(now.naive_utc()),
            work_packages::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

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

/// One step of a deliverable's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRecord {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub from: Option<String>,
    pub to: String,
    pub comment: Option<String>,
}

pub fn deliverable_history(conn: &mut DbConnection, id: Uuid) -> Result<Vec<HistoryRecord>, StoreError> {
    Ok(deliverable_history::table
        .left_join(users::table.on(users::id.nullable().eq(deliverable_history::actor_id)))
        .filter(deliverable_history::deliverable_id.eq(id.to_string()))
        .order((deliverable_history::at, deliverable_history::id))
        .select((
            deliverable_history::at,
            users::display_name.nullable(),
            deliverable_history::from_status,
            deliverable_history::to_status,
            deliverable_history::comment,
        ))
        .load::<(NaiveDateTime, Option<String>, Option<String>, String, Option<String>)>(conn)?
        .into_iter()
        .map(|(at, actor, from, to, comment)| HistoryRecord { at: at.and_utc(), actor, from, to, comment })
        .collect())
}

/// An action item on the board, with its meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardItem {
    pub id: Uuid,
    pub title: String,
    pub assignee: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub meeting: DocumentId,
    pub meeting_partner: PartnerId,
    pub meeting_status: Status,
    pub meeting_visibility: mfx_domain::document::Visibility,
    /// The language the meeting note (and so the item) is written in.
    pub meeting_locale: String,
}

pub fn action_item_board(conn: &mut DbConnection) -> Result<Vec<BoardItem>, StoreError> {
    let rows = action_items::table
        .inner_join(documents::table)
        .left_join(partners::table.on(partners::id.nullable().eq(action_items::assignee_partner_id)))
        .order((action_items::due_on.asc(), action_items::id))
        .select((
            action_items::id,
            action_items::title,
            partners::slug.nullable(),
            action_items::due_on,
            action_items::status,
            documents::id,
            documents::partner_id,
            documents::status,
            documents::visibility,
            documents::original_locale,
        ))
        .load::<(String, String, Option<String>, Option<NaiveDate>, String, String, String, String, String, String)>(
            conn,
        )?;
    rows.into_iter()
        .map(|(id, title, assignee, due_on, status, meeting, partner, doc_status, visibility, meeting_locale)| {
            let bad = |what: &str| corrupt("action_items", format!("{what} of {id}"));
            Ok(BoardItem {
                id: id.parse().map_err(|_| bad("id"))?,
                title,
                assignee,
                due_on,
                status,
                meeting: meeting.parse().map_err(|_| bad("meeting"))?,
                meeting_partner: partner.parse().map_err(|_| bad("partner"))?,
                meeting_status: Status::parse(&doc_status).map_err(|_| bad("status"))?,
                meeting_visibility: mfx_domain::document::Visibility::parse(&visibility)
                    .map_err(|_| bad("visibility"))?,
                meeting_locale,
            })
        })
        .collect()
}

/// The facts the indicators are computed from.
pub fn indicator_facts(conn: &mut DbConnection) -> Result<(Vec<DocumentFact>, Vec<ActionFact>), StoreError> {
    let docs = documents::table
        .inner_join(partners::table)
        .select((documents::id, documents::kind, partners::slug, documents::status, documents::details))
        .load::<(String, String, String, String, String)>(conn)?;
    let mut languages: HashMap<String, Vec<Locale>> = HashMap::new();
    for (document, locale) in document_texts::table
        .select((document_texts::document_id, document_texts::locale))
        .load::<(String, String)>(conn)?
    {
        if let Ok(locale) = locale.parse() {
            languages.entry(document).or_default().push(locale);
        }
    }
    let mut facts = Vec::with_capacity(docs.len());
    let mut published_plans: HashMap<String, (String, bool)> = HashMap::new();
    for (id, kind, partner, status, details) in docs {
        let kind = Kind::parse(&kind).ok_or_else(|| corrupt("documents", "kind"))?;
        let status = Status::parse(&status).map_err(|e| corrupt("documents", e.message))?;
        let details: serde_json::Value = serde_json::from_str(&details).unwrap_or_default();
        let meeting_day = details["starts_at"].as_str().and_then(|s| s.get(..10)).and_then(|d| d.parse().ok());
        if kind == Kind::ActionPlan {
            published_plans
                .insert(id.clone(), (partner.clone(), matches!(status, Status::Published | Status::Archived)));
        }
        facts.push(DocumentFact {
            kind,
            partner,
            status,
            meeting_type: details["meeting_type"].as_str().map(str::to_owned),
            meeting_day,
            languages: languages.remove(&id).unwrap_or_default(),
        });
    }
    let actions = plan_actions::table
        .select((plan_actions::document_id, plan_actions::status))
        .load::<(String, String)>(conn)?
        .into_iter()
        .filter_map(|(plan, status)| {
            published_plans.get(&plan).map(|(partner, published)| ActionFact {
                partner: partner.clone(),
                plan_published: *published,
                status,
            })
        })
        .collect();
    Ok((facts, actions))
}

/// Starts a calendar feed for an account, ending any earlier one. Two at once take turns on the
/// account's row, so that the later one ends the earlier one and only one feed stays open.
pub fn new_calendar_token(
    conn: &mut DbConnection,
    user: UserId,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    crate::accounts::lock(conn, user)?;
    revoke_calendar_tokens(conn, user, now)?;
    diesel::insert_into(calendar_tokens::table)
        .values((
            calendar_tokens::id.eq(Uuid::now_v7().to_string()),
            calendar_tokens::user_id.eq(user.to_string()),
            calendar_tokens::token_hash.eq(token_hash),
            calendar_tokens::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn revoke_calendar_tokens(conn: &mut DbConnection, user: UserId, now: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(diesel::update(
        calendar_tokens::table
            .filter(calendar_tokens::user_id.eq(user.to_string()))
            .filter(calendar_tokens::revoked_at.is_null()),
    )
    .set(calendar_tokens::revoked_at.eq(now.naive_utc()))
    .execute(conn)?)
}

/// The active account a calendar token belongs to.
pub fn calendar_owner(conn: &mut DbConnection, token_hash: &str) -> Result<Option<UserId>, StoreError> {
    calendar_tokens::table
        .inner_join(users::table)
        .filter(calendar_tokens::token_hash.eq(token_hash))
        .filter(calendar_tokens::revoked_at.is_null())
        .filter(users::active.eq(true))
        .select(calendar_tokens::user_id)
        .first::<String>(conn)
        .optional()?
        .map(|id| id.parse().map_err(|e| corrupt("calendar_tokens", e)))
        .transpose()
}

/// Looks up references by code.
pub fn work_package_id(conn: &mut DbConnection, code: &str) -> Result<Option<String>, StoreError> {
    Ok(work_packages::table.filter(work_packages::code.eq(code)).select(work_packages::id).first(conn).optional()?)
}

pub fn period_id(conn: &mut DbConnection, code: &str) -> Result<Option<String>, StoreError> {
    Ok(periods::table.filter(periods::code.eq(code)).select(periods::id).first(conn).optional()?)
}

pub fn deliverable_by_code(conn: &mut DbConnection, code: &str) -> Result<Option<Uuid>, StoreError> {
    deliverables::table
        .filter(deliverables::code.eq(code))
        .select(deliverables::id)
        .first::<String>(conn)
        .optional()?
        .map(|id| id.parse().map_err(|e| corrupt("deliverables", e)))
        .transpose()
}
