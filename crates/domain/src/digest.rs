//! Email digests: when each reader gets one (their own hour, weekday and time zone, across
//! daylight-saving changes), and what goes in it (grouped, newest first, each item once,
//! bulk changes summarised, nothing when there is nothing to say). Pure: the caller supplies
//! the clock and the facts.

use crate::error::FieldError;
use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Off,
    Daily,
    Weekly,
}

impl Frequency {
    pub const fn as_str(self) -> &'static str {
        match self {
            Frequency::Off => "off",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
        }
    }

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        match value {
            "off" => Ok(Frequency::Off),
            "daily" => Ok(Frequency::Daily),
            "weekly" => Ok(Frequency::Weekly),
            _ => Err(FieldError::new("", "unknown_frequency", "use off, daily or weekly")),
        }
    }
}

/// A reader's digest settings. The time zone and language are the account's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestPrefs {
    pub frequency: Frequency,
    /// For weekly digests; Monday by default.
    pub weekday: Weekday,
    /// Local hour, 0 to 23; 8 by default.
    pub hour: u32,
}

impl Default for DigestPrefs {
    fn default() -> Self {
        Self { frequency: Frequency::Weekly, weekday: Weekday::Mon, hour: 8 }
    }
}

/// ISO weekday number (Monday = 1 … Sunday = 7).
pub fn weekday_from_number(n: i32) -> Result<Weekday, FieldError> {
    match n {
        1 => Ok(Weekday::Mon),
        2 => Ok(Weekday::Tue),
        3 => Ok(Weekday::Wed),
        4 => Ok(Weekday::Thu),
        5 => Ok(Weekday::Fri),
        6 => Ok(Weekday::Sat),
        7 => Ok(Weekday::Sun),
        _ => Err(FieldError::new("", "out_of_range", "a weekday from 1 (Monday) to 7 (Sunday)")),
    }
}

pub fn check_hour(hour: i32) -> Result<u32, FieldError> {
    u32::try_from(hour)
        .ok()
        .filter(|h| *h <= 23)
        .ok_or_else(|| FieldError::new("", "out_of_range", "an hour from 0 to 23"))
}

/// The instant of `hour:00` local time on `day` in `zone`. In a daylight-saving gap the first
/// instant after it; when the hour happens twice, the first.
fn local_instant(zone: chrono_tz::Tz, day: NaiveDate, hour: u32) -> Option<DateTime<Utc>> {
    let time = NaiveTime::from_hms_opt(hour, 0, 0)?;
    let mut local = day.and_time(time);
    for _ in 0..3 {
        match zone.from_local_datetime(&local) {
            LocalResult::Single(at) => return Some(at.with_timezone(&Utc)),
            LocalResult::Ambiguous(first, _) => return Some(first.with_timezone(&Utc)),
            LocalResult::None => local += Duration::hours(1),
        }
    }
    None
}

/// The first digest time strictly after `after`, or `None` when digests are off.
pub fn next_slot(prefs: DigestPrefs, zone: chrono_tz::Tz, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if prefs.frequency == Frequency::Off {
        return None;
    }
    let start = after.with_timezone(&zone).date_naive();
    (0..15).map(|n| start + Duration::days(n)).find_map(|day| {
        if prefs.frequency == Frequency::Weekly && day.weekday() != prefs.weekday {
            return None;
        }
        local_instant(zone, day, prefs.hour).filter(|at| *at > after)
    })
}

/// The last digest time at or before `at` (the start of the period it closes), if any.
pub fn previous_slot(prefs: DigestPrefs, zone: chrono_tz::Tz, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if prefs.frequency == Frequency::Off {
        return None;
    }
    let start = at.with_timezone(&zone).date_naive();
    (0..15).map(|n| start - Duration::days(n)).find_map(|day| {
        if prefs.frequency == Frequency::Weekly && day.weekday() != prefs.weekday {
            return None;
        }
        local_instant(zone, day, prefs.hour).filter(|slot| *slot <= at)
    })
}

// ---------------------------------------------------------------- composition

/// What happened to something the reader may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A document was created or published.
    DocumentNew,
    /// A document was edited.
    DocumentUpdated,
    /// A translation of the reader's partner's document was made.
    TranslationNew { language: String },
    /// The reader's partner's document changed, so translations of it are now outdated.
    TranslationsOutdated { languages: Vec<String> },
    /// A deliverable or action item of the reader's partner changed.
    WorkChanged { detail: String },
}

