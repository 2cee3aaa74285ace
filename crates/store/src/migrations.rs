//! The two migration trees, compiled into the binary, and running the one that fits.

use crate::db::{Backend, Db, DbConnection};
use crate::error::StoreError;
use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::pg::Pg;
use diesel::sqlite::Sqlite;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

fn harness_error(error: Box<dyn std::error::Error + Send + Sync>) -> StoreError {
    StoreError::Unavailable(format!("migration failed: {error}"))
}

/// Applies every pending migration; returns the names of those applied now.
/// On PostgreSQL, instances starting together take turns through an advisory lock.
pub fn run_pending(db: &Db) -> Result<Vec<String>, StoreError> {
    db.with_writer(apply_pending)
}

/// [`run_pending`] on a connection of the caller's (a restored copy not yet in place).
pub(crate) fn apply_pending(conn: &mut DbConnection) -> Result<Vec<String>, StoreError> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE).map_err(harness_error)?,
        DbConnection::Pg(c) => {
            c.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))?;
            let result =
                c.run_pending_migrations(POSTGRES).map(|v| v.iter().map(ToString::to_string).collect::<Vec<_>>());
            c.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))?;
            return result.map_err(harness_error);
        }
    };
    Ok(applied.into_iter().map(|version| version.to_string()).collect())
}

/// The versions of the migrations compiled in for `backend`, as the migrations table records
/// them (`20261127120000`).
pub fn known(backend: Backend) -> Result<Vec<String>, StoreError> {
    let names = match backend {
        Backend::Sqlite => MigrationSource::<Sqlite>::migrations(&SQLITE)
            .map_err(harness_error)?
            .iter()
            .map(|m| m.name().version().to_string())
            .collect::<Vec<_>>(),
        Backend::Postgres => MigrationSource::<Pg>::migrations(&POSTGRES)
            .map_err(harness_error)?
            .iter()
            .map(|m| m.name().version().to_string())
            .collect(),
    };
    Ok(names)
}

/// Serialises start-up work (seeding, the first account) across instances on PostgreSQL for
/// the rest of the current transaction. SQLite has a single writer already.
pub fn lock_for_bootstrap(conn: &mut DbConnection) -> Result<(), StoreError> {
    if let DbConnection::Pg(c) = conn {
        c.batch_execute(&format!("SELECT pg_advisory_xact_lock({BOOTSTRAP_LOCK})"))?;
    }
    Ok(())
}

const MIGRATION_LOCK: i64 = 0x6d66_7801;
const BOOTSTRAP_LOCK: i64 = 0x6d66_7802;

/// Reverts every applied migration, newest first (used by the migration tests and by
/// operators rolling back a release).
pub fn revert_all(db: &Db) -> Result<Vec<String>, StoreError> {
    db.with_writer(|conn| {
        let reverted = match conn {
            DbConnection::Sqlite(c) => c.revert_all_migrations(SQLITE).map_err(harness_error)?,
            DbConnection::Pg(c) => c.revert_all_migrations(POSTGRES).map_err(harness_error)?,
        };
        Ok(reverted.into_iter().map(|version| version.to_string()).collect())
    })
}

/// Whether migrations are waiting to be applied.
pub fn has_pending(db: &Db) -> Result<bool, StoreError> {
    db.read(|conn| match conn {
        DbConnection::Sqlite(c) => c.has_pending_migration(SQLITE).map_err(harness_error),
        DbConnection::Pg(c) => c.has_pending_migration(POSTGRES).map_err(harness_error),
    })
}
