//! Good practices, meeting notes and action plans: one set of use cases for the three kinds,
//! exposed under each kind's path (`/practices`, `/meeting-notes`, `/action-plans`) and as
//! `/documents` across kinds.

use crate::auth::{CurrentUser, MaybeUser};
use crate::error::ApiError;
use crate::json::parse_object;
use crate::markdown;
use crate::response_cache::Cached;
use crate::routes::{IfMatch, etag, page_limit};
use crate::state::AppState;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDate, Utc};
use mfx_domain::content::{DocumentContent, DocumentInput, Texts, changed_fields, merge_patch};
use mfx_domain::document::{DocumentId, Freshness, Kind, Origin, Status, freshness, transition};
use mfx_domain::policy::{Action, Actor, ReadScope, Resource, permits};
use mfx_domain::search::SearchQuery;
use mfx_domain::{FieldError, Locale, Violations};
use mfx_store::documents::{
    self, Cursor, DocumentRecord, DocumentSummary, Edit, ListFilter, NewDocument, TextRecord, Translation,
};
use mfx_store::{partners, search_index};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

// ---------------------------------------------------------------- views

/// One language of a document and how it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct LanguageState {
    #[schema(example = "sv")]
    pub language: &'static str,
    pub origin: Origin,
    pub freshness: Freshness,
    /// The text's own version (send it as If-Match when replacing a translation).
    pub version: i64,
    /// The version of the original this text follows.
    pub source_version: i64,
    pub updated_at: DateTime<Utc>,
}

/// A document as a reader sees it, in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentView {
    pub id: DocumentId,
    pub kind: Kind,
    /// The owner partner's slug.
    pub partner: String,
    pub status: Status,
    pub visibility: mfx_domain::document::Visibility,
    /// Also sent as the ETag; send it back as If-Match when editing.
    pub version: i64,
    /// Increases when the original text changes; translations of older ones are outdated.
    pub content_version: i64,
    pub themes: Vec<String>,
    /// The language asked for (`lang`, else the reader's language).
    #[schema(example = "ro")]
    pub requested_language: &'static str,
    /// The language served: the requested one, else English, else the original.
    #[schema(example = "en")]
    pub language: &'static str,
    #[schema(example = "fr")]
    pub original_language: &'static str,
    /// Whether the served language differs from the requested one.
    pub fallback: bool,
    pub origin: Origin,
    pub freshness: Freshness,
    /// Every language the document exists in.
    pub languages: Vec<LanguageState>,
    pub title: String,
    /// The served language's fields, as Markdown.
    #[schema(value_type = Object)]
    pub text: Value,
    /// The same fields rendered to sanitised HTML, by field path (`summary`, `actions[0].description`).
    pub html: BTreeMap<String, String>,
    /// The kind's structured fields (location, evidence, meeting times, policy instrument …).
    #[schema(value_type = Object)]
    pub details: Value,
    /// Meeting notes: the action items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_items: Option<Vec<ActionItemView>>,
    /// Action plans: the actions (their texts are in `text.actions`, in the same order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<PlanActionView>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// What waits for review on this published document: present only for readers who follow
    /// its work (the owner partner and the lead partner). The rest of the view is the live
    /// version; read the pending text at `/{id}/pending`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<crate::routes::review::PendingSummary>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionItemView {
    #[schema(value_type = String, format = Uuid)]
    pub id: uuid::Uuid,
    pub title: String,
    pub assignee: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<NaiveDate>,
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlanActionView {
    #[schema(value_type = String, format = Uuid)]
    pub id: uuid::Uuid,
    pub status: String,
    pub progress_percent: i32,
    #[schema(value_type = Option<String>, format = Date)]
    pub starts_on: Option<NaiveDate>,
    #[schema(value_type = Option<String>, format = Date)]
    pub ends_on: Option<NaiveDate>,
    pub estimated_cost_eur: Option<i64>,
    pub inspired_by: Vec<DocumentId>,
}

/// A document in a list, in the reader's language.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentItem {
    pub id: DocumentId,
    pub kind: Kind,
    pub partner: String,
    pub status: Status,
    pub visibility: mfx_domain::document::Visibility,
    pub version: i64,
    pub themes: Vec<String>,
    pub language: &'static str,
    pub original_language: &'static str,
    pub fallback: bool,
    pub freshness: Freshness,
    pub title: String,
    /// The summary (or first text) in Markdown, if the document has one.
    pub summary: String,
    /// Every language the document exists in.
    pub languages: Vec<&'static str>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentList {
    pub items: Vec<DocumentItem>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

fn chosen(summary: &DocumentSummary, requested: Locale) -> Option<&TextRecord> {
    mfx_i18n::fallback_chain(requested, summary.original_locale).into_iter().find_map(|l| summary.text(l))
}

fn states(summary: &DocumentSummary) -> Vec<LanguageState> {
    let mut texts: Vec<&TextRecord> = summary.texts.iter().collect();
    texts.sort_by_key(|t| Locale::ALL.iter().position(|l| *l == t.locale));
    texts
        .into_iter()
        .map(|t| LanguageState {
            language: t.locale.as_str(),
            origin: t.origin,
            freshness: freshness(t.origin, t.source_version, summary.content_version),
            version: t.version,
            source_version: t.source_version,
            updated_at: t.updated_at,
        })
        .collect()
}

fn missing_text(summary: &DocumentSummary) -> ApiError {
    ApiError::internal(format!("document {} has no text", summary.id))
}

pub fn item(summary: &DocumentSummary, requested: Locale) -> Result<DocumentItem, ApiError> {
    let text = chosen(summary, requested).ok_or_else(|| missing_text(summary))?;
    let fields = text.texts.markdown_fields();
    let summary_text = fields
        .iter()
        .find(|(name, _)| name == "summary")
        .or_else(|| fields.iter().find(|(_, value)| !value.is_empty()))
        .map(|(_, value)| (*value).to_owned())
        .unwrap_or_default();
    let mut languages: Vec<Locale> = summary.texts.iter().map(|t| t.locale).collect();
    languages.sort_by_key(|l| Locale::ALL.iter().position(|x| x == l));
    Ok(DocumentItem {
        id: summary.id,
        kind: summary.kind,
        partner: summary.partner_slug.clone(),
        status: summary.status,
        visibility: summary.visibility,
        version: summary.version,
        themes: summary.themes.clone(),
        language: text.locale.as_str(),
        original_language: summary.original_locale.as_str(),
        fallback: text.locale != requested,
        freshness: freshness(text.origin, text.source_version, summary.content_version),
        title: text.texts.title().to_owned(),
        summary: summary_text,
        languages: languages.into_iter().map(Locale::as_str).collect(),
        updated_at: summary.updated_at,
        published_at: summary.published_at,
    })
}

