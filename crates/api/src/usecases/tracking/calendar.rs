//! The calendar feed: a secret address per account that calendar applications subscribe to,
//! with the deadlines the account follows and the meetings it may read (iCalendar).

use super::super::{Error, read, write};
use super::{board_items, partner_name, require_member, title_in};
use crate::state::AppState;
use mfx_domain::document::{DocumentId, Kind};
use mfx_domain::policy::{Action, Actor, Member, ReadScope, Resource, permits};
use mfx_domain::{PartnerId, UserId};
use mfx_i18n::Translator;
use mfx_store::tracking::{self as store, DeliverableFilter};
use mfx_store::{documents, partners};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarFeed {
    /// Subscribe to this address in a calendar application. Keep it secret.
    pub url: String,
}

/// Creates the account's secret calendar address (any earlier one stops working).
pub async fn create(state: &AppState, member: Member) -> Result<CalendarFeed, Error> {
    require_member(&Actor::Member(member))?;
    let (token, _) = crate::auth::token::new_refresh_token();
    let token = token.replacen("mfxr_", "mfxc_", 1);
    let hash = crate::auth::token::hash_refresh_token(&token);
    let (who, now) = (member.id, state.clock.now());
    write(state, move |c| store::new_calendar_token(c, who, &hash, now)).await?;
    Ok(CalendarFeed { url: format!("{}/calendar/{token}.ics", state.settings.public_url) })
}

/// Revokes the account's calendar address.
pub async fn revoke(state: &AppState, account: UserId) -> Result<(), Error> {
    let now = state.clock.now();
    write(state, move |c| store::revoke_calendar_tokens(c, account, now)).await?;
    Ok(())
}

/// Whether the actor follows the deadlines of work its `responsible` partners carry.
fn follows(actor: &Actor, responsible: &[PartnerId]) -> bool {
    permits(actor, Action::Follow, &Resource::Deliverable { responsible })
}

/// The calendar of the address whose secret is `token`: the deadlines its account follows and
/// the meetings it may read; "not found" for an unknown or revoked address.
pub async fn feed(state: &AppState, token: &str) -> Result<String, Error> {
    let hash = crate::auth::token::hash_refresh_token(token);
    let now = state.clock.now();
    let owner = read(state, move |c| store::calendar_owner(c, &hash)).await?.ok_or(Error::NotFound("calendar"))?;
    let record = read(state, move |c| mfx_store::accounts::find(c, owner)).await?.ok_or(Error::NotFound("calendar"))?;
    let account = &record.account;
    let actor = Actor::Member(Member { id: account.id, partner: account.partner, role: account.role });
    let locale = account.locale;
    let base = state.settings.public_url.clone();
    let today = now.date_naive();
    let partner_list = read(state, partners::list).await?;
    let partner_ids: HashMap<String, PartnerId> =
        partner_list.iter().map(|p| (p.profile.slug.to_string(), p.id)).collect();
    // Descriptions in the subscriber's language: statuses in words, partners by name.
    let tr = Translator::new(locale);
    let names = |slugs: &mut dyn Iterator<Item = &str>| {
        slugs.map(|s| partner_name(&partner_list, s)).collect::<Vec<_>>().join(", ")
    };
    let mut events = Vec::new();
    for d in read(state, |c| store::list_deliverables(c, &DeliverableFilter::default())).await? {
        let responsible: Vec<PartnerId> = d.partners.iter().map(|(id, _)| *id).collect();
        if follows(&actor, &responsible) {
            events.push(crate::ical::Event::Deadline {
                uid: format!("deliverable-{}@mfx", d.id),
                day: d.due_on,
                summary: format!("{} {}", d.code, title_in(&d.titles, locale)),
                description: format!(
                    "{} · {}",
                    tr.t(&format!("deliverable-status-{}", d.status.as_str())),
                    names(&mut d.partners.iter().map(|(_, s)| s.as_str()))
                ),
                url: format!("{base}/{locale}/dashboard"),
            });
        }
    }
    for item in board_items(state, &actor, today).await? {
        let responsible: Vec<PartnerId> = item.partners.iter().filter_map(|s| partner_ids.get(s).copied()).collect();
        if let Some(due) = item.due_on.filter(|_| follows(&actor, &responsible)) {
            events.push(crate::ical::Event::Deadline {
                uid: format!("action-item-{}@mfx", item.id),
                day: due,
                summary: item.title.clone(),
                description: [
                    tr.t(&format!("item-status-{}", item.status)),
                    names(&mut item.partners.iter().map(String::as_str)),
                ]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
                url: format!(
                    "{base}/{locale}/meeting-notes/{}",
                    item.meeting.map(|m| m.to_string()).unwrap_or_default()
                ),
            });
        }
    }
    let scope = ReadScope::of(&actor);
    let filter = documents::ListFilter { kind: Some(Kind::MeetingNote), ..Default::default() };
    let meetings = read(state, move |c| documents::list(c, &filter, scope, None, 500)).await?;
    for ids in meetings.chunks(50) {
        let ids: Vec<DocumentId> = ids.iter().map(|m| m.id).collect();
        let records = read(state, move |c| {
            ids.iter().filter_map(|id| documents::find(c, *id).transpose()).collect::<Result<Vec<_>, _>>()
        })
        .await?;
        for record in records {
            let d = &record.details;
            let parse = |field: &str| {
                d[field].as_str().and_then(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").ok())
            };
            let zone = d["time_zone"].as_str().and_then(|z| z.parse::<chrono_tz::Tz>().ok());
            if let (Some(starts), Some(ends), Some(zone)) = (parse("starts_at"), parse("ends_at"), zone) {
                let text = crate::text::served_text(&record.summary, locale)
                    .map(|t| t.texts.title().to_owned())
                    .unwrap_or_default();
                events.push(crate::ical::Event::Meeting {
                    uid: format!("meeting-{}@mfx", record.summary.id),
                    starts,
                    ends,
                    zone,
                    summary: text,
                    location: d["place"].as_str().unwrap_or_default().to_owned(),
                    url: format!("{base}/{locale}/meeting-notes/{}", record.summary.id),
                });
            }
        }
    }
    Ok(crate::ical::calendar("MICROFUTURE Exchange", &events, now))
}
