-- Partners, accounts, sessions and sign-in throttling.
-- Ids are UUID text; times are UTC timestamps.

CREATE TABLE project (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    acronym TEXT NOT NULL,
    title_en TEXT NOT NULL,
    programme TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    working_language TEXT NOT NULL,
    budget_eur BIGINT,
    erdf_eur BIGINT,
    locales TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('lead', 'partner', 'advisory')),
    short_name TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_local TEXT NOT NULL,
    country TEXT NOT NULL,
    region TEXT NOT NULL,
    locale TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX partners_slug_key ON partners (slug);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    partner_id TEXT NOT NULL REFERENCES partners (id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'editor', 'viewer')),
    locale TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    password_hash TEXT NOT NULL,
    password_change_required BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_partner_idx ON users (partner_id);

-- A signed-in session: one per sign-in, ended by logout, deactivation or token reuse.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Refresh tokens of a session, stored as SHA-256 hashes. Each is used once: refresh marks it
-- used and issues the next; presenting a used one again revokes the whole session.
CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- Failed sign-ins per account and per client address, for rate limiting across instances.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL,
    blocked_until TIMESTAMP
);
