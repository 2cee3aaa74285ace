//! One's own data: download it, ask for the account to be erased or withdraw the request; and
//! the erasure requests that coordinators and administrators confirm.

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::personal_export;
use crate::routes::users::{UserView, parse_user_id};
use crate::state::AppState;
use crate::usecases::personal;
use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use mfx_store::erasure::{Erased, Erasure};
use serde::Serialize;
use utoipa::ToSchema;

/// Where the account stands with erasure.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErasureView {
    /// When the owner asked for the account to be erased; absent when no request waits.
    pub requested_at: Option<DateTime<Utc>>,
}

impl From<Erasure> for ErasureView {
    fn from(erasure: Erasure) -> Self {
        Self { requested_at: erasure.requested_at }
    }
}

/// A request waiting for confirmation.
#[derive(Serialize, ToSchema)]
pub struct ErasureRequestView {
    pub account: UserView,
    pub requested_at: DateTime<Utc>,
}

/// What an erasure removed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErasedView {
    pub sessions: usize,
    pub digests: usize,
    pub sign_in_records: usize,
    pub calendar_addresses: usize,
    /// Recorded account events whose details (old and new names) were cleared.
    pub account_events_cleared: usize,
}

impl From<Erased> for ErasedView {
    fn from(e: Erased) -> Self {
        Self {
            sessions: e.sessions,
            digests: e.digests,
            sign_in_records: e.sign_in_records,
            calendar_addresses: e.calendar_addresses,
            account_events_cleared: e.account_events_cleared,
        }
    }
}

fn no_store(mut response: HttpResponse) -> HttpResponse {
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    response
}

/// Everything the platform holds about the signed-in account, as a ZIP: `summary.html` in the
/// account's language, `index.json` (the format's version and the files), and one JSON file
/// per kind of record (account, sessions, calendar addresses, documents created, revisions,
/// translations, drafts, proposed translations, deliverable moves, activity, digests).
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The ZIP", content_type = "application/zip", body = Vec<u8>),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/export")]
pub async fn export_me(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    let export = personal_export::export(&state, &user.record).await?;
    Ok(crate::download::personal_data(export, user.record.account.id))
}

/// Whether the signed-in account asked to be erased.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Where the account stands", body = ErasureView),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/erasure")]
pub async fn get_erasure(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    let erasure = personal::erasure_state(&state, user.record.account.id).await?;
    Ok(no_store(HttpResponse::Ok().json(ErasureView::from(erasure))))
}

/// Asks for the signed-in account to be erased; a coordinator or an administrator confirms.
/// Asking again keeps the first request. The last active administrator may not ask (409).
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The request is recorded", body = ErasureView),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "This is the last active administrator (`last_administrator`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/erasure")]
pub async fn request_erasure(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    let erasure = personal::request_erasure(&state, &user.record).await?;
    Ok(no_store(HttpResponse::Ok().json(ErasureView::from(erasure))))
}

/// Withdraws the request: the account stays.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "No request waits", body = ErasureView),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/erasure")]
pub async fn withdraw_erasure(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    let erasure = personal::withdraw_erasure(&state, &user.record).await?;
    Ok(no_store(HttpResponse::Ok().json(ErasureView::from(erasure))))
}

/// The requests to erase an account that the signed-in coordinator or administrator may
/// confirm, oldest first.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The requests", body = Vec<ErasureRequestView>),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account may not do this", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/erasure-requests")]
pub async fn list_erasure_requests(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    crate::usecases::users::require_directory(&user.member())?;
    let waiting = personal::erasure_requests(&state, &user.member()).await?;
    let body: Vec<ErasureRequestView> = waiting
        .iter()
        .map(|r| ErasureRequestView { account: UserView::from(&r.account), requested_at: r.requested_at })
        .collect();
    Ok(no_store(HttpResponse::Ok().json(body)))
}

/// Confirms an owner's request and erases the account: its email address, name, password,
/// sessions, calendar address, digests, sign-in records and the values recorded when it
/// changed are removed; its documents and their history stay, under the partner's name.
#[utoipa::path(
    tag = "users",
    params(("id" = String, Path, format = Uuid)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What was removed", body = ErasedView),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account may not do this", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The owner has not asked (`no_erasure_request`), or this is the last active administrator (`last_administrator`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/users/{id}/erasure")]
pub async fn erase_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_user_id(&id)?;
    let erased = personal::erase(&state, &user.member(), id).await?;
    Ok(no_store(HttpResponse::Ok().json(ErasedView::from(erased))))
}
