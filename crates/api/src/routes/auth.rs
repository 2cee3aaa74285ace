//! Sign-in, token refresh and sign-out.

use crate::auth::MaybeUser;
use crate::auth::token::{hash_refresh_token, new_refresh_token};
use crate::client_address;
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::state::AppState;
use crate::usecases::accounts;
use actix_web::{HttpRequest, HttpResponse, post, web};
use mfx_domain::UserId;
use mfx_store::sessions;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(example = "ana.popescu@example.ro", min_length = 1)]
    pub email: String,
    #[schema(example = "correct horse battery staple", min_length = 1)]
    pub password: String,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({
    "access_token": "eyJhbGciOiJIUzI1NiJ9…", "token_type": "Bearer", "expires_in": 900,
    "refresh_token": "mfxr_3q2+7w…"
}))]
pub struct TokenResponse {
    /// A JWT for `Authorization: Bearer`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// Exchange at `/api/v1/auth/refresh` for new tokens; works once.
    pub refresh_token: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct LogoutRequest {
    /// The session to end; without it, the session of the bearer token ends.
    pub refresh_token: Option<String>,
}

async fn issue_tokens(
    state: &AppState,
    user: UserId,
    session: &str,
    refresh_token: String,
) -> Result<TokenResponse, ApiError> {
    let ttl = state.settings.access_token_ttl;
    let access_token = state.tokens.issue(user, session, state.clock.now(), ttl).map_err(ApiError::internal)?;
    Ok(TokenResponse { access_token, token_type: "Bearer", expires_in: ttl.as_secs(), refresh_token })
}

fn ttl(duration: std::time::Duration) -> chrono::Duration {
    chrono::Duration::from_std(duration).unwrap_or(chrono::Duration::days(1))
}

/// Signs in with email and password. Attempts are limited per account and client address (5 in
/// 15 minutes), per account from all addresses (50) and per client address (30); an unknown
/// email gets the same answer as a wrong password. An account whose password was set by someone
/// else signs in, but may only change its password (`POST /api/v1/me/password`) until it does.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Success", body = TokenResponse),
        (status = 401, description = "Wrong email or password", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each listed with a code", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<LoginRequest>,
) -> Result<web::Json<TokenResponse>, ApiError> {
    let LoginRequest { email, password } = body.0;
    if email.trim().is_empty() || password.is_empty() || password.len() > mfx_domain::Password::MAX_BYTES {
        let mut violations = mfx_domain::Violations::new();
        if email.trim().is_empty() {
            violations.push(mfx_domain::FieldError::new("email", "required", "an email address is required"));
        }
        if password.is_empty() {
            violations.push(mfx_domain::FieldError::new("password", "required", "a password is required"));
        } else if password.len() > mfx_domain::Password::MAX_BYTES {
            violations.push(mfx_domain::FieldError::new("password", "too_long", "a password has at most 1024 bytes"));
        }
        return Err(ApiError::invalid(violations));
    }
    let address = client_address::of_request(&req, state.settings.trust_proxy, &state.settings.trusted_proxies);
    let record = accounts::verify_credentials(&state, &address, &email, password, state.clock.now()).await?;
    let now = state.clock.now();
    let (refresh_token, refresh_hash) = new_refresh_token();
    let user = record.account.id;
    let (refresh_ttl, session_ttl) = (ttl(state.settings.refresh_token_ttl), ttl(state.settings.session_ttl));
    let session = state
        .write(move |conn| sessions::start(conn, user, &refresh_hash, now, now + refresh_ttl, now + session_ttl))
        .await?;
    tracing::info!(event = "login", user = %user, "signed in");
    Ok(web::Json(issue_tokens(&state, user, &session, refresh_token).await?))
}

/// Exchanges a refresh token for a new access token and a new refresh token. Each refresh
/// token works once: presenting a used one again ends the whole session.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "Success", body = TokenResponse),
        (status = 401, description = "Unknown, expired, reused or revoked token", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    body: JsonBody<RefreshRequest>,
) -> Result<web::Json<TokenResponse>, ApiError> {
    let presented = hash_refresh_token(body.0.refresh_token.trim());
    let (next_token, next_hash) = new_refresh_token();
    let now = state.clock.now();
    let refresh_ttl = ttl(state.settings.refresh_token_ttl);
    let outcome =
        state.write(move |conn| sessions::rotate(conn, &presented, &next_hash, now, now + refresh_ttl)).await?;
    match outcome {
        sessions::Rotation::Rotated { user, session } => {
            Ok(web::Json(issue_tokens(&state, user, &session, next_token).await?))
        }
        sessions::Rotation::ReuseDetected { user, .. } => {
            tracing::warn!(event = "refresh_token_reuse", user = %user, "a used refresh token was presented again; session revoked");
            Err(ApiError::Unauthenticated(
                "This refresh token was already used; the session has been ended. Sign in again.",
            ))
        }
        sessions::Rotation::Rejected => {
            Err(ApiError::Unauthenticated("The refresh token is not valid; sign in again."))
        }
    }
}

/// Ends a session: its refresh token and its access tokens stop working at once.
#[utoipa::path(
    tag = "auth",
    request_body(content = Option<LogoutRequest>, description = "Optional: the refresh token of the session to end"),
    security(("bearer" = []), ()),
    responses(
        (status = 204, description = "The session has ended"),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    user: MaybeUser,
    body: web::Bytes,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let request: LogoutRequest = if body.is_empty() {
        LogoutRequest::default()
    } else {
        let is_json = req
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !is_json {
            return Err(ApiError::UnsupportedMediaType { expected: "application/json" });
        }
        crate::json::parse_object(&body)?
    };
    let now = state.clock.now();
    let session = match (request.refresh_token, user.0) {
        (Some(token), _) => {
            let hash = hash_refresh_token(token.trim());
            state.read(move |conn| sessions::session_of_token(conn, &hash)).await?
        }
        (None, Some(current)) => Some(current.session),
        (None, None) => return Err(ApiError::Unauthenticated("Send the refresh token or a bearer access token.")),
    };
    let Some(session) = session else {
        return Err(ApiError::Unauthenticated("The refresh token is not valid."));
    };
    state.sessions.remember(&session, None);
    state.write(move |conn| sessions::revoke(conn, &session, now)).await?;
    Ok(HttpResponse::NoContent().finish())
}
