//! A person's own data: everything the platform holds about them, to take away; asking for
//! their account to be erased and withdrawing the request; and, for the lead partner and
//! operators, the requests that wait and their confirmation. Erasing keeps the documents and
//! their history for the partnership, under the partner's name, and removes what made the
//! account a person's (see `mfx_store::erasure`).

use super::users::record_event;
use super::{Error, read, write};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use mfx_domain::UserId;
use mfx_domain::policy::{Action, Actor, Member, Resource, permits};
use mfx_store::accounts::{self, AccountRecord};
use mfx_store::erasure::{self, Erased, Erasure};
use mfx_store::personal::{self, PersonalData};
use mfx_store::{DbConnection, StoreError};
use serde_json::json;

/// Everything held about the account, read in one go.
pub async fn data(state: &AppState, me: &AccountRecord) -> Result<(PersonalData, Erasure), Error> {
    let id = me.account.id;
    read(state, move |c| Ok((personal::read(c, id)?, erasure::state(c, id)?))).await
}

/// Where the account stands with erasure.
pub async fn erasure_state(state: &AppState, id: UserId) -> Result<Erasure, Error> {
    read(state, move |c| erasure::state(c, id)).await
}

fn member(record: &AccountRecord) -> Member {
    Member { id: record.account.id, partner: record.account.partner, role: record.account.role }
}

/// Refuses to leave the platform without an active administrator.
fn keep_an_administrator(conn: &mut DbConnection, record: &AccountRecord) -> Result<(), StoreError> {
    if accounts::is_last_active_administrator(conn, record.account.id)? {
        return Err(StoreError::Domain(mfx_domain::Error::LastAdministrator { field: "account" }));
    }
    Ok(())
}

/// The owner asks for their account to be erased. The last active administrator may not.
pub async fn request_erasure(state: &AppState, me: &AccountRecord) -> Result<Erasure, Error> {
    let by = member(me);
    if !permits(&Actor::Member(by), Action::Erase, &Resource::Profile { id: by.id }) {
        return Err(Error::Forbidden);
    }
    let (record, now) = (me.clone(), state.clock.now());
    let erasure = write(state, move |c| {
        keep_an_administrator(c, &record)?;
        if erasure::request(c, record.account.id, now)? {
            record_event(c, &record, record.account.id, "erasure_requested", json!({}), now)?;
        }
        erasure::state(c, record.account.id)
    })
    .await?;
    tracing::info!(event = "erasure_requested", user = %by.id, "erasure asked for");
    Ok(erasure)
}

/// The owner withdraws their request.
pub async fn withdraw_erasure(state: &AppState, me: &AccountRecord) -> Result<Erasure, Error> {
    let (record, now) = (me.clone(), state.clock.now());
    write(state, move |c| {
        if erasure::withdraw(c, record.account.id)? {
            record_event(c, &record, record.account.id, "erasure_withdrawn", json!({}), now)?;
        }
        erasure::state(c, record.account.id)
    })
    .await
}

/// A request that waits for confirmation.
#[derive(Debug, Clone)]
pub struct ErasureRequest {
    pub account: AccountRecord,
    pub requested_at: DateTime<Utc>,
}

/// The requests `by` may confirm, oldest first.
pub async fn erasure_requests(state: &AppState, by: &Member) -> Result<Vec<ErasureRequest>, Error> {
    let by = *by;
    let waiting = read(state, |c| {
        let mut found = Vec::new();
        for (id, requested_at) in erasure::requested(c)? {
            if let Some(account) = accounts::find(c, id)? {
                found.push(ErasureRequest { account, requested_at });
            }
        }
        Ok(found)
    })
    .await?;
    Ok(waiting
        .into_iter()
        .filter(|r| permits(&Actor::Member(by), Action::Erase, &super::users::resource(&r.account)))
        .collect())
}

/// Confirms the owner's request and erases the account, in one transaction. Refused when the
/// owner has not asked (or withdrew), when `by` may not erase it, and for the last active
/// administrator.
pub async fn erase(state: &AppState, by: &Member, id: UserId) -> Result<Erased, Error> {
    let record = read(state, move |c| accounts::find(c, id)).await?.ok_or(Error::NotFound("account"))?;
    if !permits(&Actor::Member(*by), Action::Erase, &super::users::resource(&record)) {
        return Err(Error::Forbidden);
    }
    let (by_id, now) = (by.id, state.clock.now());
    let erased = write(state, move |c| {
        if erasure::state(c, id)?.requested_at.is_none() {
            return Err(StoreError::Domain(mfx_domain::Error::Conflict {
                field: "account",
                code: "no_erasure_request",
            }));
        }
        keep_an_administrator(c, &record)?;
        let erased =
            erasure::erase(c, id, now)?.ok_or(StoreError::Domain(mfx_domain::Error::NotFound { entity: "account" }))?;
        record_event(c, &record, by_id, "account_erased", json!({}), now)?;
        Ok(erased)
    })
    .await?;
    state.sessions.forget_account(id);
    tracing::info!(
        event = "account_erased",
        user = %id,
        by = %by_id,
        sessions = erased.sessions,
        digests = erased.digests,
        sign_in_records = erased.sign_in_records,
        "account erased"
    );
    Ok(erased)
}
