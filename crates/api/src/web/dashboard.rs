//! The work-plan dashboard page: what is late and due soon, progress by partner and period,
//! the indicators with how they are counted, and three pictures drawn on the server — the
//! timeline of deliverables (in `timeline`), progress by partner, and translation coverage —
//! each with a table carrying the same figures.

use super::extract::{Lang, Member};
use super::{Page, escape, html, render, respond};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::tracking::{self, BoardEntry, Dashboard};
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use mfx_domain::{Locale, Partner};
use mfx_store::tracking::DeliverableRecord;
use std::fmt::Write;

/// A deliverable as a row of the page.
pub struct Row {
    /// The deliverable's id, for its page.
    pub id: String,
    pub code: String,
    pub title: String,
    pub language: String,
    pub work_package: String,
    pub partners: String,
    pub due_on: NaiveDate,
    pub status: &'static str,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage<'a> {
    pub page: &'a Page,
    pub data: Dashboard,
    pub rows: Vec<Row>,
    pub timeline: String,
    pub progress: String,
    pub coverage: String,
    pub partners: Vec<mfx_domain::Partner>,
}

impl DashboardPage<'_> {
    pub fn partner_name(&self, slug: &str) -> String {
        super::pages::partner_name(&self.partners, slug)
    }

    pub fn partner_names(&self, slugs: &[String]) -> String {
        slugs.iter().map(|s| self.partner_name(s)).collect::<Vec<_>>().join(", ")
    }
    pub fn entry_title(&self, entry: &BoardEntry) -> String {
        match &entry.code {
            Some(code) => format!("{code} {}", entry.title),
            None => entry.title.clone(),
        }
    }

    pub fn entry_status(&self, entry: &BoardEntry) -> String {
        let prefix = if entry.kind == "deliverable" { "deliverable-status-" } else { "item-status-" };
        self.page.code(prefix, &entry.status)
    }

    pub fn percent(&self, part: &i64, whole: &Option<i64>) -> String {
        match whole {
            #[expect(clippy::cast_precision_loss, reason = "shares shown to people")]
            Some(whole) if *whole > 0 => format!("{} %", self.page.number(*part as f64 * 100.0 / *whole as f64, 0)),
            _ => "–".into(),
        }
    }
}

/// Horizontal bars: delivered out of all, per partner.
fn progress(page: &Page, data: &Dashboard, partners: &[Partner]) -> String {
    let height = 20 + data.partners.len() * 30;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 {height}" role="img" aria-labelledby="progress-title progress-desc"><title id="progress-title">{}</title><desc id="progress-desc">{}</desc>"#,
        escape(&page.t("dashboard-partners")),
        escape(&page.t("dashboard-partners-description"))
    );
    for (i, p) in data.partners.iter().enumerate() {
        let y = 10 + i * 30;
        let share = if p.deliverables > 0 { p.delivered as f64 / p.deliverables as f64 } else { 0.0 };
        let _ = write!(
            svg,
            r##"<text x="8" y="{}" font-size="13" fill="#1b1f24">{}</text><rect x="180" y="{y}" width="500" height="18" fill="#f3f6fa" stroke="#c9d1db"/><rect x="180" y="{y}" width="{:.1}" height="18" fill="#1d6b2f"/><text x="690" y="{}" font-size="12" fill="#1b1f24">{}/{}</text>"##,
            y + 14,
            escape(&super::pages::partner_name(partners, &p.partner)),
            500.0 * share,
            y + 14,
            p.delivered,
            p.deliverables
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One cell per language, shaded by the share of documents readable in it.
fn coverage(page: &Page, data: &Dashboard) -> String {
    let Some(indicator) = data.indicators.iter().find(|i| i.code == "translation_coverage") else {
        return String::new();
    };
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 90" role="img" aria-labelledby="coverage-title coverage-desc"><title id="coverage-title">{}</title><desc id="coverage-desc">{}</desc>"#,
        escape(&page.t("dashboard-coverage")),
        escape(&page.t("dashboard-coverage-description"))
    );
    for (i, row) in indicator.breakdown.iter().enumerate() {
        let share = match row.of {
            Some(of) if of > 0 => row.value as f64 / of as f64,
            _ => 0.0,
        };
        let x = 10 + i * 122;
        let light = (235.0 - 170.0 * share) as u8;
        let text = if share > 0.5 { "#ffffff" } else { "#1b1f24" };
        let _ = write!(
            svg,
            r##"<rect x="{x}" y="10" width="116" height="70" rx="6" fill="rgb({light},{},{})" stroke="#c9d1db"/><text x="{}" y="40" font-size="15" fill="{text}">{}</text><text x="{}" y="64" font-size="13" fill="{text}">{:.0} %</text>"##,
            light.saturating_add(10),
            255_u8.saturating_sub((170.0 * share) as u8 / 3),
            x + 10,
            escape(&page.language_label(&row.key)),
            x + 10,
            share * 100.0
        );
    }
    svg.push_str("</svg>");
    svg
}

fn rows_of(records: &[DeliverableRecord], partners: &[Partner], locale: Locale, today: NaiveDate) -> Vec<Row> {
    records
        .iter()
        .map(|d| Row {
            id: d.id.to_string(),
            code: d.code.clone(),
            title: tracking::title_in(&d.titles, locale),
            language: tracking::title_and_language(&d.titles, locale).1,
            work_package: d.work_package.clone(),
            partners: d
                .partners
                .iter()
                .map(|(_, s)| super::pages::partner_name(partners, s.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            due_on: d.due_on,
            status: d.status.as_str(),
            overdue: mfx_domain::tracking::is_overdue(d.due_on, d.status, today),
        })
        .collect()
}

pub async fn dashboard(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, member: Member) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("dashboard-title");
        let (data, records) = tracking::dashboard_for(&state, &user.actor(), lang).await?;
        let partners = state.read(mfx_store::partners::list).await?;
        let rows = rows_of(&records, &partners, lang, data.today);
        let body = render(&DashboardPage {
            timeline: super::timeline::timeline(&page, &rows, &data.periods, data.today),
            progress: progress(&page, &data, &partners),
            coverage: coverage(&page, &data),
            page: &page,
            rows,
            data,
            partners,
        })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

#[derive(Debug, serde::Deserialize)]
pub struct CsvParams {
    format: Option<String>,
}

/// The CSV export for a signed-in browser: in the page's language, or with codes.
pub async fn csv(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    params: web::Query<CsvParams>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (_, _, user) = member.titled("dashboard-title");
        let format = tracking::CsvFormat::parse(params.format.as_deref())?;
        let (data, records) = tracking::dashboard_for(&state, &user.actor(), lang).await?;
        let partners = state.read(mfx_store::partners::list).await?;
        let out = tracking::deliverables_as_csv(&records, &partners, lang, data.today, format);
        Ok::<_, ApiError>(
            HttpResponse::Ok()
                .content_type("text/csv; charset=utf-8")
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"deliverables-{}.csv\"", data.today),
                ))
                .body(out),
        )
    })
    .await
}
