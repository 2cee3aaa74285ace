//! Translating a document: the live translation when the translator may accept translations
//! of it, a proposal for review otherwise.

use super::super::{Error, actor, write};
use super::{readable, reload, resource};
use crate::state::AppState;
use mfx_domain::content::Texts;
use mfx_domain::document::{DocumentId, Kind, Origin};
use mfx_domain::policy::{Action, Member, permits};
use mfx_domain::{FieldError, Locale, Violations};
use mfx_store::documents::{self, DocumentRecord, Translation};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;

/// A translation as sent to `PUT …/translations/{lang}`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "origin": "human",
    "text": {"title": "Mikrolån med stöd för mottagare av försörjningsstöd", "summary": "Ett **mikrolån** med stöd hjälper mottagare att starta eget."}
}))]
pub struct TranslationInput {
    /// human (default) or machine.
    #[serde(default = "human")]
    #[schema(value_type = TranslationOrigin, default = "human", required = false)]
    pub origin: String,
    /// The kind's translatable fields, as in the document's `text`; every text of an action
    /// plan's actions, in order.
    #[schema(value_type = Object)]
    pub text: Value,
}

mfx_domain::code_schema!(
    /// Who made a translation.
    TranslationOrigin,
    ["human", "machine"]
);

fn human() -> String {
    "human".into()
}

/// What became of a translation.
#[derive(Debug)]
pub enum Translated {
    /// It is the live translation: whether it was new, its version, the document, the language.
    Live { created: bool, version: i64, record: DocumentRecord, locale: Locale },
    /// It waits for the owner partner or the lead partner; readers still get the translation
    /// reviewed before, or the fallback.
    Proposed { record: DocumentRecord, locale: Locale },
}

/// The language of a translation as a field of the request.
pub fn language(lang: &str) -> Result<Locale, Error> {
    Locale::parse_field(lang).map_err(|mut e| {
        e.field = "language".into();
        Error::Invalid(e.into())
    })
}

/// The version of the translation into `lang` now, if there is one (what `If-Match: *`
/// stands for).
pub async fn version(
    state: &AppState,
    member: Member,
    kind: Kind,
    id: DocumentId,
    lang: &str,
) -> Result<Option<i64>, Error> {
    let locale = language(lang)?;
    let record = readable(state, &actor(member), Some(kind), id).await?;
    Ok(record.summary.text(locale).map(|t| t.version))
}

/// Adds or replaces a translation. Someone who may accept translations of the document (its
/// partner's editors, the lead partner) writes the live translation; anyone else proposes one
/// for review.
pub async fn translate(
    state: &AppState,
    member: Member,
    kind: Kind,
    id: DocumentId,
    lang: &str,
    input: TranslationInput,
    expected: Option<i64>,
) -> Result<Translated, Error> {
    let actor = actor(member);
    let record = readable(state, &actor, Some(kind), id).await?;
    if !permits(&actor, Action::Translate, &resource(&record.summary)) {
        return Err(Error::Forbidden);
    }
    let mut v = Violations::new();
    let locale = v.check("language", Locale::parse_field(lang));
    let origin = match Origin::parse(&input.origin) {
        Some(Origin::Original) | None => {
            v.push(FieldError::new("origin", "unknown_origin", "human or machine"));
            None
        }
        some => some,
    };
    let mut texts = match Texts::from_value(kind, input.text) {
        Ok(texts) => Some(texts),
        Err(errors) => {
            for e in errors.iter() {
                v.push(e.clone());
            }
            None
        }
    };
    if let Some(texts) = texts.as_mut() {
        texts.validate("text", record.actions.len(), &mut v);
    }
    let (Some(locale), Some(origin), Some(texts)) = (locale, origin, texts) else { return Err(Error::Invalid(v)) };
    v.into_result()?;
    let now = state.clock.now();
    let doc = record.summary.id;
    let translator = member.id;
    if !permits(&actor, Action::ApproveTranslation, &resource(&record.summary)) {
        write(state, move |c| {
            mfx_store::pending::propose_translation(
                c,
                doc,
                mfx_store::pending::Proposal {
                    kind,
                    locale,
                    texts: &texts,
                    origin,
                    actor: translator,
                    expected_version: expected,
                },
                now,
            )
        })
        .await?;
        tracing::info!(event = "translation_proposed", document = %doc, language = locale.as_str(), "translation");
        return Ok(Translated::Proposed { record, locale });
    }
    let (created, version) = write(state, move |c| {
        documents::put_translation(
            c,
            doc,
            Translation {
                locale,
                texts: &texts,
                origin,
                actor: Some(translator),
                expected_version: expected,
                source_version: None,
            },
            now,
        )
    })
    .await?;
    let record = reload(state, doc).await?;
    Ok(Translated::Live { created, version, record, locale })
}
