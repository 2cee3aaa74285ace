//! A document's attached files: as readers get them (where to download each, and on a
//! published document which additions and removals wait for review), and attaching and
//! removing them.

use super::resource;
use crate::filetype;
use crate::state::AppState;
use crate::usecases::{Error, read, write};
use chrono::{DateTime, Utc};
use mfx_domain::UserId;
use mfx_domain::document::{DocumentId, Kind};
use mfx_domain::policy::{Action, Actor, permits};
use mfx_store::attachments::{self, AttachmentMeta, NewAttachment, PendingChange, Readers};
use mfx_store::documents::{self, DocumentSummary};
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

/// The largest attachment accepted, through the API and the pages alike.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentView {
    #[schema(value_type = String, format = Uuid)]
    pub id: uuid::Uuid,
    pub filename: String,
    /// Judged from the content.
    #[schema(example = "application/pdf")]
    pub content_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    pub created_at: DateTime<Utc>,
    /// Where to download it.
    pub href: String,
    /// On a published document, what waits for review about this file (shown only to readers
    /// who follow the document's work): `added` (not live until the pending draft is
    /// published) or `removed` (live until then); null when nothing is pending.
    pub pending: Option<AttachmentChange>,
}

/// A change to a published document's files that waits for review.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentChange {
    Added,
    Removed,
}

/// Files to be added and removed when the pending draft is published.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct PendingAttachments {
    pub added: Vec<AttachmentView>,
    pub removed: Vec<AttachmentView>,
}

impl PendingAttachments {
    pub fn of(kind: Kind, files: &[AttachmentMeta]) -> Self {
        let mut out = PendingAttachments::default();
        for file in files {
            match file.pending {
                Some(PendingChange::Added) => out.added.push(to_view(kind, file.clone())),
                Some(PendingChange::Removed) => out.removed.push(to_view(kind, file.clone())),
                None => {}
            }
        }
        out
    }
}

/// The name a file is shown and sent under: cleaned, with the extension of its content (files
/// stored before names were checked are corrected when read).
pub fn shown_filename(meta: &AttachmentMeta) -> String {
    filetype::stored_filename(&meta.filename, &meta.content_type)
}

pub fn to_view(kind: Kind, meta: AttachmentMeta) -> AttachmentView {
    AttachmentView {
        pending: meta.pending.map(|p| match p {
            PendingChange::Added => AttachmentChange::Added,
            PendingChange::Removed => AttachmentChange::Removed,
        }),
        href: format!("/api/v1/{}/{}/attachments/{}", kind.collection(), meta.document, meta.id),
        filename: shown_filename(&meta),
        id: meta.id,
        content_type: meta.content_type,
        size_bytes: meta.size_bytes,
        sha256: meta.sha256,
        created_at: meta.created_at,
    }
}

// A document's files as one reader gets them (a doc comment would show in the API schema).
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentList {
    pub items: Vec<AttachmentView>,
}

/// A file to send: its stored description, the name to send it under, and its content.
pub struct Download {
    pub meta: AttachmentMeta,
    pub filename: String,
    pub data: Vec<u8>,
}

/// A document of `kind` the actor may read, by the id in a path; anything else is "not found".
async fn document_for(state: &AppState, actor: &Actor, kind: Kind, id: &str) -> Result<DocumentSummary, Error> {
    let id: DocumentId = id.parse().map_err(|_| Error::NotFound("document"))?;
    let found = read(state, move |c| documents::summaries(c, &[id])).await?.pop();
    match found {
        Some(s) if s.kind == kind && permits(actor, Action::Read, &resource(&s)) => Ok(s),
        _ => Err(Error::NotFound("document")),
    }
}

/// Whether `actor` follows the document's work (sees pending files) or reads the live ones.
pub fn readers(actor: &Actor, s: &DocumentSummary) -> Readers {
    if permits(actor, Action::ReadTrail, &resource(s)) { Readers::Trail } else { Readers::Live }
}

/// An attachment id from a path; anything that is not one names no attachment.
fn attachment_id(raw: &str) -> Result<Uuid, Error> {
    raw.parse().map_err(|_| Error::NotFound("attachment"))
}

