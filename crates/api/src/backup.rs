//! `mfx backup` and `mfx restore`: the files (written under a temporary name beside their
//! place, synced, then renamed, so that an interrupted run never leaves a file that looks
//! complete), progress, the search index after a restore, and what the operator is told. What
//! each database needs is in `mfx_store::backup`.

#![expect(clippy::print_stdout, reason = "the command line talks to the operator on stdout")]

use crate::progress::Progress;
use crate::settings::Settings;
use mfx_store::backup::{self, BackupError, Contents, FileKind};
use mfx_store::{Backend, DatabaseUrl, migrations};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Work shorter than this shows no progress.
const MOMENT: Duration = Duration::from_secs(1);

/// Progress shown once work has lasted more than a moment.
struct Shown {
    what: &'static str,
    started: Instant,
    progress: Option<Progress>,
    shown: u64,
}

impl Shown {
    fn new(what: &'static str) -> Self {
        Shown { what, started: Instant::now(), progress: None, shown: 0 }
    }

    fn update(&mut self, done: u64, total: u64) {
        let progress = self.progress.get_or_insert_with(|| Progress::new(self.what, total));
        if self.started.elapsed() >= MOMENT {
            progress.advance(done.saturating_sub(self.shown));
            self.shown = self.shown.max(done);
        }
    }

    fn finish(self) {
        if let Some(progress) = self.progress
            && self.shown > 0
        {
            progress.finish();
        }
    }
}

/// Bytes as whole MiB, for progress.
fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

/// A file being written under a temporary name beside its place; removed unless put in place.
struct Partial {
    path: PathBuf,
    placed: bool,
}

