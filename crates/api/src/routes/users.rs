//! Account management for operators and the lead partner.

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::routes::{IfMatch, etag, page_limit};
use crate::state::AppState;
use crate::usecases::users as admin;
use actix_web::http::header;
use actix_web::web::{Json, Query};
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use mfx_domain::{FieldError, Locale, Role, UserId, Violations};
use mfx_store::accounts::{self, AccountFilter, AccountRecord};
use mfx_store::partners;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a4f2-6c1e-7b4a-9f3d-5e2a1c0b9d8e", "email": "maja.novak@example.si", "display_name": "Maja Novak",
    "partner": "heart-of-slovenia", "role": "editor", "language": "sl", "time_zone": "Europe/Ljubljana",
    "active": true, "password_change_required": false, "version": 1,
    "created_at": "2026-11-27T09:00:00Z", "updated_at": "2026-11-27T09:00:00Z"
}))]
pub struct UserView {
    #[schema(value_type = String, format = Uuid)]
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    /// The partner's slug.
    pub partner: String,
    /// `admin`, `coordinator`, `editor` or `viewer`.
    pub role: &'static str,
    /// Language of the interface and of emails.
    pub language: &'static str,
    pub time_zone: String,
    pub active: bool,
    /// The password was set by someone else and should be changed at the next sign-in.
    pub password_change_required: bool,
    /// Also sent as the ETag.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Email digest settings.
    pub digest: DigestView,
}

/// When the account receives email digests.
#[derive(Debug, Serialize, ToSchema)]
pub struct DigestView {
    pub frequency: mfx_domain::digest::Frequency,
    /// For weekly digests: 1 (Monday) to 7 (Sunday).
    pub weekday: u32,
    /// Local hour, in the account's time zone.
    pub hour: u32,
}

impl From<&AccountRecord> for UserView {
    fn from(record: &AccountRecord) -> Self {
        let a = &record.account;
        Self {
            id: a.id,
            email: a.email.to_string(),
            display_name: a.display_name.as_str().to_owned(),
            partner: record.partner_slug.to_string(),
            role: a.role.as_str(),
            language: a.locale.as_str(),
            time_zone: a.time_zone.to_string(),
            active: a.active,
            password_change_required: a.password_change_required,
            version: record.version,
            created_at: record.created_at,
            updated_at: record.updated_at,
            digest: DigestView {
                frequency: record.digest.frequency,
                weekday: record.digest.weekday.number_from_monday(),
                hour: record.digest.hour,
            },
        }
    }
}

/// An account with its ETag.
pub fn user_response(status: actix_web::http::StatusCode, record: &AccountRecord) -> HttpResponse {
    HttpResponse::build(status).insert_header((header::ETAG, etag(record.version))).json(UserView::from(record))
}

