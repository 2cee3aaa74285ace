//! `mfx export DIR` and `mfx import DIR`: the whole partnership as documented JSON files and
//! attached files, to move it to another database (SQLite or PostgreSQL) or keep it outside
//! the platform. The layout is described in docs/operations.md ("Export and import"):
//!
//! ```text
//! DIR/manifest.json          format, schema version, the tables with their row counts
//! DIR/tables/<table>.json    the rows of each table, in the order of their keys
//! DIR/attachments/<id>       the contents of each attached file
//! ```
//!
//! An export is written under a temporary name beside DIR and renamed when whole; an import
//! checks every file before writing anything, then writes everything in one transaction into a
//! database that must be empty.

#![expect(clippy::print_stdout, reason = "the command line talks to the operator on stdout")]

use crate::auth::password;
use crate::bootstrap;
use crate::progress::Progress;
use crate::settings::Settings;
use mfx_store::transfer::{self, TABLES, Table};
use mfx_store::{Backend, DbConnection, migrations};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The layout's name and version, in `manifest.json`.
pub const FORMAT: &str = "mfx-export/1";

fn latest_schema(backend: Backend) -> Result<String, String> {
    migrations::known(backend)
        .map_err(|e| e.to_string())?
        .into_iter()
        .max()
        .ok_or_else(|| "this build knows no migration".to_owned())
}

