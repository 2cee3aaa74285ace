//! What can go wrong, said in the domain's words. Other layers map these onto their own
//! outcomes (HTTP statuses, exit codes) and never the other way round.

use serde::Serialize;

/// One field that failed validation: where, a stable machine code, and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name as the client sent it (`email`, `partner`, `actions[2].title`).
    pub field: String,
    /// Stable snake_case code, also usable as a translation key (`too_long`, `unknown_partner`).
    pub code: &'static str,
    /// An English explanation for developers reading the response.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self { field: field.into(), code, message: message.into() }
    }
}

/// Every field error found in one input; collected so that a form shows all of them at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Violations(Vec<FieldError>);

impl Violations {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// Records the error of `result` (if any) under `field`, and gives back the value.
    pub fn check<T>(&mut self, field: &str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(mut error) => {
                error.field = field.to_owned();
                self.0.push(error);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// `Ok(())` when nothing was recorded, else the collected violations as an [`Error`].
    pub fn into_result(self) -> Result<(), Error> {
        if self.0.is_empty() { Ok(()) } else { Err(Error::Invalid(self)) }
    }
}

impl From<FieldError> for Violations {
    fn from(error: FieldError) -> Self {
        Self(vec![error])
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing asked for does not exist, or the caller may not know that it does.
    #[error("{entity} not found")]
    NotFound { entity: &'static str },
    /// The input breaks a rule of the model.
    #[error("invalid input")]
    Invalid(Violations),
    /// The input is valid but collides with existing data (a unique email, a duplicate slug).
    #[error("{field} conflicts with existing data ({code})")]
    Conflict { field: &'static str, code: &'static str },
    /// The caller may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The caller edited a version that is no longer the current one.
    #[error("version {expected} is not the current version {current}")]
    StaleVersion { expected: i64, current: i64 },
    /// The change would leave the platform without an active administrator; `field` is the
    /// one that would do it (`role` or `active`).
    #[error("the last active administrator cannot lose that role")]
    LastAdministrator { field: &'static str },
}

impl Error {
    pub fn invalid(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid(FieldError::new(field, code, message).into())
    }
}
