//! What an account does for itself: prove who it is (sign-in, for the API and the pages alike),
//! change its own password, and describe the digest settings it wants.

use super::{Error, compute, read, write};
use crate::auth::password;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use mfx_domain::account::Account;
use mfx_domain::digest::{Frequency, check_hour, weekday_from_number};
use mfx_domain::throttle::ThrottlePolicy;
use mfx_domain::{Email, FieldError, Password, Violations};
use mfx_store::accounts::{self, AccountRecord, DigestChanges};
use mfx_store::{sessions, throttle};
use serde::Deserialize;
use utoipa::ToSchema;

/// Email digest settings.
#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct DigestInput {
    /// off, daily or weekly.
    #[schema(value_type = Option<Frequency>, example = "weekly")]
    pub frequency: Option<String>,
    /// For weekly digests: 1 (Monday) to 7 (Sunday).
    #[schema(example = 1, minimum = 1, maximum = 7)]
    pub weekday: Option<i32>,
    /// Local hour, 0 to 23, in the account's time zone.
    #[schema(example = 8, minimum = 0, maximum = 23)]
    pub hour: Option<i32>,
}

/// The digest fields sent, each checked; every invalid one is recorded.
pub fn digest_changes(input: &DigestInput, violations: &mut Violations) -> DigestChanges {
    DigestChanges {
        frequency: input.frequency.as_deref().and_then(|f| violations.check("digest.frequency", Frequency::parse(f))),
        weekday: input.weekday.and_then(|w| violations.check("digest.weekday", weekday_from_number(w))),
        hour: input.hour.and_then(|h| violations.check("digest.hour", check_hour(h))),
    }
}

/// Whole seconds to wait before trying again, at least one.
fn retry_after(wait: chrono::Duration) -> Error {
    Error::RateLimited { retry_after_secs: u64::try_from(wait.num_seconds()).unwrap_or(1).max(1) }
}

/// The account part of throttling keys: the email as accounts store it, or (for what is not an
/// email) its first 320 characters, so that a huge field cannot make a huge key.
fn account_key(email: &str) -> String {
    Email::parse(email)
        .map(|e| e.as_str().to_owned())
        .unwrap_or_else(|_| email.trim().to_lowercase().chars().take(320).collect())
}

/// Checks an email and password as every sign-in does (API and pages), for a client at
/// `address` (as `client_address` resolves it). Each attempt is taken from three allowances
/// before the password is checked — the account from this address, the account from
/// everywhere (a higher ceiling), and this address for every account — and is refused while
/// any is used up; an attempt that succeeds is given back. An unknown email costs the same work
/// and gets the same answer as a wrong password.
pub async fn verify_credentials(
    state: &AppState,
    address: &str,
    email: &str,
    password: String,
    now: DateTime<Utc>,
) -> Result<AccountRecord, Error> {
    let account = account_key(email);
    let pair_key = format!("account-address:{account}|{address}");
    let account_key = format!("account:{account}");
    let address_key = format!("address:{address}");
    let keys = [pair_key.clone(), account_key.clone(), address_key.clone()];
    let taken = write(state, move |conn| {
        throttle::take(
            conn,
            &[
                (&keys[0], ThrottlePolicy::PER_ACCOUNT_ADDRESS),
                (&keys[1], ThrottlePolicy::PER_ACCOUNT),
                (&keys[2], ThrottlePolicy::PER_ADDRESS),
            ],
            now,
        )
    })
    .await?;
    if let Err(wait) = taken {
        tracing::info!(event = "login_throttled", "sign-in refused: too many attempts");
        return Err(retry_after(wait));
    }
    let parsed_email = Email::parse(email).ok();
    let credentials = read(state, move |conn| match parsed_email {
        Some(email) => accounts::credentials(conn, &email),
        None => Ok(None),
    })
    .await?;
    let verified = compute(move || match credentials {
        Some((record, hash)) => password::verify(&password, &hash).then_some(record).filter(|r| r.account.active),
        None => {
            password::verify_nothing(&password);
            None
        }
    })
    .await?;
    let Some(record) = verified else {
        tracing::info!(event = "login_failed", "sign-in refused");
        return Err(Error::InvalidCredentials);
    };
    write(state, move |conn| {
        throttle::clear(conn, &pair_key)?;
        throttle::refund(conn, &account_key, ThrottlePolicy::PER_ACCOUNT, now)?;
        throttle::refund(conn, &address_key, ThrottlePolicy::PER_ADDRESS, now)
    })
    .await?;
    Ok(record)
}

/// Changes the password of `account`, signed in as `session`: confirms the current one,
/// checks the new one against the policy, ends the account's other sessions (this one
/// continues) and lifts a required change. Wrong current passwords are limited like sign-ins,
/// each attempt taken before checking. A refusal names `current_password` or `new_password`
/// as the failing field.
pub async fn set_own_password(
    state: &AppState,
    account: &Account,
    session: &str,
    current_password: String,
    new_password: &str,
) -> Result<(), Error> {
    let id = account.id;
    let personal = [account.email.as_str(), account.display_name.as_str()];
    let new_password = Password::parse_for(new_password, &personal).map_err(|mut e| {
        e.field = "new_password".into();
        Error::Invalid(e.into())
    })?;
    if new_password.expose() == current_password {
        return Err(Error::field("new_password", "unchanged", "the new password is the current one"));
    }
    let now = state.clock.now();
    let key = format!("password-change:{id}");
    let key_for_take = key.clone();
    let (taken, stored) = write(state, move |c| {
        let taken = throttle::take(c, &[(&key_for_take, ThrottlePolicy::PASSWORD_CHANGE)], now)?;
        Ok((taken, accounts::password_hash(c, id)?))
    })
    .await?;
    if let Err(wait) = taken {
        return Err(retry_after(wait));
    }
    let stored = stored.ok_or(Error::NotFound("account"))?;
    let hash = compute(move || {
        if password::verify(&current_password, &stored) {
            password::hash(new_password.expose()).map(Some)
        } else {
            Ok(None)
        }
    })
    .await?
    .map_err(Error::internal)?;
    let Some(hash) = hash else {
        return Err(Error::Invalid(
            FieldError::new("current_password", "wrong_password", "the current password is not right").into(),
        ));
    };
    let session = session.to_owned();
    write(state, move |c| {
        accounts::set_password(c, id, &hash, false, now)?;
        sessions::revoke_others(c, id, &session, now)?;
        throttle::clear(c, &key)
    })
    .await?;
    tracing::info!(event = "password_changed", user = %id, "password changed");
    Ok(())
}
