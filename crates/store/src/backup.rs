//! Backups of the whole database, and restoring one into an empty database. Attachments live in
//! the database, so a copy of it is everything but the search index, which is derived from it.
//!
//! SQLite is copied with `VACUUM INTO` on a connection of its own: a read transaction, so the
//! copy is one moment's state while the server goes on writing. PostgreSQL is copied by
//! `pg_dump` in its custom format (one snapshot) and restored by `pg_restore` in a single
//! transaction. A file is checked before anything is restored: its kind, that it is whole, that
//! it is a database of this application, and that no migration in it is unknown to this binary.
//! The callers own the files: the temporary names, syncing and renaming.

mod postgres;
mod sqlite;

pub use postgres::{Dump, check_postgres_dump, check_postgres_target, dump_postgres, restore_postgres};
pub use sqlite::{
    check_sqlite_backup, check_sqlite_file, check_sqlite_target, copy_sqlite, migrate_sqlite_copy,
    remove_sqlite_companions, sibling,
};

use crate::db::{Backend, DbConnection};
use crate::error::StoreError;
use crate::migrations;
use crate::schema::{attachments, documents, partners, users};
use diesel::prelude::*;
use diesel::sql_types::Text;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The table diesel records applied migrations in.
const MIGRATIONS_TABLE: &str = "__diesel_schema_migrations";

/// Tables every database of this application has, whatever its age.
const OUR_TABLES: [&str; 5] = [MIGRATIONS_TABLE, "partners", "users", "documents", "attachments"];

/// What stops a backup or a restore.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The file to restore is not a whole backup of this application that this binary can read.
    #[error("{} {problem}", path.display())]
    File { path: PathBuf, problem: String },
    /// The database to copy or to restore into cannot be used for it.
    #[error("{0}")]
    Database(String),
    /// A PostgreSQL client program is not there.
    #[error("the program `{program}` was not found")]
    Missing { program: String },
    /// A PostgreSQL client program failed.
    #[error("{program} failed: {detail}")]
    Failed { program: String, detail: String },
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: std::io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |error| BackupError::Io { path: path.to_owned(), error }
}

fn file_problem(path: &Path, problem: impl Into<String>) -> BackupError {
    BackupError::File { path: path.to_owned(), problem: problem.into() }
}

/// What a database holds, in the words of the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contents {
    pub partners: i64,
    pub accounts: i64,
    pub documents: i64,
    pub attachments: i64,
}

pub fn contents(conn: &mut DbConnection) -> Result<Contents, StoreError> {
    Ok(Contents {
        partners: partners::table.count().get_result(conn)?,
        accounts: users::table.count().get_result(conn)?,
        documents: documents::table.count().get_result(conn)?,
        attachments: attachments::table.count().get_result(conn)?,
    })
}

/// The kind of a file, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// An SQLite database (`mfx backup` on SQLite, or SQLite's own backup).
    Sqlite,
    /// A `pg_dump` archive in the custom format.
    PostgresDump,
    /// Anything else.
    Other,
}

impl FileKind {
    pub fn of(path: &Path) -> Result<FileKind, BackupError> {
        let file = std::fs::File::open(path).map_err(io_error(path))?;
        if !file.metadata().map_err(io_error(path))?.is_file() {
            return Err(file_problem(path, "is not a file"));
        }
        let mut start = Vec::with_capacity(16);
        file.take(16).read_to_end(&mut start).map_err(io_error(path))?;
        Ok(if start == SQLITE_MAGIC {
            FileKind::Sqlite
        } else if start.starts_with(b"PGDMP") {
            FileKind::PostgresDump
        } else {
            FileKind::Other
        })
    }

    /// The backend whose backups are of this kind.
    pub fn backend(self) -> Option<Backend> {
        match self {
            FileKind::Sqlite => Some(Backend::Sqlite),
            FileKind::PostgresDump => Some(Backend::Postgres),
            FileKind::Other => None,
        }
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

#[derive(QueryableByName)]
/// One text column, named `name`.
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

/// A backup of this application has its tables; any other database is foreign.
fn ours(tables: &BTreeSet<String>, shown: &Path) -> Result<(), BackupError> {
    let missing: Vec<&str> = OUR_TABLES.into_iter().filter(|t| !tables.contains(*t)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let has = if tables.is_empty() {
        "no tables at all".to_owned()
    } else {
        let listed: Vec<&str> = tables.iter().take(8).map(String::as_str).collect();
        let more = if tables.len() > 8 { ", …" } else { "" };
        format!("the tables {}{more}", listed.join(", "))
    };
    Err(file_problem(
        shown,
        format!("is not a backup of this application: it lacks the tables {} (it has {has})", missing.join(", ")),
    ))
}

/// A backup made by a schema newer than this binary's would be served by code that does not
/// know its tables: refused. An older one is migrated after the restore.
fn not_newer(versions: impl Iterator<Item = String>, backend: Backend, shown: &Path) -> Result<(), BackupError> {
    let known: BTreeSet<String> = migrations::known(backend)?.into_iter().collect();
    let unknown: Vec<String> = versions.filter(|v| !known.contains(v)).collect();
    if unknown.is_empty() {
        return Ok(());
    }
    Err(file_problem(
        shown,
        format!(
            "was made by a newer version of mfx: it has {} migration(s) this one does not know ({}); \
             restore it with that version or a later one",
            unknown.len(),
            unknown.join(", ")
        ),
    ))
}
