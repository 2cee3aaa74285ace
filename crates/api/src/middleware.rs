//! The outermost layer of every request: a request id (taken from `X-Request-Id` when it is
//! safe, else new), a tracing span, the access log, metrics, and the rule that every error
//! leaves as `application/problem+json` carrying the request id and path.

use crate::error::{ApiError, PROBLEM_JSON, Problem, problem_for_status};
use crate::state::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, ResponseError, web};
use std::time::Instant;
use tracing::Instrument;

pub static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The id of the request being served, in request extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

fn incoming_id(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(&REQUEST_ID)?.to_str().ok()?;
    let safe =
        (1..=64).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
    safe.then(|| value.to_owned())
}

pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let started = Instant::now();
    let request_id = incoming_id(&req).unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let metrics = req.app_data::<web::Data<AppState>>().map(|s| s.metrics.clone());
    let method = req.method().to_string();
    let path = req.path().to_owned();
    let span = tracing::info_span!("request", request_id = %request_id, method = %method, path = %path);

    let response = next.call(req).instrument(span.clone()).await?;
    let mut response = to_problem_if_error(response.map_into_boxed_body(), &request_id, &path, &span);
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(REQUEST_ID.clone(), value);
    }

    let status = response.status().as_u16();
    let route = response.request().match_pattern().unwrap_or_else(|| "unmatched".to_owned());
    let elapsed = started.elapsed();
    if let Some(metrics) = metrics {
        metrics.record(&method, &route, status, elapsed);
    }
    let quiet = matches!(route.as_str(), "/healthz" | "/readyz" | "/metrics");
    let _entered = span.enter();
    let millis = elapsed.as_secs_f64() * 1000.0;
    if quiet {
        tracing::debug!(status, route = %route, millis, "served");
    } else {
        tracing::info!(status, route = %route, millis, "served");
    }
    Ok(response)
}

fn to_problem_if_error(
    response: ServiceResponse<BoxBody>,
    request_id: &str,
    path: &str,
    span: &tracing::Span,
) -> ServiceResponse<BoxBody> {
    let status = response.status();
    if !status.is_client_error() && !status.is_server_error() {
        return response;
    }
    // Pages carry their own, translated error pages.
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        if status.is_server_error() {
            let _entered = span.enter();
            tracing::error!(status = status.as_u16(), "page failed");
        }
        return response;
    }
    let mut problem = problem_from(&response);
    if status.is_server_error() {
        let cause = response.response().error().map(ToString::to_string).unwrap_or_else(|| "no cause recorded".into());
        let _entered = span.enter();
        tracing::error!(status = status.as_u16(), cause = %cause, "request failed");
    }
    problem.instance = Some(path.to_owned());
    problem.request_id = Some(request_id.to_owned());
    let body = serde_json::to_string(&problem).unwrap_or_else(|_| "{}".to_owned());
    response.map_body(|head, _| {
        head.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        head.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        head.headers.remove(header::CONTENT_LENGTH);
        BoxBody::new(body)
    })
}

/// The problem for an error response: from our own error when there is one, from actix's
/// extractor errors by their kind, else from the status alone.
fn problem_from(response: &ServiceResponse<BoxBody>) -> Problem {
    let status = response.status();
    let Some(error) = response.response().error() else { return problem_for_status(status) };
    if let Some(api) = error.as_error::<ApiError>() {
        return api.problem();
    }
    use actix_web::error::{JsonPayloadError, PathError, PayloadError, QueryPayloadError};
    let mapped = error
        .as_error::<QueryPayloadError>()
        .map(|e| ApiError::BadRequest {
            code: "invalid_query",
            detail: format!("The query string cannot be read: {e}."),
        })
        .or_else(|| error.as_error::<PathError>().map(|_| ApiError::NoRoute))
        .or_else(|| {
            error.as_error::<JsonPayloadError>().map(|e| match e {
                JsonPayloadError::ContentType => ApiError::UnsupportedMediaType { expected: "application/json" },
                JsonPayloadError::Overflow { limit } | JsonPayloadError::OverflowKnownLength { limit, .. } => {
                    ApiError::PayloadTooLarge { limit: *limit }
                }
                other => ApiError::BadRequest {
                    code: "malformed_json",
                    detail: format!("The body is not valid JSON: {other}."),
                },
            })
        })
        .or_else(|| {
            error.as_error::<PayloadError>().map(|e| match e {
                PayloadError::Overflow => ApiError::PayloadTooLarge { limit: 0 },
                other => ApiError::BadRequest { code: "unreadable_body", detail: other.to_string() },
            })
        });
    match mapped {
        Some(api) if api.status_code() == status => api.problem(),
        _ => problem_for_status(status),
    }
}
