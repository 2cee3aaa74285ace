//! Keeps the search index (the `mfx-search` crate) derived from the database. The database is
//! the source of truth: the index is built from every document (`mfx search reindex`, or at start
//! when there is none) and then follows the content change log, re-reading each document a change
//! names. Every instance keeps its own index (`MFX_SEARCH_DIR`) and follows the log on its own,
//! a quarter of a second at most after the last look, and at once after its own writes; so a
//! change made through one instance is found through every other within a second.

use crate::progress::Progress;
use mfx_domain::Locale;
use mfx_domain::document::DocumentId;
use mfx_i18n::Translator;
use mfx_search::{Builder, Entry, EntryText, SearchError, SearchIndex};
use mfx_store::documents::DocumentSummary;
use mfx_store::{Db, StoreError, changes, documents};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// How long the follower waits between looks at the change log when nothing wakes it.
pub const FOLLOW_EVERY: Duration = Duration::from_millis(250);

/// Documents read from the database at a time.
const PAGE: i64 = 500;

#[derive(Debug, thiserror::Error)]
pub enum IndexingError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Search(#[from] SearchError),
    /// The index holds no changes the log can continue from: it must be rebuilt.
    #[error("the search index must be rebuilt")]
    Rebuild,
}

/// The index and what wakes its follower. Cheap to share (`Arc`).
#[derive(Debug)]
pub struct Indexing {
    pub index: Arc<SearchIndex>,
    /// Where the index lives.
    pub dir: std::path::PathBuf,
    wake: tokio::sync::Notify,
    /// The last change written through this instance: its searches wait for the index to hold
    /// it, so that whoever wrote finds what they wrote.
    written: AtomicI64,
    /// Told when the index has applied more changes.
    advanced: tokio::sync::Notify,
}

/// How long a search waits for the index to hold this instance's own last write.
pub const OWN_WRITES_WAIT: Duration = Duration::from_secs(1);

impl Indexing {
    /// Asks the follower to look at the change log now.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// A change up to `seq` was written through this instance.
    pub fn written(&self, seq: i64) {
        self.written.fetch_max(seq, Ordering::AcqRel);
        self.wake();
    }

    /// Waits (at most [`OWN_WRITES_WAIT`]) until the index holds every change written through
    /// this instance; answers at once when it does.
    pub async fn own_writes(&self) {
        let wanted = self.written.load(Ordering::Acquire);
        let deadline = tokio::time::Instant::now() + OWN_WRITES_WAIT;
        while self.index.applied().is_none_or(|applied| applied < wanted) {
            let advanced = self.advanced.notified();
            self.wake();
            if tokio::time::timeout_at(deadline, advanced).await.is_err() {
                tracing::warn!(wanted, applied = ?self.index.applied(), "search answered before the index held this instance's last write");
                return;
            }
        }
    }
}

/// The languages the index is made for: the language table's.
pub fn languages() -> Vec<Locale> {
    Locale::all()
}

/// The labels of theme codes in every language, looked up once each.
#[derive(Default)]
pub struct Labels {
    themes: HashMap<String, Vec<String>>,
    translators: Vec<Translator>,
}

impl Labels {
    fn of(&mut self, theme: &str) -> &[String] {
        if self.translators.is_empty() {
            self.translators = languages().into_iter().map(Translator::new).collect();
        }
        let translators = &self.translators;
        self.themes.entry(theme.to_owned()).or_insert_with(|| {
            let id = format!("theme-{theme}");
            let mut labels: Vec<String> = translators.iter().filter(|t| t.has(&id)).map(|t| t.t(&id)).collect();
            labels.sort_unstable();
            labels.dedup();
            labels
        })
    }
}

/// A document as the index holds it: its live texts as plain text, its themes' labels in
/// every language.
pub fn entry(summary: &DocumentSummary, labels: &mut Labels) -> Entry {
    let mut vocabulary = Vec::new();
    for theme in &summary.themes {
        vocabulary.extend(labels.of(theme).iter().cloned());
    }
    Entry {
        id: summary.id,
        kind: summary.kind.as_str(),
        partner: summary.partner.to_string(),
        status: summary.status.as_str(),
        visibility: summary.visibility.as_str(),
        themes: summary.themes.clone(),
        vocabulary,
        texts: summary
            .texts
            .iter()
            .map(|t| EntryText {
                locale: t.locale,
                title: t.texts.title().to_owned(),
                body: mfx_domain::search::plain_text(&t.texts.plain_content()),
            })
            .collect(),
    }
}

