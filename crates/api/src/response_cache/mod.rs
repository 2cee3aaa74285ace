//! Serialised responses of the document reads (lists, single documents, search), kept in memory
//! and brought up to date by the content change log (`mfx_store::changes`): every committed
//! change to what document responses show, numbered in commit order without gaps, naming the
//! document it touched (or none, for a change that may show on any document).
//!
//! **What an entry depends on.** Each entry is filed under its source: one document (a single
//! document's read, in every language, scope and text format) or [`Source::Lists`] (lists and
//! search results, which any change may alter: a document can enter or leave a list). A change
//! to document D removes D's entries and every list; a change naming no document, or a read of
//! the log that finds rows missing (pruned before this instance read them), empties everything.
//! Keys carry the rest of what the response depends on: the request, the reader's language and
//! read scope (what the permission policy lets them see), never the account.
//!
//! **Following the log.** The cache remembers the number of the last change it applied. A
//! follower task per instance ([`follower`]) reads the log after that number every 200 ms, and
//! the instance that took a write reads it before answering (`AppState::write`), so the writer
//! reads their own change. The cache also remembers when its last complete read of the log
//! started: every change acknowledged before that moment has been applied. An entry is served
//! only while that moment is less than [`BOUND`] (one second) old; a request that finds the
//! cache older reads the log itself first ([`Lookup::Behind`]). So no instance serves a change
//! later than one second after it was acknowledged, even when the follower is slow or the
//! database was changed by another process (SQLite's command line, another instance).
//!
//! **Why no stale entry is kept.** A request that misses gets a [`Ticket`]: the number of the
//! last change applied, `t`. Everything it then reads from the database shows at least the
//! changes up to `t`: they were committed before the log was read, and the read starts after.
//! The cache remembers, per document, the number of the last change applied to it (and for the
//! lists and for "everything" likewise). A response is kept only if no change applied since `t`
//! could touch its source; the test and the insertion happen under the same lock as applying a
//! change. Either such a change was applied before the put (and the put is refused), or it is
//! applied after it (and removes the entry then). The data may show changes after `t` that are
//! not applied yet; those are applied later and remove the entry, so a kept entry is never
//! older than what the cache has applied. When the per-document memory grows too large it is
//! dropped, and puts from tickets older than that moment are refused.
//!
//! **Parts as well as responses.** Besides whole responses, the cache keeps parts that
//! responses are built from (a document as a search result lists it, in one language; the
//! partners: [`ResponseCache::part`]). They follow the same rules: filed under their source,
//! removed by its changes, kept only with a ticket no change to it has passed, served only while
//! the view of the log is recent enough.
//!
//! **When the database cannot be reached.** A request that must read the log and cannot is
//! answered from the cache all the same, if the entry is there ([`ResponseCache::held`]): while the database is away nobody can change it,
//! so what the cache holds is what the database holds. A write on this instance whose change
//! cannot be read back from the log removes what it touched (its changes, read inside its own
//! transaction: [`ResponseCache::forget`]). One exception, bounded: a change another instance
//! committed in the last [`follower::POLL`] before the outage shows once the database is back.
//!
//! The memory is bounded: `MFX_CACHE_MB` for responses, and half as much again for parts, each
//! on its own, so that many responses asked once (searches for ever new words) do not push out
//! the parts every search reuses, nor parts the documents read again and again. In each, the
//! oldest entries go first.

pub mod follower;

use actix_web::http::header::HeaderValue;
use actix_web::web::Bytes;
use mfx_domain::document::DocumentId;
use mfx_store::changes::Change;
use std::any::Any;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// The longest a change may wait, after it was acknowledged, before every instance serves it.
pub const BOUND: Duration = Duration::from_secs(1);

/// How many documents the cache remembers the last change of, before it forgets them all.
const REMEMBERED_DOCUMENTS: usize = 1 << 16;

/// A response as it was sent.
#[derive(Debug, Clone)]
pub struct Cached {
    pub body: Bytes,
    pub etag: Option<HeaderValue>,
    pub language: Option<&'static str>,
}

impl Cached {
    fn weight(&self, key: &str) -> usize {
        self.body.len() + key.len() + self.etag.as_ref().map_or(0, HeaderValue::len) + 64
    }
}

