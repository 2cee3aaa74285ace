-- The table comes back empty: the search engine before this change filled it as documents
-- were written.
CREATE TABLE search_index (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    config TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    tsv TSVECTOR NOT NULL,
    PRIMARY KEY (document_id, locale)
);
CREATE INDEX search_index_tsv_idx ON search_index USING GIN (tsv);
