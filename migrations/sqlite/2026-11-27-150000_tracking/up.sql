-- The work plan: periods, work packages, deliverables with their responsible partners,
-- evidence and status history; and the secret calendar feeds of accounts.

CREATE TABLE periods (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('core', 'follow_up')),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX periods_code_key ON periods (code);

CREATE TABLE work_packages (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL,
    -- JSON: title by language.
    titles TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX work_packages_code_key ON work_packages (code);

CREATE TABLE deliverables (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL,
    work_package_id TEXT NOT NULL REFERENCES work_packages (id),
    period_id TEXT REFERENCES periods (id),
    -- JSON: title by language (at least English).
    titles TEXT NOT NULL,
    description TEXT NOT NULL,
    due_on DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'submitted', 'approved')),
    version BIGINT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX deliverables_code_key ON deliverables (code);
CREATE INDEX deliverables_due_idx ON deliverables (due_on);

CREATE TABLE deliverable_partners (
    deliverable_id TEXT NOT NULL REFERENCES deliverables (id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    PRIMARY KEY (deliverable_id, partner_id)
);
CREATE INDEX deliverable_partners_partner_idx ON deliverable_partners (partner_id);

CREATE TABLE deliverable_evidence (
    deliverable_id TEXT NOT NULL REFERENCES deliverables (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (deliverable_id, document_id)
);

CREATE TABLE deliverable_history (
    id TEXT PRIMARY KEY NOT NULL,
    deliverable_id TEXT NOT NULL REFERENCES deliverables (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor_id TEXT REFERENCES users (id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    comment TEXT
);
CREATE INDEX deliverable_history_idx ON deliverable_history (deliverable_id, at);

-- Secret calendar feed addresses; only the hash of the token is kept.
CREATE TABLE calendar_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE UNIQUE INDEX calendar_tokens_hash_key ON calendar_tokens (token_hash);
CREATE INDEX calendar_tokens_user_idx ON calendar_tokens (user_id);
