//! The digest outbox for administrators: each account's digest per period, its status, the
//! last error of one that failed, and a button that queues a failed or set-aside digest again.

use super::session::csrf_ok;
use super::{Page, context, html, locale, notice, render, respond, see_other};
use crate::error::ApiError;
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
}

#[derive(Debug, Deserialize)]
pub struct OutboxFilter {
    #[serde(default)]
    status: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    req: HttpRequest,
    lang: web::Path<String>,
    filter: web::Query<OutboxFilter>,
) -> HttpResponse {
    let lang = locale(&lang);
    respond(&state, &req, lang, async {
        let (page, cookies) = context(&state, &req, lang, "outbox-title").await?;
        let Some(user) = page.user.clone() else { return Ok(see_other(&format!("/{lang}/sign-in"), cookies)) };
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

#[derive(Debug, Deserialize)]
pub struct RetryForm {
    #[serde(default)]
    csrf: Option<String>,
}

pub async fn retry(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    form: web::Form<RetryForm>,
) -> HttpResponse {
    let (lang, id) = path.into_inner();
    let lang = locale(&lang);
    respond(&state, &req, lang, async {
        let (page, mut cookies) = context(&state, &req, lang, "outbox-title").await?;
        let Some(user) = page.user.clone() else { return Ok(see_other(&format!("/{lang}/sign-in"), cookies)) };
        if !csrf_ok(&req, form.csrf.as_deref()) || !permits(&user.actor(), Action::Update, &Resource::Operations) {
            return Err(ApiError::forbidden());
        }
        let now = state.clock.now();
        let queued = state.write(move |c| outbox::retry(c, &id, now)).await?;
        cookies.push(notice(if queued { "notice-digest-queued" } else { "notice-digest-not-queued" }));
        Ok(see_other(&format!("/{lang}/admin/digests"), cookies))
    })
    .await
}
