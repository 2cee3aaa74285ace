//! SQLite: an online copy with `VACUUM INTO`, the checks of a file before it is restored, and
//! the copy migrated before it is put in place.

use super::{
    BackupError, Contents, FileKind, MIGRATIONS_TABLE, Name, contents, file_problem, io_error, not_newer, ours,
};
use crate::db::{Backend, DbConnection};
use crate::migrations;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel::sqlite::SqliteConnection;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(QueryableByName)]
struct Number {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// An SQLite connection to an existing file, `ro` (read-only) or `rw`; never creates one.
fn open_sqlite(path: &Path, mode: &str) -> Result<SqliteConnection, String> {
    let absolute = std::path::absolute(path).map_err(|e| e.to_string())?;
    let text = absolute.to_str().ok_or("the path is not UTF-8")?;
    let mut uri = String::from("file://");
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    let mut conn = SqliteConnection::establish(&format!("{uri}?mode={mode}")).map_err(|e| e.to_string())?;
    conn.batch_execute("PRAGMA busy_timeout = 10000").map_err(|e| e.to_string())?;
    Ok(conn)
}

fn sqlite_tables(conn: &mut SqliteConnection) -> QueryResult<BTreeSet<String>> {
    let names: Vec<Name> = diesel::sql_query("SELECT name FROM sqlite_master WHERE type = 'table'").load(conn)?;
    Ok(names.into_iter().map(|n| n.name).collect())
}

/// Writes a copy of the SQLite database at `source`, as it is at one moment, into `into` (which
/// must not exist or be empty) while other connections go on writing. Calls `progress` with the
/// bytes written so far and the size of the database, about ten times a second.
pub fn copy_sqlite(source: &Path, into: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<(), BackupError> {
    if !source.is_file() {
        return Err(BackupError::Database(format!("there is no database at {}", source.display())));
    }
    let cannot = |e: String| BackupError::Database(format!("cannot read the database {}: {e}", source.display()));
    let mut conn = open_sqlite(source, "rw").map_err(cannot)?;
    let tables = sqlite_tables(&mut conn).map_err(|e| cannot(e.to_string()))?;
    if !tables.contains(MIGRATIONS_TABLE) {
        return Err(BackupError::Database(format!(
            "{} holds no data of this application (it has no table {MIGRATIONS_TABLE})",
            source.display()
        )));
    }
    let size: Vec<Number> =
        diesel::sql_query("SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()")
            .load(&mut conn)
            .map_err(|e| cannot(e.to_string()))?;
    let total = size.first().map_or(0, |s| u64::try_from(s.n).unwrap_or(0));
    let target = into.to_str().ok_or_else(|| file_problem(into, "is not a UTF-8 path"))?.to_owned();
    let copied = std::thread::scope(|scope| {
        let copying =
            scope.spawn(move || diesel::sql_query("VACUUM INTO ?").bind::<Text, _>(target).execute(&mut conn));
        while !copying.is_finished() {
            progress(std::fs::metadata(into).map_or(0, |m| m.len()), total);
            std::thread::sleep(Duration::from_millis(100));
        }
        copying.join()
    });
    match copied {
        Ok(Ok(_)) => {
            progress(std::fs::metadata(into).map_or(total, |m| m.len()), total);
            Ok(())
        }
        Ok(Err(e)) => Err(cannot(e.to_string())),
        Err(_) => Err(cannot("the copy stopped unexpectedly".into())),
    }
}

/// Checks, from its header alone, that the SQLite file `path` is whole and has no write-ahead
/// log of its own beside it.
pub fn check_sqlite_file(path: &Path) -> Result<(), BackupError> {
    let mut header = [0_u8; 100];
    let mut file = std::fs::File::open(path).map_err(io_error(path))?;
    let length = file.metadata().map_err(io_error(path))?.len();
    if file.read_exact(&mut header).is_err() {
        return Err(file_problem(path, format!("is truncated: {length} bytes, less than an SQLite header")));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if !page_size.is_power_of_two() || !(512..=65_536).contains(&page_size) {
        return Err(file_problem(path, format!("is damaged: its header gives a page size of {page_size} bytes")));
    }
    // The page count in the header is valid when the header was written by a version that keeps
    // it (its "valid for" number equals the change counter).
    let pages = u64::from(u32::from_be_bytes([header[28], header[29], header[30], header[31]]));
    let valid = header[92..96] == header[24..28];
    if length % page_size != 0 || (valid && length < pages * page_size) {
        let expected = if valid { format!("{} bytes", pages * page_size) } else { "whole pages".into() };
        return Err(file_problem(path, format!("is truncated: it has {length} bytes, its header says {expected}")));
    }
    let wal = sibling(path, "-wal");
    if header[18] == 2 && std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(file_problem(
            path,
            format!(
                "is a database in use or not closed cleanly, not a backup: it has a write-ahead log beside it ({})",
                wal.display()
            ),
        ));
    }
    Ok(())
}

/// `path` with `suffix` added to its file name (`mfx.sqlite3-wal`).
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(suffix);
    path.with_file_name(name)
}

/// Removes what SQLite may leave beside a file it opened: its journal, log and shared memory.
pub fn remove_sqlite_companions(path: &Path) {
    for suffix in ["-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(sibling(path, suffix));
    }
}

/// Checks a copy of a backup (`copy`; `shown` is the file the operator named): that SQLite
/// finds it intact, that it is a database of this application, and that it holds no migration
/// this binary does not know. Leaves nothing open.
pub fn check_sqlite_backup(copy: &Path, shown: &Path) -> Result<(), BackupError> {
    let result = check_sqlite_copy(copy, shown);
    remove_sqlite_companions(copy);
    result
}

fn check_sqlite_copy(copy: &Path, shown: &Path) -> Result<(), BackupError> {
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = Text)]
        integrity_check: String,
    }
    let damaged = |e: &dyn std::fmt::Display| file_problem(shown, format!("is damaged: {e}"));
    let mut conn = open_sqlite(copy, "ro").map_err(|e| damaged(&e))?;
    let check: Vec<Check> = diesel::sql_query("PRAGMA integrity_check").load(&mut conn).map_err(|e| damaged(&e))?;
    let problems: Vec<String> = check.into_iter().map(|c| c.integrity_check).filter(|c| c != "ok").collect();
    if !problems.is_empty() {
        let shown_problems: Vec<&str> = problems.iter().take(3).map(String::as_str).collect();
        return Err(damaged(&format!("SQLite's integrity check found {}", shown_problems.join("; "))));
    }
    let tables = sqlite_tables(&mut conn).map_err(|e| damaged(&e))?;
    ours(&tables, shown)?;
    let versions: Vec<Name> = diesel::sql_query(format!("SELECT version AS name FROM {MIGRATIONS_TABLE}"))
        .load(&mut conn)
        .map_err(|e| damaged(&e))?;
    not_newer(versions.into_iter().map(|v| v.name), Backend::Sqlite, shown)
}
/// Says why the SQLite file `path` may not be restored into, if it may not: only a missing
/// file, an empty one, or a database without tables may be.
pub fn check_sqlite_target(path: &Path) -> Result<(), BackupError> {
    let refuse = |why: String| BackupError::Database(format!("{} {why}", path.display()));
    let length = match std::fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() => return Err(refuse("is not a file".into())),
        Ok(metadata) => metadata.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(refuse(format!("cannot be read: {e}"))),
    };
    if std::fs::metadata(sibling(path, "-wal")).is_ok_and(|m| m.len() > 0) {
        return Err(refuse("is in use (it has a write-ahead log beside it): stop the server first".into()));
    }
    if length == 0 {
        return Ok(());
    }
    if FileKind::of(path)? != FileKind::Sqlite {
        return Err(refuse("exists and is not an SQLite database".into()));
    }
    let mut conn = open_sqlite(path, "ro").map_err(|e| refuse(format!("cannot be read: {e}")))?;
    let tables = sqlite_tables(&mut conn).map_err(|e| refuse(format!("cannot be read: {e}")))?;
    drop(conn);
    if tables.is_empty() {
        return Ok(());
    }
    let listed: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
    Err(refuse(format!(
        "is not empty: it holds {} table(s) ({}{}); a backup is restored into a new, empty database only",
        tables.len(),
        listed.join(", "),
        if tables.len() > 5 { ", …" } else { "" }
    )))
}

