//! IANA time zones, checked against the tz database compiled into the binary.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A valid IANA time zone name such as `Europe/Ljubljana`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeZone(String);

impl TimeZone {
    pub fn parse(name: &str) -> Result<Self, FieldError> {
        let name = name.trim();
        name.parse::<chrono_tz::Tz>().map(|tz| Self(tz.name().to_owned())).map_err(|_| {
            FieldError::new("", "unknown_time_zone", format!("`{name}` is not an IANA time zone such as Europe/Paris"))
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        // The name was produced by a successful parse, so it parses again.
        self.0.parse().unwrap_or(chrono_tz::UTC)
    }
}

impl TryFrom<String> for TimeZone {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(|e| e.message)
    }
}

impl From<TimeZone> for String {
    fn from(value: TimeZone) -> Self {
        value.0
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_iana_names_and_rejects_others() {
        assert_eq!(TimeZone::parse("Europe/Stockholm").map(|t| t.0), Ok("Europe/Stockholm".into()));
        assert_eq!(TimeZone::parse(" UTC ").map(|t| t.0), Ok("UTC".into()));
        let err = TimeZone::parse("Mars/Olympus").err();
        assert_eq!(err.map(|e| e.code), Some("unknown_time_zone"));
        assert!(TimeZone::parse("").is_err());
    }
}
