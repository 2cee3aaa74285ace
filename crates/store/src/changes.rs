//! The content change log (the `content_changes` migration): every committed change to what
//! document responses show, numbered in commit order without gaps. What is derived from the
//! documents — the search index, cached responses — follows it: a reader that has applied every
//! change up to `n` reads the rows after `n` and brings only the documents they name up to date.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{content_changes, content_stamp};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use mfx_domain::document::DocumentId;

/// One change: the document it touched, or `None` for a change that may show on any document
/// (a partner's name, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub document: Option<DocumentId>,
}

/// The changes after a number, as far as the log still holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    pub changes: Vec<Change>,
    /// False when rows after the number were pruned before they were read: the reader has
    /// missed changes it cannot name and must start again from the documents themselves.
    pub complete: bool,
}

impl Changes {
    /// The number of the last change read; `after` when there was none.
    pub fn last(&self, after: i64) -> i64 {
        self.changes.last().map_or(after, |c| c.seq)
    }
}

/// The number of the latest committed change (0 on a new database).
pub fn latest(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(content_stamp::table.find(1).select(content_stamp::value).first(conn)?)
}

/// Logs the changes of the transaction under way now rather than at its commit (PostgreSQL
/// logs them from deferred triggers); nothing on SQLite, which logs them as they happen.
pub fn log_now(conn: &mut DbConnection) -> Result<(), StoreError> {
    use diesel::connection::SimpleConnection;
    match conn {
        DbConnection::Pg(c) => Ok(c.batch_execute("SET CONSTRAINTS ALL IMMEDIATE")?),
        DbConnection::Sqlite(_) => Ok(()),
    }
}

/// Up to `limit` changes after `after`, oldest first.
pub fn since(conn: &mut DbConnection, after: i64, limit: i64) -> Result<Changes, StoreError> {
    let rows: Vec<(i64, Option<String>)> = content_changes::table
        .filter(content_changes::seq.gt(after))
        .order(content_changes::seq)
        .select((content_changes::seq, content_changes::document_id))
        .limit(limit)
        .load(conn)?;
    let complete = match rows.first() {
        // The numbers have no gaps, so a first row beyond the next number means pruned rows.
        Some((seq, _)) => *seq == after + 1,
        // Nothing after `after` in the log: complete unless the stamp moved past it and the
        // rows are gone.
        None => latest(conn)? <= after,
    };
    let changes = rows
        .into_iter()
        .map(|(seq, document)| {
            Ok(Change {
                seq,
                document: document.map(|d| d.parse()).transpose().map_err(|e| corrupt("content_changes", e))?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(Changes { changes, complete })
}

/// Removes the changes made before `before`, keeping the latest one; returns how many went.
pub fn prune(conn: &mut DbConnection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    let keep = latest(conn)?;
    Ok(diesel::delete(
        content_changes::table.filter(content_changes::at.lt(before.naive_utc())).filter(content_changes::seq.lt(keep)),
    )
    .execute(conn)?)
}
