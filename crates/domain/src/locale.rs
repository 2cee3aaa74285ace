//! The languages the platform speaks: interface, digests and content translations.
//!
//! The set is data, not code: it comes from the seed file's `locales` (one registry per
//! process, installed at start-up with [`Locale::install`]). Until something is installed
//! (unit tests, tools) the bundled seed's set is used, read from the seed file itself, so no
//! list of language codes is written in Rust.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;
use std::sync::{LazyLock, Mutex, OnceLock, PoisonError};

/// The bundled seed, whose `locales` are the set used when none is installed.
const BUNDLED_SEED: &str = include_str!("../../../seed/partners.json");

/// A language of the platform, by its BCP 47 primary language subtag (`fr`). Values exist
/// only for languages of a registry: they are made by validating a code against one.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale(&'static str);

/// One language of a partnership: its code and the locale whose conventions (dates,
/// numbers) it is written with, when the bare code's are not the wanted ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub locale: Locale,
    /// A BCP 47 tag such as `en-GB`; the code itself when the seed names none.
    pub formatting: &'static str,
}

/// A set of languages, the working (fallback) language first, then the others in the
/// seed's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    list: Vec<Language>,
}

/// A `locales` entry of a seed file: `"fr"` or `{"code": "en", "formatting": "en-GB"}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum LanguageSpec {
    Code(String),
    Detailed(DetailedLanguageSpec),
}

/// The long form of a `locales` entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetailedLanguageSpec {
    pub code: String,
    pub formatting: Option<String>,
}

impl LanguageSpec {
    fn code(&self) -> &str {
        match self {
            LanguageSpec::Code(code) => code,
            LanguageSpec::Detailed(d) => &d.code,
        }
    }

    fn formatting(&self) -> Option<&str> {
        match self {
            LanguageSpec::Code(_) => None,
            LanguageSpec::Detailed(d) => d.formatting.as_deref(),
        }
    }
}

/// Interned codes: a `Locale` is `Copy` and compares by its code, and the same code always
/// gives the same `&'static str`, so building registries repeatedly (tests) leaks nothing new.
fn intern(text: &str) -> &'static str {
    static TABLE: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(|| Mutex::new(HashSet::new()));
    let mut table = TABLE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(found) = table.get(text) {
        return found;
    }
    let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
    table.insert(leaked);
    leaked
}

/// Whether `code` is a BCP 47 primary language subtag as the platform names languages:
/// two or three lower-case letters (`fr`, `sl`, `fil`).
fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether `tag` is a well-formed BCP 47 tag of a language, optionally with script, region
/// and variants (`en-GB`, `sr-Latn-RS`). Whether data exists for it is checked where it is used.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok =
        parts.next().is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The primary language of a tag in any case and with `-` or `_` (`SV_se` → `sv`).
fn primary_language(tag: &str) -> String {
    tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()
}

impl Languages {
    /// Checks a seed's `locales` and working language; every problem is listed, with the
    /// seed's field names.
    pub fn from_specs(specs: &[LanguageSpec], working: &str) -> Result<Self, Vec<FieldError>> {
        match Self::checked(specs, working) {
            (Some(languages), problems) if problems.is_empty() => Ok(languages),
            (_, problems) => Err(problems),
        }
    }

    /// The languages of the well-formed entries (even when others are refused, so a seed's
    /// partners can still be checked against them) and every problem met.
    pub fn checked(specs: &[LanguageSpec], working: &str) -> (Option<Self>, Vec<FieldError>) {
        let mut problems = Vec::new();
        let mut list: Vec<Language> = Vec::new();
        for (i, spec) in specs.iter().enumerate() {
            let field = format!("locales[{i}]");
            let code = spec.code();
            if !is_language_code(code) {
                problems.push(FieldError::new(
                    field,
                    "invalid_language_code",
                    format!("`{code}` is not a BCP 47 language code (two or three lower-case letters, such as `de`)"),
                ));
                continue;
            }
            let formatting = spec.formatting().unwrap_or(code);
            if !is_language_tag(formatting) || primary_language(formatting) != code {
                problems.push(FieldError::new(
                    format!("{field}.formatting"),
                    "invalid_formatting_locale",
                    format!("`{formatting}` is not a BCP 47 tag of `{code}` (such as `{code}-XX`)"),
                ));
                continue;
            }
            if list.iter().any(|l| l.locale.0 == code) {
                problems.push(FieldError::new(field, "duplicate", "listed twice"));
                continue;
            }
            list.push(Language { locale: Locale(intern(code)), formatting: intern(formatting) });
        }
        let working_code = primary_language(working);
        match list.iter().position(|l| l.locale.0 == working_code) {
            Some(at) => {
                let first = list.remove(at);
                list.insert(0, first);
                (Some(Self { list }), problems)
            }
            None => {
                problems.push(FieldError::new(
                    "locales",
                    "missing_fallback",
                    format!("the working language `{working}` must be one of the languages"),
                ));
                (None, problems)
            }
        }
    }

