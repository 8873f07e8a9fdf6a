//! Supervision that helps (issue 21): each unit's risk score with the factors that make it
//! (explainable; weights and the hazard table as data) and inspection plans within the
//! office's capacity, highest risk first plus a reproducible random share. Reads start from
//! `access::supervision`'s scope; entities stay private.

mod api;
mod clinics;
mod complaint_api;
mod complaint_entity;
mod complaint_files;
mod complaint_pages;
mod complaints;
mod draft;
mod entity;
mod error;
mod evidence;
mod evidence_api;
mod evidence_entity;
mod evidence_pages;
mod figures;
mod findings;
mod hazards;
mod inspection_api;
mod inspection_entity;
mod inspection_pages;
mod inspections;
mod measure_api;
mod measure_pages;
mod measures;
mod model;
mod pages;
mod plan_pages;
mod plans;
mod sample_api;
mod sample_pages;
mod samples;
mod score_rows;
mod scores;
mod unsafe_pages;
mod unsafe_products;
mod view;
mod weights;

pub use complaints::{ERROR_CODES as COMPLAINT_ERROR_CODES, MAIL_KINDS};
// The use cases the demo (`crate::demo::supervision`) makes its history through.
pub use clinics::{book as book_clinic, offer as offer_clinic};
pub use complaints::{
    ComplaintMove, advance as advance_complaint, file as file_complaint, get as complaint,
    list as complaints, unit_choices as complaint_unit_choices,
};
pub use error::{ERROR_CODES, SupervisionError};
pub use evidence::ERROR_CODES as EVIDENCE_ERROR_CODES;
pub use findings::{CapaDraft, FindingDraft, FindingView, ReviewDraft};
pub use findings::{add as add_finding, review as review_finding, submit_capa};
pub use hazards::{replace as replace_hazards, to_csv as hazards_csv};
pub use inspections::{
    AnswerDraft, InspectionRow, InspectionView, ItemView, RecordDraft, ScheduleDraft,
};
pub use inspections::{
    answer as answer_item, get as inspection, record as record_inspection,
    schedule as schedule_inspection, start as start_inspection,
};
pub use measures::{
    MeasureDraft, MeasureView, decide as decide_measure, ladder, take as take_measure,
};
pub use model::capa::{Capa, Review, Severity, Verified};
pub use model::checklist::Answer;
pub use model::clinic::SlotDraft;
pub use model::complaint::{ComplaintDraft, ComplaintState};
pub use model::hazard::{HazardRow, HazardTable, MAX_CLASS, Scheme, parse_csv as parse_hazard_csv};
pub use model::inspection::Signature;
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
pub use unsafe_products::{UnsafeDraft, create as publish_unsafe};
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
            .merge(plan_pages::routes())
            .merge(inspection_pages::routes())
            .merge(complaint_pages::routes())
            .merge(measure_pages::routes())
            .merge(unsafe_pages::routes())
            .merge(evidence_pages::routes())
            .merge(sample_pages::routes()),
    )
    .merge(api::api())
    .merge(inspection_api::api())
    .merge(complaint_api::api())
    .merge(measure_api::api())
    .merge(evidence_api::api())
    .merge(sample_api::api())
}

/// The risk ranking, for the province's office and inspectors and the national body.
pub fn nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    let mut out = match actor {
        Some(a) if rules::works_on_supervision(a) => {
            vec![
                NavEntry::work("/supervision/risk", "nav-supervision"),
                NavEntry::work("/supervision/inspections", "nav-inspections"),
            ]
        }
        Some(a) if rules::works_on_inspections(a) => {
            vec![NavEntry::work(
                "/supervision/inspections",
                "nav-inspections",
            )]
        }
        _ => vec![],
    };
    out.push(NavEntry::public("/supervision/unsafe", "nav-unsafe"));
    out.push(NavEntry::public(
        "/supervision/figures",
        "nav-supervision-figures",
    ));
    out.extend(complaint_nav(actor));
    out
}

/// Complaints for the office, clinics for the office and units, the complaint form for all.
fn complaint_nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    use crate::access::complaints as c;
    let mut out = vec![];
    if let Some(a) = actor {
        if c::complaint_scope(a).is_ok() {
            out.push(NavEntry::work("/supervision/complaints", "nav-complaints"));
        }
        if c::sees_clinics(a) {
            out.push(NavEntry::work("/supervision/clinics", "nav-clinics"));
        }
    }
    out.push(NavEntry::public("/complaints/new", "nav-complaint-new"));
    out
}
