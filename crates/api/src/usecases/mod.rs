//! The application's use cases: what a partner, a reader or a job can do, with typed inputs
//! (ids already parsed, the acting account, the application state with its clock and store)
//! and domain results. The JSON API (`routes`), the pages (`web`) and the mail are adapters
//! around them: they parse requests, call a use case, and render its answer.
//!
//! Nothing here knows HTTP: no requests, responses, headers or status codes (a test in
//! `tests/it/layers.rs` keeps it so). Failures are an [`Error`]; the HTTP layer maps it to its
//! problem documents in one place (`impl From<Error> for ApiError`).

pub mod accounts;
pub mod documents;
pub mod personal;
pub mod review;
pub mod tracking;
pub mod users;

use crate::state::AppState;
use mfx_domain::policy::{Actor, Member};
use mfx_domain::{FieldError, Violations};
use mfx_store::{DbConnection, StoreError};
use std::fmt;

/// Why a use case did not happen.
#[derive(Debug)]
pub enum Error {
    /// The thing does not exist, or the actor may not know that it does.
    NotFound(&'static str),
    /// The actor may not do this.
    Forbidden,
    /// Some fields are wrong; each is listed.
    Invalid(Violations),
    /// The request conflicts with the state of the data (a taken code, an impossible move).
    Conflict { field: &'static str, code: &'static str },
    /// The resource changed since the version the actor named.
    Stale { expected: i64, current: i64 },
    /// The change would leave the platform without an active administrator.
    LastAdministrator { field: &'static str },
    /// The change must name the version it applies to, and did not.
    PreconditionRequired,
    /// Email and password do not match an active account (same answer for an unknown email).
    InvalidCredentials,
    /// Too many failed attempts; try again after this many seconds.
    RateLimited { retry_after_secs: u64 },
    /// The content is of a kind not accepted here; `expected` says which are.
    UnsupportedContent { expected: &'static str },
    /// The store cannot be reached now.
    Unavailable(String),
    /// The store has no room left to write.
    StorageFull(String),
    /// A bug or an operational failure (logged, never shown).
    Internal(String),
}

impl Error {
    pub fn internal(cause: impl fmt::Display) -> Self {
        Error::Internal(cause.to_string())
    }

    /// One invalid field.
    pub fn field(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid(FieldError::new(field, code, message).into())
    }
}

impl From<mfx_domain::Error> for Error {
    fn from(error: mfx_domain::Error) -> Self {
        match error {
            mfx_domain::Error::NotFound { entity } => Error::NotFound(entity),
            mfx_domain::Error::Invalid(violations) => Error::Invalid(violations),
            mfx_domain::Error::Conflict { field, code } => Error::Conflict { field, code },
            mfx_domain::Error::Forbidden => Error::Forbidden,
            mfx_domain::Error::StaleVersion { expected, current } => Error::Stale { expected, current },
            mfx_domain::Error::LastAdministrator { field } => Error::LastAdministrator { field },
        }
    }
}

impl From<Violations> for Error {
    fn from(violations: Violations) -> Self {
        Error::Invalid(violations)
    }
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Domain(error) => error.into(),
            StoreError::Unavailable(why) => Error::Unavailable(why),
            StoreError::StorageFull(why) => Error::StorageFull(why),
            other => Error::Internal(other.to_string()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Internal(cause) => write!(f, "internal error: {cause}"),
            Error::Unavailable(cause) => write!(f, "unavailable: {cause}"),
            Error::StorageFull(cause) => write!(f, "storage full: {cause}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// A move in a workflow that the current status does not allow conflicts with the state of
/// the resource, unlike a status that does not exist (an invalid field).
pub fn impossible_move(error: mfx_domain::Error) -> Error {
    match error {
        mfx_domain::Error::Invalid(violations) if violations.iter().any(|e| e.code == "invalid_transition") => {
            Error::Conflict { field: "to", code: "invalid_transition" }
        }
        other => other.into(),
    }
}

/// Runs a read on a pooled connection, off the async workers.
pub async fn read<T, F>(state: &AppState, work: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
{
    let db = state.db.clone();
    tokio::task::spawn_blocking(move || db.read(work)).await.map_err(Error::internal)?.map_err(Error::from)
}

/// Runs `work` in one write transaction, off the async workers (see [`AppState::write_now`]).
pub async fn write<T, F>(state: &AppState, work: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || state.write_now(work)).await.map_err(Error::internal)?.map_err(Error::from)
}

/// Runs CPU-heavy work (password hashing) off the async workers.
pub async fn compute<T, F>(work: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    tokio::task::spawn_blocking(work).await.map_err(Error::internal)
}

/// The signed-in account a use case acts for, as the policy knows it.
pub fn actor(member: Member) -> Actor {
    Actor::Member(member)
}
