//! Deliverables: defining and changing them (the lead partner), moving them in their workflow
//! (responsible partners up to submitted, the lead partner approves or returns), their history,
//! and lists with filters, also as CSV.

use super::super::{Error, impossible_move, read, write};
use super::{partner_name, period_name, require_manager, require_member, title_in, today};
use crate::state::AppState;
use chrono::{DateTime, NaiveDate, Utc};
use mfx_domain::document::DocumentId;
use mfx_domain::policy::{Action, Actor, Member, ReadScope, Resource, permits};
use mfx_domain::tracking::{DeliverableStatus, is_overdue};
use mfx_domain::{FieldError, Locale, Partner, PartnerId, Violations};
use mfx_i18n::Translator;
use mfx_store::documents::{DocumentSummary, ListFilter};
use mfx_store::tracking::{self as store, DeliverableFields, DeliverableFilter, DeliverableRecord, Titles};
use mfx_store::{documents, partners};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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

async fn fields_of(state: &AppState, input: &DeliverableInput) -> Result<DeliverableFields, Error> {
    let mut v = Violations::new();
    let code = input.code.trim().to_owned();
    if code.is_empty() || code.len() > 32 || !code.chars().all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c)) {
        v.push(FieldError::new("code", "invalid_code", "1 to 32 letters, digits, dots, hyphens or underscores"));
    }
    let mut titles = Titles::new();
    for (lang, title) in &input.titles {
        if lang.parse::<Locale>().map(|l| l.as_str() != lang).unwrap_or(true) {
            let accepted: Vec<&str> = Locale::all().into_iter().map(Locale::as_str).collect();
            let message = format!("use one of {}", accepted.join(", "));
            v.push(FieldError::new(format!("titles.{lang}"), "unsupported_language", message));
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
        read(state, move |c| {
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

/// Which deliverables a list shows, checked.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// A partner's slug (not found if no partner has it).
    pub partner: Option<String>,
    pub period: Option<String>,
    pub work_package: Option<String>,
    pub status: Option<DeliverableStatus>,
    /// Only late ones.
    pub only_late: bool,
}

/// The deliverables of a selection, by due date.
pub async fn list(state: &AppState, actor: &Actor, selection: Selection) -> Result<Vec<DeliverableRecord>, Error> {
    require_member(actor)?;
    let Selection { partner, period, work_package, status, only_late } = selection;
    // A partner that does not exist is not found, as at `/partners/{slug}`.
    let partner = match partner {
        Some(slug) => {
            Some(read(state, move |c| partners::find_by_slug(c, &slug)).await?.ok_or(Error::NotFound("partner"))?.id)
        }
        None => None,
    };
    let filter = DeliverableFilter { partner, period, work_package, status };
    let today = today(state);
    let found = read(state, move |c| store::list_deliverables(c, &filter)).await?;
    Ok(found.into_iter().filter(|d| !only_late || is_overdue(d.due_on, d.status, today)).collect())
}

/// One deliverable.
pub async fn find(state: &AppState, actor: &Actor, id: uuid::Uuid) -> Result<DeliverableRecord, Error> {
    require_member(actor)?;
    read(state, move |c| store::find_deliverable(c, id)).await?.ok_or(Error::NotFound("deliverable"))
}

/// A deliverable's id from a path; anything that is not one names no deliverable.
pub fn parse_id(raw: &str) -> Result<uuid::Uuid, Error> {
    raw.parse().map_err(|_| Error::NotFound("deliverable"))
}

/// Defines a deliverable (the lead partner).
pub async fn create(state: &AppState, member: Member, input: &DeliverableInput) -> Result<DeliverableRecord, Error> {
    require_manager(&super::super::actor(member))?;
    let fields = fields_of(state, input).await?;
    let (author, now) = (member.id, state.clock.now());
    let id = write(state, move |c| store::insert_deliverable(c, &fields, Some(author), now)).await?;
    read(state, move |c| store::find_deliverable(c, id)).await?.ok_or(Error::NotFound("deliverable"))
}

/// A deliverable as the body that would create it, for changes that send some fields only.
pub fn as_input(record: &DeliverableRecord) -> DeliverableInput {
    DeliverableInput {
        code: record.code.clone(),
        work_package: record.work_package.clone(),
        period: record.period.clone(),
        titles: record.titles.clone(),
        description: record.description.clone(),
        due_on: record.due_on,
        partners: record.partners.iter().map(|(_, s)| s.clone()).collect(),
        evidence: record.evidence.clone(),
    }
}

/// Changes a deliverable (the lead partner) if it is still at `expected`.
pub async fn change(
    state: &AppState,
    member: Member,
    id: uuid::Uuid,
    input: &DeliverableInput,
    expected: i64,
) -> Result<DeliverableRecord, Error> {
    require_manager(&super::super::actor(member))?;
    let fields = fields_of(state, input).await?;
    let (actor, now) = (member.id, state.clock.now());
    write(state, move |c| {
        store::update_deliverable(c, id, &fields, expected, actor, now)?;
        store::find_deliverable(c, id)
    })
    .await?
    .ok_or(Error::NotFound("deliverable"))
}

/// A move of a deliverable in its workflow (the body of its transitions).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliverableMoveInput {
    /// The status to move to.
    #[schema(value_type = DeliverableStatus, example = "submitted")]
    pub to: String,
    /// Why; required when returning a submitted deliverable to in_progress.
    #[schema(max_length = 2000)]
    #[serde(default)]
    pub comment: Option<String>,
    /// Documents to add to the deliverable's evidence with this move: documents of its
    /// responsible partners that the mover may read.
    #[serde(default)]
    #[schema(value_type = Vec<String>, format = Uuid)]
    pub evidence: Vec<DocumentId>,
}

/// The statuses `actor` may move a deliverable to from where it is now, in workflow order.
pub fn moves_for(actor: &Actor, record: &DeliverableRecord) -> Vec<DeliverableStatus> {
    let responsible: Vec<PartnerId> = record.partners.iter().map(|(id, _)| *id).collect();
    DeliverableStatus::ALL
        .into_iter()
        .filter(|to| {
            mfx_domain::tracking::deliverable_move(record.status, *to)
                .is_ok_and(|step| permits(actor, step.needs, &Resource::Deliverable { responsible: &responsible }))
        })
        .collect()
}

/// Whether the lead partner's decisions on deliverables are `actor`'s.
pub fn may_manage(actor: &Actor) -> bool {
    permits(actor, Action::Create, &Resource::WorkPlan)
}

fn readable(actor: &Actor, document: &DocumentSummary) -> bool {
    permits(
        actor,
        Action::Read,
        &Resource::Document { owner: document.partner, status: document.status, visibility: document.visibility },
    )
}

/// The documents that may serve as evidence of a deliverable: those of its responsible
/// partners that `actor` may read, newest first.
pub async fn evidence_choices(
    state: &AppState,
    actor: &Actor,
    record: &DeliverableRecord,
) -> Result<Vec<DocumentSummary>, Error> {
    require_member(actor)?;
    let (scope, owners) = (ReadScope::of(actor), record.partners.clone());
    let mut found = read(state, move |c| {
        let mut all = Vec::new();
        for (partner, _) in &owners {
            let filter = ListFilter { partner: Some(*partner), ..ListFilter::default() };
            all.extend(documents::list(c, &filter, scope, None, 200)?);
        }
        Ok(all)
    })
    .await?;
    found.retain(|d| readable(actor, d));
    found.sort_by_key(|d| std::cmp::Reverse(d.updated_at));
    Ok(found)
}

/// A deliverable's evidence that `actor` may read.
pub async fn evidence_of(
    state: &AppState,
    actor: &Actor,
    record: &DeliverableRecord,
) -> Result<Vec<DocumentSummary>, Error> {
    let ids = record.evidence.clone();
    let found = read(state, move |c| documents::summaries(c, &ids)).await?;
    Ok(found.into_iter().filter(|d| readable(actor, d)).collect())
}

/// Moves a deliverable: responsible partners' editors take it up to submitted; the lead
/// partner approves it or returns it (to in progress, with a comment). Evidence chosen with
/// the move is added in the same transaction.
pub async fn move_deliverable(
    state: &AppState,
    member: Member,
    id: uuid::Uuid,
    input: DeliverableMoveInput,
) -> Result<DeliverableRecord, Error> {
    let actor = super::super::actor(member);
    let record = find(state, &actor, id).await?;
    let to = DeliverableStatus::parse(&input.to).map_err(|mut e| {
        e.field = "to".into();
        Error::Invalid(e.into())
    })?;
    let step = mfx_domain::tracking::deliverable_move(record.status, to).map_err(impossible_move)?;
    let responsible: Vec<PartnerId> = record.partners.iter().map(|(id, _)| *id).collect();
    if !permits(&actor, step.needs, &Resource::Deliverable { responsible: &responsible }) {
        return Err(Error::Forbidden);
    }
    let mut v = Violations::new();
    let comment = input.comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
    if step.comment_required && comment.is_none() {
        v.push(FieldError::new("comment", "required", "say what should change"));
    }
    if comment.as_ref().is_some_and(|c| c.chars().count() > 2000) {
        v.push(FieldError::new("comment", "too_long", "at most 2000 characters"));
    }
    let ids = input.evidence.clone();
    let found = read(state, move |c| documents::summaries(c, &ids)).await?;
    let mut evidence: Vec<DocumentId> = Vec::new();
    for (i, doc) in input.evidence.iter().enumerate() {
        // A document the mover may not read is, to them, no document at all.
        match found.iter().find(|d| d.id == *doc).filter(|d| readable(&actor, d)) {
            None => v.push(FieldError::new(format!("evidence[{i}]"), "unknown_document", "not a document")),
            Some(d) if !responsible.contains(&d.partner) => v.push(FieldError::new(
                format!("evidence[{i}]"),
                "evidence_not_responsible",
                "not a document of a responsible partner",
            )),
            Some(_) if evidence.contains(doc) => {}
            Some(_) => evidence.push(*doc),
        }
    }
    v.into_result()?;
    let (who, now, did, from) = (member.id, state.clock.now(), record.id, record.status);
    write(state, move |c| {
        store::move_deliverable(c, did, from, to, Some(who), comment.as_deref(), now)?;
        store::add_evidence(c, did, &evidence)?;
        store::find_deliverable(c, did)
    })
    .await?
    .ok_or(Error::NotFound("deliverable"))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryView {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub from: Option<String>,
    pub to: String,
    pub comment: Option<String>,
    /// The partner's name, when who made the move erased their account (`actor` is absent).
    pub former_member_of: Option<String>,
}

/// Every status change of a deliverable: who, when, from, to, and why.
pub async fn history(state: &AppState, actor: &Actor, id: uuid::Uuid) -> Result<Vec<HistoryView>, Error> {
    let record = find(state, actor, id).await?;
    let did = record.id;
    let found = read(state, move |c| store::deliverable_history(c, did)).await?;
    Ok(found
        .into_iter()
        .map(|h| HistoryView {
            at: h.at,
            actor: h.actor,
            from: h.from,
            to: h.to,
            comment: h.comment,
            former_member_of: h.former_member_of,
        })
        .collect())
}

/// Which CSV: for people in the reader's language, or the stable one for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CsvFormat {
    /// Headers and statuses in words, partners by name, dates and separator as the reader's
    /// spreadsheet programs read them.
    #[default]
    Language,
    /// English header names, status codes, partner slugs, ISO dates, commas.
    Codes,
}

impl CsvFormat {
    /// `codes`, `language` or nothing (the reader's language).
    pub fn parse(value: Option<&str>) -> Result<Self, Error> {
        match value {
            None | Some("language") => Ok(Self::Language),
            Some("codes") => Ok(Self::Codes),
            Some(_) => Err(Error::field("format", "invalid", "codes or language")),
        }
    }
}

/// The header names and codes of the CSV for programs; they do not change.
const CODE_HEADERS: [&str; 8] =
    ["code", "title", "work_package", "period", "responsible_partners", "due_on", "status", "overdue"];

/// The messages naming the columns of the CSV for people, in the order of [`CODE_HEADERS`].
const HEADER_MESSAGES: [&str; 8] = [
    "column-code",
    "column-title",
    "export-column-work-package",
    "column-period",
    "column-partners",
    "column-due",
    "column-status",
    "column-late",
];

/// CSV text of deliverables: a byte-order mark, a header, one row each, CRLF line ends; in the
/// reader's language or with codes, as `format` says.
pub fn deliverables_as_csv(
    found: &[DeliverableRecord],
    partners: &[Partner],
    locale: Locale,
    today: NaiveDate,
    format: CsvFormat,
) -> String {
    let mut out = String::from("\u{feff}");
    if format == CsvFormat::Codes {
        out.push_str(&crate::csv::row(&CODE_HEADERS));
        for d in found {
            let view = deliverable_view(d, locale, today);
            out.push_str(&crate::csv::row(&[
                view.code,
                view.title,
                view.work_package,
                view.period.unwrap_or_default(),
                view.partners.join(" "),
                view.due_on.to_string(),
                view.status.as_str().to_owned(),
                if view.overdue { "yes".into() } else { "no".into() },
            ]));
        }
        return out;
    }
    let tr = Translator::new(locale);
    let dialect = crate::csv::Dialect::of(locale);
    out.push_str(&dialect.row(&HEADER_MESSAGES.map(|id| tr.t(id))));
    for d in found {
        let late = is_overdue(d.due_on, d.status, today);
        out.push_str(&dialect.row(&[
            d.code.clone(),
            title_in(&d.titles, locale),
            d.work_package.clone(),
            d.period.as_deref().map(|p| period_name(&tr, p)).unwrap_or_default(),
            d.partners.iter().map(|(_, slug)| partner_name(partners, slug)).collect::<Vec<_>>().join(", "),
            mfx_i18n::numeric_date(locale, d.due_on),
            tr.t(&format!("deliverable-status-{}", d.status.as_str())),
            tr.t(if late { "export-yes" } else { "export-no" }),
        ]));
    }
    out
}
