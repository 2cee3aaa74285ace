//! Keeping the response cache up with the content change log: a task per instance reads the
//! log every [`POLL`], a write on this instance reads it before it is answered
//! ([`after_write`]), and a request that finds the cache's view older than [`super::BOUND`]
//! reads it itself ([`catch_up_on`]). Any number of them may run at once: each applies only the
//! changes after the last one applied, under the cache's lock.

use super::ResponseCache;
use mfx_store::{Db, DbConnection, StoreError, changes};
use std::sync::Weak;
use std::time::{Duration, Instant};

/// How often the follower reads the log.
pub const POLL: Duration = Duration::from_millis(200);

/// Changes read at once.
const BATCH: i64 = 1000;

/// Reads the log after the last change applied, on `conn`, and applies what it finds (or
/// starts again, empty, from the latest change, on the first read and when changes were
/// pruned before they were read).
pub fn catch_up_on(conn: &mut DbConnection, cache: &ResponseCache) -> Result<(), StoreError> {
    if !cache.enabled() {
        return Ok(());
    }
    let started = Instant::now();
    let Some(mut after) = cache.applied() else {
        cache.restart(changes::latest(conn)?, started);
        return Ok(());
    };
    loop {
        let read = changes::since(conn, after, BATCH)?;
        if !read.complete {
            let latest = changes::latest(conn)?;
            tracing::info!(after, latest, "changes were pruned before they were read: the response cache starts again");
            cache.restart(latest.max(read.last(after)), started);
            return Ok(());
        }
        let end = read.changes.len() < BATCH as usize;
        cache.apply(after, &read.changes, end.then_some(started));
        if end {
            return Ok(());
        }
        after = read.last(after);
    }
}

/// [`catch_up_on`] on a reading connection.
pub fn catch_up(db: &Db, cache: &ResponseCache) -> Result<(), StoreError> {
    if !cache.enabled() {
        return Ok(());
    }
    db.read(|conn| catch_up_on(conn, cache))
}

/// After a write committed on this instance: applies the log, so that the writer's next read
/// shows the change. When the log cannot be read, the cache forgets what the write `touched`
/// (the changes after those it applied, read back inside the write's transaction; everything
/// when they are unknown) and is marked behind: the next read reads the log before it is
/// answered from the cache.
pub fn after_write(db: &Db, cache: &ResponseCache, touched: Option<&changes::Changes>) {
    if let Err(error) = catch_up(db, cache) {
        tracing::warn!(%error, "reading the change log after a write failed");
        cache.forget(touched);
        cache.behind();
    }
}

/// The follower: reads the log every [`POLL`] until the cache is dropped.
pub async fn follow(cache: Weak<ResponseCache>, db: Db) {
    let mut tick = tokio::time::interval(POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut failing = false;
    loop {
        tick.tick().await;
        let Some(cache) = cache.upgrade() else { return };
        let db = db.clone();
        let result = tokio::task::spawn_blocking(move || catch_up(&db, &cache)).await;
        match result {
            Ok(Ok(())) => {
                if failing {
                    tracing::info!("the change log is read again");
                }
                failing = false;
            }
            Ok(Err(error)) => {
                if !failing {
                    tracing::warn!(%error, "reading the change log failed; cached reads read it themselves");
                }
                failing = true;
            }
            Err(error) => tracing::warn!(%error, "reading the change log failed"),
        }
    }
}
