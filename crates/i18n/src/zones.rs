//! Time zones as people name them: the zones one may choose, each named by its city in the
//! reader's language and grouped by continent (CLDR through ICU4X), and a meeting's time range
//! written in the reader's language with its zone named by its place ("Bucharest Time").

use crate::format::{format_date, icu_locale};
use crate::messages::{Arg, Translator};
use chrono::{NaiveDateTime, TimeZone as _, Timelike, Utc};
use icu_collator::CollatorBorrowed;
use icu_collator::options::{CollatorOptions, Strength};
use icu_datetime::NoCalendarFormatter;
use icu_datetime::fieldsets::zone::ExemplarCity;
use icu_time::TimeZone;
use icu_time::zone::iana::IanaParserExtended;
use mfx_domain::Locale;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// The IANA areas people live in, with the message naming each area.
const AREAS: [(&str, &str); 8] = [
    ("Europe/", "zone-area-europe"),
    ("Africa/", "zone-area-africa"),
    ("America/", "zone-area-america"),
    ("Asia/", "zone-area-asia"),
    ("Atlantic/", "zone-area-atlantic"),
    ("Australia/", "zone-area-australia"),
    ("Indian/", "zone-area-indian"),
    ("Pacific/", "zone-area-pacific"),
];

/// The zone without a place.
pub const UTC: &str = "UTC";

/// A zone one may choose: its IANA name and what the reader reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneChoice {
    pub id: String,
    pub label: String,
}

/// The zones of one continent or ocean, named in the reader's language.
#[derive(Debug, Clone)]
pub struct ZoneGroup {
    pub label: String,
    pub zones: Vec<ZoneChoice>,
}

/// Every zone one may choose, in the reader's language: UTC, then the areas in the language's
/// alphabetical order, each with its cities in that order.
#[derive(Debug, Clone)]
pub struct ZoneList {
    pub utc: ZoneChoice,
    pub groups: Vec<ZoneGroup>,
}

impl ZoneList {
    /// Whether `id` is one of the zones offered.
    pub fn contains(&self, id: &str) -> bool {
        id == self.utc.id || self.groups.iter().any(|g| g.zones.iter().any(|z| z.id == id))
    }
}

static LISTS: LazyLock<Mutex<HashMap<Locale, Arc<ZoneList>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));
static CITIES: LazyLock<Mutex<HashMap<Locale, Arc<NoCalendarFormatter<ExemplarCity>>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The canonical IANA names of the zones people live in (no links such as Europe/Kiev, no
/// Etc/ or Antarctica/), as ICU and chrono-tz both know them.
fn canonical_zones() -> impl Iterator<Item = (&'static str, &'static str)> {
    IanaParserExtended::new().iter().filter_map(|z| {
        let area = AREAS.iter().find(|(prefix, _)| z.canonical.starts_with(prefix))?;
        z.canonical.parse::<chrono_tz::Tz>().ok()?;
        Some((z.canonical, area.1))
    })
}

/// The zones one may choose, named and sorted for `locale`; built once per language.
pub fn zone_list(locale: Locale) -> Arc<ZoneList> {
    if let Some(list) = LISTS.lock().unwrap_or_else(PoisonError::into_inner).get(&locale) {
        return Arc::clone(list);
    }
    let list = Arc::new(build_list(locale));
    LISTS.lock().unwrap_or_else(PoisonError::into_inner).insert(locale, Arc::clone(&list));
    list
}

fn collator(locale: Locale) -> Option<CollatorBorrowed<'static>> {
    let mut options = CollatorOptions::default();
    options.strength = Some(Strength::Tertiary);
    icu_collator::Collator::try_new(icu_locale(locale).into(), options).ok()
}

fn compare(collator: Option<&CollatorBorrowed<'_>>, a: &str, b: &str) -> Ordering {
    collator.map_or_else(|| a.cmp(b), |c| c.compare(a, b))
}

fn build_list(locale: Locale) -> ZoneList {
    let tr = Translator::new(locale);
    let collator = collator(locale);
    let mut groups: Vec<ZoneGroup> = Vec::new();
    for (id, area) in canonical_zones() {
        let label = tr.t(area);
        let choice = ZoneChoice { id: id.to_owned(), label: zone_city(locale, id) };
        match groups.iter_mut().find(|g| g.label == label) {
            Some(group) => group.zones.push(choice),
            None => groups.push(ZoneGroup { label, zones: vec![choice] }),
        }
    }
    for group in &mut groups {
        group.zones.sort_by(|a, b| compare(collator.as_ref(), &a.label, &b.label).then_with(|| a.id.cmp(&b.id)));
    }
    groups.sort_by(|a, b| compare(collator.as_ref(), &a.label, &b.label));
    ZoneList { utc: ZoneChoice { id: UTC.to_owned(), label: tr.t("zone-utc") }, groups }
}

fn icu_zone(id: &str) -> TimeZone {
    TimeZone::from_iana_id(id)
}

/// The city that names zone `id` in `locale` ("București" for Europe/Bucharest in Romanian);
/// UTC by its message; the IANA name's last part, read as words, when CLDR names no city.
pub fn zone_city(locale: Locale, id: &str) -> String {
    if is_utc(id) {
        return Translator::new(locale).t("zone-utc");
    }
    let zone = icu_zone(id);
    let formatter = {
        let mut map = CITIES.lock().unwrap_or_else(PoisonError::into_inner);
        match map.get(&locale) {
            Some(f) => Some(Arc::clone(f)),
            None => NoCalendarFormatter::try_new(icu_locale(locale).into(), ExemplarCity).ok().map(|f| {
                let f = Arc::new(f);
                map.insert(locale, Arc::clone(&f));
                f
            }),
        }
    };
    match formatter {
        Some(f) if zone != TimeZone::UNKNOWN => f.format(&zone.without_offset()).to_string(),
        _ => id.rsplit('/').next().unwrap_or(id).replace('_', " "),
    }
}

