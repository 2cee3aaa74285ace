//! The engine's queries: per language, what a reader's words and phrases must match; and the
//! clauses for what the reader may see and the filters they chose.

use crate::{Clause, Fields, Live, Query, Request, analysis};
use mfx_domain::policy::ReadScope;
use std::collections::HashMap;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// The term a word gives under an analyzer (its first, should it split).
fn analysed(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    analysis::terms(analyzer, word).into_iter().next()
}

/// How far a query reaches beyond the words as the index holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reach {
    /// The last word also as the beginning of words (its most frequent continuations).
    pub begun: bool,
    /// Words of five letters or more also within one edit.
    pub typos: bool,
}

impl Reach {
    /// Only the words as asked: enough to tell which language matched, and far cheaper.
    pub const EXACT: Reach = Reach { begun: false, typos: false };
}

/// How many words a beginning stands for at most, and how many of each segment's words that
/// begin so are looked at to choose them.
const EXPANSIONS: usize = 12;
const SCANNED: usize = 2_000;

/// The words of `field` that begin with `prefix`, the most frequent first: at most
/// [`EXPANSIONS`] of the first [`SCANNED`] in each segment's dictionary, so that a short
/// beginning ("per") costs no more than a long one.
fn continuations(searcher: &Searcher, field: Field, prefix: &str) -> Vec<String> {
    let mut found: HashMap<Vec<u8>, u64> = HashMap::new();
    for reader in searcher.segment_readers() {
        let Ok(inverted) = reader.inverted_index(field) else { continue };
        let Ok(mut stream) = inverted.terms().range().ge(prefix.as_bytes()).into_stream() else { continue };
        let mut scanned = 0;
        while stream.advance() && scanned < SCANNED {
            let key = stream.key();
            if !key.starts_with(prefix.as_bytes()) {
                break;
            }
            *found.entry(key.to_vec()).or_default() += u64::from(stream.value().doc_freq);
            scanned += 1;
        }
    }
    let mut terms: Vec<(Vec<u8>, u64)> = found.into_iter().collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.into_iter().take(EXPANSIONS).filter_map(|(t, _)| String::from_utf8(t).ok()).collect()
}

/// The query for one language: every clause must match its title, its text or the theme
/// labels.
pub(crate) fn language_query(
    live: &Live,
    searcher: &Searcher,
    i: usize,
    query: &Query,
    reach: Reach,
) -> Option<Box<dyn tantivy::query::Query>> {
    let (_, title, text) = live.fields.texts[i];
    let words = live.fields.words[i];
    let mut analyzer = live.analyzers[i].1.clone();
    let mut plain = analysis::analyzer_for_plain();
    let mut musts: Vec<(Occur, Box<dyn tantivy::query::Query>)> = Vec::new();
    for clause in query.clauses() {
        let mut options: Vec<(Occur, Box<dyn tantivy::query::Query>)> = Vec::new();
        let boosted = |q: Box<dyn tantivy::query::Query>, by: f32| -> (Occur, Box<dyn tantivy::query::Query>) {
            (Occur::Should, Box::new(BoostQuery::new(q, by)))
        };
        match clause {
            Clause::Word { text: word, prefix } => {
                let Some(term) = analysed(&mut analyzer, word) else { continue };
                let freqs = IndexRecordOption::WithFreqs;
                options.push(boosted(Box::new(TermQuery::new(Term::from_field_text(title, &term), freqs)), 2.0));
                options.push(boosted(Box::new(TermQuery::new(Term::from_field_text(text, &term), freqs)), 1.0));
                let folded = analysed(&mut plain, word);
                if let Some(folded) = &folded {
                    options.push(boosted(
                        Box::new(TermQuery::new(Term::from_field_text(live.fields.vocabulary, folded), freqs)),
                        0.3,
                    ));
                }
                if let Some(folded) = folded.as_ref().filter(|f| reach.typos && f.chars().count() >= 5) {
                    // One edit: a letter missing, added, wrong, or two swapped.
                    options.push(boosted(
                        Box::new(FuzzyTermQuery::new(Term::from_field_text(words, folded), 1, true)),
                        0.3,
                    ));
                }
                if reach.begun
                    && *prefix
                    && let Some(folded) = folded
                {
                    for (field, boost) in [(words, 0.4), (live.fields.vocabulary, 0.2)] {
                        for continuation in continuations(searcher, field, &folded) {
                            let term = Term::from_field_text(field, &continuation);
                            options.push(boosted(Box::new(TermQuery::new(term, IndexRecordOption::Basic)), boost));
                        }
                    }
                }
            }
            Clause::Phrase(words) => {
                let terms: Vec<String> = words.iter().filter_map(|w| analysed(&mut analyzer, w)).collect();
                for (field, boost) in [(title, 2.0), (text, 1.0)] {
                    let q: Box<dyn tantivy::query::Query> = if terms.len() == 1 {
                        Box::new(TermQuery::new(Term::from_field_text(field, &terms[0]), IndexRecordOption::WithFreqs))
                    } else if terms.is_empty() {
                        continue;
                    } else {
                        Box::new(PhraseQuery::new(terms.iter().map(|t| Term::from_field_text(field, t)).collect()))
                    };
                    options.push(boosted(q, boost));
                }
            }
        }
        if options.is_empty() {
            continue;
        }
        musts.push((Occur::Must, Box::new(BooleanQuery::new(options))));
    }
    if musts.is_empty() { None } else { Some(Box::new(BooleanQuery::new(musts))) }
}

fn term_query(field: Field, value: &str) -> Box<dyn tantivy::query::Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

fn any_of(queries: Vec<Box<dyn tantivy::query::Query>>) -> Box<dyn tantivy::query::Query> {
    Box::new(BooleanQuery::new(queries.into_iter().map(|q| (Occur::Should, q)).collect()))
}

/// What the reader may see and what they filtered on, as query clauses.
pub(crate) fn restrictions(fields: &Fields, request: &Request<'_>) -> Vec<Box<dyn tantivy::query::Query>> {
    let mut out = Vec::new();
    match request.scope {
        ReadScope::PublishedPublic => {
            out.push(term_query(fields.status, "published"));
            out.push(term_query(fields.visibility, "public"));
        }
        ReadScope::Member { partner } => out.push(any_of(vec![
            term_query(fields.status, "published"),
            term_query(fields.status, "archived"),
            term_query(fields.partner, &partner.to_string()),
        ])),
        ReadScope::Everything => {}
    }
    let f = &request.filters;
    if let Some(kind) = f.kind {
        out.push(term_query(fields.kind, kind));
    }
    if let Some(partner) = &f.partner {
        out.push(term_query(fields.partner, partner));
    }
    if let Some(theme) = &f.theme {
        out.push(term_query(fields.theme, theme));
    }
    if let Some(language) = f.language {
        out.push(term_query(fields.language, language.as_str()));
    }
    if let Some(status) = f.status {
        out.push(term_query(fields.status, status));
    }
    out
}
