//! iCalendar (RFC 5545) output: events with local times and the VTIMEZONE definitions they
//! need, lines folded at 75 octets, CRLF line ends.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use std::collections::BTreeSet;

/// An event of the feed.
#[derive(Debug, Clone)]
pub enum Event {
    /// A whole-day deadline.
    Deadline { uid: String, day: NaiveDate, summary: String, description: String, url: String },
    /// A meeting at local times in its time zone.
    Meeting {
        uid: String,
        starts: NaiveDateTime,
        ends: NaiveDateTime,
        zone: chrono_tz::Tz,
        summary: String,
        location: String,
        url: String,
    },
}

/// A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped; every line break
/// (CRLF, a lone CR or a lone LF) written as `\n`; other control characters, which TEXT may not
/// hold, dropped. Nothing of the text can end the content line or start a property.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// A VTIMEZONE for zones that follow the European daylight-saving rules (changes at 01:00 UTC on
/// the last Sundays of March and October), or that have no daylight saving.
fn vtimezone(zone: chrono_tz::Tz, lines: &mut Vec<String>) {
    let year = 2024;
    let offset_at = |month: u32| {
        zone.from_utc_datetime(
            &NaiveDate::from_ymd_opt(year, month, 15).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap_or_default(),
        )
        .offset()
        .fix()
        .local_minus_utc()
    };
    let (standard, daylight) = (offset_at(1), offset_at(7));
    lines.push("BEGIN:VTIMEZONE".into());
    lines.push(format!("TZID:{}", zone.name()));
    if standard == daylight {
        lines.push("BEGIN:STANDARD".into());
        lines.push("DTSTART:19700101T000000".into());
        lines.push(format!("TZOFFSETFROM:{}", offset_text(standard)));
        lines.push(format!("TZOFFSETTO:{}", offset_text(standard)));
        lines.push("END:STANDARD".into());
    } else {
        // Local time of 01:00 UTC, before each change.
        let local = |offset: i32| {
            let minutes = 60 + offset / 60;
            format!("{:02}{:02}00", minutes / 60, minutes % 60)
        };
        lines.push("BEGIN:DAYLIGHT".into());
        lines.push(format!("DTSTART:19700329T{}", local(standard)));
        lines.push("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".into());
        lines.push(format!("TZOFFSETFROM:{}", offset_text(standard)));
        lines.push(format!("TZOFFSETTO:{}", offset_text(daylight)));
        lines.push("END:DAYLIGHT".into());
        lines.push("BEGIN:STANDARD".into());
        lines.push(format!("DTSTART:19701025T{}", local(daylight)));
        lines.push("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".into());
        lines.push(format!("TZOFFSETFROM:{}", offset_text(daylight)));
        lines.push(format!("TZOFFSETTO:{}", offset_text(standard)));
        lines.push("END:STANDARD".into());
    }
    lines.push("END:VTIMEZONE".into());
}

