DROP TABLE search_keys;
