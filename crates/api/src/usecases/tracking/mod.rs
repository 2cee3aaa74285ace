//! The use cases of deliverable tracking, the lead partner's view of the work: periods, work
//! packages, [`deliverables`] and their workflow, the action-item [`board`] and the dashboard
//! with indicators, the [`calendar`] feed and the semester [`report`].

pub mod board;
pub mod calendar;
pub mod deliverables;
pub mod report;
pub mod work_plan;

pub use board::{BoardEntry, Dashboard, board_items, dashboard_for};
pub use deliverables::{CsvFormat, DeliverableView, deliverable_view, deliverables_as_csv};

use super::Error;
use crate::state::AppState;
use chrono::NaiveDate;
use mfx_domain::policy::{Action, Actor, Resource, permits};
use mfx_domain::{Locale, Partner};
use mfx_i18n::{Arg, Translator};
use mfx_store::tracking::Titles;

/// Members of the partnership follow the work plan.
pub fn require_member(actor: &Actor) -> Result<(), Error> {
    if permits(actor, Action::Read, &Resource::WorkPlan) { Ok(()) } else { Err(Error::Forbidden) }
}

/// The lead partner defines and changes the work plan.
pub fn require_manager(actor: &Actor) -> Result<(), Error> {
    if permits(actor, Action::Create, &Resource::WorkPlan) { Ok(()) } else { Err(Error::Forbidden) }
}

/// A title in the reader's language: requested, then English, then any.
pub fn title_in(titles: &Titles, locale: Locale) -> String {
    title_and_language(titles, locale).0
}

pub use crate::text::title_and_language;

/// Today, by the application's clock.
pub fn today(state: &AppState) -> NaiveDate {
    state.clock.now().date_naive()
}

/// A partner's short name, as tables and exports show it; the slug when no partner has it.
pub fn partner_name(partners: &[Partner], slug: &str) -> String {
    partners
        .iter()
        .find(|p| p.profile.slug.as_str() == slug)
        .map_or_else(|| slug.to_owned(), |p| p.profile.short_name.clone())
}

/// A reporting period in words: "Semester 6", "Follow-up phase"; the code of an unknown one.
pub fn period_name(tr: &Translator, code: &str) -> String {
    if code == "FU" {
        return tr.t("export-period-follow-up");
    }
    match code.strip_prefix('S').and_then(|n| n.parse::<i64>().ok()) {
        Some(number) => tr.args("export-period-semester", &[("number", Arg::from(number))]),
        None => code.to_owned(),
    }
}
