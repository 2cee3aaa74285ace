//! The email digest of one reader: what they may see that happened since their last digest,
//! rendered in their language as text and HTML, and the message with RFC 8058 one-click
//! unsubscribe headers.

use crate::error::ApiError;
use crate::web::escape;
use chrono::{DateTime, Duration, Utc};
use lettre::Message;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart, header::ContentType};
use mfx_domain::digest::{Change, Digest, Due, Event, compose};
use mfx_domain::document::{DocumentId, Kind};
use mfx_domain::policy::{Actor, Member, ReadScope};
use mfx_domain::{Locale, UserId};
use mfx_i18n::{Arg, Translator, format_date};
use mfx_store::accounts::AccountRecord;
use mfx_store::documents::{self, DocumentSummary};
use mfx_store::{DbConnection, StoreError, activity, tracking};
use sha2::{Digest as _, Sha256};
use std::collections::HashMap;

/// How many items a section lists before it summarises the rest.
pub const SECTION_LIMIT: usize = 10;

fn title_for(summary: &DocumentSummary, locale: Locale) -> (String, Option<String>) {
    let chosen = mfx_i18n::fallback_chain(locale, summary.original_locale).into_iter().find_map(|l| summary.text(l));
    match chosen {
        Some(text) => {
            let language = (text.locale != locale).then(|| text.locale.to_string());
            (text.texts.title().to_owned(), language)
        }
        None => (String::new(), None),
    }
}

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
    let (summaries, deliverables, until) = (&period.summaries, &period.deliverables, period.until);
    let recorded = period.recorded.iter().filter(|a| a.actor != Some(account.id));
    let mut events = Vec::new();
    for a in recorded {
        match a.subject_kind.as_str() {
            "document" => {
                let Some(summary) = a.subject_id.parse().ok().and_then(|id: DocumentId| summaries.get(&id)) else {
                    continue;
                };
                if !scope.admits(summary.partner, summary.status, summary.visibility) {
                    continue;
                }
                let own = summary.partner == account.partner;
                let (title, language) = title_for(summary, account.locale);
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
                        events.push(Event {
                            at: a.at,
                            subject: format!("document:{}", summary.id),
                            group: summary.kind.as_str().to_owned(),
                            title: title.clone(),
                            language: language.clone(),
                            change: Change::DocumentUpdated,
                        });
                        Change::TranslationsOutdated { languages }
                    }
                    "document_updated" => Change::DocumentUpdated,
                    "translation_created" | "translation_updated" if own => {
                        Change::TranslationNew { language: a.locale.map(|l| l.to_string()).unwrap_or_default() }
                    }
                    _ => continue,
                };
                events.push(Event {
                    at: a.at,
                    subject: format!("document:{}", summary.id),
                    group: summary.kind.as_str().to_owned(),
                    title,
                    language,
                    change,
                });
            }
            "deliverable" if a.partner == Some(account.partner) => {
                let Some(deliverable) = deliverables.get(&a.subject_id) else { continue };
                let detail = match a.verb.as_str() {
                    "deliverable_status_changed" => a.details["to"].as_str().unwrap_or_default().to_owned(),
                    "deliverable_created" => "planned".to_owned(),
                    _ => deliverable.status.as_str().to_owned(),
                };
                let (title, lang) = crate::routes::tracking::title_and_language(&deliverable.titles, account.locale);
                events.push(Event {
                    at: a.at,
                    subject: format!("deliverable:{}", deliverable.id),
                    group: "deliverable".into(),
                    title: format!("{} {title}", deliverable.code),
                    language: (lang != account.locale.as_str()).then_some(lang),
                    change: Change::WorkChanged { detail },
                });
            }
            _ => {}
        }
    }
    let today = until.with_timezone(&account.time_zone.tz()).date_naive();
    let horizon = today + Duration::days(14);
    let mut due = Vec::new();
    for d in deliverables.values().filter(|d| d.partners.iter().any(|(p, _)| *p == account.partner)) {
        let overdue = mfx_domain::tracking::is_overdue(d.due_on, d.status, today);
        if overdue || (!d.status.is_delivered() && d.due_on >= today && d.due_on <= horizon) {
            let (title, _) = crate::routes::tracking::title_and_language(&d.titles, account.locale);
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
    compose(&events, &due, SECTION_LIMIT)
}

/// A digest in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn link(base: &str, locale: Locale, subject: &str, group: &str) -> String {
    let (kind, id) = subject.split_once(':').unwrap_or(("", subject));
    match kind {
        "document" => {
            let collection = Kind::parse(group).map_or("practices", Kind::collection);
            format!("{base}/{locale}/{collection}/{id}")
        }
        _ => format!("{base}/{locale}/dashboard"),
    }
}

