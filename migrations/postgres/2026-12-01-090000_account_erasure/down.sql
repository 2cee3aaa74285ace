DROP TRIGGER account_erasures_logged ON account_erasures;
DROP TRIGGER users_name_logged ON users;
DROP TABLE account_erasures;
