//! Account administration for operators and the lead partner's coordinator: the accounts one
//! may manage (filtered by partner), a form creating one (its one-time password shown once, in
//! the answer to the post and never stored in a page address), and each account's page with
//! its details, a form changing name, role and partner, deactivation and reactivation, a new
//! one-time password, and its recent activity. Every change goes through the use cases of
//! `usecases::users`, as the JSON API's do; each form names the version it was read at.

use super::extract::{CheckedForm, Lang, Member, Visitor};
use super::{Page, html, notice, render, respond, see_other};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::Error as UseCaseError;
use crate::usecases::users::{self as admin, AccountUpdate, NewAccountInput};
use actix_web::cookie::Cookie;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use mfx_domain::policy::Member as Actor;
use mfx_domain::{Partner, UserId};
use mfx_store::accounts::AccountRecord;
use mfx_store::{accounts, partners};
use serde::Deserialize;
use std::collections::HashMap;

/// A partner as the forms offer it: slug (the value sent) and name (what is shown).
pub struct PartnerChoice {
    pub slug: String,
    pub name: String,
    /// The language the name is written in.
    pub lang: String,
}

async fn partner_choices(state: &AppState) -> Result<Vec<Partner>, ApiError> {
    state.read(partners::list).await
}

fn choices(partners: &[Partner]) -> Vec<PartnerChoice> {
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
fn partner_name(partners: &[Partner], slug: &str) -> String {
    partners.iter().find(|p| p.profile.slug.as_str() == slug).map(|p| p.profile.name_local.clone()).unwrap_or_default()
}

/// The language of a partner's name.
fn partner_lang(partners: &[Partner], slug: &str) -> String {
    partners.iter().find(|p| p.profile.slug.as_str() == slug).map(|p| p.profile.locale.to_string()).unwrap_or_default()
}

/// The signed-in member who may manage accounts; others get the 403 page.
fn manager(user: &crate::auth::CurrentUser) -> Result<Actor, ApiError> {
    let member = user.member();
    admin::require_directory(&member)?;
    Ok(member)
}

/// Field errors from a use case's refusal, translated.
fn field_errors(page: &Page, violations: &mfx_domain::Violations) -> Vec<(String, String)> {
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
        let body = render(&UsersPage { page: &page, rows, partners: choices(&all), partner })?;
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
fn secret_page(body: String, cookies: Vec<Cookie<'static>>) -> HttpResponse {
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
        let body =
            render(&NewUserPage { page: &page, roles: roles_for(&by, &all), partners: choices(&all), form, errors })?;
        Ok(html(status, body, cookies))
    })
    .await
}

// ------------------------------------------------------------------------------ one account

/// One event of the account's activity, in words.
pub struct EventView {
    pub at: DateTime<Utc>,
    pub who: String,
    pub what: String,
    /// For a change: each changed field, "label: old → new".
    pub changes: Vec<String>,
}

/// The values of the form changing an account, as typed (or as stored).
#[derive(Debug, Default, Deserialize)]
pub struct EditForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    partner: String,
    #[serde(default)]
    version: String,
}

#[derive(Template)]
#[template(path = "admin_user.html")]
pub struct UserPage<'a> {
    pub page: &'a Page,
    pub id: String,
    pub name: String,
    pub email: String,
    pub partner_name: String,
    pub partner_lang: String,
    pub role: &'static str,
    pub language: String,
    pub time_zone: String,
    pub active: bool,
    pub password_change_required: bool,
    pub created_at: DateTime<Utc>,
    pub version: i64,
    pub form: EditForm,
    pub partners: Vec<PartnerChoice>,
    pub roles: Vec<&'static str>,
    pub errors: Vec<(String, String)>,
    /// A refusal or conflict, translated.
    pub alert: Option<String>,
    pub may_deactivate: bool,
    pub events: Vec<EventView>,
}

impl UserPage<'_> {
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
    }
}

fn user_id(req: &HttpRequest) -> Result<UserId, ApiError> {
    req.match_info().get("id").unwrap_or_default().parse().map_err(|_| ApiError::not_found("account"))
}

/// The account `by` manages; another is refused.
async fn managed(state: &AppState, by: &Actor, id: UserId) -> Result<AccountRecord, ApiError> {
    let record = admin::find(state, by, id).await?;
    if !admin::may_manage(by, &record) {
        return Err(ApiError::forbidden());
    }
    Ok(record)
}

