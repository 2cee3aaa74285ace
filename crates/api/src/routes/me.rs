//! The signed-in account's own profile: read it, change name, language and time zone, and
//! change the password.

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::routes::IfMatch;
use crate::routes::users::{UserView, user_response};
use crate::state::AppState;
use crate::usecases::accounts;
use crate::usecases::accounts::DigestInput;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use mfx_domain::policy::{Action, Resource, permits};
use mfx_domain::{DisplayName, Locale, TimeZone, Violations};
use mfx_store::accounts::AccountChanges;
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
        digest: input.digest.as_ref().map(|d| accounts::digest_changes(d, &mut violations)).unwrap_or_default(),
        ..AccountChanges::default()
    };
    violations.into_result()?;
    let now = state.clock.now();
    let record = state.write(move |c| mfx_store::accounts::update(c, id, &changes, expected, now)).await?;
    Ok(user_response(StatusCode::OK, &record))
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
    accounts::set_own_password(&state, &user.record.account, &user.session, current_password, &new_password).await?;
    Ok(HttpResponse::NoContent().finish())
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
