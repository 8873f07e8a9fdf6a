//! The registry of production units: who produces what, where, under which activity code.
//! `model` holds the rules, `service` the use cases (scoped and audited), `pages`/`api` the
//! thin HTTP handlers, `import`/`export` the spreadsheet exchange, `profile` the provincial
//! industrial profile.

mod entity;
pub mod export;
pub mod import;
pub mod lookup;
pub mod model;
pub mod pages;
pub mod profile;
mod query;
pub mod service;
mod store;
pub(crate) use service::snapshot_json;
pub mod api;
mod terms;

pub use model::{FieldError, ProductDraft, QcManagerDraft, SizeClass, UnitDraft, UnitStatus};
pub use service::{RegistryError, UnitDetail, UnitFilter, UnitPage, UnitSummary};
