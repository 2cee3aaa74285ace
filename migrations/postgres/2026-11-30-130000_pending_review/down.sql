DROP TABLE pending_translations;
DROP TABLE document_drafts;
