//! The facilitation desk (seeds 002, 003): production obstacles reported by units, triaged by
//! the province's technical committee, decided by working groups whose resolutions bind
//! agencies, followed up to resolution, and counted on a public page. `model` holds the rules,
//! `cases`/`meetings`/`followup` the use cases, `public` the accountability figures, `api` the
//! thin handlers.

pub mod api;
pub mod attachments;
pub mod bodies;
pub mod calendar;
pub use calendar::recount_deadlines;
pub mod case_units;
pub mod cases;
mod entity;
pub mod followup;
pub mod meetings;
pub mod model;
mod naming;
mod notices;
/// The messages the desk sends (the contract's mail kinds).
pub use notices::KINDS as MAIL_KINDS;
pub mod pages;
pub mod public;
mod query;
pub mod reporter;
mod waiting;
pub use waiting::{KEYS as WAITING_KEYS, waiting};

use utoipa_axum::router::OpenApiRouter;

use crate::access::facilitation as rules;
use crate::access::{Actor, Denied};
use crate::web::{AppState, NavEntry};
pub use model::FieldError;

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

#[derive(Debug, thiserror::Error)]
pub enum FacilitationError {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("not found")]
    NotFound,
    #[error("invalid")]
    Invalid(Vec<FieldError>),
    #[error("not allowed in the current state")]
    BadState,
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl FacilitationError {
    pub fn invalid(field: &str, code: &'static str) -> Self {
        FacilitationError::Invalid(vec![FieldError::new(field, code)])
    }
}

impl From<FacilitationError> for crate::web::AppError {
    fn from(e: FacilitationError) -> Self {
        use crate::web::AppError;
        match e {
            FacilitationError::Denied(d) => d.into(),
            FacilitationError::NotFound => AppError::NotFound,
            FacilitationError::Invalid(f) => AppError::Invalid(f),
            FacilitationError::BadState => AppError::Conflict("case_state_conflict"),
            FacilitationError::Db(e) => AppError::internal(e),
        }
    }
}
