//! The passage shown under a result: a few dozen words of the matched text around the first
//! word the query matched, as plain text cut into runs, the matched words marked. A word is
//! matched as the index matched it: the same term under the language's analyzer, within one
//! edit for words of five letters or more, or beginning with the last word typed.

use crate::analysis;
use crate::query::{Clause, Query};
use tantivy::tokenizer::TextAnalyzer;

/// How many words a passage has.
pub const WORDS: usize = 30;

struct Wanted {
    term: String,
    /// The word as written, folded, when it is long enough to be matched within one edit.
    fuzzy: Option<String>,
    prefix: Option<String>,
}

fn wanted(analyzer: &mut TextAnalyzer, query: &Query) -> Vec<Wanted> {
    let mut plain = analysis::analyzer_for_plain();
    let mut out = Vec::new();
    for clause in query.clauses() {
        let (words, prefix_word) = match clause {
            Clause::Word { text, prefix } => (vec![text.clone()], prefix.then(|| text.clone())),
            Clause::Phrase(words) => (words.clone(), None),
        };
        for word in words {
            let Some(term) = analysis::terms(analyzer, &word).into_iter().next() else { continue };
            let folded = analysis::terms(&mut plain, &word).into_iter().next();
            let prefix = folded.clone().filter(|_| prefix_word.as_ref() == Some(&word));
            let fuzzy = folded.filter(|f| f.chars().count() >= 5);
            out.push(Wanted { term, fuzzy, prefix });
        }
    }
    out
}

/// The passage of `text` for `query`; the text's beginning when no word of it matched (the
/// match was in the title or the themes).
pub fn passage(analyzer: &mut TextAnalyzer, text: &str, query: &Query, words: usize) -> Vec<(String, bool)> {
    let wanted = wanted(analyzer, query);
    let mut plain = analysis::analyzer_for_plain();
    let tokens = analysis::tokens(analyzer, text);
    let matched: Vec<bool> = tokens
        .iter()
        .map(|(range, term)| {
            let written = analysis::terms(&mut plain, &text[range.clone()]).into_iter().next().unwrap_or_default();
            wanted.iter().any(|w| {
                *term == w.term
                    || w.fuzzy.as_ref().is_some_and(|f| analysis::within_one_edit(&written, f))
                    || w.prefix.as_ref().is_some_and(|p| written.starts_with(p.as_str()))
            })
        })
        .collect();
    if tokens.is_empty() {
        return Vec::new();
    }
    let first = matched.iter().position(|m| *m).unwrap_or(0);
    let start = first.saturating_sub(words / 4).min(tokens.len().saturating_sub(words));
    let end = (start + words).min(tokens.len());
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut push = |piece: &str, mark: bool| {
        // Line breaks and runs of spaces become one space.
        let mut piece_out = String::with_capacity(piece.len());
        for c in piece.chars() {
            if c.is_whitespace() {
                if !piece_out.ends_with(' ') {
                    piece_out.push(' ');
                }
            } else {
                piece_out.push(c);
            }
        }
        let piece = piece_out;
        match runs.last_mut() {
            Some((last, false)) if !mark => last.push_str(&piece),
            _ => runs.push((piece, mark)),
        }
    };
    if start > 0 {
        push("… ", false);
    }
    let mut at = tokens[start].0.start;
    for i in start..end {
        let range = &tokens[i].0;
        if range.start > at {
            let gap = &text[at..range.start];
            push(if gap.trim().is_empty() { " " } else { gap }, false);
        }
        push(&text[range.clone()], matched[i]);
        at = range.end;
    }
    if end < tokens.len() {
        push(" …", false);
    } else if at < text.len() {
        let tail = text[at..].trim_end();
        if !tail.is_empty() {
            push(tail, false);
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfx_domain::Locale;

    fn italian() -> TextAnalyzer {
        analysis::analyzer("it".parse::<Locale>().expect("it"))
    }

    fn marked(runs: &[(String, bool)]) -> Vec<&str> {
        runs.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn the_passage_marks_inflected_mistyped_and_begun_words() {
        let text = "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici \
                    quindici sedici diciassette diciotto diciannove venti. Il fondo di garanzie regionale per le \
                    imprese sociali e le cooperative di comunità nel territorio metropolitano";
        let query = Query::parse("garanzia cooperatve comun").expect("query");
        let runs = passage(&mut italian(), text, &query, 20);
        assert_eq!(marked(&runs), ["garanzie", "cooperative", "comunità"]);
        let joined: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        assert!(joined.starts_with("… "), "{joined}");
        assert!(joined.contains("Il fondo di garanzie regionale"), "{joined}");
        assert!(!joined.contains("uno due"), "{joined}");
    }

    #[test]
    fn without_a_match_the_passage_is_the_beginning() {
        let query = Query::parse("assente").expect("query");
        let runs = passage(&mut italian(), "Prima frase. Seconda frase.", &query, 20);
        assert_eq!(runs, [("Prima frase. Seconda frase.".to_owned(), false)]);
    }
}
