//! The engine's queries: per language, what a reader's words and phrases must match; and the
//! clauses for what the reader may see and the filters they chose.

use crate::{Clause, Fields, Live, Query, Request, analysis};
use mfx_domain::policy::ReadScope;
use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

/// The term a word gives under an analyzer (its first, should it split).
fn analysed(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    analysis::terms(analyzer, word).into_iter().next()
}

/// The query for one language: every clause must match its title, its text or the theme
/// labels.
pub(crate) fn language_query(live: &Live, i: usize, query: &Query) -> Option<Box<dyn tantivy::query::Query>> {
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
                if let Some(folded) = folded.as_ref().filter(|f| f.chars().count() >= 5) {
                    // One edit: a letter missing, added, wrong, or two swapped.
                    options.push(boosted(
                        Box::new(FuzzyTermQuery::new(Term::from_field_text(words, folded), 1, true)),
                        0.3,
                    ));
                }
                if *prefix && let Some(folded) = folded {
                    options.push(boosted(
                        Box::new(FuzzyTermQuery::new_prefix(Term::from_field_text(words, &folded), 0, false)),
                        0.4,
                    ));
                    options.push(boosted(
                        Box::new(FuzzyTermQuery::new_prefix(
                            Term::from_field_text(live.fields.vocabulary, &folded),
                            0,
                            false,
                        )),
                        0.2,
                    ));
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
