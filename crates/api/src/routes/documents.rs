//! The HTTP side of good practices, meeting notes and action plans: reading the request
//! (path, query, body, `If-Match`, the reader's language), calling the use case in
//! [`crate::usecases::documents`], and sending its answer as JSON with the ETag, the content
//! language and, for reads, the response cache. The routes of each kind are in [`super::kinds`].

use crate::auth::{CurrentUser, MaybeUser};
use crate::error::ApiError;
use crate::json::parse_object;
use crate::response_cache::{Cached, Lookup, Source, Ticket, follower};
use crate::routes::{IfMatch, etag};
use crate::state::AppState;
use crate::usecases::documents::reading::{self, DocumentFilter};
use crate::usecases::documents::{self as usecases, Translated, parse_id, translating};
use crate::usecases::review;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use mfx_domain::Locale;
use mfx_domain::content::DocumentInput;
use mfx_domain::document::{Kind, Status};
use mfx_domain::policy::ReadScope;
use mfx_store::documents::DocumentRecord;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

pub use crate::usecases::documents::reading::{CURSOR_PATTERN, KindFilter, ListQuery};
pub use crate::usecases::documents::searching::SearchParams;
pub use crate::usecases::documents::views::{
    DocumentList, DocumentView, PlanLineage, PracticeLineage, RevisionList, SearchResults, TranslationList,
};
pub use crate::usecases::documents::{TransitionInput, TranslationInput};

// ---------------------------------------------------------------- reading the request

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
    Ok(negotiated.unwrap_or(Locale::fallback()))
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

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AnyKindListQuery {
    /// practice, meeting_note or action_plan (or the collection's name).
    #[param(value_type = Option<KindFilter>)]
    pub kind: Option<String>,
    /// The reader's language for titles and summaries (fallback: English when it is up to date, then the original).
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

mfx_domain::code_schema!(
    /// The forms of a document's texts a read sends: both, markdown or html.
    TextFormatCode,
    ["both", "markdown", "html"]
);

/// The forms of a document's texts a read sends: the Markdown (`text`), the HTML rendered from
/// it (`html`), or both (the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    Both,
    Markdown,
    Html,
}

impl TextFormat {
    /// `text_format` as a query gives it.
    pub fn parse(value: Option<&str>) -> Result<Self, ApiError> {
        match value {
            None | Some("both") => Ok(TextFormat::Both),
            Some("markdown") => Ok(TextFormat::Markdown),
            Some("html") => Ok(TextFormat::Html),
            Some(_) => Err(ApiError::invalid(
                mfx_domain::FieldError::new("text_format", "unknown_text_format", "both, markdown or html").into(),
            )),
        }
    }

    /// The member of the view it leaves out.
    fn left_out(self) -> Option<&'static str> {
        match self {
            TextFormat::Both => None,
            TextFormat::Markdown => Some("html"),
            TextFormat::Html => Some("text"),
        }
    }
}

// ---------------------------------------------------------------- answers and the response cache

fn document_response(status: StatusCode, record: &DocumentRecord, requested: Locale) -> Result<HttpResponse, ApiError> {
    let location = (status == StatusCode::CREATED)
        .then(|| format!("/api/v1/{}/{}", record.summary.kind.collection(), record.summary.id));
    Ok(respond(status, &rendered(record, None, requested, TextFormat::Both)?, location))
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
    Ok(respond(status, &rendered(record, Some(&pending), requested, TextFormat::Both)?, None))
}

/// A document after a change: with what is pending once it is published.
async fn changed(state: &AppState, record: &DocumentRecord) -> Result<HttpResponse, ApiError> {
    let requested = record.summary.original_locale;
    if record.summary.status == Status::Published {
        return document_with_pending(state, StatusCode::OK, record, requested).await;
    }
    document_response(StatusCode::OK, record, requested)
}

