//! The passage shown under a result: a few dozen words of the matched text around the first
//! word the query matched, as plain text cut into runs, the matched words marked. A word is
//! matched as the index matched it: the same term under the language's analyzer, within one
//! edit for words of five letters or more, or beginning with the last word typed.
//!
//! It runs for every result shown, so it reads the text once, with the cheap analyzer (words,
//! lower case, accents folded), stems only the words that could match (those that begin as a
//! wanted stem begins), and stops once the passage is full or, without a match, after the
//! first [`LOOKED_AT`] words.

use crate::analysis;
use crate::query::{Clause, Query};
use std::collections::VecDeque;
use std::ops::Range;
use tantivy::tokenizer::TextAnalyzer;

/// How many words a passage has.
pub const WORDS: usize = 30;

/// How far into a text a match is looked for: past it, the passage is the text's beginning (as
/// when the match was in the title), so that a long text costs no more than a short one.
const LOOKED_AT: usize = 2_000;

struct Wanted {
    /// The stem, under the language's analyzer.
    term: String,
    /// The first letters a word must have for its stem to be `term`.
    head: String,
    /// The word as written, folded, when it is long enough to be matched within one edit.
    fuzzy: Option<String>,
    /// The word as written, folded, when words it begins match.
    prefix: Option<String>,
}

/// What a query looks for in one language's text.
pub struct Matcher {
    wanted: Vec<Wanted>,
    stemmer: TextAnalyzer,
    plain: TextAnalyzer,
}

impl Matcher {
    pub fn new(mut stemmer: TextAnalyzer, query: &Query) -> Self {
        let mut plain = analysis::analyzer_for_plain();
        let mut wanted = Vec::new();
        for clause in query.clauses() {
            let (words, prefix_word) = match clause {
                Clause::Word { text, prefix } => (vec![text.clone()], prefix.then(|| text.clone())),
                Clause::Phrase(words) => (words.clone(), None),
            };
            for word in words {
                let Some(term) = analysis::terms(&mut stemmer, &word).into_iter().next() else { continue };
                let folded = analysis::terms(&mut plain, &word).into_iter().next();
                let prefix = folded.clone().filter(|_| prefix_word.as_ref() == Some(&word));
                let fuzzy = folded.filter(|f| f.chars().count() >= 5);
                let head: String = term.chars().take(3).collect();
                wanted.push(Wanted { term, head, fuzzy, prefix });
            }
        }
        Matcher { wanted, stemmer, plain }
    }

    fn matches(&mut self, written: &str) -> bool {
        let mut stem: Option<String> = None;
        for w in &self.wanted {
            if w.prefix.as_ref().is_some_and(|p| written.starts_with(p.as_str()))
                || w.fuzzy.as_ref().is_some_and(|f| analysis::within_one_edit(written, f))
            {
                return true;
            }
            if written.starts_with(w.head.as_str()) {
                let stem = stem.get_or_insert_with(|| {
                    analysis::terms(&mut self.stemmer, written).into_iter().next().unwrap_or_default()
                });
                if *stem == w.term {
                    return true;
                }
            }
        }
        false
    }

    /// The passage of `text`, and whether a word of it matched (when none did, the passage is
    /// the text's beginning: the match was in the title or the themes).
    pub fn passage(&mut self, text: &str, words: usize) -> (Vec<(String, bool)>, bool) {
        let before = words / 4;
        // The words read so far that may open the passage, then the passage's own.
        let mut window: VecDeque<(Range<usize>, bool)> = VecDeque::new();
        let mut dropped = false;
        let mut found = false;
        let mut more = false;
        let mut count = 0usize;
        let mut plain = self.plain.clone();
        let mut stream = plain.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            if (found && window.len() >= words) || (!found && count >= LOOKED_AT) {
                more = true;
                break;
            }
            count += 1;
            let range = token.offset_from..token.offset_to;
            let matched = self.matches(&token.text);
            if !found && matched {
                found = true;
                while window.len() > before {
                    window.pop_front();
                    dropped = true;
                }
            }
            window.push_back((range, matched));
            if !found && window.len() > words {
                // Without a match so far, only the beginning (kept whole) and the last few
                // words (which may open the passage) matter.
                if window.len() > words + before {
                    window.remove(words);
                }
            }
        }
        if !found {
            window.truncate(words);
            more = count > words;
            dropped = false;
        }
        (runs(text, &window, dropped, more), found)
    }
}

