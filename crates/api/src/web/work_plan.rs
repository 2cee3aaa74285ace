//! The work plan's pages: the work packages with their deliverables and the reporting periods
//! (`/{lang}/work-packages`), one work package (`/{lang}/work-packages/{code}`), and the lead
//! partner's forms adding and changing work packages and periods. Every change goes through
//! the use cases of `usecases::tracking::work_plan`, as the JSON API's do.

use super::extract::{CheckedForm, Lang, Member, Pairs};
use super::form_state::FormState;
use super::{Page, html, notice, render, respond, see_other};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::Error as UseCaseError;
use crate::usecases::tracking::deliverables::{self, Selection};
use crate::usecases::tracking::work_plan::{
    self, PHASES, PeriodChange, PeriodInput, WorkPackageChange, WorkPackageInput,
};
use crate::usecases::tracking::{self, today};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use mfx_domain::tracking::{PeriodSpec, is_overdue};
use mfx_domain::{Locale, Partner, Violations};
use mfx_store::tracking::{DeliverableRecord, Titles};

/// A deliverable as a row of the work plan's tables.
pub struct DeliverableRow {
    pub id: String,
    pub code: String,
    pub title: String,
    /// The title's language when it is not the reader's.
    pub title_lang: Option<String>,
    pub partners: String,
    pub due_on: NaiveDate,
    pub status: &'static str,
    pub overdue: bool,
}

pub(super) fn rows_of(
    records: &[&DeliverableRecord],
    partners: &[Partner],
    lang: Locale,
    today: NaiveDate,
) -> Vec<DeliverableRow> {
    records
        .iter()
        .map(|d| {
            let (title, language) = tracking::title_and_language(&d.titles, lang);
            DeliverableRow {
                id: d.id.to_string(),
                code: d.code.clone(),
                title,
                title_lang: (language != lang.as_str()).then_some(language),
                partners: partner_names(partners, d),
                due_on: d.due_on,
                status: d.status.as_str(),
                overdue: is_overdue(d.due_on, d.status, today),
            }
        })
        .collect()
}

/// The responsible partners of a deliverable, by name.
pub(super) fn partner_names(partners: &[Partner], record: &DeliverableRecord) -> String {
    record.partners.iter().map(|(_, s)| super::pages::partner_name(partners, s)).collect::<Vec<_>>().join(", ")
}

/// A work package with its deliverables and their counts.
pub struct PackageView {
    pub code: String,
    pub title: String,
    pub title_lang: Option<String>,
    pub titles: Titles,
    pub rows: Vec<DeliverableRow>,
    pub delivered: usize,
    pub approved: usize,
    pub late: usize,
}

fn package_view(
    code: &str,
    titles: &Titles,
    records: &[DeliverableRecord],
    partners: &[Partner],
    lang: Locale,
    today: NaiveDate,
) -> PackageView {
    let own: Vec<&DeliverableRecord> = records.iter().filter(|d| d.work_package == code).collect();
    let rows = rows_of(&own, partners, lang, today);
    let (title, language) = tracking::title_and_language(titles, lang);
    PackageView {
        code: code.to_owned(),
        title,
        title_lang: (language != lang.as_str()).then_some(language),
        titles: titles.clone(),
        delivered: own.iter().filter(|d| d.status.is_delivered()).count(),
        approved: own.iter().filter(|d| d.status == mfx_domain::tracking::DeliverableStatus::Approved).count(),
        late: rows.iter().filter(|r| r.overdue).count(),
        rows,
    }
}

#[derive(Template)]
#[template(path = "work_packages.html")]
pub struct WorkPackagesPage<'a> {
    pub page: &'a Page,
    pub packages: Vec<PackageView>,
    pub periods: Vec<PeriodSpec>,
    pub phases: [&'static str; 2],
    /// The reader may change the work plan.
    pub manages: bool,
    /// Which form was posted (`wp-new`, `wp:WP1`, `period-new`, `period:S1`), or empty.
    pub posted: String,
    pub form: FormState,
}

impl WorkPackagesPage<'_> {
    /// What a field of form `key` shows: what was typed when it was posted, else `stored`.
    pub fn value(&self, key: &str, name: &str, stored: &str) -> String {
        if self.posted == key { self.form.value(name) } else { stored.to_owned() }
    }

    pub fn error(&self, key: &str, name: &str) -> Option<String> {
        if self.posted == key { self.form.error(name) } else { None }
    }

    pub fn stored_title(&self, titles: &Titles, lang: &Locale) -> String {
        titles.get(lang.as_str()).cloned().unwrap_or_default()
    }
}

async fn work_packages_page(state: &AppState, page: &Page, posted: &str, form: FormState) -> Result<String, ApiError> {
    let Some(user) = page.user.as_ref() else { return Err(ApiError::Unauthenticated("sign in")) };
    let actor = user.actor();
    let lang = page.lang;
    let found = work_plan::work_packages(state, &actor, lang).await?;
    let periods = work_plan::periods(state, &actor).await?;
    let records = deliverables::list(state, &actor, Selection::default()).await?;
    let partners = state.read(mfx_store::partners::list).await?;
    let today = today(state);
    let packages = found.iter().map(|w| package_view(&w.code, &w.titles, &records, &partners, lang, today)).collect();
    render(&WorkPackagesPage {
        page,
        packages,
        periods,
        phases: PHASES,
        manages: deliverables::may_manage(&actor),
        posted: posted.to_owned(),
        form,
    })
}

