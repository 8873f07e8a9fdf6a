//! Licences and permits: permit types defined as data by the national body, applications
//! moved step by step against working-day deadlines by the office that decides each step,
//! silence as consent, rejections that cite conditions, a fast track earned by quality.

mod api;
mod application_pages;
mod apply;
mod calendar;
mod credential_facts;
mod delegation_pages;
mod documents;
mod entity;
mod error;
mod exchange;
mod exchange_pages;
mod lead_time;
mod lead_time_api;
mod lead_time_fill;
mod lead_time_page;
mod lead_time_read;
mod licences;
mod messages;
mod model;
mod moves;
mod notices;
mod permit_admin;
mod permit_edit_pages;
mod permit_new_page;
mod permit_type_pages;
mod permit_types;
mod query;
mod read;
mod record;
mod register_page;
mod silence;
mod steps;
mod track_page;
mod view;

pub use apply::apply;
pub use calendar::recount_deadlines;
pub use credential_facts::{LicenceFacts, licence_by_number, licence_entry, licence_facts};
pub use error::{ERROR_CODES, LicensingError};
pub use moves::act;
pub use permit_types::{
    create as create_permit_type, define, delegate, delegate_many, delegations, get as permit_type,
    import, list as permit_types,
};
pub use read::{
    ApplicationFilter, applicant_organisation, get as application, list as applications, track,
};
pub use silence::pass_by_silence;

/// Licensing's periodic work: consent steps past their deadline pass by silence; licences past
/// their last valid day expire.
pub const JOBS: &[crate::jobs::Job] = &[
    crate::jobs::Job::new("pass_steps_by_silence", silence::job),
    crate::jobs::Job::new("expire_licences", lifecycle::expire_job),
    crate::jobs::Job::new("remind_licence_renewals", reminders::job),
];
pub use view::*;

use utoipa_axum::router::OpenApiRouter;

use crate::web::AppState;

/// The applications for who works on them, the permit types for the national body; the public register, the lead-time figures and
/// tracking, for anyone.
pub fn nav(actor: Option<&crate::access::Actor>) -> Vec<crate::web::NavEntry> {
    use crate::web::NavEntry;
    let work = actor.is_some_and(crate::access::licensing::works_on_applications);
    let mut entries = Vec::new();
    if work {
        entries.push(NavEntry::work("/applications", "nav-applications"));
    }
    if actor.is_some_and(crate::access::licensing::defines_permit_types) {
        entries.push(NavEntry::work("/permit-types", "nav-permit-types"));
    }
    entries.extend([
        NavEntry::public("/licences", "nav-licences"),
        NavEntry::public("/lead-times", "nav-lead-times"),
        NavEntry::public("/track", "nav-track"),
    ]);
    entries
}

/// Licensing's pages and API.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(
        track_page::routes()
            .merge(application_pages::routes())
            .merge(lead_time_page::routes())
            .merge(register_page::routes())
            .merge(permit_type_pages::routes())
            .merge(permit_edit_pages::routes())
            .merge(delegation_pages::routes())
            .merge(permit_new_page::routes()),
    )
    .merge(api::api())
    .merge(lead_time_api::api())
    .merge(licence_api::api())
}
pub use model::{
    Applied, Condition, DocumentDef, Effect, Fact, FastTrackRule, Fee, PermitDefinition, Rejection,
    Status, StepActor, StepDef, StepKind, StepOutcome, Tri, UnitRecord,
};

// Licences after issue: lifecycle, the public register.
mod licence_api;
mod lifecycle;
mod register;
mod register_fill;
mod register_terms;
mod register_view;
mod reminders;
pub use lead_time_fill::fill as fill_lead_times;
pub use lead_time_read::{LeadTimeQuery, LeadTimes, figures as lead_time_figures};
pub use register_fill::fill as fill_register;
mod renew;
pub use lifecycle::expire as expire_licences;
// Supervision's ladder suspends or revokes in its own transaction (issue 21).
pub use lifecycle::{Sanction, sanction as sanction_licence};
pub use notices::KINDS as MAIL_KINDS;
pub use register::search as search_register;
pub use register_view::{
    CoveredProduct, LicenceActionInput, LicenceEntry, RegisterPage, RegisterQuery,
};
pub use reminders::remind as remind_renewals;
pub use renew::renew;

// Supervision's risk score reads each unit's licence standing (issue 21).
mod standing;
pub use model::LicenceStatus;
pub use standing::licence_standing_by_unit;
