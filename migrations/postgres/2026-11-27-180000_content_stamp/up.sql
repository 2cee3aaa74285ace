-- One number that changes with every committed change to what document responses show:
-- cached responses are kept under it, so every instance sharing the database sees a change
-- as soon as it is committed. The triggers run at commit (deferred), so the row is locked only
-- for the instant of the commit and concurrent writers cannot deadlock on it.
CREATE TABLE content_stamp (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO content_stamp (id, value) VALUES (1, 0);

CREATE FUNCTION bump_content_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE content_stamp SET value = value + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER partners_stamp AFTER INSERT OR UPDATE OR DELETE ON partners
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
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
