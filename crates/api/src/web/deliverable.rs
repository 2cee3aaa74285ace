//! A deliverable's pages: the page itself (description, work package and period, responsible
//! partners, evidence the reader may see, the full status history) with the workflow forms the
//! reader may use, and the lead partner's forms defining and changing deliverables. Every
//! change goes through the use cases of `usecases::tracking::deliverables`.

use super::extract::{CheckedForm, Lang, Member, Pairs};
use super::form_state::FormState;
use super::work_plan::{partner_names, refusal, typed_titles};
use super::{Page, html, notice, render, respond, see_other};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::Error as UseCaseError;
use crate::usecases::tracking::deliverables::{self, DeliverableInput, DeliverableMoveInput};
use crate::usecases::tracking::{self, today, work_plan};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, NaiveDate, Utc};
use mfx_domain::Locale;
use mfx_domain::policy::Actor;
use mfx_domain::tracking::{DeliverableStatus, PeriodSpec, is_overdue};
use mfx_store::tracking::DeliverableRecord;
use serde::Deserialize;

/// A document as a link: where, its title, and the title's language when not the reader's.
pub struct DocumentLink {
    pub id: String,
    pub href: String,
    pub title: String,
    pub title_lang: Option<String>,
    pub kind: &'static str,
}

fn document_links(page: &Page, found: &[mfx_store::documents::DocumentSummary]) -> Vec<DocumentLink> {
    found
        .iter()
        .map(|d| {
            let (title, title_lang) = crate::text::title_for(d, page.lang);
            DocumentLink {
                id: d.id.to_string(),
                href: page.href(&format!("/{}/{}", d.kind.collection(), d.id)),
                title,
                title_lang,
                kind: d.kind.as_str(),
            }
        })
        .collect()
}

/// One step of the history as shown.
pub struct Step {
    pub who: String,
    pub at: DateTime<Utc>,
    pub from: Option<String>,
    pub to: String,
    pub comment: Option<String>,
}

/// A workflow form the reader may use: the status it moves to and what it is called
/// (`start`, `submit`, `approve`, `return`).
pub struct Move {
    pub to: &'static str,
    pub name: &'static str,
}

fn move_name(from: DeliverableStatus, to: DeliverableStatus) -> &'static str {
    match (from, to) {
        (DeliverableStatus::Submitted, DeliverableStatus::InProgress) => "return",
        (_, DeliverableStatus::InProgress) => "start",
        (_, DeliverableStatus::Submitted) => "submit",
        _ => "approve",
    }
}

#[derive(Template)]
#[template(path = "deliverable.html")]
pub struct DeliverablePage<'a> {
    pub page: &'a Page,
    pub id: String,
    pub code: String,
    pub title: String,
    pub title_lang: Option<String>,
    pub description: String,
    pub description_lang: Option<String>,
    pub work_package: String,
    pub work_package_title: String,
    pub work_package_lang: Option<String>,
    pub period: Option<PeriodSpec>,
    pub partners: String,
    pub due_on: NaiveDate,
    pub status: &'static str,
    pub overdue: bool,
    pub evidence: Vec<DocumentLink>,
    pub history: Vec<Step>,
    pub moves: Vec<Move>,
    /// Documents the reader may offer as evidence when submitting.
    pub choices: Vec<DocumentLink>,
    pub manages: bool,
    /// The move that was posted (its name), with what was typed and the errors.
    pub posted: String,
    pub form: FormState,
}

impl DeliverablePage<'_> {
    pub fn error(&self, name: &str, field: &str) -> Option<String> {
        if self.posted == name { self.form.error(field) } else { None }
    }

    pub fn value(&self, name: &str, field: &str) -> String {
        if self.posted == name { self.form.value(field) } else { String::new() }
    }

    pub fn chosen(&self, id: &str) -> bool {
        self.posted == "submit" && self.form.checked("evidence", id)
    }
}

