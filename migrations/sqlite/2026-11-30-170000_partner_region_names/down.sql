ALTER TABLE partners DROP COLUMN region_names;
