//! The search engine of MICROFUTURE Exchange: a tantivy index of every document, derived from the
//! database and rebuilt from it. Its own crate because it is the one part built on tantivy: the
//! store and the web layer know nothing of it, and it knows nothing of databases.
//!
//! One index entry per document, with a title and a text field per language of the language
//! table (analysed with that language's stemmer), the labels of its themes in every language
//! (so that a query in one language finds documents tagged in any), and the facts that decide
//! who may read it and how results are filtered: kind, partner, status, visibility, themes,
//! languages. Visibility is a clause of the query, so a reader never waits for hidden matches.
//!
//! The index lives in generations under its directory (see [`disk`]); the one named in the file
//! `current` is served. Each commit records the number of the last database change it holds
//! (the content change log), so an index opened after a stop is brought up to date from there,
//! and a crash in the middle of a rebuild leaves the previous generation in service.

mod analysis;
mod builder;
pub mod disk;
mod facets;
mod matching;
mod passage;
mod query;

pub use builder::Builder;
pub use facets::{FACETS, Facets};
pub use query::{Clause, Query};

use analysis::PLAIN;
use matching::{Reach, language_query, restrictions};
use mfx_domain::Locale;
use mfx_domain::document::DocumentId;
use mfx_domain::policy::ReadScope;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TantivyDocument, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Term};

/// What went wrong with the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index files: {0}")]
    Files(#[from] std::io::Error),
    #[error("search index: {0}")]
    Other(String),
}

impl From<tantivy::directory::error::OpenDirectoryError> for SearchError {
    fn from(e: tantivy::directory::error::OpenDirectoryError) -> Self {
        SearchError::Other(e.to_string())
    }
}

/// The version of the index's layout; a generation of another version is rebuilt.
const FORMAT: u32 = 1;

/// A document as the index holds it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: DocumentId,
    pub kind: &'static str,
    /// The partner's id.
    pub partner: String,
    pub status: &'static str,
    pub visibility: &'static str,
    /// Theme codes.
    pub themes: Vec<String>,
    /// The labels of the themes in every language.
    pub vocabulary: Vec<String>,
    pub texts: Vec<EntryText>,
}

/// One language's text of a document, as plain text.
#[derive(Debug, Clone)]
pub struct EntryText {
    pub locale: Locale,
    pub title: String,
    pub body: String,
}

/// What a search may be narrowed to; each is one value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    pub kind: Option<&'static str>,
    /// A partner's id.
    pub partner: Option<String>,
    pub theme: Option<String>,
    pub language: Option<Locale>,
    /// Only for readers who may see more than published documents.
    pub status: Option<&'static str>,
}

/// A search.
#[derive(Debug, Clone)]
pub struct Request<'q> {
    pub query: &'q Query,
    pub scope: ReadScope,
    pub filters: Filters,
    pub offset: usize,
    pub limit: usize,
    /// The reader's language: when a document matched in several, this one is named.
    pub preferred: Locale,
}

/// A document that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub document: DocumentId,
    /// The language whose text matched (the reader's own when several did).
    pub locale: Locale,
    pub score: f32,
    /// A plain-text passage of that text around the first match, cut into runs; `true` marks
    /// a matched word. Empty when only the title or a theme matched and the text is empty.
    pub passage: Vec<(String, bool)>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// How many documents matched in all.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// For each filter, how many matching documents have each value.
    pub facets: Facets,
}

/// The fields of the schema.
#[derive(Debug, Clone)]
struct Fields {
    id: Field,
    kind: Field,
    partner: Field,
    status: Field,
    visibility: Field,
    theme: Field,
    language: Field,
    vocabulary: Field,
    /// Per language: its title and its text (the title again, then the body; stored), stemmed.
    texts: Vec<(Locale, Field, Field)>,
    /// Per language: the words of title and text as written (folded, not stemmed), for words
    /// typed with a mistake and words begun.
    words: Vec<Field>,
}

fn text_options(analyzer: &str, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(analyzer).set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored { options.set_stored() } else { options }
}

