//! User accounts: emails, names, roles and passwords, parsed into types that cannot be invalid.

use crate::error::{Error, FieldError, Violations};
use crate::id::{PartnerId, UserId};
use crate::locale::Locale;
use crate::time_zone::TimeZone;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What an account may do; see [`crate::policy`] for the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Operators of the platform.
    Admin,
    /// The lead partner's staff: deliverables, periods, everyone's status.
    Coordinator,
    /// Partner staff who write their partner's documents and translate anyone's.
    Editor,
    /// Partner staff who read partnership-internal content.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Coordinator, Role::Editor, Role::Viewer];

    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Editor => "editor",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        Role::ALL.into_iter().find(|r| r.as_str() == value).ok_or_else(|| {
            FieldError::new(
                "",
                "unknown_role",
                format!("`{value}` is not a role; use admin, coordinator, editor or viewer"),
            )
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An email address, trimmed and lower-cased: two spellings of one address are one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        let email = value.trim().to_lowercase();
        let invalid = |message: &str| FieldError::new("", "invalid_email", message);
        if email.is_empty() {
            return Err(FieldError::new("", "required", "an email address is required"));
        }
        if email.len() > Self::MAX_LEN {
            return Err(FieldError::new("", "too_long", "an email address has at most 254 characters"));
        }
        let Some((local, domain)) = email.rsplit_once('@') else {
            return Err(invalid("an email address has the form name@example.org"));
        };
        let bad_char = |c: char| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | ',' | ';' | '"' | '(' | ')' | '[' | ']' | '\\')
        };
        if local.is_empty() || local.len() > 64 || local.contains('@') || local.chars().any(bad_char) {
            return Err(invalid("the part before @ is not a valid mailbox name"));
        }
        let labels_ok = domain
            .split('.')
            .all(|label| !label.is_empty() && label.len() <= 63 && !label.starts_with('-') && !label.ends_with('-'));
        if !labels_ok || domain.chars().any(|c| bad_char(c) || c == '_') {
            return Err(invalid("the part after @ is not a valid domain"));
        }
        Ok(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(|e| e.message)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> Self {
        value.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The name shown for an account: 1 to 100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        let name = value.trim();
        if name.is_empty() {
            return Err(FieldError::new("", "required", "a display name is required"));
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(FieldError::new("", "too_long", "a display name has at most 100 characters"));
        }
        if name.chars().any(char::is_control) {
            return Err(FieldError::new("", "invalid_characters", "a display name cannot contain control characters"));
        }
        Ok(Self(name.to_owned()))
    }

    /// A name derived from an email's mailbox, for accounts created without one.
    pub fn from_email(email: &Email) -> Self {
        let mailbox = email.as_str().split('@').next().unwrap_or_default();
        let name: String = mailbox.chars().take(Self::MAX_CHARS).collect();
        Self(if name.is_empty() { email.as_str().chars().take(Self::MAX_CHARS).collect() } else { name })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DisplayName {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(|e| e.message)
    }
}

impl From<DisplayName> for String {
    fn from(value: DisplayName) -> Self {
        value.0
    }
}

/// A new password that meets the policy: 12 characters or more, at most 1024 bytes, and hard to
/// guess by the zxcvbn strength estimator (score 3 of 4: beyond 10^10 guesses). Its `Debug`
/// never shows the text.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 12;
    /// Bounded so that hashing cannot be used to exhaust the server.
    pub const MAX_BYTES: usize = 1024;

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        Self::parse_for(value, &[])
    }

    /// Checks a password for an account; `personal` holds what the account is known by (email,
    /// name), which a password should not be built from.
    pub fn parse_for(value: &str, personal: &[&str]) -> Result<Self, FieldError> {
        if value.chars().count() < Self::MIN_CHARS {
            return Err(FieldError::new("", "too_short", "a password has at least 12 characters"));
        }
        if value.len() > Self::MAX_BYTES {
            return Err(FieldError::new("", "too_long", "a password has at most 1024 bytes"));
        }
        let mut inputs: Vec<&str> = Vec::new();
        for text in personal.iter().filter(|t| !t.trim().is_empty()) {
            inputs.push(text);
            // The parts of an email address and of a name are guessed one by one too.
            inputs.extend(text.split(['@', '.', ' ', '-', '_', '+']).filter(|part| part.chars().count() >= 3));
        }
        let estimate = zxcvbn::zxcvbn(value, &inputs);
        if estimate.score() >= zxcvbn::Score::Three {
            return Ok(Self(value.to_owned()));
        }
        let warning = estimate.feedback().and_then(zxcvbn::feedback::Feedback::warning);
        Err(weakness(warning))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The refusal for a password that is easy to guess, by what made it so.
fn weakness(warning: Option<zxcvbn::feedback::Warning>) -> FieldError {
    use zxcvbn::feedback::Warning as W;
    let (code, message) = match warning {
        Some(W::ThisIsATop10Password | W::ThisIsATop100Password | W::ThisIsACommonPassword) => {
            ("weak_password_common", "this is one of the most used passwords")
        }
        Some(W::ThisIsSimilarToACommonlyUsedPassword) => {
            ("weak_password_common", "this is close to one of the most used passwords")
        }
        Some(W::SequencesLikeAbcAreEasyToGuess) => {
            ("weak_password_sequence", "sequences such as abc or 1234 are easy to guess")
        }
        Some(W::RepeatsLikeAaaAreEasyToGuess | W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess) => {
            ("weak_password_repeated", "repeated characters or words are easy to guess")
        }
        Some(W::StraightRowsOfKeysAreEasyToGuess | W::ShortKeyboardPatternsAreEasyToGuess) => {
            ("weak_password_keyboard", "rows and patterns of keys are easy to guess")
        }
        Some(W::RecentYearsAreEasyToGuess | W::DatesAreOftenEasyToGuess) => {
            ("weak_password_dates", "dates and years are easy to guess")
        }
        Some(W::AWordByItselfIsEasyToGuess) => ("weak_password_word", "a single word is easy to guess"),
        Some(W::NamesAndSurnamesByThemselvesAreEasyToGuess | W::CommonNamesAndSurnamesAreEasyToGuess) => {
            ("weak_password_names", "names are easy to guess")
        }
        _ => ("too_weak", "this password is easy to guess; add a few more uncommon words"),
    };
    FieldError::new("", code, message)
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(**redacted**)")
    }
}

