//! Review of what changes on a published document: its pending draft (a new version of the
//! original that replaces the live one once published) and translations proposed by other
//! partners (live once the owner partner or the lead partner accepts them). The public, the
//! lists, search and everyone without rights only ever see the live, reviewed text.

use super::documents::files::PendingAttachments;
use super::documents::references::check_references;
use super::documents::workflow::checked_comment;
use super::documents::{readable, reload, resource, strip_ids};
use super::{Error, actor, impossible_move, read, write};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use mfx_domain::Locale;
use mfx_domain::content::{DocumentInput, changed_fields, merge_patch};
use mfx_domain::document::{DocumentId, Kind, Origin, Status, transition};
use mfx_domain::policy::{Action, Actor, Member, Resource, permits};
use mfx_store::documents::{ActionItemRecord, DocumentRecord, Edit, PlanActionRecord};
use mfx_store::pending::{self, DraftEdit, Pending};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

// ---------------------------------------------------------------- views

/// What waits for review on a published document.
#[derive(Debug, Serialize, ToSchema)]
pub struct PendingSummary {
    /// The document's version (its ETag): send it as If-Match to move or discard the draft.
    pub version: i64,
    /// The pending draft of the original, if someone is changing it.
    pub draft: Option<PendingDraft>,
    /// Translations proposed by other partners, waiting for approval.
    pub translations: Vec<PendingTranslationSummary>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PendingDraft {
    /// draft while it is written, in_review once submitted.
    pub status: Status,
    /// The fields that differ from the live version (`text.summary`, `themes` …).
    pub fields: Vec<String>,
    /// Who changed it last.
    pub updated_by: Option<String>,
    pub updated_at: DateTime<Utc>,
    /// Files to be added and removed when it is published.
    pub attachments: PendingAttachments,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PendingTranslationSummary {
    #[schema(example = "sv")]
    pub language: &'static str,
    pub origin: Origin,
    /// Who proposed it.
    pub submitted_by: Option<String>,
    pub submitted_at: DateTime<Utc>,
    /// Whether it would replace a live translation (else it adds the language).
    pub replaces_live: bool,
}

/// One field as it is live and as it would be.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldChange {
    /// `text.summary`, `themes`, `visibility` … (for translations, the text field's name).
    pub field: String,
    #[schema(value_type = Object)]
    pub live: Value,
    #[schema(value_type = Object)]
    pub pending: Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DraftReview {
    pub status: Status,
    pub updated_by: Option<String>,
    pub updated_at: DateTime<Utc>,
    /// Each field that differs, live against pending.
    pub changes: Vec<FieldChange>,
    /// The whole pending version, in the form clients send.
    #[schema(value_type = Object)]
    pub content: Value,
    /// Files to be added and removed when it is published (the live files stay until then).
    pub attachments: PendingAttachments,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationReview {
    pub language: &'static str,
    pub origin: Origin,
    pub submitted_by: Option<String>,
    pub submitted_at: DateTime<Utc>,
    /// The version of the original it was made from.
    pub source_version: i64,
    /// Each text field that differs from the live translation (all of them for a new language).
    pub changes: Vec<FieldChange>,
    #[schema(value_type = Object)]
    pub text: Value,
}

/// The pending work on a document against its live version.
#[derive(Debug, Serialize, ToSchema)]
pub struct PendingReview {
    /// The document's version (its ETag).
    pub version: i64,
    pub draft: Option<DraftReview>,
    pub translations: Vec<TranslationReview>,
}

/// A proposed translation, as its translator gets it back (`202 Accepted`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposedTranslation {
    pub language: &'static str,
    /// Always `pending`: it goes live once the owner partner or the lead partner accepts it.
    pub status: &'static str,
    pub origin: Origin,
    pub title: String,
    #[schema(value_type = Object)]
    pub text: Value,
    pub submitted_at: DateTime<Utc>,
}

/// A decision on a proposed translation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationDecision {
    /// approve or refuse.
    #[schema(example = "approve")]
    pub decision: String,
    /// Why; required when refusing.
    pub comment: Option<String>,
}

/// What is pending, for the document view; `None` when nothing is.
pub fn summary(record: &DocumentRecord, pending: &Pending) -> Option<PendingSummary> {
    if pending.is_empty() {
        return None;
    }
    Some(PendingSummary {
        version: record.summary.version,
        draft: pending.draft.as_ref().map(|d| PendingDraft {
            status: d.status,
            fields: d.changed.clone(),
            updated_by: d.updated_by.as_ref().map(|(_, name)| name.clone()),
            updated_at: d.updated_at,
            attachments: PendingAttachments::of(record.summary.kind, &pending.attachments),
        }),
        translations: pending
            .translations
            .iter()
            .map(|t| PendingTranslationSummary {
                language: t.locale.as_str(),
                origin: t.origin,
                submitted_by: t.submitted_by.as_ref().map(|(_, name)| name.clone()),
                submitted_at: t.submitted_at,
                replaces_live: record.summary.text(t.locale).is_some(),
            })
            .collect(),
    })
}

fn text_changes(live: &Value, pending: &Value) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let (l, p) = (live.as_object().unwrap_or(&empty), pending.as_object().unwrap_or(&empty));
    let mut keys: Vec<&String> = p.keys().chain(l.keys()).collect();
    keys.dedup();
    let mut seen: Vec<&String> = Vec::new();
    let mut changes = Vec::new();
    for key in keys {
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let (from, to) = (l.get(key).cloned().unwrap_or(Value::Null), p.get(key).cloned().unwrap_or(Value::Null));
        // An empty field is the same whether absent or blank.
        let blank = |v: &Value| v.is_null() || v.as_str().is_some_and(str::is_empty);
        if from != to && !(blank(&from) && blank(&to)) {
            changes.push(FieldChange { field: key.clone(), live: from, pending: to });
        }
    }
    changes
}

