//! Browser sessions and form protection. The session cookie is HttpOnly, SameSite=Lax, and
//! Secure when the platform is served over https; it holds a random token whose hash is stored.
//! Every form carries a CSRF token that must equal the `mfx_csrf` cookie (double submit); the
//! token is replaced at sign-in, so that one planted or read before cannot serve after it.

use crate::auth::CurrentUser;
use crate::auth::token::hash_refresh_token;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use mfx_store::{accounts, sessions};

pub const SESSION_COOKIE: &str = "mfx_session";
pub const CSRF_COOKIE: &str = "mfx_csrf";
/// How long a browser stays signed in.
pub const SESSION_DAYS: i64 = 14;

fn random_token(prefix: &str) -> String {
    let mut bytes = [0_u8; 32];
    rand::fill(&mut bytes[..]);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

fn secure(state: &AppState) -> bool {
    state.settings.public_url.starts_with("https://")
}

/// The signed-in account of a browser, if any.
pub async fn current_user(state: &AppState, req: &HttpRequest) -> Result<Option<CurrentUser>, ApiError> {
    let Some(cookie) = req.cookie(SESSION_COOKIE) else { return Ok(None) };
    let hash = hash_refresh_token(cookie.value());
    let now = state.clock.now();
    state
        .read(move |c| {
            let Some((session, user)) = sessions::find_cookie(c, &hash, now)? else { return Ok(None) };
            Ok(accounts::find(c, user)?.map(|record| CurrentUser { record, session }))
        })
        .await
}

/// Starts a browser session; the cookie to set.
pub async fn sign_in(state: &AppState, user: mfx_domain::UserId) -> Result<Cookie<'static>, ApiError> {
    let token = random_token("mfxs_");
    let hash = hash_refresh_token(&token);
    let now = state.clock.now();
    let expires = now + chrono::Duration::days(SESSION_DAYS);
    state.write(move |c| sessions::start_cookie(c, user, &hash, now, expires)).await?;
    Ok(Cookie::build(SESSION_COOKIE, token)
        .path("/")
        .http_only(true)
        .secure(secure(state))
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::days(SESSION_DAYS))
        .finish())
}

/// A cookie that removes the session cookie.
pub fn sign_out_cookie(state: &AppState) -> Cookie<'static> {
    let mut cookie = Cookie::build(SESSION_COOKIE, "").path("/").http_only(true).secure(secure(state)).finish();
    cookie.make_removal();
    cookie
}

/// The CSRF token of this browser, and the cookie to set when it is new.
pub fn csrf(state: &AppState, req: &HttpRequest) -> (String, Option<Cookie<'static>>) {
    match req.cookie(CSRF_COOKIE).map(|c| c.value().to_owned()).filter(|v| v.len() >= 32) {
        Some(token) => (token, None),
        None => {
            let (token, cookie) = new_csrf(state);
            (token, Some(cookie))
        }
    }
}

/// A new CSRF token and its cookie (at sign-in, every earlier form token stops working).
pub fn new_csrf(state: &AppState) -> (String, Cookie<'static>) {
    let token = random_token("");
    let cookie = Cookie::build(CSRF_COOKIE, token.clone())
        .path("/")
        .http_only(true)
        .secure(secure(state))
        .same_site(SameSite::Strict)
        .finish();
    (token, cookie)
}

/// Whether a submitted form carries this browser's CSRF token.
pub fn csrf_ok(req: &HttpRequest, submitted: Option<&str>) -> bool {
    match (req.cookie(CSRF_COOKIE), submitted) {
        (Some(cookie), Some(submitted)) => {
            let (a, b) = (cookie.value().as_bytes(), submitted.as_bytes());
            a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0 && !a.is_empty()
        }
        _ => false,
    }
}
