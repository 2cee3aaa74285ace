//! A document's attached files as readers get them: where to download each, and on a
//! published document which additions and removals wait for review.

use crate::filetype;
use chrono::{DateTime, Utc};
use mfx_domain::document::Kind;
use mfx_store::attachments::{AttachmentMeta, PendingChange};
use serde::Serialize;
use utoipa::ToSchema;

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
