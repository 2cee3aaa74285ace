-- SQLite's full-text table gets stable row numbers in this step; PostgreSQL's search_index is
-- already keyed by (document_id, locale), so there is nothing to change here.
SELECT 1;
