//! Supervision that helps (issue 21): each unit's risk score with the factors that make it
//! (explainable; weights and the hazard table as data) and inspection plans within the
//! office's capacity, highest risk first plus a reproducible random share. Reads start from
//! `access::supervision`'s scope; entities stay private.

mod model;

pub use model::hazard::{HazardRow, HazardTable, MAX_CLASS, Scheme, parse_csv as parse_hazard_csv};
pub use model::planner::{
    Candidate, Outlook, Params as PlanParams, Pick, Plan, Reason as PickReason, outlook, propose,
};
pub use model::risk::{Factor, Facts, LicenceStanding, Line, Score, Weights, score};