/// A folder beside `dir` to write into before the rename (exports and the archive alike), so
/// that an interrupted run never leaves a folder named `dir`.
pub(crate) fn partial(dir: &Path) -> PathBuf {
    let name = dir.file_name().map_or_else(|| "folder".into(), |n| n.to_string_lossy().into_owned());
    dir.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut file = fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Writes the whole partnership into `dir`, which must not exist or be empty.
pub fn export(settings: &Settings, dir: &Path) -> Result<(), String> {
    if dir.exists() && fs::read_dir(dir).map_err(|e| e.to_string())?.next().is_some() {
        return Err(format!("{} exists and is not empty: choose a new folder", dir.display()));
    }
    let db = bootstrap::open_database(settings).map_err(|e| e.to_string())?;
    migrations::run_pending(&db).map_err(|e| e.to_string())?;
    let schema = latest_schema(db.backend())?;
    let work = partial(dir);
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(work.join("tables")).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    fs::create_dir_all(work.join("attachments")).map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    // One snapshot for every table: rows written meanwhile are all in or all out.
    let result = db.read(|conn| transfer::in_snapshot(conn, |conn| write_tables(conn, &work)));
    let listed = match result.map_err(|e| e.to_string()).and_then(|written| written) {
        Ok(listed) => listed,
        Err(message) => {
            let _ = fs::remove_dir_all(&work);
            return Err(message);
        }
    };
    let (tables, attachments) = listed;
    let manifest = json!({
        "format": FORMAT,
        "schema": schema,
        "exported_at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "platform": env!("CARGO_PKG_VERSION"),
        "tables": tables,
        "attachments": attachments,
    });
    let text = serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string())?;
    write_file(&work.join("manifest.json"), &text)?;
    if dir.exists() {
        fs::remove_dir(dir).map_err(|e| format!("cannot replace the empty folder {}: {e}", dir.display()))?;
    }
    fs::rename(&work, dir).map_err(|e| format!("cannot rename {} to {}: {e}", work.display(), dir.display()))?;
    let rows: u64 = tables.iter().filter_map(|t| t["rows"].as_u64()).sum();
    println!(
        "Exported {rows} row(s) of {} table(s) and {attachments} attached file(s) to {} in {:.1} s.",
        tables.len(),
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The tables and files, written into `work`; the manifest's table list and file count.
fn write_tables(conn: &mut DbConnection, work: &Path) -> Result<(Vec<Value>, usize), String> {
    let mut listed = Vec::new();
    let mut attachments = 0;
    let mut progress = Progress::new("exporting tables", TABLES.len() as u64);
    for table in TABLES {
        let rows = transfer::rows(conn, table).map_err(|e| e.to_string())?;
        let file = format!("tables/{}.json", table.name);
        let text = serde_json::to_vec_pretty(&rows).map_err(|e| e.to_string())?;
        write_file(&work.join(&file), &text)?;
        if table.name == "attachments" {
            for row in &rows {
                let id = row["id"].as_str().unwrap_or_default();
                let data = transfer::attachment_data(conn, id).map_err(|e| e.to_string())?;
                write_file(&work.join("attachments").join(safe_name(id)?), &data)?;
                attachments += 1;
            }
        }
        listed.push(json!({ "name": table.name, "file": file, "rows": rows.len() }));
        progress.advance(1);
    }
    progress.finish();
    Ok((listed, attachments))
}

/// An attachment's id as a file name: the ids are UUIDs; anything else is refused.
fn safe_name(id: &str) -> Result<&str, String> {
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Ok(id)
    } else {
        Err(format!("an attachment has the id {id:?}, which cannot name a file"))
    }
}

/// What an import read and checked, before writing.
struct Checked {
    tables: Vec<(&'static Table, Vec<Map<String, Value>>)>,
    files: Vec<(String, Vec<u8>)>,
}

/// Reads and checks every file of `dir`; nothing is written.
fn read_export(dir: &Path, newest: &str) -> Result<Checked, String> {
    let manifest_path = dir.join("manifest.json");
    let text = fs::read_to_string(&manifest_path).map_err(|_| {
        format!("{} holds no manifest.json: it is not an export of MICROFUTURE Exchange", dir.display())
    })?;
    let manifest: Value =
        serde_json::from_str(&text).map_err(|e| format!("{} is damaged: {e}", manifest_path.display()))?;
    if manifest["format"] != FORMAT {
        return Err(format!(
            "{} is not an export this version reads: its format is {}, this version reads {FORMAT}",
            dir.display(),
            manifest["format"]
        ));
    }
    let schema = manifest["schema"].as_str().unwrap_or_default();
    if schema > newest {
        return Err(format!(
            "{} was made by a newer version of the platform (schema {schema}; this one knows up to {newest}): \
             import it with that version or a later one",
            dir.display()
        ));
    }
    let listed = manifest["tables"].as_array().cloned().unwrap_or_default();
    let mut tables = Vec::new();
    for table in TABLES {
        let entry = listed.iter().find(|t| t["name"] == table.name);
        let Some(entry) = entry else {
            return Err(format!("manifest.json lists no table {}: the export is incomplete", table.name));
        };
        let path = dir.join("tables").join(format!("{}.json", table.name));
        let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let rows: Vec<Map<String, Value>> =
            serde_json::from_str(&text).map_err(|e| format!("{} is damaged: {e}", path.display()))?;
        if entry["rows"].as_u64() != Some(rows.len() as u64) {
            return Err(format!(
                "{} holds {} row(s) but manifest.json says {}: the export is incomplete or was changed",
                path.display(),
                rows.len(),
                entry["rows"]
            ));
        }
        for (index, row) in rows.iter().enumerate() {
            transfer::check(table, index, row)
                .map_err(|bad| format!("{}, row {}: {}", path.display(), bad.row, bad.why))?;
        }
        tables.push((table, rows));
    }
    let mut files = Vec::new();
    if let Some((_, rows)) = tables.iter().find(|(t, _)| t.name == "attachments") {
        for row in rows {
            let id = safe_name(row["id"].as_str().unwrap_or_default())?.to_owned();
            let path = dir.join("attachments").join(&id);
            let data = fs::read(&path).map_err(|e| format!("cannot read the attached file {}: {e}", path.display()))?;
            let digest = hex(&Sha256::digest(&data));
            if row["sha256"].as_str() != Some(digest.as_str()) {
                return Err(format!("the attached file {} is damaged: its SHA-256 does not match", path.display()));
            }
            files.push((id, data));
        }
    }
    Ok(Checked { tables, files })
}

/// The active administrators among the accounts read (id and email): who gets a one-time
/// password, as the first administrator of a new database does.
fn administrators(checked: &Checked) -> Vec<(String, String)> {
    let rows = |name: &str| checked.tables.iter().find(|(t, _)| t.name == name).map(|(_, rows)| rows.as_slice());
    let erased: Vec<&str> = rows("account_erasures")
        .unwrap_or_default()
        .iter()
        .filter(|r| !r["erased_at"].is_null())
        .filter_map(|r| r["user_id"].as_str())
        .collect();
    rows("users")
        .unwrap_or_default()
        .iter()
        .filter(|u| u["role"] == "admin" && u["active"] == true)
        .filter_map(|u| Some((u["id"].as_str()?.to_owned(), u["email"].as_str()?.to_owned())))
        .filter(|(id, _)| !erased.contains(&id.as_str()))
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Imports `dir` into the configured database, which must hold no data.
pub fn import(settings: &Settings, dir: &Path) -> Result<(), String> {
    let started = std::time::Instant::now();
    let db = bootstrap::open_database(settings).map_err(|e| e.to_string())?;
    let newest = latest_schema(db.backend())?;
    let checked = read_export(dir, &newest)?;
    migrations::run_pending(&db).map_err(|e| e.to_string())?;
    let filled = db.read(transfer::filled_tables).map_err(|e| e.to_string())?;
    if !filled.is_empty() {
        return Err(format!(
            "the database at {} is not empty ({} hold rows): import into a new database",
            settings.database_url,
            filled.join(", ")
        ));
    }
    // Exports carry no password: each active administrator gets a one-time password, shown
    // once below, to sign in and give the others theirs.
    let mut admins = Vec::new();
    for (id, email) in administrators(&checked) {
        let one_time = password::generate();
        admins.push((id, email, password::hash(&one_time)?, one_time));
    }
    let total: usize = checked.tables.iter().map(|(_, rows)| rows.len()).sum::<usize>() + checked.files.len();
    let mut progress = Progress::new("importing rows and files", total as u64);
    db.write(|conn| {
        transfer::without_change_log(conn, |conn| {
            for (table, rows) in &checked.tables {
                transfer::insert(conn, table, rows)?;
                progress.advance(rows.len() as u64);
            }
            for (id, data) in &checked.files {
                transfer::set_attachment_data(conn, id, data)?;
                progress.advance(1);
            }
            for (id, _, hash, _) in &admins {
                transfer::set_imported_password(conn, id, hash)?;
            }
            Ok(())
        })
    })
    .map_err(|e| e.to_string())?;
    progress.finish();
    let count = |name: &str| checked.tables.iter().find(|(t, _)| t.name == name).map_or(0, |(_, rows)| rows.len());
    println!(
        "Imported {} partner(s), {} account(s), {} document(s), {} attached file(s) and {} activity record(s) \
         from {} in {:.1} s.",
        count("partners"),
        count("users"),
        count("documents"),
        checked.files.len(),
        count("activity"),
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    println!("Accounts have no password after an import; each administrator has a one-time password, shown once:");
    for (_, email, _, one_time) in &admins {
        println!("  {email}: {one_time}");
    }
    println!("Sign in with it, choose your own, then give the others one-time passwords from their account pages.");
    println!("The search index is built from the imported documents when `mfx serve` starts (or: mfx search reindex).");
    Ok(())
}
