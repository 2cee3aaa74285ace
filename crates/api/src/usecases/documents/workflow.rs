//! Moving a document in the review workflow: to review, back to draft, published, archived.
//! On a published document the moves are those of its pending draft.

use super::super::review::move_draft;
use super::super::{Error, actor, impossible_move, write};
use super::{readable, reload, resource};
use crate::state::AppState;
use mfx_domain::document::{DocumentId, Kind, Status, transition};
use mfx_domain::policy::{Member, permits};
use mfx_store::documents::{self, DocumentRecord};
use serde::Deserialize;
use utoipa::ToSchema;

/// A move in the workflow.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionInput {
    /// The status to move to: in_review, draft, published or archived.
    #[schema(value_type = Status, example = "in_review")]
    pub to: String,
    /// Why; required when returning work from review to draft.
    #[schema(max_length = 2000)]
    pub comment: Option<String>,
}

/// A review comment: trimmed, absent when blank, refused when required and missing or too long.
pub(crate) fn checked_comment(
    comment: Option<String>,
    required: bool,
    why: &'static str,
) -> Result<Option<String>, Error> {
    let comment = comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
    if required && comment.is_none() {
        return Err(Error::field("comment", "required", why));
    }
    if comment.as_ref().is_some_and(|c| c.chars().count() > 2000) {
        return Err(Error::field("comment", "too_long", "at most 2000 characters"));
    }
    Ok(comment)
}

/// Moves a document in the workflow.
pub async fn move_document(
    state: &AppState,
    member: Member,
    kind: Kind,
    id: DocumentId,
    input: TransitionInput,
    expected: Option<i64>,
) -> Result<DocumentRecord, Error> {
    let actor = actor(member);
    let record = readable(state, &actor, Some(kind), id).await?;
    let to = Status::parse(&input.to).map_err(|mut e| {
        e.field = "to".into();
        Error::Invalid(e.into())
    })?;
    // The precondition first: a client that moved from an old version hears that it is old,
    // not that the move is impossible from the status someone else reached meanwhile.
    if let Some(expected) = expected.filter(|e| *e != record.summary.version) {
        return Err(Error::Stale { expected, current: record.summary.version });
    }
    if record.summary.status == Status::Published && to != Status::Archived {
        // On a published document, the moves to draft, review and publication are those of
        // its pending draft.
        let comment = input.comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
        return move_draft(state, member, &record, to, comment, expected).await;
    }
    let from = record.summary.status;
    let step = transition(from, to).map_err(impossible_move)?;
    if !permits(&actor, step.needs, &resource(&record.summary)) {
        return Err(Error::Forbidden);
    }
    let comment = checked_comment(input.comment, step.comment_required, "say why the work goes back to draft")?;
    let now = state.clock.now();
    let doc = record.summary.id;
    let actor_id = member.id;
    write(state, move |c| documents::set_status(c, doc, from, to, actor_id, comment.as_deref(), expected, now)).await?;
    let record = reload(state, doc).await?;
    tracing::info!(event = "document_status_changed", document = %doc, from = from.as_str(), to = to.as_str(), "workflow");
    Ok(record)
}
