//! Deliverable tracking for the lead partner: periods, work packages, deliverables and their
//! workflow, the action-item board, the dashboard with indicators, the CSV export, the
//! calendar feed and the semester report.

use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{ApiError, Problem};
use crate::json::JsonBody;
use crate::routes::documents::{DeliverableTransition, TransitionInput};
use crate::routes::kinds::LangParam;
use crate::routes::{IfMatch, etag};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use mfx_domain::document::DocumentId;
use mfx_domain::policy::{Action, Actor, ReadScope, Resource, permits};
use mfx_domain::tracking::{self, DeliverableStatus, Indicator, is_overdue, item_overdue};
use mfx_domain::{FieldError, Locale, PartnerId, Violations};
use mfx_store::tracking::{self as store, DeliverableFields, DeliverableFilter, DeliverableRecord, Titles};
use mfx_store::{documents, partners};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

fn member(user: &CurrentUser) -> Result<(), ApiError> {
    if permits(&user.actor(), Action::Read, &Resource::WorkPlan) { Ok(()) } else { Err(ApiError::forbidden()) }
}

fn manager(user: &CurrentUser) -> Result<(), ApiError> {
    if permits(&user.actor(), Action::Create, &Resource::WorkPlan) { Ok(()) } else { Err(ApiError::forbidden()) }
}

fn requested(req: &HttpRequest, lang: Option<&str>, user: &CurrentUser) -> Result<Locale, ApiError> {
    crate::routes::documents::reader_language(req, lang, &MaybeUser(Some(user.clone())))
}

/// A title in the reader's language: requested, then English, then any.
pub fn title_in(titles: &Titles, locale: Locale) -> String {
    title_and_language(titles, locale).0
}

/// The title chosen for a reader, and the language it is in.
pub fn title_and_language(titles: &Titles, locale: Locale) -> (String, String) {
    [locale.as_str(), Locale::fallback().as_str()]
        .into_iter()
        .find_map(|l| titles.get(l).map(|t| (t.clone(), l.to_owned())))
        .or_else(|| titles.iter().next().map(|(l, t)| (t.clone(), l.clone())))
        .unwrap_or_default()
}

fn today(state: &AppState) -> NaiveDate {
    state.clock.now().date_naive()
}

// ---------------------------------------------------------------- views

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkPackageView {
    pub code: String,
    pub title: String,
    #[schema(value_type = Object)]
    pub titles: Titles,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliverableView {
    #[schema(value_type = String, format = Uuid)]
    pub id: uuid::Uuid,
    #[schema(example = "D2.1")]
    pub code: String,
    /// In the reader's language (then English).
    pub title: String,
    #[schema(value_type = Object)]
    pub titles: Titles,
    pub description: String,
    pub work_package: String,
    pub period: Option<String>,
    #[schema(value_type = String, format = Date)]
    pub due_on: NaiveDate,
    pub status: DeliverableStatus,
    /// Due before today and not yet submitted: derived, never stored.
    pub overdue: bool,
    /// Responsible partners (slugs).
    pub partners: Vec<String>,
    pub evidence: Vec<DocumentId>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

pub fn deliverable_view(record: &DeliverableRecord, locale: Locale, today: NaiveDate) -> DeliverableView {
    DeliverableView {
        id: record.id,
        code: record.code.clone(),
        title: title_in(&record.titles, locale),
        titles: record.titles.clone(),
        description: record.description.clone(),
        work_package: record.work_package.clone(),
        period: record.period.clone(),
        due_on: record.due_on,
        status: record.status,
        overdue: is_overdue(record.due_on, record.status, today),
        partners: record.partners.iter().map(|(_, slug)| slug.clone()).collect(),
        evidence: record.evidence.clone(),
        version: record.version,
        updated_at: record.updated_at,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliverableList {
    pub items: Vec<DeliverableView>,
}

/// A deliverable as created or changed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "code": "D1.2", "work_package": "WP1", "period": "S2",
    "titles": {"en": "Regional stakeholder group report", "ro": "Raportul grupului regional al părților interesate"},
    "description": "Minutes and conclusions of the semester's regional stakeholder meetings.",
    "due_on": "2024-02-29", "partners": ["bologna", "orebro"], "evidence": []
}))]
pub struct DeliverableInput {
    /// 1 to 32 letters, digits, dots, hyphens or underscores.
    #[schema(pattern = "^[ \\t\\n\\r]*[A-Za-z0-9._-]{1,32}[ \\t\\n\\r]*$")]
    pub code: String,
    /// The work package's code (an existing one).
    pub work_package: String,
    /// The period's code (S1 … S6, FU; an existing one).
    #[serde(default)]
    pub period: Option<String>,
    /// The title by language; English at least.
    #[schema(value_type = DeliverableTitles)]
    pub titles: Titles,
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub description: String,
    #[schema(value_type = String, format = Date)]
    pub due_on: NaiveDate,
    /// The responsible partners (slugs of existing partners), one or more.
    #[schema(value_type = Vec<mfx_domain::schema::PartnerSlugText>, min_items = 1)]
    pub partners: Vec<String>,
    /// Documents that show the work: a meeting note, an action plan …
    #[serde(default)]
    pub evidence: Vec<DocumentId>,
}

