-- The tables come back empty: the search engine before this change filled them as documents
-- were written.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    document_id UNINDEXED,
    locale UNINDEXED,
    title,
    content,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE search_keys (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    locale TEXT NOT NULL,
    UNIQUE (document_id, locale)
);
