//! How text becomes index terms: one analyzer per language of the language table (words split on
//! anything that is not a letter or a digit, lower-cased, accents folded, then stemmed with the
//! language's Snowball stemmer where one exists), and one plain analyzer (no stemming) for the
//! shared vocabularies and for matching the beginning of a word.

use mfx_domain::Locale;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language as Stemming, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    TokenizerManager,
};

/// The analyzer without stemming.
pub const PLAIN: &str = "mfx-plain";

/// Words longer than this (in bytes) are not indexed: they are data, not words.
const LONGEST_WORD: usize = 64;

/// The Snowball stemmer for a language, by the name the language table gives it.
pub fn stemming(locale: Locale) -> Option<Stemming> {
    Some(match locale.search_config() {
        "arabic" => Stemming::Arabic,
        "danish" => Stemming::Danish,
        "dutch" => Stemming::Dutch,
        "english" => Stemming::English,
        "finnish" => Stemming::Finnish,
        "french" => Stemming::French,
        "german" => Stemming::German,
        "greek" => Stemming::Greek,
        "hungarian" => Stemming::Hungarian,
        "italian" => Stemming::Italian,
        "norwegian" => Stemming::Norwegian,
        "portuguese" => Stemming::Portuguese,
        "romanian" => Stemming::Romanian,
        "russian" => Stemming::Russian,
        "spanish" => Stemming::Spanish,
        "swedish" => Stemming::Swedish,
        "tamil" => Stemming::Tamil,
        "turkish" => Stemming::Turkish,
        _ => return None,
    })
}

/// The name of a language's analyzer.
pub fn analyzer_name(locale: Locale) -> String {
    format!("mfx-{}", locale.as_str())
}

pub fn analyzer_for_plain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// A language's analyzer. Accents are folded before stemming, so that a word typed without
/// them ("microcredit") reaches the same stem as the word written with them ("microcrédit").
pub fn analyzer(locale: Locale) -> TextAnalyzer {
    match stemming(locale) {
        Some(language) => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONGEST_WORD))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(language))
            .build(),
        None => analyzer_for_plain(),
    }
}

/// Registers the analyzers of `languages` and the plain one.
pub fn register(manager: &TokenizerManager, languages: &[Locale]) {
    manager.register(PLAIN, analyzer_for_plain());
    for &locale in languages {
        manager.register(&analyzer_name(locale), analyzer(locale));
    }
}

/// The terms a text gives under an analyzer.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Whether two terms are at most one edit apart (a letter added, removed, replaced, or two
/// neighbours swapped). Runs for every word of every passage shown, so folded (ASCII) words are
/// compared as bytes, without allocating.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    if a.chars().count().abs_diff(b.chars().count()) > 1 {
        return false;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit(&a, &b)
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let first = short.iter().zip(long).position(|(x, y)| x != y);
    match (long.len() - short.len(), first) {
        (0 | 1, None) => true,
        (0, Some(i)) => {
            // Replaced, or swapped with the next one.
            short[i + 1..] == long[i + 1..]
                || (i + 1 < short.len()
                    && short[i] == long[i + 1]
                    && short[i + 1] == long[i]
                    && short[i + 2..] == long[i + 2..])
        }
        (1, Some(i)) => short[i..] == long[i + 1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(code: &str) -> Locale {
        code.parse().expect("a language of the bundled table")
    }

    #[test]
    fn inflected_forms_and_accents_reach_the_same_term() {
        let mut italian = analyzer(locale("it"));
        assert_eq!(terms(&mut italian, "garanzia"), terms(&mut italian, "garanzie"));
        let mut french = analyzer(locale("fr"));
        assert_eq!(terms(&mut french, "microcrédit"), terms(&mut french, "MICROCREDIT"));
        let mut swedish = analyzer(locale("sv"));
        assert_eq!(terms(&mut swedish, "mikrolån"), terms(&mut swedish, "mikrolan"));
    }

    #[test]
    fn a_language_without_a_stemmer_still_folds_accents() {
        let slovenian = locale("sl");
        assert!(stemming(slovenian).is_none());
        let mut analyzer = analyzer(slovenian);
        assert_eq!(terms(&mut analyzer, "Mikroposojila Čakajo"), ["mikroposojila", "cakajo"]);
    }

    #[test]
    fn one_edit_means_one_letter_or_one_swap() {
        assert!(within_one_edit("garanzia", "garanzia"));
        assert!(within_one_edit("garanzia", "garanza"));
        assert!(within_one_edit("garanzia", "garamzia"));
        assert!(within_one_edit("garanzia", "garnazia"));
        assert!(within_one_edit("garanzia", "garanziaa"));
        assert!(!within_one_edit("garanzia", "gramzia"));
        assert!(!within_one_edit("garanzia", "garanziaaa"));
        assert!(!within_one_edit("garanzia", "ragnazia"));
        assert!(within_one_edit("mikrolån", "mikrolan"));
        assert!(within_one_edit("mikrolån", "mikrolånn"));
        assert!(!within_one_edit("mikrolån", "mikrolaan"));
        assert!(within_one_edit("", "a"));
    }
}
