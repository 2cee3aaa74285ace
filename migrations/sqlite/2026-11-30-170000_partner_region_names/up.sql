-- Each partner's region as each language names it: a JSON object from language code to name
-- (`{"ro": "București-Ilfov"}`); a language it lacks reads `region`.
ALTER TABLE partners ADD COLUMN region_names TEXT NOT NULL DEFAULT '{}';
