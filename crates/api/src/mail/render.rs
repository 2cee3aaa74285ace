//! A digest in words: every sentence translated into the reader's language here, then laid out
//! by two askama templates, `mail/digest.txt` (plain text, nothing escaped) and
//! `mail/digest.html` (escaped by askama, like the pages).

use super::MailError;
use askama::Template;
use chrono::{DateTime, Utc};
use mfx_domain::Locale;
use mfx_domain::digest::{Change, Digest, Due, Item, Section};
use mfx_domain::document::Kind;
use mfx_i18n::{Arg, Translator, format_date};
use mfx_store::accounts::AccountRecord;

/// A digest in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The digest in the reader's language. `base` is the platform's public address and
/// `unsubscribe` the reader's one-click link.
pub fn render(
    digest: &Digest,
    user: &AccountRecord,
    since: DateTime<Utc>,
    base: &str,
    unsubscribe: &str,
) -> Result<Rendered, MailError> {
    let view = DigestView::new(digest, user, since, base, unsubscribe);
    let text = DigestText { view: &view }.render()?;
    let html = DigestHtml { view: &view }.render()?;
    Ok(Rendered { subject: view.subject, text, html })
}

/// What both templates show, already in the reader's language.
struct DigestView {
    lang: Locale,
    subject: String,
    greeting: String,
    intro: String,
    blocks: Vec<Block>,
    open: String,
    open_url: String,
    footer: String,
    stop: String,
    unsubscribe: String,
}

/// A heading and its list: a section of changes, or the late or due work.
struct Block {
    heading: String,
    /// The heading's underline in the plain text.
    underline: String,
    lines: Vec<Line>,
    /// "and N more", past the section's limit.
    more: Option<String>,
}

/// One item of a list.
struct Line {
    title: String,
    /// The language of `title` when it is not the reader's.
    language: Option<String>,
    /// What happened, how often, or when it is due.
    notes: String,
    /// Where to read it; due work has no link.
    url: Option<String>,
}

#[derive(Template)]
#[template(path = "mail/digest.txt")]
struct DigestText<'a> {
    view: &'a DigestView,
}

#[derive(Template)]
#[template(path = "mail/digest.html")]
struct DigestHtml<'a> {
    view: &'a DigestView,
}

impl DigestView {
    fn new(digest: &Digest, user: &AccountRecord, since: DateTime<Utc>, base: &str, unsubscribe: &str) -> Self {
        let lang = user.account.locale;
        let tr = Translator::new(lang);
        let since_day = format_date(lang, since.with_timezone(&user.account.time_zone.tz()).date_naive());
        let date = [("date", Arg::from(since_day.as_str()))];
        let sections = digest.sections.iter().map(|section| section_block(&tr, section, base, lang));
        let due = [("digest-overdue", &digest.overdue), ("digest-due-soon", &digest.due_soon)]
            .into_iter()
            .filter(|(_, list)| !list.is_empty())
            .map(|(heading, list)| due_block(&tr, &tr.t(heading), list, lang));
        DigestView {
            lang,
            subject: tr.args("digest-subject", &date),
            greeting: tr.args("digest-greeting", &[("name", Arg::from(user.account.display_name.as_str()))]),
            intro: tr.args("digest-intro", &date),
            blocks: sections.chain(due).collect(),
            open: tr.t("digest-open"),
            open_url: format!("{base}/{lang}/"),
            footer: tr.t("digest-footer"),
            stop: tr.t("digest-unsubscribe"),
            unsubscribe: unsubscribe.to_owned(),
        }
    }
}

fn block(heading: String, lines: Vec<Line>, more: Option<String>) -> Block {
    let underline = "=".repeat(heading.chars().count());
    Block { heading, underline, lines, more }
}

fn section_block(tr: &Translator, section: &Section, base: &str, lang: Locale) -> Block {
    let lines = section
        .items
        .iter()
        .map(|item| Line {
            title: item.title.clone(),
            language: item.language.clone(),
            notes: notes(tr, item),
            url: Some(link(base, lang, &item.subject, &item.kind)),
        })
        .collect();
    let more = (section.more > 0).then(|| tr.args("digest-more", &[("count", Arg::from(section.more))]));
    block(tr.t(&format!("digest-section-{}", section.group)), lines, more)
}

fn due_block(tr: &Translator, heading: &str, list: &[Due], lang: Locale) -> Block {
    let lines = list
        .iter()
        .map(|due| Line {
            title: due.title.clone(),
            language: None,
            notes: tr.args("digest-due-on", &[("date", Arg::from(format_date(lang, due.due_on)))]),
            url: None,
        })
        .collect();
    block(heading.to_owned(), lines, None)
}

