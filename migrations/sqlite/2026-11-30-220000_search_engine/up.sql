-- Search moves out of the database into the platform's own search engine (an index derived from
-- the documents, under MFX_SEARCH_DIR): the full-text tables are no longer written or read.
DROP TABLE search_keys;
DROP TABLE search_fts;
