//! Work waiting for review on a published document: the pending draft of its original (a new
//! version that replaces the live one once published) and translations proposed by someone who
//! may not publish them. The live version in `documents` and `document_texts` stays as it is
//! until a reviewer accepts the pending work; lists, search and public reads see only that.

use crate::activity::{self, NewActivity};
use crate::attachments::{self, AttachmentMeta};
use crate::db::DbConnection;
use crate::documents::{self as live, Edit, Translation, current_version, revision};
use crate::error::{StoreError, corrupt};
use crate::schema::{account_erasures, document_drafts, documents, partners, pending_translations, users};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use mfx_domain::content::Texts;
use mfx_domain::document::{DocumentId, Kind, Origin, Status};
use mfx_domain::{Error, Locale, UserId};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The pending draft of a published document's original.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftRecord {
    /// `draft` while it is being written, `in_review` once submitted.
    pub status: Status,
    /// The whole document in the form clients send, as it will be once published.
    pub content: Value,
    /// The fields that differ from the live version.
    pub changed: Vec<String>,
    pub updated_by: Option<(UserId, String)>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A translation waiting for the owner partner or the lead partner.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingTranslation {
    pub locale: Locale,
    pub origin: Origin,
    /// The content version of the original it was made from.
    pub source_version: i64,
    pub texts: Texts,
    pub submitted_by: Option<(UserId, String)>,
    pub submitted_at: DateTime<Utc>,
}

/// Everything pending on one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pending {
    pub draft: Option<DraftRecord>,
    pub translations: Vec<PendingTranslation>,
    /// Files to be added or removed when the draft is published.
    pub attachments: Vec<AttachmentMeta>,
}

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.draft.is_none() && self.translations.is_empty() && self.attachments.is_empty()
    }

    pub fn translation(&self, locale: Locale) -> Option<&PendingTranslation> {
        self.translations.iter().find(|t| t.locale == locale)
    }
}

/// The names of the accounts; an erased account's work stays under its partner's name.
fn names(conn: &mut DbConnection, ids: Vec<String>) -> Result<HashMap<String, String>, StoreError> {
    let rows: Vec<(String, String, String, Option<NaiveDateTime>)> = users::table
        .inner_join(partners::table)
        .left_join(account_erasures::table.on(account_erasures::user_id.eq(users::id)))
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name, partners::name_local, account_erasures::erased_at.nullable()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, partner, erased)| (id, if erased.is_some() { partner } else { name }))
        .collect())
}

fn person(id: Option<String>, names: &HashMap<String, String>) -> Result<Option<(UserId, String)>, StoreError> {
    let Some(id) = id else { return Ok(None) };
    let Some(name) = names.get(&id).cloned() else { return Ok(None) };
    Ok(Some((id.parse().map_err(|e| corrupt("users", e))?, name)))
}

