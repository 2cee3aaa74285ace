//! Managing other people's accounts, for operators and the lead partner: list the accounts one
//! may manage, create one (with a one-time password when none is given), change its name, role,
//! partner, language, time zone, deactivate and reactivate it, issue a new one-time password.
//! The JSON API (`/api/v1/users`) and the pages (`/{lang}/admin/users`) both call these; every
//! change is recorded in the account's activity.

use super::{Error, compute, read, write};
use crate::auth::password;
use crate::state::AppState;
use mfx_domain::account::AccountInput;
use mfx_domain::policy::{Action, Actor, Member, Resource, permits};
use mfx_domain::{
    DisplayName, FieldError, Locale, NewAccount, Partner, PartnerId, Password, Role, TimeZone, UserId, Violations,
};
use mfx_store::accounts::{self, AccountChanges, AccountFilter, AccountRecord};
use mfx_store::activity::{self, ActivityRecord, NewActivity};
use mfx_store::{DbConnection, StoreError, partners, sessions};
use serde_json::{Value, json};

/// The `subject_kind` of account events in the activity feed.
pub const SUBJECT: &str = "account";

fn actor(by: &Member) -> Actor {
    Actor::Member(*by)
}

/// What the policy knows of an account.
pub fn resource(record: &AccountRecord) -> Resource<'static> {
    Resource::Account { id: record.account.id, partner: record.account.partner, role: record.account.role }
}

/// Whether `by` reads the list of accounts at all.
pub fn require_directory(by: &Member) -> Result<(), Error> {
    if permits(&actor(by), Action::Read, &Resource::AccountDirectory) { Ok(()) } else { Err(Error::Forbidden) }
}

/// Whether `by` may change this account.
pub fn may_manage(by: &Member, record: &AccountRecord) -> bool {
    permits(&actor(by), Action::Update, &resource(record))
}

/// Whether `by` may deactivate this account.
pub fn may_deactivate(by: &Member, record: &AccountRecord) -> bool {
    permits(&actor(by), Action::Deactivate, &resource(record))
}

/// The roles `by` may give to an account of `partner` (creating it or changing it).
pub fn assignable_roles(by: &Member, id: Option<UserId>, partner: PartnerId) -> Vec<Role> {
    let id = id.unwrap_or_else(|| UserId::from_uuid(uuid::Uuid::nil()));
    Role::ALL
        .into_iter()
        .filter(|role| permits(&actor(by), Action::Create, &Resource::Account { id, partner, role: *role }))
        .collect()
}

/// The partner named by `slug`; an unknown one is recorded as an invalid `partner`.
async fn partner_by_slug(state: &AppState, slug: &str, violations: &mut Violations) -> Result<Option<Partner>, Error> {
    let wanted = slug.trim().to_owned();
    let found = read(state, move |c| partners::find_by_slug(c, &wanted)).await?;
    if found.is_none() {
        violations.push(FieldError::new(
            "partner",
            "unknown_partner",
            format!("`{}` is not a partner's slug", slug.trim()),
        ));
    }
    Ok(found)
}

/// The accounts `by` may manage, in email order, of one partner or all.
pub async fn manageable(
    state: &AppState,
    by: &Member,
    partner: Option<PartnerId>,
) -> Result<Vec<AccountRecord>, Error> {
    require_directory(by)?;
    let filter = AccountFilter { partner, ..AccountFilter::default() };
    let records = read(state, move |c| accounts::list(c, &filter, None, 1000)).await?;
    Ok(records.into_iter().filter(|r| may_manage(by, r)).collect())
}

/// One account that `by` may read.
pub async fn find(state: &AppState, by: &Member, id: UserId) -> Result<AccountRecord, Error> {
    let record = read(state, move |c| accounts::find(c, id)).await?.ok_or(Error::NotFound("account"))?;
    if !permits(&actor(by), Action::Read, &resource(&record)) {
        return Err(Error::Forbidden);
    }
    Ok(record)
}

/// The fields of a new account, as typed.
#[derive(Debug, Clone, Default)]
pub struct NewAccountInput {
    pub email: String,
    /// Defaults to the part of the email before @.
    pub display_name: Option<String>,
    /// The partner's slug.
    pub partner: String,
    pub role: String,
    /// Defaults to the partner's language.
    pub language: Option<String>,
    /// Defaults to the partner's time zone.
    pub time_zone: Option<String>,
    /// Without it a one-time password is generated, which must be changed at first sign-in.
    pub password: Option<String>,
}

/// A created account, and the one-time password generated for it, if any.
#[derive(Debug)]
pub struct Created {
    pub record: AccountRecord,
    pub initial_password: Option<String>,
}

