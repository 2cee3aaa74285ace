//! The semester report draft: per partner, what the platform knows for a period —
//! deliverables due, documents published and their languages.

use super::super::{Error, read};
use super::{require_member, title_in, today};
use crate::state::AppState;
use chrono::NaiveDate;
use mfx_domain::Locale;
use mfx_domain::policy::{Actor, ReadScope};
use mfx_domain::tracking::{PeriodSpec, is_overdue};
use mfx_store::partners;
use mfx_store::tracking::{self as store, DeliverableFilter, DeliverableRecord};

/// A drafted report: the period it covers and its Markdown.
#[derive(Debug)]
pub struct Report {
    pub period: PeriodSpec,
    pub markdown: String,
}

/// Drafts the report of the period with `code`, or of the current one (else the last).
pub async fn draft(state: &AppState, actor: &Actor, code: Option<&str>) -> Result<Report, Error> {
    require_member(actor)?;
    let today = today(state);
    let periods = read(state, store::periods).await?;
    let period = match code {
        Some(code) => periods.iter().find(|p| p.spec.code == code),
        None => periods.iter().find(|p| p.spec.starts_on <= today && today <= p.spec.ends_on).or(periods.last()),
    }
    .ok_or(Error::NotFound("period"))?
    .spec
    .clone();
    let all = read(state, |c| store::list_deliverables(c, &DeliverableFilter::default())).await?;
    let partner_list = read(state, partners::list).await?;
    let scope = ReadScope::of(actor);
    let docs = read(state, move |c| {
        mfx_store::documents::list(c, &mfx_store::documents::ListFilter::default(), scope, None, 1000)
    })
    .await?;
    let within = |d: NaiveDate| period.starts_on <= d && d <= period.ends_on;
    // The report is written for the programme, in the partnership's working language.
    let language = Locale::fallback();
    let mut out = format!(
        "# Semester report draft — {} ({} to {})\n\nDrafted by MICROFUTURE Exchange on {today} from what the platform holds. Check and complete before sending.\n",
        period.code, period.starts_on, period.ends_on
    );
    for partner in &partner_list {
        let slug = partner.profile.slug.as_str();
        out.push_str(&format!(
            "\n## {} ({})\n\n### Deliverables due in the period\n\n",
            partner.profile.name_en, partner.profile.short_name
        ));
        let due: Vec<&DeliverableRecord> =
            all.iter().filter(|d| within(d.due_on) && d.partners.iter().any(|(_, s)| s == slug)).collect();
        if due.is_empty() {
            out.push_str("- none\n");
        }
        for d in due {
            let late = if is_overdue(d.due_on, d.status, today) { " — **late**" } else { "" };
            out.push_str(&format!(
                "- {} {} — due {} — {}{late}\n",
                d.code,
                title_in(&d.titles, language),
                d.due_on,
                d.status.as_str()
            ));
        }
        out.push_str("\n### Documents published in the period\n\n");
        let mut any = false;
        for doc in
            docs.iter().filter(|d| d.partner_slug == slug && d.published_at.is_some_and(|p| within(p.date_naive())))
        {
            any = true;
            let title = crate::text::served_text(doc, language).map(|t| t.texts.title().to_owned()).unwrap_or_default();
            let languages: Vec<&str> = doc.texts.iter().map(|t| t.locale.as_str()).collect();
            out.push_str(&format!("- {}: {title} ({})\n", doc.kind.as_str().replace('_', " "), languages.join(", ")));
        }
        if !any {
            out.push_str("- none\n");
        }
    }
    Ok(Report { period, markdown: out })
}
