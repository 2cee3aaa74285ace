//! What the privacy notice says and the retention jobs do: who is responsible for personal
//! data, whom to write to, the licence of public content, and how long each kind of personal
//! record is kept. The notice is drawn from these values, so it never disagrees with the jobs.

use super::parse_or;
use mfx_domain::Email;
use std::time::Duration;

const DAY: u64 = 24 * 3600;

/// How long personal records are kept once they are no longer needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retention {
    /// Ended sessions (expired or signed out) and their refresh tokens, after they ended.
    pub sessions: Duration,
    /// Sign-in throttling records (keyed by email and network address), after their last use.
    pub sign_in_attempts: Duration,
    /// Digest records (sent, empty, failed, set aside), after they were sent or their period.
    pub digests: Duration,
    /// Names and email addresses recorded in account changes, after the change.
    pub account_changes: Duration,
    /// Withdrawn calendar addresses, after they were withdrawn.
    pub calendar_tokens: Duration,
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            sessions: Duration::from_secs(7 * DAY),
            sign_in_attempts: Duration::from_secs(DAY),
            digests: Duration::from_secs(90 * DAY),
            account_changes: Duration::from_secs(365 * DAY),
            calendar_tokens: Duration::from_secs(30 * DAY),
        }
    }
}

/// The controller, the contact, the content licence and the retention periods.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Privacy {
    /// The name and address of the body responsible for personal data; the lead partner of
    /// the seed when absent.
    pub controller: Option<String>,
    /// Where people write about their data; the notice names the lead partner when absent.
    pub contact: Option<Email>,
    /// The licence public content may be reused under, as the partnership names it; Creative
    /// Commons Attribution 4.0 (named in the reader's language) when absent.
    pub content_licence: Option<String>,
    pub retention: Retention,
}

impl Privacy {
    /// Reads the keys through `get`; each bad value is added to `problems` (and its default
    /// kept, so that every problem is found in one pass).
    pub(super) fn read(get: &dyn Fn(&str) -> Option<String>, problems: &mut Vec<String>) -> Self {
        let defaults = Retention::default();
        let mut period = |key: &str, unit: Unit, range: (u64, u64), default: Duration| {
            parse_or(problems, key, get(key), Some(default), |v| {
                v.parse::<u64>()
                    .ok()
                    .filter(|n| (range.0..=range.1).contains(n))
                    .map(|n| Duration::from_secs(n * unit.seconds()))
                    .ok_or_else(|| format!("`{v}` is not a number of {} from {} to {}", unit.name(), range.0, range.1))
            })
            .unwrap_or(default)
        };
        let retention = Retention {
            sessions: period("MFX_RETAIN_SESSIONS_DAYS", Unit::Days, (1, 365), defaults.sessions),
            sign_in_attempts: period(
                "MFX_RETAIN_SIGN_IN_ATTEMPTS_HOURS",
                Unit::Hours,
                (1, 720),
                defaults.sign_in_attempts,
            ),
            // Two weeks at least: the digest scheduler reads the last period it queued for each
            // account, and the longest period is a week.
            digests: period("MFX_RETAIN_DIGESTS_DAYS", Unit::Days, (14, 3650), defaults.digests),
            account_changes: period("MFX_RETAIN_ACCOUNT_CHANGES_DAYS", Unit::Days, (1, 3650), defaults.account_changes),
            calendar_tokens: period("MFX_RETAIN_CALENDAR_TOKENS_DAYS", Unit::Days, (1, 3650), defaults.calendar_tokens),
        };
        let controller = get("MFX_PRIVACY_CONTROLLER").and_then(|text| {
            let text = text.trim().replace("\r\n", "\n");
            let control = text.chars().any(|c| c.is_control() && c != '\n');
            if control || text.chars().count() > 500 {
                problems.push(
                    "MFX_PRIVACY_CONTROLLER is not a name and address of at most 500 characters (lines may be \
                     separated by line breaks)"
                        .to_owned(),
                );
                None
            } else {
                Some(text)
            }
        });
        let contact = parse_or(problems, "MFX_PRIVACY_CONTACT", get("MFX_PRIVACY_CONTACT"), Some(None), |v| {
            Email::parse(v).map(Some).map_err(|e| format!("`{v}` is not an email address: {}", e.message))
        })
        .flatten();
        let content_licence = parse_or(problems, "MFX_CONTENT_LICENCE", get("MFX_CONTENT_LICENCE"), Some(None), |v| {
            if v.chars().count() > 200 || v.chars().any(char::is_control) {
                Err("is not a licence name of at most 200 characters on one line".to_owned())
            } else {
                Ok(Some(v.to_owned()))
            }
        })
        .flatten();
        Self { controller, contact, content_licence, retention }
    }
}

