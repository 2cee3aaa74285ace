//! Pages that write: the create and edit forms of each kind, the side-by-side translation
//! editor, and workflow moves. Forms post, and a success redirects (303) to the document;
//! invalid input shows the form again with each error next to its field.

use super::pages::kind_of;
use super::session::csrf_ok;
use super::{Page, context, html, locale, notice, render, respond, see_other};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::documents::{self as service, TransitionInput, TranslationInput};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::content::DocumentInput;
use mfx_domain::document::{Kind, Origin};
use mfx_domain::vocabulary::{
    ACTION_ITEM_STATUSES, INSTRUMENTS, MEETING_TYPES, PLAN_ACTION_STATUSES, TARGET_GROUPS, THEMES,
};
use mfx_domain::{Error, FieldError, Locale, Violations};
use mfx_store::documents::DocumentRecord;
use serde_json::{Map, Value, json};

const PRACTICE_TEXTS: &[&str] = &[
    "title",
    "summary",
    "problem",
    "description",
    "resources",
    "timescale",
    "evidence_of_success",
    "difficulties",
    "transfer_potential",
    "stakeholders",
];
const MEETING_TEXTS: &[&str] = &["title", "agenda", "discussion", "decisions"];
const PLAN_TEXTS: &[&str] = &["title", "summary", "policy_context"];
const ACTION_TEXTS: &[&str] = &["title", "background", "description", "players", "funding_sources", "indicators"];

fn text_fields(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Practice => PRACTICE_TEXTS,
        Kind::MeetingNote => MEETING_TEXTS,
        Kind::ActionPlan => PLAN_TEXTS,
    }
}

/// What a form holds: the submitted (or stored) values and the errors to show.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    pub values: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
    pub general: Option<String>,
}

impl FormState {
    pub fn value(&self, name: &str) -> String {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.values.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }

    pub fn checked(&self, name: &str, code: &str) -> bool {
        self.values.iter().any(|(n, v)| n == name && v == code)
    }

    pub fn row(&self, prefix: &str, index: &usize, field: &str) -> String {
        self.value(&format!("{prefix}-{index}-{field}"))
    }

    pub fn row_checked(&self, prefix: &str, index: &usize, field: &str, code: &str) -> bool {
        self.checked(&format!("{prefix}-{index}-{field}"), code)
    }

    pub fn error(&self, name: &str) -> Option<String> {
        self.errors.iter().find(|(n, _)| n == name).map(|(_, m)| m.clone())
    }

    pub fn row_error(&self, prefix: &str, index: &usize, field: &str) -> Option<String> {
        self.error(&format!("{prefix}-{index}-{field}"))
    }

    fn set(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        if !value.is_empty() {
            self.values.push((name.to_owned(), value));
        }
    }

    fn rows(&self, prefix: &str) -> usize {
        let start = format!("{prefix}-");
        self.values
            .iter()
            .filter_map(|(n, _)| n.strip_prefix(&start)?.split('-').next()?.parse::<usize>().ok())
            .max()
            .map_or(0, |m| m + 1)
    }
}

/// The form field an error of the domain belongs to.
fn form_field(path: &str) -> String {
    let path = path.strip_prefix("text.").unwrap_or(path);
    let indexed = |rest: &str, prefix: &str| -> Option<String> {
        let (index, field) = rest.split_once("].")?;
        let field = field.split('[').next().unwrap_or(field);
        Some(format!("{prefix}-{index}-{field}"))
    };
    if let Some(rest) = path.strip_prefix("action_items[") {
        return indexed(rest, "item").unwrap_or_else(|| "action_items".into());
    }
    if let Some(rest) = path.strip_prefix("actions[") {
        return indexed(rest, "action").unwrap_or_else(|| "actions".into());
    }
    if let Some(rest) = path.strip_prefix("contact.") {
        return format!("contact_{rest}");
    }
    for prefix in ["location.", "evidence."] {
        if let Some(rest) = path.strip_prefix(prefix) {
            return rest.to_owned();
        }
    }
    path.split('[').next().unwrap_or(path).to_owned()
}

fn violations_to_form(page: &Page, violations: &Violations, form: &mut FormState) {
    for v in violations.iter() {
        let field = form_field(&v.field);
        let message = page.t(&format!("error-{}", v.code));
        if !form.errors.iter().any(|(f, _)| *f == field) {
            form.errors.push((field, message));
        }
    }
    form.general = Some(page.t("form-has-errors"));
}