fn runs(text: &str, window: &VecDeque<(Range<usize>, bool)>, dropped: bool, more: bool) -> Vec<(String, bool)> {
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut push = |piece: &str, mark: bool| {
        // Line breaks and runs of spaces become one space.
        let mut out = String::with_capacity(piece.len());
        for c in piece.chars() {
            if c.is_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
        }
        match runs.last_mut() {
            Some((last, false)) if !mark => {
                if !(last.ends_with(' ') && out.starts_with(' ')) {
                    last.push_str(&out);
                } else {
                    last.push_str(&out[1..]);
                }
            }
            _ => runs.push((out, mark)),
        }
    };
    let Some((first, _)) = window.front() else { return Vec::new() };
    if dropped {
        push("… ", false);
    }
    let mut at = first.start;
    for (range, matched) in window {
        if range.start > at {
            let gap = &text[at..range.start];
            push(if gap.trim().is_empty() { " " } else { gap }, false);
        }
        push(&text[range.clone()], *matched);
        at = range.end;
    }
    if more {
        push(" …", false);
    } else {
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

    fn italian(query: &str) -> Matcher {
        Matcher::new(analysis::analyzer("it".parse::<Locale>().expect("it")), &Query::parse(query).expect("query"))
    }

    fn marked(runs: &[(String, bool)]) -> Vec<&str> {
        runs.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn the_passage_marks_inflected_mistyped_and_begun_words() {
        let text = "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici \
                    quindici sedici diciassette diciotto diciannove venti. Il fondo di garanzie regionale per le \
                    imprese sociali e le cooperative di comunità nel territorio metropolitano";
        let (runs, found) = italian("garanzia cooperatve comun").passage(text, 20);
        assert!(found);
        assert_eq!(marked(&runs), ["garanzie", "cooperative", "comunità"]);
        let joined: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        assert!(joined.starts_with("… "), "{joined}");
        assert!(joined.contains("Il fondo di garanzie regionale"), "{joined}");
        assert!(!joined.contains("uno due"), "{joined}");
    }

    #[test]
    fn without_a_match_the_passage_is_the_beginning() {
        let (runs, found) = italian("assente").passage("Prima frase. Seconda frase.", 20);
        assert!(!found);
        assert_eq!(runs, [("Prima frase. Seconda frase.".to_owned(), false)]);
        let long: Vec<String> = (0..100).map(|n| format!("parola{n}")).collect();
        let (runs, found) = italian("assente").passage(&long.join(" "), 10);
        assert!(!found);
        let joined: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, format!("{} …", long[..10].join(" ")));
    }

    #[test]
    fn a_long_text_is_read_only_as_far_as_the_passage() {
        let mut text = String::from("inizio ");
        text.push_str(&"riempitivo ".repeat(50));
        text.push_str("la garanzia arriva qui ");
        text.push_str(&"coda ".repeat(50));
        let (runs, found) = italian("garanzia ").passage(&text, 12);
        assert!(found);
        let joined: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        assert!(joined.starts_with("… riempitivo riempitivo la garanzia"), "{joined}");
        assert!(joined.ends_with(" …"), "{joined}");
        assert_eq!(marked(&runs), ["garanzia"]);
    }

    #[test]
    fn a_match_is_looked_for_only_so_far_into_a_text() {
        let near = format!("{}garanzia", "parola ".repeat(LOOKED_AT - 1));
        assert!(italian("garanzia ").passage(&near, 10).1, "the last word looked at");
        let far = format!("{}garanzia", "parola ".repeat(LOOKED_AT));
        let (runs, found) = italian("garanzia ").passage(&far, 10);
        assert!(!found, "past the words looked at");
        let joined: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, format!("{}…", "parola ".repeat(10)), "the text's beginning");
    }
}