/// The whole calendar.
pub fn calendar(name: &str, events: &[Event], now: DateTime<Utc>) -> String {
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//MICROFUTURE Exchange//mfx//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    let zones: BTreeSet<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::Meeting { zone, .. } => Some(zone.name()),
            Event::Deadline { .. } => None,
        })
        .collect();
    for zone in zones {
        if let Ok(tz) = zone.parse::<chrono_tz::Tz>() {
            vtimezone(tz, &mut lines);
        }
    }
    for event in events {
        lines.push("BEGIN:VEVENT".into());
        match event {
            Event::Deadline { uid, day, summary, description, url } => {
                lines.push(format!("UID:{uid}"));
                lines.push(format!("DTSTAMP:{stamp}"));
                lines.push(format!("DTSTART;VALUE=DATE:{:04}{:02}{:02}", day.year(), day.month(), day.day()));
                let next = day.succ_opt().unwrap_or(*day);
                lines.push(format!("DTEND;VALUE=DATE:{:04}{:02}{:02}", next.year(), next.month(), next.day()));
                lines.push(format!("SUMMARY:{}", escape(summary)));
                if !description.is_empty() {
                    lines.push(format!("DESCRIPTION:{}", escape(description)));
                }
                lines.push(format!("URL:{url}"));
                lines.push("TRANSP:TRANSPARENT".into());
            }
            Event::Meeting { uid, starts, ends, zone, summary, location, url } => {
                lines.push(format!("UID:{uid}"));
                lines.push(format!("DTSTAMP:{stamp}"));
                lines.push(format!("DTSTART;TZID={}:{}", zone.name(), starts.format("%Y%m%dT%H%M%S")));
                lines.push(format!("DTEND;TZID={}:{}", zone.name(), ends.format("%Y%m%dT%H%M%S")));
                lines.push(format!("SUMMARY:{}", escape(summary)));
                if !location.is_empty() {
                    lines.push(format!("LOCATION:{}", escape(location)));
                }
                lines.push(format!("URL:{url}"));
            }
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_without_splitting_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        assert_eq!(escape("Kamnik\rLOCATION:x\r\ny\u{0}\u{7f}\tz"), "Kamnik\\nLOCATION:x\\ny\tz");
    }

    /// What a calendar client must read back for a text: line breaks of any kind are one
    /// line feed, and control characters other than tab (which iCalendar text may not hold) are
    /// gone.
    fn as_read(text: &str) -> String {
        text.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
            .collect()
    }

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        "[a-zé€😀 ,;:\\\\\r\n\t\u{0}\u{7f}\u{85}\"nN]{0,90}"
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_back_to_the_same_values(summary in text(), location in text(), name in text()) {
            let starts = NaiveDate::from_ymd_opt(2025, 5, 20).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or_default();
            let events = [
                Event::Meeting {
                    uid: "m1@mfx".into(),
                    starts,
                    ends: starts + chrono::Duration::hours(2),
                    zone: chrono_tz::Europe::Ljubljana,
                    summary: summary.clone(),
                    location: location.clone(),
                    url: "https://example.org/m1".into(),
                },
                Event::Deadline {
                    uid: "d1@mfx".into(),
                    day: starts.date(),
                    summary: location.clone(),
                    description: summary.clone(),
                    url: "https://example.org/d1".into(),
                },
            ];
            let feed = calendar(&name, &events, Utc::now());
            // Every line ends with CRLF, no CR or LF stands alone, and no line is longer than 75
            // octets.
            let lines = feed.strip_suffix("\r\n").unwrap_or_default().split("\r\n").collect::<Vec<_>>();
            for line in &lines {
                proptest::prop_assert!(!line.contains(['\r', '\n']), "a bare line break in {:?}", line);
                proptest::prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
            }
            let unfolded = icalendar::parser::unfold(&feed);
            let parsed = icalendar::parser::read_calendar(&unfolded);
            let parsed = parsed.map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e}: {feed:?}")))?;
            let value = |component: &str, property: &str| {
                parsed
                    .components
                    .iter()
                    .filter(|c| c.name == "VEVENT")
                    .flat_map(|c| c.properties.iter().map(move |p| (c, p)))
                    .find(|(c, p)| {
                        p.name == property
                            && c.properties.iter().any(|u| u.name == "UID" && u.val.as_str() == component)
                    })
                    .map(|(_, p)| p.val.as_str().to_owned())
            };
            proptest::prop_assert_eq!(value("m1@mfx", "SUMMARY"), Some(as_read(&summary)));
            let expected_location = (!location.is_empty()).then(|| as_read(&location));
            proptest::prop_assert_eq!(value("m1@mfx", "LOCATION"), expected_location);
            proptest::prop_assert_eq!(value("d1@mfx", "SUMMARY"), Some(as_read(&location)));
            let expected_description = (!summary.is_empty()).then(|| as_read(&summary));
            proptest::prop_assert_eq!(value("d1@mfx", "DESCRIPTION"), expected_description);
            let calendar_name = parsed.properties.iter().find(|p| p.name == "X-WR-CALNAME").map(|p| p.val.as_str().to_owned());
            proptest::prop_assert_eq!(calendar_name, Some(as_read(&name)));
        }
    }

    #[test]
    fn european_zones_get_daylight_rules() {
        let mut lines = Vec::new();
        vtimezone(chrono_tz::Europe::Bucharest, &mut lines);
        let text = lines.join("\n");
        assert!(text.contains("TZOFFSETFROM:+0200\nTZOFFSETTO:+0300"), "{text}");
        assert!(text.contains("DTSTART:19700329T030000"), "{text}");
        assert!(text.contains("DTSTART:19701025T040000"), "{text}");
    }
}