fn parse_pairs(body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .map_err(|e| ApiError::BadRequest { code: "malformed_form", detail: e.to_string() })
}

fn number(form: &FormState, name: &str, v: &mut Violations) -> Value {
    let raw = form.value(name).replace([' ', '\u{202f}'], "");
    if raw.is_empty() {
        return Value::Null;
    }
    match raw.replace(',', ".").parse::<f64>() {
        Ok(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
            #[expect(clippy::cast_possible_truncation, reason = "whole numbers below 2^53")]
            let whole = n as i64;
            json!(whole)
        }
        Ok(n) => json!(n),
        Err(_) => {
            v.push(FieldError::new(name, "invalid_number", "not a number"));
            Value::Null
        }
    }
}

fn text_or_null(form: &FormState, name: &str) -> Value {
    let value = form.value(name);
    if value.trim().is_empty() { Value::Null } else { Value::String(value) }
}

/// The JSON body of a kind, from a form, and the fields that could not be read (numbers, times).
fn to_json(kind: Kind, form: &FormState) -> (Value, Violations) {
    let mut v = Violations::new();
    let mut text = Map::new();
    for field in text_fields(kind) {
        text.insert((*field).to_owned(), Value::String(form.value(field)));
    }
    let mut body = Map::new();
    body.insert("visibility".into(), Value::String(form.value("visibility")));
    body.insert("themes".into(), json!(form.all("themes")));
    match kind {
        Kind::Practice => {
            body.insert("target_groups".into(), json!(form.all("target_groups")));
            body.insert("instruments".into(), json!(form.all("instruments")));
            body.insert(
                "location".into(),
                json!({ "country": form.value("country").to_uppercase(), "region": form.value("region"), "city": form.value("city") }),
            );
            body.insert("start_year".into(), number(form, "start_year", &mut v));
            body.insert("end_year".into(), number(form, "end_year", &mut v));
            body.insert(
                "evidence".into(),
                json!({
                    "instrument_type": text_or_null(form, "instrument_type"),
                    "loan_size_min_eur": number(form, "loan_size_min_eur", &mut v),
                    "loan_size_max_eur": number(form, "loan_size_max_eur", &mut v),
                    "beneficiaries_reached": number(form, "beneficiaries_reached", &mut v),
                    "funding_source": text_or_null(form, "funding_source"),
                    "repayment_rate_percent": number(form, "repayment_rate_percent", &mut v),
                }),
            );
            body.insert(
                "contact".into(),
                json!({ "name": form.value("contact_name"), "organisation": form.value("contact_organisation"), "email": text_or_null(form, "contact_email") }),
            );
            let links: Vec<String> =
                form.value("links").lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
            body.insert("links".into(), json!(links));
        }
        Kind::MeetingNote => {
            body.insert("meeting_type".into(), Value::String(form.value("meeting_type")));
            for field in ["starts_at", "ends_at"] {
                let raw = form.value(field);
                let full = if raw.len() == 16 { format!("{raw}:00") } else { raw };
                if chrono::NaiveDateTime::parse_from_str(&full, "%Y-%m-%dT%H:%M:%S").is_err() {
                    v.push(FieldError::new(field, "invalid_time", "a date and time"));
                    body.insert(field.into(), Value::String("2000-01-01T00:00:00".into()));
                } else {
                    body.insert(field.into(), Value::String(full));
                }
            }
            body.insert("time_zone".into(), Value::String(form.value("time_zone")));
            body.insert("place".into(), Value::String(form.value("place")));
            body.insert("online_url".into(), text_or_null(form, "online_url"));
            let attendees: Vec<Value> = form
                .value("attendees")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|line| {
                    let (name, organisation) = line
                        .split_once(" — ")
                        .or_else(|| line.split_once(" - "))
                        .or_else(|| line.split_once(','))
                        .unwrap_or((line, ""));
                    json!({ "name": name.trim(), "organisation": organisation.trim() })
                })
                .collect();
            body.insert("attendees".into(), Value::Array(attendees));
            let mut items = Vec::new();
            for n in 0..form.rows("item") {
                let title = form.row("item", &n, "title");
                if title.trim().is_empty() {
                    continue;
                }
                let due = form.row("item", &n, "due_on");
                items.push(json!({
                    "id": text_or_null(form, &format!("item-{n}-id")),
                    "title": title,
                    "assignee": text_or_null(form, &format!("item-{n}-assignee")),
                    "due_on": if due.is_empty() { Value::Null } else { Value::String(due) },
                    "status": form.row("item", &n, "status"),
                }));
            }
            body.insert("action_items".into(), Value::Array(items));
        }
        Kind::ActionPlan => {
            body.insert("policy_instrument".into(), Value::String(form.value("policy_instrument")));
            body.insert("region".into(), Value::String(form.value("region")));
            let mut actions = Vec::new();
            let mut texts = Vec::new();
            for n in 0..form.rows("action") {
                let title = form.row("action", &n, "title");
                if title.trim().is_empty() {
                    continue;
                }
                let date = |field: &str| {
                    let raw = form.row("action", &n, field);
                    if raw.is_empty() { Value::Null } else { Value::String(raw) }
                };
                let progress = number(form, &format!("action-{n}-progress_percent"), &mut v);
                actions.push(json!({
                    "id": text_or_null(form, &format!("action-{n}-id")),
                    "status": form.row("action", &n, "status"),
                    "progress_percent": if progress.is_null() { json!(0) } else { progress },
                    "starts_on": date("starts_on"),
                    "ends_on": date("ends_on"),
                    "estimated_cost_eur": number(form, &format!("action-{n}-estimated_cost_eur"), &mut v),
                    "inspired_by": form.all(&format!("action-{n}-inspired_by")),
                }));
                let mut action_text = Map::new();
                for field in ACTION_TEXTS {
                    action_text.insert((*field).to_owned(), Value::String(form.row("action", &n, field)));
                }
                texts.push(Value::Object(action_text));
            }
            body.insert("actions".into(), Value::Array(actions));
            text.insert("actions".into(), Value::Array(texts));
        }
    }
    body.insert("text".into(), Value::Object(text));
    // Ids of existing rows travel as text; drop empty ones.
    for list in ["action_items", "actions"] {
        if let Some(Value::Array(rows)) = body.get_mut(list) {
            for row in rows {
                if let Some(object) = row.as_object_mut()
                    && object.get("id").is_some_and(Value::is_null)
                {
                    object.remove("id");
                }
            }
        }
    }
    (Value::Object(body), v)
}

