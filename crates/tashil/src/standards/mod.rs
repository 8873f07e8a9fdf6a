//! The standards catalogue: national and international standards, their lifecycle and
//! clauses with measurable requirements, the mandatory list, public enquiry on drafts, and
//! search over all of it. `model` holds the rules, `service`/`enquiry`/`mandatory` the use
//! cases, `pages`/`api` the thin handlers, `exchange` the CSV/XLSX/JSON import and export.

pub mod api;
pub mod enquiry;
mod entity;
pub mod exchange;
pub mod index_docs;
pub mod mandatory;
pub mod model;
pub mod pages;
pub mod search;
pub mod service;
pub mod store;
mod waiting;
mod walk;

pub use model::{ClauseDraft, ProductScopeDraft, StandardDraft, Status};
pub use service::{StandardView, StandardsError};
pub use waiting::{KEYS as WAITING_KEYS, waiting};

use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::web::{AppState, NavEntry};

/// The catalogue's pages (with import and export) and its API (each API path and its OpenAPI
/// entry written once, on the handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(pages::routes()).merge(api::api())
}

/// The catalogue and the mandatory list, for anyone.
pub fn nav(_: Option<&Actor>) -> Vec<NavEntry> {
    vec![
        NavEntry::public("/standards", "nav-standards"),
        NavEntry::public("/mandatory", "nav-mandatory"),
    ]
}
