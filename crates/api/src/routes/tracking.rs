//! The HTTP side of deliverable tracking: periods, work packages, deliverables and their
//! workflow, the action-item board, the dashboard, the CSV export, the calendar feed and the
//! semester report. Each handler reads the request, calls the use case in
//! [`crate::usecases::tracking`], and sends its answer (JSON, CSV, iCalendar or Markdown).

use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{ApiError, Problem};
use crate::json::JsonBody;
use crate::routes::kinds::LangParam;
use crate::routes::{IfMatch, etag};
use crate::state::AppState;
use crate::usecases::tracking::board::{self, BoardSelection};
use crate::usecases::tracking::deliverables::{self, Selection};
use crate::usecases::tracking::{calendar, report as reports, today, work_plan};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use chrono::NaiveDate;
use mfx_domain::tracking::{self, DeliverableStatus};
use mfx_domain::{Locale, Violations};
use mfx_store::tracking::DeliverableRecord;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub use crate::usecases::tracking::board::{BoardEntry, Dashboard, PartnerProgress, PeriodCompletion};
pub use crate::usecases::tracking::calendar::CalendarFeed;
pub use crate::usecases::tracking::deliverables::{
    CsvFormat, DeliverableInput, DeliverableMoveInput, DeliverableTitles, DeliverableView, HistoryView,
    deliverable_view, deliverables_as_csv,
};
pub use crate::usecases::tracking::report::ReportFormat;
pub use crate::usecases::tracking::work_plan::{
    PeriodChange, PeriodInput, WorkPackageChange, WorkPackageInput, WorkPackageTitles, WorkPackageView,
};

fn requested(req: &HttpRequest, lang: Option<&str>, user: &CurrentUser) -> Result<Locale, ApiError> {
    crate::routes::documents::reader_language(req, lang, &MaybeUser(Some(user.clone())))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliverableList {
    pub items: Vec<DeliverableView>,
}

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
    /// The CSV only: `language` (the default) writes it for people in the reader's language;
    /// `codes` writes the stable variant for programs (see docs/api.md).
    #[param(value_type = Option<CsvFormat>)]
    pub format: Option<String>,
}

impl DeliverableQuery {
    /// The selection, checked.
    fn selection(&self) -> Result<Selection, ApiError> {
        let mut v = Violations::new();
        let status = self.status.as_deref().and_then(|s| v.check("status", DeliverableStatus::parse(s)));
        v.into_result()?;
        Ok(Selection {
            partner: self.partner.clone(),
            period: self.period.clone(),
            work_package: self.work_package.clone(),
            status,
            only_late: self.overdue == Some(true),
        })
    }
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

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The period's code (S1 … S6, FU); the current one by default.
    pub period: Option<String>,
    /// The draft's language; English, the programme's reporting language, by default.
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
    /// `markdown` (the default) or `docx` (a Word document).
    #[param(value_type = Option<ReportFormat>)]
    pub format: Option<String>,
}

fn deliverable_response(
    status: StatusCode,
    record: &DeliverableRecord,
    locale: Locale,
    today: NaiveDate,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::ETAG, etag(record.version)))
        .json(deliverable_view(record, locale, today))
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
    Ok(web::Json(work_plan::periods(&state, &user.actor()).await?))
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
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    Ok(web::Json(work_plan::work_packages(&state, &user.actor(), locale).await?))
}

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
    let created = work_plan::create_work_package(&state, &user.actor(), body.0).await?;
    Ok(HttpResponse::Created().json(created))
}

/// Changes a work package's titles (lead partner).
#[utoipa::path(
    tag = "tracking",
    params(("code" = String, Path, description = "The work package's code")),
    request_body = WorkPackageChange,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Changed", body = WorkPackageView),
        (status = 403, description = "Not the lead partner", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such work package", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid titles", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/work-packages/{code}")]
pub async fn patch_work_package(
    state: web::Data<AppState>,
    user: CurrentUser,
    code: web::Path<String>,
    body: JsonBody<WorkPackageChange>,
) -> Result<web::Json<WorkPackageView>, ApiError> {
    Ok(web::Json(work_plan::change_work_package(&state, &user.actor(), &code, body.0).await?))
}

/// Adds a reporting period (lead partner): it ends after it starts and overlaps no other.
#[utoipa::path(
    tag = "tracking",
    request_body = PeriodInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = tracking::PeriodSpec),
        (status = 403, description = "Not the lead partner", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code is taken (`code_taken`), or the dates overlap another period (`period_overlap`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/periods")]
pub async fn create_period(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: JsonBody<PeriodInput>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(work_plan::create_period(&state, &user.actor(), &body.0).await?))
}

/// Changes a reporting period (lead partner): the fields sent replace those stored.
#[utoipa::path(
    tag = "tracking",
    params(("code" = String, Path, description = "The period's code")),
    request_body = PeriodChange,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Changed", body = tracking::PeriodSpec),
        (status = 403, description = "Not the lead partner", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such period", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The new code is taken (`code_taken`), or the dates overlap another period (`period_overlap`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/periods/{code}")]
pub async fn patch_period(
    state: web::Data<AppState>,
    user: CurrentUser,
    code: web::Path<String>,
    body: JsonBody<PeriodChange>,
) -> Result<web::Json<tracking::PeriodSpec>, ApiError> {
    Ok(web::Json(work_plan::change_period(&state, &user.actor(), &code, body.0).await?))
}

