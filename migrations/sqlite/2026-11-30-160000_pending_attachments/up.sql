-- On a published document, a file added or removed waits for review with its pending draft:
-- `added` until the draft is published (hidden from readers without the trail right),
-- `removed` until then (still live). NULL: live, nothing pending.
ALTER TABLE attachments ADD COLUMN pending_change TEXT CHECK (pending_change IN ('added', 'removed'));

CREATE TRIGGER attachments_stamp_insert AFTER INSERT ON attachments
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER attachments_stamp_update AFTER UPDATE ON attachments
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER attachments_stamp_delete AFTER DELETE ON attachments
BEGIN UPDATE content_stamp SET value = value + 1 WHERE id = 1; END;
