//! The work plan and its tracking: periods, deliverables and their states, what is late, and
//! the indicators the lead partner reports — computed here from facts, with no I/O.

use crate::error::{Error, FieldError};
use crate::policy::Action;
use crate::seed::Project;
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A deliverable's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliverableStatus {
    Planned,
    InProgress,
    Submitted,
    Approved,
}

impl DeliverableStatus {
    pub const ALL: [DeliverableStatus; 4] = [
        DeliverableStatus::Planned,
        DeliverableStatus::InProgress,
        DeliverableStatus::Submitted,
        DeliverableStatus::Approved,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            DeliverableStatus::Planned => "planned",
            DeliverableStatus::InProgress => "in_progress",
            DeliverableStatus::Submitted => "submitted",
            DeliverableStatus::Approved => "approved",
        }
    }

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        DeliverableStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
            .ok_or_else(|| FieldError::new("", "unknown_status", "use planned, in_progress, submitted or approved"))
    }

    /// Delivered: nothing is late any more.
    pub const fn is_delivered(self) -> bool {
        matches!(self, DeliverableStatus::Submitted | DeliverableStatus::Approved)
    }
}

/// A move of a deliverable and the permission it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliverableMove {
    pub from: DeliverableStatus,
    pub to: DeliverableStatus,
    pub needs: Action,
    /// Returning a submitted deliverable needs a comment on what to change.
    pub comment_required: bool,
    /// The lead partner returned it.
    pub returned: bool,
}

/// planned → in progress → submitted (the responsible partners); submitted → approved, or
/// returned to in progress with a comment (the lead partner).
pub fn deliverable_move(from: DeliverableStatus, to: DeliverableStatus) -> Result<DeliverableMove, Error> {
    use DeliverableStatus::*;
    let (needs, comment_required, returned) = match (from, to) {
        (Planned, InProgress) | (InProgress, Submitted) | (Planned, Submitted) => (Action::Submit, false, false),
        (Submitted, Approved) => (Action::Review, false, false),
        (Submitted, InProgress) => (Action::Review, true, true),
        _ => {
            return Err(Error::invalid(
                "to",
                "invalid_transition",
                format!("a deliverable cannot go from {} to {}", from.as_str(), to.as_str()),
            ));
        }
    };
    Ok(DeliverableMove { from, to, needs, comment_required, returned })
}

/// Late: due before `today` and not delivered. Never stored, always derived.
pub fn is_overdue(due_on: NaiveDate, status: DeliverableStatus, today: NaiveDate) -> bool {
    due_on < today && !status.is_delivered()
}

/// Whether an action item is late.
pub fn item_overdue(due_on: Option<NaiveDate>, status: &str, today: NaiveDate) -> bool {
    due_on.is_some_and(|due| due < today) && matches!(status, "open" | "in_progress")
}

/// A reporting period of the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PeriodSpec {
    /// `S1` … for the semesters of the core phase, `FU` for the follow-up phase.
    pub code: String,
    /// `core` or `follow_up`.
    pub phase: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub ends_on: NaiveDate,
}

/// The core phase of Interreg Europe projects lasts three years in semesters; the follow-up
/// phase runs from then to the project's end.
pub const CORE_PHASE_MONTHS: u32 = 36;

pub fn periods(project: &Project) -> Vec<PeriodSpec> {
    let mut periods = Vec::new();
    let core_end = project.starts_on.checked_add_months(Months::new(CORE_PHASE_MONTHS)).unwrap_or(project.ends_on);
    let mut start = project.starts_on;
    let mut n = 1;
    while start < core_end.min(project.ends_on) {
        let next = start.checked_add_months(Months::new(6)).unwrap_or(core_end).min(core_end);
        periods.push(PeriodSpec {
            code: format!("S{n}"),
            phase: "core".into(),
            starts_on: start,
            ends_on: next.pred_opt().unwrap_or(next),
        });
        start = next;
        n += 1;
    }
    if start <= project.ends_on {
        periods.push(PeriodSpec {
            code: "FU".into(),
            phase: "follow_up".into(),
            starts_on: start,
            ends_on: project.ends_on,
        });
    }
    periods
}

/// The period a day falls in.
pub fn period_of(periods: &[PeriodSpec], day: NaiveDate) -> Option<&PeriodSpec> {
    periods.iter().find(|p| p.starts_on <= day && day <= p.ends_on)
}

// ---------------------------------------------------------------- indicators

/// What the indicators are computed from: one fact per document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFact {
    pub kind: crate::document::Kind,
    pub partner: String,
    pub status: crate::document::Status,
    /// Meeting notes: the meeting type and the day it started.
    pub meeting_type: Option<String>,
    pub meeting_day: Option<NaiveDate>,
    /// The languages the document exists in.
    pub languages: Vec<crate::Locale>,
}

/// A plan action's state, for the indicators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionFact {
    pub partner: String,
    pub plan_published: bool,
    pub status: String,
}