/// A document in the reader's language, serialised once (and kept, for reads) with the texts in
/// `format`. `pending` is given only for readers who may see the work pending on it.
fn rendered(
    record: &DocumentRecord,
    pending: Option<&mfx_store::pending::Pending>,
    requested: Locale,
    format: TextFormat,
) -> Result<Cached, ApiError> {
    let mut view = usecases::view(record, requested)?;
    view.pending = pending.and_then(|p| review::summary(record, p));
    let language = view.language;
    let body = match format.left_out() {
        None => serde_json::to_vec(&view),
        Some(member) => {
            let mut value = serde_json::to_value(&view).map_err(ApiError::internal)?;
            if let Some(members) = value.as_object_mut() {
                members.remove(member);
            }
            serde_json::to_vec(&value)
        }
    }
    .map_err(ApiError::internal)?;
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

/// Serialises an answer built from data read after `ticket` was given, keeps it, and sends it.
fn keep_and_respond<T: Serialize>(
    state: &AppState,
    ticket: Ticket,
    key: String,
    value: &T,
) -> Result<HttpResponse, ApiError> {
    let body = serde_json::to_vec(value).map_err(ApiError::internal)?;
    let answer = Cached { body: body.into(), etag: None, language: None };
    state.cache.put(ticket, Source::Lists, key, answer.clone());
    Ok(respond(StatusCode::OK, &answer, None))
}

/// The answer kept for `key`, or the ticket to keep a new one with. When the cache's view of the
/// content change log is too old to answer (see [`crate::response_cache`]), the log is read
/// first.
async fn lookup(state: &AppState, key: &str) -> Result<Found<()>, ApiError> {
    let mut found = state.cache.get(key);
    if let Lookup::Behind = found {
        let cache = state.cache.clone();
        if let Err(error) = state.read(move |c| follower::catch_up_on(c, &cache)).await {
            return held_or(state, key, error);
        }
        found = state.cache.get(key);
    }
    Ok(match found {
        Lookup::Hit(hit) => Found::Hit(hit),
        Lookup::Miss(ticket) => Found::Loaded(ticket, ()),
        Lookup::Behind => Found::Loaded(state.cache.ticket(), ()),
    })
}

/// What the cache and the database gave for a read.
enum Found<T> {
    Hit(Cached),
    Loaded(Ticket, T),
}

/// The answer kept for `key`, else what `load` reads, with the ticket to keep the answer built
/// from it. When the log must be read first, it is read in the same trip as the data.
async fn cached_or<T, F>(state: &AppState, key: &str, load: F) -> Result<Found<T>, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut mfx_store::DbConnection) -> Result<T, mfx_store::StoreError> + Send + 'static,
{
    match state.cache.get(key) {
        Lookup::Hit(hit) => return Ok(Found::Hit(hit)),
        Lookup::Miss(ticket) => return Ok(Found::Loaded(ticket, state.read(load).await?)),
        Lookup::Behind => {}
    }
    let cache = state.cache.clone();
    let owned = key.to_owned();
    let read = state
        .read(move |c| {
            follower::catch_up_on(c, &cache)?;
            let ticket = match cache.get(&owned) {
                Lookup::Hit(hit) => return Ok(Found::Hit(hit)),
                Lookup::Miss(ticket) => ticket,
                Lookup::Behind => cache.ticket(),
            };
            Ok(Found::Loaded(ticket, load(c)?))
        })
        .await;
    read.or_else(|error| held_or(state, key, error))
}

/// When the database cannot be reached, the answer the cache holds for `key` (see
/// [`crate::response_cache`]); else the error.
fn held_or<T>(state: &AppState, key: &str, error: ApiError) -> Result<Found<T>, ApiError> {
    match (&error, state.cache.held(key)) {
        (ApiError::Unavailable(_), Some(hit)) => Ok(Found::Hit(hit)),
        _ => Err(error),
    }
}

// ---------------------------------------------------------------- the operations

/// The list as the API sends it, kept for readers of the same scope until a change to any document.
pub async fn list_response(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    kind: Option<Kind>,
    query: ListQuery,
) -> Result<HttpResponse, ApiError> {
    let requested = reader_language(req, query.lang.as_deref(), user)?;
    let actor = user.actor();
    let key = format!(
        "list {kind:?} {requested} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        ReadScope::of(&actor),
        query.partner,
        query.theme,
        query.status,
        query.updated_since,
        query.cursor,
        query.limit
    );
    let ticket = match lookup(state, &key).await? {
        Found::Hit(list) => return Ok(respond(StatusCode::OK, &list, None)),
        Found::Loaded(ticket, ()) => ticket,
    };
    let filter: DocumentFilter = query.filter()?;
    keep_and_respond(state, ticket, key, &usecases::list(state, &actor, kind, filter, requested).await?)
}

pub async fn create(state: &AppState, user: &CurrentUser, input: DocumentInput) -> Result<HttpResponse, ApiError> {
    let record = usecases::create(state, user.member(), input).await?;
    let locale = record.summary.original_locale;
    document_response(StatusCode::CREATED, &record, locale)
}

