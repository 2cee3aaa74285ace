//! Erasing an account at its owner's request: the request, its withdrawal, and the erasure a
//! coordinator or an administrator confirms. The row stays, because documents, revisions and
//! activity point at it; what made it a person's (email, name, password, sessions, tokens,
//! digests, sign-in records, the values recorded when the account changed) does not.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{
    account_erasures, activity, calendar_tokens, digest_outbox, login_throttle, sessions, unsubscribe_links, users,
};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::UserId;

/// A filter keeping the rows whose account (the column `$user`) is not erased.
macro_rules! not_erased {
    ($user:expr) => {
        diesel::dsl::not(diesel::dsl::exists(
            crate::schema::account_erasures::table
                .filter(crate::schema::account_erasures::user_id.eq($user))
                .filter(crate::schema::account_erasures::erased_at.is_not_null()),
        ))
    };
}
pub(crate) use not_erased;

/// Where an account stands with erasure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Erasure {
    /// When its owner asked for it to be erased, while the request waits.
    pub requested_at: Option<DateTime<Utc>>,
    /// When it was erased.
    pub erased_at: Option<DateTime<Utc>>,
}

/// What an erasure removed, for the log and the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Erased {
    pub sessions: usize,
    pub digests: usize,
    pub sign_in_records: usize,
    pub calendar_addresses: usize,
    pub account_events_cleared: usize,
}

/// The name an erased account keeps: never shown (pages name the partner instead), but a valid
/// name for code that reads every account alike.
pub const ERASED_NAME: &str = "Former member";

pub fn state(conn: &mut DbConnection, id: UserId) -> Result<Erasure, StoreError> {
    let row: Option<(Option<NaiveDateTime>, Option<NaiveDateTime>)> = account_erasures::table
        .find(id.to_string())
        .select((account_erasures::requested_at, account_erasures::erased_at))
        .first(conn)
        .optional()?;
    Ok(row.map_or_else(Erasure::default, |(requested, erased)| Erasure {
        requested_at: requested.map(|t| t.and_utc()),
        erased_at: erased.map(|t| t.and_utc()),
    }))
}

/// Records the owner's request; run inside a transaction. `true` when this call recorded it:
/// asking again keeps the first time asked, and an erased account asks nothing.
pub fn request(conn: &mut DbConnection, id: UserId, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let key = id.to_string();
    // The row first, whoever else is asking at the same moment (a second click).
    match conn {
        DbConnection::Sqlite(c) => {
            diesel::sql_query("INSERT INTO account_erasures (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING")
                .bind::<diesel::sql_types::Text, _>(&key)
                .execute(c)?
        }
        DbConnection::Pg(c) => {
            diesel::sql_query("INSERT INTO account_erasures (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING")
                .bind::<diesel::sql_types::Text, _>(&key)
                .execute(c)?
        }
    };
    let recorded = diesel::update(
        account_erasures::table
            .filter(account_erasures::user_id.eq(&key))
            .filter(account_erasures::requested_at.is_null())
            .filter(account_erasures::erased_at.is_null()),
    )
    .set(account_erasures::requested_at.eq(Some(now.naive_utc())))
    .execute(conn)?;
    Ok(recorded == 1)
}

/// Withdraws a waiting request; `false` when there was none.
pub fn withdraw(conn: &mut DbConnection, id: UserId) -> Result<bool, StoreError> {
    let updated = diesel::update(
        account_erasures::table
            .filter(account_erasures::user_id.eq(id.to_string()))
            .filter(account_erasures::erased_at.is_null())
            .filter(account_erasures::requested_at.is_not_null()),
    )
    .set(account_erasures::requested_at.eq(None::<NaiveDateTime>))
    .execute(conn)?;
    Ok(updated == 1)
}

