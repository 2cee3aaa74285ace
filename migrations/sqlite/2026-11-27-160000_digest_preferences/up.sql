-- Email digest preferences of each account: how often, which weekday (1 = Monday), which
-- local hour (in the account's time zone).
ALTER TABLE users ADD COLUMN digest_frequency TEXT NOT NULL DEFAULT 'weekly' CHECK (digest_frequency IN ('off', 'daily', 'weekly'));
ALTER TABLE users ADD COLUMN digest_weekday INTEGER NOT NULL DEFAULT 1 CHECK (digest_weekday BETWEEN 1 AND 7);
ALTER TABLE users ADD COLUMN digest_hour INTEGER NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23);
