//! User accounts: creation, lookup by id, email or session, listing and changes.

use crate::db::DbConnection;
use crate::erasure::not_erased;
use crate::error::{StoreError, corrupt};
use crate::schema::{partners, sessions, users};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::account::Account;
use mfx_domain::digest::{DigestPrefs, Frequency, check_hour, weekday_from_number};
use mfx_domain::{DisplayName, Email, Error, Locale, NewAccount, PartnerId, PartnerSlug, Role, TimeZone, UserId};
use uuid::Uuid;

/// A stored account with what lists and responses show beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRecord {
    pub account: Account,
    pub partner_slug: PartnerSlug,
    /// Increases with every change; the ETag of the account.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub digest: DigestPrefs,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
struct UserRow {
    id: String,
    email: String,
    display_name: String,
    partner_id: String,
    role: String,
    locale: String,
    time_zone: String,
    active: bool,
    password_change_required: bool,
    version: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    digest_frequency: String,
    digest_weekday: i32,
    digest_hour: i32,
}

fn to_record((row, slug): (UserRow, String)) -> Result<AccountRecord, StoreError> {
    let bad = |what: &str| corrupt("users", format!("{what} of user {}", row.id));
    Ok(AccountRecord {
        account: Account {
            id: row.id.parse::<UserId>().map_err(|_| bad("id"))?,
            email: Email::parse(&row.email).map_err(|_| bad("email"))?,
            display_name: DisplayName::parse(&row.display_name).map_err(|_| bad("display name"))?,
            partner: row.partner_id.parse::<PartnerId>().map_err(|_| bad("partner"))?,
            role: Role::parse(&row.role).map_err(|_| bad("role"))?,
            locale: row.locale.parse::<Locale>().map_err(|_| bad("locale"))?,
            time_zone: TimeZone::parse(&row.time_zone).map_err(|_| bad("time zone"))?,
            active: row.active,
            password_change_required: row.password_change_required,
        },
        partner_slug: PartnerSlug::parse(&slug).map_err(|_| bad("partner slug"))?,
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
        digest: DigestPrefs {
            frequency: Frequency::parse(&row.digest_frequency).map_err(|_| bad("digest frequency"))?,
            weekday: weekday_from_number(row.digest_weekday).map_err(|_| bad("digest weekday"))?,
            hour: check_hour(row.digest_hour).map_err(|_| bad("digest hour"))?,
        },
    })
}

macro_rules! with_partner {
    ($query:expr) => {
        $query.inner_join(partners::table).select((UserRow::as_select(), partners::slug))
    };
}

/// Creates an account; `Conflict(email_taken)` when the email is in use.
pub fn insert(
    conn: &mut DbConnection,
    new: &NewAccount,
    password_hash: &str,
    password_change_required: bool,
    now: DateTime<Utc>,
) -> Result<AccountRecord, StoreError> {
    let id = Uuid::now_v7().to_string();
    let now = now.naive_utc();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(&id),
            users::email.eq(new.email.as_str()),
            users::display_name.eq(new.display_name.as_str()),
            users::partner_id.eq(new.partner.to_string()),
            users::role.eq(new.role.as_str()),
            users::locale.eq(new.locale.as_str()),
            users::time_zone.eq(new.time_zone.as_str()),
            users::active.eq(true),
            users::password_hash.eq(password_hash),
            users::password_change_required.eq(password_change_required),
            users::version.eq(1_i64),
            users::created_at.eq(now),
            users::updated_at.eq(now),
        ))
        .execute(conn)?;
    let id: UserId = id.parse().map_err(|e| corrupt("users", e))?;
    find(conn, id)?.ok_or(StoreError::Domain(Error::NotFound { entity: "account" }))
}

/// The account, unless it was erased (an erased account is nobody's to read or change).
pub fn find(conn: &mut DbConnection, id: UserId) -> Result<Option<AccountRecord>, StoreError> {
    with_partner!(users::table.filter(users::id.eq(id.to_string())).filter(not_erased!(users::id)))
        .first::<(UserRow, String)>(conn)
        .optional()?
        .map(to_record)
        .transpose()
}

pub fn find_by_email(conn: &mut DbConnection, email: &Email) -> Result<Option<AccountRecord>, StoreError> {
    with_partner!(users::table.filter(users::email.eq(email.as_str())))
        .first::<(UserRow, String)>(conn)
        .optional()?
        .map(to_record)
        .transpose()
}