#[derive(Debug, Clone, Copy)]
enum Unit {
    Hours,
    Days,
}

impl Unit {
    fn seconds(self) -> u64 {
        match self {
            Unit::Hours => 3600,
            Unit::Days => DAY,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Unit::Hours => "hours",
            Unit::Days => "days",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> (Privacy, Vec<String>) {
        let values: HashMap<String, String> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let mut problems = Vec::new();
        let privacy = Privacy::read(&|key| values.get(key).cloned(), &mut problems);
        (privacy, problems)
    }

    #[test]
    fn the_defaults_are_those_the_notice_documents() {
        let (privacy, problems) = read(&[]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(privacy, Privacy::default());
        assert_eq!(privacy.retention.sessions, Duration::from_secs(7 * DAY));
        assert_eq!(privacy.retention.sign_in_attempts, Duration::from_secs(DAY));
        assert_eq!(privacy.retention.digests, Duration::from_secs(90 * DAY));
    }

    #[test]
    fn periods_are_whole_units_within_their_range() {
        let (privacy, problems) =
            read(&[("MFX_RETAIN_SIGN_IN_ATTEMPTS_HOURS", "6"), ("MFX_RETAIN_CALENDAR_TOKENS_DAYS", "10")]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(privacy.retention.sign_in_attempts, Duration::from_secs(6 * 3600));
        assert_eq!(privacy.retention.calendar_tokens, Duration::from_secs(10 * DAY));
        for (key, bad) in [
            ("MFX_RETAIN_SESSIONS_DAYS", "0"),
            ("MFX_RETAIN_SIGN_IN_ATTEMPTS_HOURS", "1.5"),
            ("MFX_RETAIN_DIGESTS_DAYS", "7"),
            ("MFX_RETAIN_ACCOUNT_CHANGES_DAYS", "forever"),
            ("MFX_RETAIN_CALENDAR_TOKENS_DAYS", "-1"),
        ] {
            let (_, problems) = read(&[(key, bad)]);
            assert_eq!(problems.len(), 1, "{key}={bad}: {problems:?}");
            assert!(problems[0].starts_with(key) && problems[0].contains(&format!("`{bad}`")), "{problems:?}");
        }
    }

    #[test]
    fn the_controller_contact_and_licence_are_checked() {
        let (privacy, problems) = read(&[
            ("MFX_PRIVACY_CONTROLLER", "Region Örebro län\nBox 1613, 701 16 Örebro, Sweden"),
            ("MFX_PRIVACY_CONTACT", "Dataskydd@Regionorebrolan.se"),
            ("MFX_CONTENT_LICENCE", "CC BY-SA 4.0"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(privacy.controller.as_deref(), Some("Region Örebro län\nBox 1613, 701 16 Örebro, Sweden"));
        assert_eq!(privacy.contact.as_ref().map(Email::as_str), Some("dataskydd@regionorebrolan.se"));
        assert_eq!(privacy.content_licence.as_deref(), Some("CC BY-SA 4.0"));
        let (_, problems) = read(&[
            ("MFX_PRIVACY_CONTACT", "the lead partner"),
            ("MFX_PRIVACY_CONTROLLER", "tab\there"),
            ("MFX_CONTENT_LICENCE", &"x".repeat(201)),
        ]);
        for key in ["MFX_PRIVACY_CONTACT", "MFX_PRIVACY_CONTROLLER", "MFX_CONTENT_LICENCE"] {
            assert!(problems.iter().any(|p| p.starts_with(key)), "{key} missing from {problems:?}");
        }
    }
}