pub async fn get(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    kind: Option<Kind>,
    id: &str,
    lang: Option<&str>,
    text_format: Option<&str>,
) -> Result<HttpResponse, ApiError> {
    let requested = reader_language(req, lang, user)?;
    let format = TextFormat::parse(text_format)?;
    let id = parse_id(id)?;
    let actor = user.actor();
    // Who may read what, and who sees the work pending on a document, depend only on the read
    // scope (tested against the policy), so readers of one scope share entries and an entry
    // made for the owner partner, with its pending work, is never served to anyone else.
    let scope = ReadScope::of(&actor);
    let key = format!("document {id} {kind:?} {requested} {scope:?} {format:?}");
    let (ticket, found) = match cached_or(state, &key, reading::load_with_pending(id, scope)).await? {
        Found::Hit(document) => return Ok(respond(StatusCode::OK, &document, None)),
        Found::Loaded(ticket, found) => (ticket, found),
    };
    let (record, pending) = reading::visible(&actor, kind, found)?;
    let document = rendered(&record, pending.as_ref(), requested, format)?;
    state.cache.put(ticket, Source::Document(id), key, document.clone());
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
    let mut patch: serde_json::Value = parse_object(body)?;
    crate::json::integral_numbers(&mut patch);
    let record = usecases::edit(state, user.member(), kind, parse_id(id)?, expected, &patch).await?;
    // For a published document: the live version, with the pending draft the edit went into.
    changed(state, &record).await
}

/// The version of a document the account may read, for `If-Match: *` and lists.
pub(crate) async fn document_version(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
) -> Result<Option<i64>, ApiError> {
    Ok(usecases::version(state, &user.actor(), kind, parse_id(id)?).await?)
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
        .expected(async { Ok(translating::version(state, user.member(), kind, parse_id(id)?, lang).await?) })
        .await?;
    let (created, version, record, locale) =
        match usecases::translate(state, user.member(), kind, parse_id(id)?, lang, input, expected).await? {
            Translated::Live { created, version, record, locale } => (created, version, record, locale),
            Translated::Proposed { record, locale } => {
                let body = review::proposal_view(state, &record, locale).await?;
                return Ok(HttpResponse::Accepted().json(body));
            }
        };
    let doc = record.summary.id;
    let mut response = HttpResponse::build(if created { StatusCode::CREATED } else { StatusCode::OK });
    response.insert_header((header::ETAG, etag(version)));
    if created {
        response.insert_header((header::LOCATION, format!("/api/v1/{}/{}?lang={}", kind.collection(), doc, locale)));
    }
    Ok(response.json(usecases::view(&record, locale)?))
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
    let record = usecases::move_document(state, user.member(), kind, parse_id(id)?, input, expected).await?;
    changed(state, &record).await
}

/// The search results as the API sends them, kept for readers of the same scope and language
/// under the change the search index last applied (the same words find the same documents until
/// a change to any document, and the index has followed it).
pub async fn search_response(
    state: &AppState,
    req: &HttpRequest,
    user: &MaybeUser,
    params: SearchParams,
) -> Result<HttpResponse, ApiError> {
    let requested = reader_language(req, params.lang.as_deref(), user)?;
    let actor = user.actor();
    // Keyed by the raw parameters: two spellings of one query are two entries, never a wrong one.
    let key = format!(
        "search {requested} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        state.search.index.applied(),
        ReadScope::of(&actor),
        params.q,
        params.kind,
        params.partner,
        params.theme,
        params.language,
        params.status,
        params.offset,
        params.limit
    );
    let ticket = match lookup(state, &key).await? {
        Found::Hit(results) => return Ok(respond(StatusCode::OK, &results, None)),
        Found::Loaded(ticket, ()) => ticket,
    };
    let search = params.search()?;
    keep_and_respond(state, ticket, key, &usecases::search(state, &actor, search, requested).await?)
}

/// The action of a plan named in a query, if any.
pub fn action_param(action: Option<&str>) -> Result<Option<uuid::Uuid>, ApiError> {
    action
        .map(|a| {
            a.parse::<uuid::Uuid>().map_err(|_| {
                ApiError::invalid(
                    mfx_domain::FieldError::new("action", "invalid_id", "an action id of this plan").into(),
                )
            })
        })
        .transpose()
}