/// What happened to an item, how many times, and the language of its title when not the reader's.
fn notes(tr: &Translator, item: &Item) -> String {
    let language_name =
        |code: &str| code.parse().map_or_else(|_| code.to_owned(), |language| tr.language_name(language));
    let what = match &item.change {
        Change::DocumentNew => tr.t("digest-change-new"),
        Change::DocumentUpdated => tr.t("digest-change-updated"),
        Change::TranslationNew { language } => {
            tr.args("digest-change-translation", &[("language", Arg::from(language_name(language)))])
        }
        Change::TranslationsOutdated { .. } => tr.t("digest-change-outdated"),
        Change::WorkChanged { detail } => {
            let status = tr.t(&format!("deliverable-status-{detail}"));
            tr.args("digest-change-work", &[("detail", Arg::from(status))])
        }
    };
    let mut notes = vec![what];
    if item.changes > 1 {
        notes.push(tr.args("digest-changes", &[("count", Arg::from(item.changes))]));
    }
    if let Some(language) = &item.language {
        notes.push(tr.args("digest-in-language", &[("language", Arg::from(language_name(language)))]));
    }
    notes.join(", ")
}

/// Where an item is read: a document's page in its own collection (`kind` is the document's
/// kind, not the section listing it), else the dashboard.
fn link(base: &str, locale: Locale, subject: &str, kind: &str) -> String {
    let (subject_kind, id) = subject.split_once(':').unwrap_or(("", subject));
    match (subject_kind, Kind::parse(kind)) {
        ("document", Some(kind)) => format!("{base}/{locale}/{}/{id}", kind.collection()),
        _ => format!("{base}/{locale}/dashboard"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::SECTION_LIMIT;
    use chrono::TimeZone as _;
    use mfx_domain::account::Account;
    use mfx_domain::digest::{DigestPrefs, Event, compose};
    use mfx_domain::{DisplayName, Email, PartnerId, PartnerSlug, Role, TimeZone, UserId};

    fn reader(lang: &str) -> AccountRecord {
        let at = Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).single().expect("a time");
        AccountRecord {
            account: Account {
                id: UserId::from_uuid(uuid::Uuid::nil()),
                email: Email::parse("lars@example.se").expect("email"),
                display_name: DisplayName::parse("Lars").expect("name"),
                partner: PartnerId::from_uuid(uuid::Uuid::nil()),
                role: Role::Editor,
                locale: lang.parse().expect("a language of the platform"),
                time_zone: TimeZone::parse("Europe/Stockholm").expect("zone"),
                active: true,
                password_change_required: false,
            },
            partner_slug: PartnerSlug::parse("orebro").expect("slug"),
            version: 1,
            created_at: at,
            updated_at: at,
            digest: DigestPrefs::default(),
        }
    }

    #[test]
    fn titles_are_escaped_in_html_and_kept_as_written_in_text() {
        let since = Utc.with_ymd_and_hms(2026, 11, 23, 7, 0, 0).single().expect("a time");
        let event = Event {
            at: since,
            subject: "document:7".into(),
            group: "practice".into(),
            title: "Jobs <now> & \"later\"".into(),
            language: Some("fr".into()),
            change: Change::DocumentNew,
        };
        let late = Due {
            subject: "deliverable:1".into(),
            title: "D1.1 <Report>".into(),
            due_on: since.date_naive(),
            overdue: true,
        };
        let digest = compose(&[event], &[late], SECTION_LIMIT);
        let (base, unsubscribe) = ("https://x.example", "https://x.example/unsubscribe/t");
        let rendered = render(&digest, &reader("sv"), since, base, unsubscribe).expect("render");
        let tr = Translator::new(reader("sv").account.locale);

        let heading = tr.t("digest-section-practice");
        let underline = "=".repeat(heading.chars().count());
        assert!(rendered.text.contains(&format!("\n\n{heading}\n{underline}\n- Jobs <now> & \"later\" (")));
        assert!(rendered.text.contains(")\n  https://x.example/sv/practices/7\n"), "{}", rendered.text);
        assert!(rendered.text.contains("\n- D1.1 <Report> ("), "due work has no link: {}", rendered.text);
        let footer = tr.t("digest-footer");
        assert!(rendered.text.ends_with(&format!("/sv/\n\n-- \n{footer}\n{unsubscribe}\n")), "{}", rendered.text);

        assert!(rendered.html.starts_with("<!DOCTYPE html><html lang=\"sv\">"), "{}", rendered.html);
        let link =
            r#"<a href="https://x.example/sv/practices/7" lang="fr">Jobs &#60;now&#62; &#38; &#34;later&#34;</a>"#;
        assert!(rendered.html.contains(link), "{}", rendered.html);
        assert!(rendered.html.contains("<li>D1.1 &#60;Report&#62; ("), "{}", rendered.html);
        assert!(!rendered.html.contains("<now>") && !rendered.html.contains("<Report>"));
    }
}
