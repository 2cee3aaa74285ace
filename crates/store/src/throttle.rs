//! Stored sign-in failures, shared by every instance on the same database.

use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::login_throttle;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::throttle::Failures;

pub fn load(conn: &mut DbConnection, key: &str) -> Result<Option<Failures>, StoreError> {
    let row: Option<(i32, NaiveDateTime, Option<NaiveDateTime>)> = login_throttle::table
        .find(key)
        .select((login_throttle::failures, login_throttle::window_started_at, login_throttle::blocked_until))
        .first(conn)
        .optional()?;
    Ok(row.map(|(count, started, blocked)| Failures {
        count: u32::try_from(count).unwrap_or(0),
        window_started_at: started.and_utc(),
        blocked_until: blocked.map(|b| b.and_utc()),
    }))
}

pub fn save(conn: &mut DbConnection, key: &str, state: &Failures) -> Result<(), StoreError> {
    let values = (
        login_throttle::failures.eq(i32::try_from(state.count).unwrap_or(i32::MAX)),
        login_throttle::window_started_at.eq(state.window_started_at.naive_utc()),
        login_throttle::blocked_until.eq(state.blocked_until.map(|b| b.naive_utc())),
    );
    let updated = diesel::update(login_throttle::table.find(key)).set(values).execute(conn)?;
    if updated == 0 {
        diesel::insert_into(login_throttle::table).values((login_throttle::key.eq(key), values)).execute(conn)?;
    }
    Ok(())
}

pub fn clear(conn: &mut DbConnection, key: &str) -> Result<(), StoreError> {
    diesel::delete(login_throttle::table.find(key)).execute(conn)?;
    Ok(())
}

/// Forgets keys whose window and block ended before `before`.
pub fn purge(conn: &mut DbConnection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    let before = before.naive_utc();
    Ok(diesel::delete(
        login_throttle::table
            .filter(login_throttle::window_started_at.lt(before))
            .filter(login_throttle::blocked_until.is_null().or(login_throttle::blocked_until.lt(before))),
    )
    .execute(conn)?)
}
