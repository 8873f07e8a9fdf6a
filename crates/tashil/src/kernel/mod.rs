//! What every bounded context shares: field errors, paging, bounded text, plausible dates,
//! uploaded files' checks, the items waiting for an actor, and what a node builds from the
//! database kept under a stamp's token.
//! Nothing here knows a context; contexts and `web/` build on it.

pub mod api;
pub mod clock;
mod dates;
mod desk_error;
mod hs;
pub mod import;
mod names;
mod paging;
pub mod sealing;
pub mod sheet_columns;
mod stamped;
mod stored;
mod text;
pub mod upload;
mod versioned;
mod waiting;

pub use dates::{DateOutOfRange, plausible_date};
pub use desk_error::{DeskError, StateConflict};
pub use hs::hs_digits;
pub use names::display_name;
pub use paging::Paging;
pub use stamped::Stamped;
pub use stored::stored;
pub use text::{bounded, bounded_optional, capped, optional_number, required};
pub use versioned::{Unsaved, save_at_version};
pub use waiting::{DUE_SOON_DAYS, Urgency, Waiting, most_urgent_first};

use serde::Serialize;

/// A problem with one field, named as the form, the API and the import report name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    /// What the reader may also be told (e.g. where a duplicate is, for those who may see it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str) -> Self {
        Self {
            field: field.into(),
            code,
            detail: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}
