//! The MICROFUTURE Exchange model: identifiers, languages, partners, accounts, the permission
//! policy and the rules that keep them valid. Pure: no database, no network, no clock.

pub mod account;
pub mod content;
pub mod digest;
pub mod document;
pub mod error;
pub mod fields;
pub mod id;
pub mod locale;
pub mod merge;
pub mod partner;
pub mod policy;
pub mod schema;
pub mod search;
pub mod seed;
pub mod throttle;
pub mod time_zone;
pub mod tracking;
pub mod vocabulary;
pub mod word_diff;

pub use account::{DisplayName, Email, NewAccount, Password, Role};
pub use error::{Error, FieldError, Violations};
pub use id::{PartnerId, UserId};
pub use locale::Locale;
pub use partner::{Partner, PartnerKind, PartnerSlug};
pub use time_zone::TimeZone;