// ---------------------------------------------------------------- deliverables

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
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    // `format` only shapes the CSV; an unknown one is refused here too.
    CsvFormat::parse(query.format.as_deref())?;
    let found = deliverables::list(&state, &user.actor(), query.selection()?).await?;
    let today = today(&state);
    Ok(web::Json(DeliverableList { items: found.iter().map(|d| deliverable_view(d, locale, today)).collect() }))
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
    let record = deliverables::create(&state, user.member(), &body.0).await?;
    let mut response = deliverable_response(StatusCode::CREATED, &record, user.record.account.locale, today(&state));
    response.headers_mut().insert(
        header::LOCATION,
        header::HeaderValue::from_str(&format!("/api/v1/deliverables/{}", record.id)).map_err(ApiError::internal)?,
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
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    let record = deliverables::find(&state, &user.actor(), deliverables::parse_id(&id)?).await?;
    Ok(deliverable_response(StatusCode::OK, &record, locale, today(&state)))
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
    crate::usecases::tracking::require_manager(&user.actor())?;
    let condition = IfMatch::required(&req)?;
    let record = deliverables::find(&state, &user.actor(), deliverables::parse_id(&id)?).await?;
    let expected =
        condition.expected(async { Ok(Some(record.version)) }).await?.ok_or(ApiError::PreconditionRequired)?;
    // The fields sent replace those stored; the whole is read as a create body and checked.
    let mut merged = serde_json::to_value(deliverables::as_input(&record)).map_err(ApiError::internal)?;
    if let (Some(target), Some(changes)) = (merged.as_object_mut(), body.0.as_object()) {
        for (key, value) in changes {
            target.insert(key.clone(), value.clone());
        }
    }
    let input: DeliverableInput = crate::json::parse_object(merged.to_string().as_bytes())?;
    let record = deliverables::change(&state, user.member(), record.id, &input, expected).await?;
    Ok(deliverable_response(StatusCode::OK, &record, user.record.account.locale, today(&state)))
}

/// Moves a deliverable: responsible partners' editors take it up to submitted; the lead partner
/// approves it or returns it (to in progress, with a comment). Documents named in `evidence`
/// (of the responsible partners, readable by the caller) join the deliverable's evidence with
/// the move.
#[utoipa::path(
    tag = "tracking",
    params(("id" = String, Path, format = Uuid)),
    request_body = DeliverableMoveInput,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Moved", body = DeliverableView, headers(("ETag" = String))),
        (status = 403, description = "The account may not make this move", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The current status does not allow this move", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed meanwhile", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a status, a missing comment, or evidence that is not a readable document of a responsible partner", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/deliverables/{id}/transitions")]
pub async fn move_deliverable(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: JsonBody<DeliverableMoveInput>,
) -> Result<HttpResponse, ApiError> {
    let record = deliverables::move_deliverable(&state, user.member(), deliverables::parse_id(&id)?, body.0).await?;
    Ok(deliverable_response(StatusCode::OK, &record, user.record.account.locale, today(&state)))
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
    Ok(web::Json(deliverables::history(&state, &user.actor(), deliverables::parse_id(&id)?).await?))
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
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    let format = CsvFormat::parse(query.format.as_deref())?;
    let found = deliverables::list(&state, &user.actor(), query.selection()?).await?;
    let today = today(&state);
    let partners = state.read(mfx_store::partners::list).await?;
    let out = deliverables_as_csv(&found, &partners, locale, today, format);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"deliverables-{today}.csv\"")))
        .body(out))
}

// ---------------------------------------------------------------- the board and the dashboard

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
    let query = query.into_inner();
    let selection =
        BoardSelection { partner: query.partner, status: query.status, only_late: query.overdue == Some(true) };
    Ok(web::Json(board::action_items(&state, &user.actor(), selection).await?))
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
    let locale = requested(&req, query.lang.as_deref(), &user)?;
    Ok(web::Json(board::dashboard_for(&state, &user.actor(), locale).await?.0))
}

// ---------------------------------------------------------------- calendar feed

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
    Ok(HttpResponse::Created().json(calendar::create(&state, user.member()).await?))
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
    calendar::revoke(&state, user.record.account.id).await?;
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
    let body = calendar::feed(&state, &token).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        .body(body))
}

// ---------------------------------------------------------------- semester report

/// A draft of the semester report, in Markdown or as a Word document: per partner, what the
/// platform knows for the period — deliverables due, documents published and their languages.
#[utoipa::path(
    tag = "tracking",
    params(ReportQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The draft", content(
            (String = "text/markdown"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        )),
        (status = 404, description = "No such period", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown language or format", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/report")]
pub async fn report(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    let language = match query.lang.as_deref() {
        Some(lang) => requested(&req, Some(lang), &user)?,
        None => Locale::fallback(),
    };
    let format = ReportFormat::parse(query.format.as_deref())?;
    let drafted = reports::draft(&state, &user.actor(), query.period.as_deref(), language).await?;
    let file = format.write(&drafted)?;
    Ok(HttpResponse::Ok()
        .content_type(file.content_type)
        .insert_header((header::CONTENT_DISPOSITION, format!("inline; filename=\"{}\"", file.file_name)))
        .body(file.bytes))
}