/// Parses and checks a form's document; every problem is reported, the form's own and the
/// domain's together.
fn checked_input(kind: Kind, mut value: Value, mut unreadable: Violations) -> Result<(DocumentInput, Value), ApiError> {
    let input = DocumentInput::from_value(kind, value.clone());
    let problems = match &input {
        Ok(input) => input.clone().validate().err(),
        Err(v) => Some(v.clone()),
    };
    match (input, problems) {
        (Ok(input), None) if unreadable.is_empty() => {
            if let Some(object) = value.as_object_mut() {
                object.remove("language");
            }
            Ok((input, value))
        }
        (_, problems) => {
            for problem in problems.iter().flat_map(|p| p.iter()) {
                unreadable.push(problem.clone());
            }
            Err(ApiError::invalid(unreadable))
        }
    }
}

/// The form values of a stored document.
fn from_record(record: &DocumentRecord) -> FormState {
    let mut form = FormState::default();
    let s = &record.summary;
    let Ok(input) = record.stored_input() else { return form };
    let value = input.to_value();
    form.set("visibility", s.visibility.as_str());
    for theme in &s.themes {
        form.set("themes", theme.clone());
    }
    let text = &value["text"];
    for field in text_fields(s.kind) {
        form.set(field, text[*field].as_str().unwrap_or_default());
    }
    let d = &value;
    let as_text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    match s.kind {
        Kind::Practice => {
            for code in d["target_groups"].as_array().into_iter().flatten() {
                form.set("target_groups", as_text(code));
            }
            for code in d["instruments"].as_array().into_iter().flatten() {
                form.set("instruments", as_text(code));
            }
            for field in ["country", "region", "city"] {
                form.set(field, as_text(&d["location"][field]));
            }
            for field in ["start_year", "end_year"] {
                form.set(field, as_text(&d[field]));
            }
            for field in [
                "instrument_type",
                "loan_size_min_eur",
                "loan_size_max_eur",
                "beneficiaries_reached",
                "funding_source",
                "repayment_rate_percent",
            ] {
                form.set(field, as_text(&d["evidence"][field]));
            }
            for field in ["name", "organisation", "email"] {
                form.set(&format!("contact_{field}"), as_text(&d["contact"][field]));
            }
            let links: Vec<String> = d["links"].as_array().into_iter().flatten().map(as_text).collect();
            form.set("links", links.join("\n"));
        }
        Kind::MeetingNote => {
            for field in ["meeting_type", "time_zone", "place", "online_url"] {
                form.set(field, as_text(&d[field]));
            }
            for field in ["starts_at", "ends_at"] {
                form.set(field, as_text(&d[field]).chars().take(16).collect::<String>());
            }
            let attendees: Vec<String> = d["attendees"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| {
                    let org = as_text(&a["organisation"]);
                    if org.is_empty() { as_text(&a["name"]) } else { format!("{} — {org}", as_text(&a["name"])) }
                })
                .collect();
            form.set("attendees", attendees.join("\n"));
            for (n, item) in record.action_items.iter().enumerate() {
                form.set(&format!("item-{n}-id"), item.id.to_string());
                form.set(&format!("item-{n}-title"), item.title.clone());
                form.set(&format!("item-{n}-assignee"), item.assignee.clone().unwrap_or_default());
                form.set(&format!("item-{n}-due_on"), item.due_on.map(|d| d.to_string()).unwrap_or_default());
                form.set(&format!("item-{n}-status"), item.status.clone());
            }
        }
        Kind::ActionPlan => {
            form.set("policy_instrument", as_text(&d["policy_instrument"]));
            form.set("region", as_text(&d["region"]));
            for (n, action) in record.actions.iter().enumerate() {
                form.set(&format!("action-{n}-id"), action.id.to_string());
                form.set(&format!("action-{n}-status"), action.status.clone());
                form.set(&format!("action-{n}-progress_percent"), action.progress_percent.to_string());
                form.set(&format!("action-{n}-starts_on"), action.starts_on.map(|d| d.to_string()).unwrap_or_default());
                form.set(&format!("action-{n}-ends_on"), action.ends_on.map(|d| d.to_string()).unwrap_or_default());
                form.set(
                    &format!("action-{n}-estimated_cost_eur"),
                    action.estimated_cost_eur.map(|c| c.to_string()).unwrap_or_default(),
                );
                for practice in &action.inspired_by {
                    form.set(&format!("action-{n}-inspired_by"), practice.to_string());
                }
                for field in ACTION_TEXTS {
                    form.set(&format!("action-{n}-{field}"), text["actions"][n][*field].as_str().unwrap_or_default());
                }
            }
        }
    }
    form
}

