-- Search moves out of the database into the platform's own search engine (an index derived from
-- the documents, under MFX_SEARCH_DIR): the full-text table is no longer written or read.
DROP TABLE search_index;