/// The account and its password hash, for signing in.
pub fn credentials(conn: &mut DbConnection, email: &Email) -> Result<Option<(AccountRecord, String)>, StoreError> {
    let row = users::table
        .inner_join(partners::table)
        .filter(users::email.eq(email.as_str()))
        .select((UserRow::as_select(), partners::slug, users::password_hash))
        .first::<(UserRow, String, String)>(conn)
        .optional()?;
    row.map(|(user, slug, hash)| to_record((user, slug)).map(|record| (record, hash))).transpose()
}

/// The password hash of an account, to confirm a password change.
pub fn password_hash(conn: &mut DbConnection, id: UserId) -> Result<Option<String>, StoreError> {
    Ok(users::table.find(id.to_string()).select(users::password_hash).first(conn).optional()?)
}

/// The account behind an access token: active, with its session neither revoked nor expired.
pub fn find_signed_in(
    conn: &mut DbConnection,
    user: UserId,
    session: &str,
    now: DateTime<Utc>,
) -> Result<Option<AccountRecord>, StoreError> {
    users::table
        .inner_join(partners::table)
        .inner_join(sessions::table)
        .filter(users::id.eq(user.to_string()))
        .filter(users::active.eq(true))
        .filter(sessions::id.eq(session))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now.naive_utc()))
        .select((UserRow::as_select(), partners::slug))
        .first::<(UserRow, String)>(conn)
        .optional()?
        .map(to_record)
        .transpose()
}

pub fn count(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(users::table.count().get_result(conn)?)
}

/// Which accounts a listing shows.
#[derive(Debug, Clone, Default)]
pub struct AccountFilter {
    pub partner: Option<PartnerId>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    /// Part of the email or display name, any case.
    pub query: Option<String>,
}

/// Accounts in email order, after the email `after` (the cursor), at most `limit`.
pub fn list(
    conn: &mut DbConnection,
    filter: &AccountFilter,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<AccountRecord>, StoreError> {
    // An erased account has left the directory; its row only keeps its documents' history whole.
    let mut query = users::table.inner_join(partners::table).filter(not_erased!(users::id)).into_boxed();
    if let Some(partner) = filter.partner {
        query = query.filter(users::partner_id.eq(partner.to_string()));
    }
    if let Some(role) = filter.role {
        query = query.filter(users::role.eq(role.as_str()));
    }
    if let Some(active) = filter.active {
        query = query.filter(users::active.eq(active));
    }
    if let Some(text) = filter.query.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let escaped = text.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        query = query.filter(
            users::email.like(pattern.clone()).escape('\\').or(diesel::dsl::sql::<diesel::sql_types::Bool>(
                "lower(users.display_name) LIKE ",
            )
            .bind::<diesel::sql_types::Text, _>(pattern)
            .sql(" ESCAPE '\\'")),
        );
    }
    if let Some(after) = after {
        query = query.filter(users::email.gt(after.to_owned()));
    }
    query
        .order(users::email.asc())
        .limit(limit)
        .select((UserRow::as_select(), partners::slug))
        .load::<(UserRow, String)>(conn)?
        .into_iter()
        .map(to_record)
        .collect()
}

/// Changes to an account; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct AccountChanges {
    pub display_name: Option<DisplayName>,
    pub partner: Option<PartnerId>,
    pub role: Option<Role>,
    pub locale: Option<Locale>,
    pub time_zone: Option<TimeZone>,
    pub active: Option<bool>,
    pub digest: DigestChanges,
}

/// Changes to the digest settings, field by field, so that a change of one never writes back
/// a value of another that was read before a concurrent change of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DigestChanges {
    pub frequency: Option<Frequency>,
    pub weekday: Option<chrono::Weekday>,
    pub hour: Option<u32>,
}

#[derive(AsChangeset, Default)]
#[diesel(table_name = users)]
struct UserChangeset {
    display_name: Option<String>,
    partner_id: Option<String>,
    role: Option<String>,
    locale: Option<String>,
    time_zone: Option<String>,
    active: Option<bool>,
    digest_frequency: Option<String>,
    digest_weekday: Option<i32>,
    digest_hour: Option<i32>,
}

