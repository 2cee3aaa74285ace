//! Dates, numbers and language names as each language writes them, from CLDR through ICU4X's
//! compiled data. Each language is formatted with its seed's formatting locale (`en-GB` for
//! English here), so a new language needs no code.

use crate::messages::{Arg, Translator};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use icu_calendar::Gregorian;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{M, YM, YMD};
use icu_datetime::input::Date;
use icu_datetime::options::YearStyle;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::displaynames::multi::{LanguageDisplayNames, RegionDisplayNames};
use mfx_domain::Locale;
use std::collections::HashMap;
use std::hash::Hash;
use std::str::FromStr;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// The ICU locale of a language's formatting tag; the root locale if ICU cannot read it
/// (the seed checker has refused malformed tags already).
pub(crate) fn icu_locale(locale: Locale) -> icu_locale_core::Locale {
    icu_locale_core::Locale::try_from_str(locale.formatting()).unwrap_or(icu_locale_core::Locale::UNKNOWN)
}

/// A cache of formatters, built once per key: building one loads its data.
struct Cache<K, V>(LazyLock<Mutex<HashMap<K, Arc<V>>>>);

impl<K: Eq + Hash + Copy, V> Cache<K, V> {
    const fn new() -> Self {
        Self(LazyLock::new(|| Mutex::new(HashMap::new())))
    }

    fn get(&self, key: K, build: impl FnOnce() -> Option<V>) -> Option<Arc<V>> {
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = map.get(&key) {
            return Some(Arc::clone(found));
        }
        let built = Arc::new(build()?);
        map.insert(key, Arc::clone(&built));
        Some(built)
    }
}

static DATES: Cache<Locale, FixedCalendarDateTimeFormatter<Gregorian, YMD>> = Cache::new();
static MONTHS: Cache<Locale, FixedCalendarDateTimeFormatter<Gregorian, M>> = Cache::new();
static MONTH_YEARS: Cache<Locale, FixedCalendarDateTimeFormatter<Gregorian, YM>> = Cache::new();
static SHORT_DATES: Cache<Locale, FixedCalendarDateTimeFormatter<Gregorian, YMD>> = Cache::new();
static NUMBERS: Cache<Locale, DecimalFormatter> = Cache::new();
static NAMES: Cache<Locale, LanguageDisplayNames> = Cache::new();
static COUNTRIES: Cache<Locale, RegionDisplayNames> = Cache::new();

/// "27 November 2026", "27. november 2026" (Slovenian), "30 listopada 2026" (Polish): CLDR's
/// long date. Should ICU have no formatter, the ISO date is shown rather than nothing.
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    let formatter =
        DATES.get(locale, || FixedCalendarDateTimeFormatter::try_new(icu_locale(locale).into(), YMD::long()).ok());
    let month = u8::try_from(date.month()).unwrap_or(1);
    let day = u8::try_from(date.day()).unwrap_or(1);
    match (formatter, Date::try_new_gregorian(date.year(), month, day)) {
        (Some(formatter), Ok(icu_date)) => formatter.format(&icu_date).to_string(),
        _ => date.to_string(),
    }
}

fn icu_date(date: NaiveDate) -> Option<Date<Gregorian>> {
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    Date::try_new_gregorian(date.year(), month, day).ok()
}

/// The month of a date, abbreviated as CLDR writes it standing alone ("Jan", "janv.", "gen"),
/// for the ticks of a date axis; the month's number should ICU have no formatter.
pub fn format_month(locale: Locale, date: NaiveDate) -> String {
    let formatter =
        MONTHS.get(locale, || FixedCalendarDateTimeFormatter::try_new(icu_locale(locale).into(), M::medium()).ok());
    match (formatter, icu_date(date)) {
        (Some(formatter), Some(icu_date)) => formatter.format(&icu_date).to_string(),
        _ => date.month().to_string(),
    }
}

/// A month and its year ("January 2027", "janvier 2027"), as CLDR writes them; the year and
/// month's numbers should ICU have no formatter.
pub fn format_month_year(locale: Locale, date: NaiveDate) -> String {
    let formatter =
        MONTH_YEARS.get(locale, || FixedCalendarDateTimeFormatter::try_new(icu_locale(locale).into(), YM::long()).ok());
    match (formatter, icu_date(date)) {
        (Some(formatter), Some(icu_date)) => formatter.format(&icu_date).to_string(),
        _ => format!("{}/{}", date.month(), date.year()),
    }
}

