DROP TRIGGER document_drafts_stamp ON document_drafts;
CREATE CONSTRAINT TRIGGER document_drafts_stamp AFTER INSERT OR UPDATE OR DELETE ON document_drafts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
DROP TRIGGER pending_translations_stamp ON pending_translations;
CREATE CONSTRAINT TRIGGER pending_translations_stamp AFTER INSERT OR UPDATE OR DELETE ON pending_translations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
DROP TRIGGER attachments_stamp ON attachments;
CREATE CONSTRAINT TRIGGER attachments_stamp AFTER INSERT OR UPDATE OR DELETE ON attachments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