fn is_utc(id: &str) -> bool {
    matches!(id, "UTC" | "Etc/UTC" | "Etc/UCT" | "UCT" | "Etc/Universal" | "Universal" | "Zulu" | "Etc/Zulu")
}

/// Zone `id` named by its city in `locale` through the `zone-place` message: "Bucharest
/// time", "heure : Bucarest", "tid i Bukarest"; UTC by its message.
pub fn zone_location(locale: Locale, id: &str) -> String {
    if is_utc(id) {
        return Translator::new(locale).t("zone-utc");
    }
    Translator::new(locale).args("zone-place", &[("city", Arg::from(zone_city(locale, id)))])
}

/// A range of local times in `locale`, without a zone: "6 October 2026, 10:00–12:30", or both
/// moments in full when it spans days.
pub fn format_local_range(locale: Locale, starts: NaiveDateTime, ends: NaiveDateTime) -> String {
    let tr = Translator::new(locale);
    let time = |t: NaiveDateTime| format!("{:02}:{:02}", t.hour(), t.minute());
    if starts.date() == ends.date() {
        tr.args(
            "zone-range-day",
            &[
                ("date", Arg::from(format_date(locale, starts.date()))),
                ("start", Arg::from(time(starts))),
                ("end", Arg::from(time(ends))),
            ],
        )
    } else {
        let moment = |t: NaiveDateTime| {
            tr.args("zone-moment", &[("date", Arg::from(format_date(locale, t.date()))), ("time", Arg::from(time(t)))])
        };
        tr.args("zone-range-days", &[("start", Arg::from(moment(starts))), ("end", Arg::from(moment(ends)))])
    }
}

/// A range of local times at a place, with the place's zone named: "6 October 2026,
/// 10:00–12:30 (Bucharest time)".
pub fn format_zoned_range(locale: Locale, starts: NaiveDateTime, ends: NaiveDateTime, zone: &str) -> String {
    Translator::new(locale).args(
        "zone-range-in",
        &[
            ("range", Arg::from(format_local_range(locale, starts, ends))),
            ("zone", Arg::from(zone_location(locale, zone))),
        ],
    )
}

/// The local time `at` in zone `from` read in zone `to` (the earlier moment when the clocks
/// went back, the hour after when they went forward).
pub fn convert_local(at: NaiveDateTime, from: chrono_tz::Tz, to: chrono_tz::Tz) -> NaiveDateTime {
    let instant = match from.from_local_datetime(&at) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
        chrono::LocalResult::None => from
            .from_local_datetime(&(at + chrono::Duration::hours(1)))
            .earliest()
            .map_or_else(|| at.and_utc(), |t| t.with_timezone(&Utc)),
    };
    instant.with_timezone(&to).naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfx_domain::locale::test_locale as l;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").expect("time")
    }

    #[test]
    fn zones_are_named_by_their_city_in_each_language() {
        assert_eq!(zone_city(l("ro"), "Europe/Bucharest"), "București");
        assert_eq!(zone_city(l("sv"), "Europe/Stockholm"), "Stockholm");
        assert_eq!(zone_city(l("fr"), "Europe/Bucharest"), "Bucarest");
        assert_eq!(zone_city(l("sl"), "Europe/Rome"), "Rim");
        assert_eq!(zone_city(l("en"), "Europe/Kiev"), "Kyiv");
    }

    #[test]
    fn the_list_is_grouped_sorted_and_canonical() {
        let list = zone_list(l("ro"));
        assert!(list.contains("Europe/Bucharest") && list.contains("America/New_York") && list.contains("UTC"));
        assert!(!list.contains("Europe/Kiev") && !list.contains("Etc/GMT+1") && !list.contains("Antarctica/Troll"));
        let europe = list.groups.iter().find(|g| g.zones.iter().any(|z| z.id == "Europe/Bucharest")).expect("europe");
        let bucharest = europe.zones.iter().find(|z| z.id == "Europe/Bucharest").expect("bucharest");
        assert_eq!(bucharest.label, "București");
        let labels: Vec<&str> = europe.zones.iter().map(|z| z.label.as_str()).collect();
        let c = collator(l("ro")).expect("collator");
        assert!(labels.windows(2).all(|w| c.compare(w[0], w[1]) != Ordering::Greater), "{labels:?}");
        assert!(list.groups.len() == AREAS.len());
    }

    #[test]
    fn meeting_ranges_read_in_each_language() {
        let (s, e) = (at("2026-10-06T10:00:00"), at("2026-10-06T12:30:00"));
        let en = format_zoned_range(l("en"), s, e, "Europe/Bucharest");
        assert!(en.contains("6 October 2026") && en.contains("10:00") && en.contains("12:30"), "{en}");
        assert!(en.contains("Bucharest"), "{en}");
        let ro = format_zoned_range(l("ro"), s, e, "Europe/Bucharest");
        assert!(ro.contains("octombrie") && ro.contains("București"), "{ro}");
        let two_days = format_local_range(l("fr"), s, at("2026-10-07T12:30:00"));
        assert!(two_days.contains("6 octobre 2026") && two_days.contains("7 octobre 2026"), "{two_days}");
    }

    #[test]
    fn local_times_convert_between_zones() {
        let s = at("2026-10-06T10:00:00");
        assert_eq!(
            convert_local(s, chrono_tz::Europe::Bucharest, chrono_tz::Europe::Stockholm),
            at("2026-10-06T09:00:00")
        );
    }
}
