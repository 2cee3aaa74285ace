//! A whole new generation of the index, built from every document.

use crate::{Entry, Fields, Live, SERVER_WRITER_BYTES, SearchError, disk, payload_text};
use mfx_domain::Locale;
use std::path::{Path, PathBuf};
use tantivy::IndexWriter;

/// Builds a new generation from every document, while the one in service goes on serving;
/// puts it in service only once it is complete. A crash part way leaves the old one in
/// service and the unfinished one to be removed.
pub struct Builder {
    dir: PathBuf,
    name: String,
    live: Live,
    writer: IndexWriter,
    languages: Vec<Locale>,
    added: u64,
}

impl Builder {
    /// Starts a generation under `dir`, written by `threads` threads with `memory` bytes in all.
    pub fn start(dir: &Path, languages: &[Locale], threads: usize, memory: usize) -> Result<Builder, SearchError> {
        std::fs::create_dir_all(dir)?;
        let (name, index) = disk::create(dir, &Fields::schema(languages))?;
        let live = Live::wrap(&name, index, languages)?;
        let threads = threads.max(1);
        let writer = live.index.writer_with_num_threads(threads, memory.max(threads * SERVER_WRITER_BYTES))?;
        Ok(Builder { dir: dir.to_owned(), name, live, writer, languages: languages.to_vec(), added: 0 })
    }

    pub fn add(&mut self, entries: &[Entry]) -> Result<(), SearchError> {
        for entry in entries {
            self.writer.add_document(self.live.fields.document(entry))?;
            self.added += 1;
        }
        Ok(())
    }

    /// Commits, recording that the index holds every change up to `applied`, and puts the
    /// generation in service. Returns how many documents it holds.
    pub fn finish(mut self, applied: i64) -> Result<u64, SearchError> {
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&payload_text(&self.languages, Some(applied)));
        prepared.commit()?;
        self.writer.wait_merging_threads()?;
        disk::make_current(&self.dir, &self.name)?;
        Ok(self.added)
    }
}