/// The pending work against the live version.
pub fn review_of(record: &DocumentRecord, pending: &Pending) -> Result<PendingReview, Error> {
    let live = record.stored_input()?.to_value();
    let draft = pending.draft.as_ref().map(|d| DraftReview {
        status: d.status,
        updated_by: d.updated_by.as_ref().map(|(_, name)| name.clone()),
        updated_at: d.updated_at,
        changes: d
            .changed
            .iter()
            .map(|field| FieldChange {
                field: field.clone(),
                live: mfx_store::documents::pick(&live, field),
                pending: mfx_store::documents::pick(&d.content, field),
            })
            .collect(),
        content: d.content.clone(),
        attachments: PendingAttachments::of(record.summary.kind, &pending.attachments),
    });
    let translations = pending
        .translations
        .iter()
        .map(|t| {
            let text = t.texts.to_value();
            let live = record.summary.text(t.locale).map(|l| l.texts.to_value()).unwrap_or(Value::Null);
            TranslationReview {
                language: t.locale.as_str(),
                origin: t.origin,
                submitted_by: t.submitted_by.as_ref().map(|(_, name)| name.clone()),
                submitted_at: t.submitted_at,
                source_version: t.source_version,
                changes: text_changes(&live, &text),
                text,
            }
        })
        .collect();
    Ok(PendingReview { version: record.summary.version, draft, translations })
}

// ---------------------------------------------------------------- use cases

async fn pending_of(state: &AppState, record: &DocumentRecord) -> Result<Pending, Error> {
    let (id, kind) = (record.summary.id, record.summary.kind);
    read(state, move |c| pending::find(c, id, kind)).await
}

/// A published document's pending work, for who follows its work; else "not found".
pub async fn pending_work(
    state: &AppState,
    actor: &Actor,
    kind: Kind,
    id: DocumentId,
) -> Result<(DocumentRecord, Pending), Error> {
    let record = readable(state, actor, Some(kind), id).await?;
    if !permits(actor, Action::ReadTrail, &resource(&record.summary)) {
        return Err(Error::NotFound("document"));
    }
    let pending = pending_of(state, &record).await?;
    Ok((record, pending))
}

