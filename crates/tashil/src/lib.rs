//! Tashil: the platform standards bodies and provincial industry offices use to work with
//! producers. This crate is the application: CLI, HTTP server and the bounded contexts.
//! Read `docs/ARCHITECTURE.md` first.

pub mod access;
pub mod api;
pub mod app;
pub mod audit;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod conformity;
pub mod credentials;
pub mod db;
pub mod demo;
pub mod deregulation;
pub mod facilitation;
pub mod home;
pub mod i18n;
pub mod identity;
pub mod jobs;
pub mod kernel;
pub mod licensing;
pub mod mail;
pub mod memory;
pub mod programmes;
pub mod projects;
pub mod quality;
pub mod registry;
pub mod search;
pub mod standards;
pub mod supervision;
pub mod web;
