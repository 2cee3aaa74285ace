-- The pending drafts, proposed translations and files waiting for review show on their
-- document (to the readers who follow its work), so their changes enter the change log like
-- the document's own, naming the document: before this, they moved the stamp without a row
-- on SQLite (a gap in the numbers) and logged no document on PostgreSQL (a change to any
-- document, which empties every cache that follows the log).

DROP TRIGGER document_drafts_stamp ON document_drafts;
CREATE CONSTRAINT TRIGGER document_drafts_stamp AFTER INSERT OR UPDATE OR DELETE ON document_drafts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp('document_id');
DROP TRIGGER pending_translations_stamp ON pending_translations;
CREATE CONSTRAINT TRIGGER pending_translations_stamp AFTER INSERT OR UPDATE OR DELETE ON pending_translations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp('document_id');
DROP TRIGGER attachments_stamp ON attachments;
CREATE CONSTRAINT TRIGGER attachments_stamp AFTER INSERT OR UPDATE OR DELETE ON attachments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp('document_id');
