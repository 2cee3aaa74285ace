//! A document's history: its revisions, newest first.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{account_erasures, document_revisions, partners, users};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::document::DocumentId;
use mfx_domain::{Locale, UserId};
use serde_json::Value;

/// One entry of a document's history.
#[derive(Debug, Clone, PartialEq)]
pub struct RevisionRecord {
    pub version: i64,
    pub at: DateTime<Utc>,
    pub actor: Option<(UserId, String)>,
    pub action: String,
    pub locale: Option<Locale>,
    pub changes: Value,
    pub comment: Option<String>,
    /// The partner of who made the change: its slug and name.
    pub partner: Option<(String, String)>,
    /// The person who made the change erased their account: `actor` is empty and the change
    /// stays under the partner's name.
    pub former_member: bool,
}

impl RevisionRecord {
    /// Whether this entry put a version before the public: a publication, a reviewed draft
    /// replacing the live text, an accepted translation, or a translation of a published
    /// document by its own partner or the lead partner.
    pub fn is_publication(&self) -> bool {
        match self.action.as_str() {
            "status_changed" => self.changes["status"]["to"] == "published",
            "created" => self.changes["status"] == "published",
            "translated" => self.changes["published"] == true,
            "draft_published" | "translation_approved" => true,
            _ => false,
        }
    }
}

/// A document's history, newest first.
pub fn revisions(conn: &mut DbConnection, id: DocumentId) -> Result<Vec<RevisionRecord>, StoreError> {
    type Row = (
        i64,
        NaiveDateTime,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<NaiveDateTime>,
    );
    let rows: Vec<Row> = document_revisions::table
        .left_join(users::table.on(users::id.nullable().eq(document_revisions::actor_id)))
        .left_join(account_erasures::table.on(account_erasures::user_id.nullable().eq(document_revisions::actor_id)))
        .left_join(partners::table.on(partners::id.nullable().eq(users::partner_id.nullable())))
        .filter(document_revisions::document_id.eq(id.to_string()))
        .order((document_revisions::at.desc(), document_revisions::id.desc()))
        .select((
            document_revisions::version,
            document_revisions::at,
            document_revisions::actor_id,
            users::display_name.nullable(),
            document_revisions::action,
            document_revisions::locale,
            document_revisions::changes,
            document_revisions::comment,
            partners::slug.nullable(),
            partners::name_local.nullable(),
            account_erasures::erased_at.nullable(),
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(version, at, actor, name, action, locale, changes, comment, partner_slug, partner_name, erased)| {
            Ok(RevisionRecord {
                version,
                at: at.and_utc(),
                actor: match (actor, name) {
                    (Some(_), Some(_)) if erased.is_some() => None,
                    (Some(id), Some(name)) => Some((id.parse().map_err(|e| corrupt("document_revisions", e))?, name)),
                    _ => None,
                },
                former_member: erased.is_some(),
                action,
                locale: locale.map(|l| l.parse()).transpose().map_err(|e| corrupt("document_revisions", e))?,
                changes: serde_json::from_str(&changes).map_err(|e| corrupt("document_revisions", e))?,
                comment,
                partner: partner_slug.zip(partner_name),
            })
        })
        .collect()
}