async fn deliverable_page(
    state: &AppState,
    page: &mut Page,
    actor: &Actor,
    record: &DeliverableRecord,
    posted: &str,
    form: FormState,
) -> Result<String, ApiError> {
    let lang = page.lang;
    let partners = state.read(mfx_store::partners::list).await?;
    let packages = work_plan::work_packages(state, actor, lang).await?;
    let periods = work_plan::periods(state, actor).await?;
    let wp = packages.iter().find(|w| w.code == record.work_package);
    let (wp_title, wp_lang) = wp.map(|w| tracking::title_and_language(&w.titles, lang)).unwrap_or_default();
    let history = deliverables::history(state, actor, record.id).await?;
    let evidence = deliverables::evidence_of(state, actor, record).await?;
    let moves: Vec<Move> = deliverables::moves_for(actor, record)
        .into_iter()
        .map(|to| Move { to: to.as_str(), name: move_name(record.status, to) })
        .collect();
    let choices = if moves.iter().any(|m| m.name == "submit") {
        deliverables::evidence_choices(state, actor, record).await?
    } else {
        Vec::new()
    };
    let (title, title_lang) = tracking::title_and_language(&record.titles, lang);
    page.title = format!("{} {title}", record.code);
    let other = |l: String| (l != lang.as_str()).then_some(l);
    page.title_lang = other(title_lang.clone());
    render(&DeliverablePage {
        page,
        id: record.id.to_string(),
        code: record.code.clone(),
        title,
        // The description is written once, in the working language.
        description_lang: other(Locale::fallback().as_str().to_owned()),
        title_lang: other(title_lang),
        description: record.description.clone(),
        work_package: record.work_package.clone(),
        work_package_title: wp_title,
        work_package_lang: other(wp_lang),
        period: record.period.as_ref().and_then(|code| periods.iter().find(|p| p.code == *code).cloned()),
        partners: partner_names(&partners, record),
        due_on: record.due_on,
        status: record.status.as_str(),
        overdue: is_overdue(record.due_on, record.status, today(state)),
        evidence: document_links(page, &evidence),
        history: history
            .into_iter()
            .map(|h| Step {
                who: match (h.actor, h.former_member_of) {
                    (Some(name), _) => name,
                    (None, Some(partner)) => page.t1("history-former-member", "partner", &partner),
                    (None, None) => page.t("deliverable-history-system"),
                },
                at: h.at,
                from: h.from,
                to: h.to,
                comment: h.comment,
            })
            .collect(),
        moves,
        choices: document_links(page, &choices),
        manages: deliverables::may_manage(actor),
        posted: posted.to_owned(),
        form,
    })
}

fn deliverable_id(req: &HttpRequest) -> Result<uuid::Uuid, ApiError> {
    Ok(deliverables::parse_id(req.match_info().get("id").unwrap_or_default())?)
}

pub async fn deliverable(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (mut page, cookies, user) = member.titled("workplan-title");
        let actor = user.actor();
        let record = deliverables::find(&state, &actor, deliverable_id(&req)?).await?;
        let body = deliverable_page(&state, &mut page, &actor, &record, "", FormState::default()).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// A workflow form's post: the move, and back to the page; refused fields are shown beside
/// the form with the page kept.
pub async fn transition(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    CheckedForm(Pairs(values)): CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (mut page, cookies, user) = member.titled("workplan-title");
        let actor = user.actor();
        let id = deliverable_id(&req)?;
        let form = FormState { values, ..FormState::default() };
        let mut evidence = Vec::new();
        for raw in form.all("evidence") {
            // What is not a document's id names no document the mover may see.
            evidence
                .push(raw.parse().map_err(|_| UseCaseError::field("evidence", "unknown_document", "not a document"))?);
        }
        let comment = Some(form.value("comment"));
        let input = DeliverableMoveInput { to: form.value("to"), comment, evidence };
        match deliverables::move_deliverable(&state, user.member(), id, input).await {
            Ok(_) => {
                let mut cookies = cookies;
                cookies.push(notice("notice-deliverable-moved"));
                Ok(see_other(&page.href(&format!("/deliverables/{id}")), cookies))
            }
            Err(error) => {
                let record = deliverables::find(&state, &actor, id).await?;
                let posted = DeliverableStatus::parse(&form.value("to"))
                    .map(|to| move_name(record.status, to))
                    .unwrap_or_default();
                let mut form = form;
                let status = match error {
                    UseCaseError::Conflict { code: "invalid_transition", .. } | UseCaseError::Stale { .. } => {
                        form.general = Some(page.t("deliverable-moved-meanwhile"));
                        StatusCode::CONFLICT
                    }
                    other => refusal(&page, other, &mut form)?,
                };
                let body = deliverable_page(&state, &mut page, &actor, &record, posted, form).await?;
                Ok(html(status, body, cookies))
            }
        }
    })
    .await
}

// ------------------------------------------------------------------------------ the form

/// A choice of the form's selects and checkboxes: value and label (and the label's language).
pub struct Choice {
    pub value: String,
    pub label: String,
    pub lang: Option<String>,
}

#[derive(Template)]
#[template(path = "deliverable_form.html")]
pub struct DeliverableFormPage<'a> {
    pub page: &'a Page,
    /// Where the form posts.
    pub action: String,
    /// The deliverable being changed; none when defining one.
    pub id: Option<String>,
    pub packages: Vec<Choice>,
    pub periods: Vec<Choice>,
    pub partners: Vec<Choice>,
    pub form: FormState,
}

/// The form's values for a stored deliverable.
fn stored_values(record: &DeliverableRecord) -> FormState {
    let mut form = FormState::default();
    form.set("code", record.code.clone());
    form.set("work_package", record.work_package.clone());
    form.set("period", record.period.clone().unwrap_or_default());
    for (lang, title) in &record.titles {
        form.set(&format!("title-{lang}"), title.clone());
    }
    form.set("description", record.description.clone());
    form.set("due_on", record.due_on.to_string());
    for (_, slug) in &record.partners {
        form.set("partner", slug.clone());
    }
    form.set("version", record.version.to_string());
    form
}

