//! Integration tests: every test starts the real server on a random port through
//! [`helpers::TestApp`], on SQLite, or on PostgreSQL when `TASHIL_TEST_POSTGRES_URL` is set.

mod audit;
mod audit_checkpoints;
mod auth;
mod bodies;
mod boundaries;
mod case_units;
mod cli;
mod deadlines;
mod deregulation;
mod dispute;
mod facilitation;
mod hardening;
mod helpers;
mod home;
mod i18n;
mod idle_memory;
mod import;
mod jobs;
mod licensing;
mod licensing_licences;
mod login_edge;
mod navigation;
mod notifications;
mod ops;
mod profile;
mod registry_access;
mod schema;
mod search;
mod security_headers;
mod smtp_sink;
mod snapshots;
mod standards;
mod stored_values;
mod sweep;
mod uploads;
