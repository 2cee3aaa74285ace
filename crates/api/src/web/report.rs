//! The semester report draft page for members: a period to choose, the draft in the page's
//! language, and its downloads (Markdown, Word) in English or in the page's language.

use super::extract::{Lang, Member};
use super::{Page, html, render, respond};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::tracking::period_name;
use crate::usecases::tracking::report::{self, ReportFormat};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::Locale;
use mfx_domain::tracking::PeriodSpec;
use serde::Deserialize;

/// A period as the select offers it.
pub struct PeriodChoice {
    pub code: String,
    pub label: String,
    pub chosen: bool,
}

/// A download link.
pub struct Download {
    pub href: String,
    pub label: String,
    pub lang: String,
}

#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage<'a> {
    pub page: &'a Page,
    pub periods: Vec<PeriodChoice>,
    pub downloads: Vec<Download>,
    /// The draft, rendered and sanitised.
    pub draft: String,
}

#[derive(Debug, Deserialize)]
pub struct ReportParams {
    period: Option<String>,
    format: Option<String>,
    language: Option<String>,
}

fn choices(page: &Page, periods: &[PeriodSpec], chosen: &str) -> Vec<PeriodChoice> {
    periods
        .iter()
        .map(|p| PeriodChoice {
            code: p.code.clone(),
            label: page.tr.args(
                "report-period-option",
                &[
                    ("period", mfx_i18n::Arg::from(period_name(&page.tr, &p.code))),
                    ("starts", mfx_i18n::Arg::from(page.date(&p.starts_on))),
                    ("ends", mfx_i18n::Arg::from(page.date(&p.ends_on))),
                ],
            ),
            chosen: p.code == chosen,
        })
        .collect()
}

/// The downloads of a period's draft: Markdown and Word, in English and in the page's language.
fn downloads(page: &Page, period: &str) -> Vec<Download> {
    let mut languages = vec![Locale::fallback()];
    if page.lang != Locale::fallback() {
        languages.push(page.lang);
    }
    let mut out = Vec::new();
    for (format, message) in [("markdown", "report-download-markdown"), ("docx", "report-download-docx")] {
        for language in &languages {
            out.push(Download {
                href: page.href(&format!("/report/download?period={period}&format={format}&language={language}")),
                label: page.t1(message, "language", &page.language_name(language.as_str())),
                lang: language.to_string(),
            });
        }
    }
    out
}

/// The page: the chosen period's draft in the page's language.
pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    params: web::Query<ReportParams>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("report-title");
        let actor = user.actor();
        let periods = report::periods(&state, &actor).await?;
        let drafted = report::draft(&state, &actor, params.period.as_deref(), lang).await?;
        let body = render(&ReportPage {
            page: &page,
            periods: choices(&page, &periods, &drafted.period.code),
            downloads: downloads(&page, &drafted.period.code),
            draft: crate::markdown::to_html(&drafted.markdown(1, true)),
        })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// A download of the draft: the format and language asked for (English by default).
pub async fn download(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    member: Member,
    params: web::Query<ReportParams>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (_, _, user) = member.titled("report-title");
        let language = match params.language.as_deref() {
            Some(tag) => Locale::parse_field(tag).map_err(|mut e| {
                e.field = "language".into();
                ApiError::invalid(e.into())
            })?,
            None => Locale::fallback(),
        };
        let format = ReportFormat::parse(params.format.as_deref())?;
        let drafted = report::draft(&state, &user.actor(), params.period.as_deref(), language).await?;
        let file = format.write(&drafted)?;
        Ok::<_, ApiError>(
            HttpResponse::Ok()
                .content_type(file.content_type)
                .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", file.file_name)))
                .insert_header((header::CACHE_CONTROL, "private, no-cache"))
                .body(file.bytes),
        )
    })
    .await
}
