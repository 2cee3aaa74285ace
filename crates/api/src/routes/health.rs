//! Liveness, readiness and metrics for operators and load balancers.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` when the process answers.
    #[schema(example = "ok")]
    pub status: &'static str,
    #[schema(example = "0.1.0")]
    pub version: &'static str,
}

#[derive(Serialize, ToSchema)]
pub struct Ready {
    #[schema(example = "ready")]
    pub status: &'static str,
    /// `sqlite` or `postgres`.
    #[schema(example = "sqlite")]
    pub database: &'static str,
}

/// Whether the process is alive. Never touches the database.
#[utoipa::path(tag = "operations", responses((status = 200, description = "The process answers", body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health { status: "ok", version: env!("CARGO_PKG_VERSION") })
}

/// Whether the instance can serve: the database answers and its schema is current.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = Ready),
        (status = 503, description = "The database is unreachable or not migrated", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<web::Json<Ready>, ApiError> {
    let db = state.db.clone();
    let pending = web::block(move || {
        db.ping()?;
        mfx_store::migrations::has_pending(&db)
    })
    .await
    .map_err(ApiError::internal)?
    .map_err(|e| ApiError::Unavailable(e.to_string()))?;
    if pending {
        return Err(ApiError::Unavailable("migrations are pending".into()));
    }
    Ok(web::Json(Ready { status: "ready", database: state.db.backend().as_str() }))
}

/// Whether the request carries the metrics token (compared in constant time).
fn metrics_token_given(req: &HttpRequest, expected: &str) -> bool {
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().as_bytes())
        .unwrap_or_default();
    let expected = expected.as_bytes();
    given.len() == expected.len() && given.iter().zip(expected).fold(0_u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// Request counts and latencies by route and status, in the Prometheus text format. Only for
/// the scraper that sends the configured token (`MFX_METRICS_TOKEN`) as a bearer token; when
/// no token is configured, the path does not exist.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Prometheus exposition text", body = String, content_type = "text/plain; version=0.0.4"),
        (status = 401, description = "The metrics token is missing or wrong", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No metrics token is configured", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/metrics")]
pub async fn metrics(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let Some(token) = &state.settings.metrics_token else { return Err(ApiError::NoRoute) };
    if !metrics_token_given(&req, token.expose()) {
        return Err(ApiError::Unauthenticated("Send the metrics token as a bearer token."));
    }
    let (hits, misses) = state.cache.counts();
    let (entries, bytes) = state.cache.size();
    #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    let text = state.metrics.render(&[
        ("mfx_up", "Whether this instance is serving.", 1.0),
        ("mfx_response_cache_hits", "Document reads answered from the response cache since start.", hits as f64),
        ("mfx_response_cache_misses", "Document reads that had to be built since start.", misses as f64),
        (
            "mfx_response_cache_held_hits",
            "Document reads answered from the response cache while the database could not be reached, since start.",
            state.cache.held_hits() as f64,
        ),
        ("mfx_response_cache_entries", "Responses in the cache now.", entries as f64),
        ("mfx_response_cache_bytes", "Memory held by the response cache now.", bytes as f64),
        ("mfx_search_documents", "Documents in this instance's search index.", state.search.index.len() as f64),
        (
            "mfx_search_applied_change",
            "The last database change this instance's search index holds (-1 while it has never been built).",
            state.search.index.applied().unwrap_or(-1) as f64,
        ),
    ]);
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(text))
}
