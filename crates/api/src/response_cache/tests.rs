//! The cache's rules, one by one: what a change removes, which reads may be kept, the bound,
//! the budget.

use super::*;

fn body(text: &str) -> Cached {
    Cached { body: Bytes::copy_from_slice(text.as_bytes()), etag: None, language: None }
}

fn document(n: u128) -> DocumentId {
    DocumentId::from_uuid(uuid::Uuid::from_u128(n))
}

fn change(seq: i64, document: Option<DocumentId>) -> Change {
    Change { seq, document }
}

fn started(cache: &ResponseCache, latest: i64) -> Instant {
    let now = Instant::now();
    cache.restart(latest, now);
    now
}

fn ticket(cache: &ResponseCache, key: &str) -> Ticket {
    match cache.get(key) {
        Lookup::Miss(ticket) => ticket,
        other => panic!("{key}: expected a miss, got {other:?}"),
    }
}

fn hit(cache: &ResponseCache, key: &str) -> Option<Bytes> {
    match cache.get(key) {
        Lookup::Hit(found) => Some(found.body),
        _ => None,
    }
}

#[test]
fn nothing_is_served_before_the_log_was_read() {
    let cache = ResponseCache::new(1 << 20);
    assert!(matches!(cache.get("a"), Lookup::Behind));
    cache.put(Ticket(0), Source::Lists, "a".into(), body("x"));
    started(&cache, 7);
    assert!(hit(&cache, "a").is_none(), "a response read before the log was followed is not kept");
}

#[test]
fn a_change_removes_its_document_and_the_lists_only() {
    let cache = ResponseCache::new(1 << 20);
    let at = started(&cache, 10);
    let (a, b) = (document(1), document(2));
    let t = ticket(&cache, "doc a");
    cache.put(t, Source::Document(a), "doc a".into(), body("a"));
    cache.put(t, Source::Document(b), "doc b".into(), body("b"));
    cache.put(t, Source::Lists, "list".into(), body("list"));
    cache.apply(10, &[change(11, Some(a))], Some(at));
    assert!(hit(&cache, "doc a").is_none());
    assert!(hit(&cache, "list").is_none());
    assert_eq!(hit(&cache, "doc b"), Some(Bytes::from_static(b"b")), "another document stays");
    cache.apply(11, &[change(12, None)], Some(at));
    assert!(hit(&cache, "doc b").is_none(), "a change naming no document empties everything");
    assert_eq!(cache.size(), (0, 0));
}

#[test]
fn a_response_read_before_a_change_it_could_show_is_not_kept() {
    let cache = ResponseCache::new(1 << 20);
    let at = started(&cache, 0);
    let (a, b) = (document(1), document(2));
    let before = ticket(&cache, "doc a");
    cache.apply(0, &[change(1, Some(a))], Some(at));
    cache.put(before, Source::Document(a), "doc a".into(), body("old a"));
    cache.put(before, Source::Lists, "list".into(), body("old list"));
    cache.put(before, Source::Document(b), "doc b".into(), body("b"));
    assert!(hit(&cache, "doc a").is_none(), "the change to a came after the read");
    assert!(hit(&cache, "list").is_none(), "every change may show in a list");
    assert!(hit(&cache, "doc b").is_some(), "the change did not touch b");
    let after = ticket(&cache, "doc a");
    cache.put(after, Source::Document(a), "doc a".into(), body("new a"));
    assert_eq!(hit(&cache, "doc a"), Some(Bytes::from_static(b"new a")));
    cache.apply(1, &[change(2, None)], Some(at));
    cache.put(after, Source::Document(b), "doc b".into(), body("old b"));
    assert!(hit(&cache, "doc b").is_none(), "everything was emptied after the read");
}

#[test]
fn forgotten_documents_refuse_older_reads() {
    let cache = ResponseCache::new(1 << 20);
    let at = started(&cache, 0);
    let old = ticket(&cache, "x");
    let changes: Vec<Change> =
        (1..=REMEMBERED_DOCUMENTS as i64 + 1).map(|n| change(n, Some(document(n as u128)))).collect();
    cache.apply(0, &changes, Some(at));
    let untouched = document(u128::MAX);
    cache.put(old, Source::Document(untouched), "x".into(), body("x"));
    assert!(hit(&cache, "x").is_none(), "the cache no longer knows which documents changed");
    let new = ticket(&cache, "x");
    cache.put(new, Source::Document(untouched), "x".into(), body("x"));
    assert!(hit(&cache, "x").is_some());
}

#[test]
fn a_pruned_read_or_an_old_view_of_the_log_serves_nothing() {
    let cache = ResponseCache::new(1 << 20);
    let at = started(&cache, 3);
    let t = ticket(&cache, "a");
    cache.put(t, Source::Document(document(1)), "a".into(), body("a"));
    assert!(matches!(cache.lookup("a", at + BOUND), Lookup::Behind), "older than the bound");
    assert!(matches!(cache.lookup("a", at + BOUND / 2), Lookup::Hit(_)));
    cache.behind();
    assert!(matches!(cache.get("a"), Lookup::Behind), "a failed read after a write");
    cache.restart(9, Instant::now());
    assert_eq!(cache.size().0, 0, "starting again empties the cache");
    assert_eq!(cache.applied(), Some(9));
    cache.restart(5, Instant::now());
    assert_eq!(cache.applied(), Some(9), "the number applied never goes back");
}

