//! Text that pages and mail both show: HTML escaping for markup drawn by hand, and the title of
//! a document or deliverable in the reader's language. Kept apart from `web` and `mail` so
//! neither depends on the other for it.

use mfx_domain::Locale;
use mfx_domain::document::{Freshness, freshness};
use mfx_store::documents::{DocumentSummary, TextRecord};
use mfx_store::tracking::Titles;

/// Escapes text for HTML content and double-quoted attributes (pages drawn by hand, SVG).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A document's texts in the order a reader in `requested` is served them: the text in the
/// reader's language (even when it is outdated, which its page says), then the fallback chain's
/// other languages (English, then the original) — where a translation that is outdated comes
/// after the current original, so the reader never gets old content in a third language when
/// the up-to-date original exists — then every other text.
pub fn reading_order(summary: &DocumentSummary, requested: Locale) -> Vec<&TextRecord> {
    let outdated =
        |t: &TextRecord| freshness(t.origin, t.source_version, summary.content_version) == Freshness::Outdated;
    let chain = mfx_i18n::fallback_chain(requested, summary.original_locale);
    let mut order: Vec<&TextRecord> = Vec::with_capacity(summary.texts.len());
    let candidates = summary.text(requested).into_iter().chain(
        // Current texts of the chain first, then the outdated ones, then every other text.
        [true, false]
            .into_iter()
            .flat_map(|current_only| {
                chain.iter().filter_map(move |l| summary.text(*l).filter(|t| !current_only || !outdated(t)))
            })
            .chain(summary.texts.iter()),
    );
    for text in candidates {
        if !order.iter().any(|o| o.locale == text.locale) {
            order.push(text);
        }
    }
    order
}

/// The text a reader in `requested` is served (see [`reading_order`]).
pub fn served_text(summary: &DocumentSummary, requested: Locale) -> Option<&TextRecord> {
    summary.text(requested).or_else(|| reading_order(summary, requested).into_iter().next())
}

/// A document's title for a reader, through the reading order (the reader's language, then
/// English when current, then the original), and the language it is in when that is not the
/// reader's. An empty title when the document has no text at all.
pub fn title_for(summary: &DocumentSummary, locale: Locale) -> (String, Option<String>) {
    match served_text(summary, locale) {
        Some(text) => {
            let language = (text.locale != locale).then(|| text.locale.to_string());
            (text.texts.title().to_owned(), language)
        }
        None => (String::new(), None),
    }
}

/// A deliverable's or work package's title for a reader, and the language it is in: the
/// reader's language, then the fallback language (English), then any.
pub fn title_and_language(titles: &Titles, locale: Locale) -> (String, String) {
    [locale.as_str(), Locale::fallback().as_str()]
        .into_iter()
        .find_map(|l| titles.get(l).map(|t| (t.clone(), l.to_owned())))
        .or_else(|| titles.iter().next().map(|(l, t)| (t.clone(), l.clone())))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(code: &str) -> Locale {
        code.parse().expect("a language of the platform")
    }

    #[test]
    fn a_title_falls_back_to_english_then_to_any_language() {
        let titles: Titles = [("en", "Report"), ("sv", "Rapport")].map(|(l, t)| (l.to_owned(), t.to_owned())).into();
        assert_eq!(title_and_language(&titles, locale("sv")), ("Rapport".to_owned(), "sv".to_owned()));
        assert_eq!(title_and_language(&titles, locale("fr")), ("Report".to_owned(), "en".to_owned()));
        let only_swedish: Titles = [("sv".to_owned(), "Rapport".to_owned())].into();
        assert_eq!(title_and_language(&only_swedish, locale("it")), ("Rapport".to_owned(), "sv".to_owned()));
        assert_eq!(title_and_language(&Titles::new(), locale("it")), (String::new(), String::new()));
    }
}
