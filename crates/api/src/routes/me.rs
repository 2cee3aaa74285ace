//! The signed-in account's own profile: read it, change name, language and time zone, and
//! change the password.

use crate::auth::{CurrentUser, password};
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::routes::IfMatch;
use crate::routes::users::{UserView, user_response};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use mfx_domain::digest::{Frequency, check_hour, weekday_from_number};
use mfx_domain::policy::{Action, Resource, permits};
use mfx_domain::throttle::ThrottlePolicy;
use mfx_domain::{DisplayName, FieldError, Locale, Password, TimeZone, Violations};
use mfx_store::accounts::{self, AccountChanges, DigestChanges};
use mfx_store::{sessions, throttle};
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct UpdateMe {
    #[schema(value_type = Option<mfx_domain::schema::DisplayNameText>)]
    pub display_name: Option<String>,
    /// Language of the interface and of emails.
    #[schema(value_type = Option<Locale>, example = "sv")]
    pub language: Option<String>,
    /// An IANA time zone.
    #[schema(value_type = Option<mfx_domain::schema::TimeZoneName>, example = "Europe/Stockholm")]
    pub time_zone: Option<String>,
    /// Email digest settings; the fields sent are changed.
    pub digest: Option<DigestInput>,
}

/// Email digest settings.
#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct DigestInput {
    /// off, daily or weekly.
    #[schema(value_type = Option<Frequency>, example = "weekly")]
    pub frequency: Option<String>,
    /// For weekly digests: 1 (Monday) to 7 (Sunday).
    #[schema(example = 1, minimum = 1, maximum = 7)]
    pub weekday: Option<i32>,
    /// Local hour, 0 to 23, in the account's time zone.
    #[schema(example = 8, minimum = 0, maximum = 23)]
    pub hour: Option<i32>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    #[schema(min_length = 1)]
    pub current_password: String,
    /// At least 12 characters (at most 1024 bytes) and hard to guess: a few uncommon words work
    /// well; not the current one.
    #[schema(min_length = 12, max_length = 1024, example = "tack för kaffet i Örebro")]
    pub new_password: String,
}

/// The signed-in account.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = UserView, headers(("ETag" = String))),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn get_me(user: CurrentUser) -> HttpResponse {
    user_response(StatusCode::OK, &user.record)
}

/// Changes the signed-in account's name, language or time zone.
#[utoipa::path(
    tag = "me",
    request_body = UpdateMe,
    params(("If-Match" = Option<String>, Header, pattern = "^(\\*|(W/)?\"[!#-~]*\"([ \\t]*,[ \\t]*(W/)?\"[!#-~]*\")*)$", description = "ETag of the version you read, a list of ETags, or `*`")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = UserView, headers(("ETag" = String))),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The resource changed since it was read (stale ETag)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each listed with a code", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/me")]
pub async fn patch_me(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    body: JsonBody<UpdateMe>,
) -> Result<HttpResponse, ApiError> {
    let id = user.record.account.id;
    if !permits(&user.actor(), Action::Update, &Resource::Profile { id }) {
        return Err(ApiError::forbidden());
    }
    let expected = IfMatch::from_request(&req)?.expected(async { Ok(Some(user.record.version)) }).await?;
    let input = body.0;
    let mut violations = Violations::new();
    let changes = AccountChanges {
        display_name: input
            .display_name
            .as_deref()
            .and_then(|n| violations.check("display_name", DisplayName::parse(n))),
        locale: input.language.as_deref().and_then(|l| violations.check("language", Locale::parse_field(l))),
        time_zone: input.time_zone.as_deref().and_then(|t| violations.check("time_zone", TimeZone::parse(t))),
        digest: input.digest.as_ref().map(|d| digest_changes(d, &mut violations)).unwrap_or_default(),
        ..AccountChanges::default()
    };
    violations.into_result()?;
    let now = state.clock.now();
    let record = state.write(move |c| accounts::update(c, id, &changes, expected, now)).await?;
    Ok(user_response(StatusCode::OK, &record))
}

