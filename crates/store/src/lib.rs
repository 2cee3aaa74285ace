//! Persistence for MICROFUTURE Exchange: one schema on SQLite or PostgreSQL (chosen by the
//! database URL), embedded migrations, and repository functions that take and return domain
//! types. The only crate that knows there are two databases.

pub mod accounts;
pub mod activity;
pub mod attachments;
pub mod backup;
pub mod changes;
mod db;
pub mod documents;
pub mod erasure;
mod error;
pub mod migrations;
pub mod outbox;
pub mod partners;
pub mod pending;
pub mod personal;
mod schema;
pub mod seed;
pub mod sessions;
pub mod throttle;
pub mod tracking;
pub mod transfer;
pub mod unsubscribe;

pub use db::{Backend, DatabaseUrl, Db, DbConnection, PoolOptions, until};
pub use error::StoreError;
