//! The workflow: moving a document from one status to another, with its revision.

use super::write::{current_version, revision};
use crate::activity::{self, NewActivity};
use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::documents;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use mfx_domain::document::{DocumentId, Kind, Status};
use mfx_domain::{Error, UserId};
use serde_json::json;

/// Moves a document from `from` to `to` if it is still in `from` (and at `expected_version`,
/// if given); returns the new version.
#[expect(clippy::too_many_arguments, reason = "a workflow move and who made it, why")]
pub fn set_status(
    conn: &mut DbConnection,
    id: DocumentId,
    from: Status,
    to: Status,
    actor: UserId,
    comment: Option<&str>,
    expected_version: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let key = id.to_string();
    let (version, _, _, partner) = current_version(conn, &key)?;
    if let Some(expected) = expected_version.filter(|e| *e != version) {
        return Err(Error::StaleVersion { expected, current: version }.into());
    }
    let at = now.naive_utc();
    let kind: String = documents::table.find(&key).select(documents::kind).first(conn)?;
    // Guarded by status and version: an edit committed since the read would otherwise share
    // the version this move writes.
    let guard = documents::status.eq(from.as_str()).and(documents::version.eq(version));
    let changed = diesel::update(documents::table.find(&key).filter(guard))
        .set((documents::status.eq(to.as_str()), documents::version.eq(version + 1), documents::updated_at.eq(at)))
        .execute(conn)?;
    if changed == 0 {
        return Err(Error::StaleVersion { expected: version, current: version + 1 }.into());
    }
    if from == Status::Published && to == Status::Archived {
        // Nothing unreviewed outlives publication: republishing brings back the live version.
        crate::pending::discard_all(conn, &key, version + 1, actor, at)?;
    }
    if to == Status::Published {
        diesel::update(documents::table.find(&key).filter(documents::published_at.is_null()))
            .set(documents::published_at.eq(at))
            .execute(conn)?;
    }
    let changes = json!({ "status": { "from": from.as_str(), "to": to.as_str() } });
    revision(conn, &key, version + 1, Some(actor), at, "status_changed", None, &changes, comment)?;
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: Some(actor),
            verb: "document_status_changed",
            subject_kind: "document",
            subject_id: key,
            document_kind: Kind::parse(&kind),
            partner: partner.parse().ok(),
            locale: None,
            details: json!({ "from": from.as_str(), "to": to.as_str(), "comment": comment }),
        },
    )?;
    Ok(version + 1)
}