async fn fields_of(state: &AppState, input: &DeliverableInput) -> Result<DeliverableFields, ApiError> {
    let mut v = Violations::new();
    let code = input.code.trim().to_owned();
    if code.is_empty() || code.len() > 32 || !code.chars().all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c)) {
        v.push(FieldError::new("code", "invalid_code", "1 to 32 letters, digits, dots, hyphens or underscores"));
    }
    let mut titles = Titles::new();
    for (lang, title) in &input.titles {
        if lang.parse::<Locale>().map(|l| l.as_str() != lang).unwrap_or(true) {
            v.push(FieldError::new(format!("titles.{lang}"), "unsupported_language", "use en, fr, it, ro, sl or sv"));
        }
        let title = title.trim();
        if title.is_empty() || title.chars().count() > 200 {
            v.push(FieldError::new(format!("titles.{lang}"), "required", "a title of 1 to 200 characters"));
        }
        titles.insert(lang.clone(), title.to_owned());
    }
    let working = Locale::fallback();
    if !titles.contains_key(working.as_str()) {
        v.push(FieldError::new(format!("titles.{working}"), "required", "a title in the working language is required"));
    }
    if input.description.chars().count() > 5000 {
        v.push(FieldError::new("description", "too_long", "at most 5000 characters"));
    }
    if input.partners.is_empty() {
        v.push(FieldError::new("partners", "required", "at least one responsible partner"));
    }
    let (wp, period, known, evidence) = {
        let (wp_code, period_code, slugs, docs) =
            (input.work_package.clone(), input.period.clone(), input.partners.clone(), input.evidence.clone());
        state
            .read(move |c| {
                let wp = store::work_package_id(c, &wp_code)?;
                let period = match &period_code {
                    Some(code) => store::period_id(c, code)?.map(Some),
                    None => Some(None),
                };
                let known = documents::partner_ids(c, &slugs)?;
                let found = documents::summaries(c, &docs)?.into_iter().map(|s| s.id).collect::<Vec<_>>();
                Ok((wp, period, known, found))
            })
            .await?
    };
    if wp.is_none() {
        v.push(FieldError::new("work_package", "unknown_work_package", "not a work package's code"));
    }
    if period.is_none() {
        v.push(FieldError::new("period", "unknown_period", "not a period's code"));
    }
    let mut partners: Vec<PartnerId> = Vec::new();
    for (i, slug) in input.partners.iter().enumerate() {
        match known.get(slug) {
            Some(id) if !partners.contains(id) => partners.push(*id),
            Some(_) => {}
            None => v.push(FieldError::new(format!("partners[{i}]"), "unknown_partner", "not a partner's slug")),
        }
    }
    for (i, doc) in input.evidence.iter().enumerate() {
        if !evidence.contains(doc) {
            v.push(FieldError::new(format!("evidence[{i}]"), "unknown_document", "not a document"));
        }
    }
    // A document named twice is evidence once.
    let mut unique_evidence: Vec<DocumentId> = Vec::with_capacity(input.evidence.len());
    for doc in &input.evidence {
        if !unique_evidence.contains(doc) {
            unique_evidence.push(*doc);
        }
    }
    v.into_result()?;
    Ok(DeliverableFields {
        code,
        work_package_id: wp.unwrap_or_default(),
        period_id: period.flatten(),
        titles,
        description: input.description.trim().to_owned(),
        due_on: input.due_on,
        partners,
        evidence: unique_evidence,
    })
}

// ---------------------------------------------------------------- periods and work packages

/// The reporting periods: the semesters of the core phase, then the follow-up phase.
#[utoipa::path(
    tag = "tracking",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The periods", body = Vec<tracking::PeriodSpec>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/periods")]
pub async fn list_periods(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<web::Json<Vec<tracking::PeriodSpec>>, ApiError> {
    member(&user)?;
    let found = state.read(store::periods).await?;
    Ok(web::Json(found.into_iter().map(|p| p.spec).collect()))
}

/// The work packages.
#[utoipa::path(
    tag = "tracking",
    params(LangParam),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The work packages", body = Vec<WorkPackageView>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/work-packages")]