/// Builds a new generation of the index under `dir` from every document and puts it in
/// service; returns how many documents it holds. A server using `dir` follows it within a
/// quarter of a second.
pub fn rebuild(db: &Db, dir: &Path, threads: usize, memory: usize, show: bool) -> Result<u64, IndexingError> {
    // The log's position first: changes made while the documents are read are applied again
    // afterwards, which changes nothing for documents already read as changed.
    let applied = db.read(changes::latest)?;
    let total = u64::try_from(db.read(documents::count)?).unwrap_or(0);
    let mut builder = Builder::start(dir, &languages(), threads, memory)?;
    let mut progress = show.then(|| Progress::new("indexing documents", total));
    let mut labels = Labels::default();
    let mut after: Option<DocumentId> = None;
    loop {
        let ids = db.read(move |c| documents::ids_after(c, after, PAGE))?;
        let Some(last) = ids.last().copied() else { break };
        let summaries = db.read(move |c| documents::summaries(c, &ids))?;
        let entries: Vec<Entry> = summaries.iter().map(|s| entry(s, &mut labels)).collect();
        builder.add(&entries)?;
        if let Some(p) = progress.as_mut() {
            p.advance(entries.len() as u64);
        }
        after = Some(last);
    }
    let count = builder.finish(applied)?;
    if let Some(p) = progress {
        p.finish();
    }
    Ok(count)
}

/// Applies the changes logged since the index's last; returns how many documents it touched.
pub fn catch_up(index: &SearchIndex, db: &Db) -> Result<usize, IndexingError> {
    let Some(mut applied) = index.applied() else { return Err(IndexingError::Rebuild) };
    let mut touched = 0;
    loop {
        let read = db.read(move |c| changes::since(c, applied, 2_000))?;
        if !read.complete {
            return Err(IndexingError::Rebuild);
        }
        if read.changes.is_empty() {
            return Ok(touched);
        }
        let last = read.last(applied);
        // A change without a document (a partner's name) does not change what the index holds.
        let mut ids: Vec<DocumentId> = Vec::new();
        let mut seen = HashSet::new();
        for change in &read.changes {
            if let Some(id) = change.document
                && seen.insert(id)
            {
                ids.push(id);
            }
        }
        let wanted = ids.clone();
        let summaries = db.read(move |c| documents::summaries(c, &wanted))?;
        let mut labels = Labels::default();
        let entries: Vec<Entry> = summaries.iter().map(|s| entry(s, &mut labels)).collect();
        let removed: Vec<DocumentId> =
            ids.iter().filter(|id| !summaries.iter().any(|s| s.id == **id)).copied().collect();
        index.apply(&entries, &removed, last)?;
        touched += ids.len();
        applied = last;
    }
}

/// Memory the server may give a rebuild of its own (when it finds no usable index).
const SERVER_REBUILD_BYTES: usize = 40_000_000;

/// Applies the changes since the index's last; when the log no longer reaches back to it,
/// rebuilds a generation, serves it and applies what changed meanwhile.
fn bring_up_to_date(index: &SearchIndex, db: &Db, dir: &Path) -> Result<(), IndexingError> {
    match catch_up(index, db) {
        Err(IndexingError::Rebuild) => {
            tracing::warn!("the change log no longer reaches the search index's last change; rebuilding");
            rebuild(db, dir, 1, SERVER_REBUILD_BYTES, false)?;
            index.follow_generation()?;
            catch_up(index, db).map(|_| ())
        }
        other => other.map(|_| ()),
    }
}

/// Opens the index under `dir`, building it when there is none and bringing it up to date.
pub fn open(db: &Db, dir: &Path) -> Result<Indexing, IndexingError> {
    let mut index = SearchIndex::open(dir, &languages())?;
    if index.applied().is_none() {
        tracing::info!(dir = %dir.display(), "building the search index");
        let count = rebuild(db, dir, 1, SERVER_REBUILD_BYTES, false)?;
        drop(index);
        index = SearchIndex::open(dir, &languages())?;
        tracing::info!(documents = count, "search index built");
    }
    bring_up_to_date(&index, db, dir)?;
    Ok(Indexing {
        index: Arc::new(index),
        dir: dir.to_owned(),
        wake: tokio::sync::Notify::new(),
        written: AtomicI64::new(0),
        advanced: tokio::sync::Notify::new(),
    })
}

/// Follows the change log until the server stops: wakes when asked or every [`FOLLOW_EVERY`],
/// serves a generation `mfx search reindex` put in service, applies the changes, and rebuilds
/// when the log no longer reaches back to the index's last change.
pub async fn follow(indexing: Arc<Indexing>, db: Db) {
    let mut failures: u32 = 0;
    loop {
        // After a failure, wait longer (up to ten seconds) before trying again.
        let wait = FOLLOW_EVERY * 2u32.saturating_pow(failures.min(6)).min(40);
        let _ = tokio::time::timeout(wait, indexing.wake.notified()).await;
        let (index, db, dir) = (indexing.index.clone(), db.clone(), indexing.dir.clone());
        let step = tokio::task::spawn_blocking(move || -> Result<(), IndexingError> {
            index.follow_generation()?;
            bring_up_to_date(&index, &db, &dir)
        })
        .await;
        indexing.advanced.notify_waiters();
        match step {
            Ok(Ok(())) => failures = 0,
            Ok(Err(e)) => {
                failures = failures.saturating_add(1);
                tracing::warn!(error = %e, "the search index could not follow the database; it will try again");
            }
            Err(e) => {
                failures = failures.saturating_add(1);
                tracing::error!(error = %e, "the search index follower failed; it will try again");
            }
        }
    }
}
