//! The account's own password: the change form (where an account with a one-time password is
//! sent until it sets its own), and revoking the unsubscribe links of earlier emails.

use super::extract::{CheckedForm, Lang, Member, Pairs, Visitor};
use super::{Page, html, notice, render, respond, see_other};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::{Error as UseCaseError, accounts};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "password.html")]
pub struct PasswordPage<'a> {
    pub page: &'a Page,
    /// The account signed in with a one-time password and must replace it.
    pub required: bool,
    pub current_error: Option<String>,
    pub new_error: Option<String>,
}

pub async fn form(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("password-title");
        let required = user.record.account.password_change_required;
        let body = render(&PasswordPage { page: &page, required, current_error: None, new_error: None })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// Changes the password; someone whose session ended meanwhile is sent to sign in.
pub async fn change(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    CheckedForm(form): CheckedForm<PasswordForm>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled("password-title");
        let Some(user) = page.user.clone() else {
            return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
        };
        let PasswordForm { current_password, new_password } = form;
        let required = user.record.account.password_change_required;
        let again = |current_error: Option<String>, new_error: Option<String>, status: StatusCode| {
            render(&PasswordPage { page: &page, required, current_error, new_error })
                .map(|body| html(status, body, cookies.clone()))
        };
        if current_password.is_empty() || new_password.is_empty() {
            let missing = || Some(page.t("error-required"));
            return again(
                current_password.is_empty().then(missing).flatten(),
                new_password.is_empty().then(missing).flatten(),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
        let (account, session) = (&user.record.account, &user.session);
        match accounts::set_own_password(&state, account, session, current_password, &new_password).await {
            Ok(()) => {
                let mut cookies = cookies.clone();
                cookies.push(notice("notice-password-changed"));
                Ok(see_other(&format!("/{lang}/"), cookies))
            }
            Err(UseCaseError::Invalid(violations)) => {
                let message = |field: &str| {
                    violations.iter().find(|v| v.field == field).map(|v| page.t(&format!("error-{}", v.code)))
                };
                again(message("current_password"), message("new_password"), StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(UseCaseError::RateLimited { .. }) => {
                again(Some(page.t("error-rate_limited")), None, StatusCode::TOO_MANY_REQUESTS)
            }
            Err(other) => Err(other.into()),
        }
    })
    .await
}

pub async fn revoke_unsubscribe_links(
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
        let id = user.record.account.id;
        state.write(move |c| mfx_store::unsubscribe::revoke(c, id)).await?;
        cookies.push(notice("notice-unsubscribe-links-revoked"));
        Ok::<_, ApiError>(see_other(&format!("/{lang}/account"), cookies))
    })
    .await
}