/// One computed figure and how it was computed.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Indicator {
    /// Stable name, also the key of its translated label.
    pub code: &'static str,
    /// How it is computed, in English.
    pub definition: &'static str,
    pub total: i64,
    /// Broken down by partner (slug), period (code) or language, as the indicator says.
    pub breakdown: Vec<Breakdown>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Breakdown {
    pub key: String,
    pub value: i64,
    /// For rates: the number counted and the number possible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<i64>,
}

fn count_by(keys: impl Iterator<Item = String>, all: &[String]) -> Vec<Breakdown> {
    let keys: Vec<String> = keys.collect();
    all.iter()
        .map(|k| Breakdown {
            key: k.clone(),
            value: i64::try_from(keys.iter().filter(|x| *x == k).count()).unwrap_or(0),
            of: None,
        })
        .collect()
}

/// The project's indicators from what the platform holds.
pub fn indicators(
    documents: &[DocumentFact],
    actions: &[ActionFact],
    partners: &[String],
    periods: &[PeriodSpec],
) -> Vec<Indicator> {
    use crate::document::{Kind, Status};
    let published = |d: &&DocumentFact| matches!(d.status, Status::Published | Status::Archived);
    let practices: Vec<&DocumentFact> =
        documents.iter().filter(|d| d.kind == Kind::Practice).filter(published).collect();
    let meetings: Vec<&DocumentFact> = documents
        .iter()
        .filter(|d| d.kind == Kind::MeetingNote && d.meeting_type.as_deref() == Some("stakeholder_meeting"))
        .filter(published)
        .collect();
    let plans: Vec<&DocumentFact> = documents.iter().filter(|d| d.kind == Kind::ActionPlan).filter(published).collect();
    let mut meeting_breakdown = Vec::new();
    for partner in partners {
        for period in periods {
            let n = meetings
                .iter()
                .filter(|m| {
                    m.partner == *partner && m.meeting_day.is_some_and(|d| period.starts_on <= d && d <= period.ends_on)
                })
                .count();
            meeting_breakdown.push(Breakdown {
                key: format!("{partner}/{}", period.code),
                value: i64::try_from(n).unwrap_or(0),
                of: None,
            });
        }
    }
    let counted = |list: &[&ActionFact], status: &str| list.iter().filter(|a| a.status == status).count();
    let live_actions: Vec<&ActionFact> = actions.iter().filter(|a| a.plan_published).collect();
    let mut coverage = Vec::new();
    let all_docs: Vec<&DocumentFact> = documents.iter().filter(published).collect();
    for locale in crate::Locale::all() {
        let n = all_docs.iter().filter(|d| d.languages.contains(&locale)).count();
        coverage.push(Breakdown {
            key: locale.as_str().into(),
            value: i64::try_from(n).unwrap_or(0),
            of: Some(i64::try_from(all_docs.len()).unwrap_or(0)),
        });
    }
    let total_texts: usize = all_docs.iter().map(|d| d.languages.len()).sum();
    vec![
        Indicator {
            code: "good_practices",
            definition: "Good practices published (or archived after publication), by owner partner.",
            total: i64::try_from(practices.len()).unwrap_or(0),
            breakdown: count_by(practices.iter().map(|d| d.partner.clone()), partners),
        },
        Indicator {
            code: "stakeholder_meetings",
            definition: "Published meeting notes of type regional stakeholder meeting, by host partner and by the period the meeting started in.",
            total: i64::try_from(meetings.len()).unwrap_or(0),
            breakdown: meeting_breakdown,
        },
        Indicator {
            code: "action_plans_adopted",
            definition: "Policy action plans published (or archived after publication), by partner.",
            total: i64::try_from(plans.len()).unwrap_or(0),
            breakdown: count_by(plans.iter().map(|d| d.partner.clone()), partners),
        },
        Indicator {
            code: "actions_in_progress",
            definition: "Actions of published action plans whose status is in progress, by partner.",
            total: i64::try_from(counted(&live_actions, "in_progress")).unwrap_or(0),
            breakdown: count_by(
                live_actions.iter().filter(|a| a.status == "in_progress").map(|a| a.partner.clone()),
                partners,
            ),
        },
        Indicator {
            code: "actions_completed",
            definition: "Actions of published action plans whose status is completed, by partner.",
            total: i64::try_from(counted(&live_actions, "completed")).unwrap_or(0),
            breakdown: count_by(
                live_actions.iter().filter(|a| a.status == "completed").map(|a| a.partner.clone()),
                partners,
            ),
        },
        Indicator {
            code: "translation_coverage",
            definition: "For each language: published documents readable in it (original or translation), out of all published documents. The total counts texts (documents × languages).",
            total: i64::try_from(total_texts).unwrap_or(0),
            breakdown: coverage,
        },
    ]
}

