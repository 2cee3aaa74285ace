DROP TRIGGER partners_stamp ON partners;
DROP TRIGGER documents_stamp ON documents;
DROP TRIGGER document_themes_stamp ON document_themes;
DROP TRIGGER document_texts_stamp ON document_texts;
DROP TRIGGER action_items_stamp ON action_items;
DROP TRIGGER plan_actions_stamp ON plan_actions;
DROP TRIGGER action_inspirations_stamp ON action_inspirations;
DROP FUNCTION bump_content_stamp();
DROP TABLE content_stamp;