/// The account's recent events, in the page's language.
async fn events(state: &AppState, page: &Page, id: UserId, partners: &[Partner]) -> Result<Vec<EventView>, ApiError> {
    let recorded = admin::recent_activity(state, id, 20).await?;
    let mut actors: Vec<UserId> = recorded.iter().filter_map(|e| e.actor).collect();
    actors.sort_by_key(ToString::to_string);
    actors.dedup();
    let names: HashMap<UserId, String> = state
        .read(move |c| {
            let mut names = HashMap::new();
            for id in actors {
                if let Some(r) = accounts::find(c, id)? {
                    names.insert(id, r.account.display_name.as_str().to_owned());
                }
            }
            Ok(names)
        })
        .await?;
    let text =
        |value: &serde_json::Value, key: &str| value.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    let word = |field: &str, value: &str| match field {
        "role" => page.code("role-", value),
        "partner" => partner_name(partners, value),
        "language" => page.language_name(value),
        _ => value.to_owned(),
    };
    Ok(recorded
        .iter()
        .map(|e| {
            let who = e.actor.and_then(|a| names.get(&a).cloned()).unwrap_or_else(|| page.t("admin-event-platform"));
            let changes = match e.details.get("changes").and_then(|c| c.as_array()) {
                Some(list) if e.verb == "account_changed" => list
                    .iter()
                    .map(|c| {
                        let field = text(c, "field");
                        page.tr.args(
                            "admin-event-change",
                            &[
                                ("field", mfx_i18n::Arg::from(page.code("admin-field-", &field))),
                                ("from", mfx_i18n::Arg::from(word(&field, &text(c, "from")))),
                                ("to", mfx_i18n::Arg::from(word(&field, &text(c, "to")))),
                            ],
                        )
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let what = match e.verb.as_str() {
                "account_created" => page.tr.args(
                    "admin-event-created",
                    &[
                        ("role", mfx_i18n::Arg::from(page.code("role-", &text(&e.details, "role")))),
                        ("partner", mfx_i18n::Arg::from(partner_name(partners, &text(&e.details, "partner")))),
                    ],
                ),
                "account_changed" => page.t("admin-event-changed"),
                "account_deactivated" => page.t("admin-event-deactivated"),
                "account_reactivated" => page.t("admin-event-reactivated"),
                "account_password_reset" => page.t("admin-event-password-reset"),
                _ => page.t("admin-event-other"),
            };
            EventView { at: e.at, who, what, changes }
        })
        .collect())
}

/// The account page: the stored values, or the typed ones with their errors or an alert.
async fn user_page(
    state: &AppState,
    page: &Page,
    by: &Actor,
    record: &AccountRecord,
    typed: Option<EditForm>,
    errors: Vec<(String, String)>,
    alert: Option<String>,
) -> Result<String, ApiError> {
    let all = partner_choices(state).await?;
    let a = &record.account;
    let mut roles: Vec<&'static str> =
        admin::assignable_roles(by, Some(a.id), a.partner).into_iter().map(|r| r.as_str()).collect();
    if !roles.contains(&a.role.as_str()) {
        roles.insert(0, a.role.as_str());
    }
    let form = typed.unwrap_or_else(|| EditForm {
        display_name: a.display_name.as_str().to_owned(),
        role: a.role.as_str().to_owned(),
        partner: record.partner_slug.to_string(),
        version: record.version.to_string(),
    });
    let events = events(state, page, a.id, &all).await?;
    render(&UserPage {
        page,
        id: a.id.to_string(),
        name: a.display_name.as_str().to_owned(),
        email: a.email.to_string(),
        partner_name: partner_name(&all, record.partner_slug.as_str()),
        partner_lang: partner_lang(&all, record.partner_slug.as_str()),
        role: a.role.as_str(),
        language: a.locale.to_string(),
        time_zone: a.time_zone.to_string(),
        active: a.active,
        password_change_required: a.password_change_required,
        created_at: record.created_at,
        version: record.version,
        form: EditForm { version: record.version.to_string(), ..form },
        partners: choices(&all),
        roles,
        errors,
        alert,
        may_deactivate: admin::may_deactivate(by, record),
        events,
    })
}

pub async fn user(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (mut page, cookies, user) = member.titled("admin-user-title");
        let by = manager(&user)?;
        let record = managed(&state, &by, user_id(&req)?).await?;
        page.title = record.account.display_name.as_str().to_owned();
        let body = user_page(&state, &page, &by, &record, None, Vec::new(), None).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// The version a form was read at; one that is not a number is stale by definition.
fn version_of(form: &EditForm) -> i64 {
    form.version.trim().parse().unwrap_or(-1)
}

/// What to show for a refused change: field errors, or an alert, and the status.
fn refusal(page: &Page, error: UseCaseError) -> Result<(Vec<(String, String)>, Option<String>, StatusCode), ApiError> {
    Ok(match error {
        UseCaseError::Invalid(violations) => (field_errors(page, &violations), None, StatusCode::UNPROCESSABLE_ENTITY),
        UseCaseError::Forbidden => (Vec::new(), Some(page.t("admin-change-refused")), StatusCode::FORBIDDEN),
        UseCaseError::Stale { .. } => (Vec::new(), Some(page.t("admin-stale")), StatusCode::CONFLICT),
        UseCaseError::LastAdministrator { .. } => {
            (Vec::new(), Some(page.t("error-last_administrator")), StatusCode::CONFLICT)
        }
        other => return Err(other.into()),
    })
}

/// Which change a post on the account page asks for.
#[derive(Debug, Clone, Copy)]
enum Change {
    Details,
    Deactivate,
    Reactivate,
}

async fn change(
    state: &AppState,
    req: &HttpRequest,
    lang: mfx_domain::Locale,
    visitor: Visitor,
    form: EditForm,
    what: Change,
) -> Result<HttpResponse, ApiError> {
    let (mut page, cookies) = visitor.titled("admin-user-title");
    let Some(user) = page.user.clone() else {
        return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
    };
    let by = manager(&user)?;
    let id = user_id(req)?;
    let record = managed(state, &by, id).await?;
    page.title = record.account.display_name.as_str().to_owned();
    let (input, done) = match what {
        Change::Details => (
            AccountUpdate {
                display_name: Some(form.display_name.clone()),
                role: Some(form.role.clone()),
                partner: Some(form.partner.clone()),
                ..AccountUpdate::default()
            },
            "notice-admin-saved",
        ),
        Change::Deactivate => {
            (AccountUpdate { active: Some(false), ..AccountUpdate::default() }, "notice-admin-deactivated")
        }
        Change::Reactivate => {
            (AccountUpdate { active: Some(true), ..AccountUpdate::default() }, "notice-admin-reactivated")
        }
    };
    match admin::update(state, &by, id, input, Some(version_of(&form))).await {
        Ok(_) => {
            let mut cookies = cookies;
            cookies.push(notice(done));
            Ok(see_other(&format!("/{lang}/admin/users/{id}"), cookies))
        }
        Err(error) => {
            let (errors, alert, status) = refusal(&page, error)?;
            // The account as it is now, beside what was typed (kept for a change of details).
            let record = managed(state, &by, id).await?;
            let typed = matches!(what, Change::Details).then_some(form);
            let body = user_page(state, &page, &by, &record, typed, errors, alert).await?;
            Ok(html(status, body, cookies))
        }
    }
}

pub async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    CheckedForm(form): CheckedForm<EditForm>,
) -> HttpResponse {
    respond(&state, &req, lang, change(&state, &req, lang, visitor, form, Change::Details)).await
}

pub async fn deactivate(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    CheckedForm(form): CheckedForm<EditForm>,
) -> HttpResponse {
    respond(&state, &req, lang, change(&state, &req, lang, visitor, form, Change::Deactivate)).await
}

pub async fn reactivate(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    CheckedForm(form): CheckedForm<EditForm>,
) -> HttpResponse {
    respond(&state, &req, lang, change(&state, &req, lang, visitor, form, Change::Reactivate)).await
}

/// Issues a new one-time password and shows it once.
pub async fn reset_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    CheckedForm(form): CheckedForm<EditForm>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (mut page, cookies) = visitor.titled("admin-password-title");
        let Some(user) = page.user.clone() else {
            return Ok(see_other(&format!("/{lang}/sign-in"), cookies));
        };
        let by = manager(&user)?;
        let id = user_id(&req)?;
        managed(&state, &by, id).await?;
        match admin::reset_password(&state, &by, id, Some(version_of(&form))).await {
            Ok((record, password)) => {
                let body = render(&PasswordShownPage {
                    page: &page,
                    id: id.to_string(),
                    name: record.account.display_name.as_str().to_owned(),
                    email: record.account.email.to_string(),
                    password,
                    created: false,
                })?;
                Ok(secret_page(body, cookies))
            }
            Err(error) => {
                let (errors, alert, status) = refusal(&page, error)?;
                let record = managed(&state, &by, id).await?;
                page.title = record.account.display_name.as_str().to_owned();
                let body = user_page(&state, &page, &by, &record, None, errors, alert).await?;
                Ok(html(status, body, cookies))
            }
        }
    })
    .await
}