pub async fn list(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, _) = member.titled("workplan-title");
        let body = work_packages_page(&state, &page, "", FormState::default()).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// The form field a use case's field names: `titles.fr` is typed in `title-fr`.
fn form_field(field: &str) -> String {
    match field.strip_prefix("titles.") {
        Some(lang) => format!("title-{lang}"),
        None => field.split('[').next().unwrap_or(field).to_owned(),
    }
}

/// Errors beside their fields, translated, with the general alert; the status of the answer.
pub(super) fn refusal(page: &Page, error: UseCaseError, form: &mut FormState) -> Result<StatusCode, ApiError> {
    let status = match error {
        UseCaseError::Invalid(violations) => {
            put_errors(page, &violations, form);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        UseCaseError::Conflict { field, code } => {
            form.errors.push((form_field(field), page.t(&format!("error-{code}"))));
            StatusCode::CONFLICT
        }
        other => return Err(other.into()),
    };
    form.general = Some(page.t("form-has-errors"));
    Ok(status)
}

fn put_errors(page: &Page, violations: &Violations, form: &mut FormState) {
    for v in violations.iter() {
        let field = form_field(&v.field);
        if !form.errors.iter().any(|(f, _)| *f == field) {
            form.errors.push((field, page.t(&format!("error-{}", v.code))));
        }
    }
}

/// The titles typed in a form's `title-<lang>` fields.
pub(super) fn typed_titles(form: &FormState) -> Titles {
    Locale::all().into_iter().map(|l| (l.as_str().to_owned(), form.value(&format!("title-{l}")))).collect()
}

/// A form's answer: back to the work plan with a notice, or the page again with the errors.
async fn answer(
    state: &AppState,
    page: Page,
    cookies: Vec<actix_web::cookie::Cookie<'static>>,
    posted: &str,
    mut form: FormState,
    outcome: Result<(), UseCaseError>,
) -> Result<HttpResponse, ApiError> {
    match outcome {
        Ok(()) => {
            let mut cookies = cookies;
            cookies.push(notice("notice-workplan-saved"));
            Ok(see_other(&page.href("/work-packages"), cookies))
        }
        Err(error) => {
            let status = refusal(&page, error, &mut form)?;
            let body = work_packages_page(state, &page, posted, form).await?;
            Ok(html(status, body, cookies))
        }
    }
}

pub async fn create_package(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    CheckedForm(Pairs(values)): CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("workplan-title");
        let form = FormState { values, ..FormState::default() };
        let input = WorkPackageInput { code: form.value("code"), titles: typed_titles(&form) };
        let outcome = work_plan::create_work_package(&state, &user.actor(), input).await.map(drop);
        answer(&state, page, cookies, "wp-new", form, outcome).await
    })
    .await
}

pub async fn change_package(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    code: web::Path<(String, String)>,
    CheckedForm(Pairs(values)): CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("workplan-title");
        let code = code.into_inner().1;
        let form = FormState { values, ..FormState::default() };
        let input = WorkPackageChange { titles: typed_titles(&form) };
        let outcome = work_plan::change_work_package(&state, &user.actor(), &code, input).await.map(drop);
        answer(&state, page, cookies, &format!("wp:{code}"), form, outcome).await
    })
    .await
}

fn period_input(form: &FormState) -> PeriodInput {
    PeriodInput {
        code: form.value("code"),
        phase: form.value("phase"),
        starts_on: form.value("starts_on"),
        ends_on: form.value("ends_on"),
    }
}

pub async fn create_period(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    CheckedForm(Pairs(values)): CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("workplan-title");
        let form = FormState { values, ..FormState::default() };
        let outcome = work_plan::create_period(&state, &user.actor(), &period_input(&form)).await.map(drop);
        answer(&state, page, cookies, "period-new", form, outcome).await
    })
    .await
}

pub async fn change_period(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    code: web::Path<(String, String)>,
    CheckedForm(Pairs(values)): CheckedForm<Pairs>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("workplan-title");
        let code = code.into_inner().1;
        let form = FormState { values, ..FormState::default() };
        let typed = period_input(&form);
        let change = PeriodChange {
            code: Some(typed.code),
            phase: Some(typed.phase),
            starts_on: Some(typed.starts_on),
            ends_on: Some(typed.ends_on),
        };
        let outcome = work_plan::change_period(&state, &user.actor(), &code, change).await.map(drop);
        answer(&state, page, cookies, &format!("period:{code}"), form, outcome).await
    })
    .await
}

// ------------------------------------------------------------------------------ one package

#[derive(Template)]
#[template(path = "work_package.html")]
pub struct WorkPackagePage<'a> {
    pub page: &'a Page,
    pub package: PackageView,
    pub manages: bool,
}

pub async fn package(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    code: web::Path<(String, String)>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (mut page, cookies, user) = member.titled("workplan-title");
        let code = code.into_inner().1;
        let actor = user.actor();
        let found = work_plan::work_packages(&state, &actor, lang).await?;
        let wp = found.iter().find(|w| w.code == code).ok_or(UseCaseError::NotFound("work package"))?;
        let selection = Selection { work_package: Some(code.clone()), ..Selection::default() };
        let records = deliverables::list(&state, &actor, selection).await?;
        let partners = state.read(mfx_store::partners::list).await?;
        let package = package_view(&wp.code, &wp.titles, &records, &partners, lang, today(&state));
        page.title = format!("{} {}", package.code, package.title);
        page.title_lang.clone_from(&package.title_lang);
        let body = render(&WorkPackagePage { page: &page, package, manages: deliverables::may_manage(&actor) })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}
