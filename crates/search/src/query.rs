//! What a reader typed, as the engine reads it: words, and phrases in double quotes. Nothing
//! else is syntax: other punctuation separates words, an unclosed quote closes at the end, so
//! no query is a syntax error. The last word is also matched as the beginning of a word (search
//! as you type) unless the query ends with a space or a closing quote.

use mfx_domain::error::FieldError;

/// One part of a query: all of them must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A word; `prefix` when it may also be the beginning of a longer word.
    Word { text: String, prefix: bool },
    /// Words that must follow one another, in this order.
    Phrase(Vec<String>),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    clauses: Vec<Clause>,
}

impl Query {
    /// At most this many words and phrases are used; the rest of a long query is ignored.
    pub const MAX_CLAUSES: usize = 10;
    /// A query has at most this many characters.
    pub const MAX_LEN: usize = 200;
    /// A word is matched as a beginning only from this many letters on.
    pub const MIN_PREFIX: usize = 3;

    /// Reads a query; an empty or overlong one is a field error of `q`.
    pub fn parse(text: &str) -> Result<Self, FieldError> {
        if text.chars().count() > Self::MAX_LEN {
            return Err(FieldError::new("q", "too_long", "a search has at most 200 characters"));
        }
        let mut clauses: Vec<Clause> = Vec::new();
        for (i, part) in text.split('"').enumerate() {
            let words = words(part);
            if i % 2 == 1 {
                // Inside quotes.
                match words.len() {
                    0 => {}
                    1 => clauses.push(Clause::Word { text: words[0].clone(), prefix: false }),
                    _ => clauses.push(Clause::Phrase(words)),
                }
            } else {
                clauses.extend(words.into_iter().map(|text| Clause::Word { text, prefix: false }));
            }
        }
        let open_end =
            text.chars().last().is_some_and(char::is_alphanumeric) && text.matches('"').count().is_multiple_of(2);
        if open_end && let Some(Clause::Word { text, prefix }) = clauses.last_mut() {
            *prefix = text.chars().count() >= Self::MIN_PREFIX;
        }
        let mut unique: Vec<Clause> = Vec::new();
        for clause in clauses {
            if !unique.contains(&clause) {
                unique.push(clause);
            }
        }
        unique.truncate(Self::MAX_CLAUSES);
        if unique.is_empty() {
            return Err(FieldError::new("q", "required", "type at least one word to search for"));
        }
        Ok(Query { clauses: unique })
    }

    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// The query written back: words, phrases in quotes.
    pub fn text(&self) -> String {
        self.clauses
            .iter()
            .map(|c| match c {
                Clause::Word { text, .. } => text.clone(),
                Clause::Phrase(words) => format!("\"{}\"", words.join(" ")),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The words of a text: runs of letters and digits, at most 64 characters each.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.chars().take(64).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, prefix: bool) -> Clause {
        Clause::Word { text: text.into(), prefix }
    }

    #[test]
    fn words_phrases_and_the_last_word_as_a_beginning() {
        let q = Query::parse("fondo \"garanzia regionale\" micro").expect("query");
        assert_eq!(
            q.clauses(),
            [word("fondo", false), Clause::Phrase(vec!["garanzia".into(), "regionale".into()]), word("micro", true)]
        );
        assert_eq!(Query::parse("micro ").expect("query").clauses(), [word("micro", false)]);
        assert_eq!(Query::parse("mi").expect("query").clauses(), [word("mi", false)]);
    }

    #[test]
    fn nothing_is_a_syntax_error() {
        for text in ["\"unclosed phrase", "a AND (b OR", "-+*:~^", "\"\" x", "((("] {
            match Query::parse(text) {
                Ok(q) => assert!(!q.clauses().is_empty()),
                Err(e) => assert_eq!(e.code, "required", "{text}"),
            }
        }
        assert_eq!(
            Query::parse("\"unclosed phrase").expect("query").clauses()[0],
            Clause::Phrase(vec!["unclosed".into(), "phrase".into()])
        );
    }

    #[test]
    fn long_queries_are_refused_and_many_words_are_cut() {
        assert_eq!(Query::parse(&"a".repeat(10_000)).expect_err("too long").code, "too_long");
        let many: Vec<String> = (0..30).map(|i| format!("w{i}")).collect();
        assert_eq!(Query::parse(&many.join(" ")).expect("query").clauses().len(), Query::MAX_CLAUSES);
        assert_eq!(Query::parse("  ,;  ").expect_err("empty").code, "required");
    }
}
