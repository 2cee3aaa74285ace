DROP TRIGGER attachments_stamp_delete;
DROP TRIGGER attachments_stamp_update;
DROP TRIGGER attachments_stamp_insert;
ALTER TABLE attachments DROP COLUMN pending_change;
