//! Leaving the email digest without signing in. `GET /unsubscribe/{token}` only asks (link
//! checkers follow links); `POST` — a button on that page, or a mail client's RFC 8058 one-click
//! request — turns the digest off. A link signed with an older generation of the account's
//! links (revoked by the account or at deactivation) gets the same clear page as a wrong one.

use super::{Page, context, html, render, respond};
use crate::error::ApiError;
use crate::mail::{unsubscribe_token_user, unsubscribe_token_valid};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::Locale;
use mfx_domain::digest::Frequency;
use mfx_store::accounts::{self, AccountChanges, AccountRecord, DigestChanges};

#[derive(Template)]
#[template(path = "unsubscribe.html")]
pub struct UnsubscribePage<'a> {
    pub page: &'a Page,
    pub token: String,
    pub email: String,
    pub valid: bool,
    pub done: bool,
}

async fn account_of(state: &AppState, token: &str) -> Result<Option<AccountRecord>, ApiError> {
    let Some(user) = unsubscribe_token_user(token) else { return Ok(None) };
    let found = state
        .read(move |c| {
            let generation = mfx_store::unsubscribe::generation(c, user)?;
            Ok(accounts::find(c, user)?.map(|record| (generation, record)))
        })
        .await?;
    Ok(found
        .filter(|(generation, _)| unsubscribe_token_valid(&state.unsubscribe_key, token, user, *generation))
        .map(|(_, record)| record))
}

async fn show(state: &AppState, req: &HttpRequest, token: String, done: bool) -> Result<HttpResponse, ApiError> {
    let account = account_of(state, &token).await?;
    let lang = account.as_ref().map_or(Locale::fallback(), |a| a.account.locale);
    let (page, cookies) = context(state, req, lang, "unsubscribe-title").await?;
    let status = if account.is_some() { StatusCode::OK } else { StatusCode::NOT_FOUND };
    let email = account.as_ref().map(|a| a.account.email.to_string()).unwrap_or_default();
    let body = render(&UnsubscribePage {
        page: &page,
        token,
        email,
        valid: account.is_some(),
        done: done && account.is_some(),
    })?;
    Ok(html(status, body, cookies))
}

pub async fn confirm(state: web::Data<AppState>, req: HttpRequest, token: web::Path<String>) -> HttpResponse {
    respond(&state, &req, Locale::fallback(), show(&state, &req, token.into_inner(), false)).await
}

pub async fn unsubscribe(state: web::Data<AppState>, req: HttpRequest, token: web::Path<String>) -> HttpResponse {
    let token = token.into_inner();
    respond(&state, &req, Locale::fallback(), async {
        if let Some(account) = account_of(&state, &token).await? {
            let (id, now) = (account.account.id, state.clock.now());
            let digest = DigestChanges { frequency: Some(Frequency::Off), ..DigestChanges::default() };
            let changes = AccountChanges { digest, ..AccountChanges::default() };
            state.write(move |c| accounts::update(c, id, &changes, None, now)).await?;
            tracing::info!(event = "digest_unsubscribed", user = %id, "digest turned off by its link");
        }
        show(&state, &req, token, true).await
    })
    .await
}
