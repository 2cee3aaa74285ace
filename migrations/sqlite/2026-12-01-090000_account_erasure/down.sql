DROP TRIGGER account_erasures_logged_insert;
DROP TRIGGER account_erasures_logged;
DROP TRIGGER users_name_logged;
DROP TABLE account_erasures;