/// One event of the activity feed, already filtered to what the reader may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: DateTime<Utc>,
    /// `document:<id>`, `deliverable:<id>`, `action_item:<id>`: events with one subject merge.
    pub subject: String,
    /// `practice`, `meeting_note`, `action_plan`, `deliverable`, `action_item`.
    pub group: String,
    pub title: String,
    /// The language of `title` when it is not the reader's (a fallback).
    pub language: Option<String>,
    pub change: Change,
}

/// Something due soon or late.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub subject: String,
    pub title: String,
    pub due_on: NaiveDate,
    pub overdue: bool,
}

/// One line of a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub subject: String,
    /// The subject's own group (a document's kind), whatever section lists it: a translation
    /// is listed under `translation` but read at its document's own collection.
    pub kind: String,
    pub title: String,
    pub language: Option<String>,
    pub at: DateTime<Utc>,
    /// Several changes to one subject appear once, with their number.
    pub changes: usize,
    pub change: Change,
}

/// A section of a digest: one group, newest first; past `limit` items the rest is summarised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub group: String,
    pub items: Vec<Item>,
    /// How many more items there were.
    pub more: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Digest {
    pub sections: Vec<Section>,
    pub overdue: Vec<Due>,
    pub due_soon: Vec<Due>,
}

impl Digest {
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty() && self.overdue.is_empty() && self.due_soon.is_empty()
    }
}

/// The order of sections in every digest.
pub const GROUPS: [&str; 6] = ["practice", "meeting_note", "action_plan", "translation", "deliverable", "action_item"];

