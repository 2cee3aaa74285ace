//! Pages that read: home, lists, a partner, the account, and signing in and out (one
//! document and its history are in `document`).

use super::extract::{CheckedForm, KindPath, Lang, Member, Pairs, Visitor};
use super::session::{self, csrf_ok};
use super::{Page, error_page, html, locale, notice, render, respond, see_other};
use crate::auth::MaybeUser;
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::Error as UseCaseError;
use crate::usecases::accounts as own_account;
use crate::usecases::documents::{self as service, DocumentItem, ListQuery};
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::Locale;
use mfx_domain::document::{Kind, Status};
use mfx_store::{accounts, partners};
use serde::Deserialize;

/// The message naming a collection: its list's title, and its feed's.
pub(super) fn list_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Practice => "nav-practices",
        Kind::MeetingNote => "nav-meeting-notes",
        Kind::ActionPlan => "nav-action-plans",
    }
}

pub async fn root(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let user = session::current_user(&state, &req).await.ok().flatten();
    let lang = match user {
        Some(user) => user.record.account.locale,
        None => req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(mfx_i18n::negotiate)
            .unwrap_or(Locale::fallback()),
    };
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/{lang}/")))
        .insert_header((header::VARY, "Accept-Language, Cookie"))
        .finish()
}

pub async fn language_root(lang: web::Path<String>) -> HttpResponse {
    HttpResponse::PermanentRedirect().insert_header((header::LOCATION, format!("/{}/", locale(&lang)))).finish()
}

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../static/app.css"))
}

pub(super) fn maybe(page: &Page) -> MaybeUser {
    MaybeUser(page.user.clone())
}

/// The short name of the partner with this slug.
async fn own_partner_name(state: &AppState, slug: &mfx_domain::PartnerSlug) -> Result<String, ApiError> {
    let wanted = slug.to_string();
    let found = state.read(move |c| partners::find_by_slug(c, &wanted)).await?;
    Ok(found.map_or_else(|| slug.to_string(), |p| p.profile.short_name))
}

// ---------------------------------------------------------------- home

/// A partner's short name, as lists and tables show it; the slug stays in links only.
pub(super) fn partner_name(partners: &[mfx_domain::Partner], slug: &str) -> String {
    partners
        .iter()
        .find(|p| p.profile.slug.as_str() == slug)
        .map_or_else(|| slug.to_owned(), |p| p.profile.short_name.clone())
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage<'a> {
    pub page: &'a Page,
    pub latest: Vec<DocumentItem>,
    pub partners: Vec<mfx_domain::Partner>,
}

impl HomePage<'_> {
    pub fn partner_name(&self, slug: &str) -> String {
        partner_name(&self.partners, slug)
    }
}

pub async fn home(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, visitor: Visitor) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled("home-title");
        let query = ListQuery {
            lang: Some(lang.to_string()),
            partner: None,
            theme: None,
            status: None,
            updated_since: None,
            cursor: None,
            limit: Some(12),
        };
        let latest = service::list(&state, &maybe(&page).actor(), None, query.filter()?, lang).await?.items;
        let partners = state.read(partners::list).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, render(&HomePage { page: &page, latest, partners })?, cookies))
    })
    .await
}

// ---------------------------------------------------------------- sign in and out

#[derive(Template)]
#[template(path = "sign_in.html")]
pub struct SignInPage<'a> {
    pub page: &'a Page,
    pub email: String,
    pub error: Option<String>,
    pub email_error: Option<String>,
    pub password_error: Option<String>,
}

pub async fn sign_in_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled("sign-in-title");
        let body = render(&SignInPage {
            page: &page,
            email: String::new(),
            error: None,
            email_error: None,
            password_error: None,
        })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

#[derive(Debug, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: Option<String>,
}

