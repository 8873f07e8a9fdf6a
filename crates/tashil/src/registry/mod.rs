//! The registry of production units: who produces what, where, under which activity code.
//! `model` holds the rules, `service` the use cases (scoped and audited), `pages`/`api` the
//! thin HTTP handlers, `import`/`export` the spreadsheet exchange, `profile` the provincial
//! industrial profile.

mod api;
mod entity;
mod export;
mod import;
/// What other contexts may read of the registry, without its tables: a facade by design.
pub mod lookup;
mod model;
mod pages;
mod profile;
mod query;
mod service;
mod store;
mod tallies;
mod terms;

pub use export::export_rows;
pub use import::{Column, Importer, header_label, import_units};
pub use model::{
    FieldError, ProductDraft, QcManagerDraft, SizeClass, UnitDraft, UnitStatus, ValidUnit,
    parse_national_id,
};
pub use profile::from_tallies;
pub use service::{
    RegistryError, UnitDetail, UnitFilter, UnitPage, UnitSummary, attach_organisation, create,
    insert_demo,
};
/// The profile's counts as kept on write, and as recounted from the units (tests hold the
/// two equal after every kind of write).
pub use tallies::{Tally, of_country as tallies_of_country, recount as recount_tallies};

use utoipa_axum::router::OpenApiRouter;

use crate::access::Actor;
use crate::web::{AppState, NavEntry};

/// The registry's pages, its provincial profiles and its API (each API path and its OpenAPI
/// entry written once, on the handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(pages::routes().merge(profile::routes())).merge(api::api())
}

/// The units for those who may read some (a unit user's own: "my unit"); the provinces'
/// industrial profiles for anyone.
pub fn nav(actor: Option<&Actor>) -> Vec<NavEntry> {
    let mut nav = vec![];
    if let Some(scope) = actor.and_then(|a| crate::access::units::read_scope(a).ok()) {
        let key = if scope.is_own_unit() {
            "nav-my-unit"
        } else {
            "nav-units"
        };
        nav.push(NavEntry::work("/units", key));
    }
    nav.push(NavEntry::public("/provinces", "nav-profiles"));
    nav
}