/// Creates an account. Every invalid field is reported together; a taken email is a conflict
/// on `email`; a role the policy does not let `by` give is refused.
pub async fn create(state: &AppState, by: &Member, input: NewAccountInput) -> Result<Created, Error> {
    require_directory(by)?;
    let mut violations = Violations::new();
    let partner = partner_by_slug(state, &input.partner, &mut violations).await?;
    let personal = [input.email.as_str(), input.display_name.as_deref().unwrap_or_default()];
    let password =
        input.password.as_deref().and_then(|p| violations.check("password", Password::parse_for(p, &personal)));
    let fallback_zone = TimeZone::parse("UTC").map_err(|e| Error::internal(e.message))?;
    let (partner_id, locale, zone) = match &partner {
        Some(p) => (p.id, p.profile.locale, p.profile.time_zone.clone()),
        None => (by.partner, Locale::fallback(), fallback_zone),
    };
    let fields = AccountInput {
        email: &input.email,
        display_name: input.display_name.as_deref(),
        role: &input.role,
        locale: input.language.as_deref(),
        time_zone: input.time_zone.as_deref(),
    };
    let new = match NewAccount::parse(&fields, partner_id, locale, &zone) {
        Ok(new) if violations.is_empty() => new,
        Ok(_) => return Err(Error::Invalid(violations)),
        Err(mfx_domain::Error::Invalid(more)) => {
            for error in more.iter() {
                violations.push(error.clone());
            }
            return Err(Error::Invalid(violations));
        }
        Err(other) => return Err(other.into()),
    };
    let placeholder = UserId::from_uuid(uuid::Uuid::nil());
    if !permits(
        &actor(by),
        Action::Create,
        &Resource::Account { id: placeholder, partner: new.partner, role: new.role },
    ) {
        return Err(Error::Forbidden);
    }
    let (secret, generated) = match password {
        Some(p) => (p.expose().to_owned(), None),
        None => {
            let generated = password::generate();
            (generated.clone(), Some(generated))
        }
    };
    let hash = compute(move || password::hash(&secret)).await?.map_err(Error::internal)?;
    let now = state.clock.now();
    let must_change = generated.is_some();
    let by_id = by.id;
    let record = write(state, move |c| {
        let record = accounts::insert(c, &new, &hash, must_change, now)?;
        let details = json!({ "role": record.account.role.as_str(), "partner": record.partner_slug.as_str() });
        record_event(c, &record, by_id, "account_created", details, now)?;
        Ok(record)
    })
    .await?;
    tracing::info!(event = "user_created", user = %record.account.id, by = %by.id, "account created");
    Ok(Created { record, initial_password: generated })
}

/// Changes to an account, as typed; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct AccountUpdate {
    pub display_name: Option<String>,
    /// The partner's slug.
    pub partner: Option<String>,
    pub role: Option<String>,
    pub language: Option<String>,
    pub time_zone: Option<String>,
    /// `false` deactivates the account and ends its sessions; `true` reactivates it.
    pub active: Option<bool>,
}

/// Changes an account when it is still at `expected_version` (if given). The change must stay
/// within the policy before and after (a coordinator cannot make an administrator);
/// deactivating ends the account's sessions and secret links.
pub async fn update(
    state: &AppState,
    by: &Member,
    id: UserId,
    input: AccountUpdate,
    expected_version: Option<i64>,
) -> Result<AccountRecord, Error> {
    let current = read(state, move |c| accounts::find(c, id)).await?.ok_or(Error::NotFound("account"))?;
    if !permits(&actor(by), Action::Update, &resource(&current)) {
        return Err(Error::Forbidden);
    }
    let mut violations = Violations::new();
    let mut changes = AccountChanges {
        display_name: input
            .display_name
            .as_deref()
            .and_then(|n| violations.check("display_name", DisplayName::parse(n))),
        role: input.role.as_deref().and_then(|r| violations.check("role", Role::parse(r))),
        locale: input.language.as_deref().and_then(|l| violations.check("language", Locale::parse_field(l))),
        time_zone: input.time_zone.as_deref().and_then(|t| violations.check("time_zone", TimeZone::parse(t))),
        active: input.active,
        partner: None,
        digest: accounts::DigestChanges::default(),
    };
    if let Some(slug) = input.partner.as_deref() {
        changes.partner = partner_by_slug(state, slug, &mut violations).await?.map(|p| p.id);
    }
    if !violations.is_empty() {
        return Err(Error::Invalid(violations));
    }
    let proposed = Resource::Account {
        id,
        partner: changes.partner.unwrap_or(current.account.partner),
        role: changes.role.unwrap_or(current.account.role),
    };
    if !permits(&actor(by), Action::Update, &proposed) {
        return Err(Error::Forbidden);
    }
    let deactivating = changes.active == Some(false) && current.account.active;
    if deactivating && !permits(&actor(by), Action::Deactivate, &resource(&current)) {
        return Err(Error::Forbidden);
    }
    let (now, by_id) = (state.clock.now(), by.id);
    let record = write(state, move |c| {
        let before = accounts::find(c, id)?;
        let record = accounts::update(c, id, &changes, expected_version, now)?;
        if !record.account.active {
            sessions::revoke_all_for_user(c, id, now)?;
            // Secret links stop with the account and do not come back with a reactivation.
            mfx_store::tracking::revoke_calendar_tokens(c, id, now)?;
            mfx_store::unsubscribe::revoke(c, id)?;
        }
        if let Some(before) = before {
            record_changes(c, &before, &record, by_id, now)?;
        }
        Ok(record)
    })
    .await?;
    tracing::info!(event = "user_updated", user = %id, by = %by.id, deactivated = deactivating, "account changed");
    Ok(record)
}

