//! Supervision that helps (issue 21): each unit's risk score with the factors that make it
//! (explainable; weights and the hazard table as data) and inspection plans within the
//! office's capacity, highest risk first plus a reproducible random share. Reads start from
//! `access::supervision`'s scope; entities stay private.

mod api;
mod draft;
mod entity;
mod error;
mod figures;
mod hazards;
mod measure_api;
mod measure_pages;
mod measures;
mod model;
mod pages;
mod plans;
mod scores;
mod unsafe_pages;
mod unsafe_products;
mod view;
mod weights;

pub use error::{ERROR_CODES, SupervisionError};
pub use hazards::{replace as replace_hazards, to_csv as hazards_csv};
pub use measures::{
    MeasureDraft, MeasureView, decide as decide_measure, ladder, take as take_measure,
};
pub use model::hazard::{HazardRow, HazardTable, MAX_CLASS, Scheme, parse_csv as parse_hazard_csv};
pub use model::ladder::{Rung, RungEdit};
pub use model::planner::{
    Candidate, Outlook, Params as PlanParams, Pick, Plan, Reason as PickReason, outlook, propose,
};
pub use model::risk::{Factor, Facts, LicenceStanding, Line, Score, Weights, score};
pub use plans::{
    CapacityDraft, PlanEdit, PlanUnitView, PlanView, ProposalDraft, approve as approve_plan,
    edit as edit_plan, get as plan, list as plans, propose as propose_plan, set_capacity,
};
pub use scores::{explain, ranked, recompute};
pub use view::{Explanation, RiskRow};
pub use weights::{WeightsInForce, current as weights, set as set_weights};

use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::access::supervision as rules;
use crate::web::{AppState, NavEntry};

/// Its pages and its API (each API path and its OpenAPI entry written once, on the handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(
        pages::routes()
            .merge(measure_pages::routes())
            .merge(unsafe_pages::routes()),
    )
    .merge(api::api())
    .merge(measure_api::api())
}

/// The risk ranking, for the province's office and inspectors and the national body.
pub fn nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    let mut entries = match actor {
        Some(a) if rules::works_on_supervision(a) => {
            vec![NavEntry::work("/supervision/risk", "nav-supervision")]
        }
        _ => vec![],
    };
    entries.push(NavEntry::public("/supervision/unsafe", "nav-unsafe"));
    entries.push(NavEntry::public(
        "/supervision/figures",
        "nav-supervision-figures",
    ));
    entries
}
