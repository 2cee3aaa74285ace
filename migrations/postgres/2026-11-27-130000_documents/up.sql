-- Good practices, meeting notes and action plans; their texts in each language, revisions,
-- the activity feed, action items, plan actions and their inspirations, and attachments.

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('practice', 'meeting_note', 'action_plan')),
    partner_id TEXT NOT NULL REFERENCES partners (id),
    original_locale TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
    visibility TEXT NOT NULL CHECK (visibility IN ('partnership', 'public')),
    -- Increases with every change of the document; its ETag.
    version BIGINT NOT NULL,
    -- Increases when the original-language text changes; translations record the one they follow.
    content_version BIGINT NOT NULL,
    -- The kind's structured, untranslated fields (JSON).
    details TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    published_at TIMESTAMP,
    -- Set for demo content, so that seeding it again changes nothing.
    seed_key TEXT
);
CREATE INDEX documents_newest_idx ON documents (updated_at DESC, id DESC);
CREATE INDEX documents_kind_newest_idx ON documents (kind, updated_at DESC, id DESC);
CREATE INDEX documents_partner_idx ON documents (partner_id);
CREATE UNIQUE INDEX documents_seed_key_key ON documents (seed_key);

CREATE TABLE document_themes (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (document_id, theme)
);
CREATE INDEX document_themes_theme_idx ON document_themes (theme, document_id);

-- One row per document and language: the original (origin 'original') and its translations.
CREATE TABLE document_texts (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('original', 'human', 'machine')),
    -- The content_version of the original this text follows.
    source_version BIGINT NOT NULL,
    version BIGINT NOT NULL,
    title TEXT NOT NULL,
    -- The kind's translatable fields (JSON, Markdown values).
    fields TEXT NOT NULL,
    updated_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (document_id, locale)
);

CREATE TABLE document_revisions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    actor_id TEXT REFERENCES users (id),
    at TIMESTAMP NOT NULL,
    action TEXT NOT NULL,
    locale TEXT,
    -- JSON: the fields that changed, with their values before and after.
    changes TEXT NOT NULL,
    comment TEXT
);
CREATE INDEX document_revisions_document_idx ON document_revisions (document_id, at);

-- What happened, for digests and dashboards: one row per event, in time order (UUID v7 ids).
CREATE TABLE activity (
    id TEXT PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor_id TEXT REFERENCES users (id),
    verb TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    document_kind TEXT,
    partner_id TEXT REFERENCES partners (id),
    locale TEXT,
    details TEXT NOT NULL
);
CREATE INDEX activity_at_idx ON activity (at, id);
CREATE INDEX activity_subject_idx ON activity (subject_id);

CREATE TABLE action_items (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    assignee_partner_id TEXT REFERENCES partners (id),
    due_on DATE,
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX action_items_document_idx ON action_items (document_id, position);
CREATE INDEX action_items_assignee_idx ON action_items (assignee_partner_id, due_on);

CREATE TABLE plan_actions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'abandoned')),
    progress_percent INTEGER NOT NULL CHECK (progress_percent BETWEEN 0 AND 100),
    starts_on DATE,
    ends_on DATE,
    estimated_cost_eur BIGINT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX plan_actions_document_idx ON plan_actions (document_id, position);

-- Transfer lineage: which good practices inspired which action.
CREATE TABLE action_inspirations (
    action_id TEXT NOT NULL REFERENCES plan_actions (id) ON DELETE CASCADE,
    practice_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, practice_id)
);
CREATE INDEX action_inspirations_practice_idx ON action_inspirations (practice_id);

CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data BYTEA NOT NULL,
    uploaded_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX attachments_document_idx ON attachments (document_id, created_at);

-- Full-text search over every text, with the text search configuration of its language
-- (simple where PostgreSQL has no stemmer). Text is folded (accents removed) before it is
-- indexed and queried.
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
