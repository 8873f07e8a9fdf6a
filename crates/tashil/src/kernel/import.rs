//! What an import (of any context) answers: all or nothing, with every problem located as in
//! the spreadsheet, and where it stands while it runs.

/// One problem, located as in the spreadsheet: row number and column letter and header.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Issue {
    /// The row as Excel numbers it; `null` when the problem is the file's as a whole (its
    /// format, its sheet, its header row), which no row number would describe.
    pub row: Option<usize>,
    /// Column letter ("C"), when the problem is in one cell or column.
    pub column: Option<String>,
    /// The column's header as written in the file, or the expected column's key.
    pub header: Option<String>,
    pub code: String,
    /// Extra detail for the message (e.g. the likely encoding, or the first row of a duplicate).
    pub detail: Option<String>,
}

impl Issue {
    /// A problem in row `row` (1-based, as Excel shows it), in column `column` (a letter)
    /// headed `header` when it is one cell's or one column's.
    pub fn at(row: usize, column: Option<String>, header: Option<String>, code: &str) -> Self {
        Issue {
            row: Some(row),
            column,
            header,
            code: code.to_string(),
            detail: None,
        }
    }

    /// A problem with the file as a whole.
    pub fn file(code: &str) -> Self {
        Issue {
            row: None,
            column: None,
            header: None,
            code: code.to_string(),
            detail: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Why a sheet could not be read: located when the reader names a cell (a formula, a
    /// merged range: the range whole in `detail`) or a CSV row, else the file's.
    pub fn of_sheet(e: &tashil_sheets::SheetError) -> Self {
        let params = e.params();
        let get = |k: &str| params.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
        let mut issue = Issue::file(e.code());
        if let Some(cell) = get("cell") {
            let letters: String = cell
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            issue.row = cell[letters.len()..].parse().ok();
            issue.column = Some(letters);
        }
        if let Some(r) = get("row").and_then(|r| r.parse().ok()) {
            issue.row = Some(r);
        }
        issue.detail = get("range")
            .or_else(|| get("likely_encoding"))
            .or_else(|| get("encoding"))
            .or_else(|| get("label"))
            .or_else(|| get("limit"));
        issue
    }
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
