//! Writing a document's original: creating it as a draft, and editing it (in place while it
//! was never published; into its pending draft once it is).

use super::super::review::edit_draft;
use super::super::{Error, actor, read, write};
use super::references::check_references;
use super::{readable, reload, resource, strip_ids};
use crate::state::AppState;
use mfx_domain::content::{DocumentInput, changed_fields, merge_patch};
use mfx_domain::document::{DocumentId, Kind, Status};
use mfx_domain::policy::{Action, Member, Resource, permits};
use mfx_domain::{FieldError, Locale, Violations};
use mfx_store::documents::{self, DocumentRecord, Edit, NewDocument};
use mfx_store::partners;
use serde_json::Value;

/// Creates a document as a draft, for the member's partner unless the input names another;
/// the stored record.
pub async fn create(state: &AppState, member: Member, input: DocumentInput) -> Result<DocumentRecord, Error> {
    let actor = actor(member);
    // Refuse early whoever may not write at all, before looking at the content.
    if !permits(&actor, Action::Create, &Resource::Documents) {
        return Err(Error::Forbidden);
    }
    let mut v = Violations::new();
    let partner = match input.partner() {
        Some(slug) => {
            let slug = slug.to_owned();
            let found = read(state, move |c| partners::find_by_slug(c, &slug)).await?;
            if found.is_none() {
                v.push(FieldError::new("partner", "unknown_partner", "not a partner's slug"));
            }
            found
        }
        None => {
            let own = member.partner;
            read(state, move |c| partners::find(c, own)).await?
        }
    };
    let language = input.language().and_then(|tag| v.check("language", Locale::parse_field(tag)));
    let content = match input.validate() {
        Ok(content) => Some(content),
        Err(errors) => {
            for e in errors.iter() {
                v.push(e.clone());
            }
            None
        }
    };
    let (Some(partner), Some(content)) = (partner, content) else { return Err(Error::Invalid(v)) };
    v.into_result()?;
    let locale = language.unwrap_or(partner.profile.locale);
    let would_be = Resource::Document { owner: partner.id, status: Status::Draft, visibility: content.visibility };
    if !permits(&actor, Action::Create, &would_be) {
        return Err(Error::Forbidden);
    }
    check_references(state, &content).await?;
    let now = state.clock.now();
    let author = member.id;
    let owner = partner.id;
    let id = write(state, move |c| {
        documents::insert(
            c,
            NewDocument {
                content: &content,
                partner: owner,
                original_locale: locale,
                status: Status::Draft,
                author: Some(author),
                seed_key: None,
            },
            now,
        )
    })
    .await?;
    let record = reload(state, id).await?;
    tracing::info!(event = "document_created", document = %id, kind = record.summary.kind.as_str(), "document created");
    Ok(record)
}

/// Applies a change to the original if the document is still at `expected`. A document never
/// published changes in place; a published one keeps its live version and the change goes into
/// its pending draft, which is published only through review. Returns the document as stored
/// (for a published one, its live version).
pub async fn edit(
    state: &AppState,
    member: Member,
    kind: Kind,
    id: DocumentId,
    expected: i64,
    patch: &Value,
) -> Result<DocumentRecord, Error> {
    let actor = actor(member);
    let record = readable(state, &actor, Some(kind), id).await?;
    if !permits(&actor, Action::Update, &resource(&record.summary)) {
        return Err(Error::Forbidden);
    }
    if expected != record.summary.version {
        return Err(Error::Stale { expected, current: record.summary.version });
    }
    if record.summary.status == Status::Published {
        return edit_draft(state, member, &record, expected, patch).await;
    }
    let before = record.stored_input()?.to_value();
    let merged = merge_patch(&before, patch)?;
    let input = DocumentInput::from_value(kind, merged)?;
    let content = input.validate()?;
    let after = content.stored_form()?;
    // Items and actions get ids when stored: compare them without the ids clients may omit.
    let changed = changed_fields(&strip_ids(&before), &strip_ids(&after));
    check_references(state, &content).await?;
    let now = state.clock.now();
    let doc_id = record.summary.id;
    let actor_id = member.id;
    write(state, move |c| {
        documents::update(
            c,
            doc_id,
            Edit {
                content: &content,
                before: &before,
                after: &after,
                changed: &changed,
                actor: actor_id,
                expected_version: expected,
            },
            now,
        )
    })
    .await?;
    reload(state, doc_id).await
}
