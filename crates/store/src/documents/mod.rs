//! Documents: create, read, edit, translate, move through the workflow, list and search.
//! Every change writes a revision and an activity entry in the same transaction, and keeps the
//! search index in step. The records are here; each concern has its file: `read` (summaries,
//! a whole document, lookups), `write` (create and edit the original, and the revision each change
//! writes), `translate`, `workflow` (status moves), `list`, `history` and `lineage`.

mod history;
mod lineage;
mod list;
mod read;
mod translate;
mod workflow;
mod write;

pub use history::{RevisionRecord, revisions};
pub use lineage::{LineageLink, inspirations_of_plan, inspired_by_practice, plan_of_action};
pub use list::{Cursor, ListFilter, list, recently_published};
pub use read::{count, existing_practices, find, find_by_seed_key, ids_after, partner_ids, summaries};
pub(crate) use translate::write_translation;
pub use translate::{Translation, put_translation};
pub use workflow::set_status;
pub use write::{Edit, NewDocument, insert, pick, update};
pub(crate) use write::{apply_edit, current_version, revision};

use crate::error::{StoreError, corrupt};
use chrono::{DateTime, NaiveDate, Utc};
use mfx_domain::content::{ActionItemInput, DocumentInput, PlanActionInput, Texts};
use mfx_domain::document::{DocumentId, Kind, Origin, Status, Visibility};
use mfx_domain::{Locale, PartnerId, UserId};
use serde_json::Value;
use uuid::Uuid;

/// One language's text of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRecord {
    pub locale: Locale,
    pub origin: Origin,
    /// The content version of the original this text follows.
    pub source_version: i64,
    pub version: i64,
    pub texts: Texts,
    pub updated_by: Option<UserId>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionItemRecord {
    pub id: Uuid,
    pub title: String,
    pub assignee: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanActionRecord {
    pub id: Uuid,
    pub status: String,
    pub progress_percent: i32,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub estimated_cost_eur: Option<i64>,
    pub inspired_by: Vec<DocumentId>,
}

/// A document's metadata and the texts a listing needs.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSummary {
    pub id: DocumentId,
    pub kind: Kind,
    pub partner: PartnerId,
    pub partner_slug: String,
    pub original_locale: Locale,
    pub status: Status,
    pub visibility: Visibility,
    pub version: i64,
    pub content_version: i64,
    pub themes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub texts: Vec<TextRecord>,
}

impl DocumentSummary {
    pub fn text(&self, locale: Locale) -> Option<&TextRecord> {
        self.texts.iter().find(|t| t.locale == locale)
    }

    pub fn original(&self) -> Option<&TextRecord> {
        self.text(self.original_locale)
    }
}

/// A whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRecord {
    pub summary: DocumentSummary,
    pub details: Value,
    pub action_items: Vec<ActionItemRecord>,
    pub actions: Vec<PlanActionRecord>,
    pub created_by: Option<UserId>,
}

impl DocumentRecord {
    /// The document in the form clients send, as stored now (for edits and diffs).
    pub fn stored_input(&self) -> Result<DocumentInput, StoreError> {
        let s = &self.summary;
        let text = s.original().ok_or_else(|| corrupt("document_texts", format!("no original text for {}", s.id)))?;
        let items: Vec<ActionItemInput> = self
            .action_items
            .iter()
            .map(|i| ActionItemInput {
                id: Some(i.id),
                title: i.title.clone(),
                assignee: i.assignee.clone(),
                due_on: i.due_on,
                status: i.status.clone(),
            })
            .collect();
        let actions: Vec<PlanActionInput> = self
            .actions
            .iter()
            .map(|a| PlanActionInput {
                id: Some(a.id),
                status: a.status.clone(),
                progress_percent: a.progress_percent,
                starts_on: a.starts_on,
                ends_on: a.ends_on,
                estimated_cost_eur: a.estimated_cost_eur,
                inspired_by: a.inspired_by.clone(),
            })
            .collect();
        DocumentInput::from_stored(s.kind, s.visibility, &s.themes, &self.details, &text.texts, &items, &actions)
            .map_err(|v| corrupt("documents", format!("{} does not parse: {v:?}", s.id)))
    }
}