pub async fn list_work_packages(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    query: web::Query<LangParam>,
) -> Result<web::Json<Vec<WorkPackageView>>, ApiError> {
    member(&user)?;
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    let found = state.read(store::work_packages).await?;
    Ok(web::Json(
        found
            .into_iter()
            .map(|w| WorkPackageView { title: title_in(&w.titles, locale), code: w.code, titles: w.titles })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkPackageInput {
    /// 1 to 16 characters once trimmed.
    #[schema(example = "WP1", pattern = "\\S", max_length = 16)]
    pub code: String,
    /// The title by language; English at least.
    #[schema(value_type = WorkPackageTitles, example = json!({"en": "Exchange of experience"}))]
    pub titles: Titles,
}

/// The titles of a deliverable: by language, English at least; each 1 to 200 characters.
pub struct DeliverableTitles;

impl utoipa::PartialSchema for DeliverableTitles {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let title = || mfx_domain::schema::Title::schema();
        let mut object = utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Object)
            .additional_properties(Some(utoipa::openapi::schema::AdditionalProperties::FreeForm(false)))
            .required(Locale::fallback().as_str());
        for locale in Locale::all() {
            object = object.property(locale.as_str(), title());
        }
        object.into()
    }
}

impl utoipa::ToSchema for DeliverableTitles {}

/// The titles of a work package: by language, English at least (not blank).
pub struct WorkPackageTitles;

impl utoipa::PartialSchema for WorkPackageTitles {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Object)
            .property(
                Locale::fallback().as_str(),
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .pattern(Some("\\S")),
            )
            .required(Locale::fallback().as_str())
            .additional_properties(Some(
                utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::schema::Type::String),
            ))
            .into()
    }
}

impl utoipa::ToSchema for WorkPackageTitles {}

/// Adds a work package (lead partner).
#[utoipa::path(
    tag = "tracking",
    request_body = WorkPackageInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = WorkPackageView),
        (status = 403, description = "Not the lead partner", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/work-packages")]
pub async fn create_work_package(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: JsonBody<WorkPackageInput>,
) -> Result<HttpResponse, ApiError> {
    manager(&user)?;
    let input = body.0;
    let code = input.code.trim().to_owned();
    let mut v = Violations::new();
    if code.is_empty() || code.chars().count() > 16 {
        v.push(FieldError::new("code", "invalid_code", "1 to 16 characters"));
    }
    let working = Locale::fallback();
    if input.titles.get(working.as_str()).is_none_or(|t| t.trim().is_empty()) {
        v.push(FieldError::new(format!("titles.{working}"), "required", "a title in the working language is required"));
    }
    v.into_result()?;
    let (titles, now) = (input.titles.clone(), state.clock.now());
    let c = code.clone();
    state.write(move |conn| store::insert_work_package(conn, &c, &titles, now)).await?;
    Ok(HttpResponse::Created().json(WorkPackageView {
        title: title_in(&input.titles, Locale::fallback()),
        code,
        titles: input.titles,
    }))
}

// ---------------------------------------------------------------- deliverables

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliverableQuery {
    /// The reader's language for titles (then English).
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
    /// Only those a partner (slug) is responsible for; 404 if no partner has it.
    #[param(value_type = Option<mfx_domain::schema::PartnerSlugText>)]
    pub partner: Option<String>,
    /// Only those of a period (code).
    pub period: Option<String>,
    /// Only those of a work package (code).
    pub work_package: Option<String>,
    #[param(value_type = Option<DeliverableStatus>)]
    pub status: Option<String>,
    /// Only late ones.
    pub overdue: Option<bool>,
}

async fn filtered(state: &AppState, query: &DeliverableQuery) -> Result<Vec<DeliverableRecord>, ApiError> {
    let mut v = Violations::new();
    let status = query.status.as_deref().and_then(|s| v.check("status", DeliverableStatus::parse(s)));
    v.into_result()?;
    // A partner that does not exist is not found, as at `/partners/{slug}`.
    let partner = match query.partner.clone() {
        Some(slug) => Some(
            state
                .read(move |c| partners::find_by_slug(c, &slug))
                .await?
                .ok_or_else(|| ApiError::not_found("partner"))?
                .id,
        ),
        None => None,
    };
    let filter =
        DeliverableFilter { partner, period: query.period.clone(), work_package: query.work_package.clone(), status };
    let today = today(state);
    let only_late = query.overdue == Some(true);
    let found = state.read(move |c| store::list_deliverables(c, &filter)).await?;
    Ok(found.into_iter().filter(|d| !only_late || is_overdue(d.due_on, d.status, today)).collect())
}

/// Deliverables by due date, each saying whether it is late.
#[utoipa::path(
    tag = "tracking",
    params(DeliverableQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The deliverables", body = DeliverableList),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid filters", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/deliverables")]
pub async fn list_deliverables(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    query: web::Query<DeliverableQuery>,
) -> Result<web::Json<DeliverableList>, ApiError> {
    member(&user)?;
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    let found = filtered(&state, &query).await?;
    let today = today(&state);
    Ok(web::Json(DeliverableList { items: found.iter().map(|d| deliverable_view(d, locale, today)).collect() }))
}

fn deliverable_response(
    status: actix_web::http::StatusCode,
    record: &DeliverableRecord,
    locale: Locale,
    today: NaiveDate,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::ETAG, etag(record.version)))
        .json(deliverable_view(record, locale, today))
}