#[derive(Template)]
#[template(path = "doc_form.html")]
pub struct DocumentForm<'a> {
    pub page: &'a Page,
    pub kind: Kind,
    pub action: String,
    pub creating: bool,
    pub version: i64,
    pub form: FormState,
    pub partners: Vec<mfx_domain::Partner>,
    /// Practices to cite: id, label, language of the label.
    pub practices: Vec<(String, String, String)>,
    pub item_rows: Vec<usize>,
    pub action_rows: Vec<usize>,
    pub themes: &'static [&'static str],
    pub target_groups: &'static [&'static str],
    pub instruments: &'static [&'static str],
    pub meeting_types: &'static [&'static str],
    pub item_statuses: &'static [&'static str],
    pub action_statuses: &'static [&'static str],
}

async fn form_page(
    state: &AppState,
    page: &Page,
    kind: Kind,
    action: String,
    creating: bool,
    version: i64,
    form: FormState,
) -> Result<String, ApiError> {
    let partners = state.read(mfx_store::partners::list).await?;
    let practices = if kind == Kind::ActionPlan {
        let query = service::ListQuery {
            lang: Some(page.lang.to_string()),
            partner: None,
            theme: None,
            status: Some("published".into()),
            updated_since: None,
            cursor: None,
            limit: Some(100),
        };
        let maybe = crate::auth::MaybeUser(page.user.clone());
        service::list_for(state, &maybe, Some(Kind::Practice), query, page.lang)
            .await?
            .items
            .into_iter()
            .map(|i| (i.id.to_string(), format!("{} ({})", i.title, i.partner), i.language.to_owned()))
            .collect()
    } else {
        Vec::new()
    };
    let item_rows = (0..form.rows("item") + 3).collect();
    let action_rows = (0..form.rows("action") + 1).collect();
    render(&DocumentForm {
        page,
        kind,
        action,
        creating,
        version,
        form,
        partners,
        practices,
        item_rows,
        action_rows,
        themes: THEMES,
        target_groups: TARGET_GROUPS,
        instruments: INSTRUMENTS,
        meeting_types: MEETING_TYPES,
        item_statuses: ACTION_ITEM_STATUSES,
        action_statuses: PLAN_ACTION_STATUSES,
    })
}

