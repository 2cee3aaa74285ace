//! Properties of the domain's rules over generated inputs: the document workflow, the
//! permission policy, the digest schedule and composition, and the search query parser.

use chrono::{DateTime, Duration, TimeZone, Timelike, Utc, Weekday};
use mfx_domain::digest::{Change, DigestPrefs, Due, Event, Frequency, GROUPS, compose, next_slot, previous_slot};
use mfx_domain::document::{Status, Visibility, transition};
use mfx_domain::policy::{Action, Actor, Member, ReadScope, Resource, permits};
use mfx_domain::{PartnerId, Role, UserId};
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::{BTreeMap, BTreeSet};

fn status() -> impl Strategy<Value = Status> {
    select(Status::ALL.to_vec())
}

fn partner(n: u8) -> PartnerId {
    PartnerId::from_uuid(uuid::Uuid::from_u128(u128::from(n) + 1))
}

fn actor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        Just(Actor::Anonymous),
        (select(Role::ALL.to_vec()), 0..3_u8, any::<u128>()).prop_map(|(role, p, id)| Actor::Member(Member {
            id: UserId::from_uuid(uuid::Uuid::from_u128(id)),
            partner: partner(p),
            role,
        })),
    ]
}

fn document() -> impl Strategy<Value = (PartnerId, Status, Visibility)> {
    (0..3_u8, status(), select(vec![Visibility::Public, Visibility::Partnership]))
        .prop_map(|(p, s, v)| (partner(p), s, v))
}

