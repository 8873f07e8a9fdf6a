//! Online quality assurance (issue 20): the characteristics a unit controls (a measured
//! variable with its specification, perhaps a catalogue clause's, or an attribute), the
//! subgroups it measures (by API token, file upload or the phone form: all or nothing, a
//! batch once), control limits frozen from a phase-I baseline with their history, and each
//! characteristic's monitor kept incrementally (`tashil_spc`; ADR 0023). Reads start from
//! `access::quality`'s scope; entities stay private.

mod advice_api;
mod advice_desk;
mod advice_escalation;
mod advice_mail;
mod advice_pages;
mod advice_row;
mod advices;
mod api;
mod characteristics;
mod chart;
mod chart_svg;
mod entity;
mod error;
mod ingest;
mod limits;
mod model;
mod pages;
mod query;
mod sheet;
mod thresholds;
mod upload;
mod view;

// The compliance summary (issue 20, item 5).
mod capability_days;
mod compliance;
mod compliance_api;
mod compliance_pages;

pub use characteristics::{
    create as create_characteristic, delete as delete_characteristic, get as characteristic,
    list as characteristics, update as update_characteristic,
};
pub use compliance::{
    AdviceLine, CharacteristicMonthView, Compliance, ComplianceMonth, ComplianceQuery,
    UnitCompliance, UnitComplianceDetail, summary as compliance_summary, unit as unit_compliance,
};
pub use error::{ERROR_CODES, QualityError};
pub use ingest::{Batch, IngestAnswer, RowAnswer, SUBGROUP_COLUMNS, ingest};
pub use limits::{LimitsDraft, set as set_limits};
pub use model::characteristic::{CharacteristicDraft, Kind};
pub use model::subgroup::{MAX_SUBGROUPS, SubgroupInput};
pub use view::{
    CapabilityView, CharacteristicDetail, CharacteristicView, IndexView, LimitsView, PointView,
    ViolationView,
};

use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::access::quality as rules;
use crate::web::{AppState, NavEntry};

/// Its pages and its API (each API path and its OpenAPI entry written once, on the handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(
        pages::routes()
            .merge(advice_pages::routes())
            .merge(compliance_pages::routes()),
    )
    .merge(api::api())
    .merge(advice_api::api())
    .merge(compliance_api::api())
}

/// The characteristics, for the unit's users, its province's office and inspectors and the
/// national body.
pub fn nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    match actor {
        Some(a) if rules::works_on_quality(a) => {
            let mut out = vec![NavEntry::work("/quality", "nav-quality")];
            if rules::authorize_manage(a).is_ok() {
                out.push(NavEntry::work("/quality/advice", "nav-quality-advice"));
            }
            if rules::works_on_queue(a) {
                out.push(NavEntry::work("/quality/queue", "nav-quality-queue"));
            }
            if rules::authorize_thresholds(a).is_ok() {
                out.push(NavEntry::work(
                    "/quality/thresholds",
                    "nav-quality-thresholds",
                ));
            }
            out.push(NavEntry::work(
                "/quality/compliance",
                "nav-quality-compliance",
            ));
            out
        }
        _ => vec![],
    }
}

// Advice before enforcement (issue 20, item 5; ADR 0026): the rules the advice desk is built
// on, shown as services like the rest of the context.
pub use model::advice::*;
pub use model::compliance::*;
pub use model::escalation::*;

// The advice desk (issue 20, item 5): advice raised at ingest, the unit's moves, the
// province's quality queue, the daily escalation and the thresholds as data.
pub use advice_escalation::escalate_due as escalate_advice;
pub use advice_mail::KINDS as MAIL_KINDS;
pub use advices::{
    AdviceFilter, AdviceList, AdviceView, Move as AdviceMove, act as act_on_advice, get as advice,
    list as advice_list, queue as advice_queue,
};
pub use thresholds::{ThresholdsDraft, ThresholdsView, set as set_thresholds};

/// The daily escalation of advice left unanswered past its day.
pub const JOBS: &[crate::jobs::Job] = &[crate::jobs::Job::new(
    "escalate_quality_advice",
    advice_escalation::job,
)];
// Supervision's risk score reads the advice not closed (issue 21).
mod advice_counts;
pub use advice_counts::open_advice_by_unit;