/// Groups events, each subject once (its latest change, with the count), newest first; at most
/// `limit` items a section, the rest counted. `due` lists what is late or due soon.
pub fn compose(events: &[Event], due: &[Due], limit: usize) -> Digest {
    let mut items: Vec<(String, Item)> = Vec::new();
    for event in events {
        // Translations are their own section, whatever the document's kind.
        let group = match event.change {
            Change::TranslationNew { .. } | Change::TranslationsOutdated { .. } => "translation".to_owned(),
            _ => event.group.clone(),
        };
        let key = format!("{group}|{}", event.subject);
        match items.iter_mut().find(|(k, _)| *k == key) {
            Some((_, item)) => {
                item.changes += 1;
                if event.at >= item.at {
                    item.at = event.at;
                    item.title.clone_from(&event.title);
                    item.language.clone_from(&event.language);
                    // "New" wins over later edits within one digest: the reader has not seen it yet.
                    if item.change != Change::DocumentNew {
                        item.change = event.change.clone();
                    }
                }
            }
            None => items.push((
                key,
                Item {
                    subject: event.subject.clone(),
                    kind: event.group.clone(),
                    title: event.title.clone(),
                    language: event.language.clone(),
                    at: event.at,
                    changes: 1,
                    change: event.change.clone(),
                },
            )),
        }
    }
    let mut sections = Vec::new();
    for group in GROUPS {
        let mut in_group: Vec<Item> =
            items.iter().filter(|(k, _)| k.split('|').next() == Some(group)).map(|(_, i)| i.clone()).collect();
        if in_group.is_empty() {
            continue;
        }
        in_group.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.title.cmp(&b.title)));
        let more = in_group.len().saturating_sub(limit);
        in_group.truncate(limit);
        sections.push(Section { group: group.to_owned(), items: in_group, more });
    }
    let mut overdue: Vec<Due> = due.iter().filter(|d| d.overdue).cloned().collect();
    overdue.sort_by_key(|d| d.due_on);
    let mut due_soon: Vec<Due> = due.iter().filter(|d| !d.overdue).cloned().collect();
    due_soon.sort_by_key(|d| d.due_on);
    Digest { sections, overdue, due_soon }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).expect("time").with_timezone(&Utc)
    }

    #[test]
    fn weekly_digests_come_at_the_local_hour_on_the_weekday() {
        let prefs = DigestPrefs::default();
        let stockholm = chrono_tz::Europe::Stockholm;
        // Friday 27 November 2026: the next Monday 08:00 in Stockholm (CET, UTC+1) is 07:00 UTC.
        assert_eq!(next_slot(prefs, stockholm, utc("2026-11-27T12:00:00Z")), Some(utc("2026-11-30T07:00:00Z")));
        // Exactly at the slot: the next one, a week later.
        assert_eq!(next_slot(prefs, stockholm, utc("2026-11-30T07:00:00Z")), Some(utc("2026-12-07T07:00:00Z")));
        assert_eq!(previous_slot(prefs, stockholm, utc("2026-12-02T00:00:00Z")), Some(utc("2026-11-30T07:00:00Z")));
        let off = DigestPrefs { frequency: Frequency::Off, ..prefs };
        assert_eq!(next_slot(off, stockholm, utc("2026-11-27T12:00:00Z")), None);
    }

    #[test]
    fn daylight_saving_changes_keep_the_local_hour() {
        let daily = DigestPrefs { frequency: Frequency::Daily, weekday: Weekday::Mon, hour: 8 };
        let stockholm = chrono_tz::Europe::Stockholm;
        // Summer time starts on Sunday 29 March 2026: 08:00 moves from 07:00 to 06:00 UTC.
        assert_eq!(next_slot(daily, stockholm, utc("2026-03-28T07:30:00Z")), Some(utc("2026-03-29T06:00:00Z")));
        assert_eq!(next_slot(daily, stockholm, utc("2026-03-27T12:00:00Z")), Some(utc("2026-03-28T07:00:00Z")));
        // And back on Sunday 25 October 2026.
        assert_eq!(next_slot(daily, stockholm, utc("2026-10-24T12:00:00Z")), Some(utc("2026-10-25T07:00:00Z")));
        // An hour that does not exist that night (02:00) becomes 03:00 local; one that happens
        // twice (02:00 in October) is the first.
        let night = DigestPrefs { hour: 2, ..daily };
        assert_eq!(next_slot(night, stockholm, utc("2026-03-28T12:00:00Z")), Some(utc("2026-03-29T01:00:00Z")));
        assert_eq!(next_slot(night, stockholm, utc("2026-10-24T12:00:00Z")), Some(utc("2026-10-25T00:00:00Z")));
        // Bucharest is an hour ahead: 08:00 there is 06:00 UTC in winter.
        assert_eq!(
            next_slot(daily, chrono_tz::Europe::Bucharest, utc("2026-11-27T12:00:00Z")),
            Some(utc("2026-11-28T06:00:00Z"))
        );
    }

    fn event(minute: u32, subject: &str, group: &str, title: &str, change: Change) -> Event {
        Event {
            at: utc(&format!("2026-11-27T10:{minute:02}:00Z")),
            subject: subject.into(),
            group: group.into(),
            title: title.into(),
            language: None,
            change,
        }
    }

    #[test]
    fn items_appear_once_newest_first_and_bulk_is_summarised() {
        let mut events = vec![
            event(1, "document:a", "practice", "A", Change::DocumentNew),
            event(2, "document:a", "practice", "A (edited)", Change::DocumentUpdated),
            event(3, "document:b", "practice", "B", Change::DocumentUpdated),
            event(4, "document:a", "practice", "A (edited again)", Change::DocumentUpdated),
            event(5, "document:a", "practice", "A", Change::TranslationNew { language: "sv".into() }),
            event(6, "deliverable:d", "deliverable", "D2.1", Change::WorkChanged { detail: "submitted".into() }),
        ];
        for n in 0..12 {
            events.push(event(
                10 + n,
                &format!("document:m{n}"),
                "meeting_note",
                &format!("M{n}"),
                Change::DocumentNew,
            ));
        }
        let digest = compose(&events, &[], 10);
        let groups: Vec<&str> = digest.sections.iter().map(|s| s.group.as_str()).collect();
        assert_eq!(groups, ["practice", "meeting_note", "translation", "deliverable"]);
        let practices = &digest.sections[0];
        assert_eq!(practices.items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["A (edited again)", "B"]);
        assert_eq!((practices.items[0].changes, practices.items[0].change.clone()), (3, Change::DocumentNew));
        let meetings = &digest.sections[1];
        assert_eq!((meetings.items.len(), meetings.more), (10, 2));
        assert_eq!(meetings.items[0].title, "M11", "newest first");
        assert!(compose(&[], &[], 10).is_empty(), "nothing to say, nothing sent");
    }

    #[test]
    fn late_and_due_soon_are_listed_apart() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).expect("date");
        let due = vec![
            Due { subject: "deliverable:x".into(), title: "X".into(), due_on: day(10), overdue: false },
            Due { subject: "deliverable:y".into(), title: "Y".into(), due_on: day(1), overdue: true },
            Due { subject: "action_item:z".into(), title: "Z".into(), due_on: day(5), overdue: false },
        ];
        let digest = compose(&[], &due, 10);
        assert_eq!(digest.overdue.iter().map(|d| d.title.as_str()).collect::<Vec<_>>(), ["Y"]);
        assert_eq!(digest.due_soon.iter().map(|d| d.title.as_str()).collect::<Vec<_>>(), ["Z", "X"]);
        assert!(!digest.is_empty());
    }
}