fn require_user(page: &Page) -> Result<CurrentUser, ApiError> {
    page.user.clone().ok_or(ApiError::Unauthenticated("sign in"))
}

fn new_title(kind: Kind) -> String {
    format!("new-{}", kind.as_str())
}

pub async fn new_form(state: web::Data<AppState>, req: HttpRequest, path: web::Path<(String, String)>) -> HttpResponse {
    let (lang, collection) = path.into_inner();
    let lang = locale(&lang);
    let kind = kind_of(&collection);
    respond(&state, &req, lang, async {
        let (page, cookies) = context(&state, &req, lang, &new_title(kind)).await?;
        let Ok(user) = require_user(&page) else { return Ok(see_other(&format!("/{lang}/sign-in"), cookies)) };
        let mut form = FormState::default();
        let own = user.record.account.partner;
        let partner = state.read(move |c| mfx_store::partners::find(c, own)).await?;
        form.set("language", partner.map(|p| p.profile.locale.to_string()).unwrap_or_default());
        form.set("visibility", "partnership");
        if kind == Kind::MeetingNote {
            form.set("time_zone", user.record.account.time_zone.to_string());
            form.set("meeting_type", "stakeholder_meeting");
        }
        let action = format!("/{lang}/{collection}/new");
        let body = form_page(&state, &page, kind, action, true, 0, form).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> HttpResponse {
    let (lang, collection) = path.into_inner();
    let lang = locale(&lang);
    let kind = kind_of(&collection);
    respond(&state, &req, lang, async {
        let (page, cookies) = context(&state, &req, lang, &new_title(kind)).await?;
        let user = require_user(&page)?;
        let mut form = FormState { values: parse_pairs(&body)?, ..FormState::default() };
        if !csrf_ok(&req, Some(&form.value("csrf"))) {
            return Err(ApiError::forbidden());
        }
        let (mut value, unreadable) = to_json(kind, &form);
        if let Some(object) = value.as_object_mut() {
            object.insert("language".into(), Value::String(form.value("language")));
        }
        let outcome = match checked_input(kind, value, unreadable) {
            Ok((input, _)) => service::create_document(&state, &user, input).await,
            Err(error) => Err(error),
        };
        match outcome {
            Ok(record) => {
                let mut cookies = cookies;
                cookies.push(notice("notice-created"));
                Ok(see_other(&format!("/{lang}/{collection}/{}", record.summary.id), cookies))
            }
            Err(ApiError::Domain(Error::Invalid(violations))) => {
                violations_to_form(&page, &violations, &mut form);
                let action = format!("/{lang}/{collection}/new");
                let body = form_page(&state, &page, kind, action, true, 0, form).await?;
                Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies))
            }
            Err(other) => Err(other),
        }
    })
    .await
}

pub async fn edit_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
) -> HttpResponse {
    let (lang, collection, id) = path.into_inner();
    let lang = locale(&lang);
    let kind = kind_of(&collection);
    respond(&state, &req, lang, async {
        let (mut page, cookies) = context(&state, &req, lang, "edit-title").await?;
        let user = require_user(&page)?;
        let doc_id = id.parse().map_err(|_| ApiError::not_found("document"))?;
        let record = crate::routes::review::editable(&state, &user.actor(), kind, doc_id).await?;
        let s = &record.summary;
        let resource =
            mfx_domain::policy::Resource::Document { owner: s.partner, status: s.status, visibility: s.visibility };
        if !mfx_domain::policy::permits(&user.actor(), mfx_domain::policy::Action::Update, &resource) {
            return Err(ApiError::forbidden());
        }
        page.title = page.t1("edit-of", "title", s.original().map(|t| t.texts.title()).unwrap_or_default());
        let form = from_record(&record);
        let action = format!("/{lang}/{collection}/{id}/edit");
        let body = form_page(&state, &page, kind, action, false, s.version, form).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

pub async fn edit(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
    body: web::Bytes,
) -> HttpResponse {
    let (lang, collection, id) = path.into_inner();
    let lang = locale(&lang);
    let kind = kind_of(&collection);
    respond(&state, &req, lang, async {
        let (mut page, cookies) = context(&state, &req, lang, "edit-title").await?;
        let user = require_user(&page)?;
        let mut form = FormState { values: parse_pairs(&body)?, ..FormState::default() };
        if !csrf_ok(&req, Some(&form.value("csrf"))) {
            return Err(ApiError::forbidden());
        }
        let version: i64 = form.value("version").parse().unwrap_or(0);
        let (value, unreadable) = to_json(kind, &form);
        let outcome = match checked_input(kind, value, unreadable) {
            Ok((_, value)) => service::edit_document(&state, &user, kind, &id, version, &value).await,
            Err(error) => Err(error),
        };
        match outcome {
            Ok(_) => {
                let mut cookies = cookies;
                cookies.push(notice("notice-saved"));
                Ok(see_other(&format!("/{lang}/{collection}/{id}"), cookies))
            }
            Err(ApiError::Domain(Error::Invalid(violations))) => {
                violations_to_form(&page, &violations, &mut form);
                page.title = page.t("edit-title");
                let action = format!("/{lang}/{collection}/{id}/edit");
                let body = form_page(&state, &page, kind, action, false, version, form).await?;
                Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies))
            }
            Err(ApiError::Domain(Error::StaleVersion { current, .. })) => {
                form.general = Some(page.t("error-stale_version"));
                let action = format!("/{lang}/{collection}/{id}/edit");
                let body = form_page(&state, &page, kind, action, false, current, form).await?;
                Ok(html(StatusCode::CONFLICT, body, cookies))
            }
            Err(other) => Err(other),
        }
    })
    .await
}

#[derive(Debug, serde::Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    comment: Option<String>,
    #[serde(default)]
    version: Option<i64>,
    #[serde(default)]
    csrf: Option<String>,
}

