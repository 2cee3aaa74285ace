//! Whatever a reader types, the engine answers: a query is words and phrases or a field error,
//! and no query makes the search fail.

use mfx_domain::Locale;
use mfx_domain::policy::ReadScope;
use mfx_search::{Clause, Entry, EntryText, Filters, Query, Request, SearchIndex};
use proptest::prelude::*;
use proptest::sample::select;
use std::sync::OnceLock;

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("mfx-search-properties-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let index = SearchIndex::open(&dir, &Locale::all()).expect("open");
        let texts = [
            ("it", "Fondo di garanzia", "Microcredito per le imprese sociali di Bologna."),
            ("fr", "Microcrédit solidaire", "Des prêts pour créer une entreprise en Seine-Saint-Denis."),
            ("sv", "Mikrolån i Örebro", "Stöd till företagare som inte får banklån."),
        ];
        let entries: Vec<Entry> = texts
            .iter()
            .enumerate()
            .map(|(n, (l, title, body))| Entry {
                id: format!("01900000-0000-7000-8000-{n:012}").parse().expect("id"),
                kind: "practice",
                partner: "01900000-0000-7000-8000-00000000000a".into(),
                status: "published",
                visibility: "public",
                themes: vec!["microcredit".into()],
                vocabulary: vec!["Microcredit".into(), "Mikrolån".into()],
                texts: vec![EntryText {
                    locale: l.parse().expect("locale"),
                    title: (*title).into(),
                    body: (*body).into(),
                }],
            })
            .collect();
        index.apply(&entries, &[], 1).expect("apply");
        index
    })
}

fn check(text: &str) -> Result<(), TestCaseError> {
    match Query::parse(text) {
        Ok(query) => {
            prop_assert!((1..=Query::MAX_CLAUSES).contains(&query.clauses().len()));
            for clause in query.clauses() {
                let words = match clause {
                    Clause::Word { text, .. } => vec![text.clone()],
                    Clause::Phrase(words) => {
                        prop_assert!(words.len() >= 2);
                        words.clone()
                    }
                };
                for word in words {
                    prop_assert!(!word.is_empty() && word.chars().all(char::is_alphanumeric), "{:?}", word);
                }
            }
            for scope in [ReadScope::PublishedPublic, ReadScope::Everything] {
                let request = Request {
                    query: &query,
                    scope,
                    filters: Filters::default(),
                    offset: 0,
                    limit: 10,
                    preferred: Locale::fallback(),
                };
                let results = index().search(&request);
                prop_assert!(results.is_ok(), "{:?}: {:?}", text, results.err());
            }
        }
        Err(error) => prop_assert_eq!(error.field, "q"),
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_text_is_a_query_or_a_field_error_and_never_fails_a_search(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn query_syntax_of_other_engines_stays_words(
        parts in proptest::collection::vec(
            select(vec!["\"", "*", "OR", "NEAR(", ")", "'", "&", "|", "!", ":*", "-", "~2", "^3", "title:", "micro", "crédit", "Örebro", "\u{0}", "\u{202e}", "ﬁ", "İ", " "]),
            1..14,
        ),
    ) {
        check(&parts.concat())?;
    }
}

/// The edit distance with neighbours swapped counting one (optimal string alignment), by the
/// textbook table: the reference the fast check is held to.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

proptest! {
    #[test]
    fn one_edit_agrees_with_the_edit_distance(a in "[abnå]{0,7}", b in "[abnå]{0,7}") {
        prop_assert_eq!(mfx_search::within_one_edit(&a, &b), distance(&a, &b) <= 1, "{} / {}", a, b);
    }

    #[test]
    fn one_edit_away_is_found_within_one_edit(a in "[a-zå]{1,9}", at in 0usize..9, c in "[a-zå]") {
        let chars: Vec<char> = a.chars().collect();
        let at = at % chars.len();
        let c = c.chars().next().unwrap_or('a');
        let mut replaced = chars.clone();
        replaced[at] = c;
        let mut inserted = chars.clone();
        inserted.insert(at, c);
        let mut removed = chars.clone();
        removed.remove(at);
        for other in [replaced, inserted, removed] {
            let other: String = other.into_iter().collect();
            prop_assert!(mfx_search::within_one_edit(&a, &other), "{} / {}", a, other);
        }
    }
}