/// What is pending on a document of `kind`.
pub fn find(conn: &mut DbConnection, id: DocumentId, kind: Kind) -> Result<Pending, StoreError> {
    let key = id.to_string();
    type DraftRow = (String, String, String, Option<String>, NaiveDateTime, NaiveDateTime);
    let draft: Option<DraftRow> = document_drafts::table
        .find(&key)
        .select((
            document_drafts::status,
            document_drafts::content,
            document_drafts::changed,
            document_drafts::updated_by,
            document_drafts::created_at,
            document_drafts::updated_at,
        ))
        .first(conn)
        .optional()?;
    type TranslationRow = (String, String, i64, String, Option<String>, NaiveDateTime);
    let rows: Vec<TranslationRow> = pending_translations::table
        .filter(pending_translations::document_id.eq(&key))
        .order(pending_translations::locale)
        .select((
            pending_translations::locale,
            pending_translations::origin,
            pending_translations::source_version,
            pending_translations::fields,
            pending_translations::submitted_by,
            pending_translations::submitted_at,
        ))
        .load(conn)?;
    let mut people: Vec<String> = rows.iter().filter_map(|r| r.4.clone()).collect();
    people.extend(draft.as_ref().and_then(|d| d.3.clone()));
    let names = names(conn, people)?;
    let bad = |what: &str| corrupt("pending", format!("{what} of {key}"));
    let draft = match draft {
        Some((status, content, changed, updated_by, created_at, updated_at)) => Some(DraftRecord {
            status: Status::parse(&status).map_err(|_| bad("status"))?,
            content: serde_json::from_str(&content).map_err(|_| bad("content"))?,
            changed: serde_json::from_str(&changed).map_err(|_| bad("changed"))?,
            updated_by: person(updated_by, &names)?,
            created_at: created_at.and_utc(),
            updated_at: updated_at.and_utc(),
        }),
        None => None,
    };
    let translations = rows
        .into_iter()
        .map(|(locale, origin, source_version, fields, submitted_by, submitted_at)| {
            let value: Value = serde_json::from_str(&fields).map_err(|_| bad("fields"))?;
            Ok(PendingTranslation {
                locale: locale.parse().map_err(|_| bad("locale"))?,
                origin: Origin::parse(&origin).ok_or_else(|| bad("origin"))?,
                source_version,
                texts: Texts::from_value(kind, value).map_err(|_| bad("fields"))?,
                submitted_by: person(submitted_by, &names)?,
                submitted_at: submitted_at.and_utc(),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let attachments = attachments::pending(conn, id)?;
    Ok(Pending { draft, translations, attachments })
}

/// Starts the pending draft of a published document, as its live version, if it has none: a
/// change to its files then has a draft to go through review with.
pub(crate) fn start_draft(
    conn: &mut DbConnection,
    id: DocumentId,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let key = id.to_string();
    let exists =
        document_drafts::table.find(&key).select(document_drafts::document_id).first::<String>(conn).optional()?;
    if exists.is_some() {
        return Ok(());
    }
    let record = live::find(conn, id)?.ok_or(StoreError::Domain(Error::NotFound { entity: "document" }))?;
    let content = record.stored_input()?.to_value().to_string();
    let (at, actor) = (now.naive_utc(), actor.to_string());
    diesel::insert_into(document_drafts::table)
        .values((
            document_drafts::document_id.eq(&key),
            document_drafts::status.eq(Status::Draft.as_str()),
            document_drafts::content.eq(&content),
            document_drafts::changed.eq("[]"),
            document_drafts::created_by.eq(&actor),
            document_drafts::updated_by.eq(&actor),
            document_drafts::created_at.eq(at),
            document_drafts::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Drops everything pending on a document (its draft, proposed translations, file changes) as
/// it leaves publication, with an entry in its history when there was something. `version` is
/// the version the history entry belongs to.
pub(crate) fn discard_all(
    conn: &mut DbConnection,
    key: &str,
    version: i64,
    actor: UserId,
    at: NaiveDateTime,
) -> Result<(), StoreError> {
    let draft = diesel::delete(document_drafts::table.find(key)).execute(conn)? > 0;
    let languages: Vec<String> = pending_translations::table
        .filter(pending_translations::document_id.eq(key))
        .order(pending_translations::locale)
        .select(pending_translations::locale)
        .load(conn)?;
    diesel::delete(pending_translations::table.filter(pending_translations::document_id.eq(key))).execute(conn)?;
    let (added, removed) = attachments::settle(conn, key, false)?;
    if !draft && languages.is_empty() && added == 0 && removed == 0 {
        return Ok(());
    }
    let changes = json!({
        "draft": draft,
        "translations": languages,
        "attachments_added": added,
        "attachments_removed": removed,
    });
    revision(conn, key, version, Some(actor), at, "pending_discarded", None, &changes, None)
}

/// Moves the document to its next version if it is still at `expected` (when given); the
/// live content is untouched. Returns the new version.
fn next_version(
    conn: &mut DbConnection,
    key: &str,
    expected: Option<i64>,
) -> Result<(i64, String, String), StoreError> {
    let (version, _, status, partner) = current_version(conn, key)?;
    if let Some(expected) = expected.filter(|e| *e != version) {
        return Err(Error::StaleVersion { expected, current: version }.into());
    }
    let changed = diesel::update(documents::table.find(key).filter(documents::version.eq(version)))
        .set(documents::version.eq(version + 1))
        .execute(conn)?;
    if changed == 0 {
        return Err(Error::StaleVersion { expected: version, current: version + 1 }.into());
    }
    Ok((version + 1, status, partner))
}

/// A change to the pending draft of a published document.
#[derive(Debug)]
pub struct DraftEdit<'a> {
    pub kind: Kind,
    /// The pending version before this change (the live one if there was no draft) and after.
    pub before: &'a Value,
    pub after: &'a Value,
    /// The fields this change touched, and the fields that now differ from the live version.
    pub changed: &'a [String],
    pub differs: &'a [String],
    pub actor: UserId,
    pub expected_version: i64,
}

/// Saves a new pending version of a published document; returns the document's new version.
pub fn save_draft(
    conn: &mut DbConnection,
    id: DocumentId,
    edit: DraftEdit<'_>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let key = id.to_string();
    if edit.changed.is_empty() {
        let (version, ..) = current_version(conn, &key)?;
        if version != edit.expected_version {
            return Err(Error::StaleVersion { expected: edit.expected_version, current: version }.into());
        }
        return Ok(version);
    }
    let (version, status, partner) = next_version(conn, &key, Some(edit.expected_version))?;
    if status != Status::Published.as_str() {
        // Only a published document has a pending draft; it moved meanwhile.
        return Err(Error::StaleVersion { expected: edit.expected_version, current: version }.into());
    }
    let at = now.naive_utc();
    let actor = edit.actor.to_string();
    let content = edit.after.to_string();
    let differs = json!(edit.differs).to_string();
    let existing = diesel::update(document_drafts::table.find(&key))
        .set((
            document_drafts::content.eq(&content),
            document_drafts::changed.eq(&differs),
            document_drafts::updated_by.eq(&actor),
            document_drafts::updated_at.eq(at),
        ))
        .execute(conn)?;
    if existing == 0 {
        diesel::insert_into(document_drafts::table)
            .values((
                document_drafts::document_id.eq(&key),
                document_drafts::status.eq(Status::Draft.as_str()),
                document_drafts::content.eq(&content),
                document_drafts::changed.eq(&differs),
                document_drafts::created_by.eq(&actor),
                document_drafts::updated_by.eq(&actor),
                document_drafts::created_at.eq(at),
                document_drafts::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    let changes: serde_json::Map<String, Value> = edit
        .changed
        .iter()
        .map(|field| {
            let from = live::pick(edit.before, field);
            let to = live::pick(edit.after, field);
            (field.clone(), json!({ "from": from, "to": to }))
        })
        .collect();
    revision(conn, &key, version, Some(edit.actor), at, "draft_edited", None, &Value::Object(changes), None)?;
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: Some(edit.actor),
            verb: "draft_updated",
            subject_kind: "document",
            subject_id: key,
            document_kind: Some(edit.kind),
            partner: partner.parse().ok(),
            locale: None,
            details: json!({ "fields": edit.changed }),
        },
    )?;
    Ok(version)
}

/// Moves the pending draft from `from` to `to` (`draft` ⇄ `in_review`); returns the document's
/// new version.
#[expect(clippy::too_many_arguments, reason = "a workflow move and who made it, why")]
pub fn move_draft(
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
    let (version, ..) = next_version(conn, &key, expected_version)?;
    let at = now.naive_utc();
    let moved = diesel::update(document_drafts::table.find(&key).filter(document_drafts::status.eq(from.as_str())))
        .set((document_drafts::status.eq(to.as_str()), document_drafts::updated_at.eq(at)))
        .execute(conn)?;
    if moved == 0 {
        return Err(Error::StaleVersion { expected: version - 1, current: version }.into());
    }
    let changes = json!({ "status": { "from": from.as_str(), "to": to.as_str() } });
    revision(conn, &key, version, Some(actor), at, "draft_status_changed", None, &changes, comment)?;
    Ok(version)
}

/// Publishes the reviewed draft: its content replaces the live version (as `edit` says), and
/// the draft is gone. Returns the document's new version.
pub fn publish_draft(
    conn: &mut DbConnection,
    id: DocumentId,
    edit: Edit<'_>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let key = id.to_string();
    let removed =
        diesel::delete(document_drafts::table.find(&key).filter(document_drafts::status.eq(Status::InReview.as_str())))
            .execute(conn)?;
    if removed == 0 {
        let (current, ..) = current_version(conn, &key)?;
        return Err(Error::StaleVersion { expected: edit.expected_version, current }.into());
    }
    let (version, ..) = current_version(conn, &key)?;
    if version != edit.expected_version {
        return Err(Error::StaleVersion { expected: edit.expected_version, current: version }.into());
    }
    attachments::settle(conn, &key, true)?;
    if edit.changed.is_empty() {
        // Nothing differs from the live version: the publication is a new version all the same.
        let (version, ..) = next_version(conn, &key, Some(edit.expected_version))?;
        let at = now.naive_utc();
        revision(conn, &key, version, Some(edit.actor), at, "draft_published", None, &json!({}), None)?;
        return Ok(version);
    }
    live::apply_edit(conn, id, edit, now, "draft_published")
}

/// Drops the pending draft; the live version stays. Returns the document's new version.
pub fn discard_draft(
    conn: &mut DbConnection,
    id: DocumentId,
    actor: UserId,
    expected_version: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let key = id.to_string();
    let (version, ..) = next_version(conn, &key, expected_version)?;
    let removed = diesel::delete(document_drafts::table.find(&key)).execute(conn)?;
    if removed == 0 {
        return Err(Error::NotFound { entity: "pending draft" }.into());
    }
    attachments::settle(conn, &key, false)?;
    revision(conn, &key, version, Some(actor), now.naive_utc(), "draft_discarded", None, &json!({}), None)?;
    Ok(version)
}

/// A translation proposed for review.
#[derive(Debug)]
pub struct Proposal<'a> {
    pub kind: Kind,
    pub locale: Locale,
    pub texts: &'a Texts,
    pub origin: Origin,
    pub actor: UserId,
    /// The live translation's version the client read, if it sent one.
    pub expected_version: Option<i64>,
}

/// Stores a translation that waits for review (replacing an earlier proposal in the same
/// language); the live translation, if any, stays as it is.
pub fn propose_translation(
    conn: &mut DbConnection,
    id: DocumentId,
    proposal: Proposal<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let key = id.to_string();
    let (version, content_version, _, partner) = current_version(conn, &key)?;
    let original: String = documents::table.find(&key).select(documents::original_locale).first(conn)?;
    let locale = proposal.locale.as_str();
    if original == locale {
        return Err(Error::invalid(
            "language",
            "original_language",
            "this is the document's original language: edit the document itself",
        )
        .into());
    }
    let live: Option<i64> = {
        use crate::schema::document_texts;
        document_texts::table.find((&key, locale)).select(document_texts::version).first(conn).optional()?
    };
    if let (Some(expected), Some(current)) = (proposal.expected_version, live)
        && expected != current
    {
        return Err(Error::StaleVersion { expected, current }.into());
    }
    let at = now.naive_utc();
    let actor = proposal.actor.to_string();
    let fields = proposal.texts.to_value().to_string();
    diesel::delete(pending_translations::table.find((&key, locale))).execute(conn)?;
    diesel::insert_into(pending_translations::table)
        .values((
            pending_translations::document_id.eq(&key),
            pending_translations::locale.eq(locale),
            pending_translations::origin.eq(proposal.origin.as_str()),
            pending_translations::source_version.eq(content_version),
            pending_translations::title.eq(proposal.texts.title()),
            pending_translations::fields.eq(&fields),
            pending_translations::submitted_by.eq(&actor),
            pending_translations::submitted_at.eq(at),
        ))
        .execute(conn)?;
    let changes = json!({ "origin": proposal.origin.as_str(), "source_version": content_version });
    revision(
        conn,
        &key,
        version,
        Some(proposal.actor),
        at,
        "translation_proposed",
        Some(proposal.locale),
        &changes,
        None,
    )?;
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: Some(proposal.actor),
            verb: "translation_proposed",
            subject_kind: "document",
            subject_id: key,
            document_kind: Some(proposal.kind),
            partner: partner.parse().ok(),
            locale: Some(proposal.locale),
            details: json!({ "origin": proposal.origin.as_str() }),
        },
    )?;
    Ok(())
}

/// Accepts (the proposal becomes the live translation) or refuses (it is dropped) the
/// translation pending in `locale`. Returns the live translation's version when accepted.
#[expect(clippy::too_many_arguments, reason = "a decision, who made it and why")]
pub fn decide_translation(
    conn: &mut DbConnection,
    id: DocumentId,
    kind: Kind,
    locale: Locale,
    approve: bool,
    reviewer: UserId,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let key = id.to_string();
    let pending = find(conn, id, kind)?;
    let Some(proposal) = pending.translation(locale).cloned() else {
        return Err(Error::NotFound { entity: "pending translation" }.into());
    };
    diesel::delete(pending_translations::table.find((&key, locale.as_str()))).execute(conn)?;
    if !approve {
        let (version, ..) = current_version(conn, &key)?;
        let changes = json!({ "origin": proposal.origin.as_str() });
        let at = now.naive_utc();
        revision(conn, &key, version, Some(reviewer), at, "translation_refused", Some(locale), &changes, comment)?;
        return Ok(None);
    }
    let (_, live_version) = live::write_translation(
        conn,
        id,
        Translation {
            locale,
            texts: &proposal.texts,
            origin: proposal.origin,
            actor: proposal.submitted_by.as_ref().map(|(id, _)| *id),
            expected_version: None,
            source_version: Some(proposal.source_version),
        },
        now,
        Some((reviewer, comment)),
    )?;
    Ok(Some(live_version))
}
