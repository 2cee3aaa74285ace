//! Pages that write: the create and edit forms of each kind, the side-by-side translation
//! editor, and workflow moves. Forms post, and a success redirects (303) to the document;
//! invalid input shows the form again with each error next to its field.

use super::conflict::{self, Comparison, Names};
use super::pages::kind_of;
use super::session::csrf_ok;
use super::{Page, context, html, locale, notice, render, respond, see_other};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::documents::{self as service, TransitionInput, TranslationInput};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::content::DocumentInput;
use mfx_domain::document::{DocumentId, Kind, Origin};
use mfx_domain::merge::{self, Merge, Parts, Snapshot};
use mfx_domain::vocabulary::{
    ACTION_ITEM_STATUSES, INSTRUMENTS, MEETING_TYPES, PLAN_ACTION_STATUSES, TARGET_GROUPS, THEMES,
};
use mfx_domain::{Error, FieldError, Locale, Violations};
use mfx_store::documents::DocumentRecord;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

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

/// The pairs of a form; browsers send line breaks as CR LF, kept here as LF.
fn parse_pairs(body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    let pairs = serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .map_err(|e| ApiError::BadRequest { code: "malformed_form", detail: e.to_string() })?;
    Ok(pairs
        .into_iter()
        .map(|(name, value)| if value.contains('\r') { (name, value.replace("\r\n", "\n")) } else { (name, value) })
        .collect())
}

/// Where the action items and plan actions of a form's document came from: the form row of
/// each.
#[derive(Debug, Default)]
struct Rows {
    items: Vec<usize>,
    actions: Vec<usize>,
}

/// Moves errors about the n-th action item or plan action to the form row it was typed in.
fn on_rows(violations: &Violations, rows: &Rows) -> Violations {
    let mut out = Violations::new();
    for violation in violations.iter() {
        let mut violation = violation.clone();
        for (prefix, list) in
            [("action_items[", &rows.items), ("actions[", &rows.actions), ("text.actions[", &rows.actions)]
        {
            if let Some(rest) = violation.field.strip_prefix(prefix)
                && let Some((index, tail)) = rest.split_once(']')
                && let Some(row) = index.parse::<usize>().ok().and_then(|i| list.get(i))
            {
                violation.field = format!("{prefix}{row}]{tail}");
                break;
            }
        }
        out.push(violation);
    }
    out
}

/// An attendee as one line of the attendees field.
fn attendee_line(attendee: &Value) -> String {
    let name = attendee["name"].as_str().unwrap_or_default();
    match attendee["organisation"].as_str().unwrap_or_default() {
        "" => name.to_owned(),
        organisation => format!("{name} — {organisation}"),
    }
}

/// A meeting's local time from a `datetime-local` field, which browsers send without seconds
/// when they are zero.
fn local_time(raw: &str) -> Option<chrono::NaiveDateTime> {
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| chrono::NaiveDateTime::parse_from_str(raw.trim(), format).ok())
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

