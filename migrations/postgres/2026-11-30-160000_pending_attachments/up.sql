-- On a published document, a file added or removed waits for review with its pending draft:
-- `added` until the draft is published (hidden from readers without the trail right),
-- `removed` until then (still live). NULL: live, nothing pending.
ALTER TABLE attachments ADD COLUMN pending_change TEXT CHECK (pending_change IN ('added', 'removed'));

CREATE CONSTRAINT TRIGGER attachments_stamp AFTER INSERT OR UPDATE OR DELETE ON attachments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_content_stamp();
