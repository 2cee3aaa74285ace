DROP TRIGGER attachments_stamp ON attachments;
ALTER TABLE attachments DROP COLUMN pending_change;