pub async fn transition(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
    form: web::Form<MoveForm>,
) -> HttpResponse {
    let (lang, collection, id) = path.into_inner();
    let lang = locale(&lang);
    let kind = kind_of(&collection);
    respond(&state, &req, lang, async {
        let (page, cookies) = context(&state, &req, lang, "document-title").await?;
        let user = require_user(&page)?;
        let form = form.into_inner();
        if !csrf_ok(&req, form.csrf.as_deref()) {
            return Err(ApiError::forbidden());
        }
        let input = TransitionInput { to: form.to, comment: form.comment };
        let mut cookies = cookies;
        match service::move_document(&state, &user, kind, &id, input, form.version).await {
            Ok(_) => cookies.push(notice("notice-moved")),
            Err(ApiError::Domain(Error::Invalid(_))) => cookies.push(notice("notice-move-needs-comment")),
            Err(ApiError::Domain(Error::StaleVersion { .. })) => cookies.push(notice("notice-changed-meanwhile")),
            Err(other) => return Err(other),
        }
        Ok(see_other(&format!("/{lang}/{collection}/{id}"), cookies))
    })
    .await
}

// ---------------------------------------------------------------- translation editor

/// One field of the side-by-side editor.
pub struct TranslateField {
    pub name: String,
    pub label: String,
    pub original: String,
    pub value: String,
    pub multiline: bool,
    /// The original changed since the translation was made.
    pub outdated: bool,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "translate.html")]
pub struct TranslatePage<'a> {
    pub page: &'a Page,
    pub collection: String,
    pub id: String,
    pub target: Locale,
    pub original_language: String,
    pub title: String,
    pub fields: Vec<TranslateField>,
    pub origin: String,
    pub general: Option<String>,
}

