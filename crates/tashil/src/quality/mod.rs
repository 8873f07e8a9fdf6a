//! Online quality assurance (issue 20): the characteristics a unit controls (a measured
//! variable with its specification, perhaps a catalogue clause's, or an attribute), the
//! subgroups it measures (by API token, file upload or the phone form: all or nothing, a
//! batch once), control limits frozen from a phase-I baseline with their history, and each
//! characteristic's monitor kept incrementally (`tashil_spc`; ADR 0023). Reads start from
//! `access::quality`'s scope; entities stay private.

mod advice_row;
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
mod upload;
mod view;

pub use characteristics::{
    create as create_characteristic, delete as delete_characteristic, get as characteristic,
    list as characteristics, update as update_characteristic,
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
    OpenApiRouter::from(pages::routes()).merge(api::api())
}

/// The characteristics, for the unit's users, its province's office and inspectors and the
/// national body.
pub fn nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    match actor {
        Some(a) if rules::works_on_quality(a) => {
            vec![NavEntry::work("/quality", "nav-quality")]
        }
        _ => vec![],
    }
}

// Advice before enforcement (issue 20, item 5; ADR 0026): the rules the advice desk is built
// on, shown as services like the rest of the context.
pub use model::advice::*;
pub use model::compliance::*;
pub use model::escalation::*;

// Supervision's risk score reads the advice not closed (issue 21).
mod advice_counts;
pub use advice_counts::open_advice_by_unit;