proptest! {
    /// Whatever moves are asked for, a document is published only after review (or when it
    /// comes back from the archive), and returning work to draft needs a comment.
    #[test]
    fn nothing_is_published_without_review(moves in proptest::collection::vec(status(), 0..40)) {
        let mut at = Status::Draft;
        let mut reviewed = false;
        for to in moves {
            match transition(at, to) {
                Ok(step) => {
                    prop_assert_ne!(step.from, step.to);
                    if to == Status::Published {
                        prop_assert!(reviewed || at == Status::Archived, "{:?} → published", at);
                        prop_assert_eq!(step.needs, Action::Review);
                    }
                    if to == Status::Draft {
                        prop_assert!(step.comment_required);
                    }
                    reviewed = to == Status::InReview || (reviewed && to != Status::Draft);
                    at = to;
                }
                Err(_) => prop_assert!((at, to) != (Status::Draft, Status::InReview), "a draft can always be submitted"),
            }
        }
    }

    /// Reading in SQL (`ReadScope`) and reading one document (`permits`) always agree; whoever
    /// may change, translate or decide on a document may read it; visitors and viewers only read
    /// (viewers of the owner partner: also its whole trail).
    #[test]
    fn the_policy_is_consistent(
        actor in actor(),
        (owner, status, visibility) in document(),
        action in select(Action::ALL.to_vec()),
    ) {
        let doc = Resource::Document { owner, status, visibility };
        let reads = permits(&actor, Action::Read, &doc);
        prop_assert_eq!(reads, ReadScope::of(&actor).admits(owner, status, visibility));
        if permits(&actor, action, &doc) {
            prop_assert!(reads, "{:?} may {:?} but not read", actor, action);
            let reader = match actor {
                Actor::Anonymous => true,
                Actor::Member(m) => m.role == Role::Viewer,
            };
            if reader {
                // Reading the document, or (its own partner's viewers) its whole trail.
                prop_assert!(matches!(action, Action::Read | Action::ReadTrail), "{:?} may {:?}", actor, action);
            }
        }
    }

    /// The last digest time is never after now, the next never before; both fall on the chosen
    /// local hour (or just after it when a clock change skips it), on the chosen weekday.
    #[test]
    fn digest_slots_surround_now(
        seconds in 1_577_836_800_i64..2_082_758_400,
        zone in select(vec![
            "Europe/Bucharest", "Europe/Rome", "Europe/Ljubljana", "Europe/Stockholm", "Europe/Paris",
            "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC",
        ]),
        weekly in any::<bool>(),
        weekday in 0..7_u8,
        hour in 0..24_u32,
    ) {
        let zone: chrono_tz::Tz = zone.parse().expect("zone");
        let now = Utc.timestamp_opt(seconds, 0).single().expect("instant");
        let weekday = Weekday::try_from(weekday).expect("weekday");
        let frequency = if weekly { Frequency::Weekly } else { Frequency::Daily };
        let prefs = DigestPrefs { frequency, weekday, hour };
        let previous = previous_slot(prefs, zone, now).expect("a previous slot");
        let next = next_slot(prefs, zone, now).expect("a next slot");
        prop_assert!(previous <= now && now < next, "{} ≤ {} < {}", previous, now, next);
        let span = if weekly { Duration::days(7) } else { Duration::days(1) };
        prop_assert!(next - previous <= span + Duration::hours(3), "{} … {}", previous, next);
        for slot in [previous, next] {
            let local = slot.with_timezone(&zone);
            let late_by = (local.hour() + 24 - hour) % 24;
            prop_assert!(late_by <= 1, "{} in {} for {}:00", local, zone, hour);
            if weekly && late_by == 0 {
                prop_assert_eq!(chrono::Datelike::weekday(&local), weekday);
            }
        }
    }

    /// Each subject appears once in its section with the number of its changes, at its latest
    /// time, sections in the fixed order and newest first; past the limit the rest is counted.
    #[test]
    fn digests_list_each_subject_once(
        raw in proptest::collection::vec((0..6_usize, 0..8_u8, 0..10_000_i64, 0..4_u8), 0..60),
        limit in 1..12_usize,
    ) {
        let base = DateTime::parse_from_rfc3339("2026-11-23T08:00:00Z").expect("time").with_timezone(&Utc);
        let events: Vec<Event> = raw
            .iter()
            .map(|&(g, s, minutes, c)| Event {
                at: base + Duration::minutes(minutes),
                subject: format!("{}:{s}", GROUPS[g]),
                group: GROUPS[g].to_owned(),
                title: format!("T{s}"),
                language: None,
                change: match c {
                    0 => Change::DocumentNew,
                    1 => Change::DocumentUpdated,
                    2 => Change::TranslationNew { language: "sv".into() },
                    _ => Change::WorkChanged { detail: "moved".into() },
                },
            })
            .collect();
        let digest = compose(&events, &[], limit);
        let group_of = |e: &Event| match e.change {
            Change::TranslationNew { .. } | Change::TranslationsOutdated { .. } => "translation".to_owned(),
            _ => e.group.clone(),
        };
        let mut expected: BTreeMap<(String, String), (usize, DateTime<Utc>)> = BTreeMap::new();
        for e in &events {
            let entry = expected.entry((group_of(e), e.subject.clone())).or_insert((0, e.at));
            entry.0 += 1;
            entry.1 = entry.1.max(e.at);
        }
        let order: Vec<usize> = digest
            .sections
            .iter()
            .map(|s| GROUPS.iter().position(|g| *g == s.group).expect("a known group"))
            .collect();
        prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "sections in order: {:?}", order);
        let mut seen = BTreeSet::new();
        for section in &digest.sections {
            prop_assert!(!section.items.is_empty() && section.items.len() <= limit);
            let in_group = expected.keys().filter(|(g, _)| *g == section.group).count();
            prop_assert_eq!(section.items.len() + section.more, in_group);
            prop_assert!(section.items.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
            for item in &section.items {
                prop_assert!(seen.insert((section.group.clone(), item.subject.clone())), "{} twice", item.subject);
                let (changes, latest) = expected[&(section.group.clone(), item.subject.clone())];
                prop_assert_eq!(item.changes, changes);
                prop_assert_eq!(item.at, latest);
            }
        }
        prop_assert_eq!(digest.is_empty(), events.is_empty());
    }

    /// What is late and what is due soon are split by their flag and sorted by date.
    #[test]
    fn due_work_is_split_and_sorted(raw in proptest::collection::vec((0..400_i64, any::<bool>()), 0..30)) {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("day");
        let due: Vec<Due> = raw
            .iter()
            .enumerate()
            .map(|(i, &(d, overdue))| Due {
                subject: format!("deliverable:{i}"),
                title: format!("D{i}"),
                due_on: day + Duration::days(d),
                overdue,
            })
            .collect();
        let digest = compose(&[], &due, 10);
        prop_assert_eq!(digest.overdue.len() + digest.due_soon.len(), due.len());
        prop_assert!(digest.overdue.iter().all(|d| d.overdue) && digest.due_soon.iter().all(|d| !d.overdue));
        prop_assert!(digest.overdue.windows(2).all(|w| w[0].due_on <= w[1].due_on));
        prop_assert!(digest.due_soon.windows(2).all(|w| w[0].due_on <= w[1].due_on));
    }

}
