//! Extractors for the signed-in account: [`CurrentUser`] requires one, [`MaybeUser`] does not.
//! An account that must change its password is refused (403 `password_change_required`)
//! everywhere but the few requests that let it do so.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::{Method, header};
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use mfx_domain::policy::{Actor, Member};
use mfx_store::accounts::{self, AccountRecord};

/// The account behind a valid bearer token, active, with a live session.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub record: AccountRecord,
    pub session: String,
}

impl CurrentUser {
    pub fn actor(&self) -> Actor {
        Actor::Member(self.member())
    }

    pub fn member(&self) -> Member {
        let account = &self.record.account;
        Member { id: account.id, partner: account.partner, role: account.role }
    }
}

/// The signed-in account if the request carries a token; anonymous otherwise. A token that is
/// present but invalid is still refused, so that clients notice.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<CurrentUser>);

impl MaybeUser {
    pub fn actor(&self) -> Actor {
        self.0.as_ref().map_or(Actor::Anonymous, CurrentUser::actor)
    }
}

fn bearer(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else { return Ok(None) };
    let value = value.to_str().map_err(|_| ApiError::Unauthenticated("The Authorization header is not readable."))?;
    let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::Unauthenticated("Use `Authorization: Bearer <access token>`."));
    }
    Ok(Some(token.trim().to_owned()))
}

/// What an account may do before it has replaced a one-time password: read itself, change the
/// password, sign out.
fn allowed_before_password_change(req: &HttpRequest) -> bool {
    let path = req.path().trim_end_matches('/');
    matches!(
        (req.method(), path),
        (&Method::GET, "/api/v1/me") | (&Method::POST, "/api/v1/me/password") | (&Method::POST, "/api/v1/auth/logout")
    )
}

async fn authenticate(req: HttpRequest) -> Result<Option<CurrentUser>, ApiError> {
    if let Some(found) = req.extensions().get::<CurrentUser>() {
        return Ok(Some(found.clone()));
    }
    let Some(token) = bearer(&req)? else { return Ok(None) };
    let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| ApiError::internal("application state missing"))?;
    let now = state.clock.now();
    let (user, session) = state.tokens.verify(&token, now).map_err(ApiError::Unauthenticated)?;
    let session_for_query = session.clone();
    let found = state.read(move |conn| accounts::find_signed_in(conn, user, &session_for_query, now)).await;
    let record = match found {
        Ok(found) => {
            state.sessions.remember(&session, found.as_ref());
            found
        }
        // The token is valid; while the database cannot be reached, a session found valid
        // lately stands (see [`KnownSessions`]).
        Err(ApiError::Unavailable(why)) => Some(state.sessions.recall(&session).ok_or(ApiError::Unavailable(why))?),
        Err(other) => return Err(other),
    }
    .ok_or(ApiError::Unauthenticated("The session has ended or the account is inactive; sign in again."))?;
    if record.account.password_change_required && !allowed_before_password_change(&req) {
        return Err(ApiError::PasswordChangeRequired);
    }
    let current = CurrentUser { record, session };
    req.extensions_mut().insert(current.clone());
    Ok(Some(current))
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(
            async move { authenticate(req).await?.ok_or(ApiError::Unauthenticated("Send a bearer access token.")) },
        )
    }
}

impl FromRequest for MaybeUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { authenticate(req).await.map(MaybeUser) })
    }
}

/// The sessions lately found valid, with their accounts, so that signed-in readers keep reading
/// what the response cache holds while the database cannot be reached. Only consulted then: a
/// session ended or an account deactivated is seen at the next request that reaches the
/// database. Entries older than [`KnownSessions::FOR`] are not used; the map is emptied when it
/// holds more than [`KnownSessions::MOST`].
#[derive(Debug, Default)]
pub struct KnownSessions {
    map: std::sync::Mutex<std::collections::HashMap<String, (AccountRecord, std::time::Instant)>>,
}

impl KnownSessions {
    /// As long as an access token lives by default.
    const FOR: std::time::Duration = std::time::Duration::from_secs(15 * 60);
    const MOST: usize = 10_000;

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, (AccountRecord, std::time::Instant)>> {
        self.map.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Records what the database said of `session`: its account, or that it is no longer valid.
    pub fn remember(&self, session: &str, found: Option<&AccountRecord>) {
        let mut map = self.lock();
        match found {
            Some(record) => {
                if map.len() >= Self::MOST && !map.contains_key(session) {
                    map.clear();
                }
                map.insert(session.to_owned(), (record.clone(), std::time::Instant::now()));
            }
            None => {
                map.remove(session);
            }
        }
    }

    /// Forgets every session of an account that no longer exists as it was (erased).
    pub fn forget_account(&self, id: mfx_domain::UserId) {
        self.lock().retain(|_, (record, _)| record.account.id != id);
    }

    /// The account of `session` if it was found valid within [`KnownSessions::FOR`].
    pub fn recall(&self, session: &str) -> Option<AccountRecord> {
        let map = self.lock();
        let (record, at) = map.get(session)?;
        (at.elapsed() < Self::FOR).then(|| record.clone())
    }
}
