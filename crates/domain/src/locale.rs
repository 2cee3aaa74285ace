//! The languages the platform speaks: interface, digests and content translations.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language of the platform, by its BCP 47 tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Fr,
    It,
    Ro,
    Sl,
    Sv,
}

impl Locale {
    /// Every supported language, English first: it is the working language and final fallback.
    pub const ALL: [Locale; 6] = [Locale::En, Locale::Fr, Locale::It, Locale::Ro, Locale::Sl, Locale::Sv];

    /// The language every chain falls back to.
    pub const FALLBACK: Locale = Locale::En;

    /// The BCP 47 tag (`fr`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::It => "it",
            Locale::Ro => "ro",
            Locale::Sl => "sl",
            Locale::Sv => "sv",
        }
    }

    /// The language's name in itself, as a language switcher shows it.
    pub const fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fr => "Français",
            Locale::It => "Italiano",
            Locale::Ro => "Română",
            Locale::Sl => "Slovenščina",
            Locale::Sv => "Svenska",
        }
    }

    /// Parses a field value, with an error that names what is accepted.
    pub fn parse_field(value: &str) -> Result<Self, FieldError> {
        value.parse().map_err(|_| {
            FieldError::new(
                "",
                "unsupported_language",
                format!("`{value}` is not a supported language; use one of en, fr, it, ro, sl, sv"),
            )
        })
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language `{0}`")]
pub struct UnsupportedLocale(pub String);

impl FromStr for Locale {
    type Err = UnsupportedLocale;

    /// Accepts a bare tag in any case (`FR`), and a tag with a region or script (`fr-BE`,
    /// `sv_SE`) by its primary language.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Locale::ALL.into_iter().find(|locale| locale.as_str() == primary).ok_or_else(|| UnsupportedLocale(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_with_regions_and_any_case() {
        assert_eq!("fr".parse(), Ok(Locale::Fr));
        assert_eq!("SV-se".parse(), Ok(Locale::Sv));
        assert_eq!("sl_SI".parse(), Ok(Locale::Sl));
        assert!("de".parse::<Locale>().is_err());
        assert!("".parse::<Locale>().is_err());
        assert!("english".parse::<Locale>().is_err());
    }

    #[test]
    fn every_locale_round_trips() {
        for locale in Locale::ALL {
            assert_eq!(locale.as_str().parse(), Ok(locale));
            let json = serde_json::to_string(&locale).ok();
            assert_eq!(json.as_deref(), Some(format!("\"{}\"", locale.as_str()).as_str()));
        }
    }
}
