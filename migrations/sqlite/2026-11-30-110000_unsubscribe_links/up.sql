-- The generation of an account's unsubscribe links: links are signed over it, and raising it
-- withdraws every link sent before. No row: generation 0.
CREATE TABLE unsubscribe_links (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    generation BIGINT NOT NULL
);
