//! Dates and numbers as each language writes them.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use mfx_domain::Locale;

const MONTHS: [[&str; 12]; 6] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    [
        "ianuarie",
        "februarie",
        "martie",
        "aprilie",
        "mai",
        "iunie",
        "iulie",
        "august",
        "septembrie",
        "octombrie",
        "noiembrie",
        "decembrie",
    ],
    [
        "januar",
        "februar",
        "marec",
        "april",
        "maj",
        "junij",
        "julij",
        "avgust",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
];

fn month(locale: Locale, number: u32) -> &'static str {
    let row = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    MONTHS[row][usize::try_from(number.saturating_sub(1)).unwrap_or(0).min(11)]
}

/// "27 November 2026", "27. november 2026" (Slovenian) …
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    let name = month(locale, date.month());
    match locale {
        Locale::Sl => format!("{}. {name} {}", date.day(), date.year()),
        _ => format!("{} {name} {}", date.day(), date.year()),
    }
}

/// A moment in the reader's time zone: "27 November 2026, 08:00 CET".
pub fn format_datetime(locale: Locale, at: DateTime<Utc>, zone: chrono_tz::Tz) -> String {
    let local = at.with_timezone(&zone);
    let separator = match locale {
        Locale::En | Locale::Sv => ", ",
        Locale::Fr => " à ",
        Locale::It => ", ore ",
        Locale::Ro => ", ora ",
        Locale::Sl => " ob ",
    };
    format!(
        "{}{separator}{:02}:{:02} {}",
        format_date(locale, local.date_naive()),
        local.hour(),
        local.minute(),
        local.format("%Z")
    )
}

/// Grouped digits and the language's decimal mark: 1,234.5 · 1 234,5 · 1.234,5.
pub fn format_number(locale: Locale, value: f64, decimals: usize) -> String {
    let (group, point) = match locale {
        Locale::En => (",", "."),
        Locale::Fr | Locale::Sv => ("\u{202f}", ","),
        Locale::It | Locale::Ro | Locale::Sl => (".", ","),
    };
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    if fraction.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}{point}{fraction}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_each_language() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
        assert_eq!(format_date(Locale::En, date), "27 November 2026");
        assert_eq!(format_date(Locale::Fr, date), "27 novembre 2026");
        assert_eq!(format_date(Locale::Ro, date), "27 noiembrie 2026");
        assert_eq!(format_date(Locale::Sl, date), "27. november 2026");
        assert_eq!(format_date(Locale::Sv, NaiveDate::from_ymd_opt(2026, 8, 3).expect("date")), "3 augusti 2026");
    }

    #[test]
    fn times_are_shown_in_the_readers_zone() {
        let at = DateTime::parse_from_rfc3339("2026-03-29T07:30:00Z").expect("time").with_timezone(&Utc);
        // The morning Europe switches to summer time.
        assert_eq!(format_datetime(Locale::Sv, at, chrono_tz::Europe::Stockholm), "29 mars 2026, 09:30 CEST");
        assert_eq!(format_datetime(Locale::Ro, at, chrono_tz::Europe::Bucharest), "29 martie 2026, ora 10:30 EEST");
        let winter = DateTime::parse_from_rfc3339("2026-03-28T07:30:00Z").expect("time").with_timezone(&Utc);
        assert_eq!(format_datetime(Locale::Fr, winter, chrono_tz::Europe::Paris), "28 mars 2026 à 08:30 CET");
    }

    #[test]
    fn numbers_use_each_languages_marks() {
        assert_eq!(format_number(Locale::En, 1_234_567.891, 2), "1,234,567.89");
        assert_eq!(format_number(Locale::Fr, 1_234.5, 1), "1\u{202f}234,5");
        assert_eq!(format_number(Locale::It, 12_000.0, 0), "12.000");
        assert_eq!(format_number(Locale::Sl, 94.5, 1), "94,5");
        assert_eq!(format_number(Locale::Sv, -1_500.0, 0), "-1\u{202f}500");
        assert_eq!(format_number(Locale::Ro, 999.0, 0), "999");
    }
}
