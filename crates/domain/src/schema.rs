//! The OpenAPI schemas of values whose rules live in this crate: what the parsers accept,
//! stated as patterns, lengths and enumerations so that the API document says what the server
//! enforces. Each is a named component, referenced with `#[schema(value_type = …)]`.

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

/// No control characters but line breaks and tabs (what `check_text` allows).
pub const PLAIN_TEXT: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

/// As [`PLAIN_TEXT`], with at least one character that is not white space.
pub const FILLED_TEXT: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*\
                               [^\\s\\u0000-\\u001F\\u007F-\\u009F]\
                               [^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

/// One line without any control character, with at least one character that is not white space.
pub const FILLED_LINE: &str =
    "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$";

/// A partner's slug: lower-case letters and digits in groups joined by single hyphens.
pub const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// An http or https address in printable ASCII without spaces, quotes or angle brackets (and
/// more than `https://`).
pub const URL: &str = "^[Hh][Tt][Tt][Pp]([Ss]://[!#-;=?-~]+|://[!#-;=?-~]{2,})$";

/// As [`URL`], or nothing (white space only is nothing).
pub const OPTIONAL_URL: &str = "^[ \\t\\n\\r]*$|^[Hh][Tt][Tt][Pp]([Ss]://[!#-;=?-~]+|://[!#-;=?-~]{2,})$";

/// An email address (ASCII): what `Email::parse` accepts.
pub const EMAIL: &str = r"^[!#-'*+\-.-:=?A-Z^-~]{1,64}@[!#-'*+/-:=?A-Z^`-~]([!#-'*+\-/-:=?A-Z^`-~]{0,61}[!#-'*+/-:=?A-Z^`-~])?(\.[!#-'*+/-:=?A-Z^`-~]([!#-'*+\-/-:=?A-Z^`-~]{0,61}[!#-'*+/-:=?A-Z^`-~])?)*$";

fn string(pattern: &str, min: Option<usize>, max: usize) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).pattern(Some(pattern)).min_length(min).max_length(Some(max))
}

macro_rules! named_schema {
    ($(#[$meta:meta])* $name:ident => $schema:expr) => {
        $(#[$meta])*
        pub struct $name;

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                $schema.into()
            }
        }

        impl ToSchema for $name {}
    };
}

named_schema!(
    /// A title: 1 to 200 characters once trimmed, no control characters but line breaks.
    Title => string(FILLED_TEXT, None, crate::content::TITLE_MAX)
);
named_schema!(
    /// A Markdown text of up to 20 000 characters; empty is allowed.
    MarkdownText => string(PLAIN_TEXT, None, crate::content::TEXT_MAX)
);
named_schema!(
    /// A short text (a name, a place) of up to 300 characters; empty is allowed.
    ShortText => string(PLAIN_TEXT, None, crate::content::SHORT_MAX)
);
named_schema!(
    /// A short text that must not be empty.
    RequiredShortText => string(FILLED_TEXT, None, crate::content::SHORT_MAX)
);
named_schema!(
    /// A partner's slug (2 to 64 characters).
    PartnerSlugText => string(SLUG, Some(2), 64)
);
named_schema!(
    /// An http or https address of up to 2000 characters.
    Url => string(URL, None, 2000)
);
named_schema!(
    /// An http or https address of up to 2000 characters, or empty for none.
    OptionalUrl => string(OPTIONAL_URL, None, 2000)
);
named_schema!(
    /// An email address in ASCII, or empty for none.
    OptionalEmailText => string(&format!("^$|{EMAIL}"), None, crate::account::Email::MAX_LEN)
);
named_schema!(
    /// The name shown for an account: 1 to 100 characters, no control characters.
    DisplayNameText => string(FILLED_LINE, None, crate::account::DisplayName::MAX_CHARS)
);
named_schema!(
    /// An email address in ASCII: a mailbox name, @, and a domain of dot-separated labels.
    EmailText => string(EMAIL, None, crate::account::Email::MAX_LEN)
);
named_schema!(
    /// An IANA time zone, by its canonical name or an alias.
    TimeZoneName => ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())))
);