/// The digest fields sent, each checked; every invalid one is recorded.
pub fn digest_changes(input: &DigestInput, violations: &mut Violations) -> DigestChanges {
    DigestChanges {
        frequency: input.frequency.as_deref().and_then(|f| violations.check("digest.frequency", Frequency::parse(f))),
        weekday: input.weekday.and_then(|w| violations.check("digest.weekday", weekday_from_number(w))),
        hour: input.hour.and_then(|h| violations.check("digest.hour", check_hour(h))),
    }
}

/// Changes the password: confirms the current one, checks the new one against the policy, ends
/// the account's other sessions (this one continues) and lifts a required change. Wrong current
/// passwords are limited like sign-ins: 5 in 15 minutes, each attempt taken before checking.
#[utoipa::path(
    tag = "me",
    request_body = ChangePassword,
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Changed"),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong current password, or a new one that is too short or easy to guess (`too_short`, `too_weak`, `weak_password_*`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong current passwords; see Retry-After", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: JsonBody<ChangePassword>,
) -> Result<HttpResponse, ApiError> {
    let ChangePassword { current_password, new_password } = body.0;
    set_own_password(&state, &user, current_password, &new_password).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The use case behind the API and the page: on success the password is changed; otherwise
/// the refusal, with `current_password` or `new_password` as the failing field.
pub async fn set_own_password(
    state: &AppState,
    user: &CurrentUser,
    current_password: String,
    new_password: &str,
) -> Result<(), ApiError> {
    let account = &user.record.account;
    let id = account.id;
    let personal = [account.email.as_str(), account.display_name.as_str()];
    let new_password = Password::parse_for(new_password, &personal).map_err(|mut e| {
        e.field = "new_password".into();
        ApiError::invalid(e.into())
    })?;
    if new_password.expose() == current_password {
        return Err(ApiError::invalid(
            FieldError::new("new_password", "unchanged", "the new password is the current one").into(),
        ));
    }
    let now = state.clock.now();
    let key = format!("password-change:{id}");
    let key_for_take = key.clone();
    let (taken, stored) = state
        .write(move |c| {
            let taken = throttle::take(c, &[(&key_for_take, ThrottlePolicy::PASSWORD_CHANGE)], now)?;
            Ok((taken, accounts::password_hash(c, id)?))
        })
        .await?;
    if let Err(wait) = taken {
        return Err(ApiError::RateLimited { retry_after_secs: u64::try_from(wait.num_seconds()).unwrap_or(1).max(1) });
    }
    let stored = stored.ok_or_else(|| ApiError::not_found("account"))?;
    let hash = state
        .compute(move || {
            if password::verify(&current_password, &stored) {
                password::hash(new_password.expose()).map(Some)
            } else {
                Ok(None)
            }
        })
        .await?
        .map_err(ApiError::internal)?;
    let Some(hash) = hash else {
        return Err(ApiError::invalid(
            FieldError::new("current_password", "wrong_password", "the current password is not right").into(),
        ));
    };
    let session = user.session.clone();
    state
        .write(move |c| {
            accounts::set_password(c, id, &hash, false, now)?;
            sessions::revoke_others(c, id, &session, now)?;
            throttle::clear(c, &key)
        })
        .await?;
    tracing::info!(event = "password_changed", user = %id, "password changed");
    Ok(())
}

/// Revokes every unsubscribe link sent to the account so far (links in new digests work).
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Earlier links no longer work"),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/unsubscribe-links")]
pub async fn revoke_unsubscribe_links(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    let id = user.record.account.id;
    state.write(move |c| mfx_store::unsubscribe::revoke(c, id)).await?;
    tracing::info!(event = "unsubscribe_links_revoked", user = %id, "unsubscribe links revoked");
    Ok(HttpResponse::NoContent().finish())
}