/// Signs in. A form without this browser's CSRF token comes back with its own message (403),
/// so this form reads its token itself rather than through `CheckedForm`.
pub async fn sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    form: web::Form<SignInForm>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled("sign-in-title");
        let form = form.into_inner();
        let again = |error: Option<String>,
                     email_error: Option<String>,
                     password_error: Option<String>,
                     status|
         -> Result<HttpResponse, ApiError> {
            let body =
                render(&SignInPage { page: &page, email: form.email.clone(), error, email_error, password_error })?;
            Ok(html(status, body, cookies.clone()))
        };
        if !csrf_ok(&req, form.csrf.as_deref()) {
            return again(Some(page.t("error-csrf")), None, None, StatusCode::FORBIDDEN);
        }
        let email_error = form.email.trim().is_empty().then(|| page.t("error-required"));
        let password_error = form.password.is_empty().then(|| page.t("error-required"));
        if email_error.is_some() || password_error.is_some() {
            return again(None, email_error, password_error, StatusCode::UNPROCESSABLE_ENTITY);
        }
        let settings = &state.settings;
        let address = crate::client_address::of_request(&req, settings.trust_proxy, &settings.trusted_proxies);
        let (email, password, now) = (&form.email, form.password.clone(), state.clock.now());
        match own_account::verify_credentials(&state, &address, email, password, now).await {
            Ok(user) => {
                let cookie = session::sign_in(&state, user.account.id).await?;
                let (_, csrf) = session::new_csrf(&state);
                let target = if user.account.password_change_required {
                    format!("/{lang}/account/password")
                } else {
                    format!("/{lang}/")
                };
                Ok(see_other(&target, vec![cookie, csrf]))
            }
            Err(UseCaseError::RateLimited { .. }) => {
                again(Some(page.t("error-rate_limited")), None, None, StatusCode::TOO_MANY_REQUESTS)
            }
            Err(UseCaseError::InvalidCredentials) => {
                again(Some(page.t("error-invalid_credentials")), None, None, StatusCode::UNAUTHORIZED)
            }
            Err(other) => Err(other.into()),
        }
    })
    .await
}

pub async fn sign_out(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    _: CheckedForm<Pairs>,
) -> HttpResponse {
    if let Ok(Some(user)) = session::current_user(&state, &req).await {
        let (session_id, now) = (user.session.clone(), state.clock.now());
        state.sessions.remember(&session_id, None);
        if let Err(error) = state.write(move |c| mfx_store::sessions::revoke(c, &session_id, now)).await {
            return error_page(&state, &req, lang, &error).await;
        }
    }
    see_other(&format!("/{lang}/"), vec![session::sign_out_cookie(&state), notice("notice-signed-out")])
}

// ---------------------------------------------------------------- lists and search

#[derive(Template)]
#[template(path = "list.html")]
pub struct ListPage<'a> {
    pub page: &'a Page,
    pub kind: Kind,
    pub collection: String,
    pub items: Vec<DocumentItem>,
    pub next: Option<String>,
    pub partners: Vec<mfx_domain::Partner>,
    pub themes: &'static [&'static str],
    pub statuses: [Status; 4],
    pub partner: String,
    pub theme: String,
    pub status: String,
}

impl ListPage<'_> {
    pub fn partner_name(&self, slug: &str) -> String {
        partner_name(&self.partners, slug)
    }
}

#[derive(Debug, Deserialize)]
pub struct ListParams {
    partner: Option<String>,
    theme: Option<String>,
    status: Option<String>,
    cursor: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: KindPath,
    visitor: Visitor,
    params: web::Query<ListParams>,
) -> HttpResponse {
    let KindPath { lang, kind, collection } = path;
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled(list_title(kind));
        let p = params.into_inner();
        let clean = |v: Option<String>| v.filter(|s| !s.is_empty());
        let query = ListQuery {
            lang: Some(lang.to_string()),
            partner: clean(p.partner.clone()),
            theme: clean(p.theme.clone()),
            status: clean(p.status.clone()),
            updated_since: None,
            cursor: clean(p.cursor),
            limit: Some(24),
        };
        let found = service::list(&state, &maybe(&page).actor(), Some(kind), query.filter()?, lang).await?;
        let partners = state.read(partners::list).await?;
        let next = found.next_cursor.map(|cursor| {
            let mut pairs = vec![("cursor", cursor)];
            for (name, value) in [("partner", &p.partner), ("theme", &p.theme), ("status", &p.status)] {
                if let Some(value) = value.clone().filter(|v| !v.is_empty()) {
                    pairs.push((name, value));
                }
            }
            format!("?{}", serde_urlencoded::to_string(pairs).unwrap_or_default())
        });
        let body = render(&ListPage {
            page: &page,
            kind,
            collection: collection.clone(),
            items: found.items,
            next,
            partners,
            themes: mfx_domain::vocabulary::THEMES,
            statuses: Status::ALL,
            partner: p.partner.unwrap_or_default(),
            theme: p.theme.unwrap_or_default(),
            status: p.status.unwrap_or_default(),
        })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

// ---------------------------------------------------------------- partner and account

#[derive(Template)]
#[template(path = "partner.html")]
pub struct PartnerPage<'a> {
    pub page: &'a Page,
    pub partner: mfx_domain::Partner,
    pub items: Vec<DocumentItem>,
}