async fn load(state: &AppState, id: &str) -> Result<DeliverableRecord, ApiError> {
    let id: uuid::Uuid = id.parse().map_err(|_| ApiError::not_found("deliverable"))?;
    state.read(move |c| store::find_deliverable(c, id)).await?.ok_or_else(|| ApiError::not_found("deliverable"))
}

/// Defines a deliverable (lead partner).
#[utoipa::path(
    tag = "tracking",
    request_body = DeliverableInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = DeliverableView, headers(("ETag" = String), ("Location" = String))),
        (status = 403, description = "Not the lead partner", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/deliverables")]
pub async fn create_deliverable(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: JsonBody<DeliverableInput>,
) -> Result<HttpResponse, ApiError> {
    manager(&user)?;
    let fields = fields_of(&state, &body.0).await?;
    let (author, now) = (user.record.account.id, state.clock.now());
    let id = state.write(move |c| store::insert_deliverable(c, &fields, Some(author), now)).await?;
    let record =
        state.read(move |c| store::find_deliverable(c, id)).await?.ok_or_else(|| ApiError::not_found("deliverable"))?;
    let mut response =
        deliverable_response(actix_web::http::StatusCode::CREATED, &record, user.record.account.locale, today(&state));
    response.headers_mut().insert(
        header::LOCATION,
        header::HeaderValue::from_str(&format!("/api/v1/deliverables/{id}")).map_err(ApiError::internal)?,
    );
    Ok(response)
}

/// One deliverable.
#[utoipa::path(
    tag = "tracking",
    params(("id" = String, Path, format = Uuid), LangParam),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The deliverable", body = DeliverableView, headers(("ETag" = String))),
        (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/deliverables/{id}")]
pub async fn get_deliverable(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    id: web::Path<String>,
    query: web::Query<LangParam>,
) -> Result<HttpResponse, ApiError> {
    member(&user)?;
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    let record = load(&state, &id).await?;
    Ok(deliverable_response(actix_web::http::StatusCode::OK, &record, locale, today(&state)))
}

/// Changes a deliverable (lead partner). Send the fields that change; `If-Match` is required.
#[utoipa::path(
    tag = "tracking",
    params(("id" = String, Path, format = Uuid), ("If-Match" = String, Header, pattern = "^(\\*|(W/)?\"[!#-~]*\"([ \\t]*,[ \\t]*(W/)?\"[!#-~]*\")*)$", description = "The ETag you read, a list of ETags, or `*`")),
    request_body(content = Object, description = "Any fields of the create body"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Changed", body = DeliverableView, headers(("ETag" = String))),
        (status = 403, description = "Not the lead partner", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed meanwhile", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/deliverables/{id}")]
pub async fn patch_deliverable(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    id: web::Path<String>,
    body: JsonBody<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    manager(&user)?;
    let condition = IfMatch::required(&req)?;
    let record = load(&state, &id).await?;
    let expected =
        condition.expected(async { Ok(Some(record.version)) }).await?.ok_or(ApiError::PreconditionRequired)?;
    let current = DeliverableInput {
        code: record.code.clone(),
        work_package: record.work_package.clone(),
        period: record.period.clone(),
        titles: record.titles.clone(),
        description: record.description.clone(),
        due_on: record.due_on,
        partners: record.partners.iter().map(|(_, s)| s.clone()).collect(),
        evidence: record.evidence.clone(),
    };
    let mut merged = serde_json::to_value(&current).map_err(ApiError::internal)?;
    if let (Some(target), Some(changes)) = (merged.as_object_mut(), body.0.as_object()) {
        for (key, value) in changes {
            target.insert(key.clone(), value.clone());
        }
    }
    let input: DeliverableInput = crate::json::parse_object(merged.to_string().as_bytes())?;
    let fields = fields_of(&state, &input).await?;
    let (actor, now, did) = (user.record.account.id, state.clock.now(), record.id);
    let record = state
        .write(move |c| {
            store::update_deliverable(c, did, &fields, expected, actor, now)?;
            store::find_deliverable(c, did)
        })
        .await?
        .ok_or_else(|| ApiError::not_found("deliverable"))?;
    Ok(deliverable_response(actix_web::http::StatusCode::OK, &record, user.record.account.locale, today(&state)))
}

/// Moves a deliverable: responsible partners' editors take it up to submitted; the lead partner
/// approves it or returns it (to in progress, with a comment).
#[utoipa::path(
    tag = "tracking",
    params(("id" = String, Path, format = Uuid)),
    request_body = DeliverableTransition,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Moved", body = DeliverableView, headers(("ETag" = String))),
        (status = 403, description = "The account may not make this move", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The current status does not allow this move", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed meanwhile", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a status, or a missing comment", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/deliverables/{id}/transitions")]
pub async fn move_deliverable(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: JsonBody<TransitionInput>,
) -> Result<HttpResponse, ApiError> {
    member(&user)?;
    let record = load(&state, &id).await?;
    let to = DeliverableStatus::parse(&body.0.to).map_err(|mut e| {
        e.field = "to".into();
        ApiError::invalid(e.into())
    })?;
    let step = tracking::deliverable_move(record.status, to).map_err(crate::routes::impossible_move)?;
    let responsible: Vec<PartnerId> = record.partners.iter().map(|(id, _)| *id).collect();
    if !permits(&user.actor(), step.needs, &Resource::Deliverable { responsible: &responsible }) {
        return Err(ApiError::forbidden());
    }
    let comment = body.0.comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
    if step.comment_required && comment.is_none() {
        return Err(ApiError::invalid(FieldError::new("comment", "required", "say what should change").into()));
    }
    let (actor, now, did, from) = (user.record.account.id, state.clock.now(), record.id, record.status);
    let record = state
        .write(move |c| {
            store::move_deliverable(c, did, from, to, Some(actor), comment.as_deref(), now)?;
            store::find_deliverable(c, did)
        })
        .await?
        .ok_or_else(|| ApiError::not_found("deliverable"))?;
    Ok(deliverable_response(actix_web::http::StatusCode::OK, &record, user.record.account.locale, today(&state)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryView {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub from: Option<String>,
    pub to: String,
    pub comment: Option<String>,
}

/// Every status change of a deliverable: who, when, from, to, and why.
#[utoipa::path(
    tag = "tracking",
    params(("id" = String, Path, format = Uuid)),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The history, oldest first", body = Vec<HistoryView>),
        (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/deliverables/{id}/history")]
pub async fn deliverable_history(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> Result<web::Json<Vec<HistoryView>>, ApiError> {
    member(&user)?;
    let record = load(&state, &id).await?;
    let did = record.id;
    let found = state.read(move |c| store::deliverable_history(c, did)).await?;
    Ok(web::Json(
        found
            .into_iter()
            .map(|h| HistoryView { at: h.at, actor: h.actor, from: h.from, to: h.to, comment: h.comment })
            .collect(),
    ))
}

/// CSV text of deliverables: a byte-order mark, a header, one row each, CRLF line ends.
pub fn deliverables_as_csv(found: &[DeliverableRecord], locale: Locale, today: NaiveDate) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&crate::csv::row(&[
        "code",
        "title",
        "work_package",
        "period",
        "responsible_partners",
        "due_on",
        "status",
        "overdue",
    ]));
    for d in found {
        let view = deliverable_view(d, locale, today);
        let row = [
            view.code,
            view.title,
            view.work_package,
            view.period.unwrap_or_default(),
            view.partners.join(" "),
            view.due_on.to_string(),
            view.status.as_str().to_owned(),
            if view.overdue { "yes".into() } else { "no".into() },
        ];
        out.push_str(&crate::csv::row(&row));
    }
    out
}

/// The deliverables as CSV (UTF-8 with a byte-order mark, so spreadsheets read every language).
#[utoipa::path(
    tag = "tracking",
    params(DeliverableQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "CSV", content_type = "text/csv", body = String),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/deliverables.csv")]
pub async fn deliverables_csv(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    query: web::Query<DeliverableQuery>,
) -> Result<HttpResponse, ApiError> {
    member(&user)?;
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    let found = filtered(&state, &query).await?;
    let today = today(&state);
    let out = deliverables_as_csv(&found, locale, today);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"deliverables-{today}.csv\"")))
        .body(out))
}

