//! The outermost layer of every request: a request id (taken from `X-Request-Id` when it is
//! safe, else new), a tracing span, the access log, metrics, a deadline for reading the body,
//! the security headers, and the rule that every error leaves as `application/problem+json`
//! carrying the request id and path — or, under `/{lang}/…`, as a page in that language.

use crate::error::{ApiError, PROBLEM_JSON, Problem, problem_for_status};
use crate::state::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, ResponseError, web};
use mfx_domain::Locale;
use std::time::{Duration, Instant};
use tracing::Instrument;

mod body_deadline;

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
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let started = Instant::now();
    let request_id = incoming_id(&req).unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let metrics = state.as_ref().map(|s| s.metrics.clone());
    let method = req.method().to_string();
    let path = req.path().to_owned();
    let span = tracing::info_span!("request", request_id = %request_id, method = %method, path = %path);
    let timeout = state.as_ref().map_or(Duration::from_secs(30), |s| s.settings.body_timeout);
    let body = body_deadline::install(&mut req, timeout);

    let response = crate::state::DATABASE_DEADLINE
        .scope(std::cell::Cell::new(None), next.call(req).instrument(span.clone()))
        .await?;
    let mut response = response.map_into_boxed_body();
    if body.timed_out() {
        let _entered = span.enter();
        tracing::info!(seconds = timeout.as_secs(), "the request body came too slowly");
        let error = ApiError::RequestTimeout { seconds: timeout.as_secs() };
        response = ServiceResponse::from_err(error, response.request().clone());
    }
    let page_language = page_language(&path);
    let mut response = match (page_language, &state) {
        (Some(lang), Some(state)) if is_error(&response) && !is_html(&response) => {
            page_for_error(response, state, lang).instrument(span.clone()).await
        }
        _ => to_problem_if_error(response, &request_id, &path, &span),
    };
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(REQUEST_ID.clone(), value);
    }
    let https = state.as_ref().is_some_and(|s| s.settings.public_url.starts_with("https://"));
    security_headers(response.headers_mut(), &path, https);
    // What the client has not sent yet is not waited for: the connection closes.
    let response = body.close_if_unread(response);

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

/// A refusal caused by the platform's surroundings (the database away, the disk full), not a
/// bug: a warning in the log, counted in the metrics by status.
fn is_fault(status: StatusCode) -> bool {
    matches!(status, StatusCode::SERVICE_UNAVAILABLE | StatusCode::INSUFFICIENT_STORAGE)
}

fn is_error(response: &ServiceResponse<BoxBody>) -> bool {
    response.status().is_client_error() || response.status().is_server_error()
}

fn is_html(response: &ServiceResponse<BoxBody>) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// The language of a path under `/{lang}` (the pages), if it is one.
fn page_language(path: &str) -> Option<Locale> {
    let rest = path.strip_prefix('/')?;
    let first = rest.split('/').next()?;
    Locale::all().into_iter().find(|l| l.as_str() == first)
}

/// An error met before a page handler ran (an unknown path, a wrong method, a body too large
/// or unreadable): the error page in the path's language, with the same status.
async fn page_for_error(
    response: ServiceResponse<BoxBody>,
    state: &AppState,
    lang: Locale,
) -> ServiceResponse<BoxBody> {
    let status = response.status();
    if status.is_server_error() && !is_fault(status) {
        let cause = response.response().error().map(ToString::to_string).unwrap_or_else(|| "no cause recorded".into());
        tracing::error!(status = status.as_u16(), cause = %cause, "page failed");
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    let req = response.request().clone();
    let mut page = crate::web::status_page(state, &req, lang, status).await;
    if let Some(allow) = allow {
        page.headers_mut().insert(header::ALLOW, allow);
    }
    ServiceResponse::new(req, page)
}

/// The content security policy of the API documentation (Swagger UI: its own scripts, inline
/// styles, icons as data addresses, and requests to this API).
const API_DOCS_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
/// The policy of every other answer that sets none itself (JSON, files, redirects, errors).
const DEFAULT_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// Headers on every response: no content sniffing, no framing, a content security policy
/// (pages set their own), a referrer policy, and HSTS when the platform is served over https.
fn security_headers(headers: &mut actix_web::http::header::HeaderMap, path: &str, https: bool) {
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let policy = if path.starts_with("/api/docs") { API_DOCS_POLICY } else { DEFAULT_POLICY };
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    }
    if !headers.contains_key(header::REFERRER_POLICY) {
        headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    }
    if https {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
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
    if is_html(&response) {
        if status.is_server_error() && !is_fault(status) {
            let _entered = span.enter();
            tracing::error!(status = status.as_u16(), "page failed");
        }
        return response;
    }
    let mut problem = problem_from(&response);
    if status.is_server_error() {
        let cause = response.response().error().map(ToString::to_string).unwrap_or_else(|| "no cause recorded".into());
        let _entered = span.enter();
        if is_fault(status) {
            tracing::warn!(status = status.as_u16(), cause = %cause, "request refused");
        } else {
            tracing::error!(status = status.as_u16(), cause = %cause, "request failed");
        }
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
                PayloadError::Overflow => ApiError::PayloadTooLarge { limit: body_limit(response) },
                other => ApiError::BadRequest { code: "unreadable_body", detail: other.to_string() },
            })
        });
    match mapped {
        Some(api) if api.status_code() == status => api.problem(),
        _ => problem_for_status(status),
    }
}

/// The largest body the application reads (the limit of forms and JSON documents).
fn body_limit(response: &ServiceResponse<BoxBody>) -> usize {
    response.request().app_data::<web::Data<AppState>>().map_or(1 << 20, |s| s.settings.max_json_bytes)
}