/// `GET /{id}/pending`: what is pending against what is live.
pub async fn review(state: &AppState, actor: &Actor, kind: Kind, id: DocumentId) -> Result<PendingReview, Error> {
    let (record, pending) = pending_work(state, actor, kind, id).await?;
    review_of(&record, &pending)
}

/// The document as its editors continue it: for a published document with a pending draft,
/// the draft (what the edit form shows); otherwise the document as stored.
pub async fn editable(state: &AppState, actor: &Actor, kind: Kind, id: DocumentId) -> Result<DocumentRecord, Error> {
    let record = readable(state, actor, Some(kind), id).await?;
    if record.summary.status != Status::Published || !permits(actor, Action::ReadTrail, &resource(&record.summary)) {
        return Ok(record);
    }
    let pending = pending_of(state, &record).await?;
    let Some(draft) = pending.draft else { return Ok(record) };
    let content = DocumentInput::from_value(kind, draft.content)
        .and_then(DocumentInput::validate)
        .map_err(|_| Error::internal(format!("the pending draft of {} does not parse", record.summary.id)))?;
    let mut record = record;
    let original = record.summary.original_locale;
    record.summary.visibility = content.visibility;
    record.summary.themes = content.themes.clone();
    if let Some(text) = record.summary.texts.iter_mut().find(|t| t.locale == original) {
        text.texts = content.text.clone();
    }
    record.details = content.details.clone();
    record.action_items = content
        .action_items
        .iter()
        .map(|i| ActionItemRecord {
            id: i.id.unwrap_or_else(uuid::Uuid::now_v7),
            title: i.title.clone(),
            assignee: i.assignee.clone(),
            due_on: i.due_on,
            status: i.status.clone(),
        })
        .collect();
    record.actions = content
        .actions
        .iter()
        .map(|a| PlanActionRecord {
            id: a.id.unwrap_or_else(uuid::Uuid::now_v7),
            status: a.status.clone(),
            progress_percent: a.progress_percent,
            starts_on: a.starts_on,
            ends_on: a.ends_on,
            estimated_cost_eur: a.estimated_cost_eur,
            inspired_by: a.inspired_by.clone(),
        })
        .collect();
    Ok(record)
}

/// An edit of a published document: it goes into the pending draft, the live version stays.
pub async fn edit_draft(
    state: &AppState,
    member: Member,
    record: &DocumentRecord,
    expected: i64,
    patch: &Value,
) -> Result<DocumentRecord, Error> {
    let kind = record.summary.kind;
    let live = record.stored_input()?.to_value();
    let pending = pending_of(state, record).await?;
    let before = pending.draft.map_or_else(|| live.clone(), |d| d.content);
    let merged = merge_patch(&before, patch)?;
    let content = DocumentInput::from_value(kind, merged)?.validate()?;
    let after = content.stored_form()?;
    let changed = changed_fields(&strip_ids(&before), &strip_ids(&after));
    let differs = changed_fields(&strip_ids(&live), &strip_ids(&after));
    check_references(state, &content).await?;
    let (now, doc, actor) = (state.clock.now(), record.summary.id, member.id);
    write(state, move |c| {
        pending::save_draft(
            c,
            doc,
            DraftEdit {
                kind,
                before: &before,
                after: &after,
                changed: &changed,
                differs: &differs,
                actor,
                expected_version: expected,
            },
            now,
        )
    })
    .await?;
    tracing::info!(event = "draft_updated", document = %doc, "pending draft saved");
    reload(state, doc).await
}