/// A stored account, without its password hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: UserId,
    pub email: Email,
    pub display_name: DisplayName,
    pub partner: PartnerId,
    pub role: Role,
    pub locale: Locale,
    pub time_zone: TimeZone,
    pub active: bool,
    pub password_change_required: bool,
}

/// A validated request to create an account; the partner is resolved by the caller.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: Email,
    pub display_name: DisplayName,
    pub partner: PartnerId,
    pub role: Role,
    pub locale: Locale,
    pub time_zone: TimeZone,
}

/// The unvalidated fields of an account creation, as they arrive from a form, the API or the CLI.
#[derive(Debug, Clone, Default)]
pub struct AccountInput<'a> {
    pub email: &'a str,
    pub display_name: Option<&'a str>,
    pub role: &'a str,
    pub locale: Option<&'a str>,
    pub time_zone: Option<&'a str>,
}

impl NewAccount {
    /// Checks every field and reports all failures together. Missing language and time zone
    /// default to the partner's.
    pub fn parse(
        input: &AccountInput<'_>,
        partner: PartnerId,
        partner_locale: Locale,
        partner_time_zone: &TimeZone,
    ) -> Result<Self, Error> {
        let mut violations = Violations::new();
        let email = violations.check("email", Email::parse(input.email));
        let display_name = match input.display_name {
            Some(name) => violations.check("display_name", DisplayName::parse(name)),
            None => email.as_ref().map(DisplayName::from_email),
        };
        let role = violations.check("role", Role::parse(input.role));
        let locale = match input.locale {
            Some(tag) => violations.check("language", Locale::parse_field(tag)),
            None => Some(partner_locale),
        };
        let time_zone = match input.time_zone {
            Some(name) => violations.check("time_zone", TimeZone::parse(name)),
            None => Some(partner_time_zone.clone()),
        };
        match (email, display_name, role, locale, time_zone) {
            (Some(email), Some(display_name), Some(role), Some(locale), Some(time_zone)) if violations.is_empty() => {
                Ok(Self { email, display_name, partner, role, locale, time_zone })
            }
            _ => Err(Error::Invalid(violations)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::test_locale;
    use uuid::Uuid;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse("  Ana.Popescu@Example.RO ").map(|e| e.0), Ok("ana.popescu@example.ro".into()));
        assert!(Email::parse("admin@localhost").is_ok());
        for bad in
            ["", "plain", "@example.org", "a@", "a b@example.org", "a@exa mple.org", "a@-x.org", "a@x..org", "a@b@c"]
        {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert_eq!(Email::parse(&long).err().map(|e| e.code), Some("too_long"));
    }

    #[test]
    fn display_names_are_trimmed_and_bounded() {
        assert_eq!(DisplayName::parse("  Maja Novak ").map(|n| n.0), Ok("Maja Novak".into()));
        assert_eq!(DisplayName::parse(" ").err().map(|e| e.code), Some("required"));
        assert_eq!(DisplayName::parse(&"x".repeat(101)).err().map(|e| e.code), Some("too_long"));
        assert_eq!(DisplayName::parse("a\u{7}b").err().map(|e| e.code), Some("invalid_characters"));
        assert!(DisplayName::parse(&"ö".repeat(100)).is_ok());
    }

    #[test]
    fn passwords_follow_the_policy_and_never_print() {
        assert_eq!(Password::parse("short").err().map(|e| e.code), Some("too_short"));
        assert_eq!(Password::parse("aaaaaaaaaaaaaaa").err().map(|e| e.code), Some("weak_password_repeated"));
        assert_eq!(Password::parse("passwordpassword").err().map(|e| e.code), Some("weak_password_repeated"));
        assert_eq!(Password::parse("123456789012").err().map(|e| e.code), Some("weak_password_sequence"));
        assert_eq!(Password::parse("zxcvbnm,./asdfg").err().map(|e| e.code), Some("weak_password_keyboard"));
        let personal = Password::parse_for("maja.novak@example.si", &["maja.novak@example.si", "Maja Novak"]);
        assert!(personal.is_err(), "a password made of the account's own email is refused");
        assert_eq!(Password::parse(&"ab".repeat(600)).err().map(|e| e.code), Some("too_long"));
        let password = Password::parse("correct horse battery staple").ok();
        assert!(password.is_some());
        assert!(!format!("{password:?}").contains("horse"));
    }

    #[test]
    fn roles_parse_from_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert_eq!(Role::parse("Admin").err().map(|e| e.code), Some("unknown_role"));
    }

    #[test]
    fn new_account_reports_every_bad_field_and_defaults_to_the_partner() {
        let partner = PartnerId::from_uuid(Uuid::nil());
        let tz = TimeZone::parse("Europe/Rome").expect("valid zone");
        let bad = AccountInput {
            email: "nope",
            display_name: Some(""),
            role: "boss",
            locale: Some("de"),
            time_zone: Some("Rome"),
        };
        let Err(Error::Invalid(violations)) = NewAccount::parse(&bad, partner, test_locale("it"), &tz) else {
            panic!("invalid input must be rejected");
        };
        let fields: Vec<_> = violations.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["email", "display_name", "role", "language", "time_zone"]);

        let good = AccountInput { email: "Luca@Bologna.IT", role: "editor", ..Default::default() };
        let account = NewAccount::parse(&good, partner, test_locale("it"), &tz).expect("valid input");
        assert_eq!(account.email.as_str(), "luca@bologna.it");
        assert_eq!(account.display_name.as_str(), "luca");
        assert_eq!((account.locale, account.time_zone.as_str()), (test_locale("it"), "Europe/Rome"));
    }
}