/// Gives an account a new one-time password, to be changed at its next sign-in, and ends its
/// sessions. Returns the account and the password, to be shown once.
pub async fn reset_password(
    state: &AppState,
    by: &Member,
    id: UserId,
    expected_version: Option<i64>,
) -> Result<(AccountRecord, String), Error> {
    let current = read(state, move |c| accounts::find(c, id)).await?.ok_or(Error::NotFound("account"))?;
    if !permits(&actor(by), Action::Update, &resource(&current)) || !current.account.active {
        return Err(Error::Forbidden);
    }
    if let Some(expected) = expected_version.filter(|v| *v != current.version) {
        return Err(Error::Stale { expected, current: current.version });
    }
    let generated = password::generate();
    let secret = generated.clone();
    let hash = compute(move || password::hash(&secret)).await?.map_err(Error::internal)?;
    let (now, by_id) = (state.clock.now(), by.id);
    let record = write(state, move |c| {
        accounts::lock(c, id)?;
        let record =
            accounts::find(c, id)?.ok_or(StoreError::Domain(mfx_domain::Error::NotFound { entity: "account" }))?;
        if let Some(expected) = expected_version.filter(|v| *v != record.version) {
            return Err(mfx_domain::Error::StaleVersion { expected, current: record.version }.into());
        }
        accounts::set_password(c, id, &hash, true, now)?;
        sessions::revoke_all_for_user(c, id, now)?;
        record_event(c, &record, by_id, "account_password_reset", json!({}), now)?;
        accounts::find(c, id)?.ok_or(StoreError::Domain(mfx_domain::Error::NotFound { entity: "account" }))
    })
    .await?;
    tracing::info!(event = "password_reset", user = %id, by = %by.id, "one-time password issued");
    Ok((record, generated))
}

/// The recent events of an account, newest first.
pub async fn recent_activity(state: &AppState, id: UserId, limit: i64) -> Result<Vec<ActivityRecord>, Error> {
    let key = id.to_string();
    read(state, move |c| activity::of_subject(c, SUBJECT, &key, limit)).await
}

/// Records an event of the account in its activity.
pub(super) fn record_event(
    conn: &mut DbConnection,
    record: &AccountRecord,
    by: UserId,
    verb: &'static str,
    details: Value,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    activity::record(
        conn,
        NewActivity {
            at,
            actor: Some(by),
            verb,
            subject_kind: SUBJECT,
            subject_id: record.account.id.to_string(),
            document_kind: None,
            partner: Some(record.account.partner),
            locale: None,
            details,
        },
    )
}

/// Records what a change did: the fields it changed (old and new values), and a deactivation
/// or reactivation as its own event.
fn record_changes(
    conn: &mut DbConnection,
    before: &AccountRecord,
    after: &AccountRecord,
    by: UserId,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let (b, a) = (&before.account, &after.account);
    let mut changed = Vec::new();
    let mut field = |name: &str, old: &str, new: &str| {
        if old != new {
            changed.push(json!({ "field": name, "from": old, "to": new }));
        }
    };
    field("display_name", b.display_name.as_str(), a.display_name.as_str());
    field("role", b.role.as_str(), a.role.as_str());
    field("partner", before.partner_slug.as_str(), after.partner_slug.as_str());
    field("language", b.locale.as_str(), a.locale.as_str());
    field("time_zone", b.time_zone.as_str(), a.time_zone.as_str());
    if !changed.is_empty() {
        record_event(conn, after, by, "account_changed", json!({ "changes": changed }), at)?;
    }
    if b.active != a.active {
        let verb = if a.active { "account_reactivated" } else { "account_deactivated" };
        record_event(conn, after, by, verb, json!({}), at)?;
    }
    Ok(())
}
