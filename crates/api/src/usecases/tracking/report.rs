//! The semester report draft: per partner, what the platform knows for a period —
//! deliverables due, documents published and their languages — written in one language
//! (English for the programme, or the reader's), as Markdown or as a Word document.

use super::super::{Error, read};
use super::{period_name, require_member, title_and_language, today};
use crate::state::AppState;
use chrono::NaiveDate;
use mfx_domain::Locale;
use mfx_domain::policy::{Actor, ReadScope};
use mfx_domain::tracking::{PeriodSpec, is_overdue};
use mfx_i18n::{Arg, Translator, format_date, language_name};
use mfx_store::partners;
use mfx_store::tracking::{self as store, DeliverableFilter, DeliverableRecord};

/// A run of text; `lang` names its language when it is content in another language than the
/// draft's (a title not translated, a partner's own name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    pub lang: Option<String>,
}

impl Part {
    fn words(text: impl Into<String>) -> Self {
        Self { text: text.into(), lang: None }
    }

    fn content(text: impl Into<String>, lang: &str, draft: Locale) -> Self {
        Self { text: text.into(), lang: (lang != draft.as_str()).then(|| lang.to_owned()) }
    }
}

/// One piece of the draft; Markdown and Word each write it their way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading of level 1 (the report), 2 (a partner) or 3 (a section).
    Heading(u8, Vec<Part>),
    Paragraph(Vec<Part>),
    /// A line of a list; `late` is the word marking a late deliverable.
    Item {
        parts: Vec<Part>,
        late: Option<String>,
    },
}

/// A drafted report: the period it covers, its language, and its blocks.
#[derive(Debug)]
pub struct Report {
    pub period: PeriodSpec,
    pub language: Locale,
    pub blocks: Vec<Block>,
}

/// Markdown's punctuation that could change how a text reads, escaped.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Report {
    /// The draft in Markdown, its headings `shift` levels lower (1 when a page has its own
    /// title above it); with `mark_languages`, content in another language is marked with its
    /// language (`<span lang>`) for a page to show.
    pub fn markdown(&self, shift: u8, mark_languages: bool) -> String {
        let line = |parts: &[Part]| {
            parts
                .iter()
                .map(|part| match &part.lang {
                    Some(lang) if mark_languages => {
                        format!("<span lang=\"{lang}\">{}</span>", escape_markdown(&part.text))
                    }
                    _ => escape_markdown(&part.text),
                })
                .collect::<String>()
        };
        let mut out = String::new();
        let mut after_item = false;
        for block in &self.blocks {
            let item = matches!(block, Block::Item { .. });
            let continues_a_list = item && after_item;
            if !out.is_empty() && !continues_a_list {
                out.push('\n');
            }
            match block {
                Block::Heading(level, parts) => {
                    out.push_str(&format!("{} {}\n", "#".repeat(usize::from(level + shift)), line(parts)));
                }
                Block::Paragraph(parts) => out.push_str(&format!("{}\n", line(parts))),
                Block::Item { parts, late: Some(word) } => {
                    out.push_str(&format!("- {} — **{}**\n", line(parts), escape_markdown(word)));
                }
                Block::Item { parts, late: None } => out.push_str(&format!("- {}\n", line(parts))),
            }
            after_item = item;
        }
        out
    }

    /// The draft as a Word document (Office Open XML), with real headings and lists.
    pub fn docx(&self) -> Result<Vec<u8>, Error> {
        use docx_rs::{Docx, Paragraph, Run, Style, StyleType};
        let mut doc = Docx::new()
            .add_style(Style::new("Heading1", StyleType::Paragraph).name("Heading 1").size(36).bold().outline_lvl(0))
            .add_style(Style::new("Heading2", StyleType::Paragraph).name("Heading 2").size(30).bold().outline_lvl(1))
            .add_style(Style::new("Heading3", StyleType::Paragraph).name("Heading 3").size(26).bold().outline_lvl(2))
            .add_style(Style::new("ListParagraph", StyleType::Paragraph).name("List Paragraph").indent(
                Some(360),
                None,
                None,
                None,
            ));
        let runs = |mut p: Paragraph, parts: &[Part]| {
            for part in parts {
                p = p.add_run(Run::new().add_text(&part.text));
            }
            p
        };
        for block in &self.blocks {
            let paragraph = match block {
                Block::Heading(level, parts) => runs(Paragraph::new().style(&format!("Heading{level}")), parts),
                Block::Paragraph(parts) => runs(Paragraph::new(), parts),
                Block::Item { parts, late } => {
                    let mut p = runs(Paragraph::new().style("ListParagraph").add_run(Run::new().add_text("• ")), parts);
                    if let Some(word) = late {
                        p = p.add_run(Run::new().add_text(" — ")).add_run(Run::new().add_text(word).bold());
                    }
                    p
                }
            };
            doc = doc.add_paragraph(paragraph);
        }
        let mut out = std::io::Cursor::new(Vec::new());
        doc.build().pack(&mut out).map_err(|e| Error::Internal(format!("the Word document: {e}")))?;
        Ok(out.into_inner())
    }
}

