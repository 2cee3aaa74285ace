//! Serialised responses of the document reads (lists and single documents), kept in memory under
//! the database's content stamp — a number the database changes with every committed change to
//! documents, their texts, themes, actions and partners (see the `content_stamp` migration).
//!
//! Every request reads the stamp first (one indexed row), so a change committed by any instance
//! sharing the database is seen by the next request on every instance: an entry is served only
//! under the stamp it was made under. Keys carry everything the response depends on: the
//! request, the reader's language and the reader's read scope (what the permission policy lets
//! them see), never the account. The memory is bounded (`MFX_CACHE_MB`); the oldest entries go
//! first.

use actix_web::http::header::HeaderValue;
use actix_web::web::Bytes;
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

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

#[derive(Debug, Default)]
struct Entries {
    stamp: i64,
    map: HashMap<String, Cached>,
    order: VecDeque<String>,
    bytes: usize,
}

/// The cache; cheap to share (`Arc`).
#[derive(Debug)]
pub struct ResponseCache {
    budget: usize,
    entries: Mutex<Entries>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl ResponseCache {
    /// A cache of at most `budget` bytes; 0 turns it off.
    pub fn new(budget: usize) -> Self {
        ResponseCache {
            budget,
            entries: Mutex::new(Entries::default()),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// The response kept for `key` under `stamp`, if any.
    pub fn get(&self, stamp: i64, key: &str) -> Option<Cached> {
        if self.budget == 0 {
            return None;
        }
        let found = {
            let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if entries.stamp == stamp { entries.map.get(key).cloned() } else { None }
        };
        let counter = if found.is_some() { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Keeps a response made from data read under `stamp`. A newer stamp empties the cache; a
    /// response made under an older one is not kept.
    pub fn put(&self, stamp: i64, key: String, value: Cached) {
        let weight = value.weight(&key);
        if self.budget == 0 || weight > self.budget / 8 {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if stamp < entries.stamp {
            return;
        }
        if stamp > entries.stamp {
            *entries = Entries { stamp, ..Entries::default() };
        }
        if let Some(old) = entries.map.remove(&key) {
            entries.bytes -= old.weight(&key);
            entries.order.retain(|k| k != &key);
        }
        while entries.bytes + weight > self.budget {
            let Some(oldest) = entries.order.pop_front() else { break };
            if let Some(old) = entries.map.remove(&oldest) {
                entries.bytes -= old.weight(&oldest);
            }
        }
        entries.bytes += weight;
        entries.order.push_back(key.clone());
        entries.map.insert(key, value);
    }

    /// Hits and misses since the start.
    pub fn counts(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// Entries and bytes held now.
    pub fn size(&self) -> (usize, usize) {
        let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        (entries.map.len(), entries.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Cached {
        Cached { body: Bytes::copy_from_slice(text.as_bytes()), etag: None, language: None }
    }

    #[test]
    fn an_entry_is_served_only_under_its_stamp() {
        let cache = ResponseCache::new(1 << 20);
        cache.put(3, "a".into(), body("three"));
        assert_eq!(cache.get(3, "a").map(|c| c.body), Some(Bytes::from_static(b"three")));
        assert!(cache.get(4, "a").is_none(), "a newer stamp must not see the older entry");
        cache.put(4, "b".into(), body("four"));
        assert!(cache.get(3, "a").is_none(), "the newer stamp emptied the cache");
        cache.put(3, "a".into(), body("late"));
        assert!(cache.get(4, "a").is_none(), "a response made from older data is not kept");
        assert_eq!(cache.counts(), (1, 3));
    }

    #[test]
    fn memory_stays_within_the_budget_oldest_out_first() {
        let cache = ResponseCache::new(8 * 1024);
        for n in 0..100 {
            cache.put(1, format!("key-{n}"), body(&"x".repeat(500)));
            assert!(cache.size().1 <= 8 * 1024);
        }
        assert!(cache.get(1, "key-99").is_some());
        assert!(cache.get(1, "key-0").is_none());
        cache.put(1, "huge".into(), body(&"x".repeat(4 * 1024)));
        assert!(cache.get(1, "huge").is_none(), "an entry over an eighth of the budget is not kept");
    }

    #[test]
    fn a_zero_budget_keeps_nothing() {
        let cache = ResponseCache::new(0);
        cache.put(1, "a".into(), body("x"));
        assert!(cache.get(1, "a").is_none());
    }
}
