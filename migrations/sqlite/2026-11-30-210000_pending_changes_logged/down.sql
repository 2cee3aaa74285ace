DROP TRIGGER document_drafts_stamp_insert;
CREATE TRIGGER document_drafts_stamp_insert AFTER INSERT ON document_drafts
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER document_drafts_stamp_update;
CREATE TRIGGER document_drafts_stamp_update AFTER UPDATE ON document_drafts
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER document_drafts_stamp_delete;
CREATE TRIGGER document_drafts_stamp_delete AFTER DELETE ON document_drafts
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER pending_translations_stamp_insert;
CREATE TRIGGER pending_translations_stamp_insert AFTER INSERT ON pending_translations
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER pending_translations_stamp_update;
CREATE TRIGGER pending_translations_stamp_update AFTER UPDATE ON pending_translations
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER pending_translations_stamp_delete;
CREATE TRIGGER pending_translations_stamp_delete AFTER DELETE ON pending_translations
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER attachments_stamp_insert;
CREATE TRIGGER attachments_stamp_insert AFTER INSERT ON attachments
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER attachments_stamp_update;
CREATE TRIGGER attachments_stamp_update AFTER UPDATE ON attachments
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;

DROP TRIGGER attachments_stamp_delete;
CREATE TRIGGER attachments_stamp_delete AFTER DELETE ON attachments
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