    /// The set of the bundled seed file.
    fn bundled() -> Self {
        #[derive(Deserialize)]
        struct Project {
            working_language: String,
        }
        #[derive(Deserialize)]
        struct Partial {
            project: Project,
            locales: Vec<LanguageSpec>,
        }
        serde_json::from_str::<Partial>(BUNDLED_SEED)
            .ok()
            .and_then(|p| Self::from_specs(&p.locales, &p.project.working_language).ok())
            // Unreachable while the bundled seed is valid (its test checks it): an
            // "undetermined" language keeps the process working rather than panicking.
            .unwrap_or_else(|| Self { list: vec![Language { locale: Locale(intern("und")), formatting: "und" }] })
    }

    /// The language whose code is the primary language of `tag` (`FR`, `fr-BE`, `sv_SE`).
    pub fn find(&self, tag: &str) -> Option<Locale> {
        let primary = primary_language(tag);
        self.list.iter().find(|l| l.locale.0 == primary).map(|l| l.locale)
    }

    /// Every language, the working language first.
    pub fn all(&self) -> Vec<Locale> {
        self.list.iter().map(|l| l.locale).collect()
    }

    /// Every language with its formatting locale.
    pub fn entries(&self) -> &[Language] {
        &self.list
    }

    /// The working language, which every chain falls back to.
    pub fn working(&self) -> Locale {
        self.list[0].locale
    }

    fn position(&self, locale: Locale) -> Option<usize> {
        self.list.iter().position(|l| l.locale == locale)
    }

    fn formatting(&self, locale: Locale) -> Option<&'static str> {
        self.list.iter().find(|l| l.locale == locale).map(|l| l.formatting)
    }
}

/// Languages with a Snowball stemmer, by code, and the name of the stemmer, which is also
/// the name of PostgreSQL's text search configuration for it. A language not listed here is
/// searched with accent folding only (`simple`).
const STEMMERS: &[(&str, &str)] = &[
    ("ar", "arabic"),
    ("ca", "catalan"),
    ("da", "danish"),
    ("de", "german"),
    ("el", "greek"),
    ("en", "english"),
    ("es", "spanish"),
    ("eu", "basque"),
    ("fi", "finnish"),
    ("fr", "french"),
    ("ga", "irish"),
    ("hi", "hindi"),
    ("hu", "hungarian"),
    ("hy", "armenian"),
    ("id", "indonesian"),
    ("it", "italian"),
    ("lt", "lithuanian"),
    ("nb", "norwegian"),
    ("ne", "nepali"),
    ("nl", "dutch"),
    ("nn", "norwegian"),
    ("no", "norwegian"),
    ("pt", "portuguese"),
    ("ro", "romanian"),
    ("ru", "russian"),
    ("sr", "serbian"),
    ("sv", "swedish"),
    ("ta", "tamil"),
    ("tr", "turkish"),
    ("yi", "yiddish"),
];

/// The text search configuration that needs no stemmer: accent-folded words as written.
pub const SIMPLE_SEARCH: &str = "simple";

static INSTALLED: OnceLock<Languages> = OnceLock::new();
static BUNDLED: LazyLock<Languages> = LazyLock::new(Languages::bundled);

/// The process's languages: the installed set, or the bundled seed's.
pub fn registry() -> &'static Languages {
    INSTALLED.get().unwrap_or(&BUNDLED)
}

/// Installing a second, different set of languages in one process.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("another set of languages is already installed")]
pub struct AlreadyInstalled;

impl Locale {
    /// Makes the process speak `languages` (once, at start-up). Installing the same set again
    /// is allowed.
    pub fn install(languages: Languages) -> Result<(), AlreadyInstalled> {
        let installed = INSTALLED.get_or_init(|| languages.clone());
        if *installed == languages { Ok(()) } else { Err(AlreadyInstalled) }
    }

    /// Every language of the process, the working language first.
    pub fn all() -> Vec<Locale> {
        registry().all()
    }

    /// The working language: every chain falls back to it.
    pub fn fallback() -> Locale {
        registry().working()
    }

    /// The BCP 47 code (`fr`).
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// The BCP 47 tag whose conventions dates and numbers follow (`en-GB` for `en` when the
    /// seed says so).
    pub fn formatting(self) -> &'static str {
        registry().formatting(self).unwrap_or(self.0)
    }

    /// The Snowball stemmer (and PostgreSQL text search configuration) for this language,
    /// [`SIMPLE_SEARCH`] when there is none.
    pub fn search_config(self) -> &'static str {
        STEMMERS.iter().find(|(code, _)| *code == self.0).map_or(SIMPLE_SEARCH, |(_, config)| config)
    }

    /// Parses a field value, with an error that names what is accepted.
    pub fn parse_field(value: &str) -> Result<Self, FieldError> {
        value.parse().map_err(|_| {
            let accepted: Vec<&str> = Locale::all().into_iter().map(Locale::as_str).collect();
            FieldError::new(
                "",
                "unsupported_language",
                format!("`{value}` is not a supported language; use one of {}", accepted.join(", ")),
            )
        })
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Debug for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Locale({})", self.0)
    }
}

