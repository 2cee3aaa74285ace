//! The index's directory: generations (`g-<uuid>/`, each a whole tantivy index) and the file
//! `current`, which names the generation in service. `current` is replaced by a rename, so it
//! names either the old generation or the new one, never a half-written name.

use crate::SearchError;
use std::io::Write;
use std::path::Path;
use tantivy::Index;
use tantivy::schema::Schema;

const CURRENT: &str = "current";
const PREFIX: &str = "g-";

/// The generation in service, if one was ever put there.
pub fn current(dir: &Path) -> Result<Option<String>, SearchError> {
    match std::fs::read_to_string(dir.join(CURRENT)) {
        Ok(name) => {
            let name = name.trim();
            let valid = name.starts_with(PREFIX) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            Ok(valid.then(|| name.to_owned()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// A new, empty generation.
pub fn create(dir: &Path, schema: &Schema) -> Result<(String, Index), SearchError> {
    let name = format!("{PREFIX}{}", uuid::Uuid::now_v7().simple());
    let path = dir.join(&name);
    std::fs::create_dir_all(&path)?;
    Ok((name, Index::create_in_dir(&path, schema.clone())?))
}

/// Puts a generation in service.
pub fn make_current(dir: &Path, name: &str) -> Result<(), SearchError> {
    let temporary = dir.join(format!("{CURRENT}.{}", uuid::Uuid::now_v7().simple()));
    {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(name.as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&temporary, dir.join(CURRENT))?;
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// Removes every generation but `keep`, except one still being written (its writer's lock is
/// held: a rebuild under way in another process), and leftover temporary files.
pub fn remove_unused(dir: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with(PREFIX) && name != keep {
            if being_written(&path) {
                continue;
            }
            if let Err(e) = std::fs::remove_dir_all(&path) {
                tracing::warn!(generation = name, error = %e, "an unused search index generation could not be removed");
            }
        } else if name.starts_with(&format!("{CURRENT}.")) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

fn being_written(path: &Path) -> bool {
    let Ok(index) = Index::open_in_dir(path) else { return false };
    match index.writer_with_num_threads::<tantivy::TantivyDocument>(1, 15_000_000) {
        Ok(writer) => {
            drop(writer);
            false
        }
        Err(tantivy::TantivyError::LockFailure(..)) => true,
        Err(_) => false,
    }
}
