//! The deregulation register (seeds 002, 003): rules reported as redundant or costly, the
//! province's deregulation board reviewing, deciding and publishing, and the public list of
//! its decisions. Reads start from `access::deregulation`'s scope; entities stay private.

mod api;
mod entity;
mod model;
mod pages;
mod public;
mod query;
mod service;
mod waiting;

pub use model::{Decision, DecisionDraft, RegulationDraft, RegulationStatus};
pub use service::{DeregulationError, ERROR_CODES, decide, publish, report, review};
pub use waiting::{KEYS as WAITING_KEYS, waiting};

use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::web::{AppState, NavEntry};

/// The register's pages and its API (each API path and its OpenAPI entry written once, on the
/// handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(pages::routes()).merge(api::api())
}

/// The register for those whose scope reaches past the published decisions (anyone reads
/// those at `/provinces/{code}/regulations`).
pub fn nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    match actor {
        Some(a) if crate::access::deregulation::works_on_register(a) => {
            vec![NavEntry::work("/regulations", "nav-regulations")]
        }
        _ => vec![],
    }
}
