DROP TABLE digest_outbox;