impl PartialOrd for Locale {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// By position in the registry (the working language first), then by code.
impl Ord for Locale {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let languages = registry();
        let rank = |l: &Locale| languages.position(*l).unwrap_or(usize::MAX);
        rank(self).cmp(&rank(other)).then(self.0.cmp(other.0))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language `{0}`")]
pub struct UnsupportedLocale(pub String);

impl FromStr for Locale {
    type Err = UnsupportedLocale;

    /// Accepts a bare tag in any case (`FR`), and a tag with a region or script (`fr-BE`,
    /// `sv_SE`) by its primary language, if that language is loaded.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        registry().find(s).ok_or_else(|| UnsupportedLocale(s.to_owned()))
    }
}

impl Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Locale {
    /// A string among the loaded languages (the OpenAPI document lists them).
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
        utoipa::openapi::RefOr::T(Schema::Object(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(Locale::all().into_iter().map(Locale::as_str)))
                .build(),
        ))
    }
}

impl utoipa::ToSchema for Locale {}

/// A language of the current registry by its code, for tests and fixtures that name codes.
/// Panics when the code is not loaded: a test naming a language that does not exist is wrong.
#[cfg(any(test, feature = "test-support"))]
pub fn test_locale(code: &str) -> Locale {
    match registry().find(code) {
        Some(locale) => locale,
        None => panic!("`{code}` is not a loaded language"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(code: &str) -> Locale {
        test_locale(code)
    }

    #[test]
    fn parses_tags_with_regions_and_any_case() {
        assert_eq!("fr".parse(), Ok(l("fr")));
        assert_eq!("SV-se".parse(), Ok(l("sv")));
        assert_eq!("sl_SI".parse(), Ok(l("sl")));
        assert!("de".parse::<Locale>().is_err());
        assert!("".parse::<Locale>().is_err());
        assert!("english".parse::<Locale>().is_err());
    }

    #[test]
    fn every_locale_round_trips() {
        for locale in Locale::all() {
            assert_eq!(locale.as_str().parse(), Ok(locale));
            let json = serde_json::to_string(&locale).ok();
            assert_eq!(json.as_deref(), Some(format!("\"{}\"", locale.as_str()).as_str()));
            assert_eq!(serde_json::from_str::<Locale>(&format!("\"{locale}\"")).ok(), Some(locale));
        }
        assert!(serde_json::from_str::<Locale>("\"xx\"").is_err());
    }

    #[test]
    fn the_working_language_comes_first_and_orders_the_rest() {
        let all = Locale::all();
        assert_eq!(all[0], Locale::fallback());
        let mut sorted = all.clone();
        sorted.reverse();
        sorted.sort();
        assert_eq!(sorted, all);
        assert_eq!(l("en").formatting(), "en-GB");
        assert_eq!(l("fr").formatting(), "fr");
    }

    #[test]
    fn search_uses_a_stemmer_where_one_exists() {
        assert_eq!(l("fr").search_config(), "french");
        assert_eq!(l("sl").search_config(), SIMPLE_SEARCH);
        let specs: Vec<LanguageSpec> = serde_json::from_str(r#"["en", "de", "pl"]"#).expect("specs");
        let languages = Languages::from_specs(&specs, "en").expect("valid");
        let configs: Vec<_> = languages.all().into_iter().map(Locale::search_config).collect();
        assert_eq!(configs, ["english", "german", SIMPLE_SEARCH]);
        assert!(STEMMERS.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no code twice");
    }

    #[test]
    fn a_registry_is_checked_entry_by_entry() {
        let specs: Vec<LanguageSpec> =
            serde_json::from_str(r#"["de", {"code": "pl", "formatting": "pl-PL"}, "en"]"#).expect("specs");
        let languages = Languages::from_specs(&specs, "en").expect("valid");
        assert_eq!(languages.all().iter().map(|l| l.as_str()).collect::<Vec<_>>(), ["en", "de", "pl"]);
        assert_eq!(languages.find("PL-pl").map(Locale::as_str), Some("pl"));
        assert_eq!(languages.entries()[2].formatting, "pl-PL");

        let specs: Vec<LanguageSpec> = serde_json::from_str(
            r#"["Deutsch", {"code": "pl", "formatting": "fr-FR"}, "de", "de", {"code": "it", "formatting": "it_IT!"}]"#,
        )
        .expect("specs");
        let problems = Languages::from_specs(&specs, "en").expect_err("refused");
        let fields: Vec<_> = problems.iter().map(|p| (p.field.as_str(), p.code)).collect();
        assert_eq!(
            fields,
            [
                ("locales[0]", "invalid_language_code"),
                ("locales[1].formatting", "invalid_formatting_locale"),
                ("locales[3]", "duplicate"),
                ("locales[4].formatting", "invalid_formatting_locale"),
                ("locales", "missing_fallback"),
            ]
        );
    }
}
