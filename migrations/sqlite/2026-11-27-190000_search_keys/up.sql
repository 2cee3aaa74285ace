-- A stable row number for each indexed text, so that re-indexing a text deletes its old entry
-- by rowid instead of scanning the whole full-text table for it.
CREATE TABLE search_keys (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    locale TEXT NOT NULL,
    UNIQUE (document_id, locale)
);
INSERT OR IGNORE INTO search_keys (id, document_id, locale) SELECT rowid, document_id, locale FROM search_fts;
