//! The calendar address on the account page: made on request and shown once (never cached,
//! only its hash is kept), and revoked with a notice.

use super::extract::{CheckedForm, Lang, Pairs, Visitor};
use super::{html, notice, respond, see_other};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::tracking::calendar;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

/// Makes the account's calendar address (ending any earlier one) and shows it on the account
/// page this once; the answer is not stored by browsers or proxies.
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    _: CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled("account-title");
        let Some(user) = page.user.clone() else {
            return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
        };
        let feed = calendar::create(&state, user.member()).await?;
        let body = super::pages::account_page(&state, &page, &user, Some(feed.url)).await?;
        let mut response = html(StatusCode::OK, body, cookies);
        response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
        Ok::<_, ApiError>(response)
    })
    .await
}

/// Revokes the account's calendar address.
pub async fn revoke(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    _: CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, mut cookies) = visitor.titled("account-title");
        let Some(user) = page.user.clone() else {
            return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
        };
        calendar::revoke(&state, user.record.account.id).await?;
        cookies.push(notice("notice-calendar-revoked"));
        Ok::<_, ApiError>(see_other(&format!("/{lang}/account"), cookies))
    })
    .await
}