/// The date in figures with the full year, as the language's spreadsheet programs read a typed
/// date: "30/11/2026" (French, Italian, English as written in Britain), "30.11.2026" (Romanian,
/// Slovenian), "2026-11-30" (Swedish). CLDR's short date with the century kept and its spaces
/// dropped ("30. 11. 2026" is read back as text); the ISO date should ICU have no formatter.
pub fn numeric_date(locale: Locale, date: NaiveDate) -> String {
    let formatter = SHORT_DATES.get(locale, || {
        FixedCalendarDateTimeFormatter::try_new(
            icu_locale(locale).into(),
            YMD::short().with_year_style(YearStyle::Full),
        )
        .ok()
    });
    let month = u8::try_from(date.month()).unwrap_or(1);
    let day = u8::try_from(date.day()).unwrap_or(1);
    match (formatter, Date::try_new_gregorian(date.year(), month, day)) {
        (Some(formatter), Ok(icu_date)) => {
            formatter.format(&icu_date).to_string().chars().filter(|c| !c.is_whitespace() && *c != '\u{200f}').collect()
        }
        _ => date.to_string(),
    }
}

/// The language's decimal mark as CLDR gives it: `.` or `,` (the mark between the units and
/// the tenths of one and a half).
pub fn decimal_mark(locale: Locale) -> char {
    format_number(locale, 1.5, 1).chars().find(|c| !c.is_ascii_digit()).unwrap_or('.')
}

/// A moment in the reader's time zone: "27 November 2026, 08:00 CET". The date comes from
/// CLDR, the time is HH:MM with the zone's abbreviation, and the language's `datetime`
/// message joins them ("28 mars 2026 à 08:30 CET").
pub fn format_datetime(locale: Locale, at: DateTime<Utc>, zone: chrono_tz::Tz) -> String {
    let local = at.with_timezone(&zone);
    let date = format_date(locale, local.date_naive());
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    let zone = local.format("%Z").to_string();
    Translator::new(locale)
        .args("datetime", &[("date", Arg::from(date)), ("time", Arg::from(time)), ("zone", Arg::from(zone))])
}

/// Grouped digits, the decimal mark and the minus sign of the language (CLDR): 1,234.5 ·
/// 1 234,5 · 1.234,5 · −1 500.
pub fn format_number(locale: Locale, value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value);
    let formatter =
        NUMBERS.get(locale, || DecimalFormatter::try_new(icu_locale(locale).into(), Default::default()).ok());
    match (formatter, Decimal::from_str(&text)) {
        (Some(formatter), Ok(mut number)) => {
            // "-0" after rounding is shown as "0", as people write it.
            if number.is_zero() {
                number = Decimal::from_str(text.trim_start_matches('-')).unwrap_or(number);
            }
            formatter.format(&number).to_string()
        }
        _ => text,
    }
}

/// The name of language `of` in language `in_language` as CLDR writes it (French writes
/// "anglais" in lower case); the code itself when CLDR has no name for it.
pub fn language_name(of: Locale, in_language: Locale) -> String {
    let names = NAMES.get(in_language, || {
        LanguageDisplayNames::try_new(icu_locale(in_language).into(), DisplayNamesOptions::default()).ok()
    });
    let language = icu_locale_core::subtags::Language::try_from_str(of.as_str()).ok();
    match (names, language) {
        (Some(names), Some(language)) => names.of(language).map_or_else(|| of.as_str().to_owned(), str::to_owned),
        _ => of.as_str().to_owned(),
    }
}

/// The name of the country with ISO 3166 code `code` (`RO`) in `in_language` as CLDR writes
/// it ("Roumanie"); the code itself when CLDR has no name for it.
pub fn country_name(code: &str, in_language: Locale) -> String {
    let names = COUNTRIES.get(in_language, || {
        RegionDisplayNames::try_new(icu_locale(in_language).into(), DisplayNamesOptions::default()).ok()
    });
    let region = icu_locale_core::subtags::Region::try_from_str(code).ok();
    match (names, region) {
        (Some(names), Some(region)) => names.of(region).map_or_else(|| code.to_owned(), str::to_owned),
        _ => code.to_owned(),
    }
}

/// A language's name in itself, capitalised as a switcher or a label shows it: "Français".
pub fn endonym(locale: Locale) -> String {
    capitalised(&language_name(locale, locale))
}

