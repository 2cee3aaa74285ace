//! Atom feeds of the newest publications, in each language: one per collection
//! (`/{lang}/practices.atom`, …) and one per partner (`/{lang}/partners/{slug}.atom`). An entry's
//! title and summary are in the reader's language by the fallback rule, marked with the language
//! actually served, and a title served in another language says so as the lists do. Only what an
//! anonymous visitor may read is listed, whoever asks.

use super::extract::Lang;
use super::respond;
use crate::error::ApiError;
use crate::state::AppState;
use crate::text::served_text;
use crate::usecases::documents::publications::{self, Publications};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::{DateTime, Utc};
use mfx_domain::Locale;
use mfx_domain::document::Kind;
use mfx_i18n::{Arg, Translator};
use mfx_store::documents::DocumentSummary;
use sha2::{Digest, Sha256};

/// The media type of an Atom feed.
pub const ATOM: &str = "application/atom+xml; charset=utf-8";

/// How many characters of plain text an entry's summary carries at most.
const PASSAGE: usize = 400;

/// The feed of a collection: `/{lang}/{collection}.atom`.
pub async fn collection(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    path: web::Path<(String, String)>,
) -> HttpResponse {
    let (_, collection) = path.into_inner();
    let kind = Kind::parse(&collection).unwrap_or(Kind::Practice);
    respond(&state, &req, lang, async {
        let found = publications::newest(&state, Some(kind), None).await?;
        let tr = Translator::new(lang);
        let title = tr.t(super::pages::list_title(kind));
        let page = format!("/{lang}/{}", kind.collection());
        answer(&req, &build(&state, &tr, &found, &title, &page, &req))
    })
    .await
}

/// The feed of a partner: `/{lang}/partners/{slug}.atom`.
pub async fn partner(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    path: web::Path<(String, String)>,
) -> HttpResponse {
    let (_, slug) = path.into_inner();
    respond(&state, &req, lang, async {
        let found = publications::newest(&state, None, Some(slug.clone())).await?;
        let tr = Translator::new(lang);
        let title = found.partner.as_ref().map_or_else(|| slug.clone(), |p| p.profile.short_name.clone());
        let page = format!("/{lang}/partners/{slug}");
        answer(&req, &build(&state, &tr, &found, &title, &page, &req))
    })
    .await
}

fn fixed(at: DateTime<Utc>) -> FixedDateTime {
    at.fixed_offset()
}

/// A passage of plain text from Markdown: at most [`PASSAGE`] characters, cut between words.
fn passage(markdown: &str) -> String {
    let plain = mfx_domain::search::plain_text(markdown);
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        if out.chars().count() + word.chars().count() + 1 > PASSAGE {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn text(value: String, lang: Locale) -> Text {
    let mut text = Text::plain(value);
    text.lang = Some(lang.to_string());
    text
}

/// One document as an entry, for a reader of `lang`.
fn entry(base: &str, tr: &Translator, summary: &DocumentSummary, author: String) -> Option<Entry> {
    let lang = tr.locale();
    let served = served_text(summary, lang)?;
    let published = summary.published_at?;
    let mut title = served.texts.title().to_owned();
    if served.locale != lang {
        let language = mfx_i18n::language_name(served.locale, lang);
        title = format!("{title} ({})", tr.args("list-shown-in", &[("language", Arg::from(language.as_str()))]));
    }
    let fields = served.texts.markdown_fields();
    let markdown = fields
        .iter()
        .find(|(name, _)| name == "summary")
        .filter(|(_, value)| !value.trim().is_empty())
        .or_else(|| fields.iter().find(|(_, value)| !value.trim().is_empty()))
        .map(|(_, value)| value.clone())
        .unwrap_or_default();
    let url = format!("{base}/{lang}/{}/{}", summary.kind.collection(), summary.id);
    let mut entry = Entry::default();
    entry.set_id(url.clone());
    entry.set_title(text(title, served.locale));
    entry.set_updated(fixed(published));
    entry.set_published(Some(fixed(published)));
    entry.set_authors(vec![Person { name: author, ..Person::default() }]);
    entry.set_links(vec![Link {
        href: url,
        rel: "alternate".into(),
        mime_type: Some("text/html".into()),
        hreflang: Some(served.locale.to_string()),
        ..Link::default()
    }]);
    let passage = passage(&markdown);
    if !passage.is_empty() {
        entry.set_summary(Some(text(passage, served.locale)));
    }
    Some(entry)
}

/// The feed: its title (`title` and the site's name), self and page links, the newest entry's
/// time as its own.
fn build(state: &AppState, tr: &Translator, found: &Publications, title: &str, page: &str, req: &HttpRequest) -> Feed {
    let base = state.settings.public_url.trim_end_matches('/');
    let lang = tr.locale();
    let entries: Vec<Entry> = found
        .documents
        .iter()
        .filter_map(|d| entry(base, tr, d, super::pages::partner_name(&found.partners, &d.partner_slug)))
        .collect();
    let updated = found.documents.iter().filter_map(|d| d.published_at).max().unwrap_or(DateTime::UNIX_EPOCH);
    let own = format!("{base}{}", req.path());
    let mut feed = Feed::default();
    feed.set_title(Text::plain(format!("{title} · {}", tr.t("site-name"))));
    feed.set_subtitle(Some(Text::plain(tr.t("feed-subtitle"))));
    feed.set_id(own.clone());
    feed.set_updated(fixed(updated));
    feed.set_lang(Some(lang.to_string()));
    feed.set_links(vec![
        Link { href: own, rel: "self".into(), mime_type: Some("application/atom+xml".into()), ..Link::default() },
        Link {
            href: format!("{base}{page}"),
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            hreflang: Some(lang.to_string()),
            ..Link::default()
        },
    ]);
    feed.set_entries(entries);
    feed
}

/// The feed as XML with a strong ETag of its bytes; `304 Not Modified` when the reader has it.
/// Like the pages, it is revalidated on every use (`no-cache`); it is the same for everyone,
/// so shared caches may keep it.
fn answer(req: &HttpRequest, feed: &Feed) -> Result<HttpResponse, ApiError> {
    let body = feed.to_string();
    let digest = Sha256::digest(body.as_bytes());
    let tag = format!("\"{}\"", digest.iter().take(16).map(|b| format!("{b:02x}")).collect::<String>());
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim().trim_start_matches("W/") == tag || t.trim() == "*"));
    let mut response = if fresh { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    response
        .insert_header((header::ETAG, tag))
        .insert_header((header::CACHE_CONTROL, "public, no-cache"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"));
    if fresh {
        return Ok(response.finish());
    }
    let language = feed.lang.clone().unwrap_or_default();
    Ok(response.content_type(ATOM).insert_header((header::CONTENT_LANGUAGE, language)).body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_is_plain_text_cut_between_words() {
        assert_eq!(passage("**Micro**credit for *small* firms"), "Microcredit for small firms");
        let long = "word ".repeat(200);
        let cut = passage(&long);
        assert!(cut.chars().count() <= PASSAGE + 1);
        assert!(cut.ends_with("word…"));
    }
}