pub async fn partner(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    path: web::Path<(String, String)>,
) -> HttpResponse {
    let (_, slug) = path.into_inner();
    respond(&state, &req, lang, async {
        let (mut page, cookies) = visitor.titled("partner-title");
        let wanted = slug.clone();
        let partner = state
            .read(move |c| partners::find_by_slug(c, &wanted))
            .await?
            .ok_or_else(|| ApiError::not_found("partner"))?;
        page.title = partner.profile.name_local.clone();
        page.title_lang = (partner.profile.locale != lang).then(|| partner.profile.locale.to_string());
        let query = ListQuery {
            lang: Some(lang.to_string()),
            partner: Some(slug.clone()),
            theme: None,
            status: None,
            updated_since: None,
            cursor: None,
            limit: Some(50),
        };
        let items = service::list(&state, &maybe(&page).actor(), None, query.filter()?, lang).await?.items;
        Ok::<_, ApiError>(html(StatusCode::OK, render(&PartnerPage { page: &page, partner, items })?, cookies))
    })
    .await
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage<'a> {
    pub page: &'a Page,
    pub role: &'static str,
    pub partner: String,
    pub partner_name: String,
    pub display_name: String,
    pub language: String,
    pub zones: super::zones::ZoneSelect,
    pub digest_frequency: String,
    pub digest_weekday: u32,
    pub digest_hour: u32,
    pub errors: Vec<(String, String)>,
    /// A calendar address just made: shown once, never again.
    pub calendar_url: Option<String>,
}

impl AccountPage<'_> {
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
    }
}

pub async fn account(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("account-title");
        let body = account_page(&state, &page, &user, None).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// The account page with the saved settings, and a calendar address when one was just made.
pub(super) async fn account_page(
    state: &AppState,
    page: &Page,
    user: &crate::auth::CurrentUser,
    calendar_url: Option<String>,
) -> Result<String, ApiError> {
    let a = &user.record.account;
    let partners = state.read(partners::list).await?;
    render(&AccountPage {
        page,
        role: a.role.as_str(),
        partner: user.record.partner_slug.to_string(),
        partner_name: own_partner_name(state, &user.record.partner_slug).await?,
        display_name: a.display_name.as_str().to_owned(),
        language: a.locale.to_string(),
        zones: super::zones::ZoneSelect::new(page, &partners, a.time_zone.as_str()),
        digest_frequency: user.record.digest.frequency.as_str().to_owned(),
        digest_weekday: user.record.digest.weekday.number_from_monday(),
        digest_hour: user.record.digest.hour,
        errors: Vec::new(),
        calendar_url,
    })
}

#[derive(Debug, Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    digest_frequency: Option<String>,
    #[serde(default)]
    digest_weekday: Option<i32>,
    #[serde(default)]
    digest_hour: Option<i32>,
}

/// Saves the account's settings; someone whose session ended meanwhile is sent to sign in.
pub async fn save_account(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    CheckedForm(form): CheckedForm<AccountForm>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled("account-title");
        let Some(user) = page.user.clone() else {
            return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
        };
        let mut violations = mfx_domain::Violations::new();
        let changes = mfx_store::accounts::AccountChanges {
            display_name: violations.check("display_name", mfx_domain::DisplayName::parse(&form.display_name)),
            locale: violations.check("language", Locale::parse_field(&form.language)),
            time_zone: violations.check("time_zone", mfx_domain::TimeZone::parse(&form.time_zone)),
            digest: own_account::digest_changes(
                &own_account::DigestInput {
                    frequency: form.digest_frequency.clone(),
                    weekday: form.digest_weekday,
                    hour: form.digest_hour,
                },
                &mut violations,
            ),
            ..Default::default()
        };
        if !violations.is_empty() {
            let errors = violations.iter().map(|v| (v.field.clone(), page.t(&format!("error-{}", v.code)))).collect();
            let partners = state.read(partners::list).await?;
            // Every choice made is shown again as made, the refused ones too.
            let saved = &user.record.digest;
            let body = render(&AccountPage {
                page: &page,
                role: user.record.account.role.as_str(),
                partner: user.record.partner_slug.to_string(),
                partner_name: own_partner_name(&state, &user.record.partner_slug).await?,
                display_name: form.display_name,
                language: form.language,
                zones: super::zones::ZoneSelect::new(&page, &partners, &form.time_zone),
                digest_frequency: form.digest_frequency.unwrap_or_else(|| saved.frequency.as_str().to_owned()),
                digest_weekday: form
                    .digest_weekday
                    .and_then(|d| u32::try_from(d).ok())
                    .unwrap_or_else(|| saved.weekday.number_from_monday()),
                digest_hour: form.digest_hour.and_then(|h| u32::try_from(h).ok()).unwrap_or(saved.hour),
                errors,
                calendar_url: None,
            })?;
            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies));
        }
        let new_lang = changes.locale.unwrap_or(lang);
        let (id, now) = (user.record.account.id, state.clock.now());
        state.write(move |c| accounts::update(c, id, &changes, None, now)).await?;
        let mut cookies = cookies;
        cookies.push(notice("notice-account-saved"));
        Ok(see_other(&format!("/{new_lang}/account"), cookies))
    })
    .await
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub page: &'a Page,
    pub text: String,
}
