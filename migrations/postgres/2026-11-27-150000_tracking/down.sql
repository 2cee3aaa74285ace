DROP TABLE calendar_tokens;
DROP TABLE deliverable_history;
DROP TABLE deliverable_evidence;
DROP TABLE deliverable_partners;
DROP TABLE deliverables;
DROP TABLE work_packages;
DROP TABLE periods;
