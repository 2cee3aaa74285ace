-- The digest outbox: one row per account and digest period, sent once. Workers claim rows with
-- a lease; failures are retried with growing delays, then parked for an operator.
CREATE TABLE digest_outbox (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    period_start TIMESTAMP NOT NULL,
    period_end TIMESTAMP NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'empty', 'failed', 'parked')),
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX digest_outbox_period_key ON digest_outbox (user_id, period_end);
CREATE INDEX digest_outbox_due_idx ON digest_outbox (status, next_attempt_at);
