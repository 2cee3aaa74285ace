//! Documents as readers get them: plain data views in one language, with what they need to
//! say which language was served and how fresh each translation is.

use super::super::Error;
use super::super::review::PendingSummary;
use crate::markdown;
use chrono::{DateTime, NaiveDate, Utc};
use mfx_domain::Locale;
use mfx_domain::content::Texts;
use mfx_domain::document::{DocumentId, Freshness, Kind, Origin, Status, freshness};
use mfx_store::documents::{DocumentRecord, DocumentSummary, TextRecord};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// One language of a document and how it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct LanguageState {
    #[schema(example = "sv")]
    pub language: &'static str,
    pub origin: Origin,
    pub freshness: Freshness,
    /// The text's own version (send it as If-Match when replacing a translation).
    pub version: i64,
    /// The version of the original this text follows.
    pub source_version: i64,
    pub updated_at: DateTime<Utc>,
}

/// A document as a reader sees it, in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentView {
    pub id: DocumentId,
    pub kind: Kind,
    /// The owner partner's slug.
    pub partner: String,
    pub status: Status,
    pub visibility: mfx_domain::document::Visibility,
    /// Also sent as the ETag; send it back as If-Match when editing.
    pub version: i64,
    /// Increases when the original text changes; translations of older ones are outdated.
    pub content_version: i64,
    pub themes: Vec<String>,
    /// The language asked for (`lang`, else the reader's language).
    #[schema(example = "ro")]
    pub requested_language: &'static str,
    /// The language served: the requested one, else English, else the original.
    #[schema(example = "en")]
    pub language: &'static str,
    #[schema(example = "fr")]
    pub original_language: &'static str,
    /// Whether the served language differs from the requested one.
    pub fallback: bool,
    pub origin: Origin,
    pub freshness: Freshness,
    /// Every language the document exists in.
    pub languages: Vec<LanguageState>,
    pub title: String,
    /// The served language's fields, as Markdown (left out of a read with `text_format=html`).
    #[schema(value_type = Object, required = false)]
    pub text: Value,
    /// The same fields rendered to sanitised HTML, by field path (`summary`, `actions[0].description`)
    /// (left out of a read with `text_format=markdown`).
    #[schema(required = false)]
    pub html: BTreeMap<String, String>,
    /// The kind's structured fields (location, evidence, meeting times, policy instrument …).
    #[schema(value_type = Object)]
    pub details: Value,
    /// Meeting notes: the action items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_items: Option<Vec<ActionItemView>>,
    /// Action plans: the actions (their texts are in `text.actions`, in the same order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<PlanActionView>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// What waits for review on this published document: present only for readers who follow
    /// its work (the owner partner and the lead partner). The rest of the view is the live
    /// version; read the pending text at `/{id}/pending`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<PendingSummary>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionItemView {
    #[schema(value_type = String, format = Uuid)]
    pub id: uuid::Uuid,
    pub title: String,
    pub assignee: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<NaiveDate>,
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlanActionView {
    #[schema(value_type = String, format = Uuid)]
    pub id: uuid::Uuid,
    pub status: String,
    pub progress_percent: i32,
    #[schema(value_type = Option<String>, format = Date)]
    pub starts_on: Option<NaiveDate>,
    #[schema(value_type = Option<String>, format = Date)]
    pub ends_on: Option<NaiveDate>,
    pub estimated_cost_eur: Option<i64>,
    pub inspired_by: Vec<DocumentId>,
}

/// A document in a list, in the reader's language.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentItem {
    pub id: DocumentId,
    pub kind: Kind,
    pub partner: String,
    pub status: Status,
    pub visibility: mfx_domain::document::Visibility,
    pub version: i64,
    pub themes: Vec<String>,
    pub language: &'static str,
    pub original_language: &'static str,
    pub fallback: bool,
    pub freshness: Freshness,
    pub title: String,
    /// The summary (or first text) in Markdown, if the document has one.
    pub summary: String,
    /// Every language the document exists in.
    pub languages: Vec<&'static str>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentList {
    pub items: Vec<DocumentItem>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

pub(crate) fn chosen(summary: &DocumentSummary, requested: Locale) -> Option<&TextRecord> {
    crate::text::served_text(summary, requested)
}

/// A Markdown field the served text leaves empty, taken from the next text of the fallback
/// chain that has it: that text's language and the field as sanitised HTML.
#[derive(Debug, Clone)]
pub struct FilledGap {
    pub language: &'static str,
    pub html: String,
}