/// Brings a checked copy of a backup up to this binary's schema; returns the migrations
/// applied and what it holds. Leaves the copy closed, in rollback-journal mode and without
/// files beside it, ready to be renamed into place.
pub fn migrate_sqlite_copy(copy: &Path) -> Result<(Vec<String>, Contents), BackupError> {
    let failed =
        |e: &dyn std::fmt::Display| BackupError::Database(format!("the restored copy cannot be migrated: {e}"));
    let conn = open_sqlite(copy, "rw").map_err(|e| failed(&e))?;
    let mut conn = DbConnection::Sqlite(conn);
    conn.batch_execute("PRAGMA foreign_keys = ON").map_err(|e| failed(&e))?;
    let applied = migrations::apply_pending(&mut conn).map_err(|e| failed(&e))?;
    let held = contents(&mut conn).map_err(|e| failed(&e))?;
    conn.batch_execute("PRAGMA journal_mode = DELETE").map_err(|e| failed(&e))?;
    drop(conn);
    remove_sqlite_companions(copy);
    Ok((applied, held))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_sqlite_files_are_seen_from_their_header() {
        let dir = std::env::temp_dir().join(format!("mfx-backup-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("db.sqlite3");
        let mut conn = SqliteConnection::establish(path.to_str().expect("utf-8")).expect("open");
        conn.batch_execute("CREATE TABLE t (x BLOB); INSERT INTO t VALUES (zeroblob(20000));").expect("fill");
        drop(conn);
        assert!(check_sqlite_file(&path).is_ok());
        let bytes = std::fs::read(&path).expect("read");
        std::fs::write(&path, &bytes[..bytes.len() - 4096]).expect("truncate");
        let error = check_sqlite_file(&path).expect_err("truncated").to_string();
        assert!(error.contains("is truncated"), "{error}");
        std::fs::write(&path, &bytes[..50]).expect("truncate");
        assert!(check_sqlite_file(&path).expect_err("truncated").to_string().contains("less than an SQLite header"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
