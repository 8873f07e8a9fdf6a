//! The deregulation register (seeds 002, 003): rules reported as redundant or costly, the
//! province's deregulation board reviewing, deciding and publishing, and the public list of
//! its decisions. Reads start from `access::deregulation`'s scope; entities stay private.

pub mod api;
mod entity;
pub mod model;
pub mod pages;
pub mod public;
mod query;
pub mod service;
mod waiting;
pub use waiting::{KEYS as WAITING_KEYS, waiting};

pub use model::{
    BoardMove, Decision, DecisionDraft, PublicRegulation, RegulationDraft, RegulationFilter,
    RegulationStatus, RegulationSummary, RegulationView,
};
pub use public::published;
pub use service::{
    DeregulationError, ERROR_CODES, STATE_CONFLICT, decide, get, list, publish, report, review,
};
