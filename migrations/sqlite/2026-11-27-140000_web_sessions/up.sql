-- Browser sessions: the session cookie holds a random token; only its SHA-256 hash is kept.
ALTER TABLE sessions ADD COLUMN cookie_hash TEXT;
CREATE UNIQUE INDEX sessions_cookie_hash_key ON sessions (cookie_hash);
