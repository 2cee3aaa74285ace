//! The board of deadlines (deliverables and action items from meeting notes) and the
//! dashboard: what is late and due soon, progress per partner and per period, indicators.

use super::super::{Error, read};
use super::{require_member, title_and_language, title_in, today};
use crate::state::AppState;
use chrono::NaiveDate;
use mfx_domain::Locale;
use mfx_domain::document::DocumentId;
use mfx_domain::policy::{Action, Actor, ReadScope, permits};
use mfx_domain::tracking::{self, DeliverableStatus, Indicator, is_overdue, item_overdue};
use mfx_store::partners;
use mfx_store::tracking::{self as store, DeliverableFilter, DeliverableRecord};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BoardEntry {
    /// `deliverable` or `action_item`.
    pub kind: &'static str,
    #[schema(value_type = String, format = Uuid)]
    pub id: uuid::Uuid,
    pub code: Option<String>,
    pub title: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub overdue: bool,
    pub partners: Vec<String>,
    /// The meeting note an action item comes from.
    pub meeting: Option<DocumentId>,
    /// The language of `title`.
    pub language: String,
}

/// Action items of meetings the caller may read, with the deliverables' board in mind.
pub async fn board_items(state: &AppState, actor: &Actor, today: NaiveDate) -> Result<Vec<BoardEntry>, Error> {
    let scope = ReadScope::of(actor);
    let found = read(state, store::action_item_board).await?;
    Ok(found
        .into_iter()
        .filter(|i| scope.admits(i.meeting_partner, i.meeting_status, i.meeting_visibility))
        .map(|i| BoardEntry {
            kind: "action_item",
            id: i.id,
            code: None,
            overdue: item_overdue(i.due_on, &i.status, today),
            title: i.title,
            due_on: i.due_on,
            status: i.status,
            partners: i.assignee.into_iter().collect(),
            meeting: Some(i.meeting),
            language: i.meeting_locale,
        })
        .collect())
}

/// Which action items the board shows.
#[derive(Debug, Clone, Default)]
pub struct BoardSelection {
    /// Only items assigned to this partner (slug; not found if no partner has it).
    pub partner: Option<String>,
    pub status: Option<String>,
    /// Only late ones.
    pub only_late: bool,
}

/// Action items from meeting notes the actor may read, on the same board as the deliverables.
pub async fn action_items(
    state: &AppState,
    actor: &Actor,
    selection: BoardSelection,
) -> Result<Vec<BoardEntry>, Error> {
    require_member(actor)?;
    // A partner that does not exist is not found, as at `/partners/{slug}`.
    if let Some(slug) = selection.partner.clone() {
        read(state, move |c| partners::find_by_slug(c, &slug)).await?.ok_or(Error::NotFound("partner"))?;
    }
    let items = board_items(state, actor, today(state)).await?;
    Ok(items
        .into_iter()
        .filter(|i| selection.partner.as_ref().is_none_or(|p| i.partners.contains(p)))
        .filter(|i| selection.status.as_ref().is_none_or(|s| i.status == *s))
        .filter(|i| !selection.only_late || i.overdue)
        .collect())
}

/// The meeting note an action item comes from, as the reader sees it.
#[derive(Debug, Clone)]
pub struct MeetingOfItem {
    pub title: String,
    /// The title's language when it is not the reader's.
    pub language: Option<String>,
    /// Whether the reader may edit the note, and so its action items.
    pub may_edit: bool,
}

