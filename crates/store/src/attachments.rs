//! Files attached to documents, stored in the database so that every instance serves them.

use crate::activity::{self, NewActivity};
use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{attachments, document_revisions, documents};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::document::{DocumentId, Kind};
use mfx_domain::{Error, UserId};
use serde_json::json;
use uuid::Uuid;

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
}

type MetaRow = (String, String, String, String, i64, String, Option<String>, NaiveDateTime);

fn meta(
    (id, document, filename, content_type, size_bytes, sha256, uploaded_by, created_at): MetaRow,
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
    })
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
    let (version, kind, partner): (i64, String, String) = documents::table
        .find(&key)
        .select((documents::version, documents::kind, documents::partner_id))
        .first(conn)
        .optional()?
        .ok_or(StoreError::Domain(Error::NotFound { entity: "document" }))?;
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
            document_revisions::changes.eq(json!({ "attachment": id, "filename": file.filename }).to_string()),
        ))
        .execute(conn)?;
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: Some(file.uploaded_by),
            verb: "attachment_added",
            subject_kind: "document",
            subject_id: key,
            document_kind: Kind::parse(&kind),
            partner: partner.parse().ok(),
            locale: None,
            details: json!({ "attachment": id, "filename": file.filename }),
        },
    )?;
    find(conn, document, id)?.map(|(meta, _)| meta).ok_or(StoreError::Domain(Error::NotFound { entity: "attachment" }))
}

pub fn list(conn: &mut DbConnection, document: DocumentId) -> Result<Vec<AttachmentMeta>, StoreError> {
    attachments::table
        .filter(attachments::document_id.eq(document.to_string()))
        .order((attachments::created_at, attachments::id))
        .select(meta_columns!())
        .load::<MetaRow>(conn)?
        .into_iter()
        .map(meta)
        .collect()
}

/// An attachment and its bytes.
pub fn find(
    conn: &mut DbConnection,
    document: DocumentId,
    id: Uuid,
) -> Result<Option<(AttachmentMeta, Vec<u8>)>, StoreError> {
    let row: Option<(MetaRow, Vec<u8>)> = attachments::table
        .filter(attachments::document_id.eq(document.to_string()))
        .filter(attachments::id.eq(id.to_string()))
        .select((meta_columns!(), attachments::data))
        .first(conn)
        .optional()?;
    row.map(|(m, data)| meta(m).map(|m| (m, data))).transpose()
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
    let removed = diesel::delete(
        attachments::table.filter(attachments::document_id.eq(&key)).filter(attachments::id.eq(id.to_string())),
    )
    .execute(conn)?;
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
                document_revisions::changes.eq(json!({ "attachment": id }).to_string()),
            ))
            .execute(conn)?;
    }
    Ok(removed > 0)
}
