-- A person may ask for their account to be erased; a coordinator or an administrator confirms.
-- An erased account keeps its row in users (documents, revisions and activity name it) with
-- nothing personal left in it; this table says which accounts asked and which are erased.
CREATE TABLE account_erasures (
    user_id TEXT PRIMARY KEY REFERENCES users (id),
    requested_at TIMESTAMP,
    erased_at TIMESTAMP
);

-- Names show in the document histories that responses carry, so a changed or erased name is a
-- change of content for every cached answer.
CREATE TRIGGER users_name_logged AFTER UPDATE OF display_name ON users
WHEN OLD.display_name IS NOT NEW.display_name
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NULL FROM content_stamp WHERE id = 1;
END;

CREATE TRIGGER account_erasures_logged AFTER UPDATE OF erased_at ON account_erasures
WHEN OLD.erased_at IS NOT NEW.erased_at
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NULL FROM content_stamp WHERE id = 1;
END;

CREATE TRIGGER account_erasures_logged_insert AFTER INSERT ON account_erasures
WHEN NEW.erased_at IS NOT NULL
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NULL FROM content_stamp WHERE id = 1;
END;