#[test]
fn memory_stays_within_the_budget_oldest_out_first() {
    let cache = ResponseCache::new(8 * 1024);
    started(&cache, 1);
    for n in 0..100 {
        let key = format!("key-{n}");
        let t = ticket(&cache, &key);
        cache.put(t, Source::Lists, key, body(&"x".repeat(500)));
        assert!(cache.size().1 <= 8 * 1024);
    }
    assert!(hit(&cache, "key-99").is_some());
    assert!(hit(&cache, "key-0").is_none());
    let t = cache.ticket();
    cache.put(t, Source::Lists, "huge".into(), body(&"x".repeat(4 * 1024)));
    assert!(hit(&cache, "huge").is_none(), "an entry over an eighth of the budget is not kept");
}

#[test]
fn replacing_an_entry_keeps_the_accounting() {
    let cache = ResponseCache::new(1 << 20);
    started(&cache, 1);
    let t = cache.ticket();
    for n in 0..1000 {
        cache.put(t, Source::Lists, "same".into(), body(&n.to_string()));
    }
    assert_eq!(cache.size().0, 1);
    assert_eq!(hit(&cache, "same"), Some(Bytes::from_static(b"999")));
    let inner = cache.lock();
    assert!(inner.order[0].len() <= 2 * inner.map.len() + 64, "stale order pairs are dropped");
    assert_eq!(inner.bytes.iter().sum::<usize>(), inner.map.values().map(|e| e.weight).sum::<usize>());
}

#[test]
fn parts_follow_their_document() {
    let cache = ResponseCache::new(1 << 20);
    let at = started(&cache, 0);
    let (a, b) = (document(1), document(2));
    let before = cache.ticket();
    cache.put_part(before, Source::Document(a), "part a".into(), Arc::new(String::from("a")), 1);
    cache.put_part(before, Source::Document(b), "part b".into(), Arc::new(String::from("b")), 1);
    assert_eq!(cache.part::<String>("part a").as_deref().map(String::as_str), Some("a"));
    assert!(cache.part::<u64>("part a").is_none(), "a part is served only as what it is");
    assert!(hit(&cache, "part a").is_none(), "a part is not a response");
    cache.apply(0, &[change(1, Some(a))], Some(at));
    assert!(cache.part::<String>("part a").is_none(), "a change to a removes its parts");
    assert!(cache.part::<String>("part b").is_some(), "a change to a leaves b's parts, unlike lists");
    cache.put_part(before, Source::Document(a), "part a".into(), Arc::new(String::from("old a")), 1);
    assert!(cache.part::<String>("part a").is_none(), "read before the change to a: not kept");
    assert!(cache.part_at::<String>("part b", at + BOUND).is_none(), "not served from an old view of the log");
    cache.apply(1, &[change(2, None)], Some(at));
    assert!(cache.part::<String>("part b").is_none(), "a change naming no document empties everything");
}

#[test]
fn responses_asked_once_do_not_push_out_the_parts() {
    let cache = ResponseCache::new(16 * 1024);
    started(&cache, 1);
    let t = cache.ticket();
    cache.put_part(t, Source::Document(document(1)), "part".into(), Arc::new(7u32), 100);
    for n in 0..200 {
        cache.put(t, Source::Lists, format!("search {n}"), body(&"x".repeat(500)));
    }
    assert_eq!(cache.part::<u32>("part").as_deref(), Some(&7), "parts have their own budget");
    assert!(cache.size().1 <= 16 * 1024 + 8 * 1024);
    for n in 0..200 {
        cache.put_part(t, Source::Document(document(n)), format!("part {n}"), Arc::new(n), 500);
    }
    assert!(hit(&cache, "search 199").is_some(), "and responses theirs");
    assert!(hit(&cache, "search 175").is_some(), "the whole of theirs: {:?}", cache.size());
    assert!(cache.size().1 <= 16 * 1024 + 8 * 1024, "the responses' budget and half as much for parts");
}

#[test]
fn a_zero_budget_keeps_nothing() {
    let cache = ResponseCache::new(0);
    started(&cache, 1);
    cache.put(cache.ticket(), Source::Lists, "a".into(), body("x"));
    assert!(matches!(cache.get("a"), Lookup::Miss(_)));
}

#[test]
fn while_the_log_cannot_be_read_what_is_held_is_served_but_not_what_a_write_touched() {
    let cache = ResponseCache::new(1 << 20);
    let long_ago = Instant::now().checked_sub(BOUND * 5).expect("an instant five bounds ago");
    cache.restart(10, long_ago);
    let (a, b) = (document(1), document(2));
    cache.put(Ticket(10), Source::Document(a), "doc a".into(), body("a"));
    cache.put(Ticket(10), Source::Document(b), "doc b".into(), body("b"));
    cache.put(Ticket(10), Source::Lists, "list".into(), body("list"));
    assert!(matches!(cache.get("doc a"), Lookup::Behind), "too old to answer as usual");
    assert!(cache.held("doc a").is_some() && cache.held("list").is_some(), "held for an outage");
    // A write on this instance changed document a; its change could not be read back from the log.
    let touched = mfx_store::changes::Changes { changes: vec![change(11, Some(a))], complete: true };
    cache.forget(Some(&touched));
    cache.behind();
    assert!(cache.held("doc a").is_none(), "what the write touched is gone");
    assert!(cache.held("list").is_none(), "and the lists it may show in");
    assert_eq!(cache.held("doc b").map(|c| c.body), Some(Bytes::from_static(b"b")), "the rest is still held");
    // A read that started before the write cannot put document a back.
    cache.put(Ticket(10), Source::Document(a), "doc a".into(), body("old a"));
    assert!(cache.held("doc a").is_none(), "a read from before the write is not kept");
    assert_eq!(cache.held_hits(), 3);
    // When the log is read again, the change is applied as usual.
    cache.apply(10, &[change(11, Some(a))], Some(Instant::now()));
    assert_eq!(hit(&cache, "doc b"), Some(Bytes::from_static(b"b")));
    assert_eq!(cache.applied(), Some(11));
}
