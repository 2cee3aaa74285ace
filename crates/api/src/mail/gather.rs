//! What one reader's digest is made of: the activity since their last digest that they may see,
//! and what of their partner's work is late or due within 14 days.

use crate::text::{title_and_language, title_for};
use chrono::{DateTime, Duration, Utc};
use mfx_domain::Locale;
use mfx_domain::account::Account;
use mfx_domain::digest::{Change, Digest, Due, Event, compose};
use mfx_domain::document::DocumentId;
use mfx_domain::policy::{Actor, Member, ReadScope};
use mfx_store::accounts::AccountRecord;
use mfx_store::activity::ActivityRecord;
use mfx_store::documents::{self, DocumentSummary};
use mfx_store::tracking::DeliverableRecord;
use mfx_store::{DbConnection, StoreError, activity, tracking};
use std::collections::HashMap;

/// How many items a section lists before it summarises the rest.
pub const SECTION_LIMIT: usize = 10;

/// What every digest of one period is made from: the period's activity with the documents and
/// deliverables it touched, and the action items board. Read once for all the readers whose
/// digests cover the same period.
pub struct PeriodActivity {
    until: DateTime<Utc>,
    recorded: Vec<activity::ActivityRecord>,
    summaries: HashMap<DocumentId, DocumentSummary>,
    deliverables: HashMap<String, tracking::DeliverableRecord>,
    board: Vec<tracking::BoardItem>,
}

impl PeriodActivity {
    /// Reads the activity recorded between `since` and `until`, with what it touched.
    pub fn load(conn: &mut DbConnection, since: DateTime<Utc>, until: DateTime<Utc>) -> Result<Self, StoreError> {
        let recorded: Vec<activity::ActivityRecord> =
            activity::since(conn, since, 5000)?.into_iter().filter(|a| a.at <= until).collect();
        let mut document_ids: Vec<DocumentId> = recorded
            .iter()
            .filter(|a| a.subject_kind == "document")
            .filter_map(|a| a.subject_id.parse().ok())
            .collect();
        document_ids.sort_unstable();
        document_ids.dedup();
        let summaries = documents::summaries(conn, &document_ids)?.into_iter().map(|s| (s.id, s)).collect();
        let deliverables = tracking::list_deliverables(conn, &tracking::DeliverableFilter::default())?
            .into_iter()
            .map(|d| (d.id.to_string(), d))
            .collect();
        Ok(PeriodActivity { until, recorded, summaries, deliverables, board: tracking::action_item_board(conn)? })
    }
}

/// What a reader may see of the activity between `since` and `until`, and what of their
/// partner's work is late or due within 14 days.
pub fn gather(
    conn: &mut DbConnection,
    user: &AccountRecord,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Digest, StoreError> {
    Ok(gather_from(&PeriodActivity::load(conn, since, until)?, user))
}

/// [`gather`] from a period read beforehand.
pub fn gather_from(period: &PeriodActivity, user: &AccountRecord) -> Digest {
    let account = &user.account;
    let actor = Actor::Member(Member { id: account.id, partner: account.partner, role: account.role });
    let scope = ReadScope::of(&actor);
    let mut events = Vec::new();
    for a in period.recorded.iter().filter(|a| a.actor != Some(account.id)) {
        match a.subject_kind.as_str() {
            "document" => {
                let summary = a.subject_id.parse().ok().and_then(|id: DocumentId| period.summaries.get(&id));
                if let Some(summary) = summary.filter(|s| scope.admits(s.partner, s.status, s.visibility)) {
                    events.extend(document_events(a, summary, account));
                }
            }
            "deliverable" if a.partner == Some(account.partner) => {
                if let Some(deliverable) = period.deliverables.get(&a.subject_id) {
                    events.push(deliverable_event(a, deliverable, account.locale));
                }
            }
            _ => {}
        }
    }
    compose(&events, &due_work(period, user, &scope), SECTION_LIMIT)
}

/// What the reader learns of one change to a document they may read: nothing, one event, or,
/// when their partner's original text changed, the edit and the translations it made outdated.
fn document_events(a: &ActivityRecord, summary: &DocumentSummary, account: &Account) -> Vec<Event> {
    let own = summary.partner == account.partner;
    let (title, language) = title_for(summary, account.locale);
    let event = |change| Event {
        at: a.at,
        subject: format!("document:{}", summary.id),
        group: summary.kind.as_str().to_owned(),
        title: title.clone(),
        language: language.clone(),
        change,
    };
    let change = match a.verb.as_str() {
        "document_created" => Change::DocumentNew,
        "document_status_changed" if a.details["to"] == "published" => Change::DocumentNew,
        "document_status_changed" | "attachment_added" => Change::DocumentUpdated,
        "document_updated" if own && a.details["text_changed"] == true && summary.texts.len() > 1 => {
            let languages = summary
                .texts
                .iter()
                .filter(|t| t.locale != summary.original_locale)
                .map(|t| t.locale.to_string())
                .collect();
            return vec![event(Change::DocumentUpdated), event(Change::TranslationsOutdated { languages })];
        }
        "document_updated" => Change::DocumentUpdated,
        "translation_created" | "translation_updated" if own => {
            Change::TranslationNew { language: a.locale.map(|l| l.to_string()).unwrap_or_default() }
        }
        _ => return Vec::new(),
    };
    vec![event(change)]
}

/// A change to one of the reader's partner's deliverables.
fn deliverable_event(a: &ActivityRecord, deliverable: &DeliverableRecord, locale: Locale) -> Event {
    let detail = match a.verb.as_str() {
        "deliverable_status_changed" => a.details["to"].as_str().unwrap_or_default().to_owned(),
        "deliverable_created" => "planned".to_owned(),
        _ => deliverable.status.as_str().to_owned(),
    };
    let (title, lang) = title_and_language(&deliverable.titles, locale);
    Event {
        at: a.at,
        subject: format!("deliverable:{}", deliverable.id),
        group: "deliverable".into(),
        title: format!("{} {title}", deliverable.code),
        language: (lang != locale.as_str()).then_some(lang),
        change: Change::WorkChanged { detail },
    }
}

/// The reader's partner's deliverables and open action items that are late or due within 14
/// days of the period's end, in the reader's time zone.
fn due_work(period: &PeriodActivity, user: &AccountRecord, scope: &ReadScope) -> Vec<Due> {
    let account = &user.account;
    let today = period.until.with_timezone(&account.time_zone.tz()).date_naive();
    let horizon = today + Duration::days(14);
    let mut due = Vec::new();
    for d in period.deliverables.values().filter(|d| d.partners.iter().any(|(p, _)| *p == account.partner)) {
        let overdue = mfx_domain::tracking::is_overdue(d.due_on, d.status, today);
        if overdue || (!d.status.is_delivered() && d.due_on >= today && d.due_on <= horizon) {
            let (title, _) = title_and_language(&d.titles, account.locale);
            due.push(Due {
                subject: format!("deliverable:{}", d.id),
                title: format!("{} {title}", d.code),
                due_on: d.due_on,
                overdue,
            });
        }
    }
    for item in &period.board {
        let mine = item.assignee.as_deref() == Some(user.partner_slug.as_str());
        let open = matches!(item.status.as_str(), "open" | "in_progress");
        if !mine || !open || !scope.admits(item.meeting_partner, item.meeting_status, item.meeting_visibility) {
            continue;
        }
        if let Some(due_on) = item.due_on.filter(|d| *d <= horizon) {
            due.push(Due {
                subject: format!("action_item:{}", item.id),
                title: item.title.clone(),
                due_on,
                overdue: due_on < today,
            });
        }
    }
    due
}
