//! The engine on a real index in a temporary directory.

use super::*;

struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let path = std::env::temp_dir().join(format!("mfx-search-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&path).expect("temporary directory");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn locale(code: &str) -> Locale {
    code.parse().expect("a language of the bundled table")
}

fn languages() -> Vec<Locale> {
    Locale::all()
}

const PARTNER_A: &str = "01900000-0000-7000-8000-00000000000a";
const PARTNER_B: &str = "01900000-0000-7000-8000-00000000000b";

fn id(n: u32) -> DocumentId {
    format!("01900000-0000-7000-8000-{n:012}").parse().expect("id")
}

fn entry(
    n: u32,
    partner: &str,
    status: &'static str,
    texts: &[(&str, &str, &str)],
    themes: &[(&str, &[&str])],
) -> Entry {
    Entry {
        id: id(n),
        kind: "practice",
        partner: partner.into(),
        status,
        visibility: "public",
        themes: themes.iter().map(|(code, _)| (*code).to_owned()).collect(),
        vocabulary: themes.iter().flat_map(|(_, labels)| labels.iter().map(|l| (*l).to_owned())).collect(),
        texts: texts
            .iter()
            .map(|(l, title, body)| EntryText { locale: locale(l), title: (*title).into(), body: (*body).into() })
            .collect(),
    }
}

fn sample() -> Vec<Entry> {
    vec![
        entry(
            1,
            PARTNER_A,
            "published",
            &[
                (
                    "it",
                    "Fondo di garanzia regionale",
                    "Il fondo offre garanzie alle imprese sociali e alle cooperative.",
                ),
                ("en", "Regional guarantee fund", "The fund gives guarantees to social enterprises and cooperatives."),
            ],
            &[("microcredit", &["Microcredit", "Microcrédit", "Microcredito", "Mikrolån"])],
        ),
        entry(
            2,
            PARTNER_B,
            "published",
            &[("fr", "Microcrédit pour les femmes entrepreneures", "Des prêts accompagnés pour créer une entreprise.")],
            &[("social_inclusion", &["Social inclusion", "Inclusion sociale", "Social inkludering"])],
        ),
        entry(
            3,
            PARTNER_B,
            "draft",
            &[("sv", "Utkast om mikrolån", "Ett hemligt utkast om mikrolån till unga företagare.")],
            &[],
        ),
        entry(
            4,
            PARTNER_A,
            "published",
            &[("en", "Financial education in schools", "Pupils learn how a household budget and savings work.")],
            &[],
        ),
    ]
}

fn index(dir: &TempDir) -> SearchIndex {
    let index = SearchIndex::open(&dir.0, &languages()).expect("open");
    assert_eq!(index.applied(), None, "a new index has never been built");
    index.apply(&sample(), &[], 7).expect("apply");
    assert_eq!(index.applied(), Some(7));
    index
}

fn search(index: &SearchIndex, q: &str, scope: ReadScope, filters: Filters, preferred: &str) -> Results {
    let query = Query::parse(q).expect("query");
    index
        .search(&Request { query: &query, scope, filters, offset: 0, limit: 10, preferred: locale(preferred) })
        .expect("search")
}

fn found(results: &Results) -> Vec<DocumentId> {
    results.hits.iter().map(|h| h.document).collect()
}

#[test]
fn inflections_accents_prefixes_typos_and_phrases_match() {
    let dir = TempDir::new();
    let index = index(&dir);
    let public = || Filters::default();
    // Italian inflection: "garanzie" (plural) finds the text saying "garanzia".
    assert_eq!(found(&search(&index, "garanzie ", ReadScope::PublishedPublic, public(), "it")), [id(1)]);
    // Without the accent.
    assert_eq!(found(&search(&index, "microcredit ", ReadScope::PublishedPublic, public(), "fr"))[0], id(2));
    // The beginning of a word, as typed.
    assert_eq!(found(&search(&index, "entrepren", ReadScope::PublishedPublic, public(), "fr")), [id(2)]);
    // One typo in a long word.
    assert_eq!(found(&search(&index, "cooperatvies ", ReadScope::PublishedPublic, public(), "en")), [id(1)]);
    // A phrase matches words in order, not the same words apart.
    assert_eq!(found(&search(&index, "\"household budget\"", ReadScope::PublishedPublic, public(), "en")), [id(4)]);
    assert!(found(&search(&index, "\"budget household\"", ReadScope::PublishedPublic, public(), "en")).is_empty());
    // Every word must match.
    assert!(found(&search(&index, "guarantee pupils ", ReadScope::PublishedPublic, public(), "en")).is_empty());
}

#[test]
fn a_theme_named_in_one_language_finds_documents_written_in_another() {
    let dir = TempDir::new();
    let index = index(&dir);
    let results = search(&index, "mikrolån ", ReadScope::PublishedPublic, Filters::default(), "sv");
    // Tagged "microcredit", written in Italian and English; the Swedish draft is not public.
    assert_eq!(found(&results), [id(1)]);
    assert!(["it", "en"].contains(&results.hits[0].locale.as_str()));
}

#[test]
fn visibility_is_applied_inside_the_engine() {
    let dir = TempDir::new();
    let index = index(&dir);
    let draft = "utkast ";
    assert!(found(&search(&index, draft, ReadScope::PublishedPublic, Filters::default(), "sv")).is_empty());
    let other = ReadScope::Member { partner: PARTNER_A.parse().expect("partner") };
    assert!(found(&search(&index, draft, other, Filters::default(), "sv")).is_empty());
    let own = ReadScope::Member { partner: PARTNER_B.parse().expect("partner") };
    assert_eq!(found(&search(&index, draft, own, Filters::default(), "sv")), [id(3)]);
    assert_eq!(found(&search(&index, draft, ReadScope::Everything, Filters::default(), "sv")), [id(3)]);
}

#[test]
fn the_matched_language_is_named_and_the_readers_own_preferred() {
    let dir = TempDir::new();
    let index = index(&dir);
    let english = search(&index, "fund ", ReadScope::PublishedPublic, Filters::default(), "it");
    assert_eq!(english.hits[0].locale.as_str(), "en", "only the English text says fund");
    let both = search(&index, "cooperative ", ReadScope::PublishedPublic, Filters::default(), "it");
    assert_eq!(both.hits[0].locale.as_str(), "it");
    let passage: Vec<&str> = both.hits[0].passage.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect();
    assert_eq!(passage, ["cooperative"]);
}

#[test]
fn filters_narrow_and_facets_count_documents() {
    let dir = TempDir::new();
    let index = index(&dir);
    let all = search(&index, "and ", ReadScope::Everything, Filters::default(), "en");
    assert_eq!(all.total, 2);
    assert_eq!(all.facets.of("partner"), [(PARTNER_A.to_owned(), 2)]);
    assert_eq!(all.facets.of("language"), [("en".to_owned(), 2), ("it".to_owned(), 1)]);
    assert_eq!(all.facets.of("theme"), [("microcredit".to_owned(), 1)]);
    let themed = search(
        &index,
        "and ",
        ReadScope::Everything,
        Filters { theme: Some("microcredit".into()), ..Filters::default() },
        "en",
    );
    assert_eq!(found(&themed), [id(1)]);
    let italian_only = search(
        &index,
        "fund ",
        ReadScope::Everything,
        Filters { language: Some(locale("it")), ..Filters::default() },
        "en",
    );
    assert!(found(&italian_only).is_empty(), "fund is only in the English text");
    let drafts =
        search(&index, "utkast ", ReadScope::Everything, Filters { status: Some("draft"), ..Filters::default() }, "sv");
    assert_eq!(found(&drafts), [id(3)]);
    let public = search(&index, "and ", ReadScope::PublishedPublic, Filters::default(), "en");
    assert!(public.facets.of("status").is_empty(), "the public is not told statuses");
}

#[test]
fn a_change_replaces_the_entry_and_a_removal_drops_it() {
    let dir = TempDir::new();
    let index = index(&dir);
    let mut changed = sample().remove(3);
    changed.texts[0].title = "Savings circles for pupils".into();
    index.apply(&[changed], &[id(2)], 9).expect("apply");
    assert_eq!(found(&search(&index, "circles ", ReadScope::Everything, Filters::default(), "en")), [id(4)]);
    assert!(found(&search(&index, "schools ", ReadScope::Everything, Filters::default(), "en")).is_empty());
    assert!(found(&search(&index, "femmes ", ReadScope::Everything, Filters::default(), "fr")).is_empty());
    assert_eq!(index.len(), 3);
}

#[test]
fn reopening_keeps_the_index_and_what_it_applied() {
    let dir = TempDir::new();
    drop(index(&dir));
    let reopened = SearchIndex::open(&dir.0, &languages()).expect("open");
    assert_eq!(reopened.applied(), Some(7));
    assert_eq!(reopened.len(), 4);
    // Another set of languages cannot be served by this index: it starts again.
    let fewer = vec![locale("en"), locale("it")];
    let other = SearchIndex::open(&dir.0, &fewer);
    drop(reopened);
    let other = other.or_else(|_| SearchIndex::open(&dir.0, &fewer)).expect("open");
    assert_eq!(other.applied(), None);
}

#[test]
fn a_rebuild_goes_into_service_only_when_complete() {
    let dir = TempDir::new();
    let index = index(&dir);
    // A rebuild that stops part way (the process killed) leaves the index in service alone.
    let mut unfinished = Builder::start(&dir.0, &languages(), 1, 30_000_000).expect("start");
    unfinished.add(&sample()[..1]).expect("add");
    drop(unfinished);
    assert_eq!(index.follow_generation().expect("follow"), None);
    // A complete one is followed.
    let mut builder = Builder::start(&dir.0, &languages(), 1, 30_000_000).expect("start");
    builder.add(&sample()[..2]).expect("add");
    assert_eq!(builder.finish(12).expect("finish"), 2);
    assert_eq!(index.follow_generation().expect("follow"), Some(Some(12)));
    assert_eq!(index.applied(), Some(12));
    assert_eq!(index.len(), 2);
    let generations = std::fs::read_dir(&dir.0).expect("dir").flatten().filter(|e| e.path().is_dir()).count();
    assert_eq!(generations, 1, "the old and the unfinished generations are removed");
}