/// The text with its first letter in upper case, for a name that starts a label.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfx_domain::locale::test_locale as l;

    #[test]
    fn dates_follow_each_language() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
        assert_eq!(format_date(l("en"), date), "27 November 2026");
        assert_eq!(format_date(l("fr"), date), "27 novembre 2026");
        assert_eq!(format_date(l("it"), date), "27 novembre 2026");
        assert_eq!(format_date(l("ro"), date), "27 noiembrie 2026");
        assert_eq!(format_date(l("sl"), date), "27. november 2026");
        assert_eq!(format_date(l("sv"), NaiveDate::from_ymd_opt(2026, 8, 3).expect("date")), "3 augusti 2026");
    }

    #[test]
    fn months_follow_each_language() {
        let date = NaiveDate::from_ymd_opt(2027, 1, 15).expect("date");
        assert_eq!(format_month_year(l("en"), date), "January 2027");
        assert_eq!(format_month_year(l("fr"), date), "janvier 2027");
        for lang in ["en", "fr", "it", "ro", "sl", "sv"] {
            let month = format_month(l(lang), date);
            assert!(!month.is_empty() && !month.chars().all(|c| c.is_ascii_digit()), "{lang}: {month}");
        }
        assert_ne!(format_month(l("en"), date), format_month(l("fr"), date));
    }

    #[test]
    fn figures_dates_are_what_spreadsheets_read() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 7).expect("date");
        assert_eq!(numeric_date(l("fr"), date), "07/03/2026");
        assert_eq!(numeric_date(l("it"), date), "07/03/2026");
        assert_eq!(numeric_date(l("ro"), date), "07.03.2026");
        assert_eq!(numeric_date(l("sl"), date), "7.03.2026");
        assert_eq!(numeric_date(l("sv"), date), "2026-03-07");
        assert_eq!(numeric_date(l("en"), date), "07/03/2026");
    }

    #[test]
    fn decimal_marks_come_from_cldr() {
        assert_eq!(decimal_mark(l("en")), '.');
        for comma in ["fr", "it", "ro", "sl", "sv"] {
            assert_eq!(decimal_mark(l(comma)), ',', "{comma}");
        }
    }

    #[test]
    fn times_are_shown_in_the_readers_zone() {
        let at = DateTime::parse_from_rfc3339("2026-03-29T07:30:00Z").expect("time").with_timezone(&Utc);
        // The morning Europe switches to summer time.
        assert_eq!(format_datetime(l("sv"), at, chrono_tz::Europe::Stockholm), "29 mars 2026, 09:30 CEST");
        assert_eq!(format_datetime(l("ro"), at, chrono_tz::Europe::Bucharest), "29 martie 2026, ora 10:30 EEST");
        assert_eq!(format_datetime(l("it"), at, chrono_tz::Europe::Rome), "29 marzo 2026, ore 09:30 CEST");
        assert_eq!(format_datetime(l("sl"), at, chrono_tz::Europe::Ljubljana), "29. marec 2026 ob 09:30 CEST");
        assert_eq!(format_datetime(l("en"), at, chrono_tz::Europe::London), "29 March 2026, 08:30 BST");
        let winter = DateTime::parse_from_rfc3339("2026-03-28T07:30:00Z").expect("time").with_timezone(&Utc);
        assert_eq!(format_datetime(l("fr"), winter, chrono_tz::Europe::Paris), "28 mars 2026 à 08:30 CET");
    }

    #[test]
    fn numbers_use_each_languages_marks() {
        assert_eq!(format_number(l("en"), 1_234_567.891, 2), "1,234,567.89");
        assert_eq!(format_number(l("fr"), 1_234.5, 1), "1\u{202f}234,5");
        assert_eq!(format_number(l("it"), 12_000.0, 0), "12.000");
        assert_eq!(format_number(l("sl"), 94.5, 1), "94,5");
        // CLDR: Swedish groups with a no-break space and writes the minus sign U+2212.
        assert_eq!(format_number(l("sv"), -1_500.0, 0), "\u{2212}1\u{a0}500");
        assert_eq!(format_number(l("ro"), 999.0, 0), "999");
        assert_eq!(format_number(l("en"), -0.001, 1), "0.0");
    }

    #[test]
    fn country_names_come_from_cldr() {
        assert_eq!(country_name("RO", l("en")), "Romania");
        assert_eq!(country_name("RO", l("fr")), "Roumanie");
        assert_eq!(country_name("SE", l("sl")), "Švedska");
        assert_eq!(country_name("??", l("en")), "??");
    }

    #[test]
    fn language_names_come_from_cldr() {
        assert_eq!(language_name(l("fr"), l("en")), "French");
        assert_eq!(language_name(l("en"), l("fr")), "anglais");
        assert_eq!(language_name(l("sv"), l("sl")), "švedščina");
        assert_eq!(endonym(l("fr")), "Français");
        assert_eq!(endonym(l("sl")), "Slovenščina");
        assert_eq!(endonym(l("ro")), "Română");
        assert_eq!(endonym(l("en")), "English");
    }
}
