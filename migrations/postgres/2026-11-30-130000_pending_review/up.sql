-- A published document keeps its live version while a new version of it goes through
-- review: the pending draft of its original, one per document.
CREATE TABLE document_drafts (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review')),
    -- The whole document in the form clients send (JSON), as it will be once published.
    content TEXT NOT NULL,
    -- JSON array: the fields that differ from the live version.
    changed TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    updated_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- A translation proposed by someone who may not publish it: it waits for the owner partner
-- or the lead partner, one per document and language.
CREATE TABLE pending_translations (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('human', 'machine')),
    source_version BIGINT NOT NULL,
    title TEXT NOT NULL,
    fields TEXT NOT NULL,
    submitted_by TEXT REFERENCES users (id),
    submitted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (document_id, locale)
);

CREATE CONSTRAINT TRIGGER document_drafts_stamp AFTER INSERT OR UPDATE OR DELETE ON document_drafts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
CREATE CONSTRAINT TRIGGER pending_translations_stamp AFTER INSERT OR UPDATE OR DELETE ON pending_translations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
