//! The standards catalogue: national and international standards, their lifecycle and
//! clauses with measurable requirements, the mandatory list, public enquiry on drafts, and
//! search over all of it. `model` holds the rules, `service`/`enquiry`/`mandatory` the use
//! cases, `pages`/`api` the thin handlers, `exchange` the CSV/XLSX/JSON import and export.

mod api;
mod enquiry;
mod entity;
mod exchange;
mod filters;
mod index_docs;
mod lists;
mod mandatory;
mod model;
mod pages;
mod search;
mod service;
mod store;
mod waiting;
mod walk;

pub(crate) use enquiry::{seed_comment, seed_response};
pub use exchange::{ExportFormat, StandardRecord, all_records, export_file, import};
pub use index_docs::{all_index_docs, index_docs_of};
/// The mandatory standards in force for an HS code (licensing applies against them).
pub use lists::{COUNTRIES as MANDATORY_COUNTRIES, MandatoryIn};
pub use mandatory::{MandatoryMatch, for_hs as mandatory_for_hs};
pub use model::{ClauseDraft, ProductScopeDraft, StandardDraft, Status, VIETNAMESE_BODIES};
pub use service::{ClauseView, StandardView, StandardsError, get, insert_demo};
pub use store::NewStandard;
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
