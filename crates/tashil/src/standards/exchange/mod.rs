//! Catalogue exchange: import from CSV, XLSX (one row per standard, products as a list of HS
//! codes) or JSON (the full record with clauses), checked completely before anything is
//! written and committed all together; export of the filtered catalogue in the same shapes,
//! so an export imports back.
//!
//! `columns` is the flat shape of a sheet, `read` turns a file into records, `import` checks
//! and writes them, `export` selects and reads them back, `file` writes them in a format, `pages` holds the
//! handlers.

mod columns;
mod export;
mod file;
mod import;
mod pages;
mod read;

use serde::{Deserialize, Serialize};

use super::model::StandardDraft;

pub use export::all_records;
pub use file::{ExportFormat, export_file};
pub use import::import;
pub use pages::routes;

/// One standard as exchanged: the draft plus the state the body gave it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StandardRecord {
    #[serde(flatten)]
    pub draft: StandardDraft,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub mandatory: bool,
    #[serde(default)]
    pub mandatory_from: Option<String>,
    /// The countries whose mandatory lists it stands on (`IR`, `VN`); none named: its
    /// body's country's (an international standard: both).
    #[serde(default)]
    pub mandatory_in: Vec<String>,
    #[serde(default)]
    pub enquiry_deadline: Option<String>,
}