/// For each Markdown field (by path, as in [`DocumentView::html`]) that the `served` text
/// leaves empty, the same field from the first later text of the fallback chain that has it,
/// so an incomplete translation shows the missing sections instead of losing them.
pub fn filled_gaps(record: &DocumentRecord, served: Locale) -> BTreeMap<String, FilledGap> {
    let s = &record.summary;
    let Some(text) = s.text(served) else { return BTreeMap::new() };
    let later: Vec<&TextRecord> =
        crate::text::reading_order(s, served).into_iter().filter(|t| t.locale != served).collect();
    let mut gaps = BTreeMap::new();
    for (name, md) in text.texts.markdown_fields() {
        if !md.trim().is_empty() {
            continue;
        }
        let found = later.iter().find_map(|other| {
            let fields = other.texts.markdown_fields();
            let value = fields.into_iter().find(|(n, v)| *n == name && !v.trim().is_empty())?.1;
            Some(FilledGap { language: other.locale.as_str(), html: markdown::to_html(&value) })
        });
        if let Some(gap) = found {
            gaps.insert(name, gap);
        }
    }
    gaps
}

pub(crate) fn states(summary: &DocumentSummary) -> Vec<LanguageState> {
    let mut texts: Vec<&TextRecord> = summary.texts.iter().collect();
    texts.sort_by_key(|t| Locale::all().iter().position(|l| *l == t.locale));
    texts
        .into_iter()
        .map(|t| LanguageState {
            language: t.locale.as_str(),
            origin: t.origin,
            freshness: freshness(t.origin, t.source_version, summary.content_version),
            version: t.version,
            source_version: t.source_version,
            updated_at: t.updated_at,
        })
        .collect()
}

fn missing_text(summary: &DocumentSummary) -> Error {
    Error::internal(format!("document {} has no text", summary.id))
}

pub fn item(summary: &DocumentSummary, requested: Locale) -> Result<DocumentItem, Error> {
    let text = chosen(summary, requested).ok_or_else(|| missing_text(summary))?;
    let fields = text.texts.markdown_fields();
    let summary_text = fields
        .iter()
        .find(|(name, _)| name == "summary")
        .or_else(|| fields.iter().find(|(_, value)| !value.is_empty()))
        .map(|(_, value)| (*value).to_owned())
        .unwrap_or_default();
    let mut languages: Vec<Locale> = summary.texts.iter().map(|t| t.locale).collect();
    languages.sort_by_key(|l| Locale::all().iter().position(|x| x == l));
    Ok(DocumentItem {
        id: summary.id,
        kind: summary.kind,
        partner: summary.partner_slug.clone(),
        status: summary.status,
        visibility: summary.visibility,
        version: summary.version,
        themes: summary.themes.clone(),
        language: text.locale.as_str(),
        original_language: summary.original_locale.as_str(),
        fallback: text.locale != requested,
        freshness: freshness(text.origin, text.source_version, summary.content_version),
        title: text.texts.title().to_owned(),
        summary: summary_text,
        languages: languages.into_iter().map(Locale::as_str).collect(),
        updated_at: summary.updated_at,
        published_at: summary.published_at,
    })
}

