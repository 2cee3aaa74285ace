//! Fluent messages, compiled into the binary from `locales/<lang>/*.ftl`.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use mfx_domain::Locale;
use std::borrow::Cow;
use std::collections::HashMap;

static_loader! {
    static LOCALES = {
        locales: "../../locales",
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

/// The platform's languages that have messages loaded, English first.
pub fn loaded_languages() -> Vec<Locale> {
    let loaded: Vec<String> = LOCALES.locales().map(|id| id.language.as_str().to_owned()).collect();
    Locale::ALL.into_iter().filter(|locale| loaded.iter().any(|l| l == locale.as_str())).collect()
}

/// Messages in one language.
#[derive(Debug, Clone)]
pub struct Translator {
    locale: Locale,
    id: fluent_templates::LanguageIdentifier,
}

impl Translator {
    pub fn new(locale: Locale) -> Self {
        let id = locale.as_str().parse().unwrap_or_else(|_| fluent_templates::LanguageIdentifier::default());
        Self { locale, id }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The message `id`; a missing one shows its id (and the locale tests fail).
    pub fn t(&self, id: &str) -> String {
        LOCALES.try_lookup(&self.id, id).unwrap_or_else(|| id.to_owned())
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
        LOCALES.try_lookup_with_args(&self.id, id, &map).unwrap_or_else(|| id.to_owned())
    }

    /// Whether the message exists in this language (not counting the English fallback).
    pub fn has(&self, id: &str) -> bool {
        LOCALES.lookup_single_language::<&str>(&self.id, id, None).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_load_and_take_arguments() {
        let en = Translator::new(Locale::En);
        assert_eq!(en.t("site-name"), "MICROFUTURE Exchange");
        assert_eq!(en.args("list-count", &[("count", Arg::from(1_usize))]), "One document");
        assert_eq!(en.args("list-count", &[("count", Arg::from(3_usize))]), "3 documents");
        assert_eq!(en.t("no-such-message"), "no-such-message");
    }
}