/// Applies `changes` when the account is still at `expected_version` (if given; without it
/// the change applies to whatever version is current); returns the new state as this change
/// left it. `StaleVersion` when another change came first, `LastAdministrator` when the change
/// would leave no active administrator. Run inside a transaction.
pub fn update(
    conn: &mut DbConnection,
    id: UserId,
    changes: &AccountChanges,
    expected_version: Option<i64>,
    now: DateTime<Utc>,
) -> Result<AccountRecord, StoreError> {
    let key = id.to_string();
    let removes_admin = changes.role.is_some_and(|r| r != Role::Admin) || changes.active == Some(false);
    if removes_admin {
        // Demotions and deactivations take turns, so that two of them cannot each count the
        // other administrator and together leave none.
        lock_active_administrators(conn)?;
    }
    let (was_admin, was_active): (String, bool) = users::table
        .find(&key)
        .select((users::role, users::active))
        .first(conn)
        .optional()?
        .ok_or(StoreError::Domain(Error::NotFound { entity: "account" }))?;
    let set = UserChangeset {
        display_name: changes.display_name.as_ref().map(|n| n.as_str().to_owned()),
        partner_id: changes.partner.map(|p| p.to_string()),
        role: changes.role.map(|r| r.as_str().to_owned()),
        locale: changes.locale.map(|l| l.as_str().to_owned()),
        time_zone: changes.time_zone.as_ref().map(|t| t.as_str().to_owned()),
        active: changes.active,
        digest_frequency: changes.digest.frequency.map(|f| f.as_str().to_owned()),
        digest_weekday: changes.digest.weekday.map(|w| i32::try_from(w.number_from_monday()).unwrap_or(1)),
        digest_hour: changes.digest.hour.map(|h| i32::try_from(h).unwrap_or(8)),
    };
    let stamp = (users::version.eq(users::version + 1), users::updated_at.eq(now.naive_utc()));
    let changed = match expected_version {
        // The row count, not the earlier read, says whether the version was still current:
        // on PostgreSQL a concurrent writer may commit between the two.
        Some(expected) => diesel::update(users::table.find(&key).filter(users::version.eq(expected)))
            .set((set, stamp))
            .execute(conn)?,
        None => diesel::update(users::table.find(&key)).set((set, stamp)).execute(conn)?,
    };
    if changed == 0 {
        return Err(missed(conn, &key, expected_version));
    }
    if removes_admin && was_active && was_admin == Role::Admin.as_str() && active_administrators(conn)? == 0 {
        let field = if changes.active == Some(false) { "active" } else { "role" };
        return Err(Error::LastAdministrator { field }.into());
    }
    find(conn, id)?.ok_or(StoreError::Domain(Error::NotFound { entity: "account" }))
}

/// Why a guarded update of an account changed no row: it is gone, or at another version.
fn missed(conn: &mut DbConnection, key: &str, expected: Option<i64>) -> StoreError {
    let current = users::table.find(key).select(users::version).first::<i64>(conn).optional();
    match (current, expected) {
        (Ok(Some(current)), Some(expected)) => Error::StaleVersion { expected, current }.into(),
        (Ok(_), _) => Error::NotFound { entity: "account" }.into(),
        (Err(e), _) => e.into(),
    }
}

/// Whether the account is the only active administrator: closing or erasing it would leave
/// nobody to run the platform.
pub fn is_last_active_administrator(conn: &mut DbConnection, id: UserId) -> Result<bool, StoreError> {
    let found: Option<(String, bool)> =
        users::table.find(id.to_string()).select((users::role, users::active)).first(conn).optional()?;
    Ok(match found {
        Some((role, true)) if role == Role::Admin.as_str() => active_administrators(conn)? == 1,
        _ => false,
    })
}

/// Active administrators.
pub fn active_administrators(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(users::table
        .filter(users::role.eq(Role::Admin.as_str()))
        .filter(users::active.eq(true))
        .count()
        .get_result(conn)?)
}

/// Holds the rows of the active administrators until the transaction ends (PostgreSQL; on
/// SQLite one writer at a time already runs). Rows are taken in id order, so two callers never
/// wait on each other crosswise.
fn lock_active_administrators(conn: &mut DbConnection) -> Result<(), StoreError> {
    if let DbConnection::Pg(pg) = conn {
        diesel::sql_query("SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE").execute(pg)?;
    }
    Ok(())
}

/// Holds an account's row until the transaction ends (PostgreSQL; on SQLite one writer at a
/// time already runs), so that changes hanging on the account take turns.
pub fn lock(conn: &mut DbConnection, id: UserId) -> Result<(), StoreError> {
    if let DbConnection::Pg(pg) = conn {
        diesel::sql_query("SELECT id FROM users WHERE id = $1 FOR UPDATE")
            .bind::<diesel::sql_types::Text, _>(id.to_string())
            .execute(pg)?;
    }
    Ok(())
}

/// Replaces the password hash.
pub fn set_password(
    conn: &mut DbConnection,
    id: UserId,
    password_hash: &str,
    change_required: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let changed = diesel::update(users::table.find(id.to_string()))
        .set((
            users::password_hash.eq(password_hash),
            users::password_change_required.eq(change_required),
            users::version.eq(users::version + 1),
            users::updated_at.eq(now.naive_utc()),
        ))
        .execute(conn)?;
    if changed == 0 {
        return Err(Error::NotFound { entity: "account" }.into());
    }
    Ok(())
}
