//! Search queries: what a reader typed, reduced to safe, accent-folded terms that both
//! databases' full-text engines can match.

use crate::error::FieldError;

/// Lower-cases and removes diacritics from Latin letters (é → e, ș → s, å → a, ß → ss), so
/// that "microcrédit", "MICROCREDIT" and "microcredit" are one word to the index.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            match fold_char(lower) {
                Some(replacement) => out.push_str(replacement),
                None => out.push(lower),
            }
        }
    }
    out
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ă' | 'ā' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ľ' | 'ĺ' | 'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ř' => "r",
        'ś' | 'š' | 'ș' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ț' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// The words of Markdown text as a reader sees them: emphasis, link targets, images, code
/// fences' marks and HTML left out, blocks separated by a line break.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// A parsed search: up to ten folded words of letters and digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    terms: Vec<String>,
}

impl SearchQuery {
    pub const MAX_TERMS: usize = 10;
    pub const MAX_LEN: usize = 200;

    /// Splits a query into words; punctuation and operators are separators, never syntax.
    pub fn parse(query: &str) -> Result<Self, FieldError> {
        if query.chars().count() > Self::MAX_LEN {
            return Err(FieldError::new("q", "too_long", "a search has at most 200 characters"));
        }
        let folded = fold(query);
        let mut terms: Vec<String> = Vec::new();
        for word in folded.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() || terms.iter().any(|t| t == word) {
                continue;
            }
            terms.push(word.chars().take(64).collect());
            if terms.len() == Self::MAX_TERMS {
                break;
            }
        }
        if terms.is_empty() {
            return Err(FieldError::new("q", "required", "type at least one word to search for"));
        }
        Ok(Self { terms })
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// An FTS5 match expression: every term, as a quoted prefix.
    pub fn fts5(&self) -> String {
        self.terms.iter().map(|t| format!("\"{t}\"*")).collect::<Vec<_>>().join(" AND ")
    }

    /// Whether a word of text (punctuation around it ignored) begins with one of the terms, as
    /// the index matches it.
    fn matches(&self, word: &str) -> bool {
        let folded = fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
        !folded.is_empty() && self.terms.iter().any(|t| folded.starts_with(t.as_str()))
    }

    /// A passage of `words` words of the Markdown `text`, as plain text (no Markdown marks, no
    /// HTML), around the first word that a term begins, with " … " where text was left out; the
    /// text's beginning when no word matches (the match was in the title).
    pub fn snippet(&self, text: &str, words: usize) -> String {
        let plain = plain_text(text);
        let all: Vec<&str> = plain.split_whitespace().collect();
        let hit = all.iter().position(|w| self.matches(w)).unwrap_or(0);
        let start = hit.saturating_sub(words / 4).min(all.len().saturating_sub(words));
        let end = (start + words).min(all.len());
        let mut out = String::new();
        if start > 0 {
            out.push_str("… ");
        }
        out.push_str(&all[start..end].join(" "));
        if end < all.len() {
            out.push_str(" …");
        }
        out
    }

