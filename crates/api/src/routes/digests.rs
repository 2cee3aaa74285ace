//! The digest outbox for operators: what is pending, sent, failing or parked, and retrying.

use crate::auth::CurrentUser;
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use mfx_domain::policy::{Action, Resource, permits};
use mfx_domain::{FieldError, Violations};
use mfx_store::outbox::{self, STATUSES};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxView {
    pub id: String,
    pub email: String,
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    /// pending, sending, sent, empty (nothing to say), failed (will retry) or parked.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// pending, sending, sent, empty, failed or parked.
    #[param(value_type = Option<OutboxStatus>)]
    pub status: Option<String>,
}

mfx_domain::code_schema!(
    /// Where a digest stands in the outbox.
    OutboxStatus,
    STATUSES
);

fn operator(user: &CurrentUser, action: Action) -> Result<(), ApiError> {
    if permits(&user.actor(), action, &Resource::Operations) { Ok(()) } else { Err(ApiError::forbidden()) }
}

/// The digest outbox, newest period first (administrators).
#[utoipa::path(
    tag = "operations",
    params(OutboxQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Rows of the outbox", body = Vec<OutboxView>),
        (status = 422, description = "Unknown status", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/digests")]
pub async fn list_digests(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<OutboxQuery>,
) -> Result<web::Json<Vec<OutboxView>>, ApiError> {
    operator(&user, Action::Read)?;
    let status = query.status.clone();
    if let Some(status) = &status
        && !STATUSES.contains(&status.as_str())
    {
        let mut v = Violations::new();
        v.push(FieldError::new("status", "unknown_status", format!("one of {}", STATUSES.join(", "))));
        return Err(ApiError::invalid(v));
    }
    let rows = state.read(move |c| outbox::list(c, status.as_deref(), 500)).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| OutboxView {
                id: r.id,
                email: r.email,
                period_start: r.period_start,
                period_end: r.period_end,
                status: r.status,
                attempts: r.attempts,
                next_attempt_at: r.next_attempt_at,
                last_error: r.last_error,
                sent_at: r.sent_at,
            })
            .collect(),
    ))
}

/// Puts a failed or parked digest back in the queue (administrators).
#[utoipa::path(
    tag = "operations",
    params(("id" = String, Path)),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Queued again"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No failed or parked digest with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/digests/{id}/retry")]
pub async fn retry_digest(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    operator(&user, Action::Update)?;
    let (id, now) = (id.into_inner(), state.clock.now());
    if state.write(move |c| outbox::retry(c, &id, now)).await? {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::not_found("digest"))
    }
}
