//! The platform's languages: Fluent messages compiled in from `locales/`, language
//! negotiation, fallback chains, and dates and numbers written the way each language writes
//! them.

pub mod check;
mod format;
mod messages;
mod negotiate;

pub use format::{capitalised, country_name, endonym, format_date, format_datetime, format_number, language_name};
pub use messages::{Arg, LocalesDirError, Translator, languages_without_messages, load_locales_dir, loaded_languages};
pub use negotiate::{fallback_chain, negotiate, parse_accept_language};
