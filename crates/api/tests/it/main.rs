//! API tests: the real application on a real port, on SQLite and on PostgreSQL.

mod support;

mod accounts;
mod auth;
mod caching;
mod cli;
mod delivery;
mod digest;
mod documents;
mod errors;
mod hostile;
mod knowledge;
mod migrations;
mod openapi;
mod partners;
mod preconditions;
mod resilience;
mod smtp;
mod tracking;
mod web;