/// The year and half of a date, for labels (`2025-H1`).
pub fn half_year(day: NaiveDate) -> String {
    format!("{}-H{}", day.year(), if day.month() <= 6 { 1 } else { 2 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Locale;
    use crate::document::{Kind, Status};
    use crate::locale::test_locale;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn deliverables_move_forward_and_come_back_with_a_comment() {
        use DeliverableStatus::*;
        let allowed: Vec<(DeliverableStatus, DeliverableStatus)> = DeliverableStatus::ALL
            .into_iter()
            .flat_map(|a| DeliverableStatus::ALL.into_iter().map(move |b| (a, b)))
            .filter(|(a, b)| deliverable_move(*a, *b).is_ok())
            .collect();
        assert_eq!(
            allowed,
            [
                (Planned, InProgress),
                (Planned, Submitted),
                (InProgress, Submitted),
                (Submitted, InProgress),
                (Submitted, Approved)
            ]
        );
        let back = deliverable_move(Submitted, InProgress).expect("allowed");
        assert!(back.comment_required && back.returned && back.needs == Action::Review);
        assert_eq!(deliverable_move(InProgress, Submitted).map(|m| m.needs).ok(), Some(Action::Submit));
    }

    #[test]
    fn overdue_is_derived_from_the_date_and_the_status() {
        let due = day(2025, 6, 30);
        assert!(!is_overdue(due, DeliverableStatus::InProgress, day(2025, 6, 30)));
        assert!(is_overdue(due, DeliverableStatus::InProgress, day(2025, 7, 1)));
        assert!(is_overdue(due, DeliverableStatus::Planned, day(2026, 1, 1)));
        assert!(!is_overdue(due, DeliverableStatus::Submitted, day(2026, 1, 1)));
        assert!(!is_overdue(due, DeliverableStatus::Approved, day(2026, 1, 1)));
        assert!(item_overdue(Some(due), "open", day(2025, 7, 1)));
        assert!(!item_overdue(Some(due), "done", day(2025, 7, 1)));
        assert!(!item_overdue(None, "open", day(2025, 7, 1)));
    }

    #[test]
    fn the_project_has_six_semesters_and_a_follow_up() {
        let project = crate::seed::Seed::from_json(include_str!("../../../seed/partners.json")).expect("seed").project;
        let periods = periods(&project);
        let codes: Vec<&str> = periods.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["S1", "S2", "S3", "S4", "S5", "S6", "FU"]);
        assert_eq!((periods[0].starts_on, periods[0].ends_on), (day(2023, 3, 1), day(2023, 8, 31)));
        assert_eq!((periods[5].starts_on, periods[5].ends_on), (day(2025, 9, 1), day(2026, 2, 28)));
        assert_eq!((periods[6].starts_on, periods[6].ends_on), (day(2026, 3, 1), day(2027, 5, 31)));
        assert_eq!(period_of(&periods, day(2024, 12, 25)).map(|p| p.code.as_str()), Some("S4"));
    }

    #[test]
    fn indicators_count_what_is_published() {
        let partners = vec!["a".to_owned(), "b".to_owned()];
        let project = crate::seed::Seed::from_json(include_str!("../../../seed/partners.json")).expect("seed").project;
        let periods = periods(&project);
        let fact =
            |kind, partner: &str, status, meeting: Option<(&str, NaiveDate)>, languages: &[Locale]| DocumentFact {
                kind,
                partner: partner.into(),
                status,
                meeting_type: meeting.map(|(t, _)| t.to_owned()),
                meeting_day: meeting.map(|(_, d)| d),
                languages: languages.to_vec(),
            };
        let documents = vec![
            fact(Kind::Practice, "a", Status::Published, None, &[test_locale("fr"), test_locale("en")]),
            fact(Kind::Practice, "a", Status::Archived, None, &[test_locale("fr")]),
            fact(Kind::Practice, "b", Status::Draft, None, &[test_locale("sv")]),
            fact(
                Kind::MeetingNote,
                "b",
                Status::Published,
                Some(("stakeholder_meeting", day(2023, 5, 2))),
                &[test_locale("sv")],
            ),
            fact(
                Kind::MeetingNote,
                "b",
                Status::Published,
                Some(("study_visit", day(2023, 5, 2))),
                &[test_locale("sv")],
            ),
            fact(Kind::ActionPlan, "b", Status::Published, None, &[test_locale("sv"), test_locale("en")]),
        ];
        let actions = vec![
            ActionFact { partner: "b".into(), plan_published: true, status: "in_progress".into() },
            ActionFact { partner: "b".into(), plan_published: true, status: "completed".into() },
            ActionFact { partner: "a".into(), plan_published: false, status: "completed".into() },
        ];
        let found = indicators(&documents, &actions, &partners, &periods);
        let get = |code: &str| found.iter().find(|i| i.code == code).expect("indicator");
        assert_eq!(get("good_practices").total, 2);
        assert_eq!(get("good_practices").breakdown[0].value, 2);
        assert_eq!(get("stakeholder_meetings").total, 1);
        assert!(get("stakeholder_meetings").breakdown.iter().any(|b| b.key == "b/S1" && b.value == 1));
        assert_eq!(get("action_plans_adopted").total, 1);
        assert_eq!((get("actions_in_progress").total, get("actions_completed").total), (1, 1));
        let coverage = &get("translation_coverage").breakdown;
        let en = coverage.iter().find(|b| b.key == "en").expect("en");
        assert_eq!((en.value, en.of), (2, Some(5)));
        assert_eq!(get("translation_coverage").total, 7);
    }
}
