//! The action-item board page (`/{lang}/action-items`, members): the action items of the
//! meeting notes the reader may read, grouped by status, by assigned partner or by the month
//! they are due, with a partner filter and "only late ones". Items are changed in their meeting
//! note's form; members who may edit the note get a link to it.

use super::extract::{Lang, Member};
use super::{Page, html, render, respond};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::tracking::BoardEntry;
use crate::usecases::tracking::board::{self, BoardSelection, MeetingOfItem};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{Datelike, NaiveDate};
use mfx_domain::Partner;
use mfx_domain::document::DocumentId;
use serde::Deserialize;
use std::collections::HashMap;

/// The statuses of an action item, in the order of work.
const STATUSES: [&str; 4] = ["open", "in_progress", "done", "cancelled"];

/// How the board is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Status,
    Partner,
    Due,
}

impl Grouping {
    pub const ALL: [Grouping; 3] = [Grouping::Status, Grouping::Partner, Grouping::Due];

    fn parse(raw: Option<&str>) -> Self {
        match raw {
            Some("partner") => Grouping::Partner,
            Some("due") => Grouping::Due,
            _ => Grouping::Status,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Grouping::Status => "status",
            Grouping::Partner => "partner",
            Grouping::Due => "due",
        }
    }

    /// The message naming this grouping.
    fn message(self) -> &'static str {
        match self {
            Grouping::Status => "action-items-by-status",
            Grouping::Partner => "action-items-by-partner",
            Grouping::Due => "action-items-by-due",
        }
    }
}

/// One action item as a row.
pub struct ItemRow {
    pub title: String,
    /// The item's language when it is not the reader's.
    pub language: Option<String>,
    pub meeting: Option<DocumentId>,
    pub meeting_title: String,
    pub meeting_language: Option<String>,
    pub may_edit: bool,
    pub assignee: String,
    pub due: Option<String>,
    pub status: String,
    pub late: bool,
}

pub struct Group {
    pub heading: String,
    pub rows: Vec<ItemRow>,
}

#[derive(Template)]
#[template(path = "action_items.html")]
pub struct BoardPage<'a> {
    pub page: &'a Page,
    pub groups: Vec<Group>,
    pub count: usize,
    pub by: Grouping,
    pub groupings: [Grouping; 3],
    pub partners: Vec<Partner>,
    pub partner: String,
    pub only_late: bool,
}

impl BoardPage<'_> {
    /// The link that groups the board another way, keeping the filters.
    pub fn group_href(&self, by: &Grouping) -> String {
        let mut pairs = vec![("by", by.code().to_owned())];
        if !self.partner.is_empty() {
            pairs.push(("partner", self.partner.clone()));
        }
        if self.only_late {
            pairs.push(("late", "1".to_owned()));
        }
        format!("{}?{}", self.page.href("/action-items"), serde_urlencoded::to_string(pairs).unwrap_or_default())
    }

    pub fn count_text(&self) -> String {
        self.page.tn("action-items-count", self.count)
    }

    pub fn grouping_name(&self, by: &Grouping) -> String {
        self.page.t(by.message())
    }
}

#[derive(Debug, Deserialize)]
pub struct BoardParams {
    by: Option<String>,
    partner: Option<String>,
    late: Option<String>,
}

fn row(
    page: &Page,
    entry: &BoardEntry,
    meetings: &HashMap<DocumentId, MeetingOfItem>,
    partners: &[Partner],
) -> ItemRow {
    let meeting = entry.meeting.and_then(|m| meetings.get(&m));
    ItemRow {
        title: entry.title.clone(),
        language: (entry.language != page.lang.as_str()).then(|| entry.language.clone()),
        meeting: entry.meeting,
        meeting_title: meeting.map(|m| m.title.clone()).unwrap_or_default(),
        meeting_language: meeting.and_then(|m| m.language.clone()),
        may_edit: meeting.is_some_and(|m| m.may_edit),
        assignee: entry
            .partners
            .first()
            .map_or_else(|| page.t("action-items-nobody"), |slug| super::pages::partner_name(partners, slug)),
        due: entry.due_on.map(|d| page.date(&d)),
        status: page.code("item-status-", &entry.status),
        late: entry.overdue,
    }
}

/// The items in groups, each group's rows in the order of their due dates.
fn grouped(
    page: &Page,
    by: Grouping,
    entries: &[BoardEntry],
    meetings: &HashMap<DocumentId, MeetingOfItem>,
    partners: &[Partner],
) -> Vec<Group> {
    // Each group: a sort key, a heading, and its entries.
    let mut keyed: Vec<((usize, NaiveDate), String, Vec<&BoardEntry>)> = Vec::new();
    for entry in entries {
        let (key, heading) = match by {
            Grouping::Status => {
                let at = STATUSES.iter().position(|s| *s == entry.status).unwrap_or(STATUSES.len());
                ((at, NaiveDate::MIN), page.code("item-status-", &entry.status))
            }
            Grouping::Partner => match entry.partners.first() {
                Some(slug) => {
                    let at = partners.iter().position(|p| p.profile.slug.as_str() == slug).unwrap_or(partners.len());
                    ((at, NaiveDate::MIN), super::pages::partner_name(partners, slug))
                }
                None => ((partners.len() + 1, NaiveDate::MIN), page.t("action-items-nobody")),
            },
            Grouping::Due => match entry.due_on.and_then(|d| d.with_day(1)) {
                Some(month) => ((0, month), mfx_i18n::format_month_year(page.lang, month)),
                None => ((1, NaiveDate::MIN), page.t("action-items-no-date")),
            },
        };
        match keyed.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, list)) => list.push(entry),
            None => keyed.push((key, heading, vec![entry])),
        }
    }
    keyed.sort_by_key(|(key, _, _)| *key);
    keyed
        .into_iter()
        .map(|(_, heading, mut list)| {
            list.sort_by_key(|e| (e.due_on.is_none(), e.due_on));
            Group { heading, rows: list.into_iter().map(|e| row(page, e, meetings, partners)).collect() }
        })
        .collect()
}

pub async fn board_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    params: web::Query<BoardParams>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("action-items-title");
        let params = params.into_inner();
        let by = Grouping::parse(params.by.as_deref());
        let partner = params.partner.filter(|p| !p.is_empty());
        let only_late = params.late.is_some_and(|l| !l.is_empty());
        let actor = user.actor();
        let selection = BoardSelection { partner: partner.clone(), status: None, only_late };
        let entries = board::action_items(&state, &actor, selection).await?;
        let meetings = board::meetings_of(&state, &actor, &entries, lang).await?;
        let partners = state.read(mfx_store::partners::list).await?;
        let body = render(&BoardPage {
            groups: grouped(&page, by, &entries, &meetings, &partners),
            count: entries.len(),
            page: &page,
            by,
            groupings: Grouping::ALL,
            partners,
            partner: partner.unwrap_or_default(),
            only_late,
        })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}
