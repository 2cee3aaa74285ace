//! Calendar feed tokens: one open feed per account, revocable.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{calendar_tokens, users};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use mfx_domain::UserId;
use uuid::Uuid;

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

/// Deletes calendar tokens withdrawn before `before`; returns how many went.
pub fn purge_revoked_calendar_tokens(conn: &mut DbConnection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(diesel::delete(calendar_tokens::table.filter(calendar_tokens::revoked_at.lt(before.naive_utc())))
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