/// The files of a document the actor has already been allowed to read, each under the name it
/// is shown with.
pub async fn shown(state: &AppState, actor: &Actor, summary: &DocumentSummary) -> Result<Vec<AttachmentMeta>, Error> {
    let (doc, readers) = (summary.id, readers(actor, summary));
    let mut files = read(state, move |c| attachments::list(c, doc, readers)).await?;
    for file in &mut files {
        file.filename = shown_filename(file);
    }
    Ok(files)
}

/// The files of a document, as the actor may see them.
pub async fn list(state: &AppState, actor: &Actor, kind: Kind, id: &str) -> Result<AttachmentList, Error> {
    let summary = document_for(state, actor, kind, id).await?;
    let (doc, readers) = (summary.id, readers(actor, &summary));
    let found = read(state, move |c| attachments::list(c, doc, readers)).await?;
    Ok(AttachmentList { items: found.into_iter().map(|m| to_view(kind, m)).collect() })
}

/// One file of a document, as the actor may see it.
pub async fn download(
    state: &AppState,
    actor: &Actor,
    kind: Kind,
    id: &str,
    attachment: &str,
) -> Result<Download, Error> {
    let summary = document_for(state, actor, kind, id).await?;
    let attachment = attachment_id(attachment)?;
    let (doc, readers) = (summary.id, readers(actor, &summary));
    let (meta, data) = read(state, move |c| attachments::find(c, doc, attachment, readers))
        .await?
        .ok_or(Error::NotFound("attachment"))?;
    Ok(Download { filename: shown_filename(&meta), meta, data })
}

/// The document the actor may attach files to or remove them from; checked before the file
/// is received.
pub async fn changeable(state: &AppState, actor: &Actor, kind: Kind, id: &str) -> Result<DocumentSummary, Error> {
    let summary = document_for(state, actor, kind, id).await?;
    if !permits(actor, Action::Update, &resource(&summary)) {
        return Err(Error::Forbidden);
    }
    Ok(summary)
}

/// Attaches `body` (sent under `sent_name`, "attachment" when none) to a document that
/// [`changeable`] allowed: the type is judged from the content, and the stored name gets the
/// matching extension. On a published document the file waits for review.
pub async fn attach<B>(
    state: &AppState,
    document: &DocumentSummary,
    uploader: UserId,
    sent_name: Option<&str>,
    body: B,
) -> Result<AttachmentView, Error>
where
    B: AsRef<[u8]> + Send + 'static,
{
    if body.as_ref().is_empty() {
        return Err(Error::field("body", "required", "send the file as the request body"));
    }
    let sent_name = filetype::clean_filename(sent_name.unwrap_or("attachment"));
    let content_type = filetype::detect(body.as_ref(), &sent_name).ok_or(Error::UnsupportedContent {
        expected: "a PDF, an image (PNG, JPEG, GIF, WebP) or an office document (Word, Excel, PowerPoint, OpenDocument)",
    })?;
    let filename = filetype::stored_filename(&sent_name, content_type);
    let sha256: String = Sha256::digest(body.as_ref()).iter().map(|b| format!("{b:02x}")).collect();
    let (doc, kind, now) = (document.id, document.kind, state.clock.now());
    let meta = write(state, move |c| {
        let data = body.as_ref();
        attachments::add(
            c,
            doc,
            NewAttachment { filename: &filename, content_type, sha256: &sha256, data, uploaded_by: uploader },
            now,
        )
    })
    .await?;
    Ok(to_view(kind, meta))
}

/// Removes a file from a document (on a published one, the removal waits for review).
pub async fn remove(
    state: &AppState,
    actor: &Actor,
    who: UserId,
    kind: Kind,
    id: &str,
    attachment: &str,
) -> Result<(), Error> {
    let summary = changeable(state, actor, kind, id).await?;
    let attachment = attachment_id(attachment)?;
    let (doc, now) = (summary.id, state.clock.now());
    let removed = write(state, move |c| attachments::delete(c, doc, attachment, who, now)).await?;
    if removed { Ok(()) } else { Err(Error::NotFound("attachment")) }
}
