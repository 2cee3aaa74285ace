//! The platform's languages: Fluent messages compiled in from `locales/`, language
//! negotiation, fallback chains, and dates and numbers written the way each language writes
//! them.

mod format;
mod messages;
mod negotiate;

pub use format::{format_date, format_datetime, format_number};
pub use messages::{Arg, Translator, loaded_languages};
pub use negotiate::{fallback_chain, negotiate, parse_accept_language};
