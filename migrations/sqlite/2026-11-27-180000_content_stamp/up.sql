-- One number that changes with every committed change to what document responses show:
-- cached responses are kept under it, so every instance sharing the database sees a change
-- as soon as it is committed.
CREATE TABLE content_stamp (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO content_stamp (id, value) VALUES (1, 0);

CREATE TRIGGER partners_stamp_insert AFTER INSERT ON partners
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER partners_stamp_update AFTER UPDATE ON partners
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER partners_stamp_delete AFTER DELETE ON partners
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER documents_stamp_insert AFTER INSERT ON documents
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER documents_stamp_update AFTER UPDATE ON documents
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER documents_stamp_delete AFTER DELETE ON documents
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER document_themes_stamp_insert AFTER INSERT ON document_themes
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER document_themes_stamp_update AFTER UPDATE ON document_themes
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER document_themes_stamp_delete AFTER DELETE ON document_themes
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER document_texts_stamp_insert AFTER INSERT ON document_texts
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER document_texts_stamp_update AFTER UPDATE ON document_texts
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER document_texts_stamp_delete AFTER DELETE ON document_texts
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER action_items_stamp_insert AFTER INSERT ON action_items
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER action_items_stamp_update AFTER UPDATE ON action_items
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER action_items_stamp_delete AFTER DELETE ON action_items
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER plan_actions_stamp_insert AFTER INSERT ON plan_actions
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER plan_actions_stamp_update AFTER UPDATE ON plan_actions
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER plan_actions_stamp_delete AFTER DELETE ON plan_actions
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER action_inspirations_stamp_insert AFTER INSERT ON action_inspirations
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER action_inspirations_stamp_update AFTER UPDATE ON action_inspirations
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER action_inspirations_stamp_delete AFTER DELETE ON action_inspirations
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