/// What a response was built from, and so which changes remove it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// One document: removed by a change to it.
    Document(DocumentId),
    /// Any number of documents (lists, search results): removed by every change.
    Lists,
}

/// The last change the cache had applied when a read started; a response is kept only with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(i64);

/// What the cache has for a key.
#[derive(Debug)]
pub enum Lookup {
    Hit(Cached),
    /// Not kept: build it, then [`ResponseCache::put`] it with the ticket.
    Miss(Ticket),
    /// The cache's view of the log is older than [`BOUND`] (or it never read it): read the log
    /// ([`follower::catch_up`]) and look again.
    Behind,
}

/// What an entry holds: a response, or a part responses are built from.
#[derive(Clone)]
enum Held {
    Response(Cached),
    Part(Arc<dyn Any + Send + Sync>),
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Held::Response(cached) => cached.fmt(f),
            Held::Part(_) => f.write_str("Part"),
        }
    }
}

impl Held {
    /// Which budget it counts against: the responses' or the parts'.
    fn pool(&self) -> usize {
        match self {
            Held::Response(_) => 0,
            Held::Part(_) => 1,
        }
    }
}

#[derive(Debug)]
struct Entry {
    value: Held,
    source: Source,
    serial: u64,
    weight: usize,
}

#[derive(Debug, Default)]
struct Inner {
    /// The number of the last change applied; `None` until the log is first read.
    applied: Option<i64>,
    /// When the last complete read of the log started.
    confirmed: Option<Instant>,
    /// The change that last emptied everything.
    emptied: i64,
    /// The last change applied to a document (every one of them may change a list).
    lists: i64,
    /// The last change applied to each document remembered; those forgotten, at `forgotten`.
    documents: HashMap<DocumentId, i64>,
    forgotten: i64,
    map: HashMap<String, Entry>,
    by_source: HashMap<Source, HashSet<String>>,
    /// Per budget (responses, parts): keys in the order they were kept, with the serial of the
    /// entry then kept (older pairs are skipped when they come up), and the bytes held.
    order: [VecDeque<(String, u64)>; 2],
    serial: u64,
    bytes: [usize; 2],
}

impl Inner {
    fn remove(&mut self, key: &str) {
        if let Some(old) = self.map.remove(key) {
            self.bytes[old.value.pool()] -= old.weight;
            if let Some(keys) = self.by_source.get_mut(&old.source) {
                keys.remove(key);
                if keys.is_empty() {
                    self.by_source.remove(&old.source);
                }
            }
        }
    }

    fn remove_source(&mut self, source: Source) {
        for key in self.by_source.remove(&source).unwrap_or_default() {
            if let Some(old) = self.map.remove(&key) {
                self.bytes[old.value.pool()] -= old.weight;
            }
        }
    }

    fn empty(&mut self, at: i64) {
        self.map.clear();
        self.by_source.clear();
        self.order = Default::default();
        self.bytes = [0; 2];
        self.documents.clear();
        self.emptied = self.emptied.max(at);
        self.lists = self.lists.max(at);
        self.forgotten = self.forgotten.max(at);
    }

    fn apply(&mut self, change: Change) {
        match change.document {
            None => self.empty(change.seq),
            Some(document) => {
                self.remove_source(Source::Document(document));
                self.remove_source(Source::Lists);
                self.lists = change.seq;
                self.documents.insert(document, change.seq);
                if self.documents.len() > REMEMBERED_DOCUMENTS {
                    self.documents.clear();
                    self.forgotten = change.seq;
                }
            }
        }
        self.applied = Some(change.seq);
    }

    /// The number of the last change applied, if the cache may answer at `now`: it has read the
    /// log, and its last complete read started less than [`BOUND`] ago.
    fn serving(&self, now: Instant) -> Option<i64> {
        let recent = self.confirmed.is_some_and(|at| now.saturating_duration_since(at) < BOUND);
        self.applied.filter(|_| recent)
    }

    /// Whether a response read with `ticket` may still be kept under `source`.
    fn current(&self, ticket: Ticket, source: Source) -> bool {
        if self.applied.is_none() || ticket.0 < self.emptied {
            return false;
        }
        let last = match source {
            Source::Lists => self.lists,
            Source::Document(document) => self.documents.get(&document).copied().unwrap_or(self.forgotten),
        };
        ticket.0 >= last
    }

