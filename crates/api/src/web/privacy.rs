//! The privacy notice (`/{lang}/privacy`), public in every language: who is responsible for
//! personal data, what is kept and why, for how long (the retention periods of the settings,
//! in words), the rights people have, and the licence of public content.

use super::extract::{Lang, Visitor};
use super::{Page, html, render, respond};
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::{Partner, PartnerKind};
use std::time::Duration;

#[derive(Template)]
#[template(path = "privacy.html")]
pub struct PrivacyPage<'a> {
    pub page: &'a Page,
    /// The controller's name and address, line by line, each with its language when it is
    /// written in another one than the page's.
    pub controller: Vec<(String, Option<String>)>,
    pub contact: Option<String>,
    /// The lead partner's short name, to contact when no address is set.
    pub lead: String,
    /// What is kept, and after how long it is removed, in words.
    pub periods: Vec<(String, String)>,
    /// The licence of public content, as configured; Creative Commons Attribution when none.
    pub licence: Option<String>,
}

pub async fn notice(state: web::Data<AppState>, req: HttpRequest, Lang(lang): Lang, visitor: Visitor) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled("privacy-title");
        let partners = state.read(mfx_store::partners::list).await?;
        let lead = partners.iter().find(|p| p.profile.kind == PartnerKind::Lead).or(partners.first());
        let privacy = &state.settings.privacy;
        let controller = match (&privacy.controller, lead) {
            (Some(text), _) => text.lines().map(|line| (line.to_owned(), None)).collect(),
            (None, Some(lead)) => lead_lines(&page, lead),
            (None, None) => vec![(page.project.clone(), None)],
        };
        let retention = &privacy.retention;
        let periods = [
            ("privacy-period-sessions", retention.sessions),
            ("privacy-period-sign-in-attempts", retention.sign_in_attempts),
            ("privacy-period-digests", retention.digests),
            ("privacy-period-account-changes", retention.account_changes),
            ("privacy-period-calendar-tokens", retention.calendar_tokens),
        ]
        .into_iter()
        .map(|(id, period)| (page.t(id), in_words(&page, period)))
        .collect();
        let body = render(&PrivacyPage {
            page: &page,
            controller,
            contact: privacy.contact.as_ref().map(|e| e.as_str().to_owned()),
            lead: lead.map_or_else(|| page.project.clone(), |p| p.profile.short_name.clone()),
            periods,
            licence: privacy.content_licence.clone(),
        })?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// The lead partner as the controller: its name in its language, its English name, and its
/// region and country in the reader's.
fn lead_lines(page: &Page, lead: &Partner) -> Vec<(String, Option<String>)> {
    let p = &lead.profile;
    let own_language = (p.locale != page.lang).then(|| p.locale.to_string());
    let mut lines = vec![(p.name_local.clone(), own_language)];
    if p.name_en != p.name_local {
        // The English name is in the working language.
        let working = mfx_domain::Locale::fallback();
        lines.push((p.name_en.clone(), (page.lang != working).then(|| working.to_string())));
    }
    lines.push((format!("{}, {}", p.region_in(page.lang), page.country_name(&p.country)), None));
    lines
}

/// A retention period in the reader's words: years or days when it is a whole number of them,
/// else hours.
pub fn in_words(page: &Page, period: Duration) -> String {
    let hours = usize::try_from(period.as_secs() / 3600).unwrap_or(usize::MAX);
    match hours {
        h if h > 0 && h % (24 * 365) == 0 => page.tn("privacy-years", h / (24 * 365)),
        h if h > 0 && h % 24 == 0 => page.tn("privacy-days", h / 24),
        h => page.tn("privacy-hours", h),
    }
}
