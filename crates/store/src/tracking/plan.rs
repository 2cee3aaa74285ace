//! The plan's frame: reporting periods and work packages, and looking them up by code.

use super::{Titles, titles_of};
use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::{periods, work_packages};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use mfx_domain::tracking::PeriodSpec;
use serde_json::json;
use uuid::Uuid;

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

/// Looks up references by code.
pub fn work_package_id(conn: &mut DbConnection, code: &str) -> Result<Option<String>, StoreError> {
    Ok(work_packages::table.filter(work_packages::code.eq(code)).select(work_packages::id).first(conn).optional()?)
}

pub fn period_id(conn: &mut DbConnection, code: &str) -> Result<Option<String>, StoreError> {
    Ok(periods::table.filter(periods::code.eq(code)).select(periods::id).first(conn).optional()?)
}

/// Replaces a work package's titles; whether there was one with this code.
pub fn update_work_package_titles(
    conn: &mut DbConnection,
    code: &str,
    titles: &Titles,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let changed = diesel::update(work_packages::table.filter(work_packages::code.eq(code)))
        .set((work_packages::titles.eq(json!(titles).to_string()), work_packages::updated_at.eq(now.naive_utc())))
        .execute(conn)?;
    Ok(changed > 0)
}

/// Adds a reporting period; its id.
pub fn insert_period(conn: &mut DbConnection, spec: &PeriodSpec, now: DateTime<Utc>) -> Result<String, StoreError> {
    let id = Uuid::now_v7().to_string();
    diesel::insert_into(periods::table)
        .values((
            periods::id.eq(&id),
            periods::code.eq(&spec.code),
            periods::phase.eq(&spec.phase),
            periods::starts_on.eq(spec.starts_on),
            periods::ends_on.eq(spec.ends_on),
            periods::created_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Replaces the period that has the code `code`; whether there was one.
pub fn update_period(conn: &mut DbConnection, code: &str, spec: &PeriodSpec) -> Result<bool, StoreError> {
    let changed = diesel::update(periods::table.filter(periods::code.eq(code)))
        .set((
            periods::code.eq(&spec.code),
            periods::phase.eq(&spec.phase),
            periods::starts_on.eq(spec.starts_on),
            periods::ends_on.eq(spec.ends_on),
        ))
        .execute(conn)?;
    Ok(changed > 0)
}