#[derive(Serialize, ToSchema)]
pub struct UserList {
    pub items: Vec<UserView>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Only accounts of this partner (slug); 404 if no partner has it.
    #[param(value_type = Option<mfx_domain::schema::PartnerSlugText>)]
    pub partner: Option<String>,
    /// Only accounts with this role.
    #[param(value_type = Option<Role>)]
    pub role: Option<String>,
    pub active: Option<bool>,
    /// Part of the email or display name.
    pub q: Option<String>,
    /// From `next_cursor` of the previous page.
    #[param(pattern = "^([A-Za-z0-9_-]{4})*([A-Za-z0-9_-]{2}[AEIMQUYcgkosw048]|[A-Za-z0-9_-][AQgw])?$")]
    pub cursor: Option<String>,
    /// 1 to 100; 50 by default.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    #[schema(value_type = mfx_domain::schema::EmailText, example = "lars.berg@example.se")]
    pub email: String,
    /// Defaults to the part of the email before @.
    #[schema(value_type = Option<mfx_domain::schema::DisplayNameText>)]
    pub display_name: Option<String>,
    /// The partner's slug (an existing partner).
    #[schema(value_type = mfx_domain::schema::PartnerSlugText, example = "orebro")]
    pub partner: String,
    #[schema(value_type = Role, example = "editor")]
    pub role: String,
    /// Defaults to the partner's language.
    #[schema(value_type = Option<Locale>)]
    pub language: Option<String>,
    /// Defaults to the partner's time zone.
    #[schema(value_type = Option<mfx_domain::schema::TimeZoneName>)]
    pub time_zone: Option<String>,
    /// At least 12 characters (at most 1024 bytes), not one character repeated. Without it, a
    /// one-time password is generated, returned once, and must be changed at first sign-in.
    #[schema(min_length = 12, max_length = 1024)]
    pub password: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedUser {
    pub user: UserView,
    /// Only when the server generated the password: give it to the person once.
    pub initial_password: Option<String>,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    #[schema(value_type = Option<mfx_domain::schema::DisplayNameText>)]
    pub display_name: Option<String>,
    /// The partner's slug (an existing partner).
    #[schema(value_type = Option<mfx_domain::schema::PartnerSlugText>)]
    pub partner: Option<String>,
    #[schema(value_type = Option<Role>)]
    pub role: Option<String>,
    #[schema(value_type = Option<Locale>)]
    pub language: Option<String>,
    #[schema(value_type = Option<mfx_domain::schema::TimeZoneName>)]
    pub time_zone: Option<String>,
    /// `false` deactivates the account and ends its sessions; `true` reactivates it.
    pub active: Option<bool>,
}

fn require_directory(user: &CurrentUser) -> Result<(), ApiError> {
    Ok(admin::require_directory(&user.member())?)
}

/// The pattern of a cursor (base64url without padding), as the OpenAPI document states it.
pub const CURSOR_PATTERN: &str = "^([A-Za-z0-9_-]{4})*([A-Za-z0-9_-]{2}[AEIMQUYcgkosw048]|[A-Za-z0-9_-][AQgw])?$";

/// The email a page starts after. Any text in base64url is a position in email order.
fn decode_cursor(cursor: Option<&str>) -> Result<Option<String>, ApiError> {
    cursor
        .map(|c| {
            URL_SAFE_NO_PAD.decode(c).map(|bytes| String::from_utf8_lossy(&bytes).replace('\0', "")).map_err(|_| {
                ApiError::invalid(
                    FieldError::new("cursor", "invalid_cursor", "use next_cursor from a previous page").into(),
                )
            })
        })
        .transpose()
}

/// Lists accounts in email order. Admins and coordinators only.
#[utoipa::path(
    tag = "users",
    params(UserQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Success", body = UserList),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account may not do this", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each listed with a code", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<UserQuery>,
) -> Result<Json<UserList>, ApiError> {
    require_directory(&user)?;
    let query = query.into_inner();
    let mut violations = Violations::new();
    let limit = page_limit(query.limit)?;
    let role = query.role.as_deref().and_then(|r| violations.check("role", Role::parse(r)));
    let after = decode_cursor(query.cursor.as_deref())?;
    violations.into_result()?;
    // A partner that does not exist is not found, as at `/partners/{slug}`.
    let partner = match query.partner.clone() {
        Some(slug) => Some(
            state
                .read(move |c| partners::find_by_slug(c, slug.trim()))
                .await?
                .ok_or_else(|| ApiError::not_found("partner"))?
                .id,
        ),
        None => None,
    };
    let filter = AccountFilter { partner, role, active: query.active, query: query.q };
    let mut records = state.read(move |c| accounts::list(c, &filter, after.as_deref(), limit + 1)).await?;
    let next_cursor = if records.len() > usize::try_from(limit).unwrap_or(50) {
        records.truncate(usize::try_from(limit).unwrap_or(50));
        records.last().map(|r| URL_SAFE_NO_PAD.encode(r.account.email.as_str()))
    } else {
        None
    };
    Ok(Json(UserList { items: records.iter().map(UserView::from).collect(), next_cursor }))
}

/// Creates an account. Coordinators may create any role but admin.
#[utoipa::path(
    tag = "users",
    request_body = CreateUser,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created; the generated password, if any, is shown only here", body = CreatedUser, headers(("Location" = String), ("ETag" = String))),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account may not do this", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The email is in use", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each listed with a code", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: JsonBody<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    let input = body.0;
    let input = admin::NewAccountInput {
        email: input.email,
        display_name: input.display_name,
        partner: input.partner,
        role: input.role,
        language: input.language,
        time_zone: input.time_zone,
        password: input.password,
    };
    let created = admin::create(&state, &user.member(), input).await?;
    let record = created.record;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/users/{}", record.account.id)))
        .insert_header((header::ETAG, etag(record.version)))
        .json(CreatedUser { user: UserView::from(&record), initial_password: created.initial_password }))
}