pub fn view(record: &DocumentRecord, requested: Locale) -> Result<DocumentView, ApiError> {
    let s = &record.summary;
    let text = chosen(s, requested).ok_or_else(|| missing_text(s))?;
    let html = text.texts.markdown_fields().into_iter().map(|(name, md)| (name, markdown::to_html(&md))).collect();
    Ok(DocumentView {
        id: s.id,
        kind: s.kind,
        partner: s.partner_slug.clone(),
        status: s.status,
        visibility: s.visibility,
        version: s.version,
        content_version: s.content_version,
        themes: s.themes.clone(),
        requested_language: requested.as_str(),
        language: text.locale.as_str(),
        original_language: s.original_locale.as_str(),
        fallback: text.locale != requested,
        origin: text.origin,
        freshness: freshness(text.origin, text.source_version, s.content_version),
        languages: states(s),
        title: text.texts.title().to_owned(),
        text: text.texts.to_value(),
        html,
        details: record.details.clone(),
        action_items: (s.kind == Kind::MeetingNote).then(|| {
            record
                .action_items
                .iter()
                .map(|i| ActionItemView {
                    id: i.id,
                    title: i.title.clone(),
                    assignee: i.assignee.clone(),
                    due_on: i.due_on,
                    status: i.status.clone(),
                })
                .collect()
        }),
        actions: (s.kind == Kind::ActionPlan).then(|| {
            record
                .actions
                .iter()
                .map(|a| PlanActionView {
                    id: a.id,
                    status: a.status.clone(),
                    progress_percent: a.progress_percent,
                    starts_on: a.starts_on,
                    ends_on: a.ends_on,
                    estimated_cost_eur: a.estimated_cost_eur,
                    inspired_by: a.inspired_by.clone(),
                })
                .collect()
        }),
        created_at: s.created_at,
        updated_at: s.updated_at,
        published_at: s.published_at,
        pending: None,
    })
}

// ---------------------------------------------------------------- helpers

/// The reader's language: `lang` if given, else the account's, else `Accept-Language`, else en.
pub fn reader_language(req: &HttpRequest, lang: Option<&str>, user: &MaybeUser) -> Result<Locale, ApiError> {
    if let Some(tag) = lang {
        return Locale::parse_field(tag).map_err(|mut e| {
            e.field = "lang".into();
            ApiError::invalid(e.into())
        });
    }
    if let Some(current) = &user.0 {
        return Ok(current.record.account.locale);
    }
    let negotiated =
        req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(mfx_i18n::negotiate);
    Ok(negotiated.unwrap_or(Locale::FALLBACK))
}

pub(crate) fn parse_id(raw: &str) -> Result<DocumentId, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found("document"))
}

pub(crate) fn resource(summary: &DocumentSummary) -> Resource<'static> {
    Resource::Document { owner: summary.partner, status: summary.status, visibility: summary.visibility }
}

/// Loads a document of `kind` that the actor may read; anything else is "not found".
pub async fn readable(
    state: &AppState,
    actor: &Actor,
    kind: Option<Kind>,
    id: DocumentId,
) -> Result<DocumentRecord, ApiError> {
    let record = state.read(move |c| documents::find(c, id)).await?.ok_or_else(|| ApiError::not_found("document"))?;
    if kind.is_some_and(|k| k != record.summary.kind) || !permits(actor, Action::Read, &resource(&record.summary)) {
        return Err(ApiError::not_found("document"));
    }
    Ok(record)
}

/// Checks that referenced partners and practices exist; reports each missing one.
pub(crate) async fn check_references(state: &AppState, content: &DocumentContent) -> Result<(), ApiError> {
    let slugs: Vec<String> = content.partner_refs.iter().map(|(_, slug)| slug.clone()).collect();
    let practices: Vec<DocumentId> = content.actions.iter().flat_map(|a| a.inspired_by.clone()).collect();
    if slugs.is_empty() && practices.is_empty() {
        return Ok(());
    }
    let (known, existing) = {
        let (slugs, practices) = (slugs.clone(), practices.clone());
        state
            .read(move |c| Ok((documents::partner_ids(c, &slugs)?, documents::existing_practices(c, &practices)?)))
            .await?
    };
    let mut v = Violations::new();
    for (field, slug) in &content.partner_refs {
        if !known.contains_key(slug) {
            v.push(FieldError::new(field.clone(), "unknown_partner", format!("`{slug}` is not a partner's slug")));
        }
    }
    for (n, action) in content.actions.iter().enumerate() {
        for (m, practice) in action.inspired_by.iter().enumerate() {
            if !existing.contains(practice) {
                v.push(FieldError::new(
                    format!("actions[{n}].inspired_by[{m}]"),
                    "unknown_practice",
                    format!("{practice} is not a good practice"),
                ));
            }
        }
    }
    v.into_result().map_err(ApiError::from)
}

fn document_response(status: StatusCode, record: &DocumentRecord, requested: Locale) -> Result<HttpResponse, ApiError> {
    let location = (status == StatusCode::CREATED)
        .then(|| format!("/api/v1/{}/{}", record.summary.kind.collection(), record.summary.id));
    Ok(respond(status, &rendered(record, None, requested)?, location))
}

/// A document and what is pending on it, as a reader who follows its work gets it.
pub(crate) async fn document_with_pending(
    state: &AppState,
    status: StatusCode,
    record: &DocumentRecord,
    requested: Locale,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = (record.summary.id, record.summary.kind);
    let pending = state.read(move |c| mfx_store::pending::find(c, id, kind)).await?;
    Ok(respond(status, &rendered(record, Some(&pending), requested)?, None))
}

