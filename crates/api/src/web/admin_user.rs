//! One account's page, for those who manage it: its details, a form changing name, role and
//! partner within the policy, deactivation and reactivation, a new one-time password (shown
//! once), and its recent activity in words. Each form names the version it was read at; a
//! stale one is refused with a notice, nothing overwritten.

use super::admin::{
    PartnerChoice, PasswordShownPage, choices, field_errors, manager, partner_choices, partner_lang, partner_name,
    secret_page,
};
use super::extract::{CheckedForm, Lang, Member, Visitor};
use super::{Page, html, notice, render, respond, see_other};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::Error as UseCaseError;
use crate::usecases::users::{self as admin, AccountUpdate};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use mfx_domain::policy::Member as Actor;
use mfx_domain::{Partner, UserId};
use mfx_store::accounts;
use mfx_store::accounts::AccountRecord;
use serde::Deserialize;
use std::collections::HashMap;

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
                        // Past its retention period a name's old and new values are cleared.
                        if c.get("from").is_none() && c.get("to").is_none() {
                            return page.t1("admin-event-change-cleared", "field", &page.code("admin-field-", &field));
                        }
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
        time_zone: mfx_i18n::zone_city(page.lang, a.time_zone.as_str()),
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

/// Field errors (field, message), translated.
type FieldErrors = Vec<(String, String)>;

/// What to show for a refused change: field errors, or an alert, and the status.
fn refusal(page: &Page, error: UseCaseError) -> Result<(FieldErrors, Option<String>, StatusCode), ApiError> {
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
