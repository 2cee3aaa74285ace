//! Text that pages and mail both show: HTML escaping for markup drawn by hand, and the title of
//! a document or deliverable in the reader's language. Kept apart from `web` and `mail` so
//! neither depends on the other for it.

use mfx_domain::Locale;
use mfx_store::documents::DocumentSummary;
use mfx_store::tracking::Titles;

/// Escapes text for HTML content and double-quoted attributes (pages drawn by hand, SVG).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A document's title for a reader, through the fallback chain (the reader's language, then
/// English, then the original), and the language it is in when that is not the reader's. An
/// empty title when the document has no text at all.
pub fn title_for(summary: &DocumentSummary, locale: Locale) -> (String, Option<String>) {
    let chosen = mfx_i18n::fallback_chain(locale, summary.original_locale).into_iter().find_map(|l| summary.text(l));
    match chosen {
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
