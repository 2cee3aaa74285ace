//! The digest outbox. One row per account and digest period (a unique key), so a period is
//! queued once however many instances run. A worker claims due rows with a lease — on
//! PostgreSQL with `FOR UPDATE SKIP LOCKED`, so two workers never take the same row — sends,
//! then marks the row sent, or failed with the time of the next attempt, or parked.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{digest_outbox, users};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};
use mfx_domain::UserId;
use uuid::Uuid;

/// Every status a row can have.
pub const STATUSES: [&str; 6] = ["pending", "sending", "sent", "empty", "failed", "parked"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRow {
    pub id: String,
    pub user: UserId,
    pub email: String,
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
}

type Row = (
    String,
    String,
    String,
    NaiveDateTime,
    NaiveDateTime,
    String,
    i32,
    NaiveDateTime,
    Option<String>,
    Option<NaiveDateTime>,
);

fn to_row(row: Row) -> Result<OutboxRow, StoreError> {
    let (id, user, email, start, end, status, attempts, next, last_error, sent_at) = row;
    Ok(OutboxRow {
        user: user.parse().map_err(|e| corrupt("digest_outbox", e))?,
        id,
        email,
        period_start: start.and_utc(),
        period_end: end.and_utc(),
        status,
        attempts,
        next_attempt_at: next.and_utc(),
        last_error,
        sent_at: sent_at.map(|t| t.and_utc()),
    })
}

macro_rules! columns {
    () => {
        (
            digest_outbox::id,
            digest_outbox::user_id,
            users::email,
            digest_outbox::period_start,
            digest_outbox::period_end,
            digest_outbox::status,
            digest_outbox::attempts,
            digest_outbox::next_attempt_at,
            digest_outbox::last_error,
            digest_outbox::sent_at,
        )
    };
}

/// Queues the digest of `user` for the period ending at `period_end`; false when it already is.
pub fn enqueue(
    conn: &mut DbConnection,
    user: UserId,
    period_start: DateTime<Utc>,
    period_end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let exists: i64 = digest_outbox::table
        .filter(digest_outbox::user_id.eq(user.to_string()))
        .filter(digest_outbox::period_end.eq(period_end.naive_utc()))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    // In its own savepoint: if another instance queued it a moment ago, the refused insert is
    // undone alone and the caller's transaction goes on (PostgreSQL would otherwise abort it).
    let inserted = conn.transaction(|c| {
        diesel::insert_into(digest_outbox::table)
            .values((
                digest_outbox::id.eq(Uuid::now_v7().to_string()),
                digest_outbox::user_id.eq(user.to_string()),
                digest_outbox::period_start.eq(period_start.naive_utc()),
                digest_outbox::period_end.eq(period_end.naive_utc()),
                digest_outbox::status.eq("pending"),
                digest_outbox::attempts.eq(0),
                digest_outbox::next_attempt_at.eq(period_end.naive_utc()),
                digest_outbox::created_at.eq(now.naive_utc()),
            ))
            .execute(c)
    });
    match inserted {
        Ok(_) => Ok(true),
        // Another instance queued it a moment ago.
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(other) => Err(other.into()),
    }
}

/// The end of the last period queued for an account.
pub fn last_period_end(conn: &mut DbConnection, user: UserId) -> Result<Option<DateTime<Utc>>, StoreError> {
    let last: Option<NaiveDateTime> = digest_outbox::table
        .filter(digest_outbox::user_id.eq(user.to_string()))
        .select(diesel::dsl::max(digest_outbox::period_end))
        .first(conn)?;
    Ok(last.map(|t| t.and_utc()))
}

#[derive(QueryableByName)]
struct Claimed {
    #[diesel(sql_type = Text)]
    id: String,
}

/// Takes up to `limit` due rows for this worker until `lease_until`; run inside a transaction.
pub fn claim(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<OutboxRow>, StoreError> {
    let claimed: Vec<Claimed> = match conn {
        DbConnection::Pg(c) => diesel::sql_query(
            "UPDATE digest_outbox SET status = 'sending', locked_until = $1, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM digest_outbox \
                          WHERE status IN ('pending', 'failed', 'sending') AND next_attempt_at <= $2 \
                            AND (locked_until IS NULL OR locked_until < $2) \
                          ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) \
             RETURNING id",
        )
        .bind::<Timestamp, _>(lease_until.naive_utc())
        .bind::<Timestamp, _>(now.naive_utc())
        .bind::<BigInt, _>(limit)
        .load(c)?,
        DbConnection::Sqlite(c) => diesel::sql_query(
            "UPDATE digest_outbox SET status = 'sending', locked_until = ?, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM digest_outbox \
                          WHERE status IN ('pending', 'failed', 'sending') AND next_attempt_at <= ? \
                            AND (locked_until IS NULL OR locked_until < ?) \
                          ORDER BY next_attempt_at LIMIT ?) \
             RETURNING id",
        )
        .bind::<Timestamp, _>(lease_until.naive_utc())
        .bind::<Timestamp, _>(now.naive_utc())
        .bind::<Timestamp, _>(now.naive_utc())
        .bind::<BigInt, _>(limit)
        .load(c)?,
    };
    let ids: Vec<String> = claimed.into_iter().map(|c| c.id).collect();
    digest_outbox::table
        .inner_join(users::table)
        .filter(digest_outbox::id.eq_any(&ids))
        .select(columns!())
        .load::<Row>(conn)?
        .into_iter()
        .map(to_row)
        .collect()
}

/// The claim a worker holds: the row still being sent under the attempt it counted. A worker
/// whose lease ran out, and whose row another worker took since, holds nothing any more.
macro_rules! still_held {
    ($id:expr, $attempts:expr) => {
        digest_outbox::table
            .find($id)
            .filter(digest_outbox::status.eq("sending"))
            .filter(digest_outbox::attempts.eq($attempts))
    };
}

/// Marks a claimed row done: `sent`, or `empty` when there was nothing to say. False (and
/// nothing written) when the claim counted as attempt `attempts` is no longer held.
pub fn finish(
    conn: &mut DbConnection,
    id: &str,
    attempts: i32,
    status: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let changed = diesel::update(still_held!(id, attempts))
        .set((
            digest_outbox::status.eq(status),
            digest_outbox::locked_until.eq(None::<NaiveDateTime>),
            digest_outbox::sent_at.eq((status == "sent").then_some(now.naive_utc())),
            digest_outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(changed > 0)
}

/// Records a failed attempt: retried at `retry_at`, or parked when there is none. False (and
/// nothing written) when the claim counted as attempt `attempts` is no longer held.
pub fn fail(
    conn: &mut DbConnection,
    id: &str,
    attempts: i32,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<bool, StoreError> {
    let status = if retry_at.is_some() { "failed" } else { "parked" };
    let changed = diesel::update(still_held!(id, attempts))
        .set((
            digest_outbox::status.eq(status),
            digest_outbox::locked_until.eq(None::<NaiveDateTime>),
            digest_outbox::last_error.eq(error),
        ))
        .execute(conn)?;
    if changed > 0
        && let Some(at) = retry_at
    {
        diesel::update(digest_outbox::table.find(id))
            .set(digest_outbox::next_attempt_at.eq(at.naive_utc()))
            .execute(conn)?;
    }
    Ok(changed > 0)
}

/// Rows for operators, newest first.
pub fn list(conn: &mut DbConnection, status: Option<&str>, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
    let mut query = digest_outbox::table.inner_join(users::table).into_boxed();
    if let Some(status) = status {
        query = query.filter(digest_outbox::status.eq(status.to_owned()));
    }
    query
        .order((digest_outbox::period_end.desc(), digest_outbox::id.desc()))
        .limit(limit)
        .select(columns!())
        .load::<Row>(conn)?
        .into_iter()
        .map(to_row)
        .collect()
}

/// Puts a failed or parked row back in the queue; whether there was one.
pub fn retry(conn: &mut DbConnection, id: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(diesel::update(digest_outbox::table.find(id).filter(digest_outbox::status.eq_any(["failed", "parked"])))
        .set((
            digest_outbox::status.eq("pending"),
            digest_outbox::next_attempt_at.eq(now.naive_utc()),
            digest_outbox::attempts.eq(0),
        ))
        .execute(conn)?
        > 0)
}

/// Deletes the records of digests done with before `before`: sent ones by when they were sent,
/// empty, failed and set-aside ones by the end of their period. Pending and sending ones stay.
/// Returns how many went.
pub fn purge_finished(conn: &mut DbConnection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    let before = before.naive_utc();
    Ok(diesel::delete(
        digest_outbox::table.filter(
            digest_outbox::status.eq("sent").and(digest_outbox::sent_at.lt(before)).or(digest_outbox::status
                .eq_any(["empty", "failed", "parked"])
                .and(digest_outbox::period_end.lt(before))
                .nullable()),
        ),
    )
    .execute(conn)?)
}
