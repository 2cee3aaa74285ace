DROP TRIGGER documents_stamp ON documents;
DROP TRIGGER document_themes_stamp ON document_themes;
DROP TRIGGER document_texts_stamp ON document_texts;
DROP TRIGGER action_items_stamp ON action_items;
DROP TRIGGER plan_actions_stamp ON plan_actions;
DROP TRIGGER action_inspirations_stamp ON action_inspirations;
CREATE OR REPLACE FUNCTION bump_content_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER documents_stamp AFTER INSERT OR UPDATE OR DELETE ON documents
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
CREATE CONSTRAINT TRIGGER document_themes_stamp AFTER INSERT OR UPDATE OR DELETE ON document_themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
CREATE CONSTRAINT TRIGGER document_texts_stamp AFTER INSERT OR UPDATE OR DELETE ON document_texts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
CREATE CONSTRAINT TRIGGER action_items_stamp AFTER INSERT OR UPDATE OR DELETE ON action_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
CREATE CONSTRAINT TRIGGER plan_actions_stamp AFTER INSERT OR UPDATE OR DELETE ON plan_actions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
CREATE CONSTRAINT TRIGGER action_inspirations_stamp AFTER INSERT OR UPDATE OR DELETE ON action_inspirations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
DROP TABLE content_changes;
