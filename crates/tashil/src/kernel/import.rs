//! What an import (of any context) answers: all or nothing, with every problem located as in
//! the spreadsheet, and where it stands while it runs.

/// One problem, located as in the spreadsheet: row number and column letter and header.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Issue {
    pub row: usize,
    /// Column letter ("C"), when the problem is in one cell or column.
    pub column: Option<String>,
    /// The column's header as written in the file, or the expected column's key.
    pub header: Option<String>,
    pub code: String,
    /// Extra detail for the message (e.g. the likely encoding, or the first row of a duplicate).
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub imported: usize,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
}

impl ImportReport {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Where the import stands, for progress bars.
pub trait Progress: Send + Sync {
    fn stage(&self, _name: &'static str, _total: u64) {}
    fn advance(&self, _n: u64) {}
}

pub struct NoProgress;
impl Progress for NoProgress {}