impl Partial {
    /// A new empty file, readable by its owner only, beside `place`.
    fn beside(place: &Path) -> Result<Partial, String> {
        let name = place.file_name().ok_or_else(|| format!("{} names no file", place.display()))?;
        let mut temporary = name.to_owned();
        temporary.push(format!(".{}.partial", uuid::Uuid::now_v7().simple()));
        let path = place.with_file_name(temporary);
        crate::private_file::create_new(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(Partial { path, placed: false })
    }

    /// Syncs the file and renames it to `place`, then syncs the folder, so that `place` names
    /// the whole file even after a power loss.
    fn put_in_place(mut self, place: &Path, replace: bool) -> Result<(), String> {
        std::fs::File::open(&self.path)
            .and_then(|f| f.sync_all())
            .map_err(|e| format!("cannot sync {}: {e}", self.path.display()))?;
        if !replace && place.exists() {
            return Err(format!("{} appeared meanwhile; it was left as it is", place.display()));
        }
        std::fs::rename(&self.path, place).map_err(|e| format!("cannot rename to {}: {e}", place.display()))?;
        self.placed = true;
        if let Ok(folder) = std::fs::File::open(folder_of(place)) {
            let _ = folder.sync_all();
        }
        Ok(())
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.path);
            backup::remove_sqlite_companions(&self.path);
        }
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// A PostgreSQL client program: the one named, else the one on `PATH`.
fn program(named: Option<&Path>, default: &str) -> PathBuf {
    named.map_or_else(|| PathBuf::from(default), Path::to_path_buf)
}

/// The message of a failure, with what to do about a missing client program.
fn describe(error: BackupError, option: &str, variable: &str) -> String {
    match error {
        BackupError::Missing { program } => format!(
            "the program `{program}` was not found: install PostgreSQL's client programs (of the server's major \
             version or a later one), or name the program with {option} or {variable}"
        ),
        other => other.to_string(),
    }
}

/// `mfx backup FILE`: a copy of the whole platform as it is at one moment, made while the
/// server runs.
pub fn backup(settings: &Settings, file: &Path, pg_dump: Option<&Path>) -> Result<(), String> {
    let started = Instant::now();
    if file.exists() {
        return Err(format!("{} exists already: give the backup a new name", file.display()));
    }
    if !folder_of(file).is_dir() {
        return Err(format!("the folder {} does not exist", folder_of(file).display()));
    }
    let url = &settings.database_url;
    let partial = Partial::beside(file)?;
    match url {
        DatabaseUrl::SqliteFile(database) => {
            let mut shown = Shown::new("copying the database (MiB)");
            backup::copy_sqlite(database, &partial.path, &mut |done, total| shown.update(mib(done), mib(total)))
                .map_err(|e| e.to_string())?;
            shown.finish();
        }
        DatabaseUrl::SqliteMemory => {
            return Err("the database is in memory (sqlite::memory:): there is nothing to back up".into());
        }
        DatabaseUrl::Postgres(_) => {
            let program = program(pg_dump, "pg_dump");
            let mut shown = Shown::new("dumping tables");
            backup::dump_postgres(&program, url, &partial.path, &mut |done, total| shown.update(done, total))
                .map_err(|e| describe(e, "--pg-dump", "MFX_PG_DUMP"))?;
            shown.finish();
        }
    }
    partial.put_in_place(file, false)?;
    let size = std::fs::metadata(file).map_or(0, |m| m.len());
    println!(
        "Backup of {url} written to {} ({:.1} MB) in {:.1} s: the whole database, attached files included; the \
         search index is not in it, it is rebuilt from the data.",
        file.display(),
        size as f64 / 1_000_000.0,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `mfx restore FILE`: a backup into the configured database, which must be empty. Nothing is
/// changed when the file or the database is not fit for it.
pub fn restore(settings: &Settings, file: &Path, pg_restore: Option<&Path>) -> Result<(), String> {
    let started = Instant::now();
    let url = &settings.database_url;
    let unchanged = |message: String| format!("{message}. Nothing was changed.");
    let kind = FileKind::of(file).map_err(|e| unchanged(e.to_string()))?;
    let Some(made_by) = kind.backend() else {
        return Err(unchanged(format!(
            "{} is not a backup made by `mfx backup`: it is neither an SQLite database nor a PostgreSQL dump in the \
             custom format",
            file.display()
        )));
    };
    if made_by != url.backend() {
        let (file_kind, database_kind, wanted) = match made_by {
            Backend::Sqlite => ("an SQLite database", "PostgreSQL", "a new SQLite file"),
            Backend::Postgres => ("a PostgreSQL database", "SQLite", "a new, empty PostgreSQL database"),
        };
        return Err(unchanged(format!(
            "{} is a backup of {file_kind}, and the configured database ({url}) is {database_kind}: a backup is \
             restored into a database of its own kind (set MFX_DATABASE_URL to {wanted})",
            file.display()
        )));
    }
    let (applied, held) = match url {
        DatabaseUrl::SqliteFile(target) => restore_sqlite(file, target).map_err(unchanged)?,
        DatabaseUrl::SqliteMemory => {
            return Err(unchanged("the configured database is in memory (sqlite::memory:)".into()));
        }
        DatabaseUrl::Postgres(_) => {
            let program = program(pg_restore, "pg_restore");
            restore_postgres(&program, file, url)
                .map_err(|e| unchanged(describe(e, "--pg-restore", "MFX_PG_RESTORE")))?;
            let db = crate::bootstrap::open_database(settings).map_err(|e| e.to_string())?;
            let applied = migrations::run_pending(&db).map_err(|e| {
                format!("{} was restored into {url}, but migrating it failed: {e}; run `mfx migrate`", file.display())
            })?;
            let held = db.read(backup::contents).map_err(|e| e.to_string())?;
            (applied, held)
        }
    };
    println!("Restored {} into {url} in {:.1} s: {}.", file.display(), started.elapsed().as_secs_f64(), summary(&held));
    if !applied.is_empty() {
        println!(
            "The backup was made by an older version: {} migration(s) applied: {}.",
            applied.len(),
            applied.join(", ")
        );
    }
    refresh_index(settings)
}

fn summary(held: &Contents) -> String {
    format!(
        "{} partner(s), {} account(s), {} document(s), {} attachment(s)",
        held.partners, held.accounts, held.documents, held.attachments
    )
}

/// Copies the backup beside the target, checks and migrates the copy, and only then renames it
/// into place.
fn restore_sqlite(file: &Path, target: &Path) -> Result<(Vec<String>, Contents), String> {
    backup::check_sqlite_file(file).map_err(|e| e.to_string())?;
    backup::check_sqlite_target(target).map_err(|e| e.to_string())?;
    let folder = folder_of(target);
    let made_folder = !folder.exists();
    std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let restored = (|| {
        let partial = Partial::beside(target)?;
        copy_with_progress(file, &partial.path)?;
        backup::check_sqlite_backup(&partial.path, file).map_err(|e| e.to_string())?;
        let (applied, held) = backup::migrate_sqlite_copy(&partial.path).map_err(|e| e.to_string())?;
        // The target is missing or empty (checked above); an empty database may have left its
        // shared-memory file, which must not outlive it.
        backup::check_sqlite_target(target).map_err(|e| e.to_string())?;
        backup::remove_sqlite_companions(target);
        partial.put_in_place(target, true)?;
        Ok((applied, held))
    })();
    if restored.is_err() && made_folder {
        let _ = std::fs::remove_dir(folder);
    }
    restored
}

fn copy_with_progress(from: &Path, to: &Path) -> Result<(), String> {
    use std::io::{Read, Write};
    let mut source = std::fs::File::open(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    let total = source.metadata().map_or(0, |m| m.len());
    let mut target = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(to)
        .map_err(|e| format!("cannot write {}: {e}", to.display()))?;
    let mut shown = Shown::new("copying the backup (MiB)");
    let mut buffer = vec![0_u8; 1 << 20];
    let mut done = 0_u64;
    loop {
        let read = source.read(&mut buffer).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        if read == 0 {
            break;
        }
        target.write_all(&buffer[..read]).map_err(|e| format!("cannot write {}: {e}", to.display()))?;
        done += read as u64;
        shown.update(mib(done), mib(total));
    }
    shown.finish();
    Ok(())
}

/// Checks the archive through, checks the database is empty, and restores in one transaction.
fn restore_postgres(program: &Path, file: &Path, url: &DatabaseUrl) -> Result<(), BackupError> {
    let mut checking = Shown::new("checking the backup (tables)");
    let dump = backup::check_postgres_dump(program, file, &mut |done, total| checking.update(done, total))?;
    checking.finish();
    backup::check_postgres_target(url, &dump)?;
    let mut restoring = Shown::new("restoring tables");
    backup::restore_postgres(program, url, file, &dump, &mut |done, total| restoring.update(done, total))?;
    restoring.finish();
    Ok(())
}

/// The index of this configuration (`MFX_SEARCH_DIR`) was made from another database, if it
/// exists: it is rebuilt from the restored one. When it does not, `mfx serve` builds it at
/// start.
fn refresh_index(settings: &Settings) -> Result<(), String> {
    let dir = &settings.search_dir;
    if dir.exists() {
        let db = crate::bootstrap::open_database(settings).map_err(|e| e.to_string())?;
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get).min(4);
        let count = crate::indexing::rebuild(&db, dir, threads, 256 << 20, true).map_err(|e| {
            format!(
                "the data is restored, but the search index in {} could not be rebuilt: {e}; run `mfx search reindex`",
                dir.display()
            )
        })?;
        println!("Search index in {} rebuilt from the restored data: {count} document(s).", dir.display());
    } else {
        println!("The search index is not in a backup: `mfx serve` builds it in {} at start.", dir.display());
    }
    if settings.database_url.backend() == Backend::Postgres {
        println!(
            "Every other instance keeps an index of its own: run `mfx search reindex` there (or remove its \
             MFX_SEARCH_DIR) before starting it."
        );
    }
    Ok(())
}
