//! Account administration for operators and the lead partner's coordinator: the accounts one
//! may manage (filtered by partner), and a form creating one (its one-time password shown once,
//! in the answer to the post and never stored in a page address). Each account's own page is in
//! `admin_user`. Every change goes through the use cases of `usecases::users`, as the JSON
//! API's do.

use super::extract::{CheckedForm, Lang, Member, Visitor};
use super::{Page, html, render, respond, see_other};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::Error as UseCaseError;
use crate::usecases::users::{self as admin, NewAccountInput};
use actix_web::cookie::Cookie;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::Partner;
use mfx_domain::policy::Member as Actor;
use mfx_store::partners;
use serde::Deserialize;

/// A partner as the forms offer it: slug (the value sent) and name (what is shown).
pub struct PartnerChoice {
    pub slug: String,
    pub name: String,
    /// The language the name is written in.
    pub lang: String,
}

pub(super) async fn partner_choices(state: &AppState) -> Result<Vec<Partner>, ApiError> {
    state.read(partners::list).await
}

pub(super) fn choices(partners: &[Partner]) -> Vec<PartnerChoice> {
    partners
        .iter()
        .map(|p| PartnerChoice {
            slug: p.profile.slug.to_string(),
            name: p.profile.name_local.clone(),
            lang: p.profile.locale.to_string(),
        })
        .collect()
}

/// A partner's name, in its own language.
pub(super) fn partner_name(partners: &[Partner], slug: &str) -> String {
    partners.iter().find(|p| p.profile.slug.as_str() == slug).map(|p| p.profile.name_local.clone()).unwrap_or_default()
}

/// The language of a partner's name.
pub(super) fn partner_lang(partners: &[Partner], slug: &str) -> String {
    partners.iter().find(|p| p.profile.slug.as_str() == slug).map(|p| p.profile.locale.to_string()).unwrap_or_default()
}

/// The signed-in member who may manage accounts; others get the 403 page.
pub(super) fn manager(user: &crate::auth::CurrentUser) -> Result<Actor, ApiError> {
    let member = user.member();
    admin::require_directory(&member)?;
    Ok(member)
}

/// Field errors from a use case's refusal, translated.
pub(super) fn field_errors(page: &Page, violations: &mfx_domain::Violations) -> Vec<(String, String)> {
    violations.iter().map(|v| (v.field.clone(), page.t(&format!("error-{}", v.code)))).collect()
}

// ------------------------------------------------------------------------------ the list

pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub partner: String,
    pub partner_lang: String,
    pub role: &'static str,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
pub struct UsersPage<'a> {
    pub page: &'a Page,
    pub rows: Vec<AccountRow>,
    pub partners: Vec<PartnerChoice>,
    /// The partner the list is filtered by (slug), or empty.
    pub partner: String,
    /// How many requests to erase an account wait for this reader.
    pub erasures: usize,
}

#[derive(Debug, Deserialize)]
pub struct UsersFilter {
    #[serde(default)]
    partner: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    filter: web::Query<UsersFilter>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("admin-users-title");
        let by = manager(&user)?;
        let all = partner_choices(&state).await?;
        // An unknown partner shows every account rather than an empty list.
        let chosen = filter.partner.as_deref().and_then(|s| all.iter().find(|p| p.profile.slug.as_str() == s));
        let records = admin::manageable(&state, &by, chosen.map(|p| p.id)).await?;
        let rows = records
            .iter()
            .map(|r| AccountRow {
                id: r.account.id.to_string(),
                name: r.account.display_name.as_str().to_owned(),
                email: r.account.email.to_string(),
                partner: partner_name(&all, r.partner_slug.as_str()),
                partner_lang: partner_lang(&all, r.partner_slug.as_str()),
                role: r.account.role.as_str(),
                active: r.account.active,
            })
            .collect();
        let partner = chosen.map(|p| p.profile.slug.to_string()).unwrap_or_default();
        let erasures = super::account_data::waiting(&state, &by).await?;
        let body = render(&UsersPage { page: &page, rows, partners: choices(&all), partner, erasures })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

// ------------------------------------------------------------------------------ creating

/// The fields of the new-account form, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct NewUserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    partner: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    time_zone: String,
}