/// The meeting notes of `entries` (action items the actor may read), by id: each one's title
/// in the reader's language and whether the actor may edit it.
pub async fn meetings_of(
    state: &AppState,
    actor: &Actor,
    entries: &[BoardEntry],
    locale: Locale,
) -> Result<HashMap<DocumentId, MeetingOfItem>, Error> {
    let mut ids: Vec<DocumentId> = entries.iter().filter_map(|e| e.meeting).collect();
    ids.sort_unstable();
    ids.dedup();
    let found = read(state, move |c| mfx_store::documents::summaries(c, &ids)).await?;
    Ok(found
        .iter()
        .map(|s| {
            let (title, language) = crate::text::title_for(s, locale);
            let may_edit = permits(actor, Action::Update, &crate::usecases::documents::resource(s));
            (s.id, MeetingOfItem { title, language, may_edit })
        })
        .collect())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerProgress {
    pub partner: String,
    pub deliverables: i64,
    /// Submitted or approved.
    pub delivered: i64,
    pub approved: i64,
    pub overdue: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PeriodCompletion {
    pub period: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub ends_on: NaiveDate,
    pub deliverables: i64,
    pub delivered: i64,
    pub approved: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dashboard {
    #[schema(value_type = String, format = Date)]
    pub today: NaiveDate,
    /// Late deliverables and action items.
    pub overdue: Vec<BoardEntry>,
    /// Due in the next 30 days.
    pub due_soon: Vec<BoardEntry>,
    pub partners: Vec<PartnerProgress>,
    pub periods: Vec<PeriodCompletion>,
    /// Figures computed from the content, each with its definition.
    pub indicators: Vec<Indicator>,
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Everything the dashboard shows.
pub async fn dashboard_for(
    state: &AppState,
    actor: &Actor,
    locale: Locale,
) -> Result<(Dashboard, Vec<DeliverableRecord>), Error> {
    require_member(actor)?;
    let today = today(state);
    let all = read(state, |c| store::list_deliverables(c, &DeliverableFilter::default())).await?;
    let items = board_items(state, actor, today).await?;
    let (periods, partner_list, (documents, actions)) =
        read(state, |c| Ok((store::periods(c)?, partners::list(c)?, store::indicator_facts(c)?))).await?;
    let horizon = today + chrono::Duration::days(30);
    let mut entries: Vec<BoardEntry> = all
        .iter()
        .map(|d| BoardEntry {
            kind: "deliverable",
            id: d.id,
            code: Some(d.code.clone()),
            language: title_and_language(&d.titles, locale).1,
            title: title_in(&d.titles, locale),
            due_on: Some(d.due_on),
            status: d.status.as_str().to_owned(),
            overdue: is_overdue(d.due_on, d.status, today),
            partners: d.partners.iter().map(|(_, s)| s.clone()).collect(),
            meeting: None,
        })
        .collect();
    entries.extend(items);
    let open = |e: &&BoardEntry| !matches!(e.status.as_str(), "submitted" | "approved" | "done" | "cancelled");
    let overdue: Vec<BoardEntry> = entries.iter().filter(|e| e.overdue).cloned().collect();
    let due_soon: Vec<BoardEntry> =
        entries.iter().filter(open).filter(|e| e.due_on.is_some_and(|d| d >= today && d <= horizon)).cloned().collect();
    let slugs: Vec<String> = partner_list.iter().map(|p| p.profile.slug.to_string()).collect();
    let partners = slugs
        .iter()
        .map(|slug| {
            let mine: Vec<&DeliverableRecord> =
                all.iter().filter(|d| d.partners.iter().any(|(_, s)| s == slug)).collect();
            PartnerProgress {
                partner: slug.clone(),
                deliverables: count(mine.len()),
                delivered: count(mine.iter().filter(|d| d.status.is_delivered()).count()),
                approved: count(mine.iter().filter(|d| d.status == DeliverableStatus::Approved).count()),
                overdue: count(mine.iter().filter(|d| is_overdue(d.due_on, d.status, today)).count()),
            }
        })
        .collect();
    let period_rows = periods
        .iter()
        .map(|p| {
            let mine: Vec<&DeliverableRecord> =
                all.iter().filter(|d| d.period.as_deref() == Some(p.spec.code.as_str())).collect();
            PeriodCompletion {
                period: p.spec.code.clone(),
                starts_on: p.spec.starts_on,
                ends_on: p.spec.ends_on,
                deliverables: count(mine.len()),
                delivered: count(mine.iter().filter(|d| d.status.is_delivered()).count()),
                approved: count(mine.iter().filter(|d| d.status == DeliverableStatus::Approved).count()),
            }
        })
        .collect();
    let specs: Vec<tracking::PeriodSpec> = periods.into_iter().map(|p| p.spec).collect();
    let indicators = tracking::indicators(&documents, &actions, &slugs, &specs);
    Ok((Dashboard { today, overdue, due_soon, partners, periods: period_rows, indicators }, all))
}
