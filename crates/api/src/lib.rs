//! The MICROFUTURE Exchange server: the JSON API under `/api/v1`, operational endpoints,
//! authentication, and the `mfx` command line.

pub mod auth;
pub mod backup;
pub mod bench_data;
pub mod bootstrap;
pub mod cli;
pub mod client_address;
pub mod clock;
pub mod csv;
pub mod demo;
pub mod download;
pub mod error;
pub mod filetype;
pub mod ical;
pub mod indexing;
pub mod json;
pub mod mail;
pub mod markdown;
pub mod metrics;
pub mod middleware;
pub mod openapi;
pub mod personal_export;
pub mod private_file;
pub mod progress;
pub mod response_cache;
pub mod retention;
pub mod route_table;
pub mod routes;
pub mod server;
pub mod settings;
pub mod state;
pub mod telemetry;
pub mod text;
pub mod transfer;
pub mod usecases;
pub mod web;
