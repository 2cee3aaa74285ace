//! What every request handler shares: settings, the database, token keys, the clock, metrics.

use crate::auth::TokenKeys;
use crate::clock::Clock;
use crate::error::ApiError;
use crate::metrics::Metrics;
use crate::settings::Settings;
use actix_web::web;
use mfx_store::{Db, DbConnection, StoreError};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct AppState {
    pub settings: Arc<Settings>,
    pub db: Db,
    pub tokens: TokenKeys,
    pub clock: Clock,
    pub metrics: Arc<Metrics>,
    /// The key of unsubscribe links (separate from the token signing secret).
    pub unsubscribe_key: Arc<[u8]>,
    /// Serialised document reads, kept up to date by the content change log.
    pub cache: Arc<crate::response_cache::ResponseCache>,
    /// The search index, following the database.
    pub search: Arc<crate::indexing::Indexing>,
    /// Sessions lately found valid, for when the database cannot be reached.
    pub sessions: Arc<crate::auth::KnownSessions>,
}

/// How long a request may spend on the database, from its first wait for a connection: past it,
/// no further wait starts and the request answers 503 (a database that is slow or overloaded
/// does not pile requests up).
pub const DATABASE_TIME: Duration = Duration::from_secs(10);

tokio::task_local! {
    /// The request's deadline for the database, set at its first use ([`DATABASE_TIME`]).
    pub static DATABASE_DEADLINE: std::cell::Cell<Option<Instant>>;
}

/// The deadline of the request under way, starting it now if this is its first database work;
/// none outside a request.
fn database_deadline() -> Option<Instant> {
    DATABASE_DEADLINE
        .try_with(|deadline| {
            let at = deadline.get().unwrap_or_else(|| Instant::now() + DATABASE_TIME);
            deadline.set(Some(at));
            at
        })
        .ok()
}

/// The most changes a write reads back as its own; past that the cache is emptied instead.
const TOUCHED_READ: i64 = 1000;

impl AppState {
    /// Runs a read on a pooled connection off the async workers.
    pub async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
    {
        let db = self.db.clone();
        let deadline = database_deadline();
        web::block(move || mfx_store::until(deadline, || db.read(work)))
            .await
            .map_err(ApiError::internal)?
            .map_err(ApiError::from)
    }

    /// Runs `work` in one write transaction off the async workers; once it is committed, the
    /// response cache applies the change log, so that the writer reads their change at once.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
    {
        let this = self.clone();
        let deadline = database_deadline();
        web::block(move || mfx_store::until(deadline, || this.write_now(work)))
            .await
            .map_err(ApiError::internal)?
            .map_err(ApiError::from)
    }

    /// Runs `work` in one write transaction on this thread (which may wait), then brings the
    /// response cache up to date with what it committed. Every write of the application goes
    /// through here.
    pub fn write_now<T>(&self, work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>) -> Result<T, StoreError> {
        // The changes this write made, with those the cache has not applied yet, read inside
        // its transaction after its own writes (a read first would make SQLite's write lock an
        // upgrade, which another process's writer can refuse): if the log cannot be read once it
        // is committed, the cache forgets what they touched instead of serving it.
        let applied = self.cache.enabled().then(|| self.cache.applied()).flatten();
        let (done, touched) = self.db.write(|conn| {
            let done = work(conn)?;
            let Some(applied) = applied else { return Ok((done, None)) };
            // PostgreSQL logs changes at commit (deferred triggers, for numbers in commit order):
            // logged now instead, a moment before the commit, they can be read back here.
            mfx_store::changes::log_now(conn)?;
            Ok((done, Some(mfx_store::changes::since(conn, applied, TOUCHED_READ)?)))
        })?;
        if self.cache.enabled() {
            crate::response_cache::follower::after_write(&self.db, &self.cache, touched.as_ref());
        }
        self.written();
        Ok(done)
    }

    /// This instance's searches wait for the search index to hold what was just committed.
    fn written(&self) {
        if let Ok(latest) = self.db.read(mfx_store::changes::latest) {
            self.search.written(latest);
        }
    }

    /// Runs CPU-heavy work (password hashing) off the async workers.
    pub async fn compute<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        web::block(work).await.map_err(ApiError::internal)
    }
}