async fn translate_view(
    state: &AppState,
    page: &Page,
    record: &DocumentRecord,
    collection: &str,
    target: Locale,
    submitted: Option<&FormState>,
) -> Result<(String, bool), ApiError> {
    let s = &record.summary;
    let original = s.original().ok_or_else(|| ApiError::internal("no original"))?;
    let existing = s.text(target);
    // Fields of the original changed after the translation was last saved.
    let mut changed: Vec<String> = Vec::new();
    if let Some(existing) = existing {
        let doc = s.id;
        let revisions = state.read(move |c| mfx_store::documents::revisions(c, doc)).await?;
        for revision in revisions.iter().filter(|r| r.action == "edited" && r.at > existing.updated_at) {
            for key in revision.changes.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default() {
                if let Some(field) = key.strip_prefix("text.") {
                    changed.push(field.to_owned());
                }
            }
        }
    }
    let outdated_all = existing.is_some_and(|t| t.source_version < s.content_version);
    let original_value = original.texts.to_value();
    let existing_value = existing.map(|t| t.texts.to_value()).unwrap_or(Value::Null);
    let mut fields = Vec::new();
    let mut push = |name: String, label: String, from: &Value, current: &Value, multiline: bool, changed_key: &str| {
        let value = match submitted {
            Some(form) => form.value(&name),
            None => current.as_str().unwrap_or_default().to_owned(),
        };
        let error = submitted.and_then(|f| f.error(&name));
        let outdated =
            existing.is_some() && outdated_all && (changed.iter().any(|c| c == changed_key) || changed.is_empty());
        fields.push(TranslateField {
            name,
            label,
            original: from.as_str().unwrap_or_default().to_owned(),
            value,
            multiline,
            outdated,
            error,
        });
    };
    for field in text_fields(s.kind) {
        push(
            (*field).to_owned(),
            page.code("field-", field),
            &original_value[*field],
            &existing_value[*field],
            *field != "title",
            field,
        );
    }
    if s.kind == Kind::ActionPlan {
        for n in 0..record.actions.len() {
            for field in ACTION_TEXTS {
                let label = format!("{} {} · {}", page.t("field-action"), n + 1, page.code("field-", field));
                push(
                    format!("action-{n}-{field}"),
                    label,
                    &original_value["actions"][n][*field],
                    &existing_value["actions"][n][*field],
                    *field != "title",
                    "actions",
                );
            }
        }
    }
    let origin = submitted
        .map(|f| f.value("origin"))
        .or_else(|| existing.map(|t| t.origin.as_str().to_owned()))
        .unwrap_or_else(|| "human".into());
    let general = submitted.and_then(|f| f.general.clone());
    let body = render(&TranslatePage {
        page,
        collection: collection.to_owned(),
        id: s.id.to_string(),
        target,
        original_language: s.original_locale.to_string(),
        title: original.texts.title().to_owned(),
        fields,
        origin,
        general,
    })?;
    Ok((body, existing.is_some()))
}

async fn load_for_translation(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    target: &str,
) -> Result<(DocumentRecord, Locale), ApiError> {
    let target: Locale = target.parse().map_err(|_| ApiError::not_found("language"))?;
    let doc_id = id.parse().map_err(|_| ApiError::not_found("document"))?;
    let record = service::readable(state, &user.actor(), Some(kind), doc_id).await?;
    let s = &record.summary;
    let resource =
        mfx_domain::policy::Resource::Document { owner: s.partner, status: s.status, visibility: s.visibility };
    if !mfx_domain::policy::permits(&user.actor(), mfx_domain::policy::Action::Translate, &resource) {
        return Err(ApiError::forbidden());
    }
    if target == s.original_locale {
        return Err(ApiError::not_found("translation"));
    }
    Ok((record, target))
}

