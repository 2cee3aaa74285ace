//! The review buttons of a document page: discard a pending draft, approve or refuse a proposed
//! translation. Each answers with the document page again and a notice.

use super::extract::{CheckedForm, DocPath, Member, Target};
use super::{notice, respond, see_other};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::review::{self as service, TranslationDecision};
use actix_web::{HttpRequest, HttpResponse, web};
use mfx_domain::Error;
use mfx_domain::document::Kind;
use mfx_domain::fields::{Field, FieldType};

#[derive(Debug, serde::Deserialize)]
pub struct DiscardForm {
    #[serde(default)]
    version: Option<i64>,
}

pub async fn discard(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: DocPath,
    member: Member,
    CheckedForm(form): CheckedForm<DiscardForm>,
) -> HttpResponse {
    let DocPath { lang, kind, collection, id } = path;
    respond(&state, &req, lang, async {
        let (_, mut cookies, user) = member.titled("document-title");
        match service::discard(&state, user.member(), kind, id, form.version).await.map_err(ApiError::from) {
            Ok(_) => cookies.push(notice("notice-draft-discarded")),
            Err(ApiError::Domain(Error::StaleVersion { .. })) => cookies.push(notice("notice-changed-meanwhile")),
            Err(other) => return Err(other),
        }
        Ok(see_other(&format!("/{lang}/{collection}/{id}"), cookies))
    })
    .await
}

#[derive(Debug, serde::Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: Option<String>,
}

pub async fn decide(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: DocPath,
    Target(target): Target,
    member: Member,
    CheckedForm(form): CheckedForm<DecisionForm>,
) -> HttpResponse {
    let DocPath { lang, kind, collection, id } = path;
    respond(&state, &req, lang, async {
        let (_, mut cookies, user) = member.titled("document-title");
        let approve = form.decision == "approve";
        let input = TranslationDecision { decision: form.decision, comment: form.comment };
        match service::decide(&state, user.member(), kind, id, target.as_str(), input).await.map_err(ApiError::from) {
            Ok(_) if approve => cookies.push(notice("notice-translation-approved")),
            Ok(_) => cookies.push(notice("notice-translation-refused")),
            Err(ApiError::Domain(Error::Invalid(_))) => cookies.push(notice("notice-refusal-needs-comment")),
            Err(other) => return Err(other),
        }
        Ok(see_other(&format!("/{lang}/{collection}/{id}"), cookies))
    })
    .await
}

// ---------------------------------------------------------------- the panel on the document page

/// One field, live and pending, as the page shows it.
pub struct CompareRow {
    pub label: String,
    pub live: String,
    pub pending: String,
}

pub struct DraftPanel {
    pub status: mfx_domain::document::Status,
    pub by: String,
    pub at: String,
    pub rows: Vec<CompareRow>,
    /// The names of the files to be added and removed on publication, empty when none.
    pub files_added: String,
    pub files_removed: String,
}

pub struct TranslationPanel {
    pub language: &'static str,
    pub by: String,
    pub at: String,
    /// Whether it adds a language (else it replaces the live translation).
    pub is_new: bool,
    pub rows: Vec<CompareRow>,
}

/// What waits for review on a published document, for readers who follow its work.
pub struct PendingPanel {
    pub draft: Option<DraftPanel>,
    pub translations: Vec<TranslationPanel>,
    pub may_discard: bool,
    pub may_decide: bool,
    /// The moves of the pending draft the reader may make.
    pub moves: Vec<super::document::Move>,
}

/// Keys inside structured values that hold codes or ids rather than words.
const NOT_SHOWN: &[&str] = &["id", "status", "instrument_type", "country", "assignee", "inspired_by", "meeting_type"];

