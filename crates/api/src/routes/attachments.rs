//! Files attached to documents: upload (raw body, type judged from the content), list,
//! download (as an attachment, never rendered inline) and removal. On a published document an
//! upload or a removal waits for review with the pending draft: readers who follow the
//! document's work see it marked as pending, everyone else sees the live files only.

use crate::auth::{CurrentUser, MaybeUser};
use crate::download;
use crate::error::ApiError;
use crate::routes::documents::read_body;
use crate::state::AppState;
use crate::usecases::documents::files;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use mfx_domain::document::Kind;
use serde::Deserialize;
use utoipa::IntoParams;

pub use crate::usecases::documents::files::{AttachmentList, AttachmentView, MAX_BYTES};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadParams {
    /// The file's name as the reader will see it ("attachment" by default; cleaned of paths,
    /// control and invisible formatting characters, cut to 200 characters); its extension is set
    /// to match the content (a PDF sent as `minutes.html` is stored as `minutes.pdf`).
    pub filename: Option<String>,
}

/// Attaches the request body: who may change the document is checked before the body is read.
pub async fn upload(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    params: UploadParams,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let document = files::changeable(state, &user.actor(), kind, id).await?;
    let body = read_body(payload, MAX_BYTES).await?;
    let uploader = user.record.account.id;
    let view = files::attach(state, &document, uploader, params.filename.as_deref(), body).await?;
    Ok(HttpResponse::build(StatusCode::CREATED).insert_header((header::LOCATION, view.href.clone())).json(view))
}

pub async fn list(state: &AppState, user: &MaybeUser, kind: Kind, id: &str) -> Result<AttachmentList, ApiError> {
    Ok(files::list(state, &user.actor(), kind, id).await?)
}

/// Sends a file the reader may see (see [`crate::download`]).
pub async fn download(
    state: &AppState,
    user: &MaybeUser,
    kind: Kind,
    id: &str,
    attachment: &str,
) -> Result<HttpResponse, ApiError> {
    Ok(download::response(files::download(state, &user.actor(), kind, id, attachment).await?))
}

pub async fn remove(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    attachment: &str,
) -> Result<HttpResponse, ApiError> {
    files::remove(state, &user.actor(), user.record.account.id, kind, id, attachment).await?;
    Ok(HttpResponse::NoContent().finish())
}