/// A document in the reader's language, serialised once (and kept, for reads). `pending` is
/// given only for readers who may see the work pending on it.
fn rendered(
    record: &DocumentRecord,
    pending: Option<&mfx_store::pending::Pending>,
    requested: Locale,
) -> Result<Cached, ApiError> {
    let mut view = view(record, requested)?;
    view.pending = pending.and_then(|p| crate::routes::review::summary(record, p));
    let language = view.language;
    let body = serde_json::to_vec(&view).map_err(ApiError::internal)?;
    Ok(Cached { body: body.into(), etag: Some(etag(record.summary.version)), language: Some(language) })
}

fn respond(status: StatusCode, document: &Cached, location: Option<String>) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    if let Some(tag) = &document.etag {
        response.insert_header((header::ETAG, tag.clone()));
    }
    if let Some(language) = document.language {
        response.insert_header((header::CONTENT_LANGUAGE, language));
    }
    response.insert_header((header::VARY, "Accept-Language, Authorization"));
    if let Some(location) = location {
        response.insert_header((header::LOCATION, location));
    }
    response.content_type("application/json").body(document.body.clone())
}

/// Serialises an answer built from data read under `stamp`, keeps it, and sends it.
fn keep_and_respond<T: Serialize>(
    state: &AppState,
    stamp: i64,
    key: String,
    value: &T,
) -> Result<HttpResponse, ApiError> {
    let body = serde_json::to_vec(value).map_err(ApiError::internal)?;
    let answer = Cached { body: body.into(), etag: None, language: None };
    state.cache.put(stamp, key, answer.clone());
    Ok(respond(StatusCode::OK, &answer, None))
}

/// The answer kept for `key` under the current content stamp, or the stamp to keep a new one
/// under.
async fn lookup(state: &AppState, key: &str) -> Result<Lookup<()>, ApiError> {
    let stamp = match state.db.read_now(documents::content_stamp) {
        Some(stamp) => stamp?,
        None => state.read(documents::content_stamp).await?,
    };
    Ok(match state.cache.get(stamp, key) {
        Some(hit) => Lookup::Hit(hit),
        None => Lookup::Miss(stamp, ()),
    })
}

/// What the content stamp and the cache gave for a read.
enum Lookup<T> {
    Hit(Cached),
    Miss(i64, T),
}

/// Reads the content stamp and, unless `key` is cached under it, runs `load`. On SQLite the
/// stamp is read at once on an idle connection (one indexed row, microseconds, see `lookup`);
/// on PostgreSQL it goes to the database's thread pool together with the load, in one trip.
async fn cached_or<T, F>(state: &AppState, key: &str, load: F) -> Result<Lookup<T>, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut mfx_store::DbConnection) -> Result<T, mfx_store::StoreError> + Send + 'static,
{
    if state.db.backend() == mfx_store::Backend::Sqlite {
        return Ok(match lookup(state, key).await? {
            Lookup::Hit(hit) => Lookup::Hit(hit),
            Lookup::Miss(stamp, ()) => Lookup::Miss(stamp, state.read(load).await?),
        });
    }
    let cache = state.cache.clone();
    let key = key.to_owned();
    state
        .read(move |c| {
            let stamp = documents::content_stamp(c)?;
            match cache.get(stamp, &key) {
                Some(hit) => Ok(Lookup::Hit(hit)),
                None => Ok(Lookup::Miss(stamp, load(c)?)),
            }
        })
        .await
}

// ---------------------------------------------------------------- use cases

mfx_domain::code_schema!(
    /// A kind of document, as a filter: its name or its collection's.
    KindFilter,
    ["practice", "meeting_note", "action_plan", "practices", "meeting-notes", "action-plans"]
);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The reader's language for titles and summaries (fallback: English, then the original).
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
    /// Only documents of this partner (slug); 404 if no partner has it.
    #[param(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 64)]
    pub partner: Option<String>,
    /// Only documents with this theme code.
    #[param(value_type = Option<mfx_domain::vocabulary::Theme>)]
    pub theme: Option<String>,
    /// draft, in_review, published or archived.
    #[param(value_type = Option<mfx_domain::document::Status>)]
    pub status: Option<String>,
    /// Only documents changed at or after this time (RFC 3339).
    #[param(format = DateTime)]
    pub updated_since: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]{32}$")]
    pub cursor: Option<String>,
    /// 1 to 100; 50 by default.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AnyKindListQuery {
    /// practice, meeting_note or action_plan (or the collection's name).
    #[param(value_type = Option<KindFilter>)]
    pub kind: Option<String>,
    /// The reader's language for titles and summaries (fallback: English, then the original).
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
    /// Only documents of this partner (slug); 404 if no partner has it.
    #[param(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 64)]
    pub partner: Option<String>,
    /// Only documents with this theme code.
    #[param(value_type = Option<mfx_domain::vocabulary::Theme>)]
    pub theme: Option<String>,
    /// draft, in_review, published or archived.
    #[param(value_type = Option<mfx_domain::document::Status>)]
    pub status: Option<String>,
    /// Only documents changed at or after this time (RFC 3339).
    #[param(format = DateTime)]
    pub updated_since: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]{32}$")]
    pub cursor: Option<String>,
    /// 1 to 100; 50 by default.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

impl AnyKindListQuery {
    pub fn into_list_query(self) -> ListQuery {
        ListQuery {
            lang: self.lang,
            partner: self.partner,
            theme: self.theme,
            status: self.status,
            updated_since: self.updated_since,
            cursor: self.cursor,
            limit: self.limit,
        }
    }
}

