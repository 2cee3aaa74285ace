//! API errors and their RFC 9457 `application/problem+json` form. Each variant has one
//! status; 5xx bodies say nothing about the cause, which goes to the log with the request id.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use mfx_domain::{Error as DomainError, FieldError, Violations};
use mfx_store::StoreError;
use serde::Serialize;
use std::fmt;
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// The seconds a client is asked to wait (`Retry-After`) when the database cannot be reached:
/// about how long a PostgreSQL restart or a failover takes.
pub const RETRY_AFTER_UNAVAILABLE: u64 = 5;

#[derive(Debug)]
pub enum ApiError {
    /// A domain outcome: not found, invalid, conflict, forbidden, stale version.
    Domain(DomainError),
    /// No valid credentials were presented.
    Unauthenticated(&'static str),
    /// Email and password do not match an active account (same answer for an unknown email).
    InvalidCredentials,
    /// The account signed in with a password someone else set (a one-time password): it may
    /// only change its password until it does.
    PasswordChangeRequired,
    /// Too many failed attempts; try again after this many seconds.
    RateLimited {
        retry_after_secs: u64,
    },
    /// The request cannot be read: malformed JSON, a bad query string or header.
    BadRequest {
        code: &'static str,
        detail: String,
    },
    PayloadTooLarge {
        limit: usize,
    },
    /// The body did not arrive within this many seconds.
    RequestTimeout {
        seconds: u64,
    },
    UnsupportedMediaType {
        expected: &'static str,
    },
    /// A write that must name the version it changes came without `If-Match`.
    PreconditionRequired,
    NoRoute,
    MethodNotAllowed,
    /// The database (or another dependency) cannot be reached now.
    Unavailable(String),
    /// The database has no room left to write; nothing of the change was kept.
    StorageFull(String),
    /// A bug or an operational failure; the text is logged, never sent.
    Internal(String),
}

impl ApiError {
    pub fn internal(cause: impl fmt::Display) -> Self {
        ApiError::Internal(cause.to_string())
    }

    pub fn forbidden() -> Self {
        ApiError::Domain(DomainError::Forbidden)
    }

    pub fn not_found(entity: &'static str) -> Self {
        ApiError::Domain(DomainError::NotFound { entity })
    }

    pub fn invalid(violations: Violations) -> Self {
        ApiError::Domain(DomainError::Invalid(violations))
    }