pub async fn translate_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String, String)>,
) -> HttpResponse {
    let (lang, collection, id, target) = path.into_inner();
    let lang = locale(&lang);
    let kind = kind_of(&collection);
    respond(&state, &req, lang, async {
        let (mut page, cookies) = context(&state, &req, lang, "translate-title").await?;
        let Ok(user) = require_user(&page) else { return Ok(see_other(&format!("/{lang}/sign-in"), cookies)) };
        let (record, target) = load_for_translation(&state, &user, kind, &id, &target).await?;
        page.title = page.t1("translate-into", "language", &page.code("language-name-", target.as_str()));
        let (body, _) = translate_view(&state, &page, &record, &collection, target, None).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

pub async fn translate(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String, String)>,
    body: web::Bytes,
) -> HttpResponse {
    let (lang, collection, id, target) = path.into_inner();
    let lang = locale(&lang);
    let kind = kind_of(&collection);
    respond(&state, &req, lang, async {
        let (mut page, cookies) = context(&state, &req, lang, "translate-title").await?;
        let user = require_user(&page)?;
        let mut form = FormState { values: parse_pairs(&body)?, ..FormState::default() };
        if !csrf_ok(&req, Some(&form.value("csrf"))) {
            return Err(ApiError::forbidden());
        }
        let (record, target) = load_for_translation(&state, &user, kind, &id, &target).await?;
        let mut text = Map::new();
        for field in text_fields(kind) {
            text.insert((*field).to_owned(), Value::String(form.value(field)));
        }
        if kind == Kind::ActionPlan {
            let actions: Vec<Value> = (0..record.actions.len())
                .map(|n| {
                    let mut a = Map::new();
                    for field in ACTION_TEXTS {
                        a.insert((*field).to_owned(), Value::String(form.value(&format!("action-{n}-{field}"))));
                    }
                    Value::Object(a)
                })
                .collect();
            text.insert("actions".into(), Value::Array(actions));
        }
        let origin = if form.value("origin") == Origin::Machine.as_str() { "machine" } else { "human" };
        let input = TranslationInput { origin: origin.into(), text: Value::Object(text) };
        match service::translate_document(&state, &user, kind, &id, target.as_str(), input, None).await {
            Ok(done) => {
                let mut cookies = cookies;
                let proposed = matches!(done, service::Translated::Proposed { .. });
                cookies.push(notice(if proposed { "notice-translation-proposed" } else { "notice-translation-saved" }));
                Ok(see_other(&format!("/{target}/{collection}/{id}"), cookies))
            }
            Err(ApiError::Domain(Error::Invalid(violations))) => {
                violations_to_form(&page, &violations, &mut form);
                page.title = page.t1("translate-into", "language", &page.code("language-name-", target.as_str()));
                let (body, _) = translate_view(&state, &page, &record, &collection, target, Some(&form)).await?;
                Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies))
            }
            Err(other) => Err(other),
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_fields_map_to_form_fields() {
        assert_eq!(form_field("text.title"), "title");
        assert_eq!(form_field("text.actions[1].title"), "action-1-title");
        assert_eq!(form_field("actions[0].progress_percent"), "action-0-progress_percent");
        assert_eq!(form_field("actions[2].inspired_by[0]"), "action-2-inspired_by");
        assert_eq!(form_field("action_items[3].assignee"), "item-3-assignee");
        assert_eq!(form_field("location.country"), "country");
        assert_eq!(form_field("evidence.repayment_rate_percent"), "repayment_rate_percent");
        assert_eq!(form_field("contact.email"), "contact_email");
        assert_eq!(form_field("themes[0]"), "themes");
        assert_eq!(form_field("visibility"), "visibility");
    }

    #[test]
    fn a_practice_form_becomes_the_api_body() {
        let form = FormState {
            values: vec![
                ("title".into(), "Microcrédit".into()),
                ("visibility".into(), "public".into()),
                ("themes".into(), "microcredit".into()),
                ("themes".into(), "social_inclusion".into()),
                ("loan_size_max_eur".into(), "12 000".into()),
                ("repayment_rate_percent".into(), "94,5".into()),
                ("links".into(), "https://example.org/a\n\nhttps://example.org/b".into()),
            ],
            ..FormState::default()
        };
        let (body, unreadable) = to_json(Kind::Practice, &form);
        assert!(unreadable.is_empty());
        assert_eq!(body["themes"], json!(["microcredit", "social_inclusion"]));
        assert_eq!(body["evidence"]["loan_size_max_eur"], json!(12000));
        assert_eq!(body["evidence"]["repayment_rate_percent"], json!(94.5));
        assert_eq!(body["links"], json!(["https://example.org/a", "https://example.org/b"]));
        let input = DocumentInput::from_value(Kind::Practice, body).expect("parses");
        assert!(input.validate().is_ok());
    }
}