#[derive(Template)]
#[template(path = "admin_user_new.html")]
pub struct NewUserPage<'a> {
    pub page: &'a Page,
    pub partners: Vec<PartnerChoice>,
    pub roles: Vec<&'static str>,
    pub form: NewUserForm,
    pub errors: Vec<(String, String)>,
    /// The zones to choose from, cities named in the page's language.
    pub zones: std::sync::Arc<mfx_i18n::ZoneList>,
}

impl NewUserPage<'_> {
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
    }
}

/// The roles `by` may give to an account of any partner.
fn roles_for(by: &Actor, partners: &[Partner]) -> Vec<&'static str> {
    let mut roles: Vec<&'static str> = Vec::new();
    for p in partners {
        for role in admin::assignable_roles(by, None, p.id) {
            if !roles.contains(&role.as_str()) {
                roles.push(role.as_str());
            }
        }
    }
    roles
}

pub async fn new_form(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("admin-new-title");
        let by = manager(&user)?;
        let all = partner_choices(&state).await?;
        let form = NewUserForm { role: "editor".into(), ..NewUserForm::default() };
        let body = render(&NewUserPage {
            page: &page,
            roles: roles_for(&by, &all),
            partners: choices(&all),
            form,
            errors: Vec::new(),
            zones: mfx_i18n::zone_list(page.lang),
        })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// The page showing a one-time password once.
#[derive(Template)]
#[template(path = "admin_user_password.html")]
pub struct PasswordShownPage<'a> {
    pub page: &'a Page,
    pub id: String,
    pub name: String,
    pub email: String,
    pub password: String,
    /// The account was just created (else its password was replaced).
    pub created: bool,
}

/// The answer carrying a one-time password: never cached, never stored.
pub(super) fn secret_page(body: String, cookies: Vec<Cookie<'static>>) -> HttpResponse {
    let mut response = html(StatusCode::OK, body, cookies);
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    response
}

pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    CheckedForm(form): CheckedForm<NewUserForm>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled("admin-new-title");
        let Some(user) = page.user.clone() else {
            return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
        };
        let by = manager(&user)?;
        let all = partner_choices(&state).await?;
        let optional = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        let input = NewAccountInput {
            email: form.email.clone(),
            display_name: Some(form.display_name.clone()),
            partner: form.partner.clone(),
            role: form.role.clone(),
            language: optional(&form.language),
            time_zone: optional(&form.time_zone),
            password: None,
        };
        let (errors, status) = match admin::create(&state, &by, input).await {
            Ok(created) => {
                let record = created.record;
                let body = render(&PasswordShownPage {
                    page: &page,
                    id: record.account.id.to_string(),
                    name: record.account.display_name.as_str().to_owned(),
                    email: record.account.email.to_string(),
                    password: created.initial_password.unwrap_or_default(),
                    created: true,
                })?;
                return Ok(secret_page(body, cookies));
            }
            Err(UseCaseError::Invalid(violations)) => {
                (field_errors(&page, &violations), StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(UseCaseError::Conflict { field, code }) => {
                (vec![(field.to_owned(), page.t(&format!("error-{code}")))], StatusCode::CONFLICT)
            }
            Err(UseCaseError::Forbidden) => {
                (vec![("role".to_owned(), page.t("admin-role-refused"))], StatusCode::FORBIDDEN)
            }
            Err(other) => return Err(other.into()),
        };
        let body = render(&NewUserPage {
            page: &page,
            roles: roles_for(&by, &all),
            partners: choices(&all),
            form,
            errors,
            zones: mfx_i18n::zone_list(page.lang),
        })?;
        Ok(html(status, body, cookies))
    })
    .await
}
