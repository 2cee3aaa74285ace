//! The digest outbox for administrators: each account's digest per period, its status, the
//! last error of one that failed (why it waits, in the page's language, with the mail server's
//! or the system's own words), and a button that queues a failed or set-aside digest again.

use super::extract::{CheckedForm, Lang, Member, Pairs, Visitor};
use super::{Page, html, notice, render, respond, see_other};
use crate::error::ApiError;
use crate::mail::{Failure, SendError};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::policy::{Action, Resource, permits};
use mfx_store::outbox::{self, OutboxRow, STATUSES};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "outbox.html")]
pub struct OutboxPage<'a> {
    pub page: &'a Page,
    pub rows: Vec<OutboxRow>,
    pub status: String,
    pub statuses: [&'static str; 6],
}

impl OutboxPage<'_> {
    pub fn is_selected(&self, status: &str) -> bool {
        self.status == status
    }

    pub fn may_retry(&self, row: &OutboxRow) -> bool {
        matches!(row.status.as_str(), "failed" | "parked")
    }

    /// Why a row failed, as (our words in the page's language, the details as they came);
    /// `None` for an error kept in other words, shown as it is.
    pub fn reason(&self, error: &str) -> Option<(String, String)> {
        SendError::parse(error).map(|e| (self.page.t(why(e.failure)), e.detail))
    }
}

/// The message saying why a digest failed.
fn why(failure: Failure) -> &'static str {
    match failure {
        Failure::Rejected => "outbox-why-rejected",
        Failure::Unwritable => "outbox-why-unwritable",
        Failure::ConnectionRefused => "outbox-why-refused",
        Failure::TimedOut => "outbox-why-timed-out",
        Failure::Tls => "outbox-why-tls",
        Failure::Deferred => "outbox-why-deferred",
        Failure::Connection => "outbox-why-connection",
        Failure::Folder => "outbox-why-folder",
    }
}

#[derive(Debug, Deserialize)]
pub struct OutboxFilter {
    #[serde(default)]
    status: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    filter: web::Query<OutboxFilter>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("outbox-title");
        if !permits(&user.actor(), Action::Read, &Resource::Operations) {
            return Err(ApiError::forbidden());
        }
        // An unknown status shows everything rather than an empty list.
        let status = filter.status.clone().filter(|s| STATUSES.contains(&s.as_str())).unwrap_or_default();
        let wanted = (!status.is_empty()).then(|| status.clone());
        let rows = state.read(move |c| outbox::list(c, wanted.as_deref(), 200)).await?;
        let body = render(&OutboxPage { page: &page, rows, status, statuses: STATUSES })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// Queues a digest again; someone whose session ended meanwhile is sent to sign in.
pub async fn retry(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    path: web::Path<(String, String)>,
    _: CheckedForm<Pairs>,
) -> HttpResponse {
    let (_, id) = path.into_inner();
    respond(&state, &req, lang, async {
        let (page, mut cookies) = visitor.titled("outbox-title");
        let Some(user) = page.user.clone() else { return Ok(see_other(&format!("/{lang}/sign-in"), cookies)) };
        if !permits(&user.actor(), Action::Update, &Resource::Operations) {
            return Err(ApiError::forbidden());
        }
        let now = state.clock.now();
        let queued = state.write(move |c| outbox::retry(c, &id, now)).await?;
        cookies.push(notice(if queued { "notice-digest-queued" } else { "notice-digest-not-queued" }));
        Ok(see_other(&format!("/{lang}/admin/digests"), cookies))
    })
    .await
}
