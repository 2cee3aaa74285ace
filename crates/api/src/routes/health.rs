//! Liveness, readiness and metrics for operators and load balancers.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
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

/// Request counts and latencies by route and status, in the Prometheus text format.
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "Prometheus exposition text", body = String, content_type = "text/plain; version=0.0.4"))
)]
#[get("/metrics")]
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let (hits, misses) = state.cache.counts();
    let (entries, bytes) = state.cache.size();
    #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    let text = state.metrics.render(&[
        ("mfx_up", "Whether this instance is serving.", 1.0),
        ("mfx_response_cache_hits", "Document reads answered from the response cache since start.", hits as f64),
        ("mfx_response_cache_misses", "Document reads that had to be built since start.", misses as f64),
        ("mfx_response_cache_entries", "Responses in the cache now.", entries as f64),
        ("mfx_response_cache_bytes", "Memory held by the response cache now.", bytes as f64),
    ]);
    HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(text)
}
