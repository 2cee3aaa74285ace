//! Sign-in sessions and their one-time refresh tokens (stored as hashes only).

use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::{refresh_tokens, sessions, users};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::UserId;
use uuid::Uuid;

/// Starts a session with its first refresh token; returns the session id.
pub fn start(
    conn: &mut DbConnection,
    user: UserId,
    token_hash: &str,
    now: DateTime<Utc>,
    token_expires_at: DateTime<Utc>,
    session_expires_at: DateTime<Utc>,
) -> Result<String, StoreError> {
    let session = Uuid::now_v7().to_string();
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(&session),
            sessions::user_id.eq(user.to_string()),
            sessions::created_at.eq(now.naive_utc()),
            sessions::expires_at.eq(session_expires_at.naive_utc()),
        ))
        .execute(conn)?;
    insert_token(conn, &session, token_hash, now, token_expires_at)?;
    Ok(session)
}

fn insert_token(
    conn: &mut DbConnection,
    session: &str,
    token_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::id.eq(Uuid::now_v7().to_string()),
            refresh_tokens::session_id.eq(session),
            refresh_tokens::token_hash.eq(token_hash),
            refresh_tokens::created_at.eq(now.naive_utc()),
            refresh_tokens::expires_at.eq(expires_at.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// What presenting a refresh token led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rotation {
    /// The token was valid: it is now used, and `new_hash` is the session's next token.
    Rotated { user: UserId, session: String },
    /// The token had been used before: someone replayed it, so the session is now revoked.
    ReuseDetected { user: UserId, session: String },
    /// Unknown, expired, revoked, or the account is inactive.
    Rejected,
}

/// Exchanges a refresh token for the next one. Run inside a transaction.
pub fn rotate(
    conn: &mut DbConnection,
    presented_hash: &str,
    new_hash: &str,
    now: DateTime<Utc>,
    token_expires_at: DateTime<Utc>,
) -> Result<Rotation, StoreError> {
    type Found =
        (String, NaiveDateTime, Option<NaiveDateTime>, String, String, NaiveDateTime, Option<NaiveDateTime>, bool);
    let found: Option<Found> = refresh_tokens::table
        .inner_join(sessions::table.inner_join(users::table))
        .filter(refresh_tokens::token_hash.eq(presented_hash))
        .select((
            refresh_tokens::id,
            refresh_tokens::expires_at,
            refresh_tokens::used_at,
            sessions::id,
            sessions::user_id,
            sessions::expires_at,
            sessions::revoked_at,
            users::active,
        ))
        .first(conn)
        .optional()?;
    let Some((token_id, token_expires, used_at, session, user, session_expires, revoked_at, active)) = found else {
        return Ok(Rotation::Rejected);
    };
    let user: UserId = user.parse().map_err(|e| crate::error::corrupt("sessions", e))?;
    let now_naive = now.naive_utc();
    if revoked_at.is_some() || !active {
        return Ok(Rotation::Rejected);
    }
    if used_at.is_some() {
        revoke(conn, &session, now)?;
        return Ok(Rotation::ReuseDetected { user, session });
    }
    if token_expires <= now_naive || session_expires <= now_naive {
        return Ok(Rotation::Rejected);
    }
    // Mark used only if nobody else did in the meantime (two refreshes racing).
    let marked = diesel::update(refresh_tokens::table.find(&token_id).filter(refresh_tokens::used_at.is_null()))
        .set(refresh_tokens::used_at.eq(now_naive))
        .execute(conn)?;
    if marked == 0 {
        revoke(conn, &session, now)?;
        return Ok(Rotation::ReuseDetected { user, session });
    }
    insert_token(conn, &session, new_hash, now, token_expires_at.min(session_expires.and_utc()))?;
    Ok(Rotation::Rotated { user, session })
}

/// Ends a session; its access and refresh tokens stop working at once.
pub fn revoke(conn: &mut DbConnection, session: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let changed = diesel::update(sessions::table.find(session).filter(sessions::revoked_at.is_null()))
        .set(sessions::revoked_at.eq(now.naive_utc()))
        .execute(conn)?;
    Ok(changed > 0)
}

/// The session a refresh token belongs to, if any.
pub fn session_of_token(conn: &mut DbConnection, token_hash: &str) -> Result<Option<String>, StoreError> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(refresh_tokens::session_id)
        .first(conn)
        .optional()?)
}

/// Ends every session of an account (deactivation, password change).
pub fn revoke_all_for_user(conn: &mut DbConnection, user: UserId, now: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(diesel::update(
        sessions::table.filter(sessions::user_id.eq(user.to_string())).filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now.naive_utc()))
    .execute(conn)?)
}

/// Deletes sessions that expired or were revoked before `before`; returns how many went.
pub fn purge_ended(conn: &mut DbConnection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    let before = before.naive_utc();
    Ok(diesel::delete(sessions::table.filter(sessions::expires_at.lt(before).or(sessions::revoked_at.lt(before))))
        .execute(conn)?)
}

/// Ends every session of an account except `keep` (after a password change).
pub fn revoke_others(
    conn: &mut DbConnection,
    user: UserId,
    keep: &str,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user.to_string()))
            .filter(sessions::id.ne(keep))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now.naive_utc()))
    .execute(conn)?)
}

/// Starts a browser session identified by the hash of its cookie; returns the session id.
pub fn start_cookie(
    conn: &mut DbConnection,
    user: UserId,
    cookie_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<String, StoreError> {
    let session = Uuid::now_v7().to_string();
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(&session),
            sessions::user_id.eq(user.to_string()),
            sessions::created_at.eq(now.naive_utc()),
            sessions::expires_at.eq(expires_at.naive_utc()),
            sessions::cookie_hash.eq(cookie_hash),
        ))
        .execute(conn)?;
    Ok(session)
}

/// The live session of a browser cookie, and its account.
pub fn find_cookie(
    conn: &mut DbConnection,
    cookie_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(String, UserId)>, StoreError> {
    let row: Option<(String, String)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::cookie_hash.eq(cookie_hash))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now.naive_utc()))
        .filter(users::active.eq(true))
        .select((sessions::id, sessions::user_id))
        .first(conn)
        .optional()?;
    row.map(|(session, user)| Ok((session, user.parse().map_err(|e| crate::error::corrupt("sessions", e))?)))
        .transpose()
}