/// The file a draft is downloaded as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    #[default]
    Markdown,
    Docx,
}

/// A draft ready to download: its media type, file name and bytes.
pub struct ReportFile {
    pub content_type: &'static str,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl ReportFormat {
    /// `markdown`, `docx`, or nothing (Markdown).
    pub fn parse(value: Option<&str>) -> Result<Self, Error> {
        match value {
            None | Some("markdown") => Ok(Self::Markdown),
            Some("docx") => Ok(Self::Docx),
            Some(_) => Err(Error::field("format", "invalid", "markdown or docx")),
        }
    }

    /// The draft written in this format.
    pub fn write(self, report: &Report) -> Result<ReportFile, Error> {
        let stem = format!("report-{}-{}", report.period.code, report.language);
        Ok(match self {
            Self::Markdown => ReportFile {
                content_type: "text/markdown; charset=utf-8",
                file_name: format!("{stem}.md"),
                bytes: report.markdown(0, false).into_bytes(),
            },
            Self::Docx => ReportFile {
                content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                file_name: format!("{stem}.docx"),
                bytes: report.docx()?,
            },
        })
    }
}

/// The reporting periods, for choosing one.
pub async fn periods(state: &AppState, actor: &Actor) -> Result<Vec<PeriodSpec>, Error> {
    require_member(actor)?;
    Ok(read(state, store::periods).await?.into_iter().map(|p| p.spec).collect())
}

/// Drafts the report of the period with `code`, or of the current one (else the last), in
/// `language`: headings, statuses, kinds, dates and language names from its messages.
pub async fn draft(state: &AppState, actor: &Actor, code: Option<&str>, language: Locale) -> Result<Report, Error> {
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
    let tr = Translator::new(language);
    let date = |d: NaiveDate| format_date(language, d);
    let mut blocks = vec![
        Block::Heading(
            1,
            vec![Part::words(tr.args(
                "report-heading",
                &[
                    ("period", Arg::from(period_name(&tr, &period.code))),
                    ("starts", Arg::from(date(period.starts_on))),
                    ("ends", Arg::from(date(period.ends_on))),
                ],
            ))],
        ),
        Block::Paragraph(vec![Part::words(tr.args(
            "report-drafted",
            &[("site", Arg::from("MICROFUTURE Exchange")), ("date", Arg::from(date(today)))],
        ))]),
    ];
    let none = || Block::Item { parts: vec![Part::words(tr.t("report-none"))], late: None };
    for partner in &partner_list {
        let slug = partner.profile.slug.as_str();
        let name = if language == Locale::fallback() {
            Part::words(&partner.profile.name_en)
        } else {
            Part::content(&partner.profile.name_local, partner.profile.locale.as_str(), language)
        };
        blocks.push(Block::Heading(2, vec![name, Part::words(format!(" ({})", partner.profile.short_name))]));
        blocks.push(Block::Heading(3, vec![Part::words(tr.t("report-deliverables"))]));
        let due: Vec<&DeliverableRecord> =
            all.iter().filter(|d| within(d.due_on) && d.partners.iter().any(|(_, s)| s == slug)).collect();
        if due.is_empty() {
            blocks.push(none());
        }
        for d in due {
            let (title, title_language) = title_and_language(&d.titles, language);
            blocks.push(Block::Item {
                parts: vec![
                    Part::words(format!("{} ", d.code)),
                    Part::content(title, &title_language, language),
                    Part::words(format!(
                        " — {} — {}",
                        tr.args("report-due", &[("date", Arg::from(date(d.due_on)))]),
                        tr.t(&format!("deliverable-status-{}", d.status.as_str()))
                    )),
                ],
                late: is_overdue(d.due_on, d.status, today).then(|| tr.t("report-late")),
            });
        }
        blocks.push(Block::Heading(3, vec![Part::words(tr.t("report-documents"))]));
        let published: Vec<_> = docs
            .iter()
            .filter(|d| d.partner_slug == slug && d.published_at.is_some_and(|p| within(p.date_naive())))
            .collect();
        if published.is_empty() {
            blocks.push(none());
        }
        for doc in published {
            let title = match crate::text::served_text(doc, language) {
                Some(text) => Part::content(text.texts.title(), text.locale.as_str(), language),
                None => Part::words(""),
            };
            let languages: Vec<String> = doc.texts.iter().map(|t| language_name(t.locale, language)).collect();
            blocks.push(Block::Item {
                parts: vec![
                    Part::words(format!("{}: ", tr.t(&format!("kind-{}", doc.kind.as_str())))),
                    title,
                    Part::words(format!(" ({})", languages.join(", "))),
                ],
                late: None,
            });
        }
    }
    Ok(Report { period, language, blocks })
}
