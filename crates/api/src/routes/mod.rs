//! HTTP routes. Handlers are thin: parse input into domain types, ask the policy, call the
//! store, shape the answer. Every route is registered through utoipa so the OpenAPI document
//! lists exactly what exists.

pub mod attachments;
pub mod auth;
pub mod digests;
pub mod documents;
pub mod health;
pub mod kinds;
pub mod me;
pub mod partners;
pub mod review;
pub mod tracking;
pub mod users;

use crate::error::ApiError;
use actix_web::HttpRequest;
use actix_web::http::header::{self, HeaderValue};
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every route: operational ones at the root, the API under `/api/v1`.
pub fn configure(config: &mut ServiceConfig<'_>) {
    config.service(health::healthz).service(health::readyz).service(health::metrics).service(tracking::calendar_feed);
    // The router tries patterns in registration order: the documents, which carry most of the
    // traffic, come first.
    let api = scope("/api/v1");
    let api = kinds::practices::configure(api);
    let api = kinds::meeting_notes::configure(api);
    let api = kinds::action_plans::configure(api);
    let api = api
        .service(kinds::list_documents)
        .service(kinds::search)
        .service(kinds::practice_lineage)
        .service(kinds::plan_lineage)
        .service(tracking::list_periods)
        .service(tracking::list_work_packages)
        .service(tracking::create_work_package)
        .service(tracking::deliverables_csv)
        .service(tracking::list_deliverables)
        .service(tracking::create_deliverable)
        .service(tracking::get_deliverable)
        .service(tracking::patch_deliverable)
        .service(tracking::move_deliverable)
        .service(tracking::deliverable_history)
        .service(tracking::list_action_items)
        .service(tracking::dashboard)
        .service(tracking::create_calendar)
        .service(tracking::revoke_calendar)
        .service(tracking::report)
        .service(digests::list_digests)
        .service(digests::retry_digest);
    config.service(
        api.service(auth::login)
            .service(auth::refresh)
            .service(auth::logout)
            .service(me::get_me)
            .service(me::patch_me)
            .service(me::change_password)
            .service(me::revoke_unsubscribe_links)
            .service(partners::get_project)
            .service(partners::list_partners)
            .service(partners::get_partner)
            .service(users::list_users)
            .service(users::create_user)
            .service(users::get_user)
            .service(users::patch_user)
            .service(users::deactivate_user),
    );
}

/// The strong ETag of a versioned resource.
pub fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}

/// The version named by `If-Match`, if the header is present. `*` matches any version.
pub fn if_match(req: &HttpRequest) -> Result<Option<i64>, ApiError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else { return Ok(None) };
    let text = value.to_str().unwrap_or_default().trim();
    if text == "*" {
        return Ok(None);
    }
    let unquoted = text.strip_prefix("W/").unwrap_or(text).trim_matches('"');
    unquoted.parse::<i64>().map(Some).map_err(|_| ApiError::BadRequest {
        code: "invalid_if_match",
        detail: "If-Match must be an ETag this API returned, such as \"3\".".into(),
    })
}

/// Page size from a `limit` parameter: 1 to 100, 50 by default.
pub fn page_limit(limit: Option<u32>) -> Result<i64, ApiError> {
    match limit {
        None => Ok(50),
        Some(n @ 1..=100) => Ok(i64::from(n)),
        Some(_) => Err(ApiError::invalid(
            mfx_domain::FieldError::new("limit", "out_of_range", "limit is from 1 to 100").into(),
        )),
    }
}
