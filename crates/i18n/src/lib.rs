//! The platform's languages: Fluent messages compiled in from `locales/`, language
//! negotiation, fallback chains, and dates and numbers written the way each language writes
//! them.

pub mod check;
mod format;
mod messages;
mod negotiate;
mod zones;

pub use format::{
    capitalised, country_name, decimal_mark, endonym, format_date, format_datetime, format_month, format_month_year,
    format_number, language_name, numeric_date,
};
pub use messages::{Arg, LocalesDirError, Translator, languages_without_messages, load_locales_dir, loaded_languages};
pub use negotiate::{fallback_chain, negotiate, parse_accept_language};
pub use zones::{
    UTC, ZoneChoice, ZoneGroup, ZoneList, convert_local, format_local_range, format_zoned_range, zone_city, zone_list,
    zone_location,
};