/// The accounts whose owners asked to be erased, oldest request first.
pub fn requested(conn: &mut DbConnection) -> Result<Vec<(UserId, DateTime<Utc>)>, StoreError> {
    let rows: Vec<(String, Option<NaiveDateTime>)> = account_erasures::table
        .filter(account_erasures::erased_at.is_null())
        .filter(account_erasures::requested_at.is_not_null())
        .order((account_erasures::requested_at.asc(), account_erasures::user_id.asc()))
        .select((account_erasures::user_id, account_erasures::requested_at))
        .load(conn)?;
    rows.into_iter()
        .filter_map(|(id, at)| at.map(|at| (id, at)))
        .map(|(id, at)| Ok((id.parse().map_err(|e| corrupt("account_erasures", e))?, at.and_utc())))
        .collect()
}

/// Erases the account whose owner asked: run inside a transaction, after checking the policy
/// and that it is not the last administrator. `None` when no request waits (never asked,
/// withdrawn, or erased already).
pub fn erase(conn: &mut DbConnection, id: UserId, now: DateTime<Utc>) -> Result<Option<Erased>, StoreError> {
    let key = id.to_string();
    // The request is taken first, and only while it waits: of two confirmations at once, the
    // second finds it taken (PostgreSQL makes it wait for the first's commit, then re-reads)
    // and erases nothing.
    let taken = diesel::update(
        account_erasures::table
            .filter(account_erasures::user_id.eq(&key))
            .filter(account_erasures::requested_at.is_not_null())
            .filter(account_erasures::erased_at.is_null()),
    )
    .set(account_erasures::erased_at.eq(Some(now.naive_utc())))
    .execute(conn)?;
    if taken != 1 {
        return Ok(None);
    }
    let email: Option<String> = users::table.find(&key).select(users::email).first(conn).optional()?;
    let Some(email) = email else { return Ok(None) };
    let mut erased = Erased::default();

    let session_ids = sessions::table.filter(sessions::user_id.eq(&key)).select(sessions::id);
    diesel::delete(
        crate::schema::refresh_tokens::table.filter(crate::schema::refresh_tokens::session_id.eq_any(session_ids)),
    )
    .execute(conn)?;
    erased.sessions = diesel::delete(sessions::table.filter(sessions::user_id.eq(&key))).execute(conn)?;
    erased.calendar_addresses =
        diesel::delete(calendar_tokens::table.filter(calendar_tokens::user_id.eq(&key))).execute(conn)?;
    diesel::delete(unsubscribe_links::table.filter(unsubscribe_links::user_id.eq(&key))).execute(conn)?;
    erased.digests = diesel::delete(digest_outbox::table.filter(digest_outbox::user_id.eq(&key))).execute(conn)?;

    // Sign-in records are keyed by the address typed (see the accounts use cases): the
    // account's own key, and one per network address it signed in from.
    let own = format!("account:{email}");
    let pairs = format!("account-address:{email}|");
    let length = i32::try_from(pairs.chars().count()).unwrap_or(i32::MAX);
    erased.sign_in_records = diesel::delete(
        login_throttle::table.filter(
            login_throttle::key.eq(&own).or(diesel::dsl::sql::<diesel::sql_types::Bool>("substr(key, 1, ")
                .bind::<diesel::sql_types::Integer, _>(length)
                .sql(") = ")
                .bind::<diesel::sql_types::Text, _>(&pairs)),
        ),
    )
    .execute(conn)?;

    // The account's own events recorded names and addresses as they changed.
    erased.account_events_cleared = diesel::update(
        activity::table.filter(activity::subject_kind.eq("account")).filter(activity::subject_id.eq(&key)),
    )
    .set(activity::details.eq("{}"))
    .execute(conn)?;

    diesel::update(users::table.filter(users::id.eq(&key)))
        .set((
            users::email.eq(format!("erased-{key}@erased.invalid")),
            users::display_name.eq(ERASED_NAME),
            users::password_hash.eq("!"),
            users::password_change_required.eq(false),
            users::active.eq(false),
            users::digest_frequency.eq("off"),
            users::version.eq(users::version + 1),
            users::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    Ok(Some(erased))
}
