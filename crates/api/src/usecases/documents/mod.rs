//! The use cases of good practices, meeting notes and action plans: one set for the three
//! kinds. Split by concern: [`editing`] (create, edit), [`translating`], [`workflow`] (moves in
//! the review workflow), [`reading`] (one document, lists, search, lineage, history),
//! [`references`] (what a document cites must exist), and the reader's [`views`].

pub mod editing;
pub mod files;
pub mod publications;
pub mod reading;
pub mod references;
pub mod searching;
pub mod translating;
pub mod views;
pub mod workflow;

pub use editing::{create, edit};
pub use reading::{
    DocumentFilter, ListQuery, ReturnNote, list, plan_lineage, practice_lineage, return_note, revisions, translations,
};
pub use searching::{Search, SearchParams, search};
pub use translating::{Translated, TranslationInput, translate};
pub use views::{
    DocumentItem, DocumentList, DocumentView, FacetValue, FilledGap, LineageAction, PassageRun, PlanLineage,
    PracticeLineage, RevisionView, SearchFacets, SearchHit, SearchResults, filled_gaps, item, view,
};
pub use workflow::{TransitionInput, move_document};

use super::{Error, read};
use crate::state::AppState;
use mfx_domain::document::{DocumentId, Kind};
use mfx_domain::policy::{Action, Actor, Resource, permits};
use mfx_store::documents::{self, DocumentRecord, DocumentSummary};
use serde_json::Value;

/// A document id from a path; anything that is not one names no document.
pub fn parse_id(raw: &str) -> Result<DocumentId, Error> {
    raw.parse().map_err(|_| Error::NotFound("document"))
}

/// A document as the policy sees it.
pub fn resource(summary: &DocumentSummary) -> Resource<'static> {
    Resource::Document { owner: summary.partner, status: summary.status, visibility: summary.visibility }
}

/// Loads a document of `kind` that the actor may read; anything else is "not found".
pub async fn readable(
    state: &AppState,
    actor: &Actor,
    kind: Option<Kind>,
    id: DocumentId,
) -> Result<DocumentRecord, Error> {
    let record = read(state, move |c| documents::find(c, id)).await?.ok_or(Error::NotFound("document"))?;
    if kind.is_some_and(|k| k != record.summary.kind) || !permits(actor, Action::Read, &resource(&record.summary)) {
        return Err(Error::NotFound("document"));
    }
    Ok(record)
}

/// The version of a document the actor may read (what `If-Match: *` stands for).
pub async fn version(state: &AppState, actor: &Actor, kind: Kind, id: DocumentId) -> Result<Option<i64>, Error> {
    Ok(Some(readable(state, actor, Some(kind), id).await?.summary.version))
}

/// The document as stored now.
pub(crate) async fn reload(state: &AppState, id: DocumentId) -> Result<DocumentRecord, Error> {
    read(state, move |c| documents::find(c, id)).await?.ok_or(Error::NotFound("document"))
}

/// A stored form without the ids the store gives items and actions (clients may omit them).
pub(crate) fn strip_ids(value: &Value) -> Value {
    let mut value = value.clone();
    for key in ["action_items", "actions"] {
        if let Some(Value::Array(list)) = value.get_mut(key) {
            for entry in list {
                if let Some(object) = entry.as_object_mut() {
                    object.remove("id");
                }
            }
        }
    }
    value
}
