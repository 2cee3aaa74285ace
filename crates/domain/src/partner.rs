//! Partner organisations: who owns documents, whose staff hold accounts.

use crate::error::FieldError;
use crate::id::PartnerId;
use crate::locale::Locale;
use crate::time_zone::TimeZone;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The partner's part in the project, as the application form names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartnerKind {
    /// The lead partner, who coordinates the project.
    Lead,
    /// A project partner with a policy instrument to improve.
    Partner,
    /// An advisory partner.
    Advisory,
}

impl PartnerKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            PartnerKind::Lead => "lead",
            PartnerKind::Partner => "partner",
            PartnerKind::Advisory => "advisory",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "lead" => Some(PartnerKind::Lead),
            "partner" => Some(PartnerKind::Partner),
            "advisory" => Some(PartnerKind::Advisory),
            _ => None,
        }
    }
}

/// A partner's stable, URL-safe name (`seine-saint-denis`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartnerSlug(String);

impl PartnerSlug {
    pub fn parse(value: &str) -> Result<Self, FieldError> {
        let ok = (2..=64).contains(&value.len())
            && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !value.starts_with('-')
            && !value.ends_with('-')
            && !value.contains("--");
        if ok {
            Ok(Self(value.to_owned()))
        } else {
            Err(FieldError::new(
                "",
                "invalid_slug",
                "a partner slug is 2 to 64 lower-case letters, digits and single hyphens",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PartnerSlug {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(|e| e.message)
    }
}

impl From<PartnerSlug> for String {
    fn from(value: PartnerSlug) -> Self {
        value.0
    }
}

impl fmt::Display for PartnerSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The descriptive fields of a partner, as seeded or edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerProfile {
    pub slug: PartnerSlug,
    pub kind: PartnerKind,
    pub short_name: String,
    pub name_en: String,
    pub name_local: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// The region's name in English (and in any language `region_names` lacks).
    pub region: String,
    /// The region's name in other languages, by language code.
    pub region_names: BTreeMap<String, String>,
    /// The language the partner writes in.
    pub locale: Locale,
    pub time_zone: TimeZone,
}

impl PartnerProfile {
    /// The region's name in `language`, else in English.
    pub fn region_in(&self, language: Locale) -> &str {
        self.region_names.get(language.as_str()).map_or(self.region.as_str(), String::as_str)
    }
}

/// A stored partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub id: PartnerId,
    pub profile: PartnerProfile,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_single_hyphens() {
        assert!(PartnerSlug::parse("heart-of-slovenia").is_ok());
        assert!(PartnerSlug::parse("p2").is_ok());
        for bad in ["", "a", "Heart", "two--hyphens", "-edge", "edge-", "with space", "ö"] {
            assert!(PartnerSlug::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn partner_kinds_round_trip() {
        for kind in [PartnerKind::Lead, PartnerKind::Partner, PartnerKind::Advisory] {
            assert_eq!(PartnerKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(PartnerKind::parse("Lead"), None);
    }
}
