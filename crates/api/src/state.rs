//! What every request handler shares: settings, the database, token keys, the clock, metrics.

use crate::auth::TokenKeys;
use crate::clock::Clock;
use crate::error::ApiError;
use crate::metrics::Metrics;
use crate::settings::Settings;
use actix_web::web;
use mfx_store::{Db, DbConnection, StoreError};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct AppState {
    pub settings: Arc<Settings>,
    pub db: Db,
    pub tokens: TokenKeys,
    pub clock: Clock,
    pub metrics: Arc<Metrics>,
    /// The key of unsubscribe links (separate from the token signing secret).
    pub unsubscribe_key: Arc<[u8]>,
    /// Serialised document reads, kept under the database's content stamp.
    pub cache: Arc<crate::response_cache::ResponseCache>,
    /// The search index, following the database.
    pub search: Arc<crate::indexing::Indexing>,
}

impl AppState {
    /// Runs a read on a pooled connection off the async workers.
    pub async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
    {
        let db = self.db.clone();
        web::block(move || db.read(work)).await.map_err(ApiError::internal)?.map_err(ApiError::from)
    }

    /// Runs `work` in one write transaction off the async workers.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> Result<T, StoreError> + Send + 'static,
    {
        let db = self.db.clone();
        let (written, latest) = web::block(move || write_noting_change(&db, work)).await.map_err(ApiError::internal)?;
        self.wrote(latest);
        written.map_err(ApiError::from)
    }

    /// What follows a write through this instance: its searches wait for the index to hold it.
    pub fn wrote(&self, latest: Option<i64>) {
        if let Some(latest) = latest {
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

/// Runs `work` in one write transaction and, when it committed, reads the number of the latest
/// change (see [`AppState::wrote`]).
pub fn write_noting_change<T>(
    db: &Db,
    work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
) -> (Result<T, StoreError>, Option<i64>) {
    let written = db.write(work);
    let latest = if written.is_ok() { db.read(mfx_store::changes::latest).ok() } else { None };
    (written, latest)
}
