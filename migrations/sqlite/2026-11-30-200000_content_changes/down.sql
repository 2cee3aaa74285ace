DROP TRIGGER partners_stamp_insert;
CREATE TRIGGER partners_stamp_insert AFTER INSERT ON partners
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER partners_stamp_update;
CREATE TRIGGER partners_stamp_update AFTER UPDATE ON partners
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER partners_stamp_delete;
CREATE TRIGGER partners_stamp_delete AFTER DELETE ON partners
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER documents_stamp_insert;
CREATE TRIGGER documents_stamp_insert AFTER INSERT ON documents
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER documents_stamp_update;
CREATE TRIGGER documents_stamp_update AFTER UPDATE ON documents
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER documents_stamp_delete;
CREATE TRIGGER documents_stamp_delete AFTER DELETE ON documents
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER document_themes_stamp_insert;
CREATE TRIGGER document_themes_stamp_insert AFTER INSERT ON document_themes
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER document_themes_stamp_update;
CREATE TRIGGER document_themes_stamp_update AFTER UPDATE ON document_themes
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER document_themes_stamp_delete;
CREATE TRIGGER document_themes_stamp_delete AFTER DELETE ON document_themes
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER document_texts_stamp_insert;
CREATE TRIGGER document_texts_stamp_insert AFTER INSERT ON document_texts
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER document_texts_stamp_update;
CREATE TRIGGER document_texts_stamp_update AFTER UPDATE ON document_texts
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER document_texts_stamp_delete;
CREATE TRIGGER document_texts_stamp_delete AFTER DELETE ON document_texts
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER action_items_stamp_insert;
CREATE TRIGGER action_items_stamp_insert AFTER INSERT ON action_items
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER action_items_stamp_update;
CREATE TRIGGER action_items_stamp_update AFTER UPDATE ON action_items
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER action_items_stamp_delete;
CREATE TRIGGER action_items_stamp_delete AFTER DELETE ON action_items
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER plan_actions_stamp_insert;
CREATE TRIGGER plan_actions_stamp_insert AFTER INSERT ON plan_actions
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER plan_actions_stamp_update;
CREATE TRIGGER plan_actions_stamp_update AFTER UPDATE ON plan_actions
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER plan_actions_stamp_delete;
CREATE TRIGGER plan_actions_stamp_delete AFTER DELETE ON plan_actions
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER action_inspirations_stamp_insert;
CREATE TRIGGER action_inspirations_stamp_insert AFTER INSERT ON action_inspirations
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER action_inspirations_stamp_update;
CREATE TRIGGER action_inspirations_stamp_update AFTER UPDATE ON action_inspirations
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER action_inspirations_stamp_delete;
CREATE TRIGGER action_inspirations_stamp_delete AFTER DELETE ON action_inspirations
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TABLE content_changes;