pub fn view(record: &DocumentRecord, requested: Locale) -> Result<DocumentView, Error> {
    let s = &record.summary;
    let text = chosen(s, requested).ok_or_else(|| missing_text(s))?;
    let html = text.texts.markdown_fields().into_iter().map(|(name, md)| (name, markdown::to_html(&md))).collect();
    Ok(DocumentView {
        id: s.id,
        kind: s.kind,
        partner: s.partner_slug.clone(),
        status: s.status,
        visibility: s.visibility,
        version: s.version,
        content_version: s.content_version,
        themes: s.themes.clone(),
        requested_language: requested.as_str(),
        language: text.locale.as_str(),
        original_language: s.original_locale.as_str(),
        fallback: text.locale != requested,
        origin: text.origin,
        freshness: freshness(text.origin, text.source_version, s.content_version),
        languages: states(s),
        title: text.texts.title().to_owned(),
        text: text.texts.to_value(),
        html,
        details: record.details.clone(),
        action_items: (s.kind == Kind::MeetingNote).then(|| {
            record
                .action_items
                .iter()
                .map(|i| ActionItemView {
                    id: i.id,
                    title: i.title.clone(),
                    assignee: i.assignee.clone(),
                    due_on: i.due_on,
                    status: i.status.clone(),
                })
                .collect()
        }),
        actions: (s.kind == Kind::ActionPlan).then(|| {
            record
                .actions
                .iter()
                .map(|a| PlanActionView {
                    id: a.id,
                    status: a.status.clone(),
                    progress_percent: a.progress_percent,
                    starts_on: a.starts_on,
                    ends_on: a.ends_on,
                    estimated_cost_eur: a.estimated_cost_eur,
                    inspired_by: a.inspired_by.clone(),
                })
                .collect()
        }),
        created_at: s.created_at,
        updated_at: s.updated_at,
        published_at: s.published_at,
        pending: None,
    })
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationList {
    pub original_language: &'static str,
    pub content_version: i64,
    pub items: Vec<TranslationView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationView {
    #[serde(flatten)]
    pub state: LanguageState,
    pub title: String,
    #[schema(value_type = Object)]
    pub text: Value,
}

/// One entry of a document's history. Readers who follow the document's work (its partner,
/// the lead partner) get every entry; everyone else gets only the published versions, as
/// `published` entries without the person, the changes or comments.
#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionView {
    pub version: i64,
    pub at: DateTime<Utc>,
    /// Who made the change (absent for imported or system changes, and in the public history).
    pub actor: Option<RevisionActor>,
    /// The partner of who made the change (in the public history: who published).
    pub partner: Option<RevisionPartner>,
    /// Who made the change erased their account: no `actor`, and the change stays under the
    /// partner's name.
    pub former_member: bool,
    /// created, edited, translated, status_changed, attachment_added, attachment_removed,
    /// draft_edited, draft_status_changed, draft_published, draft_discarded,
    /// translation_proposed, translation_approved, translation_refused; in the public history
    /// always `published`.
    pub action: String,
    pub language: Option<&'static str>,
    /// What changed: for edits, each field with its value before and after (empty in the
    /// public history).
    #[schema(value_type = Object)]
    pub changes: Value,
    pub comment: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionPartner {
    /// The partner's slug.
    pub partner: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionActor {
    #[schema(value_type = String, format = Uuid)]
    pub id: mfx_domain::UserId,
    pub display_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionList {
    pub items: Vec<RevisionView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// The document, in the reader's language.
    pub document: DocumentItem,
    /// The language whose text matched.
    pub matched_language: &'static str,
    /// A passage of the matching text, as plain text (no Markdown).
    pub snippet: String,
    /// The same passage in runs; `matched` marks the words the query matched.
    pub passage: Vec<PassageRun>,
    pub score: f64,
}

/// A piece of a passage.
#[derive(Debug, Serialize, ToSchema)]
pub struct PassageRun {
    pub text: String,
    pub matched: bool,
}

/// A filter's value and how many matching documents have it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetValue {
    /// As the filter takes it: a kind, a partner's slug, a theme code, a language code, a status.
    pub value: String,
    pub count: u64,
}

/// For each filter, the values the matching documents have, the most frequent first. Counted
/// over every match (not only the page), after the filters given; `status` only for members.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchFacets {
    pub kind: Vec<FacetValue>,
    pub partner: Vec<FacetValue>,
    pub theme: Vec<FacetValue>,
    pub language: Vec<FacetValue>,
    pub status: Vec<FacetValue>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    /// The query as it was read: its words, phrases in quotes.
    pub query: String,
    /// How many documents matched in all.
    pub total: usize,
    pub offset: usize,
    pub items: Vec<SearchHit>,
    pub facets: SearchFacets,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LineageAction {
    #[schema(value_type = String, format = Uuid)]
    pub action_id: uuid::Uuid,
    /// The action's title in the reader's language (with the plan's fallback).
    pub title: String,
    pub status: String,
    pub progress_percent: i32,
    /// The plan the action belongs to.
    pub plan: DocumentItem,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeLineage {
    pub practice: DocumentItem,
    /// The actions of action plans that this practice inspired.
    pub inspired: Vec<LineageAction>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActionLineage {
    #[schema(value_type = String, format = Uuid)]
    pub action_id: uuid::Uuid,
    pub title: String,
    pub status: String,
    pub progress_percent: i32,
    /// The good practices that inspired it.
    pub inspired_by: Vec<DocumentItem>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlanLineage {
    pub plan: DocumentItem,
    pub actions: Vec<ActionLineage>,
}

pub(crate) fn action_title(summary: &DocumentSummary, requested: Locale, position: i32) -> String {
    let Some(text) = chosen(summary, requested) else { return String::new() };
    match &text.texts {
        Texts::ActionPlan(plan) => usize::try_from(position)
            .ok()
            .and_then(|p| plan.actions.get(p))
            .map(|a| a.title.clone())
            .unwrap_or_default(),
        _ => String::new(),
    }
}
