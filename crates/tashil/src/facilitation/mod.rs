//! The facilitation desk (seeds 002, 003): production obstacles reported by units, triaged by
//! the province's technical committee, decided by working groups whose resolutions bind
//! agencies, followed up to resolution, and counted on a public page. `model` holds the rules,
//! `cases`/`meetings`/`followup` the use cases, `public` the accountability figures, `api` the
//! thin handlers.

mod api;
mod attachments;
mod bodies;
mod calendar;
mod case_units;
mod cases;
mod entity;
mod followup;
mod meetings;
mod model;
mod naming;
mod notices;
mod pages;
mod public;
mod query;
mod reporter;
mod waiting;

// The desk's use cases (the demo makes its history through them) and the types they take.
pub use bodies::{BodyDraft, create_body};
pub use calendar::{number_prefix, recount_deadlines};
pub use cases::{Triage, report, triage};
pub use followup::{Progress, cancel_resolution, flag_overdue, report_progress};
pub use meetings::{
    AgendaDraft, MeetingRecord, add_agenda_item, add_resolution, record_meeting, schedule_meeting,
};
pub use model::{BodyKind, CaseDraft, Category, FieldError, ResolutionDraft};
/// The messages the desk sends (the contract's mail kinds).
pub use notices::KINDS as MAIL_KINDS;
pub use reporter::{Reply, confirm, reply};
pub use waiting::{KEYS as WAITING_KEYS, waiting};

use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::access::facilitation as rules;
use crate::web::{AppState, NavEntry};

/// The desk's periodic work (the contract's jobs): each resolution past its deadline is
/// flagged once, and its agency and secretariat told.
pub const JOBS: &[crate::jobs::Job] = &[crate::jobs::Job::new(
    "flag_overdue_resolutions",
    followup::flag_overdue_job,
)];

/// The desk's pages and its API (each API path and its OpenAPI entry written once, on the
/// handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(pages::routes()).merge(api::api())
}

/// The cases for those who may read some; the resolutions for the bound agencies and the
/// secretariats; the meetings for the secretariats.
pub fn nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    let Some(a) = actor.filter(|a| rules::case_scope(a).is_ok()) else {
        return vec![];
    };
    let mut nav = vec![NavEntry::work("/cases", "nav-cases")];
    if rules::lists_resolutions(a) {
        nav.push(NavEntry::work("/resolutions", "nav-resolutions"));
    }
    if rules::secretariat_scope(a).is_ok() {
        nav.push(NavEntry::work("/meetings", "nav-meetings"));
    }
    nav
}

/// The desk's cases and resolutions (the conflict code of a move their state forbids).
#[derive(Debug)]
pub struct Cases;

impl crate::kernel::StateConflict for Cases {
    const CODE: &'static str = "case_state_conflict";
}

pub type FacilitationError = crate::kernel::DeskError<Cases>;
