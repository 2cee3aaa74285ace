-- The content stamp becomes a log: every committed change to what document responses show
-- adds a row naming the document it changed (none for a partner's change, which may show on
-- any document), numbered by the stamp itself. The triggers run at commit and hold the stamp's
-- one row until the commit is visible, so the numbers follow the order of the commits, without
-- gaps: a reader that has applied every change up to n only needs the rows after n. Search
-- indexes and caches follow the log instead of starting again on every change.
CREATE TABLE content_changes (
    seq BIGINT PRIMARY KEY,
    document_id TEXT,
    at TIMESTAMP NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);

-- The trigger's argument names the column that holds the changed document's id; the second,
-- when given, names a plan action whose plan changed too.
CREATE OR REPLACE FUNCTION bump_content_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    stamp BIGINT;
    row_data JSONB;
    document TEXT;
BEGIN
    IF TG_OP = 'DELETE' THEN row_data := to_jsonb(OLD); ELSE row_data := to_jsonb(NEW); END IF;
    IF TG_NARGS > 0 THEN document := row_data ->> TG_ARGV[0]; END IF;
    UPDATE content_stamp SET value = value + 1 WHERE id = 1 RETURNING value INTO stamp;
    INSERT INTO content_changes (seq, document_id) VALUES (stamp, document);
    IF TG_NARGS > 1 THEN
        UPDATE content_stamp SET value = value + 1 WHERE id = 1 RETURNING value INTO stamp;
        INSERT INTO content_changes (seq, document_id)
            VALUES (stamp, (SELECT p.document_id FROM plan_actions p WHERE p.id = row_data ->> TG_ARGV[1]));
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER documents_stamp ON documents;
DROP TRIGGER document_themes_stamp ON document_themes;
DROP TRIGGER document_texts_stamp ON document_texts;
DROP TRIGGER action_items_stamp ON action_items;
DROP TRIGGER plan_actions_stamp ON plan_actions;
DROP TRIGGER action_inspirations_stamp ON action_inspirations;
CREATE CONSTRAINT TRIGGER documents_stamp AFTER INSERT OR UPDATE OR DELETE ON documents
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp('id');
CREATE CONSTRAINT TRIGGER document_themes_stamp AFTER INSERT OR UPDATE OR DELETE ON document_themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp('document_id');
CREATE CONSTRAINT TRIGGER document_texts_stamp AFTER INSERT OR UPDATE OR DELETE ON document_texts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp('document_id');
CREATE CONSTRAINT TRIGGER action_items_stamp AFTER INSERT OR UPDATE OR DELETE ON action_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp('document_id');
CREATE CONSTRAINT TRIGGER plan_actions_stamp AFTER INSERT OR UPDATE OR DELETE ON plan_actions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp('document_id');
CREATE CONSTRAINT TRIGGER action_inspirations_stamp AFTER INSERT OR UPDATE OR DELETE ON action_inspirations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp('practice_id', 'action_id');