pub(super) fn parse_user_id(raw: &str) -> Result<UserId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("account"))
}

/// One account. Admins and coordinators read any; everyone reads their own.
#[utoipa::path(
    tag = "users",
    params(("id" = String, Path, format = Uuid)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = UserView, headers(("ETag" = String))),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account may not do this", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_user_id(&id)?;
    let record = admin::find(&state, &user.member(), id).await?;
    Ok(user_response(actix_web::http::StatusCode::OK, &record))
}

/// Changes an account: name, partner, role, language, time zone, active. Send `If-Match`
/// with the ETag you read to avoid overwriting someone else's change (412 if it is stale).
#[utoipa::path(
    tag = "users",
    params(("id" = String, Path, format = Uuid), ("If-Match" = Option<String>, Header, pattern = "^(\\*|(W/)?\"[!#-~]*\"([ \\t]*,[ \\t]*(W/)?\"[!#-~]*\")*)$", description = "ETag of the version you read, a list of ETags, or `*`")),
    request_body = UpdateUser,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = UserView, headers(("ETag" = String))),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account may not do this", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The change would leave no active administrator (`last_administrator`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The resource changed since it was read (stale ETag)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each listed with a code", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/users/{id}")]
pub async fn patch_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    id: web::Path<String>,
    body: JsonBody<UpdateUser>,
) -> Result<HttpResponse, ApiError> {
    require_directory(&user)?;
    let id = parse_user_id(&id)?;
    let expected = IfMatch::from_request(&req)?
        .expected(async { Ok(state.read(move |c| accounts::find(c, id)).await?.map(|r| r.version)) })
        .await?;
    update_account(&state, &user, id, body.0, expected).await
}

/// Deactivates an account and ends its sessions. Nobody can deactivate their own account, and
/// the last active administrator stays (409).
#[utoipa::path(
    tag = "users",
    params(("id" = String, Path, format = Uuid)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = UserView, headers(("ETag" = String))),
        (status = 401, description = "Not signed in, or the token is not valid", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account may not do this", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "This is the last active administrator (`last_administrator`)", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[post("/users/{id}/deactivate")]
pub async fn deactivate_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    require_directory(&user)?;
    let id = parse_user_id(&id)?;
    update_account(&state, &user, id, UpdateUser { active: Some(false), ..UpdateUser::default() }, None).await
}

async fn update_account(
    state: &AppState,
    user: &CurrentUser,
    id: UserId,
    input: UpdateUser,
    expected_version: Option<i64>,
) -> Result<HttpResponse, ApiError> {
    let input = admin::AccountUpdate {
        display_name: input.display_name,
        partner: input.partner,
        role: input.role,
        language: input.language,
        time_zone: input.time_zone,
        active: input.active,
    };
    let record = admin::update(state, &user.member(), id, input, expected_version).await?;
    Ok(user_response(actix_web::http::StatusCode::OK, &record))
}