    /// The stable snake_case code of this error (also the key of its translated message).
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Domain(error) => match error {
                DomainError::NotFound { .. } => "not_found",
                DomainError::Invalid(_) => "validation_failed",
                DomainError::Conflict { code, .. } => code,
                DomainError::Forbidden => "forbidden",
                DomainError::StaleVersion { .. } => "stale_version",
                DomainError::LastAdministrator { .. } => "last_administrator",
            },
            ApiError::Unauthenticated(_) => "unauthenticated",
            ApiError::InvalidCredentials => "invalid_credentials",
            ApiError::PasswordChangeRequired => "password_change_required",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::BadRequest { code, .. } => code,
            ApiError::PayloadTooLarge { .. } => "payload_too_large",
            ApiError::RequestTimeout { .. } => "request_timeout",
            ApiError::UnsupportedMediaType { .. } => "unsupported_media_type",
            ApiError::PreconditionRequired => "precondition_required",
            ApiError::NoRoute => "no_route",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::Unavailable(_) => "service_unavailable",
            ApiError::StorageFull(_) => "storage_full",
            ApiError::Internal(_) => "internal_error",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            ApiError::Domain(error) => match error {
                DomainError::NotFound { .. } => "Not found",
                DomainError::Invalid(_) => "The request has invalid fields",
                DomainError::Conflict { .. } => "The request conflicts with existing data",
                DomainError::Forbidden => "You may not do this",
                DomainError::StaleVersion { .. } => "The resource changed since you read it",
                DomainError::LastAdministrator { .. } => "The last active administrator must stay",
            },
            ApiError::Unauthenticated(_) => "Sign-in required",
            ApiError::InvalidCredentials => "Email or password is wrong",
            ApiError::PasswordChangeRequired => "Change your password first",
            ApiError::RateLimited { .. } => "Too many attempts",
            ApiError::BadRequest { .. } => "The request cannot be read",
            ApiError::PayloadTooLarge { .. } => "The request body is too large",
            ApiError::RequestTimeout { .. } => "The request body came too slowly",
            ApiError::UnsupportedMediaType { .. } => "Unsupported content type",
            ApiError::PreconditionRequired => "If-Match is required",
            ApiError::NoRoute => "No such resource",
            ApiError::MethodNotAllowed => "Method not allowed",
            ApiError::Unavailable(_) => "Service unavailable",
            ApiError::StorageFull(_) => "Storage full",
            ApiError::Internal(_) => "Internal error",
        }
    }

    fn detail(&self) -> Option<String> {
        match self {
            ApiError::Domain(error) => match error {
                DomainError::NotFound { entity } => {
                    Some(format!("This {entity} does not exist or is not visible to you."))
                }
                DomainError::Invalid(_) => Some("See `errors` for each field and why it was refused.".into()),
                DomainError::Conflict { code: "invalid_transition", .. } => {
                    Some("The current status does not allow this move.".into())
                }
                DomainError::Conflict { code: "period_overlap", .. } => {
                    Some("The dates overlap another reporting period.".into())
                }
                DomainError::Conflict { code: "no_erasure_request", .. } => {
                    Some("The account's owner has not asked for it to be erased, or withdrew the request.".into())
                }
                DomainError::Conflict { field, .. } => Some(format!("Another record already uses this {field}.")),
                DomainError::Forbidden => None,
                DomainError::StaleVersion { current, .. } => {
                    Some(format!("The current version is {current}; read it again and reapply your change."))
                }
                DomainError::LastAdministrator { .. } => {
                    Some("This is the only active administrator: make another account an administrator first.".into())
                }
            },
            ApiError::Unauthenticated(why) => Some((*why).to_owned()),
            ApiError::InvalidCredentials => None,
            ApiError::PasswordChangeRequired => Some(
                "This account signed in with a one-time password. Set your own with POST /api/v1/me/password; until then nothing else is allowed.".into(),
            ),
            ApiError::RateLimited { retry_after_secs } => Some(format!("Try again in {retry_after_secs} seconds.")),
            ApiError::BadRequest { detail, .. } => Some(detail.clone()),
            ApiError::PayloadTooLarge { limit } => Some(format!("The limit is {limit} bytes.")),
            ApiError::RequestTimeout { seconds } => {
                Some(format!("Send the whole body within {seconds} seconds of the request's headers."))
            }
            ApiError::UnsupportedMediaType { expected } => Some(format!("Send the body as {expected}.")),
            ApiError::PreconditionRequired => Some("Send the ETag you read in an If-Match header.".into()),
            ApiError::NoRoute | ApiError::MethodNotAllowed => None,
            ApiError::Unavailable(_) => Some(format!("Try again in {RETRY_AFTER_UNAVAILABLE} seconds.")),
            ApiError::StorageFull(_) => Some(
                "The server has no room left to store this change, and nothing of it was kept. Reading goes on; \
                 try again once the operator has freed space."
                    .into(),
            ),
            ApiError::Internal(_) => None,
        }
    }

    fn field_errors(&self) -> Vec<FieldError> {
        match self {
            ApiError::Domain(DomainError::Invalid(violations)) => violations.iter().cloned().collect(),
            ApiError::Domain(DomainError::Conflict { field, code: code @ "invalid_transition" }) => {
                vec![FieldError::new(*field, code, "the current status does not allow this move")]
            }
            ApiError::Domain(DomainError::Conflict { field, code: code @ "period_overlap" }) => {
                vec![FieldError::new(*field, code, "the dates overlap another reporting period")]
            }
            ApiError::Domain(DomainError::Conflict { field, code: code @ "no_erasure_request" }) => {
                vec![FieldError::new(*field, code, "no request to erase this account waits")]
            }
            ApiError::Domain(DomainError::Conflict { field, code }) => {
                vec![FieldError::new(*field, code, format!("this {field} is already in use"))]
            }
            ApiError::Domain(DomainError::LastAdministrator { field }) => {
                vec![FieldError::new(*field, "last_administrator", "no other account is an active administrator")]
            }
            _ => Vec::new(),
        }
    }

    /// The problem document for this error (without the request's id and path).
    pub fn problem(&self) -> Problem {
        let status = self.status_code();
        Problem {
            kind: format!("/problems/{}", self.code().replace('_', "-")),
            title: self.title().to_owned(),
            status: status.as_u16(),
            code: self.code().to_owned(),
            detail: self.detail(),
            instance: None,
            request_id: None,
            errors: self.field_errors(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Internal(cause) => write!(f, "internal error: {cause}"),
            ApiError::Unavailable(cause) => write!(f, "unavailable: {cause}"),
            ApiError::StorageFull(cause) => write!(f, "storage full: {cause}"),
            other => write!(f, "{}", other.code()),
        }
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> Self {
        ApiError::Domain(error)
    }
}

impl From<Violations> for ApiError {
    fn from(violations: Violations) -> Self {
        ApiError::Domain(DomainError::Invalid(violations))
    }
}

/// The one place where the outcome of a use case becomes an HTTP problem.
impl From<crate::usecases::Error> for ApiError {
    fn from(error: crate::usecases::Error) -> Self {
        use crate::usecases::Error as UseCase;
        match error {
            UseCase::NotFound(entity) => ApiError::Domain(DomainError::NotFound { entity }),
            UseCase::Forbidden => ApiError::Domain(DomainError::Forbidden),
            UseCase::Invalid(violations) => ApiError::Domain(DomainError::Invalid(violations)),
            UseCase::Conflict { field, code } => ApiError::Domain(DomainError::Conflict { field, code }),
            UseCase::Stale { expected, current } => ApiError::Domain(DomainError::StaleVersion { expected, current }),
            UseCase::LastAdministrator { field } => ApiError::Domain(DomainError::LastAdministrator { field }),
            UseCase::PreconditionRequired => ApiError::PreconditionRequired,
            UseCase::InvalidCredentials => ApiError::InvalidCredentials,
            UseCase::RateLimited { retry_after_secs } => ApiError::RateLimited { retry_after_secs },
            UseCase::UnsupportedContent { expected } => ApiError::UnsupportedMediaType { expected },
            UseCase::Unavailable(why) => ApiError::Unavailable(why),
            UseCase::StorageFull(why) => ApiError::StorageFull(why),
            UseCase::Internal(cause) => ApiError::Internal(cause),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Domain(error) => ApiError::Domain(error),
            StoreError::Unavailable(why) => ApiError::Unavailable(why),
            StoreError::StorageFull(why) => ApiError::StorageFull(why),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "/problems/validation-failed",
    "title": "The request has invalid fields",
    "status": 422,
    "code": "validation_failed",
    "detail": "See `errors` for each field and why it was refused.",
    "instance": "/api/v1/users",
    "request_id": "01936b2e-5f7a-7c3e-9d4b-2a1f0e8c7b6a",
    "errors": [{"field": "email", "code": "invalid_email", "message": "an email address has the form name@example.org"}]
}))]
pub struct Problem {
    /// A stable URI reference naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// The same kind as a snake_case code, for programs and translations.
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The path of the request that failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// For validation problems: each failing field, with a code and an explanation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(value_type = Vec<FieldErrorDoc>)]
    pub errors: Vec<FieldError>,
}

