ALTER TABLE users DROP COLUMN digest_hour;
ALTER TABLE users DROP COLUMN digest_weekday;
ALTER TABLE users DROP COLUMN digest_frequency;
