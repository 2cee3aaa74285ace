//! Files attached to documents: upload (raw body, type judged from the content), list,
//! download (as an attachment, never rendered inline) and removal. On a published document an
//! upload or a removal waits for review with the pending draft: readers who follow the
//! document's work see it marked as pending, everyone else sees the live files only.

use crate::auth::{CurrentUser, MaybeUser};
use crate::error::ApiError;
use crate::filetype;
use crate::routes::documents::read_body;
use crate::state::AppState;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use mfx_domain::document::{DocumentId, Kind};
use mfx_domain::policy::{Action, Resource, permits};
use mfx_store::attachments::{self, NewAttachment, Readers};
use mfx_store::documents;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::{IntoParams, ToSchema};

pub use crate::usecases::documents::files::{
    AttachmentChange, AttachmentView, PendingAttachments, shown_filename, to_view,
};

/// The largest attachment accepted.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentList {
    pub items: Vec<AttachmentView>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadParams {
    /// The file's name as the reader will see it ("attachment" by default; cleaned of paths,
    /// control and invisible formatting characters, cut to 200 characters); its extension is set
    /// to match the content (a PDF sent as `minutes.html` is stored as `minutes.pdf`).
    pub filename: Option<String>,
}

async fn document_for(
    state: &AppState,
    actor: &mfx_domain::policy::Actor,
    kind: Kind,
    id: &str,
) -> Result<documents::DocumentSummary, ApiError> {
    let id: DocumentId = id.parse().map_err(|_| ApiError::not_found("document"))?;
    let found = state.read(move |c| documents::summaries(c, &[id])).await?.pop();
    match found {
        Some(s)
            if s.kind == kind
                && permits(
                    actor,
                    Action::Read,
                    &Resource::Document { owner: s.partner, status: s.status, visibility: s.visibility },
                ) =>
        {
            Ok(s)
        }
        _ => Err(ApiError::not_found("document")),
    }
}

/// Whether `actor` follows the document's work (sees pending files) or reads the live ones.
pub fn readers(actor: &mfx_domain::policy::Actor, s: &documents::DocumentSummary) -> Readers {
    let resource = Resource::Document { owner: s.partner, status: s.status, visibility: s.visibility };
    if permits(actor, Action::ReadTrail, &resource) { Readers::Trail } else { Readers::Live }
}

fn may_change(actor: &mfx_domain::policy::Actor, s: &documents::DocumentSummary) -> bool {
    permits(actor, Action::Update, &Resource::Document { owner: s.partner, status: s.status, visibility: s.visibility })
}

pub async fn upload(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    params: UploadParams,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let actor = user.actor();
    let summary = document_for(state, &actor, kind, id).await?;
    if !may_change(&actor, &summary) {
        return Err(ApiError::forbidden());
    }
    let body = read_body(payload, MAX_BYTES).await?;
    if body.is_empty() {
        return Err(ApiError::invalid(
            mfx_domain::FieldError::new("body", "required", "send the file as the request body").into(),
        ));
    }
    let sent_name = filetype::clean_filename(params.filename.as_deref().unwrap_or("attachment"));
    let content_type = filetype::detect(&body, &sent_name).ok_or(ApiError::UnsupportedMediaType {
        expected: "a PDF, an image (PNG, JPEG, GIF, WebP) or an office document (Word, Excel, PowerPoint, OpenDocument)",
    })?;
    let filename = filetype::stored_filename(&sent_name, content_type);
    let sha256: String = Sha256::digest(&body).iter().map(|b| format!("{b:02x}")).collect();
    let now = state.clock.now();
    let doc = summary.id;
    let uploader = user.record.account.id;
    let meta = state
        .write(move |c| {
            attachments::add(
                c,
                doc,
                NewAttachment {
                    filename: &filename,
                    content_type,
                    sha256: &sha256,
                    data: &body,
                    uploaded_by: uploader,
                },
                now,
            )
        })
        .await?;
    let view = to_view(kind, meta);
    Ok(HttpResponse::build(StatusCode::CREATED).insert_header((header::LOCATION, view.href.clone())).json(view))
}

pub async fn list(state: &AppState, user: &MaybeUser, kind: Kind, id: &str) -> Result<AttachmentList, ApiError> {
    let actor = user.actor();
    let summary = document_for(state, &actor, kind, id).await?;
    let (doc, readers) = (summary.id, readers(&actor, &summary));
    let found = state.read(move |c| attachments::list(c, doc, readers)).await?;
    Ok(AttachmentList { items: found.into_iter().map(|m| to_view(kind, m)).collect() })
}

pub async fn download(
    state: &AppState,
    user: &MaybeUser,
    kind: Kind,
    id: &str,
    attachment: &str,
) -> Result<HttpResponse, ApiError> {
    let actor = user.actor();
    let summary = document_for(state, &actor, kind, id).await?;
    let attachment: uuid::Uuid = attachment.parse().map_err(|_| ApiError::not_found("attachment"))?;
    let (doc, readers) = (summary.id, readers(&actor, &summary));
    let (meta, data) = state
        .read(move |c| attachments::find(c, doc, attachment, readers))
        .await?
        .ok_or_else(|| ApiError::not_found("attachment"))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, meta.content_type.clone()))
        .insert_header((header::CONTENT_DISPOSITION, filetype::content_disposition(&shown_filename(&meta))))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Content-Security-Policy", "default-src 'none'; sandbox"))
        .insert_header((header::CACHE_CONTROL, "private, max-age=0, must-revalidate"))
        .insert_header((header::ETAG, format!("\"{}\"", meta.sha256)))
        .body(data))
}

pub async fn remove(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    attachment: &str,
) -> Result<HttpResponse, ApiError> {
    let actor = user.actor();
    let summary = document_for(state, &actor, kind, id).await?;
    if !may_change(&actor, &summary) {
        return Err(ApiError::forbidden());
    }
    let attachment: uuid::Uuid = attachment.parse().map_err(|_| ApiError::not_found("attachment"))?;
    let (doc, who, now) = (summary.id, user.record.account.id, state.clock.now());
    let removed = state.write(move |c| attachments::delete(c, doc, attachment, who, now)).await?;
    if removed { Ok(HttpResponse::NoContent().finish()) } else { Err(ApiError::not_found("attachment")) }
}
