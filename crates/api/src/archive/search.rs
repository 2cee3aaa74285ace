//! The archive's search, which needs no server. Per language, `static/search-index-<lang>.js`
//! assigns the global `MFX_SEARCH_INDEX`: for each document its page, its title, kind and
//! partner in that language, the start of its text, and the words of all its texts in every
//! language (lower case, each once). `static/archive-search.js` folds accents and matches the
//! beginnings of the words typed in the browser. The index is a script loaded by a `<script>`
//! tag rather than data fetched, because browsers refuse `fetch()` on pages opened from a
//! folder (`file://`); a script loads there as on any static host.

use crate::indexing::Labels;
use mfx_domain::Locale;
use mfx_domain::partner::PartnerProfile;
use mfx_i18n::{Arg, Translator};
use mfx_store::documents::DocumentSummary;
use serde::Serialize;
use std::collections::BTreeSet;

/// How many characters of a document's text a result shows.
const EXCERPT: usize = 200;

/// A document to index: the address of its page from the search page, and its words (see
/// [`document_words`]).
pub struct Indexed<'a> {
    pub url: String,
    pub summary: &'a DocumentSummary,
    pub partner: &'a PartnerProfile,
    pub words: &'a str,
}

/// One document as the script reads it.
#[derive(Debug, Serialize)]
struct Entry {
    url: String,
    title: String,
    /// The language of the title and excerpt.
    lang: String,
    kind: String,
    partner: String,
    /// Which language the document is shown in, when it has no text in the page's.
    note: Option<String>,
    excerpt: String,
    words: String,
}

#[derive(Debug, Serialize)]
struct Index<'a> {
    lang: &'a str,
    documents: Vec<Entry>,
}

/// The words of `texts`, in lower case, each once, separated by spaces.
pub fn words<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut found = BTreeSet::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            found.insert(word.to_lowercase());
        }
    }
    found.into_iter().collect::<Vec<_>>().join(" ")
}

/// The beginning of `text`, cut at a word and marked as cut.
fn excerpt(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= EXCERPT {
        return text;
    }
    let cut: String = text.chars().take(EXCERPT).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(kept, _)| kept);
    format!("{}…", cut.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// The words a document is found by, whatever the reader's language: the titles and texts of
/// all its languages, its themes in every language, its partner's names.
pub fn document_words(summary: &DocumentSummary, partner: &PartnerProfile, labels: &mut Labels) -> String {
    let indexed = crate::indexing::entry(summary, labels);
    let mut texts: Vec<&str> = Vec::new();
    for text in &indexed.texts {
        texts.push(&text.title);
        texts.push(&text.body);
    }
    texts.extend(indexed.vocabulary.iter().map(String::as_str));
    texts.extend([partner.short_name.as_str(), partner.name_local.as_str(), partner.name_en.as_str()]);
    words(texts)
}

/// The script of the index for readers in `lang`.
pub fn script(lang: Locale, documents: &[Indexed<'_>]) -> Result<String, String> {
    let tr = Translator::new(lang);
    let mut entries = Vec::with_capacity(documents.len());
    for document in documents {
        let summary = document.summary;
        let served = crate::text::served_text(summary, lang);
        let shown = served.map_or(lang, |t| t.locale);
        let note = (shown != lang).then(|| {
            let language = mfx_i18n::language_name(shown, lang);
            tr.args("list-shown-in", &[("language", Arg::from(language.as_str()))])
        });
        entries.push(Entry {
            url: document.url.clone(),
            title: served.map(|t| t.texts.title().to_owned()).unwrap_or_default(),
            lang: shown.to_string(),
            kind: tr.t(&format!("kind-{}", summary.kind.as_str())),
            partner: document.partner.short_name.clone(),
            note,
            excerpt: served
                .map(|t| excerpt(&mfx_domain::search::plain_text(&t.texts.plain_content())))
                .unwrap_or_default(),
            words: document.words.to_owned(),
        });
    }
    let index = Index { lang: lang.as_str(), documents: entries };
    let json = serde_json::to_string(&index).map_err(|e| format!("the search index: {e}"))?;
    Ok(format!("window.MFX_SEARCH_INDEX = {json};\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_and_each_once() {
        assert_eq!(
            words(["L’épargne solidaire, l'ÉPARGNE des Cigales", "microcredito dell'inclusione 2024"]),
            "2024 cigales dell des inclusione l microcredito solidaire épargne"
        );
        assert_eq!(words([""]), "");
    }

    #[test]
    fn an_excerpt_ends_at_a_word() {
        assert_eq!(excerpt("Short  text\n here."), "Short text here.");
        let long = "parola ".repeat(60);
        let cut = excerpt(&long);
        assert!(cut.ends_with("parola…"), "{cut}");
        assert!(cut.chars().count() <= EXCERPT + 1);
    }
}
