//! The routes of each document kind. One macro declares the same operations under each
//! kind's path, so the three stay alike; the work is done in [`super::documents`].

use crate::auth::{CurrentUser, MaybeUser};
use crate::error::{ApiError, Problem};
use crate::json::JsonBody;
use crate::routes::attachments::{self as attachment_files, AttachmentList, AttachmentView, UploadParams};
use crate::routes::documents::{
    self, DocumentList, DocumentView, ListQuery, PlanLineage, PracticeLineage, RevisionList, TransitionInput,
    TranslationInput, TranslationList, read_body, require_json,
};
use crate::state::AppState;
use crate::usecases::documents::parse_id;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, put, web};
use mfx_domain::Locale;
use mfx_domain::content::{ActionPlanInput, DocumentInput, MeetingNoteInput, PracticeInput};
use mfx_domain::document::Kind;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangParam {
    /// The reader's language (fallback: English when it is up to date, then the original).
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentParams {
    /// The reader's language (fallback: English when it is up to date, then the original).
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
    /// The forms of the texts to send: `both` (the default) sends `text` (Markdown) and `html`,
    /// `markdown` only `text`, `html` only `html`.
    #[param(value_type = Option<documents::TextFormatCode>)]
    pub text_format: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanLineageParams {
    /// The reader's language (fallback: English when it is up to date, then the original).
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
    /// Only this action of the plan (404 if the plan has no such action).
    #[param(format = Uuid)]
    pub action: Option<String>,
}

macro_rules! document_routes {
    (
        $module:ident, $kind:expr, $tag:literal, $input:ident, $wrap:path,
        list: $list:literal, item: $item:literal, translations: $translations:literal,
        translation: $translation:literal, revisions: $revisions:literal, transitions: $transitions:literal,
        attachments: $attachments:literal, attachment: $attachment:literal,
        pending: $pending:literal, decision: $decision:literal
    ) => {
        pub mod $module {
            use super::*;

            /// Lists documents of this kind, newest first, in the reader's language.
            #[utoipa::path(
                tag = $tag,
                params(ListQuery),
                security((), ("bearer" = [])),
                responses(
                    (status = 200, description = "A page of documents", body = DocumentList),
                    (status = 401, description = "The token is not valid", body = Problem, content_type = "application/problem+json"),
                    (status = 422, description = "Invalid filters", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[get($list)]
            pub async fn list(
                state: web::Data<AppState>,
                req: HttpRequest,
                user: MaybeUser,
                query: web::Query<ListQuery>,
            ) -> Result<HttpResponse, ApiError> {
                documents::list_response(&state, &req, &user, Some($kind), query.into_inner()).await
            }

            /// Creates a document (as a draft) in its original language.
            #[utoipa::path(
                tag = $tag,
                request_body = $input,
                security(("bearer" = [])),
                responses(
                    (status = 201, description = "Created", body = DocumentView, headers(("Location" = String), ("ETag" = String))),
                    (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
                    (status = 403, description = "The account may not create it for this partner", body = Problem, content_type = "application/problem+json"),
                    (status = 422, description = "Invalid fields, each listed", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[post($list)]
            pub async fn create(state: web::Data<AppState>, user: CurrentUser, body: JsonBody<$input>) -> Result<HttpResponse, ApiError> {
                documents::create(&state, &user, $wrap(body.0)).await
            }

            /// One document in the reader's language, saying which language was served and how
            /// fresh each translation is.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid), DocumentParams),
                security((), ("bearer" = [])),
                responses(
                    (status = 200, description = "The document", body = DocumentView, headers(("ETag" = String), ("Content-Language" = String))),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                    (status = 422, description = "Unsupported language or text format", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[get($item)]
            pub async fn get(
                state: web::Data<AppState>,
                req: HttpRequest,
                user: MaybeUser,
                id: web::Path<String>,
                query: web::Query<DocumentParams>,
            ) -> Result<HttpResponse, ApiError> {
                let query = query.into_inner();
                documents::get(&state, &req, &user, Some($kind), &id, query.lang.as_deref(), query.text_format.as_deref()).await
            }

            /// Changes the document in its original language. Send only the fields that change
            /// (inside `text`, only the texts that change); `If-Match` with the ETag is required.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid), ("If-Match" = String, Header, pattern = "^(\\*|(W/)?\"[!#-~]*\"([ \\t]*,[ \\t]*(W/)?\"[!#-~]*\")*)$", description = "The ETag you read, a list of ETags, or `*`")),
                request_body(content = Object, description = "Any fields of the create body except language and partner"),
                security(("bearer" = [])),
                responses(
                    (status = 200, description = "Changed", body = DocumentView, headers(("ETag" = String))),
                    (status = 403, description = "The account may not edit it", body = Problem, content_type = "application/problem+json"),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                    (status = 412, description = "Changed by someone else since you read it", body = Problem, content_type = "application/problem+json"),
                    (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
                    (status = 428, description = "If-Match is missing", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[patch($item)]
            pub async fn patch(
                state: web::Data<AppState>,
                req: HttpRequest,
                user: CurrentUser,
                id: web::Path<String>,
                payload: web::Payload,
            ) -> Result<HttpResponse, ApiError> {
                require_json(&req)?;
                let body = read_body(payload, state.settings.max_json_bytes).await?;
                documents::patch(&state, &req, &user, $kind, &id, &body).await
            }

            /// Every language of the document: the original first, then each translation with
            /// its freshness.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid)),
                security((), ("bearer" = [])),
                responses(
                    (status = 200, description = "The texts", body = TranslationList),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[get($translations)]
            pub async fn translations(state: web::Data<AppState>, user: MaybeUser, id: web::Path<String>) -> Result<web::Json<TranslationList>, ApiError> {
                Ok(web::Json(crate::usecases::documents::translations(&state, &user.actor(), $kind, parse_id(&id)?).await?))
            }

            /// Adds or replaces the translation into `lang`. It follows the current original;
            /// when the original changes later, it reads as outdated. A translation by someone
            /// who may not accept translations of this document (an editor of another partner)
            /// is proposed instead (`202`): readers keep the reviewed translation, or the
            /// fallback, until the owner partner or the lead partner approves it.
            #[utoipa::path(
                tag = $tag,
                params(
                    ("id" = String, Path, format = Uuid),
                    ("lang" = Locale, Path, description = "The language of the translation"),
                    ("If-Match" = Option<String>, Header, pattern = "^(\\*|(W/)?\"[!#-~]*\"([ \\t]*,[ \\t]*(W/)?\"[!#-~]*\")*)$", description = "The translation's ETag you read (`*`: only if the translation exists)"),
                ),
                request_body = TranslationInput,
                security(("bearer" = [])),
                responses(
                    (status = 200, description = "Replaced", body = DocumentView, headers(("ETag" = String))),
                    (status = 201, description = "Created", body = DocumentView, headers(("ETag" = String), ("Location" = String))),
                    (status = 202, description = "Proposed: it waits for the owner partner or the lead partner", body = crate::routes::review::ProposedTranslation),
                    (status = 403, description = "The account may not translate it", body = Problem, content_type = "application/problem+json"),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                    (status = 412, description = "The translation changed since you read it", body = Problem, content_type = "application/problem+json"),
                    (status = 422, description = "Invalid fields, or the original language", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[put($translation)]
            pub async fn put_translation(
                state: web::Data<AppState>,
                req: HttpRequest,
                user: CurrentUser,
                path: web::Path<(String, String)>,
                body: JsonBody<TranslationInput>,
            ) -> Result<HttpResponse, ApiError> {
                let (id, lang) = path.into_inner();
                documents::put_translation(&state, &req, &user, $kind, &id, &lang, body.0).await
            }

            /// The document's history, newest first. The owner partner and the lead partner get
            /// every entry: who changed what, when, pending drafts and comments of review.
            /// Everyone else gets the published versions only: version, time and the partner
            /// that published it.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid)),
                security((), ("bearer" = [])),
                responses(
                    (status = 200, description = "The revisions", body = RevisionList),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[get($revisions)]
            pub async fn revisions(state: web::Data<AppState>, user: MaybeUser, id: web::Path<String>) -> Result<web::Json<RevisionList>, ApiError> {
                Ok(web::Json(crate::usecases::documents::revisions(&state, &user.actor(), $kind, parse_id(&id)?).await?))
            }

            /// Moves the document in the workflow: draft → in_review → published → archived;
            /// in_review → draft needs a comment; archived → published restores it. On a
            /// published document with a pending draft, `in_review`, `draft` and `published`
            /// move the draft: publishing it replaces the live version and makes its pending
            /// file changes take effect. Archiving a published document discards its pending
            /// draft, pending file changes and proposed translations (`pending_discarded` in
            /// its history).
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid), ("If-Match" = Option<String>, Header, pattern = "^(\\*|(W/)?\"[!#-~]*\"([ \\t]*,[ \\t]*(W/)?\"[!#-~]*\")*)$", description = "The ETag you read, a list of ETags, or `*`")),
                request_body = TransitionInput,
                security(("bearer" = [])),
                responses(
                    (status = 200, description = "Moved", body = DocumentView, headers(("ETag" = String))),
                    (status = 403, description = "The account may not make this move", body = Problem, content_type = "application/problem+json"),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                    (status = 409, description = "The current status does not allow this move", body = Problem, content_type = "application/problem+json"),
                    (status = 412, description = "Changed since you read it", body = Problem, content_type = "application/problem+json"),
                    (status = 422, description = "Not a status, or a missing comment", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[post($transitions)]
            pub async fn transition(
                state: web::Data<AppState>,
                req: HttpRequest,
                user: CurrentUser,
                id: web::Path<String>,
                body: JsonBody<TransitionInput>,
            ) -> Result<HttpResponse, ApiError> {
                documents::transition_document(&state, &req, &user, $kind, &id, body.0).await
            }

            /// What waits for review on a published document against its live version: the
            /// pending draft, field by field, and proposed translations. For the owner partner
            /// and the lead partner; anyone else gets 404.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid)),
                security(("bearer" = [])),
                responses(
                    (status = 200, description = "Pending against live", body = crate::routes::review::PendingReview),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[get($pending)]
            pub async fn pending(state: web::Data<AppState>, user: MaybeUser, id: web::Path<String>) -> Result<web::Json<crate::routes::review::PendingReview>, ApiError> {
                Ok(web::Json(crate::usecases::review::review(&state, &user.actor(), $kind, parse_id(&id)?).await?))
            }

            /// Discards the pending draft of a published document; the live version stays.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid), ("If-Match" = Option<String>, Header, pattern = "^(\\*|(W/)?\"[!#-~]*\"([ \\t]*,[ \\t]*(W/)?\"[!#-~]*\")*)$", description = "The ETag you read, a list of ETags, or `*`")),
                security(("bearer" = [])),
                responses(
                    (status = 200, description = "Discarded; the document as it is live", body = DocumentView, headers(("ETag" = String))),
                    (status = 403, description = "The account may not edit it", body = Problem, content_type = "application/problem+json"),
                    (status = 404, description = "Not found, not visible, or no pending draft", body = Problem, content_type = "application/problem+json"),
                    (status = 412, description = "Changed since you read it", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[delete($pending)]
            pub async fn discard_pending(
                state: web::Data<AppState>,
                req: HttpRequest,
                user: CurrentUser,
                id: web::Path<String>,
            ) -> Result<HttpResponse, ApiError> {
                let expected = crate::routes::IfMatch::from_request(&req)?
                    .expected(crate::routes::documents::document_version(&state, &user, $kind, &id))
                    .await?;
                let record = crate::usecases::review::discard(&state, user.member(), $kind, parse_id(&id)?, expected).await?;
                crate::routes::review::respond(&state, &record).await
            }

            /// Approves (it becomes the live translation) or refuses (with a comment) the
            /// translation proposed into `lang`. For the owner partner's editors and the lead
            /// partner.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid), ("lang" = Locale, Path, description = "The language of the proposed translation")),
                request_body = crate::routes::review::TranslationDecision,
                security(("bearer" = [])),
                responses(
                    (status = 200, description = "Decided; the document as it is live", body = DocumentView, headers(("ETag" = String))),
                    (status = 403, description = "The account may not decide", body = Problem, content_type = "application/problem+json"),
                    (status = 404, description = "Not found, not visible, or nothing proposed in this language", body = Problem, content_type = "application/problem+json"),
                    (status = 422, description = "Not approve or refuse, or a refusal without a comment", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[post($decision)]
            pub async fn decide_translation(
                state: web::Data<AppState>,
                user: CurrentUser,
                path: web::Path<(String, String)>,
                body: JsonBody<crate::routes::review::TranslationDecision>,
            ) -> Result<HttpResponse, ApiError> {
                let (id, lang) = path.into_inner();
                let record = crate::usecases::review::decide(&state, user.member(), $kind, parse_id(&id)?, &lang, body.0).await?;
                crate::routes::review::respond(&state, &record).await
            }

            /// The document's attachments. Readers who follow the document's work also get
            /// the files whose addition waits for review, marked `pending`; everyone else gets
            /// the live files.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid)),
                security((), ("bearer" = [])),
                responses(
                    (status = 200, description = "The attachments", body = AttachmentList),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[get($attachments)]
            pub async fn list_attachments(state: web::Data<AppState>, user: MaybeUser, id: web::Path<String>) -> Result<web::Json<AttachmentList>, ApiError> {
                Ok(web::Json(attachment_files::list(&state, &user, $kind, &id).await?))
            }

            /// Attaches a file: the request body is the file (at most 20 MB); its type is judged
            /// from its content: PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint, OpenDocument.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid), UploadParams),
                request_body(
                    description = "The file; whatever type the request names, the content decides",
                    content(
                        (crate::openapi::FileContent = "application/pdf"),
                        (crate::openapi::FileContent = "image/png"),
                        (crate::openapi::FileContent = "image/jpeg"),
                        (crate::openapi::FileContent = "image/gif"),
                        (crate::openapi::FileContent = "image/webp"),
                        (crate::openapi::FileContent = "application/msword"),
                        (crate::openapi::FileContent = "application/vnd.ms-excel"),
                        (crate::openapi::FileContent = "application/vnd.ms-powerpoint"),
                        (crate::openapi::FileContent = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                        (crate::openapi::FileContent = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                        (crate::openapi::FileContent = "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
                        (crate::openapi::FileContent = "application/vnd.oasis.opendocument.text"),
                        (crate::openapi::FileContent = "application/vnd.oasis.opendocument.spreadsheet"),
                        (crate::openapi::FileContent = "application/vnd.oasis.opendocument.presentation"),
                        (crate::openapi::FileContent = "application/octet-stream"),
                    )
                ),
                security(("bearer" = [])),
                responses(
                    (status = 201, description = "Attached; on a published document it waits for review with the pending draft (`pending`: `added`), started if there was none", body = AttachmentView, headers(("Location" = String))),
                    (status = 403, description = "The account may not change the document", body = Problem, content_type = "application/problem+json"),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                    (status = 413, description = "Larger than 20 MB", body = Problem, content_type = "application/problem+json"),
                    (status = 415, description = "Not an accepted type of file", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[post($attachments)]
            pub async fn upload(
                state: web::Data<AppState>,
                user: CurrentUser,
                id: web::Path<String>,
                query: web::Query<UploadParams>,
                payload: web::Payload,
            ) -> Result<HttpResponse, ApiError> {
                attachment_files::upload(&state, &user, $kind, &id, query.into_inner(), payload).await
            }

            /// Downloads an attachment.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid), ("attachment" = String, Path, format = Uuid)),
                security((), ("bearer" = [])),
                responses(
                    (status = 200, description = "The file, as a download", content_type = "application/octet-stream", body = Vec<u8>),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[get($attachment)]
            pub async fn download(
                state: web::Data<AppState>,
                user: MaybeUser,
                path: web::Path<(String, String)>,
            ) -> Result<HttpResponse, ApiError> {
                let (id, attachment) = path.into_inner();
                attachment_files::download(&state, &user, $kind, &id, &attachment).await
            }

            /// Removes an attachment.
            #[utoipa::path(
                tag = $tag,
                params(("id" = String, Path, format = Uuid), ("attachment" = String, Path, format = Uuid)),
                security(("bearer" = [])),
                responses(
                    (status = 204, description = "Removed; on a published document a live file's removal waits for review with the pending draft (started if there was none) and the file stays live until then"),
                    (status = 403, description = "The account may not change the document", body = Problem, content_type = "application/problem+json"),
                    (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
                )
            )]
            #[delete($attachment)]
            pub async fn remove_attachment(
                state: web::Data<AppState>,
                user: CurrentUser,
                path: web::Path<(String, String)>,
            ) -> Result<HttpResponse, ApiError> {
                let (id, attachment) = path.into_inner();
                attachment_files::remove(&state, &user, $kind, &id, &attachment).await
            }

            pub fn configure<T>(scope: utoipa_actix_web::scope::Scope<T>) -> utoipa_actix_web::scope::Scope<T>
            where
                T: actix_web::dev::ServiceFactory<
                        actix_web::dev::ServiceRequest,
                        Config = (),
                        Error = actix_web::Error,
                        InitError = (),
                    >,
            {
                scope
                    .service(get)
                    .service(list)
                    .service(create)
                    .service(patch)
                    .service(translations)
                    .service(put_translation)
                    .service(revisions)
                    .service(transition)
                    .service(pending)
                    .service(discard_pending)
                    .service(decide_translation)
                    .service(list_attachments)
                    .service(upload)
                    .service(download)
                    .service(remove_attachment)
            }
        }
    };
}

document_routes!(
    practices, Kind::Practice, "practices", PracticeInput, DocumentInput::Practice,
    list: "/practices", item: "/practices/{id}", translations: "/practices/{id}/translations",
    translation: "/practices/{id}/translations/{lang}", revisions: "/practices/{id}/revisions",
    transitions: "/practices/{id}/transitions", attachments: "/practices/{id}/attachments",
    attachment: "/practices/{id}/attachments/{attachment}",
    pending: "/practices/{id}/pending", decision: "/practices/{id}/translations/{lang}/decision"
);

document_routes!(
    meeting_notes, Kind::MeetingNote, "meeting notes", MeetingNoteInput, DocumentInput::MeetingNote,
    list: "/meeting-notes", item: "/meeting-notes/{id}", translations: "/meeting-notes/{id}/translations",
    translation: "/meeting-notes/{id}/translations/{lang}", revisions: "/meeting-notes/{id}/revisions",
    transitions: "/meeting-notes/{id}/transitions", attachments: "/meeting-notes/{id}/attachments",
    attachment: "/meeting-notes/{id}/attachments/{attachment}",
    pending: "/meeting-notes/{id}/pending", decision: "/meeting-notes/{id}/translations/{lang}/decision"
);

document_routes!(
    action_plans, Kind::ActionPlan, "action plans", ActionPlanInput, DocumentInput::ActionPlan,
    list: "/action-plans", item: "/action-plans/{id}", translations: "/action-plans/{id}/translations",
    translation: "/action-plans/{id}/translations/{lang}", revisions: "/action-plans/{id}/revisions",
    transitions: "/action-plans/{id}/transitions", attachments: "/action-plans/{id}/attachments",
    attachment: "/action-plans/{id}/attachments/{attachment}",
    pending: "/action-plans/{id}/pending", decision: "/action-plans/{id}/translations/{lang}/decision"
);

/// Documents of every kind, newest first.
#[utoipa::path(
    tag = "documents",
    params(documents::AnyKindListQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "A page of documents", body = DocumentList),
        (status = 422, description = "Invalid filters", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/documents")]
pub async fn list_documents(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    query: web::Query<documents::AnyKindListQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let kind = match query.kind.as_deref() {
        Some(k) => Some(Kind::parse(k).ok_or_else(|| {
            ApiError::invalid(
                mfx_domain::FieldError::new("kind", "unknown_kind", "practice, meeting_note or action_plan").into(),
            )
        })?),
        None => None,
    };
    documents::list_response(&state, &req, &user, kind, query.into_list_query()).await
}

/// Search over every translation of every document you may read: stemmed words, the last word
/// also as begun, phrases in quotes, a typo forgiven when few documents match; filters with
/// counts; each hit says which language matched, with a marked passage, and is shown in yours.
#[utoipa::path(
    tag = "documents",
    params(documents::SearchParams),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The best matches first", body = documents::SearchResults),
        (status = 404, description = "No partner has that slug", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No words to search for, or invalid parameters", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/search")]
pub async fn search(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    query: web::Query<documents::SearchParams>,
) -> Result<HttpResponse, ApiError> {
    documents::search_response(&state, &req, &user, query.into_inner()).await
}

/// The transfer lineage of a good practice: the actions of action plans it inspired.
#[utoipa::path(
    tag = "practices",
    params(("id" = String, Path, format = Uuid), LangParam),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The practice and the actions it inspired", body = PracticeLineage),
        (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/practices/{id}/lineage")]
pub async fn practice_lineage(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    id: web::Path<String>,
    query: web::Query<LangParam>,
) -> Result<web::Json<PracticeLineage>, ApiError> {
    let requested = documents::reader_language(&req, query.lang.as_deref(), &user)?;
    Ok(web::Json(crate::usecases::documents::practice_lineage(&state, &user.actor(), parse_id(&id)?, requested).await?))
}

/// The reverse lineage: for each action of a plan (or one, with `action`), the good practices
/// that inspired it.
#[utoipa::path(
    tag = "action plans",
    params(("id" = String, Path, format = Uuid), PlanLineageParams),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The plan's actions and their inspirations", body = PlanLineage),
        (status = 404, description = "Not found or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/action-plans/{id}/lineage")]
pub async fn plan_lineage(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: MaybeUser,
    id: web::Path<String>,
    query: web::Query<PlanLineageParams>,
) -> Result<web::Json<PlanLineage>, ApiError> {
    let requested = documents::reader_language(&req, query.lang.as_deref(), &user)?;
    let action = documents::action_param(query.action.as_deref())?;
    Ok(web::Json(
        crate::usecases::documents::plan_lineage(&state, &user.actor(), parse_id(&id)?, action, requested).await?,
    ))
}