/// The JSON body of a kind, from a form, the fields that could not be read (numbers, times),
/// and the form row of each action item.
fn to_json(kind: Kind, form: &FormState) -> (Value, Violations, Rows) {
    let mut rows = Rows::default();
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
                match local_time(&form.value(field)) {
                    Some(at) => {
                        body.insert(field.into(), serde_json::to_value(at).unwrap_or(Value::Null));
                    }
                    None => {
                        v.push(FieldError::new(field, "invalid_time", "a date and time"));
                        body.insert(field.into(), Value::String("2000-01-01T00:00:00".into()));
                    }
                }
            }
            body.insert("time_zone".into(), Value::String(form.value("time_zone")));
            body.insert("place".into(), Value::String(form.value("place")));
            body.insert("online_url".into(), text_or_null(form, "online_url"));
            // Attendees as the form showed them, so that a line left as it was keeps what the
            // line does not show (the partner an attendee represents).
            let shown: Vec<Value> = serde_json::from_str(&form.value("attendees_shown")).unwrap_or_default();
            let mut unused: Vec<Option<&Value>> = shown.iter().map(Some).collect();
            let attendees: Vec<Value> = form
                .value("attendees")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|line| {
                    if let Some(slot) = unused.iter_mut().find(|s| s.is_some_and(|a| attendee_line(a) == line))
                        && let Some(attendee) = slot.take()
                    {
                        return attendee.clone();
                    }
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
                let id = form.row("item", &n, "id");
                if !id.is_empty() && form.row_checked("item", &n, "remove", "yes") {
                    continue;
                }
                let title = form.row("item", &n, "title");
                let assignee = form.row("item", &n, "assignee");
                let due = form.row("item", &n, "due_on");
                let status = form.row("item", &n, "status");
                // A row with nothing typed in it is left out; one with anything typed is kept,
                // so a missing title is reported rather than the row dropped.
                let typed = !title.trim().is_empty()
                    || !id.is_empty()
                    || !assignee.is_empty()
                    || !due.is_empty()
                    || !(status.is_empty() || status == "open");
                if !typed {
                    continue;
                }
                rows.items.push(n);
                items.push(json!({
                    "id": if id.is_empty() { Value::Null } else { Value::String(id) },
                    "title": title,
                    "assignee": if assignee.is_empty() { Value::Null } else { Value::String(assignee) },
                    "due_on": if due.is_empty() { Value::Null } else { Value::String(due) },
                    "status": if status.is_empty() { "open".to_owned() } else { status },
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
                let field = |name: &str| form.row("action", &n, name);
                if !field("id").is_empty() && form.row_checked("action", &n, "remove", "yes") {
                    continue;
                }
                // As with action items: an untouched row is left out, a row with anything typed
                // in it is kept, and a missing title is reported.
                let typed = ["id", "starts_on", "ends_on", "estimated_cost_eur", "inspired_by"]
                    .iter()
                    .chain(ACTION_TEXTS)
                    .any(|name| !field(name).trim().is_empty())
                    || !matches!(field("progress_percent").trim(), "" | "0")
                    || !matches!(field("status").as_str(), "" | "planned");
                if !typed {
                    continue;
                }
                rows.actions.push(n);
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
    (Value::Object(body), v, rows)
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

/// A document's stored form, as every comparison sees it: validated and written back the way
/// an edit stores it.
fn canonical(kind: Kind, value: Value) -> Value {
    let content = DocumentInput::from_value(kind, value.clone()).ok().and_then(|input| input.validate().ok());
    let Some(c) = content else { return value };
    DocumentInput::from_stored(kind, c.visibility, &c.themes, &c.details, &c.text, &c.action_items, &c.actions)
        .map_or(value, |input| input.to_value())
}

/// The stored document, in its canonical form.
fn stored_value(record: &DocumentRecord) -> Result<Value, ApiError> {
    let input = record.stored_input().map_err(ApiError::from)?;
    Ok(canonical(record.summary.kind, input.to_value()))
}

/// The form values of a document's stored form (a stored document, or a merge).
fn form_from_value(kind: Kind, d: &Value) -> FormState {
    let mut form = FormState::default();
    let as_text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    form.set("visibility", as_text(&d["visibility"]));
    for theme in d["themes"].as_array().into_iter().flatten() {
        form.set("themes", as_text(theme));
    }
    let text = &d["text"];
    for field in text_fields(kind) {
        form.set(field, text[*field].as_str().unwrap_or_default());
    }
    match kind {
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
            for field in ["meeting_type", "time_zone", "place", "online_url", "starts_at", "ends_at"] {
                form.set(field, as_text(&d[field]));
            }
            let attendees = d["attendees"].as_array().cloned().unwrap_or_default();
            let lines: Vec<String> = attendees.iter().map(attendee_line).collect();
            form.set("attendees", lines.join("\n"));
            if !attendees.is_empty() {
                form.set("attendees_shown", Value::Array(attendees).to_string());
            }
            for (n, item) in d["action_items"].as_array().into_iter().flatten().enumerate() {
                for field in ["id", "title", "assignee", "due_on", "status"] {
                    form.set(&format!("item-{n}-{field}"), as_text(&item[field]));
                }
            }
        }
        Kind::ActionPlan => {
            form.set("policy_instrument", as_text(&d["policy_instrument"]));
            form.set("region", as_text(&d["region"]));
            for (n, action) in d["actions"].as_array().into_iter().flatten().enumerate() {
                for field in ["id", "status", "progress_percent", "starts_on", "ends_on", "estimated_cost_eur"] {
                    form.set(&format!("action-{n}-{field}"), as_text(&action[field]));
                }
                for practice in action["inspired_by"].as_array().into_iter().flatten() {
                    form.set(&format!("action-{n}-inspired_by"), as_text(practice));
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
    /// What someone else changed meanwhile, when the save met their changes.
    pub comparisons: Vec<Comparison>,
    pub conflict_intro: String,
}

/// A merge that met someone else's changes, to show beside the form.
struct Conflict<'a> {
    outcome: &'a Merge,
    yours: &'a Parts,
    current: &'a Parts,
    content_lang: String,
}

/// Practices an action may cite: the published ones, and any already cited (labelled without
/// their title when the reader may not see them), so that saving keeps every citation.
async fn practice_options(
    state: &AppState,
    page: &Page,
    cited: Vec<DocumentId>,
) -> Result<Vec<(String, String, String)>, ApiError> {
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
    let mut options: Vec<(String, String, String)> =
        service::list(state, &maybe.actor(), Some(Kind::Practice), query.filter()?, page.lang)
            .await?
            .items
            .into_iter()
            .map(|i| (i.id.to_string(), format!("{} ({})", i.title, i.partner), i.language.to_owned()))
            .collect();
    let missing: Vec<DocumentId> =
        cited.into_iter().filter(|id| !options.iter().any(|(known, _, _)| *known == id.to_string())).collect();
    if missing.is_empty() {
        return Ok(options);
    }
    let summaries = state.read(move |c| mfx_store::documents::summaries(c, &missing)).await?;
    let actor = maybe.actor();
    for summary in &summaries {
        let resource = mfx_domain::policy::Resource::Document {
            owner: summary.partner,
            status: summary.status,
            visibility: summary.visibility,
        };
        let readable = mfx_domain::policy::permits(&actor, mfx_domain::policy::Action::Read, &resource);
        let option = match service::item(summary, page.lang) {
            Ok(item) if readable => {
                (summary.id.to_string(), format!("{} ({})", item.title, item.partner), item.language.to_owned())
            }
            _ => (summary.id.to_string(), page.t("conflict-practice-hidden"), page.lang.to_string()),
        };
        options.push(option);
    }
    Ok(options)
}

/// The practices a form or a stored form cites.
fn cited_practices(form: &FormState, values: &[&Value]) -> Vec<DocumentId> {
    let mut ids: Vec<DocumentId> = form
        .values
        .iter()
        .filter(|(name, _)| name.starts_with("action-") && name.ends_with("-inspired_by"))
        .filter_map(|(_, id)| id.parse().ok())
        .collect();
    for value in values {
        for action in value["actions"].as_array().into_iter().flatten() {
            ids.extend(
                action["inspired_by"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|id| id.as_str()?.parse::<DocumentId>().ok()),
            );
        }
    }
    ids.sort_unstable_by_key(ToString::to_string);
    ids.dedup();
    ids
}

#[expect(clippy::too_many_arguments, reason = "the form's context, its values and what met them")]
async fn form_page(
    state: &AppState,
    page: &Page,
    kind: Kind,
    action: String,
    creating: bool,
    version: i64,
    form: FormState,
    conflict: Option<Conflict<'_>>,
) -> Result<String, ApiError> {
    let partners = state.read(mfx_store::partners::list).await?;
    let practices = if kind == Kind::ActionPlan {
        let stored: Vec<&Value> = conflict
            .as_ref()
            .map(|c| {
                [c.yours.get("actions"), c.current.get("actions")]
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a.get(0))
                    .collect()
            })
            .unwrap_or_default();
        let wrapped: Vec<Value> = stored.iter().map(|actions| json!({ "actions": actions })).collect();
        practice_options(state, page, cited_practices(&form, &wrapped.iter().collect::<Vec<_>>())).await?
    } else {
        Vec::new()
    };
    let comparisons = match &conflict {
        Some(c) => {
            let names = Names {
                page,
                content_lang: c.content_lang.clone(),
                partners: partners.iter().map(|p| (p.profile.slug.to_string(), p.profile.short_name.clone())).collect(),
                practices: practices
                    .iter()
                    .map(|(id, label, _)| (id.clone(), label.clone()))
                    .collect::<HashMap<_, _>>(),
            };
            conflict::comparisons(&names, c.outcome, c.yours, c.current)
        }
        None => Vec::new(),
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
        comparisons,
        conflict_intro: page.t("conflict-intro-document"),
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
        let body = form_page(&state, &page, kind, action, true, 0, form, None).await?;
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
        let (mut value, unreadable, rows) = to_json(kind, &form);
        if let Some(object) = value.as_object_mut() {
            object.insert("language".into(), Value::String(form.value("language")));
        }
        let outcome = match checked_input(kind, value, unreadable) {
            Ok((input, _)) => service::create(&state, user.member(), input).await.map_err(ApiError::from),
            Err(error) => Err(error),
        };
        match outcome {
            Ok(record) => {
                let mut cookies = cookies;
                cookies.push(notice("notice-created"));
                Ok(see_other(&format!("/{lang}/{collection}/{}", record.summary.id), cookies))
            }
            Err(ApiError::Domain(Error::Invalid(violations))) => {
                violations_to_form(&page, &on_rows(&violations, &rows), &mut form);
                let action = format!("/{lang}/{collection}/new");
                let body = form_page(&state, &page, kind, action, true, 0, form, None).await?;
                Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies))
            }
            Err(other) => Err(other),
        }
    })
    .await
}

/// The document to edit, if the user may edit it.
async fn editable(state: &AppState, user: &CurrentUser, kind: Kind, id: &str) -> Result<DocumentRecord, ApiError> {
    let doc_id = id.parse().map_err(|_| ApiError::not_found("document"))?;
    // A published document is edited through its pending draft, when it has one.
    let record = crate::usecases::review::editable(state, &user.actor(), kind, doc_id).await?;
    let s = &record.summary;
    let resource =
        mfx_domain::policy::Resource::Document { owner: s.partner, status: s.status, visibility: s.visibility };
    if !mfx_domain::policy::permits(&user.actor(), mfx_domain::policy::Action::Update, &resource) {
        return Err(ApiError::forbidden());
    }
    Ok(record)
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
        let record = editable(&state, &user, kind, &id).await?;
        let s = &record.summary;
        page.title = page.t1("edit-of", "title", s.original().map(|t| t.texts.title()).unwrap_or_default());
        let stored = stored_value(&record)?;
        let mut form = form_from_value(kind, &stored);
        form.set("base", Snapshot::of(&merge::document_parts(&stored)).encode());
        let action = format!("/{lang}/{collection}/{id}/edit");
        let body = form_page(&state, &page, kind, action, false, s.version, form, None).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// How many times a save is merged again when yet another save came in between.
const MERGE_ATTEMPTS: usize = 3;

/// Saves an edit made from the version the form carries: what the editor changed is merged
/// into what is stored now (see `mfx_domain::merge`) and saved against that version, so a save
/// that comes in between is merged again, never overwritten. Parts both changed come back as a
/// comparison (409); a save from that comparison overwrites only what it showed.
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
        page.title = page.t("edit-title");
        let user = require_user(&page)?;
        let mut form = FormState { values: parse_pairs(&body)?, ..FormState::default() };
        if !csrf_ok(&req, Some(&form.value("csrf"))) {
            return Err(ApiError::forbidden());
        }
        let action = format!("/{lang}/{collection}/{id}");
        let edit_action = format!("{action}/edit");
        let posted_version: i64 = form.value("version").parse().unwrap_or(0);
        let (value, unreadable, rows) = to_json(kind, &form);
        let yours = match checked_input(kind, value, unreadable) {
            Ok((_, value)) => canonical(kind, value),
            Err(ApiError::Domain(Error::Invalid(violations))) => {
                violations_to_form(&page, &on_rows(&violations, &rows), &mut form);
                let body = form_page(&state, &page, kind, edit_action, false, posted_version, form, None).await?;
                return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies));
            }
            Err(other) => return Err(other),
        };
        let yours = merge::document_parts(&yours);
        let keep = conflict::kept_theirs(&form.values);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let record = editable(&state, &user, kind, &id).await?;
            let version = record.summary.version;
            let current = merge::document_parts(&stored_value(&record)?);
            // A form of the current version started from what is stored now.
            let base =
                if posted_version == version { Snapshot::of(&current) } else { Snapshot::decode(&form.value("base")) };
            let outcome = merge::merge(&base, &yours, &current, &keep);
            let merged = merge::document_from_parts(&outcome.parts);
            let (status, errors) = if outcome.is_clean() {
                match service::edit(&state, user.member(), kind, service::parse_id(&id)?, version, &merged)
                    .await
                    .map_err(ApiError::from)
                {
                    Ok(_) => {
                        let mut cookies = cookies;
                        cookies.push(notice(if outcome.kept.is_empty() {
                            "notice-saved"
                        } else {
                            "notice-saved-merged"
                        }));
                        return Ok(see_other(&action, cookies));
                    }
                    Err(ApiError::Domain(Error::StaleVersion { .. })) if attempt < MERGE_ATTEMPTS => continue,
                    Err(ApiError::Domain(Error::StaleVersion { .. })) => (StatusCode::CONFLICT, None),
                    Err(ApiError::Domain(Error::Invalid(violations))) => {
                        (StatusCode::UNPROCESSABLE_ENTITY, Some(violations))
                    }
                    Err(other) => return Err(other),
                }
            } else {
                (StatusCode::CONFLICT, None)
            };
            // The form again, from the merge, against the version it was made with.
            let mut again = form_from_value(kind, &merged);
            again.set("base", Snapshot::of(&current).encode());
            match errors {
                Some(violations) => violations_to_form(&page, &violations, &mut again),
                None => again.general = Some(page.t("conflict-alert")),
            }
            let conflict = Conflict {
                outcome: &outcome,
                yours: &yours,
                current: &current,
                content_lang: record.summary.original_locale.to_string(),
            };
            let body = form_page(&state, &page, kind, edit_action, false, version, again, Some(conflict)).await?;
            return Ok(html(status, body, cookies));
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
        match service::move_document(&state, user.member(), kind, service::parse_id(&id)?, input, form.version)
            .await
            .map_err(ApiError::from)
        {
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
    /// The translation's version the form was made from, and the fingerprints of its values.
    pub version: i64,
    pub base: String,
    pub comparisons: Vec<Comparison>,
    pub conflict_intro: String,
}

/// The form field of a translation part (`actions.1.title` → `action-1-title`).
fn translation_field(part: &str) -> String {
    match part.strip_prefix("actions.").and_then(|rest| rest.split_once('.')) {
        Some((n, field)) => format!("action-{n}-{field}"),
        None => part.to_owned(),
    }
}

/// A translation's texts as the editor shows them: every field of the kind, and of each of
/// the plan's actions, read through `get` (by form field name).
fn translation_texts(kind: Kind, actions: usize, get: impl Fn(&str) -> String) -> Value {
    let mut text = Map::new();
    for field in text_fields(kind) {
        text.insert((*field).to_owned(), Value::String(get(field)));
    }
    if kind == Kind::ActionPlan {
        let rows: Vec<Value> = (0..actions)
            .map(|n| {
                let mut a = Map::new();
                for field in ACTION_TEXTS {
                    a.insert((*field).to_owned(), Value::String(get(&format!("action-{n}-{field}"))));
                }
                Value::Object(a)
            })
            .collect();
        text.insert("actions".into(), Value::Array(rows));
    }
    Value::Object(text)
}

/// The parts of a translation as stored now (empty when there is none yet), and its version.
fn stored_translation(record: &DocumentRecord, target: Locale) -> (Parts, i64) {
    let s = &record.summary;
    let existing = s.text(target);
    let stored = existing.map(|t| t.texts.to_value()).unwrap_or(Value::Null);
    let texts = translation_texts(s.kind, record.actions.len(), |name| {
        let value = match name.strip_prefix("action-").and_then(|rest| rest.split_once('-')) {
            Some((n, field)) => n.parse::<usize>().map_or(&Value::Null, |n| &stored["actions"][n][field]),
            None => &stored[name],
        };
        value.as_str().unwrap_or_default().to_owned()
    });
    let mut parts = merge::translation_parts(&texts);
    let origin = existing.map_or(Origin::Human, |t| t.origin);
    parts.insert("origin".into(), Value::String(origin.as_str().to_owned()));
    (parts, existing.map_or(0, |t| t.version))
}

/// Form values from a translation's parts.
fn translation_form(parts: &Parts) -> FormState {
    let mut form = FormState::default();
    for (part, value) in parts {
        form.set(&translation_field(part), value.as_str().unwrap_or_default());
    }
    form
}

async fn translate_view(
    state: &AppState,
    page: &Page,
    record: &DocumentRecord,
    collection: &str,
    target: Locale,
    form: &FormState,
    comparisons: Vec<Comparison>,
) -> Result<String, ApiError> {
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
    let mut fields = Vec::new();
    let mut push = |name: String, label: String, from: &Value, multiline: bool, changed_key: &str| {
        let value = form.value(&name);
        let error = form.error(&name);
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
        push((*field).to_owned(), page.code("field-", field), &original_value[*field], *field != "title", field);
    }
    if s.kind == Kind::ActionPlan {
        for n in 0..record.actions.len() {
            for field in ACTION_TEXTS {
                let label = format!("{} {} · {}", page.t("field-action"), n + 1, page.code("field-", field));
                push(
                    format!("action-{n}-{field}"),
                    label,
                    &original_value["actions"][n][*field],
                    *field != "title",
                    "actions",
                );
            }
        }
    }
    let origin = Some(form.value("origin")).filter(|o| !o.is_empty()).unwrap_or_else(|| "human".into());
    render(&TranslatePage {
        page,
        collection: collection.to_owned(),
        id: s.id.to_string(),
        target,
        original_language: s.original_locale.to_string(),
        title: original.texts.title().to_owned(),
        fields,
        origin,
        general: form.general.clone(),
        version: form.value("version").parse().unwrap_or(0),
        base: form.value("base"),
        comparisons,
        conflict_intro: page.t("conflict-intro-translation"),
    })
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
    // A published document is edited through its pending draft, when it has one.
    let record = crate::usecases::review::editable(state, &user.actor(), kind, doc_id).await?;
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
        page.title = page.t1("translate-into", "language", &page.language_name(target.as_str()));
        let (stored, version) = stored_translation(&record, target);
        let mut form = translation_form(&stored);
        form.set("version", version.to_string());
        form.set("base", Snapshot::of(&stored).encode());
        let body = translate_view(&state, &page, &record, &collection, target, &form, Vec::new()).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// Saves a translation made from the version the form carries, merged like a document edit.
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
        let posted_version: i64 = form.value("version").parse().unwrap_or(0);
        let keep = conflict::kept_theirs(&form.values);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (record, target) = load_for_translation(&state, &user, kind, &id, &target).await?;
            page.title = page.t1("translate-into", "language", &page.language_name(target.as_str()));
            let texts = translation_texts(kind, record.actions.len(), |name| form.value(name));
            let mut yours = merge::translation_parts(&texts);
            let origin = if form.value("origin") == Origin::Machine.as_str() { "machine" } else { "human" };
            yours.insert("origin".into(), Value::String(origin.into()));
            let (current, version) = stored_translation(&record, target);
            let base =
                if posted_version == version { Snapshot::of(&current) } else { Snapshot::decode(&form.value("base")) };
            let outcome = merge::merge(&base, &yours, &current, &keep);
            let mut merged = outcome.parts.clone();
            let origin = merged.remove("origin").and_then(|o| o.as_str().map(str::to_owned)).unwrap_or_default();
            let input = TranslationInput { origin, text: merge::translation_from_parts(&merged) };
            let names = Names {
                page: &page,
                content_lang: target.to_string(),
                partners: HashMap::new(),
                practices: HashMap::new(),
            };
            if outcome.is_clean() {
                let saved = service::translate(
                    &state,
                    user.member(),
                    kind,
                    service::parse_id(&id)?,
                    target.as_str(),
                    input,
                    Some(version),
                )
                .await
                .map_err(ApiError::from);
                match saved {
                    Ok(done) => {
                        let mut cookies = cookies;
                        cookies.push(notice(if matches!(done, service::Translated::Proposed { .. }) {
                            "notice-translation-proposed"
                        } else if outcome.kept.is_empty() {
                            "notice-translation-saved"
                        } else {
                            "notice-translation-saved-merged"
                        }));
                        return Ok(see_other(&format!("/{target}/{collection}/{id}"), cookies));
                    }
                    Err(ApiError::Domain(Error::StaleVersion { .. })) if attempt < MERGE_ATTEMPTS => continue,
                    Err(ApiError::Domain(Error::StaleVersion { .. })) => {}
                    Err(ApiError::Domain(Error::Invalid(violations))) => {
                        // Nothing merged in from anyone else: the form as sent, with its errors.
                        if outcome.kept.is_empty() {
                            violations_to_form(&page, &violations, &mut form);
                            let body =
                                translate_view(&state, &page, &record, &collection, target, &form, Vec::new()).await?;
                            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies));
                        }
                        let mut again = translation_form(&outcome.parts);
                        again.set("version", version.to_string());
                        again.set("base", Snapshot::of(&current).encode());
                        violations_to_form(&page, &violations, &mut again);
                        let comparisons = conflict::comparisons(&names, &outcome, &yours, &current);
                        let body =
                            translate_view(&state, &page, &record, &collection, target, &again, comparisons).await?;
                        return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies));
                    }
                    Err(other) => return Err(other),
                }
            }
            let mut again = translation_form(&outcome.parts);
            again.set("version", version.to_string());
            again.set("base", Snapshot::of(&current).encode());
            again.general = Some(page.t("conflict-alert"));
            let comparisons = conflict::comparisons(&names, &outcome, &yours, &current);
            let body = translate_view(&state, &page, &record, &collection, target, &again, comparisons).await?;
            return Ok(html(StatusCode::CONFLICT, body, cookies));
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
        let (body, unreadable, _) = to_json(Kind::Practice, &form);
        assert!(unreadable.is_empty());
        assert_eq!(body["themes"], json!(["microcredit", "social_inclusion"]));
        assert_eq!(body["evidence"]["loan_size_max_eur"], json!(12000));
        assert_eq!(body["evidence"]["repayment_rate_percent"], json!(94.5));
        assert_eq!(body["links"], json!(["https://example.org/a", "https://example.org/b"]));
        let input = DocumentInput::from_value(Kind::Practice, body).expect("parses");
        assert!(input.validate().is_ok());
    }
}
