//! The working calendar: the holiday tables and declared closures the national
//! administrator loads from a file (no release needed), over the tables compiled into
//! `tashil-text`; and the one place every context counts a deadline in working days.

mod api;
mod entity;
mod model;
mod pages;
mod read;
mod service;
mod store;
mod working;

pub use model::CalendarRow;
pub use service::{CalendarError, LoadReport, YearSummary, export, load, overview};
pub use working::{Calendars, Deadline, calendars};

use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::web::{AppState, NavEntry};

/// The calendar's page and its API (each API path and its OpenAPI entry written once, on
/// the handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(pages::routes()).merge(api::api())
}

/// The calendar page, for the national administrator.
pub fn nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    if crate::access::calendar::manages(actor) {
        vec![NavEntry::work("/calendar", "nav-calendar")]
    } else {
        vec![]
    }
}