impl Fields {
    fn schema(languages: &[Locale]) -> Schema {
        let mut builder = Schema::builder();
        for name in ["id", "language"] {
            builder.add_text_field(name, STRING | FAST | STORED);
        }
        for name in ["kind", "partner", "status", "visibility", "theme"] {
            builder.add_text_field(name, STRING | FAST);
        }
        builder.add_text_field("vocabulary", text_options(PLAIN, false));
        for &locale in languages {
            let analyzer = analysis::analyzer_name(locale);
            builder.add_text_field(&format!("title_{}", locale.as_str()), text_options(&analyzer, false));
            builder.add_text_field(&format!("text_{}", locale.as_str()), text_options(&analyzer, true));
            builder.add_text_field(
                &format!("words_{}", locale.as_str()),
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default().set_tokenizer(PLAIN).set_index_option(IndexRecordOption::Basic),
                ),
            );
        }
        builder.build()
    }

    fn of(schema: &Schema, languages: &[Locale]) -> Result<Self, SearchError> {
        let field = |name: &str| schema.get_field(name).map_err(SearchError::from);
        Ok(Fields {
            id: field("id")?,
            kind: field("kind")?,
            partner: field("partner")?,
            status: field("status")?,
            visibility: field("visibility")?,
            theme: field("theme")?,
            language: field("language")?,
            vocabulary: field("vocabulary")?,
            texts: languages
                .iter()
                .map(|&l| Ok((l, field(&format!("title_{}", l.as_str()))?, field(&format!("text_{}", l.as_str()))?)))
                .collect::<Result<_, SearchError>>()?,
            words: languages.iter().map(|l| field(&format!("words_{}", l.as_str()))).collect::<Result<_, _>>()?,
        })
    }

    fn document(&self, entry: &Entry) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.id, entry.id.to_string());
        doc.add_text(self.kind, entry.kind);
        doc.add_text(self.partner, &entry.partner);
        doc.add_text(self.status, entry.status);
        doc.add_text(self.visibility, entry.visibility);
        for theme in &entry.themes {
            doc.add_text(self.theme, theme);
        }
        let mut labels: Vec<String> = entry.vocabulary.iter().map(|l| l.to_lowercase()).collect();
        labels.sort_unstable();
        labels.dedup();
        for label in &labels {
            doc.add_text(self.vocabulary, label);
        }
        for text in &entry.texts {
            let Some(i) = self.texts.iter().position(|(l, ..)| *l == text.locale) else { continue };
            let (_, title, body) = self.texts[i];
            let whole = format!("{}\n{}", text.title, text.body);
            doc.add_text(self.language, text.locale.as_str());
            doc.add_text(title, &text.title);
            doc.add_text(self.words[i], &whole);
            doc.add_text(body, whole);
        }
        doc
    }
}

/// What a commit records, as its payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Payload {
    format: u32,
    /// The languages and their stemmers, as the schema was made for them.
    languages: String,
    /// The last database change the index holds; `None` while a first build is under way.
    applied: Option<i64>,
}

fn languages_signature(languages: &[Locale]) -> String {
    languages
        .iter()
        .map(|l| format!("{}:{}", l.as_str(), analysis::stemming(*l).map_or("none".into(), |s| format!("{s:?}"))))
        .collect::<Vec<_>>()
        .join(",")
}

/// An open generation: the index, its reader, and (once taken) its writer.
struct Live {
    name: String,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Mutex<Option<IndexWriter>>,
    analyzers: Vec<(Locale, TextAnalyzer)>,
}

impl Live {
    fn open(dir: &Path, name: &str, languages: &[Locale]) -> Result<Option<(Live, Option<i64>)>, SearchError> {
        let path = dir.join(name);
        let index = match Index::open_in_dir(&path) {
            Ok(index) => index,
            Err(e) => {
                tracing::warn!(generation = name, error = %e, "the search index could not be opened; it will be rebuilt");
                return Ok(None);
            }
        };
        let payload: Option<Payload> =
            index.load_metas()?.payload.as_deref().and_then(|p| serde_json::from_str(p).ok());
        let wanted = languages_signature(languages);
        let Some(payload) = payload.filter(|p| p.format == FORMAT && p.languages == wanted) else {
            tracing::info!(generation = name, "the search index was made for other languages or another layout");
            return Ok(None);
        };
        Ok(Some((Live::wrap(name, index, languages)?, payload.applied)))
    }

