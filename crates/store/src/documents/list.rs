//! Listing documents newest first, a page at a time, within what a reader may read.

use super::DocumentSummary;
use super::read::{DocumentRow, summaries_from_rows};
use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::{document_themes, documents, partners};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::PartnerId;
use mfx_domain::document::{Kind, Status, Visibility};
use mfx_domain::policy::ReadScope;

/// Which documents a listing shows.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub kind: Option<Kind>,
    pub partner: Option<PartnerId>,
    pub theme: Option<String>,
    pub status: Option<Status>,
    pub updated_since: Option<DateTime<Utc>>,
}

/// The position after which a page starts: the last item's update time and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub updated_at: NaiveDateTime,
    pub id: String,
}

/// Documents newest first, within what `scope` may read.
pub fn list(
    conn: &mut DbConnection,
    filter: &ListFilter,
    scope: ReadScope,
    after: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<DocumentSummary>, StoreError> {
    let mut query = documents::table.inner_join(partners::table).into_boxed();
    match scope {
        ReadScope::PublishedPublic => {
            query = query
                .filter(documents::status.eq(Status::Published.as_str()))
                .filter(documents::visibility.eq(Visibility::Public.as_str()));
        }
        ReadScope::Member { partner } => {
            query = query.filter(
                documents::status
                    .eq_any([Status::Published.as_str(), Status::Archived.as_str()])
                    .or(documents::partner_id.eq(partner.to_string())),
            );
        }
        ReadScope::Everything => {}
    }
    if let Some(kind) = filter.kind {
        query = query.filter(documents::kind.eq(kind.as_str()));
    }
    if let Some(partner) = filter.partner {
        query = query.filter(documents::partner_id.eq(partner.to_string()));
    }
    if let Some(status) = filter.status {
        query = query.filter(documents::status.eq(status.as_str()));
    }
    if let Some(since) = filter.updated_since {
        query = query.filter(documents::updated_at.ge(since.naive_utc()));
    }
    if let Some(theme) = &filter.theme {
        let with_theme = document_themes::table
            .filter(document_themes::theme.eq(theme.clone()))
            .select(document_themes::document_id);
        query = query.filter(documents::id.eq_any(with_theme));
    }
    if let Some(cursor) = after {
        query = query.filter(
            documents::updated_at
                .lt(cursor.updated_at)
                .or(documents::updated_at.eq(cursor.updated_at).and(documents::id.lt(cursor.id.clone()))),
        );
    }
    let rows = query
        .order((documents::updated_at.desc(), documents::id.desc()))
        .limit(limit)
        .select((DocumentRow::as_select(), partners::slug))
        .load::<(DocumentRow, String)>(conn)?;
    summaries_from_rows(conn, rows)
}

/// Published documents, the most recently published first, within what `scope` may read (the
/// feeds). The filter's status and update time are ignored: only published documents are listed.
pub fn recently_published(
    conn: &mut DbConnection,
    filter: &ListFilter,
    scope: ReadScope,
    limit: i64,
) -> Result<Vec<DocumentSummary>, StoreError> {
    let mut query = documents::table
        .inner_join(partners::table)
        .filter(documents::status.eq(Status::Published.as_str()))
        .filter(documents::published_at.is_not_null())
        .into_boxed();
    match scope {
        ReadScope::PublishedPublic => {
            query = query.filter(documents::visibility.eq(Visibility::Public.as_str()));
        }
        ReadScope::Member { .. } | ReadScope::Everything => {}
    }
    if let Some(kind) = filter.kind {
        query = query.filter(documents::kind.eq(kind.as_str()));
    }
    if let Some(partner) = filter.partner {
        query = query.filter(documents::partner_id.eq(partner.to_string()));
    }
    if let Some(theme) = &filter.theme {
        let with_theme = document_themes::table
            .filter(document_themes::theme.eq(theme.clone()))
            .select(document_themes::document_id);
        query = query.filter(documents::id.eq_any(with_theme));
    }
    let rows = query
        .order((documents::published_at.desc(), documents::id.desc()))
        .limit(limit)
        .select((DocumentRow::as_select(), partners::slug))
        .load::<(DocumentRow, String)>(conn)?;
    summaries_from_rows(conn, rows)
}