/// One failing field of a validation problem.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldErrorDoc {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl Problem {
    pub fn response(&self, extra: Option<(header::HeaderName, HeaderValue)>) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut builder = HttpResponse::build(status);
        builder.content_type(PROBLEM_JSON).insert_header((header::CACHE_CONTROL, "no-store"));
        if let Some(pair) = extra {
            builder.insert_header(pair);
        }
        let body = serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned());
        builder.body(body)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Domain(error) => match error {
                DomainError::NotFound { .. } => StatusCode::NOT_FOUND,
                DomainError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                DomainError::Conflict { .. } => StatusCode::CONFLICT,
                DomainError::Forbidden => StatusCode::FORBIDDEN,
                DomainError::StaleVersion { .. } => StatusCode::PRECONDITION_FAILED,
                DomainError::LastAdministrator { .. } => StatusCode::CONFLICT,
            },
            ApiError::Unauthenticated(_) | ApiError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ApiError::PasswordChangeRequired => StatusCode::FORBIDDEN,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RequestTimeout { .. } => StatusCode::REQUEST_TIMEOUT,
            ApiError::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::NoRoute => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::StorageFull(_) => StatusCode::INSUFFICIENT_STORAGE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let extra = match self {
            ApiError::RateLimited { retry_after_secs } => {
                Some((header::RETRY_AFTER, HeaderValue::from(*retry_after_secs)))
            }
            ApiError::Unavailable(_) => Some((header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_UNAVAILABLE))),
            ApiError::Unauthenticated(_) => {
                Some((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"mfx\"")))
            }
            _ => None,
        };
        self.problem().response(extra)
    }
}

