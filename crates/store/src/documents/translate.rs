//! Translations: creating or replacing one language's text of a document, with its revision.

use super::write::{current_version, revision};
use crate::activity::{self, NewActivity};
use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::{document_texts, documents};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use mfx_domain::content::Texts;
use mfx_domain::document::{DocumentId, Kind, Origin, Status};
use mfx_domain::{Error, Locale, UserId};
use serde_json::json;

/// A translation to create or replace.
#[derive(Debug)]
pub struct Translation<'a> {
    pub locale: Locale,
    pub texts: &'a Texts,
    pub origin: Origin,
    pub actor: Option<UserId>,
    /// The translation's version the client read, if it sent one.
    pub expected_version: Option<i64>,
    /// Record it as made from this content version instead of the current one (demo data).
    pub source_version: Option<i64>,
}

/// Creates or replaces a translation; returns whether it was new and its version.
pub fn put_translation(
    conn: &mut DbConnection,
    id: DocumentId,
    translation: Translation<'_>,
    now: DateTime<Utc>,
) -> Result<(bool, i64), StoreError> {
    write_translation(conn, id, translation, now, None)
}

/// Writes a live translation. With `approval` (the reviewer and their comment), it is a
/// proposed translation that the reviewer accepted, and the history says so.
pub(crate) fn write_translation(
    conn: &mut DbConnection,
    id: DocumentId,
    translation: Translation<'_>,
    now: DateTime<Utc>,
    approval: Option<(UserId, Option<&str>)>,
) -> Result<(bool, i64), StoreError> {
    let key = id.to_string();
    let (version, content_version, status, partner) = current_version(conn, &key)?;
    let (original, kind): (String, String) =
        documents::table.find(&key).select((documents::original_locale, documents::kind)).first(conn)?;
    if original == translation.locale.as_str() {
        return Err(Error::invalid(
            "language",
            "original_language",
            "this is the document's original language: edit the document itself",
        )
        .into());
    }
    let at = now.naive_utc();
    let locale = translation.locale.as_str();
    let existing: Option<i64> =
        document_texts::table.find((&key, locale)).select(document_texts::version).first(conn).optional()?;
    if let (Some(expected), Some(current)) = (translation.expected_version, existing)
        && expected != current
    {
        return Err(Error::StaleVersion { expected, current }.into());
    }
    let source_version = translation.source_version.unwrap_or(content_version).min(content_version);
    let actor = translation.actor.map(|a| a.to_string());
    let title = translation.texts.title();
    let fields = translation.texts.to_value().to_string();
    let new_version = match existing {
        Some(current) => {
            // Guarded by the version read above, so a concurrent save is never overwritten.
            let target = document_texts::table.find((&key, locale)).filter(document_texts::version.eq(current));
            let updated = diesel::update(target)
                .set((
                    document_texts::origin.eq(translation.origin.as_str()),
                    document_texts::source_version.eq(source_version),
                    document_texts::version.eq(current + 1),
                    document_texts::title.eq(title),
                    document_texts::fields.eq(&fields),
                    document_texts::updated_by.eq(&actor),
                    document_texts::updated_at.eq(at),
                ))
                .execute(conn)?;
            if updated == 0 {
                return Err(Error::StaleVersion {
                    expected: translation.expected_version.unwrap_or(current),
                    current: current + 1,
                }
                .into());
            }
            current + 1
        }
        None => {
            diesel::insert_into(document_texts::table)
                .values((
                    document_texts::document_id.eq(&key),
                    document_texts::locale.eq(locale),
                    document_texts::origin.eq(translation.origin.as_str()),
                    document_texts::source_version.eq(source_version),
                    document_texts::version.eq(1_i64),
                    document_texts::title.eq(title),
                    document_texts::fields.eq(&fields),
                    document_texts::updated_by.eq(&actor),
                    document_texts::created_at.eq(at),
                    document_texts::updated_at.eq(at),
                ))
                .execute(conn)
                // A translation someone else created meanwhile refuses this one.
                .map_err(|e| match e {
                    diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _) => {
                        Error::StaleVersion { expected: translation.expected_version.unwrap_or(0), current: 1 }.into()
                    }
                    other => StoreError::from(other),
                })?;
            1
        }
    };
    let created = existing.is_none();
    // A translation of a published document is published text as soon as it is stored.
    let changes = json!({
        "origin": translation.origin.as_str(),
        "source_version": source_version,
        "created": created,
        "published": status == Status::Published.as_str(),
    });
    match approval {
        Some((reviewer, comment)) => {
            let mut changes = changes;
            changes["translated_by"] = json!(translation.actor.map(|a| a.to_string()));
            let locale = Some(translation.locale);
            revision(conn, &key, version, Some(reviewer), at, "translation_approved", locale, &changes, comment)?;
        }
        None => revision(
            conn,
            &key,
            version,
            translation.actor,
            at,
            "translated",
            Some(translation.locale),
            &changes,
            None,
        )?,
    }
    activity::record(
        conn,
        NewActivity {
            at: now,
            actor: translation.actor,
            verb: if created { "translation_created" } else { "translation_updated" },
            subject_kind: "document",
            subject_id: key,
            document_kind: Kind::parse(&kind),
            partner: partner.parse().ok(),
            locale: Some(translation.locale),
            details: json!({ "origin": translation.origin.as_str() }),
        },
    )?;
    Ok((created, new_version))
}
