//! Files attached to documents, stored in the database so that every instance serves them.
//! On a published document, a file added or removed waits for review with the pending draft:
//! an added file is hidden from readers who may not follow the document's work until the draft
//! is published, a removed file stays live until then; discarding the draft undoes both.

use crate::activity::{self, NewActivity};
use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{attachments, document_revisions, documents};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::document::{DocumentId, Kind, Status};
use mfx_domain::{Error, UserId};
use serde_json::json;
use uuid::Uuid;

/// A change to a published document's files that waits for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingChange {
    /// Uploaded; live once the pending draft is published.
    Added,
    /// Removed; still live until the pending draft is published.
    Removed,
}

impl PendingChange {
    pub fn as_str(self) -> &'static str {
        match self {
            PendingChange::Added => "added",
            PendingChange::Removed => "removed",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "added" => Some(PendingChange::Added),
            "removed" => Some(PendingChange::Removed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentMeta {
    pub id: Uuid,
    pub document: DocumentId,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
    /// What waits for review about this file, if anything.
    pub pending: Option<PendingChange>,
}

type MetaRow = (String, String, String, String, i64, String, Option<String>, NaiveDateTime, Option<String>);

fn meta(
    (id, document, filename, content_type, size_bytes, sha256, uploaded_by, created_at, pending): MetaRow,
) -> Result<AttachmentMeta, StoreError> {
    let bad = |what: &str| corrupt("attachments", format!("{what} of {id}"));
    Ok(AttachmentMeta {
        id: id.parse().map_err(|_| bad("id"))?,
        document: document.parse().map_err(|_| bad("document"))?,
        filename,
        content_type,
        size_bytes,
        sha256,
        uploaded_by: uploaded_by.as_deref().map(str::parse).transpose().map_err(|_| bad("uploader"))?,
        created_at: created_at.and_utc(),
        pending: pending
            .as_deref()
            .map(|p| PendingChange::parse(p).ok_or_else(|| bad("pending change")))
            .transpose()?,
    })
}

/// Who reads a document's files: `Trail` follows its work (sees what is pending, marked as
/// such), `Live` sees the live files only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readers {
    Trail,
    Live,
}

/// What `readers` are shown of a file: nothing of an unreviewed upload, no pending mark for the
/// public.
fn shown(readers: Readers, mut meta: AttachmentMeta) -> Option<AttachmentMeta> {
    if readers == Readers::Live {
        if meta.pending == Some(PendingChange::Added) {
            return None;
        }
        meta.pending = None;
    }
    Some(meta)
}

macro_rules! meta_columns {
    () => {
        (
            attachments::id,
            attachments::document_id,
            attachments::filename,
            attachments::content_type,
            attachments::size_bytes,
            attachments::sha256,
            attachments::uploaded_by,
            attachments::created_at,
            attachments::pending_change,
        )
    };
}

/// A file to attach.
#[derive(Debug)]
pub struct NewAttachment<'a> {
    pub filename: &'a str,
    pub content_type: &'a str,
    pub sha256: &'a str,
    pub data: &'a [u8],
    pub uploaded_by: UserId,
}

pub fn add(
    conn: &mut DbConnection,
    document: DocumentId,
    file: NewAttachment<'_>,
    now: DateTime<Utc>,
) -> Result<AttachmentMeta, StoreError> {
    let key = document.to_string();
    let (version, kind, partner, status): (i64, String, String, String) = documents::table
        .find(&key)
        .select((documents::version, documents::kind, documents::partner_id, documents::status))
        .first(conn)
        .optional()?
        .ok_or(StoreError::Domain(Error::NotFound { entity: "document" }))?;
    let published = status == Status::Published.as_str();
    if published {
        crate::pending::start_draft(conn, document, file.uploaded_by, now)?;
    }
    let pending = published.then_some(PendingChange::Added.as_str());
    let id = Uuid::now_v7();
    let at = now.naive_utc();
    diesel::insert_into(attachments::table)
        .values((
            attachments::id.eq(id.to_string()),
            attachments::document_id.eq(&key),
            attachments::filename.eq(file.filename),
            attachments::content_type.eq(file.content_type),
            attachments::size_bytes.eq(i64::try_from(file.data.len()).unwrap_or(i64::MAX)),
            attachments::sha256.eq(file.sha256),
            attachments::data.eq(file.data),
            attachments::uploaded_by.eq(file.uploaded_by.to_string()),
            attachments::created_at.eq(at),
            attachments::pending_change.eq(pending),
        ))
        .execute(conn)?;
    diesel::insert_into(document_revisions::table)
        .values((
            document_revisions::id.eq(Uuid::now_v7().to_string()),
            document_revisions::document_id.eq(&key),
            document_revisions::version.eq(version),
            document_revisions::actor_id.eq(file.uploaded_by.to_string()),
            document_revisions::at.eq(at),
            document_revisions::action.eq("attachment_added"),
            document_revisions::changes
                .eq(json!({ "attachment": id, "filename": file.filename, "pending": published }).to_string()),
        ))
        .execute(conn)?;
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: Some(file.uploaded_by),
            // An upload waiting for review is no news for the partnership's digests yet.
            verb: if published { "attachment_proposed" } else { "attachment_added" },
            subject_kind: "document",
            subject_id: key,
            document_kind: Kind::parse(&kind),
            partner: partner.parse().ok(),
            locale: None,
            details: json!({ "attachment": id, "filename": file.filename }),
        },
    )?;
    find(conn, document, id, Readers::Trail)?
        .map(|(meta, _)| meta)
        .ok_or(StoreError::Domain(Error::NotFound { entity: "attachment" }))
}