/// The problem for a status that no [`ApiError`] produced (a framework response).
pub fn problem_for_status(status: StatusCode) -> Problem {
    let error = match status {
        StatusCode::NOT_FOUND => ApiError::NoRoute,
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge { limit: 0 },
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType { expected: "application/json" },
        StatusCode::UNAUTHORIZED => ApiError::Unauthenticated("Send a bearer access token."),
        StatusCode::FORBIDDEN => ApiError::forbidden(),
        StatusCode::TOO_MANY_REQUESTS => ApiError::RateLimited { retry_after_secs: 60 },
        StatusCode::SERVICE_UNAVAILABLE => ApiError::Unavailable(String::new()),
        StatusCode::INSUFFICIENT_STORAGE => ApiError::StorageFull(String::new()),
        s if s.is_server_error() => ApiError::Internal(String::new()),
        _ => ApiError::BadRequest { code: "bad_request", detail: "The request cannot be processed.".into() },
    };
    let mut problem = error.problem();
    if status.is_client_error() && problem.status != status.as_u16() {
        // A 4xx without a dedicated kind keeps its own status.
        problem.status = status.as_u16();
        problem.title = status.canonical_reason().unwrap_or("Client error").to_owned();
        problem.code = "client_error".into();
        problem.kind = "/problems/client-error".into();
        problem.detail = None;
    }
    if let ApiError::PayloadTooLarge { .. } = error {
        problem.detail = None;
    }
    problem
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usecases::Error as UseCase;

    /// Each outcome of a use case has its status and code, as the same outcome had when the
    /// handlers decided it themselves.
    #[test]
    fn use_case_errors_become_their_problems() {
        let cases = [
            (UseCase::NotFound("document"), StatusCode::NOT_FOUND, "not_found"),
            (UseCase::Forbidden, StatusCode::FORBIDDEN, "forbidden"),
            (UseCase::field("comment", "required", "say why"), StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
            (UseCase::Conflict { field: "to", code: "invalid_transition" }, StatusCode::CONFLICT, "invalid_transition"),
            (UseCase::Stale { expected: 2, current: 3 }, StatusCode::PRECONDITION_FAILED, "stale_version"),
            (UseCase::LastAdministrator { field: "role" }, StatusCode::CONFLICT, "last_administrator"),
            (UseCase::PreconditionRequired, StatusCode::PRECONDITION_REQUIRED, "precondition_required"),
            (UseCase::Unavailable("down".into()), StatusCode::SERVICE_UNAVAILABLE, "service_unavailable"),
            (UseCase::StorageFull("full".into()), StatusCode::INSUFFICIENT_STORAGE, "storage_full"),
            (UseCase::Internal("bug".into()), StatusCode::INTERNAL_SERVER_ERROR, "internal_error"),
        ];
        for (error, status, code) in cases {
            let api = ApiError::from(error);
            assert_eq!((api.status_code(), api.code()), (status, code));
        }
        let invalid = ApiError::from(UseCase::field("comment", "required", "say why"));
        assert_eq!(invalid.problem().errors.first().map(|e| e.field.as_str()), Some("comment"));
    }
}