async fn form_page(
    state: &AppState,
    page: &Page,
    actor: &Actor,
    id: Option<uuid::Uuid>,
    form: FormState,
) -> Result<String, ApiError> {
    let lang = page.lang;
    let packages = work_plan::work_packages(state, actor, lang)
        .await?
        .into_iter()
        .map(|w| {
            let (title, l) = tracking::title_and_language(&w.titles, lang);
            Choice { label: format!("{} {title}", w.code), value: w.code, lang: (l != lang.as_str()).then_some(l) }
        })
        .collect();
    let periods = work_plan::periods(state, actor)
        .await?
        .into_iter()
        .map(|p| Choice {
            label: format!("{} ({} – {})", p.code, page.date(&p.starts_on), page.date(&p.ends_on)),
            value: p.code,
            lang: None,
        })
        .collect();
    let partners = state
        .read(mfx_store::partners::list)
        .await?
        .into_iter()
        .map(|p| Choice { value: p.profile.slug.to_string(), label: p.profile.short_name, lang: None })
        .collect();
    render(&DeliverableFormPage {
        page,
        action: match id {
            Some(id) => page.href(&format!("/deliverables/{id}/edit")),
            None => page.href("/deliverables/new"),
        },
        id: id.map(|i| i.to_string()),
        packages,
        periods,
        partners,
        form,
    })
}

#[derive(Debug, Deserialize)]
pub struct NewParams {
    #[serde(default)]
    work_package: Option<String>,
}

pub async fn new_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    params: web::Query<NewParams>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("deliverable-new-title");
        let actor = user.actor();
        tracking::require_manager(&actor)?;
        let mut form = FormState::default();
        form.set("work_package", params.work_package.clone().unwrap_or_default());
        let body = form_page(&state, &page, &actor, None, form).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// The typed form as the use case's input; a due date that is not one is refused here.
fn typed_input(
    page: &Page,
    form: &mut FormState,
    evidence: Vec<mfx_domain::document::DocumentId>,
) -> Option<DeliverableInput> {
    let due_on = form.value("due_on").trim().parse::<NaiveDate>();
    let Ok(due_on) = due_on else {
        form.errors.push(("due_on".into(), page.t("error-invalid_date")));
        form.general = Some(page.t("form-has-errors"));
        return None;
    };
    let period = Some(form.value("period")).filter(|p| !p.is_empty());
    let titles = typed_titles(form).into_iter().filter(|(_, t)| !t.trim().is_empty()).collect();
    Some(DeliverableInput {
        code: form.value("code"),
        work_package: form.value("work_package"),
        period,
        titles,
        description: form.value("description"),
        due_on,
        partners: form.all("partner"),
        evidence,
    })
}

pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    CheckedForm(Pairs(values)): CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("deliverable-new-title");
        let actor = user.actor();
        tracking::require_manager(&actor)?;
        let mut form = FormState { values, ..FormState::default() };
        let status = match typed_input(&page, &mut form, Vec::new()) {
            None => StatusCode::UNPROCESSABLE_ENTITY,
            Some(input) => match deliverables::create(&state, user.member(), &input).await {
                Ok(record) => {
                    let mut cookies = cookies;
                    cookies.push(notice("notice-workplan-saved"));
                    return Ok(see_other(&page.href(&format!("/deliverables/{}", record.id)), cookies));
                }
                Err(error) => refusal(&page, error, &mut form)?,
            },
        };
        let body = form_page(&state, &page, &actor, None, form).await?;
        Ok(html(status, body, cookies))
    })
    .await
}

pub async fn edit_form(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("deliverable-edit-title");
        let actor = user.actor();
        tracking::require_manager(&actor)?;
        let record = deliverables::find(&state, &actor, deliverable_id(&req)?).await?;
        let body = form_page(&state, &page, &actor, Some(record.id), stored_values(&record)).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

pub async fn edit(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    CheckedForm(Pairs(values)): CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("deliverable-edit-title");
        let actor = user.actor();
        tracking::require_manager(&actor)?;
        let record = deliverables::find(&state, &actor, deliverable_id(&req)?).await?;
        let mut form = FormState { values, ..FormState::default() };
        // A version that is not a number was read from no deliverable: it is stale.
        let expected = form.value("version").trim().parse::<i64>().unwrap_or(-1);
        let status = match typed_input(&page, &mut form, record.evidence.clone()) {
            None => StatusCode::UNPROCESSABLE_ENTITY,
            Some(input) => match deliverables::change(&state, user.member(), record.id, &input, expected).await {
                Ok(_) => {
                    let mut cookies = cookies;
                    cookies.push(notice("notice-workplan-saved"));
                    return Ok(see_other(&page.href(&format!("/deliverables/{}", record.id)), cookies));
                }
                Err(UseCaseError::Stale { current, .. }) => {
                    // Nothing was saved: what was typed stays, and saving again replaces the
                    // other change knowingly.
                    form.values.retain(|(name, _)| name != "version");
                    form.set("version", current.to_string());
                    form.general = Some(page.t("deliverable-stale"));
                    StatusCode::CONFLICT
                }
                Err(error) => refusal(&page, error, &mut form)?,
            },
        };
        let body = form_page(&state, &page, &actor, Some(record.id), form).await?;
        Ok(html(status, body, cookies))
    })
    .await
}
