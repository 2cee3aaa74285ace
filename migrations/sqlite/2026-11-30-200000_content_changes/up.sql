-- The content stamp becomes a log: every committed change to what document responses show
-- adds a row naming the document it changed (none for a partner's change, which may show on
-- any document), numbered by the stamp itself. The stamp's one row is held from the change to
-- the commit, so the numbers follow the order of the commits, without gaps: a reader that has
-- applied every change up to n only needs the rows after n. Search indexes and caches follow
-- the log instead of starting again on every change.
CREATE TABLE content_changes (
    seq INTEGER PRIMARY KEY,
    document_id TEXT,
    at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

DROP TRIGGER partners_stamp_insert;
CREATE TRIGGER partners_stamp_insert AFTER INSERT ON partners
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NULL FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER partners_stamp_update;
CREATE TRIGGER partners_stamp_update AFTER UPDATE ON partners
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NULL FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER partners_stamp_delete;
CREATE TRIGGER partners_stamp_delete AFTER DELETE ON partners
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NULL FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER documents_stamp_insert;
CREATE TRIGGER documents_stamp_insert AFTER INSERT ON documents
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER documents_stamp_update;
CREATE TRIGGER documents_stamp_update AFTER UPDATE ON documents
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER documents_stamp_delete;
CREATE TRIGGER documents_stamp_delete AFTER DELETE ON documents
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, OLD.id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER document_themes_stamp_insert;
CREATE TRIGGER document_themes_stamp_insert AFTER INSERT ON document_themes
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER document_themes_stamp_update;
CREATE TRIGGER document_themes_stamp_update AFTER UPDATE ON document_themes
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER document_themes_stamp_delete;
CREATE TRIGGER document_themes_stamp_delete AFTER DELETE ON document_themes
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, OLD.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER document_texts_stamp_insert;
CREATE TRIGGER document_texts_stamp_insert AFTER INSERT ON document_texts
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER document_texts_stamp_update;
CREATE TRIGGER document_texts_stamp_update AFTER UPDATE ON document_texts
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER document_texts_stamp_delete;
CREATE TRIGGER document_texts_stamp_delete AFTER DELETE ON document_texts
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, OLD.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER action_items_stamp_insert;
CREATE TRIGGER action_items_stamp_insert AFTER INSERT ON action_items
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER action_items_stamp_update;
CREATE TRIGGER action_items_stamp_update AFTER UPDATE ON action_items
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER action_items_stamp_delete;
CREATE TRIGGER action_items_stamp_delete AFTER DELETE ON action_items
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, OLD.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER plan_actions_stamp_insert;
CREATE TRIGGER plan_actions_stamp_insert AFTER INSERT ON plan_actions
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER plan_actions_stamp_update;
CREATE TRIGGER plan_actions_stamp_update AFTER UPDATE ON plan_actions
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER plan_actions_stamp_delete;
CREATE TRIGGER plan_actions_stamp_delete AFTER DELETE ON plan_actions
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, OLD.document_id FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER action_inspirations_stamp_insert;
CREATE TRIGGER action_inspirations_stamp_insert AFTER INSERT ON action_inspirations
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.practice_id FROM content_stamp WHERE id = 1;
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id)
        SELECT value, (SELECT document_id FROM plan_actions WHERE id = NEW.action_id) FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER action_inspirations_stamp_update;
CREATE TRIGGER action_inspirations_stamp_update AFTER UPDATE ON action_inspirations
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, NEW.practice_id FROM content_stamp WHERE id = 1;
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id)
        SELECT value, (SELECT document_id FROM plan_actions WHERE id = NEW.action_id) FROM content_stamp WHERE id = 1;
END;

DROP TRIGGER action_inspirations_stamp_delete;
CREATE TRIGGER action_inspirations_stamp_delete AFTER DELETE ON action_inspirations
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id) SELECT value, OLD.practice_id FROM content_stamp WHERE id = 1;
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    INSERT INTO content_changes (seq, document_id)
        SELECT value, (SELECT document_id FROM plan_actions WHERE id = OLD.action_id) FROM content_stamp WHERE id = 1;
END;