// ---------------------------------------------------------------- the board and the dashboard

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BoardEntry {
    /// `deliverable` or `action_item`.
    pub kind: &'static str,
    #[schema(value_type = String, format = Uuid)]
    pub id: uuid::Uuid,
    pub code: Option<String>,
    pub title: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub overdue: bool,
    pub partners: Vec<String>,
    /// The meeting note an action item comes from.
    pub meeting: Option<DocumentId>,
    /// The language of `title`.
    pub language: String,
}

/// Action items of meetings the caller may read, with the deliverables' board in mind.
pub async fn board_items(state: &AppState, actor: &Actor, today: NaiveDate) -> Result<Vec<BoardEntry>, ApiError> {
    let scope = ReadScope::of(actor);
    let found = state.read(store::action_item_board).await?;
    Ok(found
        .into_iter()
        .filter(|i| scope.admits(i.meeting_partner, i.meeting_status, i.meeting_visibility))
        .map(|i| BoardEntry {
            kind: "action_item",
            id: i.id,
            code: None,
            overdue: item_overdue(i.due_on, &i.status, today),
            title: i.title,
            due_on: i.due_on,
            status: i.status,
            partners: i.assignee.into_iter().collect(),
            meeting: Some(i.meeting),
            language: i.meeting_locale,
        })
        .collect())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BoardQuery {
    /// Only items assigned to this partner (slug).
    #[param(value_type = Option<mfx_domain::schema::PartnerSlugText>)]
    pub partner: Option<String>,
    /// open, in_progress, done or cancelled.
    pub status: Option<String>,
    pub overdue: Option<bool>,
}

/// Action items from meeting notes, on the same board as the deliverables.
#[utoipa::path(
    tag = "tracking",
    params(BoardQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The action items", body = Vec<BoardEntry>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/action-items")]
