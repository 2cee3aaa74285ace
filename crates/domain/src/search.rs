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

    /// A PostgreSQL `to_tsquery` expression: every term, as a prefix.
    pub fn tsquery(&self) -> String {
        self.terms.iter().map(|t| format!("{t}:*")).collect::<Vec<_>>().join(" & ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
