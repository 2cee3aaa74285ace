//! Fluent messages, compiled into the binary from `locales/<lang>/*.ftl`.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{ArcLoader, LanguageIdentifier, Loader, static_loader};
use mfx_domain::Locale;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        // The macro needs a literal; lookups fall back to the registry's working language
        // themselves (`Translator::lookup`), so this one only names a folder that exists.
        fallback_language: "en",
        // Bidi isolation marks would end up inside attributes and URLs.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A message argument.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(value))
    }
}

impl From<String> for Arg<'_> {
    fn from(value: String) -> Self {
        Arg::Text(Cow::Owned(value))
    }
}

impl From<i64> for Arg<'_> {
    fn from(value: i64) -> Self {
        #[expect(clippy::cast_precision_loss, reason = "counts shown to people are far below 2^52")]
        Arg::Number(value as f64)
    }
}

impl From<usize> for Arg<'_> {
    fn from(value: usize) -> Self {
        Arg::from(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

/// Messages read at start-up from `MFX_LOCALES_DIR` (`<code>/*.ftl`), for languages not
/// compiled in and to override compiled ones.
static FROM_DIR: OnceLock<ArcLoader> = OnceLock::new();

/// A folder of messages that cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LocalesDirError {
    #[error("messages folder {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("messages folder {path}: `{name}` is not a language code of the seed")]
    UnknownLanguage { path: String, name: String },
    #[error("messages were already loaded from another folder")]
    AlreadyLoaded,
}

/// Loads the messages of `dir` (once per process, at start-up). Each sub-folder is named by a
/// language code of the loaded set and holds `*.ftl` files.
pub fn load_locales_dir(dir: &Path) -> Result<(), LocalesDirError> {
    let path = dir.display().to_string();
    let unreadable = |reason: String| LocalesDirError::Unreadable { path: path.clone(), reason };
    let entries = std::fs::read_dir(dir).map_err(|e| unreadable(e.to_string()))?;
    for entry in entries {
        let entry = entry.map_err(|e| unreadable(e.to_string()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && Locale::all().iter().all(|l| l.as_str() != name) {
            return Err(LocalesDirError::UnknownLanguage { path, name });
        }
    }
    let fallback = language_id(Locale::fallback());
    let loader = ArcLoader::builder(dir, fallback)
        // Bidi isolation marks would end up inside attributes and URLs.
        .customize(|bundle| bundle.set_use_isolating(false))
        .build()
        .map_err(|e| unreadable(e.to_string()))?;
    FROM_DIR.set(loader).map_err(|_| LocalesDirError::AlreadyLoaded)
}

fn language_id(locale: Locale) -> LanguageIdentifier {
    locale.as_str().parse().unwrap_or_default()
}

/// Whether `locale` has messages of its own, compiled in or from the folder.
fn has_messages(locale: Locale) -> bool {
    let id = language_id(locale);
    LOCALES.locales().any(|l| *l == id) || FROM_DIR.get().is_some_and(|d| d.locales().any(|l| *l == id))
}

/// The platform's languages that have messages loaded, the working language first.
pub fn loaded_languages() -> Vec<Locale> {
    Locale::all().into_iter().filter(|l| has_messages(*l)).collect()
}

/// The languages of the loaded set without any messages: the server refuses to start.
pub fn languages_without_messages() -> Vec<Locale> {
    Locale::all().into_iter().filter(|l| !has_messages(*l)).collect()
}

/// Looks `id` up in one language: the folder's messages first, then the compiled ones.
fn lookup_in(
    lang: &LanguageIdentifier,
    id: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
) -> Option<String> {
    if let Some(dir) = FROM_DIR.get()
        && let Ok(text) = dir.lookup_single_language(lang, id, args)
    {
        return Some(text);
    }
    LOCALES.lookup_single_language(lang, id, args).ok()
}

/// Messages in one language.
#[derive(Debug, Clone)]
pub struct Translator {
    locale: Locale,
    id: LanguageIdentifier,
}

impl Translator {
    pub fn new(locale: Locale) -> Self {
        Self { locale, id: language_id(locale) }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The message in this language, else in the working language.
    fn lookup(&self, id: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>) -> Option<String> {
        lookup_in(&self.id, id, args).or_else(|| {
            let working = Locale::fallback();
            (working != self.locale).then(|| lookup_in(&language_id(working), id, args)).flatten()
        })
    }

    /// The message `id`; a missing one shows its id (and the locale tests fail).
    pub fn t(&self, id: &str) -> String {
        self.lookup(id, None).unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with arguments.
    pub fn args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.to_string()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Owned((*name).to_owned()), value)
            })
            .collect();
        self.lookup(id, Some(&map)).unwrap_or_else(|| id.to_owned())
    }

    /// Whether the message exists in this language (not counting the working-language fallback).
    pub fn has(&self, id: &str) -> bool {
        lookup_in(&self.id, id, None).is_some()
    }

    /// The name of `language` in this language, as CLDR writes it.
    pub fn language_name(&self, language: Locale) -> String {
        crate::format::language_name(language, self.locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_load_and_take_arguments() {
        let en = Translator::new(mfx_domain::locale::test_locale("en"));
        assert_eq!(en.t("site-name"), "MICROFUTURE Exchange");
        assert_eq!(en.args("list-count", &[("count", Arg::from(1_usize))]), "One document");
        assert_eq!(en.args("list-count", &[("count", Arg::from(3_usize))]), "3 documents");
        assert_eq!(en.t("no-such-message"), "no-such-message");
    }
}
