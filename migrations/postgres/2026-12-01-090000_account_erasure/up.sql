-- A person may ask for their account to be erased; a coordinator or an administrator confirms.
-- An erased account keeps its row in users (documents, revisions and activity name it) with
-- nothing personal left in it; this table says which accounts asked and which are erased.
CREATE TABLE account_erasures (
    user_id TEXT PRIMARY KEY REFERENCES users (id),
    requested_at TIMESTAMP,
    erased_at TIMESTAMP
);

-- Names show in the document histories that responses carry, so a changed or erased name is a
-- change of content for every cached answer.
CREATE CONSTRAINT TRIGGER users_name_logged AFTER UPDATE OF display_name ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name)
    EXECUTE FUNCTION bump_content_stamp();
CREATE CONSTRAINT TRIGGER account_erasures_logged AFTER INSERT OR UPDATE OF erased_at ON account_erasures
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.erased_at IS NOT NULL)
    EXECUTE FUNCTION bump_content_stamp();