/// The position after a document in a list: its update time in microseconds (8 bytes, big
/// endian) and its id (16 bytes), base64url: always 32 characters. Every such text is a
/// position, so a cursor is refused only when it does not have that form.
fn encode_cursor(summary: &DocumentSummary) -> String {
    let mut bytes = [0u8; 24];
    bytes[..8].copy_from_slice(&summary.updated_at.timestamp_micros().to_be_bytes());
    bytes[8..].copy_from_slice(summary.id.as_uuid().as_bytes());
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The pattern of a cursor, as the OpenAPI document states it.
pub const CURSOR_PATTERN: &str = "^[A-Za-z0-9_-]{32}$";

fn decode_cursor(raw: &str) -> Option<Cursor> {
    if raw.len() != 32 {
        return None;
    }
    let bytes: [u8; 24] = URL_SAFE_NO_PAD.decode(raw).ok()?.try_into().ok()?;
    let mut micros = [0u8; 8];
    micros.copy_from_slice(&bytes[..8]);
    let mut id = [0u8; 16];
    id.copy_from_slice(&bytes[8..]);
    // Positions outside the years both databases store are the same as the nearest end.
    let earliest = DateTime::<Utc>::UNIX_EPOCH.timestamp_micros();
    let latest = NaiveDate::from_ymd_opt(9999, 12, 31)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(i64::MAX, |d| d.and_utc().timestamp_micros());
    let updated_at = DateTime::from_timestamp_micros(i64::from_be_bytes(micros).clamp(earliest, latest))?.naive_utc();
    Some(Cursor { updated_at, id: uuid::Uuid::from_bytes(id).to_string() })
}

pub async fn list(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    kind: Option<Kind>,
    query: ListQuery,
) -> Result<DocumentList, ApiError> {
    let requested = reader_language(req, query.lang.as_deref(), user)?;
    list_for(state, user, kind, query, requested).await
}

/// The list as the API sends it, kept under the content stamp for readers of the same scope.
pub async fn list_response(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    kind: Option<Kind>,
    query: ListQuery,
) -> Result<HttpResponse, ApiError> {
    let requested = reader_language(req, query.lang.as_deref(), user)?;
    let key = format!(
        "list {kind:?} {requested} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        ReadScope::of(&user.actor()),
        query.partner,
        query.theme,
        query.status,
        query.updated_since,
        query.cursor,
        query.limit
    );
    let stamp = match lookup(state, &key).await? {
        Lookup::Hit(list) => return Ok(respond(StatusCode::OK, &list, None)),
        Lookup::Miss(stamp, ()) => stamp,
    };
    keep_and_respond(state, stamp, key, &list_for(state, user, kind, query, requested).await?)
}

/// Lists documents for a reader whose language is already known.
pub async fn list_for(
    state: &AppState,
    user: &MaybeUser,
    kind: Option<Kind>,
    query: ListQuery,
    requested: Locale,
) -> Result<DocumentList, ApiError> {
    let limit = page_limit(query.limit)?;
    let mut v = Violations::new();
    let status = query.status.as_deref().and_then(|s| v.check("status", Status::parse(s)));
    if let Some(theme) = &query.theme {
        mfx_domain::vocabulary::check_code("theme", theme, mfx_domain::vocabulary::THEMES, &mut v);
    }
    let updated_since = query.updated_since.as_deref().and_then(|t| match DateTime::parse_from_rfc3339(t) {
        Ok(at) => Some(at.with_timezone(&Utc)),
        Err(_) => {
            v.push(FieldError::new("updated_since", "invalid_time", "an RFC 3339 time such as 2026-01-31T08:00:00Z"));
            None
        }
    });
    let after = match query.cursor.as_deref() {
        Some(raw) => {
            let cursor = decode_cursor(raw);
            if cursor.is_none() {
                v.push(FieldError::new("cursor", "invalid_cursor", "use next_cursor from a previous page"));
            }
            cursor
        }
        None => None,
    };
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
    let filter = ListFilter { kind, partner, theme: query.theme, status, updated_since };
    let scope = ReadScope::of(&user.actor());
    let mut page = state.read(move |c| documents::list(c, &filter, scope, after.as_ref(), limit + 1)).await?;
    let more = page.len() > usize::try_from(limit).unwrap_or(50);
    page.truncate(usize::try_from(limit).unwrap_or(50));
    let next_cursor = if more { page.last().map(encode_cursor) } else { None };
    Ok(DocumentList { items: page.iter().map(|s| item(s, requested)).collect::<Result<_, _>>()?, next_cursor })
}

pub async fn create(state: &AppState, user: &CurrentUser, input: DocumentInput) -> Result<HttpResponse, ApiError> {
    let record = create_document(state, user, input).await?;
    let locale = record.summary.original_locale;
    document_response(StatusCode::CREATED, &record, locale)
}

/// Creates a document as a draft; the stored record.
pub async fn create_document(
    state: &AppState,
    user: &CurrentUser,
    input: DocumentInput,
) -> Result<DocumentRecord, ApiError> {
    let actor = user.actor();
    // Refuse early whoever may not write at all, before looking at the content.
    if !matches!(
        user.record.account.role,
        mfx_domain::Role::Admin | mfx_domain::Role::Coordinator | mfx_domain::Role::Editor
    ) {
        return Err(ApiError::forbidden());
    }
    let mut v = Violations::new();
    let partner = match input.partner() {
        Some(slug) => {
            let slug = slug.to_owned();
            let found = state.read(move |c| partners::find_by_slug(c, &slug)).await?;
            if found.is_none() {
                v.push(FieldError::new("partner", "unknown_partner", "not a partner's slug"));
            }
            found
        }
        None => {
            let own = user.record.account.partner;
            state.read(move |c| partners::find(c, own)).await?
        }
    };
    let language = input.language().and_then(|tag| v.check("language", Locale::parse_field(tag)));
    let content = match input.validate() {
        Ok(content) => Some(content),
        Err(errors) => {
            for e in errors.iter() {
                v.push(e.clone());
            }
            None
        }
    };
    let (Some(partner), Some(content)) = (partner, content) else { return Err(ApiError::invalid(v)) };
    v.into_result()?;
    let locale = language.unwrap_or(partner.profile.locale);
    let would_be = Resource::Document { owner: partner.id, status: Status::Draft, visibility: content.visibility };
    if !permits(&actor, Action::Create, &would_be) {
        return Err(ApiError::forbidden());
    }
    check_references(state, &content).await?;
    let now = state.clock.now();
    let author = user.record.account.id;
    let owner = partner.id;
    let id = state
        .write(move |c| {
            documents::insert(
                c,
                NewDocument {
                    content: &content,
                    partner: owner,
                    original_locale: locale,
                    status: Status::Draft,
                    author: Some(author),
                    seed_key: None,
                },
                now,
            )
        })
        .await?;
    let record = state.read(move |c| documents::find(c, id)).await?.ok_or_else(|| ApiError::not_found("document"))?;
    tracing::info!(event = "document_created", document = %id, kind = record.summary.kind.as_str(), "document created");
    Ok(record)
}

pub async fn get(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    kind: Option<Kind>,
    id: &str,
    lang: Option<&str>,
) -> Result<HttpResponse, ApiError> {
    let requested = reader_language(req, lang, user)?;
    let id = parse_id(id)?;
    let actor = user.actor();
    // Who may read what, and who sees the work pending on a document, depend only on the read
    // scope (tested against the policy), so readers of one scope share entries and an entry
    // made for the owner partner, with its pending work, is never served to anyone else.
    let scope = ReadScope::of(&actor);
    let key = format!("document {id} {kind:?} {requested} {scope:?}");
    let load = move |c: &mut mfx_store::DbConnection| {
        let Some(record) = documents::find(c, id)? else { return Ok(None) };
        let pending = if scope.sees_trail(record.summary.partner) {
            Some(mfx_store::pending::find(c, id, record.summary.kind)?)
        } else {
            None
        };
        Ok(Some((record, pending)))
    };
    let (stamp, found) = match cached_or(state, &key, load).await? {
        Lookup::Hit(document) => return Ok(respond(StatusCode::OK, &document, None)),
        Lookup::Miss(stamp, found) => (stamp, found),
    };
    let (record, pending) = found.ok_or_else(|| ApiError::not_found("document"))?;
    if kind.is_some_and(|k| k != record.summary.kind) || !permits(&actor, Action::Read, &resource(&record.summary)) {
        return Err(ApiError::not_found("document"));
    }
    let pending = pending.filter(|_| permits(&actor, Action::ReadTrail, &resource(&record.summary)));
    let document = rendered(&record, pending.as_ref(), requested)?;
    state.cache.put(stamp, key, document.clone());
    Ok(respond(StatusCode::OK, &document, None))
}

pub async fn patch(
    state: &AppState,
    req: &HttpRequest,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    body: &[u8],
) -> Result<HttpResponse, ApiError> {
    let expected = IfMatch::required(req)?
        .expected(document_version(state, user, kind, id))
        .await?
        .ok_or(ApiError::PreconditionRequired)?;
    let mut patch: Value = parse_object(body)?;
    crate::json::integral_numbers(&mut patch);
    let record = edit_document(state, user, kind, id, expected, &patch).await?;
    let requested = record.summary.original_locale;
    if record.summary.status == Status::Published {
        // The live version, with the pending draft the edit went into.
        return document_with_pending(state, StatusCode::OK, &record, requested).await;
    }
    document_response(StatusCode::OK, &record, requested)
}

/// Applies a change to the original if the document is still at `expected`. A document never
/// published changes in place; a published one keeps its live version and the change goes into
/// its pending draft, which is published only through review. Returns the document as stored
/// (for a published one, its live version).
pub async fn edit_document(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    expected: i64,
    patch: &Value,
) -> Result<DocumentRecord, ApiError> {
    let actor = user.actor();
    let record = readable(state, &actor, Some(kind), parse_id(id)?).await?;
    if !permits(&actor, Action::Update, &resource(&record.summary)) {
        return Err(ApiError::forbidden());
    }
    if expected != record.summary.version {
        return Err(mfx_domain::Error::StaleVersion { expected, current: record.summary.version }.into());
    }
    if record.summary.status == Status::Published {
        return crate::routes::review::edit_draft(state, user, &record, expected, patch).await;
    }
    let before = record.stored_input().map_err(ApiError::from)?.to_value();
    let merged = merge_patch(&before, patch)?;
    let input = DocumentInput::from_value(kind, merged)?;
    let content = input.validate()?;
    let after = content.stored_form()?;
    // Items and actions get ids when stored: compare them without the ids clients may omit.
    let changed = changed_fields(&strip_ids(&before), &strip_ids(&after));
    check_references(state, &content).await?;
    let now = state.clock.now();
    let doc_id = record.summary.id;
    let actor_id = user.record.account.id;
    state
        .write(move |c| {
            documents::update(
                c,
                doc_id,
                Edit {
                    content: &content,
                    before: &before,
                    after: &after,
                    changed: &changed,
                    actor: actor_id,
                    expected_version: expected,
                },
                now,
            )
        })
        .await?;
    state.read(move |c| documents::find(c, doc_id)).await?.ok_or_else(|| ApiError::not_found("document"))
}

/// The version of a document the account may read, for `If-Match: *` and lists.
pub(crate) async fn document_version(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
) -> Result<Option<i64>, ApiError> {
    Ok(Some(readable(state, &user.actor(), Some(kind), parse_id(id)?).await?.summary.version))
}

pub(crate) fn strip_ids(value: &Value) -> Value {
    let mut value = value.clone();
    for key in ["action_items", "actions"] {
        if let Some(Value::Array(list)) = value.get_mut(key) {
            for entry in list {
                if let Some(object) = entry.as_object_mut() {
                    object.remove("id");
                }
            }
        }
    }
    value
}

/// A translation as sent to `PUT …/translations/{lang}`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "origin": "human",
    "text": {"title": "Mikrolån med stöd för mottagare av försörjningsstöd", "summary": "Ett **mikrolån** med stöd hjälper mottagare att starta eget."}
}))]
pub struct TranslationInput {
    /// human (default) or machine.
    #[serde(default = "human")]
    #[schema(value_type = TranslationOrigin, default = "human", required = false)]
    pub origin: String,
    /// The kind's translatable fields, as in the document's `text`; every text of an action
    /// plan's actions, in order.
    #[schema(value_type = Object)]
    pub text: Value,
}

