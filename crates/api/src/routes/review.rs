//! Review of what changes on a published document: its pending draft (a new version of the
//! original that replaces the live one once published) and translations proposed by other
//! partners (live once the owner partner or the lead partner accepts them). The public, the
//! lists, search and everyone without rights only ever see the live, reviewed text.

use crate::auth::{CurrentUser, MaybeUser};
use crate::error::ApiError;
use crate::routes::attachments::PendingAttachments;
use crate::routes::documents::{self, check_references, parse_id, readable, resource, strip_ids};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use mfx_domain::content::{DocumentInput, changed_fields, merge_patch};
use mfx_domain::document::{Kind, Origin, Status, transition};
use mfx_domain::policy::{Action, Actor, Resource, permits};
use mfx_domain::{FieldError, Locale};
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
pub fn review_of(record: &DocumentRecord, pending: &Pending) -> Result<PendingReview, ApiError> {
    let live = record.stored_input().map_err(ApiError::from)?.to_value();
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

async fn pending_of(state: &AppState, record: &DocumentRecord) -> Result<Pending, ApiError> {
    let (id, kind) = (record.summary.id, record.summary.kind);
    state.read(move |c| pending::find(c, id, kind)).await
}

/// A published document's pending work, for who follows its work; else "not found".
pub async fn pending_work(
    state: &AppState,
    actor: &Actor,
    kind: Kind,
    id: &str,
) -> Result<(DocumentRecord, Pending), ApiError> {
    let record = readable(state, actor, Some(kind), parse_id(id)?).await?;
    if !permits(actor, Action::ReadTrail, &resource(&record.summary)) {
        return Err(ApiError::not_found("document"));
    }
    let pending = pending_of(state, &record).await?;
    Ok((record, pending))
}

/// `GET /{id}/pending`: what is pending against what is live.
pub async fn review(state: &AppState, user: &MaybeUser, kind: Kind, id: &str) -> Result<PendingReview, ApiError> {
    let (record, pending) = pending_work(state, &user.actor(), kind, id).await?;
    review_of(&record, &pending)
}

/// The document as its editors continue it: for a published document with a pending draft,
/// the draft (what the edit form shows); otherwise the document as stored.
pub async fn editable(
    state: &AppState,
    actor: &Actor,
    kind: Kind,
    id: mfx_domain::document::DocumentId,
) -> Result<DocumentRecord, ApiError> {
    let record = readable(state, actor, Some(kind), id).await?;
    if record.summary.status != Status::Published || !permits(actor, Action::ReadTrail, &resource(&record.summary)) {
        return Ok(record);
    }
    let pending = pending_of(state, &record).await?;
    let Some(draft) = pending.draft else { return Ok(record) };
    let content = DocumentInput::from_value(kind, draft.content)
        .and_then(DocumentInput::validate)
        .map_err(|_| ApiError::internal(format!("the pending draft of {} does not parse", record.summary.id)))?;
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
    user: &CurrentUser,
    record: &DocumentRecord,
    expected: i64,
    patch: &Value,
) -> Result<DocumentRecord, ApiError> {
    let kind = record.summary.kind;
    let live = record.stored_input().map_err(ApiError::from)?.to_value();
    let pending = pending_of(state, record).await?;
    let before = pending.draft.map_or_else(|| live.clone(), |d| d.content);
    let merged = merge_patch(&before, patch)?;
    let content = DocumentInput::from_value(kind, merged)?.validate()?;
    let after = content.stored_form()?;
    let changed = changed_fields(&strip_ids(&before), &strip_ids(&after));
    let differs = changed_fields(&strip_ids(&live), &strip_ids(&after));
    check_references(state, &content).await?;
    let (now, doc, actor) = (state.clock.now(), record.summary.id, user.record.account.id);
    state
        .write(move |c| {
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
    state.read(move |c| mfx_store::documents::find(c, doc)).await?.ok_or_else(|| ApiError::not_found("document"))
}

/// A workflow move of the pending draft of a published document: submit it, return it (with a
/// comment), or publish it (its content replaces the live version).
pub async fn move_draft(
    state: &AppState,
    user: &CurrentUser,
    record: &DocumentRecord,
    to: Status,
    comment: Option<String>,
    expected: Option<i64>,
) -> Result<DocumentRecord, ApiError> {
    let actor = user.actor();
    let s = &record.summary;
    let pending = pending_of(state, record).await?;
    // Without a draft, the moves are those of the published document itself (none but archiving).
    let Some(draft) = pending.draft else {
        return Err(transition(s.status, to).err().map_or_else(ApiError::forbidden, crate::routes::impossible_move));
    };
    let step = transition(draft.status, to).map_err(crate::routes::impossible_move)?;
    let as_draft = Resource::Document { owner: s.partner, status: draft.status, visibility: s.visibility };
    if !permits(&actor, step.needs, &as_draft) {
        return Err(ApiError::forbidden());
    }
    if step.comment_required && comment.is_none() {
        return Err(ApiError::invalid(
            FieldError::new("comment", "required", "say why the work goes back to draft").into(),
        ));
    }
    if comment.as_ref().is_some_and(|c| c.chars().count() > 2000) {
        return Err(ApiError::invalid(FieldError::new("comment", "too_long", "at most 2000 characters").into()));
    }
    let (now, doc, actor_id) = (state.clock.now(), s.id, user.record.account.id);
    let from = draft.status;
    if to == Status::Published {
        let kind = s.kind;
        let before = record.stored_input().map_err(ApiError::from)?.to_value();
        let content = DocumentInput::from_value(kind, draft.content)?.validate()?;
        let after = content.stored_form()?;
        let changed = changed_fields(&strip_ids(&before), &strip_ids(&after));
        check_references(state, &content).await?;
        let expected_version = expected.unwrap_or(s.version);
        state
            .write(move |c| {
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
        state
            .write(move |c| pending::move_draft(c, doc, from, to, actor_id, comment.as_deref(), expected, now))
            .await?;
    }
    tracing::info!(event = "draft_status_changed", document = %doc, from = from.as_str(), to = to.as_str(), "workflow");
    state.read(move |c| mfx_store::documents::find(c, doc)).await?.ok_or_else(|| ApiError::not_found("document"))
}

/// Drops the pending draft of a published document; the live version stays.
pub async fn discard(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    expected: Option<i64>,
) -> Result<DocumentRecord, ApiError> {
    let actor = user.actor();
    let record = readable(state, &actor, Some(kind), parse_id(id)?).await?;
    if !permits(&actor, Action::Update, &resource(&record.summary)) {
        return Err(ApiError::forbidden());
    }
    let (now, doc, actor_id) = (state.clock.now(), record.summary.id, user.record.account.id);
    state.write(move |c| pending::discard_draft(c, doc, actor_id, expected, now)).await?;
    tracing::info!(event = "draft_discarded", document = %doc, "pending draft discarded");
    state.read(move |c| mfx_store::documents::find(c, doc)).await?.ok_or_else(|| ApiError::not_found("document"))
}

/// Accepts or refuses the translation proposed in `lang`.
pub async fn decide(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: &str,
    lang: &str,
    input: TranslationDecision,
) -> Result<DocumentRecord, ApiError> {
    let actor = user.actor();
    let record = readable(state, &actor, Some(kind), parse_id(id)?).await?;
    if !permits(&actor, Action::ApproveTranslation, &resource(&record.summary)) {
        return Err(ApiError::forbidden());
    }
    let locale: Locale = lang.parse().map_err(|_| ApiError::not_found("pending translation"))?;
    let approve = match input.decision.as_str() {
        "approve" => true,
        "refuse" => false,
        _ => {
            return Err(ApiError::invalid(FieldError::new("decision", "unknown_decision", "approve or refuse").into()));
        }
    };
    let comment = input.comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
    if !approve && comment.is_none() {
        return Err(ApiError::invalid(
            FieldError::new("comment", "required", "say why the translation is refused").into(),
        ));
    }
    if comment.as_ref().is_some_and(|c| c.chars().count() > 2000) {
        return Err(ApiError::invalid(FieldError::new("comment", "too_long", "at most 2000 characters").into()));
    }
    let (now, doc, reviewer) = (state.clock.now(), record.summary.id, user.record.account.id);
    state
        .write(move |c| pending::decide_translation(c, doc, kind, locale, approve, reviewer, comment.as_deref(), now))
        .await?;
    tracing::info!(event = "translation_decided", document = %doc, language = locale.as_str(), approve, "translation");
    state.read(move |c| mfx_store::documents::find(c, doc)).await?.ok_or_else(|| ApiError::not_found("document"))
}

/// The translation just proposed, for its translator.
pub async fn proposal_view(
    state: &AppState,
    record: &DocumentRecord,
    locale: Locale,
) -> Result<ProposedTranslation, ApiError> {
    let pending = pending_of(state, record).await?;
    let proposal = pending.translation(locale).ok_or_else(|| ApiError::not_found("pending translation"))?;
    Ok(ProposedTranslation {
        language: locale.as_str(),
        status: "pending",
        origin: proposal.origin,
        title: proposal.texts.title().to_owned(),
        text: proposal.texts.to_value(),
        submitted_at: proposal.submitted_at,
    })
}

/// The document with what is pending, as the API sends it after a review action.
pub async fn respond(state: &AppState, record: &DocumentRecord) -> Result<actix_web::HttpResponse, ApiError> {
    let locale = record.summary.original_locale;
    documents::document_with_pending(state, actix_web::http::StatusCode::OK, record, locale).await
}