    /// A plain-text passage cut into runs, each marked when it is a word the query matched, so
    /// that a page can highlight them; the runs joined give the passage back.
    pub fn marked<'t>(&self, passage: &'t str) -> Vec<(&'t str, bool)> {
        let mut runs: Vec<(&'t str, bool)> = Vec::new();
        let mut plain_from = 0;
        let mut at = 0;
        for word in passage.split_whitespace() {
            let begin = at + passage[at..].find(word).unwrap_or(0);
            let end = begin + word.len();
            at = end;
            if !self.matches(word) {
                continue;
            }
            // The word without the punctuation around it is marked; the punctuation is not.
            let lead = word.len() - word.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            let trail = word.len() - word.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
            let (mark_from, mark_to) = (begin + lead, end - trail);
            if plain_from < mark_from {
                runs.push((&passage[plain_from..mark_from], false));
            }
            runs.push((&passage[mark_from..mark_to], true));
            plain_from = mark_to;
        }
        if plain_from < passage.len() {
            runs.push((&passage[plain_from..], false));
        }
        runs
    }

    /// A PostgreSQL `to_tsquery` expression: every term, as a prefix.
    pub fn tsquery(&self) -> String {
        self.terms.iter().map(|t| format!("{t}:*")).collect::<Vec<_>>().join(" & ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_show_the_first_matching_word_in_its_passage() {
        let query = SearchQuery::parse("garanzia").expect("query");
        let text = "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici \
                    quindici sedici diciassette diciotto diciannove venti fondo di garanzia regionale per le \
                    imprese sociali e le cooperative di comunità nel territorio metropolitano";
        let snippet = query.snippet(text, 16);
        assert!(snippet.contains("garanzia"), "{snippet}");
        assert!(snippet.starts_with("… ") && snippet.ends_with(" …"), "{snippet}");
        assert_eq!(snippet.trim_matches(|c| c == '…' || c == ' ').split_whitespace().count(), 16);
        // A match in the title only: the text's beginning.
        assert_eq!(SearchQuery::parse("assente").expect("query").snippet("breve testo", 16), "breve testo");
        // Prefixes and punctuation, as the index matches them.
        assert!(
            SearchQuery::parse("micro")
                .expect("query")
                .snippet("Il (microcredito) aiuta.", 2)
                .contains("(microcredito)")
        );
    }

    #[test]
    fn snippets_are_plain_text_without_markdown() {
        let query = SearchQuery::parse("garanzia").expect("query");
        let text = "## Il fondo\n\nUn **fondo di [garanzia](https://example.org/fondo)** per le _imprese_.\n\n\
                    - prima voce\n- <b>seconda</b> voce\n";
        let snippet = query.snippet(text, 30);
        assert_eq!(snippet, "Il fondo Un fondo di garanzia per le imprese. prima voce seconda voce");
        for mark in ["**", "](", "##", "<b>", "_imprese_"] {
            assert!(!snippet.contains(mark), "{mark} in {snippet}");
        }
    }

    #[test]
    fn matched_words_are_marked_without_their_punctuation() {
        let query = SearchQuery::parse("micro fondo").expect("query");
        let passage = "… Il (microcredito) e il Fondo, insieme …";
        let runs = query.marked(passage);
        assert_eq!(runs.iter().map(|(t, _)| *t).collect::<String>(), passage);
        let marked: Vec<&str> = runs.iter().filter(|(_, m)| *m).map(|(t, _)| *t).collect();
        assert_eq!(marked, ["microcredito", "Fondo"]);
        assert_eq!(query.marked("nessuna corrispondenza"), [("nessuna corrispondenza", false)]);
        assert!(query.marked("").is_empty());
    }

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("Microcrédit"), "microcredit");
        assert_eq!(fold("Întreprinderi sociale în București"), "intreprinderi sociale in bucuresti");
        assert_eq!(fold("Mikrolån för småföretag"), "mikrolan for smaforetag");
        assert_eq!(fold("Razvojni center Srca Slovenije, Šmartno"), "razvojni center srca slovenije, smartno");
        assert_eq!(fold("Straße ŒUVRE"), "strasse oeuvre");
    }

    #[test]
    fn queries_become_safe_terms() {
        let q = SearchQuery::parse("  Microcrédit AND \"solidaire\" OR * NEAR(x) -- ;").expect("parses");
        assert_eq!(q.terms(), ["microcredit", "and", "solidaire", "or", "near", "x"]);
        assert_eq!(q.fts5(), "\"microcredit\"* AND \"and\"* AND \"solidaire\"* AND \"or\"* AND \"near\"* AND \"x\"*");
        assert!(q.tsquery().starts_with("microcredit:* & and:*"));
        assert!(SearchQuery::parse("  !!! ").is_err());
        assert!(SearchQuery::parse(&"a ".repeat(150)).is_err());
        assert_eq!(SearchQuery::parse("a b c d e f g h i j k l").map(|q| q.terms().len()).ok(), Some(10));
    }
}