mfx_domain::code_schema!(
    /// Who made a translation.
    TranslationOrigin,
    ["human", "machine"]
);

fn human() -> String {
    "human".into()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationList {
    pub original_language: &'static str,
    pub content_version: i64,
    pub items: Vec<TranslationView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationView {
    #[serde(flatten)]
    pub state: LanguageState,
    pub title: String,
    #[schema(value_type = Object)]
    pub text: Value,
}

pub async fn translations(
    state: &AppState,
    user: &MaybeUser,
    kind: Kind,
    id: &str,
) -> Result<TranslationList, ApiError> {
    let record = readable(state, &user.actor(), Some(kind), parse_id(id)?).await?;
    let s = &record.summary;
    let mut items: Vec<TranslationView> = states(s)
        .into_iter()
        .filter_map(|state| {
            let locale: Locale = state.language.parse().ok()?;
            let text = s.text(locale)?;
            Some(TranslationView { title: text.texts.title().to_owned(), text: text.texts.to_value(), state })
        })
        .collect();
    items.sort_by_key(|t| t.state.origin != Origin::Original);
    Ok(TranslationList { original_language: s.original_locale.as_str(), content_version: s.content_version, items })
}

pub async fn put_translation(
    state: &AppState,
    req: &HttpRequest,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    lang: &str,
    input: TranslationInput,
) -> Result<HttpResponse, ApiError> {
    let expected = IfMatch::from_request(req)?
        .expected(async {
            let locale = Locale::parse_field(lang).map_err(|mut e| {
                e.field = "language".into();
                ApiError::invalid(e.into())
            })?;
            let record = readable(state, &user.actor(), Some(kind), parse_id(id)?).await?;
            Ok(record.summary.text(locale).map(|t| t.version))
        })
        .await?;
    let (created, version, record, locale) =
        match translate_document(state, user, kind, id, lang, input, expected).await? {
            Translated::Live { created, version, record, locale } => (created, version, record, locale),
            Translated::Proposed { record, locale } => {
                let body = crate::routes::review::proposal_view(state, &record, locale).await?;
                return Ok(HttpResponse::Accepted().json(body));
            }
        };
    let doc = record.summary.id;
    let mut response = HttpResponse::build(if created { StatusCode::CREATED } else { StatusCode::OK });
    response.insert_header((header::ETAG, etag(version)));
    if created {
        response.insert_header((header::LOCATION, format!("/api/v1/{}/{}?lang={}", kind.collection(), doc, locale)));
    }
    Ok(response.json(view(&record, locale)?))
}

/// What became of a translation.
#[derive(Debug)]
pub enum Translated {
    /// It is the live translation: whether it was new, its version, the document, the language.
    Live { created: bool, version: i64, record: DocumentRecord, locale: Locale },
    /// It waits for the owner partner or the lead partner; readers still get the translation
    /// reviewed before, or the fallback.
    Proposed { record: DocumentRecord, locale: Locale },
}

/// Adds or replaces a translation. Someone who may accept translations of the document (its
/// partner's editors, the lead partner) writes the live translation; anyone else proposes one
/// for review.
pub async fn translate_document(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    lang: &str,
    input: TranslationInput,
    expected: Option<i64>,
) -> Result<Translated, ApiError> {
    let actor = user.actor();
    let record = readable(state, &actor, Some(kind), parse_id(id)?).await?;
    if !permits(&actor, Action::Translate, &resource(&record.summary)) {
        return Err(ApiError::forbidden());
    }
    let mut v = Violations::new();
    let locale = v.check("language", Locale::parse_field(lang));
    let origin = match Origin::parse(&input.origin) {
        Some(Origin::Original) | None => {
            v.push(FieldError::new("origin", "unknown_origin", "human or machine"));
            None
        }
        some => some,
    };
    let mut texts = match Texts::from_value(kind, input.text) {
        Ok(texts) => Some(texts),
        Err(errors) => {
            for e in errors.iter() {
                v.push(e.clone());
            }
            None
        }
    };
    if let Some(texts) = texts.as_mut() {
        texts.validate("text", record.actions.len(), &mut v);
    }
    let (Some(locale), Some(origin), Some(texts)) = (locale, origin, texts) else { return Err(ApiError::invalid(v)) };
    v.into_result()?;
    let now = state.clock.now();
    let doc = record.summary.id;
    let translator = user.record.account.id;
    if !permits(&actor, Action::ApproveTranslation, &resource(&record.summary)) {
        state
            .write(move |c| {
                mfx_store::pending::propose_translation(
                    c,
                    doc,
                    mfx_store::pending::Proposal {
                        kind,
                        locale,
                        texts: &texts,
                        origin,
                        actor: translator,
                        expected_version: expected,
                    },
                    now,
                )
            })
            .await?;
        tracing::info!(event = "translation_proposed", document = %doc, language = locale.as_str(), "translation");
        return Ok(Translated::Proposed { record, locale });
    }
    let (created, version) = state
        .write(move |c| {
            documents::put_translation(
                c,
                doc,
                Translation {
                    locale,
                    texts: &texts,
                    origin,
                    actor: Some(translator),
                    expected_version: expected,
                    source_version: None,
                },
                now,
            )
        })
        .await?;
    let record = state.read(move |c| documents::find(c, doc)).await?.ok_or_else(|| ApiError::not_found("document"))?;
    Ok(Translated::Live { created, version, record, locale })
}

/// One entry of a document's history. Readers who follow the document's work (its partner,
/// the lead partner) get every entry; everyone else gets only the published versions, as
/// `published` entries without the person, the changes or comments.
#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionView {
    pub version: i64,
    pub at: DateTime<Utc>,
    /// Who made the change (absent for imported or system changes, and in the public history).
    pub actor: Option<RevisionActor>,
    /// The partner of who made the change (in the public history: who published).
    pub partner: Option<RevisionPartner>,
    /// created, edited, translated, status_changed, attachment_added, attachment_removed,
    /// draft_edited, draft_status_changed, draft_published, draft_discarded,
    /// translation_proposed, translation_approved, translation_refused; in the public history
    /// always `published`.
    pub action: String,
    pub language: Option<&'static str>,
    /// What changed: for edits, each field with its value before and after (empty in the
    /// public history).
    #[schema(value_type = Object)]
    pub changes: Value,
    pub comment: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionPartner {
    /// The partner's slug.
    pub partner: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionActor {
    #[schema(value_type = String, format = Uuid)]
    pub id: mfx_domain::UserId,
    pub display_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionList {
    pub items: Vec<RevisionView>,
}

pub async fn revisions(state: &AppState, user: &MaybeUser, kind: Kind, id: &str) -> Result<RevisionList, ApiError> {
    let actor = user.actor();
    let record = readable(state, &actor, Some(kind), parse_id(id)?).await?;
    let doc = record.summary.id;
    let revisions = state.read(move |c| documents::revisions(c, doc)).await?;
    let partner = |p: Option<(String, String)>| p.map(|(partner, name)| RevisionPartner { partner, name });
    if !permits(&actor, Action::ReadTrail, &resource(&record.summary)) {
        // The published versions only: when, which version, which partner published it.
        return Ok(RevisionList {
            items: revisions
                .into_iter()
                .filter(documents::RevisionRecord::is_publication)
                .map(|r| RevisionView {
                    version: r.version,
                    at: r.at,
                    actor: None,
                    partner: partner(r.partner),
                    action: "published".into(),
                    language: r.locale.map(Locale::as_str),
                    changes: Value::Object(serde_json::Map::new()),
                    comment: None,
                })
                .collect(),
        });
    }
    Ok(RevisionList {
        items: revisions
            .into_iter()
            .map(|r| RevisionView {
                version: r.version,
                at: r.at,
                actor: r.actor.map(|(id, display_name)| RevisionActor { id, display_name }),
                partner: partner(r.partner),
                action: r.action,
                language: r.locale.map(Locale::as_str),
                changes: r.changes,
                comment: r.comment,
            })
            .collect(),
    })
}

/// A move in the workflow.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionInput {
    /// The status to move to: in_review, draft, published or archived.
    #[schema(value_type = Status, example = "in_review")]
    pub to: String,
    /// Why; required when returning work from review to draft.
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

/// A move of a deliverable in its workflow (the body of its transitions).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "only its schema is used: the body is read as a TransitionInput")]
pub struct DeliverableTransition {
    /// The status to move to.
    #[schema(value_type = mfx_domain::tracking::DeliverableStatus, example = "submitted")]
    to: String,
    /// Why; required when returning a submitted deliverable to in_progress.
    comment: Option<String>,
}

pub async fn transition_document(
    state: &AppState,
    req: &HttpRequest,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    input: TransitionInput,
) -> Result<HttpResponse, ApiError> {
    let expected = IfMatch::from_request(req)?.expected(document_version(state, user, kind, id)).await?;
    let record = move_document(state, user, kind, id, input, expected).await?;
    if record.summary.status == Status::Published {
        return document_with_pending(state, StatusCode::OK, &record, record.summary.original_locale).await;
    }
    document_response(StatusCode::OK, &record, record.summary.original_locale)
}

/// Moves a document in the workflow.
pub async fn move_document(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    input: TransitionInput,
    expected: Option<i64>,
) -> Result<DocumentRecord, ApiError> {
    let actor = user.actor();
    let record = readable(state, &actor, Some(kind), parse_id(id)?).await?;
    let to = Status::parse(&input.to).map_err(|mut e| {
        e.field = "to".into();
        ApiError::invalid(e.into())
    })?;
    // The precondition first: a client that moved from an old version hears that it is old,
    // not that the move is impossible from the status someone else reached meanwhile.
    if let Some(expected) = expected.filter(|e| *e != record.summary.version) {
        return Err(mfx_domain::Error::StaleVersion { expected, current: record.summary.version }.into());
    }
    let comment = input.comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
    if record.summary.status == Status::Published && to != Status::Archived {
        // On a published document, the moves to draft, review and publication are those of
        // its pending draft.
        return crate::routes::review::move_draft(state, user, &record, to, comment, expected).await;
    }
    let from = record.summary.status;
    let step = transition(from, to).map_err(crate::routes::impossible_move)?;
    if !permits(&actor, step.needs, &resource(&record.summary)) {
        return Err(ApiError::forbidden());
    }
    if step.comment_required && comment.is_none() {
        return Err(ApiError::invalid(
            FieldError::new("comment", "required", "say why the work goes back to draft").into(),
        ));
    }
    if comment.as_ref().is_some_and(|c| c.chars().count() > 2000) {
        return Err(ApiError::invalid(FieldError::new("comment", "too_long", "at most 2000 characters").into()));
    }
    let now = state.clock.now();
    let doc = record.summary.id;
    let actor_id = user.record.account.id;
    state.write(move |c| documents::set_status(c, doc, from, to, actor_id, comment.as_deref(), expected, now)).await?;
    let record = state.read(move |c| documents::find(c, doc)).await?.ok_or_else(|| ApiError::not_found("document"))?;
    tracing::info!(event = "document_status_changed", document = %doc, from = from.as_str(), to = to.as_str(), "workflow");
    Ok(record)
}

// ---------------------------------------------------------------- search and lineage

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words to look for, in any language: at most 200 characters, with at least one
    /// letter or digit.
    #[param(required = true, pattern = "[^\\W_]", max_length = 200)]
    pub q: Option<String>,
    /// The reader's language for the results.
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
    /// Only this kind: practice, meeting_note or action_plan.
    #[param(value_type = Option<KindFilter>)]
    pub kind: Option<String>,
    /// 1 to 100; 20 by default.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// The document, in the reader's language.
    pub document: DocumentItem,
    /// The language whose text matched.
    pub matched_language: &'static str,
    /// A passage of the matching text.
    pub snippet: String,
    pub score: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    pub query: String,
    pub items: Vec<SearchHit>,
}

/// The search results as the API sends them, kept under the content stamp for readers of the
/// same scope and language (the same words find the same documents until something changes).
pub async fn search_response(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    params: SearchParams,
) -> Result<HttpResponse, ApiError> {
    let requested = reader_language(req, params.lang.as_deref(), user)?;
    // Keyed by the raw parameters: two spellings of one query are two entries, never a wrong one.
    let key = format!(
        "search {requested} {:?} {:?} {:?} {:?}",
        ReadScope::of(&user.actor()),
        params.q,
        params.kind,
        params.limit
    );
    let stamp = match lookup(state, &key).await? {
        Lookup::Hit(results) => return Ok(respond(StatusCode::OK, &results, None)),
        Lookup::Miss(stamp, ()) => stamp,
    };
    keep_and_respond(state, stamp, key, &search(state, req, user, params).await?)
}

pub async fn search(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    params: SearchParams,
) -> Result<SearchResults, ApiError> {
    let requested = reader_language(req, params.lang.as_deref(), user)?;
    let mut v = Violations::new();
    let query = v.check("q", SearchQuery::parse(params.q.as_deref().unwrap_or_default()));
    let kind = match params.kind.as_deref() {
        Some(k) => {
            let kind = Kind::parse(k);
            if kind.is_none() {
                v.push(FieldError::new("kind", "unknown_kind", "practice, meeting_note or action_plan"));
            }
            kind
        }
        None => None,
    };
    let limit = match params.limit {
        None => 20,
        Some(n @ 1..=100) => i64::from(n),
        Some(_) => {
            v.push(FieldError::new("limit", "out_of_range", "limit is from 1 to 100"));
            20
        }
    };
    let Some(query) = query else { return Err(ApiError::invalid(v)) };
    v.into_result()?;
    let scope = ReadScope::of(&user.actor());
    let q = query.clone();
    let (hits, found) = state
        .read(move |c| {
            let hits = search_index::search(c, &q, scope, kind.map(Kind::as_str), limit)?;
            let ids: Vec<DocumentId> = hits.iter().map(|h| h.document).collect();
            let found = documents::summaries(c, &ids)?;
            Ok((hits, found))
        })
        .await?;
    let mut items = Vec::with_capacity(hits.len());
    for hit in hits {
        if let Some(summary) = found.iter().find(|s| s.id == hit.document) {
            items.push(SearchHit {
                document: item(summary, requested)?,
                matched_language: hit.locale.as_str(),
                snippet: hit.snippet,
                score: hit.score,
            });
        }
    }
    Ok(SearchResults { query: query.terms().join(" "), items })
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LineageAction {
    #[schema(value_type = String, format = Uuid)]
    pub action_id: uuid::Uuid,
    /// The action's title in the reader's language (with the plan's fallback).
    pub title: String,
    pub status: String,
    pub progress_percent: i32,
    /// The plan the action belongs to.
    pub plan: DocumentItem,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeLineage {
    pub practice: DocumentItem,
    /// The actions of action plans that this practice inspired.
    pub inspired: Vec<LineageAction>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionLineage {
    #[schema(value_type = String, format = Uuid)]
    pub action_id: uuid::Uuid,
    pub title: String,
    pub status: String,
    pub progress_percent: i32,
    /// The good practices that inspired it.
    pub inspired_by: Vec<DocumentItem>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlanLineage {
    pub plan: DocumentItem,
    pub actions: Vec<ActionLineage>,
}

fn action_title(summary: &DocumentSummary, requested: Locale, position: i32) -> String {
    let Some(text) = chosen(summary, requested) else { return String::new() };
    match &text.texts {
        Texts::ActionPlan(plan) => usize::try_from(position)
            .ok()
            .and_then(|p| plan.actions.get(p))
            .map(|a| a.title.clone())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

pub async fn practice_lineage(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    id: &str,
    lang: Option<&str>,
) -> Result<PracticeLineage, ApiError> {
    let requested = reader_language(req, lang, user)?;
    let actor = user.actor();
    let record = readable(state, &actor, Some(Kind::Practice), parse_id(id)?).await?;
    let practice = record.summary.id;
    let (links, plans) = state
        .read(move |c| {
            let links = documents::inspired_by_practice(c, practice)?;
            let mut plan_ids: Vec<DocumentId> = links.iter().map(|l| l.plan).collect();
            plan_ids.dedup();
            Ok((links, documents::summaries(c, &plan_ids)?))
        })
        .await?;
    let mut inspired = Vec::new();
    for link in links {
        let Some(plan) = plans.iter().find(|p| p.id == link.plan) else { continue };
        if !permits(&actor, Action::Read, &resource(plan)) {
            continue;
        }
        inspired.push(LineageAction {
            action_id: link.action,
            title: action_title(plan, requested, link.position),
            status: link.action_status,
            progress_percent: link.progress_percent,
            plan: item(plan, requested)?,
        });
    }
    Ok(PracticeLineage { practice: item(&record.summary, requested)?, inspired })
}

pub async fn plan_lineage(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    id: &str,
    lang: Option<&str>,
    action: Option<&str>,
) -> Result<PlanLineage, ApiError> {
    let requested = reader_language(req, lang, user)?;
    let actor = user.actor();
    let action = action
        .map(|a| {
            a.parse::<uuid::Uuid>().map_err(|_| {
                ApiError::invalid(FieldError::new("action", "invalid_id", "an action id of this plan").into())
            })
        })
        .transpose()?;
    let record = readable(state, &actor, Some(Kind::ActionPlan), parse_id(id)?).await?;
    if let Some(action) = action
        && !record.actions.iter().any(|a| a.id == action)
    {
        return Err(ApiError::not_found("action"));
    }
    let plan = record.summary.id;
    let (links, practices) = state
        .read(move |c| {
            let links = documents::inspirations_of_plan(c, plan, action)?;
            let ids: Vec<DocumentId> = links.iter().map(|l| l.practice).collect();
            Ok((links, documents::summaries(c, &ids)?))
        })
        .await?;
    let mut actions = Vec::new();
    for (position, a) in record.actions.iter().enumerate() {
        if action.is_some_and(|wanted| wanted != a.id) {
            continue;
        }
        let mut inspired_by = Vec::new();
        for link in links.iter().filter(|l| l.action == a.id) {
            if let Some(p) = practices.iter().find(|p| p.id == link.practice)
                && permits(&actor, Action::Read, &resource(p))
            {
                inspired_by.push(item(p, requested)?);
            }
        }
        actions.push(ActionLineage {
            action_id: a.id,
            title: action_title(&record.summary, requested, i32::try_from(position).unwrap_or(0)),
            status: a.status.clone(),
            progress_percent: a.progress_percent,
            inspired_by,
        });
    }
    Ok(PlanLineage { plan: item(&record.summary, requested)?, actions })
}

/// The raw body of a request, bounded.
pub async fn read_body(mut payload: web::Payload, limit: usize) -> Result<web::Bytes, ApiError> {
    use futures_util::StreamExt;
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::BadRequest { code: "unreadable_body", detail: e.to_string() })?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Whether a request declares a JSON body.
pub fn require_json(req: &HttpRequest) -> Result<(), ApiError> {
    let essence = req.content_type().to_ascii_lowercase();
    if essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json")) {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType { expected: "application/json" })
    }
}