    fn wrap(name: &str, index: Index, languages: &[Locale]) -> Result<Live, SearchError> {
        analysis::register(index.tokenizers(), languages);
        let fields = Fields::of(&index.schema(), languages)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(Live {
            name: name.to_owned(),
            index,
            reader,
            fields,
            writer: Mutex::new(None),
            analyzers: languages.iter().map(|&l| (l, analysis::analyzer(l))).collect(),
        })
    }
}

/// The index a server searches and keeps up to date. Cheap to share (`Arc`).
pub struct SearchIndex {
    dir: PathBuf,
    languages: Vec<Locale>,
    live: RwLock<Arc<Live>>,
    applied: Mutex<Option<i64>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("dir", &self.dir).finish_non_exhaustive()
    }
}

/// The memory the server's writer may use before it writes a segment (tantivy's least).
const SERVER_WRITER_BYTES: usize = 15_000_000;

impl SearchIndex {
    /// Opens the generation in service under `dir`; when there is none, or it cannot serve
    /// these languages, starts an empty one (which [`SearchIndex::applied`] reports as never
    /// built). Unused generations are removed.
    pub fn open(dir: &Path, languages: &[Locale]) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(dir)?;
        let opened = match disk::current(dir)? {
            Some(name) => Live::open(dir, &name, languages)?,
            None => None,
        };
        let (live, applied) = match opened {
            Some(found) => found,
            None => {
                let (name, index) = disk::create(dir, &Fields::schema(languages))?;
                let live = Live::wrap(&name, index, languages)?;
                commit_payload(&live, languages, None, 1)?;
                disk::make_current(dir, &name)?;
                (live, None)
            }
        };
        disk::remove_unused(dir, &live.name);
        Ok(SearchIndex {
            dir: dir.to_owned(),
            languages: languages.to_vec(),
            live: RwLock::new(Arc::new(live)),
            applied: Mutex::new(applied),
        })
    }

    /// The last database change the index holds; `None` when it has never been built.
    pub fn applied(&self) -> Option<i64> {
        *self.applied.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn live(&self) -> Arc<Live> {
        self.live.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Replaces the entries of `removed` and of the entries given (a document no longer in the
    /// database is in `removed` only), records `applied`, commits and serves the result.
    pub fn apply(&self, entries: &[Entry], removed: &[DocumentId], applied: i64) -> Result<(), SearchError> {
        let live = self.live();
        {
            let mut writer = live.writer.lock().unwrap_or_else(PoisonError::into_inner);
            if writer.is_none() {
                *writer = Some(live.index.writer_with_num_threads(1, SERVER_WRITER_BYTES)?);
            }
            let Some(writer) = writer.as_mut() else { return Ok(()) };
            for id in removed.iter().chain(entries.iter().map(|e| &e.id)) {
                writer.delete_term(Term::from_field_text(live.fields.id, &id.to_string()));
            }
            for entry in entries {
                writer.add_document(live.fields.document(entry))?;
            }
            let mut prepared = writer.prepare_commit()?;
            prepared.set_payload(&payload_text(&self.languages, Some(applied)));
            prepared.commit()?;
        }
        live.reader.reload()?;
        *self.applied.lock().unwrap_or_else(PoisonError::into_inner) = Some(applied);
        Ok(())
    }

    /// Whether another generation has been put in service (by `mfx search reindex`); if so,
    /// serves it from now on and returns the change it holds.
    pub fn follow_generation(&self) -> Result<Option<Option<i64>>, SearchError> {
        let Some(name) = disk::current(&self.dir)? else { return Ok(None) };
        if name == self.live().name {
            return Ok(None);
        }
        let Some((live, applied)) = Live::open(&self.dir, &name, &self.languages)? else { return Ok(None) };
        let old = {
            let mut slot = self.live.write().unwrap_or_else(PoisonError::into_inner);
            std::mem::replace(&mut *slot, Arc::new(live))
        };
        *self.applied.lock().unwrap_or_else(PoisonError::into_inner) = applied;
        // The old writer's lock goes with it; its files once no search holds them.
        if let Some(writer) = old.writer.lock().unwrap_or_else(PoisonError::into_inner).take() {
            drop(writer);
        }
        let old_name = old.name.clone();
        drop(old);
        disk::remove_unused(&self.dir, &name);
        tracing::info!(from = old_name, to = name, "search index generation switched");
        Ok(Some(applied))
    }

    /// How many documents the index holds.
    pub fn len(&self) -> u64 {
        self.live().reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Searches. Words are first matched as asked (and the last one as begun); when that finds
    /// fewer documents than the page holds, again with words within one edit (a typo).
    pub fn search(&self, request: &Request<'_>) -> Result<Results, SearchError> {
        let live = self.live();
        let searcher = live.reader.searcher();
        let first = self.search_with(&live, &searcher, request, Reach { begun: true, typos: false })?;
        let wanted = request.offset.saturating_add(request.limit);
        let typo_able = request.query.clauses().iter().any(|c| match c {
            Clause::Word { text, .. } => text.chars().count() >= 5,
            Clause::Phrase(_) => false,
        });
        if first.total >= wanted || !typo_able {
            return Ok(first);
        }
        self.search_with(&live, &searcher, request, Reach { begun: true, typos: true })
    }

    fn search_with(
        &self,
        live: &Live,
        searcher: &tantivy::Searcher,
        request: &Request<'_>,
        reach: Reach,
    ) -> Result<Results, SearchError> {
        let languages: Vec<usize> = (0..live.fields.texts.len())
            .filter(|&i| request.filters.language.is_none_or(|l| live.fields.texts[i].0 == l))
            .collect();
        let mut per_language: Vec<Box<dyn tantivy::query::Query>> = Vec::new();
        for &i in &languages {
            if let Some(q) = language_query(live, searcher, i, request.query, reach) {
                per_language.push(q);
            }
        }
        if per_language.is_empty() {
            return Ok(Results { total: 0, hits: Vec::new(), facets: Facets::default() });
        }
        // A document's score is its best language's, not the sum over its languages.
        let matching: Box<dyn tantivy::query::Query> = Box::new(DisjunctionMaxQuery::new(per_language));
        let mut clauses: Vec<(Occur, Box<dyn tantivy::query::Query>)> = vec![(Occur::Must, matching)];
        for filter in restrictions(&live.fields, request) {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
        }
        let query = BooleanQuery::new(clauses);
        let wanted = request.offset.saturating_add(request.limit).max(1);
        let counter = facets::Counter::new(request.scope != ReadScope::PublishedPublic);
        let (top, total, facets) =
            searcher.search(&query, &(TopDocs::with_limit(wanted).order_by_score(), Count, counter))?;
        let top: Vec<(f32, DocAddress)> = top.into_iter().skip(request.offset).collect();
        let hits = self.hits(live, searcher, &top, request)?;
        Ok(Results { total, hits, facets })
    }

    fn hits(
        &self,
        live: &Live,
        searcher: &tantivy::Searcher,
        top: &[(f32, DocAddress)],
        request: &Request<'_>,
    ) -> Result<Vec<Hit>, SearchError> {
        // Which language matched: each language's query, without the words within one edit and
        // the words begun (which would cost as much as the search), is run on the hits alone.
        let scoring = tantivy::query::EnableScoring::enabled_from_searcher(searcher);
        let mut matched: HashMap<DocAddress, Vec<(usize, f32)>> = HashMap::new();
        let mut by_segment: HashMap<u32, Vec<u32>> = HashMap::new();
        for (_, address) in top {
            by_segment.entry(address.segment_ord).or_default().push(address.doc_id);
        }
        for docs in by_segment.values_mut() {
            docs.sort_unstable();
        }
        for i in 0..live.fields.texts.len() {
            if request.filters.language.is_some_and(|l| l != live.fields.texts[i].0) {
                continue;
            }
            let Some(q) = language_query(live, searcher, i, request.query, Reach::EXACT) else { continue };
            let weight = q.weight(scoring)?;
            for (&segment, docs) in &by_segment {
                let mut scorer = weight.scorer(searcher.segment_reader(segment), 1.0)?;
                for &doc in docs {
                    if scorer.doc() <= doc && scorer.seek(doc) == doc {
                        matched.entry(DocAddress::new(segment, doc)).or_default().push((i, scorer.score()));
                    }
                }
            }
        }
        let mut matchers: HashMap<usize, passage::Matcher> = HashMap::new();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(*address)?;
            let Some(id) = stored_text(&stored, live.fields.id) else { continue };
            let document: DocumentId = id.parse().map_err(|_| SearchError::Other(format!("a stored id {id}")))?;
            // A theme label matches under every language; only the document's own count.
            let own = stored_texts(&stored, live.fields.language);
            let has = |i: usize| own.contains(&live.fields.texts[i].0.as_str());
            let text_of = |i: usize| stored_text(&stored, live.fields.texts[i].2).unwrap_or_default();
            let languages: Vec<(usize, f32)> =
                matched.get(address).into_iter().flatten().copied().filter(|(i, _)| has(*i)).collect();
            let preferred =
                (0..live.fields.texts.len()).find(|&i| live.fields.texts[i].0 == request.preferred && has(i));
            let best = languages.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|(i, _)| *i);
            let mut chosen = match (best, preferred) {
                // The reader's language when its text matched, else the best match.
                (Some(_), Some(p)) if languages.iter().any(|(i, _)| *i == p) => Some((p, None)),
                (Some(b), _) => Some((b, None)),
                (None, _) => None,
            };
            if chosen.is_none() {
                // Only a word within one edit, a word begun or a theme label matched: the first
                // text (the reader's language first) where a word matches, else the reader's
                // language or the first the document has.
                let mut order: Vec<usize> = preferred.into_iter().collect();
                order.extend((0..live.fields.texts.len()).filter(|&i| has(i) && Some(i) != preferred));
                for &i in &order {
                    let (runs, found) =
                        matcher(&mut matchers, live, request.query, i).passage(text_of(i), passage::WORDS);
                    if found {
                        chosen = Some((i, Some(runs)));
                        break;
                    }
                }
                if chosen.is_none() {
                    chosen = order.first().map(|&i| (i, None));
                }
            }
            let Some((i, runs)) = chosen else { continue };
            let passage = match runs {
                Some(runs) => runs,
                None => matcher(&mut matchers, live, request.query, i).passage(text_of(i), passage::WORDS).0,
            };
            hits.push(Hit { document, locale: live.fields.texts[i].0, score: *score, passage });
        }
        Ok(hits)
    }
}

/// The passage maker of a language for this query, made once per search.
fn matcher<'m>(
    matchers: &'m mut HashMap<usize, passage::Matcher>,
    live: &Live,
    query: &Query,
    i: usize,
) -> &'m mut passage::Matcher {
    matchers.entry(i).or_insert_with(|| passage::Matcher::new(live.analyzers[i].1.clone(), query))
}

fn stored_text(doc: &TantivyDocument, field: Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

fn stored_texts(doc: &TantivyDocument, field: Field) -> Vec<&str> {
    doc.get_all(field).filter_map(|v| v.as_str()).collect()
}

fn payload_text(languages: &[Locale], applied: Option<i64>) -> String {
    let payload = Payload { format: FORMAT, languages: languages_signature(languages), applied };
    serde_json::to_string(&payload).unwrap_or_default()
}

fn commit_payload(live: &Live, languages: &[Locale], applied: Option<i64>, threads: usize) -> Result<(), SearchError> {
    let mut writer: IndexWriter = live.index.writer_with_num_threads(threads, SERVER_WRITER_BYTES)?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload_text(languages, applied));
    prepared.commit()?;
    writer.wait_merging_threads()?;
    live.reader.reload()?;
    Ok(())
}

pub use analysis::within_one_edit;

#[cfg(test)]
mod tests;