/// The digest in the reader's language.
pub fn render(digest: &Digest, user: &AccountRecord, since: DateTime<Utc>, base: &str, unsubscribe: &str) -> Rendered {
    let locale = user.account.locale;
    let tr = Translator::new(locale);
    let since_day = format_date(locale, since.with_timezone(&user.account.time_zone.tz()).date_naive());
    let subject = tr.args("digest-subject", &[("date", Arg::from(since_day.as_str()))]);
    let mut text = String::new();
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{locale}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>",
        escape(&subject)
    );
    let greeting = tr.args("digest-greeting", &[("name", Arg::from(user.account.display_name.as_str()))]);
    let intro = tr.args("digest-intro", &[("date", Arg::from(since_day.as_str()))]);
    text.push_str(&format!("{greeting}\n{intro}\n"));
    html.push_str(&format!("<p>{}<br>{}</p>", escape(&greeting), escape(&intro)));
    let language_name =
        |code: &str| code.parse().map_or_else(|_| code.to_owned(), |language| tr.language_name(language));
    for section in &digest.sections {
        let heading = tr.t(&format!("digest-section-{}", section.group));
        text.push_str(&format!("\n{heading}\n{}\n", "=".repeat(heading.chars().count())));
        html.push_str(&format!("<h2>{}</h2><ul>", escape(&heading)));
        for item in &section.items {
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
            let url = link(base, locale, &item.subject, &section.group);
            text.push_str(&format!("- {} ({})\n  {url}\n", item.title, notes.join(", ")));
            let lang_attr = item.language.as_ref().map(|l| format!(" lang=\"{l}\"")).unwrap_or_default();
            html.push_str(&format!(
                "<li><a href=\"{}\"{lang_attr}>{}</a> ({})</li>",
                escape(&url),
                escape(&item.title),
                escape(&notes.join(", "))
            ));
        }
        if section.more > 0 {
            let more = tr.args("digest-more", &[("count", Arg::from(section.more))]);
            text.push_str(&format!("  {more}\n"));
            html.push_str(&format!("<li>{}</li>", escape(&more)));
        }
        html.push_str("</ul>");
    }
    for (id, list) in [("digest-overdue", &digest.overdue), ("digest-due-soon", &digest.due_soon)] {
        if list.is_empty() {
            continue;
        }
        let heading = tr.t(id);
        text.push_str(&format!("\n{heading}\n{}\n", "=".repeat(heading.chars().count())));
        html.push_str(&format!("<h2>{}</h2><ul>", escape(&heading)));
        for due in list.iter() {
            let when = tr.args("digest-due-on", &[("date", Arg::from(format_date(locale, due.due_on)))]);
            text.push_str(&format!("- {} ({when})\n", due.title));
            html.push_str(&format!("<li>{} ({})</li>", escape(&due.title), escape(&when)));
        }
        html.push_str("</ul>");
    }
    let open = tr.t("digest-open");
    let footer = tr.t("digest-footer");
    let stop = tr.t("digest-unsubscribe");
    text.push_str(&format!("\n{open}: {base}/{locale}/\n\n-- \n{footer}\n{unsubscribe}\n"));
    html.push_str(&format!(
        "<p><a href=\"{}\">{}</a></p><hr><p>{} <a href=\"{}\">{}</a></p></body></html>",
        escape(&format!("{base}/{locale}/")),
        escape(&open),
        escape(&footer),
        escape(unsubscribe),
        escape(&stop)
    ));
    Rendered { subject, text, html }
}

