//! Stored sign-in attempts, shared by every instance on the same database. Attempts are taken in
//! one transaction that holds each key's row locked on PostgreSQL (SQLite has one writer), so
//! parallel attempts on one key queue and at most the limit get through.

use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::login_throttle;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Text, Timestamp};
use mfx_domain::throttle::{Failures, ThrottlePolicy};

/// Takes one attempt on every key, or none: when any key is blocked, nothing is written and the
/// longest wait is returned. Run inside a transaction.
pub fn take(
    conn: &mut DbConnection,
    keys: &[(&str, ThrottlePolicy)],
    now: DateTime<Utc>,
) -> Result<Result<(), Duration>, StoreError> {
    let mut ordered: Vec<&(&str, ThrottlePolicy)> = keys.iter().collect();
    // One order for every transaction, so that two of them never wait for each other's rows.
    ordered.sort_by(|a, b| a.0.cmp(b.0));
    let mut next = Vec::with_capacity(ordered.len());
    let mut wait: Option<Duration> = None;
    for (key, policy) in ordered {
        lock(conn, key, now)?;
        match Failures::take(load(conn, key)?, now, *policy) {
            Ok(state) => next.push((*key, state)),
            Err(left) => wait = Some(wait.map_or(left, |w| w.max(left))),
        }
    }
    if let Some(wait) = wait {
        return Ok(Err(wait));
    }
    for (key, state) in next {
        save(conn, key, &state)?;
    }
    Ok(Ok(()))
}

/// Gives back the attempt an authenticated request took on `key`. Run inside a transaction.
pub fn refund(
    conn: &mut DbConnection,
    key: &str,
    policy: ThrottlePolicy,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    lock(conn, key, now)?;
    if let Some(state) = load(conn, key)? {
        save(conn, key, &state.refund(policy))?;
    }
    Ok(())
}

/// Makes sure the key's row exists, as the transaction's first write: SQLite then holds its
/// write lock for the rest of the transaction (waiting for it, rather than failing to upgrade
/// a read), and PostgreSQL holds the row until the transaction ends.
fn lock(conn: &mut DbConnection, key: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    match conn {
        DbConnection::Pg(c) => {
            diesel::sql_query(
                "INSERT INTO login_throttle (key, failures, window_started_at, blocked_until) \
                 VALUES ($1, 0, $2, NULL) ON CONFLICT (key) DO NOTHING",
            )
            .bind::<Text, _>(key)
            .bind::<Timestamp, _>(now.naive_utc())
            .execute(c)?;
            diesel::sql_query("SELECT key FROM login_throttle WHERE key = $1 FOR UPDATE")
                .bind::<Text, _>(key)
                .execute(c)?;
        }
        DbConnection::Sqlite(c) => {
            diesel::sql_query(
                "INSERT INTO login_throttle (key, failures, window_started_at, blocked_until) \
                 VALUES (?, 0, ?, NULL) ON CONFLICT (key) DO NOTHING",
            )
            .bind::<Text, _>(key)
            .bind::<Timestamp, _>(now.naive_utc())
            .execute(c)?;
        }
    }
    Ok(())
}

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