/// A workflow move of the pending draft of a published document: submit it, return it (with a
/// comment), or publish it (its content replaces the live version).
pub async fn move_draft(
    state: &AppState,
    member: Member,
    record: &DocumentRecord,
    to: Status,
    comment: Option<String>,
    expected: Option<i64>,
) -> Result<DocumentRecord, Error> {
    let actor = actor(member);
    let s = &record.summary;
    let pending = pending_of(state, record).await?;
    // Without a draft, the moves are those of the published document itself (none but archiving).
    let Some(draft) = pending.draft else {
        return Err(transition(s.status, to).err().map_or_else(|| Error::Forbidden, impossible_move));
    };
    let step = transition(draft.status, to).map_err(impossible_move)?;
    let as_draft = Resource::Document { owner: s.partner, status: draft.status, visibility: s.visibility };
    if !permits(&actor, step.needs, &as_draft) {
        return Err(Error::Forbidden);
    }
    let comment = checked_comment(comment, step.comment_required, "say why the work goes back to draft")?;
    let (now, doc, actor_id) = (state.clock.now(), s.id, member.id);
    let from = draft.status;
    if to == Status::Published {
        let kind = s.kind;
        let before = record.stored_input()?.to_value();
        let content = DocumentInput::from_value(kind, draft.content)?.validate()?;
        let after = content.stored_form()?;
        let changed = changed_fields(&strip_ids(&before), &strip_ids(&after));
        check_references(state, &content).await?;
        let expected_version = expected.unwrap_or(s.version);
        write(state, move |c| {
            pending::publish_draft(
                c,
                doc,
                Edit {
                    content: &content,
                    before: &before,
                    after: &after,
                    changed: &changed,
                    actor: actor_id,
                    expected_version,
                },
                now,
            )
        })
        .await?;
    } else {
        write(state, move |c| pending::move_draft(c, doc, from, to, actor_id, comment.as_deref(), expected, now))
            .await?;
    }
    tracing::info!(event = "draft_status_changed", document = %doc, from = from.as_str(), to = to.as_str(), "workflow");
    reload(state, doc).await
}

/// Drops the pending draft of a published document; the live version stays.
pub async fn discard(
    state: &AppState,
    member: Member,
    kind: Kind,
    id: DocumentId,
    expected: Option<i64>,
) -> Result<DocumentRecord, Error> {
    let actor = actor(member);
    let record = readable(state, &actor, Some(kind), id).await?;
    if !permits(&actor, Action::Update, &resource(&record.summary)) {
        return Err(Error::Forbidden);
    }
    let (now, doc, actor_id) = (state.clock.now(), record.summary.id, member.id);
    write(state, move |c| pending::discard_draft(c, doc, actor_id, expected, now)).await?;
    tracing::info!(event = "draft_discarded", document = %doc, "pending draft discarded");
    reload(state, doc).await
}

/// Accepts or refuses the translation proposed in `lang`.
pub async fn decide(
    state: &AppState,
    member: Member,
    kind: Kind,
    id: DocumentId,
    lang: &str,
    input: TranslationDecision,
) -> Result<DocumentRecord, Error> {
    let actor = actor(member);
    let record = readable(state, &actor, Some(kind), id).await?;
    if !permits(&actor, Action::ApproveTranslation, &resource(&record.summary)) {
        return Err(Error::Forbidden);
    }
    let locale: Locale = lang.parse().map_err(|_| Error::NotFound("pending translation"))?;
    let approve = match input.decision.as_str() {
        "approve" => true,
        "refuse" => false,
        _ => {
            return Err(Error::field("decision", "unknown_decision", "approve or refuse"));
        }
    };
    let comment = checked_comment(input.comment, !approve, "say why the translation is refused")?;
    let (now, doc, reviewer) = (state.clock.now(), record.summary.id, member.id);
    write(state, move |c| {
        pending::decide_translation(c, doc, kind, locale, approve, reviewer, comment.as_deref(), now)
    })
    .await?;
    tracing::info!(event = "translation_decided", document = %doc, language = locale.as_str(), approve, "translation");
    reload(state, doc).await
}

/// The translation just proposed, for its translator.
pub async fn proposal_view(
    state: &AppState,
    record: &DocumentRecord,
    locale: Locale,
) -> Result<ProposedTranslation, Error> {
    let pending = pending_of(state, record).await?;
    let proposal = pending.translation(locale).ok_or(Error::NotFound("pending translation"))?;
    Ok(ProposedTranslation {
        language: locale.as_str(),
        status: "pending",
        origin: proposal.origin,
        title: proposal.texts.title().to_owned(),
        text: proposal.texts.to_value(),
        submitted_at: proposal.submitted_at,
    })
}