pub async fn list_action_items(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<BoardQuery>,
) -> Result<web::Json<Vec<BoardEntry>>, ApiError> {
    member(&user)?;
    // A partner that does not exist is not found, as at `/partners/{slug}`.
    if let Some(slug) = query.partner.clone() {
        state.read(move |c| partners::find_by_slug(c, &slug)).await?.ok_or_else(|| ApiError::not_found("partner"))?;
    }
    let items = board_items(&state, &user.actor(), today(&state)).await?;
    Ok(web::Json(
        items
            .into_iter()
            .filter(|i| query.partner.as_ref().is_none_or(|p| i.partners.contains(p)))
            .filter(|i| query.status.as_ref().is_none_or(|s| i.status == *s))
            .filter(|i| query.overdue != Some(true) || i.overdue)
            .collect(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerProgress {
    pub partner: String,
    pub deliverables: i64,
    /// Submitted or approved.
    pub delivered: i64,
    pub approved: i64,
    pub overdue: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PeriodCompletion {
    pub period: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub ends_on: NaiveDate,
    pub deliverables: i64,
    pub delivered: i64,
    pub approved: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dashboard {
    #[schema(value_type = String, format = Date)]
    pub today: NaiveDate,
    /// Late deliverables and action items.
    pub overdue: Vec<BoardEntry>,
    /// Due in the next 30 days.
    pub due_soon: Vec<BoardEntry>,
    pub partners: Vec<PartnerProgress>,
    pub periods: Vec<PeriodCompletion>,
    /// Figures computed from the content, each with its definition.
    pub indicators: Vec<Indicator>,
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Everything the dashboard shows.
pub async fn dashboard_for(
    state: &AppState,
    user: &CurrentUser,
    locale: Locale,
) -> Result<(Dashboard, Vec<DeliverableRecord>), ApiError> {
    let today = today(state);
    let all = state.read(|c| store::list_deliverables(c, &DeliverableFilter::default())).await?;
    let items = board_items(state, &user.actor(), today).await?;
    let (periods, partner_list, (documents, actions)) =
        state.read(|c| Ok((store::periods(c)?, partners::list(c)?, store::indicator_facts(c)?))).await?;
    let horizon = today + chrono::Duration::days(30);
    let mut entries: Vec<BoardEntry> = all
        .iter()
        .map(|d| BoardEntry {
            kind: "deliverable",
            id: d.id,
            code: Some(d.code.clone()),
            language: title_and_language(&d.titles, locale).1,
            title: title_in(&d.titles, locale),
            due_on: Some(d.due_on),
            status: d.status.as_str().to_owned(),
            overdue: is_overdue(d.due_on, d.status, today),
            partners: d.partners.iter().map(|(_, s)| s.clone()).collect(),
            meeting: None,
        })
        .collect();
    entries.extend(items);
    let open = |e: &&BoardEntry| !matches!(e.status.as_str(), "submitted" | "approved" | "done" | "cancelled");
    let overdue: Vec<BoardEntry> = entries.iter().filter(|e| e.overdue).cloned().collect();
    let due_soon: Vec<BoardEntry> =
        entries.iter().filter(open).filter(|e| e.due_on.is_some_and(|d| d >= today && d <= horizon)).cloned().collect();
    let slugs: Vec<String> = partner_list.iter().map(|p| p.profile.slug.to_string()).collect();
    let partners = slugs
        .iter()
        .map(|slug| {
            let mine: Vec<&DeliverableRecord> =
                all.iter().filter(|d| d.partners.iter().any(|(_, s)| s == slug)).collect();
            PartnerProgress {
                partner: slug.clone(),
                deliverables: count(mine.len()),
                delivered: count(mine.iter().filter(|d| d.status.is_delivered()).count()),
                approved: count(mine.iter().filter(|d| d.status == DeliverableStatus::Approved).count()),
                overdue: count(mine.iter().filter(|d| is_overdue(d.due_on, d.status, today)).count()),
            }
        })
        .collect();
    let period_rows = periods
        .iter()
        .map(|p| {
            let mine: Vec<&DeliverableRecord> =
                all.iter().filter(|d| d.period.as_deref() == Some(p.spec.code.as_str())).collect();
            PeriodCompletion {
                period: p.spec.code.clone(),
                starts_on: p.spec.starts_on,
                ends_on: p.spec.ends_on,
                deliverables: count(mine.len()),
                delivered: count(mine.iter().filter(|d| d.status.is_delivered()).count()),
                approved: count(mine.iter().filter(|d| d.status == DeliverableStatus::Approved).count()),
            }
        })
        .collect();
    let specs: Vec<tracking::PeriodSpec> = periods.into_iter().map(|p| p.spec).collect();
    let indicators = tracking::indicators(&documents, &actions, &slugs, &specs);
    Ok((Dashboard { today, overdue, due_soon, partners, periods: period_rows, indicators }, all))
}

/// Where the project stands: what is late and due soon, progress per partner and per period,
/// and the indicators computed from the content, each with its definition.
#[utoipa::path(
    tag = "tracking",
    params(LangParam),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The dashboard", body = Dashboard),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/dashboard")]
pub async fn dashboard(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    query: web::Query<LangParam>,
) -> Result<web::Json<Dashboard>, ApiError> {
    member(&user)?;
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    Ok(web::Json(dashboard_for(&state, &user, locale).await?.0))
}

// ---------------------------------------------------------------- calendar feed

#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarFeed {
    /// Subscribe to this address in a calendar application. Keep it secret.
    pub url: String,
}

/// Creates the account's secret calendar address (any earlier one stops working).
#[utoipa::path(
    tag = "tracking",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new address", body = CalendarFeed),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/calendar")]
pub async fn create_calendar(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    member(&user)?;
    let (token, _) = crate::auth::token::new_refresh_token();
    let token = token.replacen("mfxr_", "mfxc_", 1);
    let hash = crate::auth::token::hash_refresh_token(&token);
    let (who, now) = (user.record.account.id, state.clock.now());
    state.write(move |c| store::new_calendar_token(c, who, &hash, now)).await?;
    Ok(HttpResponse::Created()
        .json(CalendarFeed { url: format!("{}/calendar/{token}.ics", state.settings.public_url) }))
}

/// Revokes the account's calendar address.
#[utoipa::path(
    tag = "tracking",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/calendar")]
pub async fn revoke_calendar(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    let (who, now) = (user.record.account.id, state.clock.now());
    state.write(move |c| store::revoke_calendar_tokens(c, who, now)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The calendar feed of deadlines and meetings (iCalendar, RFC 5545, with time zones).
#[utoipa::path(
    tag = "tracking",
    params(("token" = String, Path, description = "The secret of the address")),
    responses(
        (status = 200, description = "The calendar", content_type = "text/calendar", body = String),
        (status = 404, description = "Unknown or revoked address", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/calendar/{token}.ics")]
pub async fn calendar_feed(state: web::Data<AppState>, token: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let hash = crate::auth::token::hash_refresh_token(&token);
    let now = state.clock.now();
    let owner =
        state.read(move |c| store::calendar_owner(c, &hash)).await?.ok_or_else(|| ApiError::not_found("calendar"))?;
    let record = state
        .read(move |c| mfx_store::accounts::find(c, owner))
        .await?
        .ok_or_else(|| ApiError::not_found("calendar"))?;
    let user = CurrentUser { record, session: String::new() };
    let locale = user.record.account.locale;
    let base = state.settings.public_url.clone();
    let today = now.date_naive();
    let manages = matches!(user.record.account.role, mfx_domain::Role::Admin | mfx_domain::Role::Coordinator);
    let own = user.record.partner_slug.to_string();
    let mut events = Vec::new();
    for d in state.read(|c| store::list_deliverables(c, &DeliverableFilter::default())).await? {
        if manages || d.partners.iter().any(|(_, s)| *s == own) {
            events.push(crate::ical::Event::Deadline {
                uid: format!("deliverable-{}@mfx", d.id),
                day: d.due_on,
                summary: format!("{} {}", d.code, title_in(&d.titles, locale)),
                description: format!(
                    "{} · {}",
                    d.status.as_str(),
                    d.partners.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>().join(", ")
                ),
                url: format!("{base}/{locale}/dashboard"),
            });
        }
    }
    for item in board_items(&state, &user.actor(), today).await? {
        if let Some(due) = item.due_on.filter(|_| manages || item.partners.contains(&own)) {
            events.push(crate::ical::Event::Deadline {
                uid: format!("action-item-{}@mfx", item.id),
                day: due,
                summary: item.title.clone(),
                description: item.status.clone(),
                url: format!(
                    "{base}/{locale}/meeting-notes/{}",
                    item.meeting.map(|m| m.to_string()).unwrap_or_default()
                ),
            });
        }
    }
    let scope = ReadScope::of(&user.actor());
    let filter =
        mfx_store::documents::ListFilter { kind: Some(mfx_domain::document::Kind::MeetingNote), ..Default::default() };
    let meetings = state.read(move |c| mfx_store::documents::list(c, &filter, scope, None, 500)).await?;
    for ids in meetings.chunks(50) {
        let ids: Vec<DocumentId> = ids.iter().map(|m| m.id).collect();
        let records = state
            .read(move |c| {
                ids.iter()
                    .filter_map(|id| mfx_store::documents::find(c, *id).transpose())
                    .collect::<Result<Vec<_>, _>>()
            })
            .await?;
        for record in records {
            let d = &record.details;
            let parse = |field: &str| {
                d[field].as_str().and_then(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").ok())
            };
            let zone = d["time_zone"].as_str().and_then(|z| z.parse::<chrono_tz::Tz>().ok());
            if let (Some(starts), Some(ends), Some(zone)) = (parse("starts_at"), parse("ends_at"), zone) {
                let text = mfx_i18n::fallback_chain(locale, record.summary.original_locale)
                    .into_iter()
                    .find_map(|l| record.summary.text(l))
                    .map(|t| t.texts.title().to_owned())
                    .unwrap_or_default();
                events.push(crate::ical::Event::Meeting {
                    uid: format!("meeting-{}@mfx", record.summary.id),
                    starts,
                    ends,
                    zone,
                    summary: text,
                    location: d["place"].as_str().unwrap_or_default().to_owned(),
                    url: format!("{base}/{locale}/meeting-notes/{}", record.summary.id),
                });
            }
        }
    }
    let body = crate::ical::calendar("MICROFUTURE Exchange", &events, now);
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        .body(body))
}

// ---------------------------------------------------------------- semester report

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The period's code (S1 … S6, FU); the current one by default.
    pub period: Option<String>,
}

/// A draft of the semester report in Markdown: per partner, what the platform knows for the
/// period — deliverables, documents published, meetings held, translations.
#[utoipa::path(
    tag = "tracking",
    params(ReportQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Markdown", content_type = "text/markdown", body = String),
        (status = 404, description = "No such period", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/report")]
pub async fn report(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    member(&user)?;
    let today = today(&state);
    let periods = state.read(store::periods).await?;
    let period = match &query.period {
        Some(code) => periods.iter().find(|p| p.spec.code == *code),
        None => periods.iter().find(|p| p.spec.starts_on <= today && today <= p.spec.ends_on).or(periods.last()),
    }
    .ok_or_else(|| ApiError::not_found("period"))?
    .spec
    .clone();
    let all = state.read(|c| store::list_deliverables(c, &DeliverableFilter::default())).await?;
    let partner_list = state.read(partners::list).await?;
    let scope = ReadScope::of(&user.actor());
    let docs = state
        .read(move |c| mfx_store::documents::list(c, &mfx_store::documents::ListFilter::default(), scope, None, 1000))
        .await?;
    let within = |d: NaiveDate| period.starts_on <= d && d <= period.ends_on;
    let mut out = format!(
        "# Semester report draft — {} ({} to {})\n\nDrafted by MICROFUTURE Exchange on {today} from what the platform holds. Check and complete before sending.\n",
        period.code, period.starts_on, period.ends_on
    );
    for partner in &partner_list {
        let slug = partner.profile.slug.as_str();
        out.push_str(&format!(
            "\n## {} ({})\n\n### Deliverables due in the period\n\n",
            partner.profile.name_en, partner.profile.short_name
        ));
        let due: Vec<&DeliverableRecord> =
            all.iter().filter(|d| within(d.due_on) && d.partners.iter().any(|(_, s)| s == slug)).collect();
        if due.is_empty() {
            out.push_str("- none\n");
        }
        for d in due {
            let late = if is_overdue(d.due_on, d.status, today) { " — **late**" } else { "" };
            out.push_str(&format!(
                "- {} {} — due {} — {}{late}\n",
                d.code,
                title_in(&d.titles, Locale::fallback()),
                d.due_on,
                d.status.as_str()
            ));
        }
        out.push_str("\n### Documents published in the period\n\n");
        let mut any = false;
        for doc in
            docs.iter().filter(|d| d.partner_slug == slug && d.published_at.is_some_and(|p| within(p.date_naive())))
        {
            any = true;
            let title = mfx_i18n::fallback_chain(Locale::fallback(), doc.original_locale)
                .into_iter()
                .find_map(|l| doc.text(l))
                .map(|t| t.texts.title().to_owned())
                .unwrap_or_default();
            let languages: Vec<&str> = doc.texts.iter().map(|t| t.locale.as_str()).collect();
            out.push_str(&format!("- {}: {title} ({})\n", doc.kind.as_str().replace('_', " "), languages.join(", ")));
        }
        if !any {
            out.push_str("- none\n");
        }
    }
    Ok(HttpResponse::Ok()
        .content_type("text/markdown; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("inline; filename=\"report-{}.md\"", period.code)))
        .body(out))
}
