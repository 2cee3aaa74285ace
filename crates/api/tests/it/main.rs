//! API tests: the real application on a real port, on SQLite and on PostgreSQL.

mod support;

mod account_security;
mod accounts;
mod auth;
mod caching;
mod cli;
mod delivery;
mod digest;
mod documents;
mod edges;
mod errors;
mod exports;
mod following;
mod guards;
mod hostile;
mod knowledge;
mod layers;
mod migrations;
mod misleading;
mod openapi;
mod partners;
mod partnership;
mod preconditions;
mod reading;
mod resilience;
mod review;
mod smtp;
mod time_zones;
mod tracking;
mod web;
mod web_admin;
mod web_conflict;
mod web_files;
mod web_readable;
