//! Errors a sheet import or export can end in.
//!
//! Nothing here is shown to users as is: the app translates [`SheetError::code`] and fills
//! in [`SheetError::params`] (cell references, row numbers, encoding names, limits) in the
//! user's language. `Display` exists for logs and developers only.

use thiserror::Error;

/// Why a spreadsheet could not be read or written.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SheetError {
    /// Neither a CSV nor an XLSX workbook (by content and by name).
    #[error("unsupported file format: {file_name}")]
    UnsupportedFormat { file_name: String },
    /// Named `.xlsx` but not a zip container: another format renamed.
    #[error("file is named .xlsx but is not a zip container")]
    NotAZip,
    /// An old binary `.xls` (OLE) workbook: the user should save it as `.xlsx`.
    #[error("legacy .xls workbook; save it as .xlsx")]
    LegacyXls,
    /// An encrypted (password-protected) workbook, which Excel stores as OLE too.
    #[error("workbook is password protected")]
    PasswordProtected,
    /// The file ends early (an interrupted upload or copy).
    #[error("file is truncated")]
    Truncated,
    /// The container or its XML is damaged; `detail` is for logs, not for users.
    #[error("file is corrupt: {detail}")]
    Corrupt { detail: String },
    /// Inflated contents (declared or actual) or the table in memory would exceed `limit`
    /// bytes, or the compression ratio is only reachable by a zip bomb.
    #[error("file expands beyond {limit} bytes")]
    TooLarge { limit: u64 },
    /// A CSV that is not valid UTF-8; `likely_encoding` names what it probably is, so the
    /// user can declare it.
    #[error("CSV is not UTF-8; likely {likely_encoding}")]
    NotUtf8 { likely_encoding: String },
    /// The declared encoding label is not one we know.
    #[error("unknown encoding label {label:?}")]
    UnknownEncoding { label: String },
    /// The bytes are not valid in the declared (or BOM-announced) encoding.
    #[error("bytes are not valid {encoding}")]
    Undecodable { encoding: String },
    /// No non-empty row at all, so no header.
    #[error("no header row: the sheet is empty")]
    Empty,
    /// A header row but no data rows.
    #[error("the sheet has a header row but no data")]
    HeaderOnly,
    /// A formula; its cached value may be stale and it may not survive re-export.
    #[error("formula in cell {cell}")]
    Formula { cell: String },
    /// A merged region over data rows: `cell` is its top-left cell, `range` the whole
    /// region as Excel names it ("E10:E14").
    #[error("merged cells {range}")]
    MergedCell { cell: String, range: String },
    /// More data rows than `limit`.
    #[error("more than {limit} data rows")]
    TooManyRows { limit: usize },
    /// The workbook has no worksheet to read.
    #[error("workbook has no worksheet")]
    NoSheet,
    /// Malformed CSV; `row` is the row Excel would show, `detail` a snake_case code
    /// (`unclosed_quote`).
    #[error("malformed CSV at row {row}: {detail}")]
    Csv { row: usize, detail: String },
    /// An export cell holds more text than Excel allows in one cell (32,767 characters).
    #[error("cell {cell} is longer than Excel allows")]
    CellTooLong { cell: String },
    /// The XLSX writer failed; `detail` is for logs.
    #[error("could not write workbook: {detail}")]
    Write { detail: String },
}

impl SheetError {
    /// Stable snake_case identifier the app translates; never changes once published.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnsupportedFormat { .. } => "unsupported_format",
            Self::NotAZip => "not_a_zip",
            Self::LegacyXls => "legacy_xls",
            Self::PasswordProtected => "password_protected",
            Self::Truncated => "truncated",
            Self::Corrupt { .. } => "corrupt",
            Self::TooLarge { .. } => "too_large",
            Self::NotUtf8 { .. } => "not_utf8",
            Self::UnknownEncoding { .. } => "unknown_encoding",
            Self::Undecodable { .. } => "undecodable",
            Self::Empty => "empty",
            Self::HeaderOnly => "header_only",
            Self::Formula { .. } => "formula",
            Self::MergedCell { .. } => "merged_cell",
            Self::TooManyRows { .. } => "too_many_rows",
            Self::NoSheet => "no_sheet",
            Self::Csv { .. } => "csv_malformed",
            Self::CellTooLong { .. } => "cell_too_long",
            Self::Write { .. } => "write_failed",
        }
    }

    /// The structured parameters for the translated message, as `(name, value)` pairs
    /// named like the variant's fields.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::UnsupportedFormat { file_name } => vec![("file_name", file_name.clone())],
            Self::Corrupt { detail } | Self::Write { detail } => vec![("detail", detail.clone())],
            Self::TooLarge { limit } => vec![("limit", limit.to_string())],
            Self::NotUtf8 { likely_encoding } => {
                vec![("likely_encoding", likely_encoding.clone())]
            }
            Self::UnknownEncoding { label } => vec![("label", label.clone())],
            Self::Undecodable { encoding } => vec![("encoding", encoding.clone())],
            Self::Formula { cell } | Self::CellTooLong { cell } => vec![("cell", cell.clone())],
            Self::MergedCell { cell, range } => {
                vec![("cell", cell.clone()), ("range", range.clone())]
            }
            Self::TooManyRows { limit } => vec![("limit", limit.to_string())],
            Self::Csv { row, detail } => vec![("row", row.to_string()), ("detail", detail.clone())],
            Self::NotAZip
            | Self::LegacyXls
            | Self::PasswordProtected
            | Self::Truncated
            | Self::Empty
            | Self::HeaderOnly
            | Self::NoSheet => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_snake_case_and_params_name_cells() {
        let error = SheetError::Formula { cell: "C5".into() };
        assert_eq!(error.code(), "formula");
        assert_eq!(error.params(), [("cell", "C5".to_string())]);
        let csv = SheetError::Csv {
            row: 7,
            detail: "unclosed_quote".into(),
        };
        assert_eq!(
            csv.params(),
            [
                ("row", "7".to_string()),
                ("detail", "unclosed_quote".to_string())
            ]
        );
        for code in [
            SheetError::NotAZip.code(),
            csv.code(),
            SheetError::HeaderOnly.code(),
        ] {
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code}"
            );
        }
    }
}