/// A document's files as `readers` are shown them, oldest first.
pub fn list(
    conn: &mut DbConnection,
    document: DocumentId,
    readers: Readers,
) -> Result<Vec<AttachmentMeta>, StoreError> {
    let found = attachments::table
        .filter(attachments::document_id.eq(document.to_string()))
        .order((attachments::created_at, attachments::id))
        .select(meta_columns!())
        .load::<MetaRow>(conn)?
        .into_iter()
        .map(meta)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(found.into_iter().filter_map(|m| shown(readers, m)).collect())
}

/// The files whose addition or removal waits for review.
pub fn pending(conn: &mut DbConnection, document: DocumentId) -> Result<Vec<AttachmentMeta>, StoreError> {
    Ok(list(conn, document, Readers::Trail)?.into_iter().filter(|m| m.pending.is_some()).collect())
}

/// An attachment and its bytes, if `readers` may have it.
pub fn find(
    conn: &mut DbConnection,
    document: DocumentId,
    id: Uuid,
    readers: Readers,
) -> Result<Option<(AttachmentMeta, Vec<u8>)>, StoreError> {
    let row: Option<(MetaRow, Vec<u8>)> = attachments::table
        .filter(attachments::document_id.eq(document.to_string()))
        .filter(attachments::id.eq(id.to_string()))
        .select((meta_columns!(), attachments::data))
        .first(conn)
        .optional()?;
    let Some((m, data)) = row else { return Ok(None) };
    Ok(shown(readers, meta(m)?).map(|m| (m, data)))
}

/// Makes the pending file changes of a document take effect (`publish`) or undoes them;
/// returns how many files were to be added and removed.
pub(crate) fn settle(conn: &mut DbConnection, key: &str, publish: bool) -> Result<(usize, usize), StoreError> {
    let of = |change: PendingChange| {
        attachments::table
            .filter(attachments::document_id.eq(key))
            .filter(attachments::pending_change.eq(change.as_str()))
    };
    let (drop, keep) = if publish {
        (PendingChange::Removed, PendingChange::Added)
    } else {
        (PendingChange::Added, PendingChange::Removed)
    };
    let dropped = diesel::delete(of(drop)).execute(conn)?;
    let kept = diesel::update(of(keep)).set(attachments::pending_change.eq(None::<&str>)).execute(conn)?;
    Ok(if publish { (kept, dropped) } else { (dropped, kept) })
}

/// Removes an attachment; whether it existed.
pub fn delete(
    conn: &mut DbConnection,
    document: DocumentId,
    id: Uuid,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let key = document.to_string();
    let this =
        || attachments::table.filter(attachments::document_id.eq(&key)).filter(attachments::id.eq(id.to_string()));
    let Some(change) = this().select(attachments::pending_change).first::<Option<String>>(conn).optional()? else {
        return Ok(false);
    };
    let status: String = documents::table.find(&key).select(documents::status).first(conn)?;
    let pending = status == Status::Published.as_str() && change.as_deref() != Some(PendingChange::Added.as_str());
    let removed = if pending {
        if change.is_some() {
            // Its removal already waits for review.
            return Ok(true);
        }
        crate::pending::start_draft(conn, document, actor, now)?;
        diesel::update(this().filter(attachments::pending_change.is_null()))
            .set(attachments::pending_change.eq(PendingChange::Removed.as_str()))
            .execute(conn)?
    } else {
        diesel::delete(this()).execute(conn)?
    };
    if removed > 0 {
        let version: i64 = documents::table.find(&key).select(documents::version).first(conn)?;
        diesel::insert_into(document_revisions::table)
            .values((
                document_revisions::id.eq(Uuid::now_v7().to_string()),
                document_revisions::document_id.eq(&key),
                document_revisions::version.eq(version),
                document_revisions::actor_id.eq(actor.to_string()),
                document_revisions::at.eq(now.naive_utc()),
                document_revisions::action.eq("attachment_removed"),
                document_revisions::changes.eq(json!({ "attachment": id, "pending": pending }).to_string()),
            ))
            .execute(conn)?;
    }
    Ok(removed > 0)
}