    /// Drops order pairs whose entries are gone or were replaced, once they are most of it.
    fn compact(&mut self) {
        if self.order.iter().map(VecDeque::len).sum::<usize>() > 2 * self.map.len() + 64 {
            let map = &self.map;
            for order in &mut self.order {
                order.retain(|(key, serial)| map.get(key).is_some_and(|e| e.serial == *serial));
            }
        }
    }
}

/// The cache; cheap to share (`Arc`).
#[derive(Debug)]
pub struct ResponseCache {
    budget: usize,
    inner: Mutex<Inner>,
    hits: AtomicU64,
    misses: AtomicU64,
    /// Answers given from the cache while the database could not be reached.
    held_hits: AtomicU64,
}

impl ResponseCache {
    /// A cache of at most `budget` bytes of responses and half as much of parts; 0 turns it off.
    pub fn new(budget: usize) -> Self {
        ResponseCache {
            budget,
            inner: Mutex::new(Inner::default()),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            held_hits: AtomicU64::new(0),
        }
    }

    /// Whether it keeps anything at all.
    pub fn enabled(&self) -> bool {
        self.budget > 0
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The response kept for `key`, if the cache's view of the log is recent enough to answer.
    pub fn get(&self, key: &str) -> Lookup {
        self.lookup(key, Instant::now())
    }

    fn lookup(&self, key: &str, now: Instant) -> Lookup {
        if self.budget == 0 {
            return Lookup::Miss(Ticket(-1));
        }
        let found = {
            let inner = self.lock();
            let Some(applied) = inner.serving(now) else { return Lookup::Behind };
            match inner.map.get(key).map(|e| &e.value) {
                Some(Held::Response(cached)) => Ok(cached.clone()),
                _ => Err(Ticket(applied)),
            }
        };
        match found {
            Ok(hit) => {
                self.hits.fetch_add(1, Ordering::Relaxed);
                Lookup::Hit(hit)
            }
            Err(ticket) => {
                self.misses.fetch_add(1, Ordering::Relaxed);
                Lookup::Miss(ticket)
            }
        }
    }

    /// The response kept for `key` whatever the age of the cache's view of the log, for when the
    /// log cannot be read because the database is away (what a write on this instance changed
    /// was removed by [`ResponseCache::forget`]).
    pub fn held(&self, key: &str) -> Option<Cached> {
        let inner = self.lock();
        inner.applied?;
        match &inner.map.get(key)?.value {
            Held::Response(cached) => {
                self.held_hits.fetch_add(1, Ordering::Relaxed);
                Some(cached.clone())
            }
            Held::Part(_) => None,
        }
    }

    /// The ticket for a read starting now, whatever the age of the cache's view of the log.
    pub fn ticket(&self) -> Ticket {
        Ticket(self.lock().applied.unwrap_or(-1))
    }

    /// Keeps a response built from data read after `ticket` was given, unless a change applied
    /// since could touch `source`.
    pub fn put(&self, ticket: Ticket, source: Source, key: String, value: Cached) {
        let weight = value.weight(&key);
        self.keep(ticket, source, key, Held::Response(value), weight);
    }

    /// The part kept for `key`, if there is one of type `T` and the cache's view of the log is
    /// recent enough to serve it (else it is read again: take a [`ResponseCache::ticket`] first).
    pub fn part<T: Any + Send + Sync>(&self, key: &str) -> Option<Arc<T>> {
        self.part_at(key, Instant::now())
    }

    fn part_at<T: Any + Send + Sync>(&self, key: &str, now: Instant) -> Option<Arc<T>> {
        let inner = self.lock();
        inner.serving(now)?;
        match &inner.map.get(key)?.value {
            Held::Part(part) => Arc::clone(part).downcast::<T>().ok(),
            Held::Response(_) => None,
        }
    }

    /// Keeps a part read after `ticket` was given, unless a change applied since could touch
    /// its `source`. `bytes`: about how much memory it holds.
    pub fn put_part<T: Any + Send + Sync>(
        &self,
        ticket: Ticket,
        source: Source,
        key: String,
        part: Arc<T>,
        bytes: usize,
    ) {
        let weight = bytes + key.len() + 64;
        self.keep(ticket, source, key, Held::Part(part), weight);
    }

    fn keep(&self, ticket: Ticket, source: Source, key: String, value: Held, weight: usize) {
        let (pool, budget) = (value.pool(), if value.pool() == 0 { self.budget } else { self.budget / 2 });
        if self.budget == 0 || weight > budget / 8 {
            return;
        }
        let mut inner = self.lock();
        if !inner.current(ticket, source) {
            return;
        }
        inner.remove(&key);
        while inner.bytes[pool] + weight > budget {
            let Some((oldest, serial)) = inner.order[pool].pop_front() else { break };
            if inner.map.get(&oldest).is_some_and(|e| e.serial == serial) {
                inner.remove(&oldest);
            }
        }
        inner.serial += 1;
        let serial = inner.serial;
        inner.bytes[pool] += weight;
        inner.order[pool].push_back((key.clone(), serial));
        inner.by_source.entry(source).or_default().insert(key.clone());
        inner.map.insert(key, Entry { value, source, serial, weight });
        inner.compact();
    }

    /// The number of the last change applied (`None` before the log was first read).
    pub fn applied(&self) -> Option<i64> {
        self.lock().applied
    }

    /// Applies the changes read after `after` (as `mfx_store::changes::since` gives them, all
    /// present): each removes what it touched. `complete_at`: when the read started, if it
    /// reached the end of the log.
    pub fn apply(&self, after: i64, changes: &[Change], complete_at: Option<Instant>) {
        let mut inner = self.lock();
        let Some(applied) = inner.applied else { return };
        if after > applied {
            // Rows between what was applied and `after` would be skipped; never the case for a
            // read that started from `applied()`, which only grows.
            let last = changes.last().map_or(after, |c| c.seq);
            inner.empty(last);
            inner.applied = Some(last);
        } else {
            for change in changes.iter().filter(|c| c.seq > applied) {
                inner.apply(*change);
            }
        }
        if let Some(at) = complete_at {
            inner.confirmed = inner.confirmed.max(Some(at));
        }
        inner.compact();
    }

    /// Starts again from change `latest`, empty: on the first read of the log, and when changes
    /// were pruned before they were read. `read_at`: when the read of `latest` started.
    pub fn restart(&self, latest: i64, read_at: Instant) {
        let mut inner = self.lock();
        let latest = inner.applied.map_or(latest, |a| a.max(latest));
        inner.empty(latest);
        inner.applied = Some(latest);
        inner.confirmed = inner.confirmed.max(Some(read_at));
    }

    /// Removes what `touched` names (a write's own changes, read inside its transaction) as
    /// applying them would, without counting them applied (everything when they are unknown): for when the log cannot be read after
    /// the write, so that neither a normal read nor [`ResponseCache::held`] serves what it changed.
    pub fn forget(&self, touched: Option<&mfx_store::changes::Changes>) {
        let mut inner = self.lock();
        let Some(applied) = inner.applied else { return };
        match touched {
            // Read in full (fewer than the most a write reads back).
            Some(touched) if touched.complete && touched.changes.len() < 1000 => {
                for change in touched.changes.iter().filter(|c| c.seq > applied) {
                    inner.apply(*change);
                }
            }
            Some(touched) => inner.empty(touched.last(applied).max(applied + 1)),
            None => inner.empty(applied + 1),
        }
        inner.applied = Some(applied);
        inner.compact();
    }

    /// Forgets when the log was last read, so that the next request reads it before it is
    /// answered from the cache (after a write whose change could not be read back).
    pub fn behind(&self) {
        self.lock().confirmed = None;
    }

    /// Hits and misses since the start.
    pub fn counts(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// Answers given from the cache while the database could not be reached, since the start.
    pub fn held_hits(&self) -> u64 {
        self.held_hits.load(Ordering::Relaxed)
    }

    /// Entries and bytes held now.
    pub fn size(&self) -> (usize, usize) {
        let inner = self.lock();
        (inner.map.len(), inner.bytes.iter().sum())
    }
}

#[cfg(test)]
mod tests;
