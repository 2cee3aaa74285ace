//! The account's data page (`/{lang}/account/data`): download everything the platform holds
//! about oneself, ask for one's account to be erased or withdraw the request; and the page of
//! waiting requests where a coordinator or an administrator confirms them
//! (`/{lang}/admin/erasures`). The work is done by `usecases::personal`, as for the API.

use super::extract::{CheckedForm, Lang, Member, Pairs, Visitor};
use super::{Page, html, notice, render, respond, see_other};
use crate::error::ApiError;
use crate::personal_export;
use crate::state::AppState;
use crate::usecases::Error as UseCaseError;
use crate::usecases::personal;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_i18n::Arg;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account_data.html")]
pub struct DataPage<'a> {
    pub page: &'a Page,
    /// "You asked on …", while a request waits.
    pub requested: Option<String>,
    /// Why the request could not be made, beside the form.
    pub error: Option<String>,
    /// The one reason that stops the request: the last active administrator.
    pub refused: Option<String>,
}

async fn data_page(
    state: &AppState,
    page: &Page,
    user: &crate::auth::CurrentUser,
    error: Option<String>,
    refused: Option<String>,
) -> Result<String, ApiError> {
    let erasure = personal::erasure_state(state, user.record.account.id).await?;
    let requested =
        erasure.requested_at.map(|at| page.tr.args("data-erase-requested", &[("date", Arg::from(page.datetime(&at)))]));
    render(&DataPage { page, requested, error, refused })
}

pub async fn show(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("data-title");
        let body = data_page(&state, &page, &user, None, None).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// The ZIP, with the same contents as `GET /api/v1/me/export`.
pub async fn download(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (_, _, user) = member.titled("data-title");
        let export = personal_export::export(&state, &user.record).await?;
        Ok::<_, ApiError>(crate::download::personal_data(export, user.record.account.id))
    })
    .await
}

#[derive(Debug, Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    confirm: Option<String>,
}

/// Records the request once the box is ticked; the last active administrator is refused with
/// the reason, and nothing is recorded.
pub async fn request(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    CheckedForm(form): CheckedForm<EraseForm>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, mut cookies) = visitor.titled("data-title");
        let Some(user) = page.user.clone() else {
            return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
        };
        if form.confirm.as_deref() != Some("yes") {
            let body = data_page(&state, &page, &user, Some(page.t("data-erase-confirm-required")), None).await?;
            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies));
        }
        match personal::request_erasure(&state, &user.record).await {
            Ok(_) => {
                cookies.push(notice("notice-erasure-requested"));
                Ok::<_, ApiError>(see_other(&format!("/{lang}/account/data"), cookies))
            }
            Err(UseCaseError::LastAdministrator { .. }) => {
                let body = data_page(&state, &page, &user, None, Some(page.t("data-erase-last-admin"))).await?;
                Ok(html(StatusCode::CONFLICT, body, cookies))
            }
            Err(other) => Err(other.into()),
        }
    })
    .await
}

pub async fn withdraw(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    _: CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, mut cookies) = visitor.titled("data-title");
        let Some(user) = page.user.clone() else {
            return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
        };
        personal::withdraw_erasure(&state, &user.record).await?;
        cookies.push(notice("notice-erasure-withdrawn"));
        Ok::<_, ApiError>(see_other(&format!("/{lang}/account/data"), cookies))
    })
    .await
}

// ------------------------------------------------------------------------------ confirming

/// A waiting request as the page shows it.
pub struct RequestRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub partner: String,
    pub partner_lang: String,
    pub role: &'static str,
    pub asked: String,
}

#[derive(Template)]
#[template(path = "admin_erasures.html")]
pub struct ErasuresPage<'a> {
    pub page: &'a Page,
    pub rows: Vec<RequestRow>,
    /// Why the last confirmation was refused.
    pub refused: Option<String>,
}

async fn erasures_page(
    state: &AppState,
    page: &Page,
    user: &crate::auth::CurrentUser,
    refused: Option<String>,
) -> Result<String, ApiError> {
    let by = super::admin::manager(user)?;
    let partners = super::admin::partner_choices(state).await?;
    let rows = personal::erasure_requests(state, &by)
        .await?
        .into_iter()
        .map(|r| RequestRow {
            id: r.account.account.id.to_string(),
            name: r.account.account.display_name.as_str().to_owned(),
            email: r.account.account.email.to_string(),
            partner: super::admin::partner_name(&partners, r.account.partner_slug.as_str()),
            partner_lang: super::admin::partner_lang(&partners, r.account.partner_slug.as_str()),
            role: r.account.account.role.as_str(),
            asked: page.tr.args("admin-erasure-asked", &[("date", Arg::from(page.datetime(&r.requested_at)))]),
        })
        .collect();
    render(&ErasuresPage { page, rows, refused })
}

pub async fn list(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("admin-erasures-title");
        let body = erasures_page(&state, &page, &user, None).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// Erases the account whose owner asked. A request withdrawn meanwhile, or the last active
/// administrator, is refused with the reason and nothing changes.
pub async fn confirm(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    _: CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, mut cookies) = visitor.titled("admin-erasures-title");
        let Some(user) = page.user.clone() else {
            return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
        };
        let by = super::admin::manager(&user)?;
        let id = req.match_info().get("id").unwrap_or_default().parse().map_err(|_| ApiError::not_found("account"))?;
        let refused = match personal::erase(&state, &by, id).await {
            Ok(_) => {
                cookies.push(notice("admin-erasure-done"));
                return Ok(see_other(&format!("/{lang}/admin/erasures"), cookies));
            }
            Err(UseCaseError::LastAdministrator { .. }) => page.t("admin-erasure-last-admin"),
            Err(UseCaseError::Conflict { code: "no_erasure_request", .. } | UseCaseError::NotFound(_)) => {
                page.t("admin-erasure-gone")
            }
            Err(other) => return Err(other.into()),
        };
        let body = erasures_page(&state, &page, &user, Some(refused)).await?;
        Ok::<_, ApiError>(html(StatusCode::CONFLICT, body, cookies))
    })
    .await
}

/// How many requests `user` may confirm, for the accounts list's link.
pub(super) async fn waiting(state: &AppState, by: &mfx_domain::policy::Member) -> Result<usize, ApiError> {
    Ok(personal::erasure_requests(state, by).await?.len())
}