/// A value of the form clients send, as words for the page: codes through their messages,
/// numbers and texts as they are, structured values by their words.
fn shown(page: &super::Page, field: &str, value: &serde_json::Value) -> String {
    use serde_json::Value;
    let described = Kind::described(field);
    let family = match described.map(|f| f.ty) {
        Some(FieldType::Visibility) => Some("visibility-"),
        _ => described.and_then(Field::vocabulary).map(|v| v.prefix),
    };
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => match family {
            Some(family) => page.code(family, s),
            None => s.clone(),
        },
        Value::Array(items) => {
            items.iter().map(|item| shown(page, field, item)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(
                match family {
                    Some(_) => ", ",
                    None => "\n",
                },
            )
        }
        Value::Object(map) => map
            .iter()
            .filter(|(key, _)| !NOT_SHOWN.contains(&key.as_str()))
            .map(|(key, item)| shown(page, key, item))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

/// The label of a field path (`text.summary`, `themes`, `location`) in the reader's language.
fn label(page: &super::Page, field: &str) -> String {
    match Kind::described(field) {
        Some(described) => page.t(described.label),
        None => page.t("review-field-other"),
    }
}

/// The review panel of a document page: `None` for readers who do not follow the document's
/// work, or when nothing is pending.
pub async fn panel(
    state: &AppState,
    page: &super::Page,
    record: &mfx_store::documents::DocumentRecord,
    actor: &mfx_domain::policy::Actor,
) -> Result<Option<PendingPanel>, ApiError> {
    use crate::usecases::documents::resource;
    use mfx_domain::document::{Status, transition};
    use mfx_domain::policy::{Action, Resource, permits};
    let s = &record.summary;
    if s.status != Status::Published || !permits(actor, Action::ReadTrail, &resource(s)) {
        return Ok(None);
    }
    let (id, kind) = (s.id, s.kind);
    let pending = state.read(move |c| mfx_store::pending::find(c, id, kind)).await?;
    if pending.is_empty() {
        return Ok(None);
    }
    let review = service::review_of(record, &pending)?;
    let someone = |name: Option<String>| name.unwrap_or_else(|| page.t("history-system"));
    let names = |files: &[crate::usecases::documents::files::AttachmentView]| {
        files.iter().map(|f| f.filename.as_str()).collect::<Vec<_>>().join(", ")
    };
    let draft = review.draft.map(|d| DraftPanel {
        files_added: names(&d.attachments.added),
        files_removed: names(&d.attachments.removed),
        status: d.status,
        by: someone(d.updated_by),
        at: page.datetime(&d.updated_at),
        rows: d
            .changes
            .iter()
            .map(|c| {
                let key = c.field.strip_prefix("text.").unwrap_or(&c.field);
                CompareRow {
                    label: label(page, &c.field),
                    live: shown(page, key, &c.live),
                    pending: shown(page, key, &c.pending),
                }
            })
            .collect(),
    });
    let translations = review
        .translations
        .into_iter()
        .map(|t| TranslationPanel {
            language: t.language,
            by: someone(t.submitted_by),
            at: page.datetime(&t.submitted_at),
            is_new: t.changes.iter().all(|c| c.live.is_null()),
            rows: t
                .changes
                .iter()
                .map(|c| CompareRow {
                    label: label(page, &c.field),
                    live: shown(page, &c.field, &c.live),
                    pending: shown(page, &c.field, &c.pending),
                })
                .collect(),
        })
        .collect();
    let moves = match &pending.draft {
        Some(d) => {
            let as_draft = Resource::Document { owner: s.partner, status: d.status, visibility: s.visibility };
            [Status::Draft, Status::InReview, Status::Published]
                .into_iter()
                .filter_map(|to| transition(d.status, to).ok())
                .filter(|step| permits(actor, step.needs, &as_draft))
                .map(|step| super::document::Move {
                    to: step.to,
                    label: page.t(match step.to {
                        Status::InReview => "review-move-to-in_review",
                        Status::Draft => "review-move-to-draft",
                        _ => "review-move-to-published",
                    }),
                    comment: step.comment_required,
                })
                .collect()
        }
        None => Vec::new(),
    };
    Ok(Some(PendingPanel {
        may_discard: pending.draft.is_some() && permits(actor, Action::Update, &resource(s)),
        may_decide: permits(actor, Action::ApproveTranslation, &resource(s)),
        draft,
        translations,
        moves,
    }))
}