/// The email, multipart text and HTML, with one-click unsubscribe (RFC 8058).
pub fn message(from: &str, user: &AccountRecord, rendered: &Rendered, unsubscribe: &str) -> Result<Message, ApiError> {
    let from: Mailbox = from.parse().map_err(ApiError::internal)?;
    let to: Mailbox = Mailbox::new(
        Some(user.account.display_name.as_str().to_owned()),
        user.account.email.as_str().parse().map_err(ApiError::internal)?,
    );
    Message::builder()
        .from(from)
        .to(to)
        .subject(rendered.subject.clone())
        .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{unsubscribe}>")))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
            "List-Unsubscribe=One-Click".into(),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Content-Language"),
            user.account.locale.to_string(),
        ))
        .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("Auto-Submitted"), "auto-generated".into()))
        .multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(rendered.text.clone()))
                .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(rendered.html.clone())),
        )
        .map_err(ApiError::internal)
}

// ---------------------------------------------------------------- unsubscribe tokens

fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut block = [0_u8; BLOCK];
    if key.len() > BLOCK {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let inner: Vec<u8> = block.iter().map(|b| b ^ 0x36).chain(message.iter().copied()).collect();
    let inner_hash = Sha256::digest(&inner);
    let outer: Vec<u8> = block.iter().map(|b| b ^ 0x5c).chain(inner_hash.iter().copied()).collect();
    Sha256::digest(&outer).into()
}

/// A per-account token that unsubscribes without signing in: the account id and a MAC of the
/// id and the account's link generation, under the unsubscribe key. Bumping the generation
/// revokes every earlier link of the account.
pub fn unsubscribe_token(key: &[u8], user: UserId, generation: i64) -> String {
    use base64::Engine;
    let mac = hmac_sha256(key, format!("unsubscribe:{user}:{generation}").as_bytes());
    format!("{user}.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&mac[..18]))
}

/// The account a token claims to be for; check it with [`unsubscribe_token_valid`].
pub fn unsubscribe_token_user(token: &str) -> Option<UserId> {
    token.split_once('.')?.0.parse().ok()
}

/// Whether `token` is the current link of `user`.
pub fn unsubscribe_token_valid(key: &[u8], token: &str, user: UserId, generation: i64) -> bool {
    let expected = unsubscribe_token(key, user, generation);
    expected.len() == token.len() && expected.bytes().zip(token.bytes()).fold(0_u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_the_rfc_4231_vector() {
        // RFC 4231, test case 2.
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn unsubscribe_tokens_are_bound_to_the_account_the_key_and_the_generation() {
        let key = b"key one, long enough to sign with!!";
        let user = UserId::from_uuid(uuid::Uuid::now_v7());
        let token = unsubscribe_token(key, user, 0);
        assert_eq!(unsubscribe_token_user(&token), Some(user));
        assert!(unsubscribe_token_valid(key, &token, user, 0));
        assert!(!unsubscribe_token_valid(b"another key, long enough to sign!!", &token, user, 0));
        assert!(!unsubscribe_token_valid(key, &token, user, 1), "a later generation revokes the link");
        let other = UserId::from_uuid(uuid::Uuid::now_v7());
        let forged = format!("{other}.{}", token.split_once('.').map(|(_, m)| m).unwrap_or_default());
        assert!(!unsubscribe_token_valid(key, &forged, other, 0));
        assert_eq!(unsubscribe_token_user("garbage"), None);
    }
}
