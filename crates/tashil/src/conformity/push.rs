//! The lab API's push: a LIMS sends a call of results as JSON (`{"results": […]}`) or as a
//! sheet (CSV, or XLSX) under a header row naming [`ResultDraft`]'s fields, and gets each
//! row's verdict back, or each refused row's errors with nothing written. A JSON row is named
//! by its index in `results`; a sheet's row by its line as a spreadsheet numbers it (the
//! header is line 1), so a lab finds it in the file it sent.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use tashil_sheets::ReadOptions;

use super::error::ConformityError;
use super::model::result::{MAX_ROWS, ResultDraft};
use super::results::RowOutcome;
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::kernel::FieldError;
use crate::kernel::sheet_columns::{columns_of, file_error};

/// The columns a sheet may have, as its header row names them (any case).
pub const COLUMNS: &[&str] = &[
    "request_id",
    "clause",
    "value",
    "unit",
    "uncertainty",
    "coverage",
    "category",
    "method",
    "instrument",
    "measured_on",
    "lab_result_id",
];

/// Those every sheet must have.
const REQUIRED: &[&str] = &["request_id", "clause"];

/// One call of the lab API as JSON.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ResultPush {
    /// At most 20,000 rows a call (`MAX_RESULT_ROWS`); each row names its request.
    pub results: Vec<ResultDraft>,
}

/// The answer to a call that was written: every row's verdict, in the order sent.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PushAnswer {
    /// `row`: the index in `results` (JSON) or the line in the sheet (CSV, XLSX).
    pub results: Vec<RowOutcome>,
}

/// A call's body, by its content type.
pub enum PushBody<'a> {
    Json(&'a [u8]),
    /// CSV or XLSX, told apart by the bytes (`file_name` is what the reader is told).
    Sheet(&'a str, &'a [u8]),
}

/// A call's rows, each with its index (JSON) or line (sheet).
type Numbered = (Vec<usize>, Vec<ResultDraft>);

/// Reads a call and enters its rows (`results::enter`): all written, or none.
pub async fn push(
    db: &DatabaseConnection,
    actor: &Actor,
    body: PushBody<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<RowOutcome>, ConformityError> {
    rules::authorize_results(actor)?;
    let (lines, drafts) = match body {
        PushBody::Json(bytes) => {
            let p: ResultPush = serde_json::from_slice(bytes).map_err(|e| {
                ConformityError::Invalid(vec![
                    FieldError::new("body", "malformed_request").with_detail(e.to_string()),
                ])
            })?;
            ((0..p.results.len()).collect(), p.results)
        }
        PushBody::Sheet(name, bytes) => read_sheet(name, bytes)?,
    };
    if drafts.len() > MAX_ROWS {
        return Err(too_many());
    }
    match super::results::enter(db, actor, None, &drafts, now).await {
        Ok(out) => Ok(out
            .into_iter()
            .map(|o| RowOutcome {
                row: lines[o.row],
                ..o
            })
            .collect()),
        Err(ConformityError::Invalid(errs)) => Err(ConformityError::Invalid(
            errs.into_iter().map(|e| relabel(e, &lines)).collect(),
        )),
        Err(e) => Err(e),
    }
}

fn too_many() -> ConformityError {
    ConformityError::Invalid(vec![
        FieldError::new("results", "too_many_results").with_detail(MAX_ROWS.to_string()),
    ])
}

/// `results[3].value` of the rows as read becomes `results[5].value` of the lines sent.
fn relabel(mut e: FieldError, lines: &[usize]) -> FieldError {
    let index = e
        .field
        .strip_prefix("results[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(i, tail)| Some((i.parse::<usize>().ok()?, tail.to_string())));
    if let Some((i, tail)) = index
        && let Some(line) = lines.get(i)
    {
        e.field = format!("results[{line}]{tail}");
    }
    e
}

/// The rows of a sheet with their lines; every problem of the file or of a cell refuses it.
fn read_sheet(name: &str, bytes: &[u8]) -> Result<Numbered, ConformityError> {
    let opts = ReadOptions {
        max_rows: MAX_ROWS,
        ..Default::default()
    };
    let table = match tashil_sheets::read_table(name, bytes, &opts) {
        Ok(t) => t,
        Err(tashil_sheets::SheetError::TooManyRows { .. }) => return Err(too_many()),
        Err(e) => {
            return Err(ConformityError::Invalid(vec![file_error(
                e.code(),
                e.to_string(),
            )]));
        }
    };
    let at = columns_of(&table.headers, COLUMNS, REQUIRED, "unknown_result_column")
        .map_err(ConformityError::Invalid)?;
    let mut errs = vec![];
    let mut lines = Vec::with_capacity(table.rows.len());
    let mut drafts = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let mut cell = |field: &str| -> String {
            let Some(c) = at.get(field).map(|i| row.get(*i)) else {
                return String::new();
            };
            let text = match (field, c.as_datetime(table.date1904)) {
                // A day typed in Excel arrives as a serial: read it as the day it shows.
                ("measured_on", Some(dt)) => dt.date().to_string(),
                _ => c.as_text(),
            };
            // A CSV cell is text; one written as a formula would run when the file is
            // opened again in a spreadsheet, and its value is not what the lab measured.
            if text.trim_start().starts_with('=') {
                errs.push(FieldError::new(
                    format!("results[{}].{field}", row.number),
                    "formula",
                ));
            }
            text
        };
        let d = ResultDraft {
            request_id: cell("request_id"),
            clause: cell("clause"),
            value: cell("value"),
            unit: cell("unit"),
            uncertainty: cell("uncertainty"),
            coverage: cell("coverage"),
            category: cell("category"),
            method: cell("method"),
            instrument: cell("instrument"),
            measured_on: cell("measured_on"),
            lab_result_id: cell("lab_result_id"),
        };
        lines.push(row.number);
        drafts.push(d);
    }
    if !errs.is_empty() {
        return Err(ConformityError::Invalid(errs));
    }
    if drafts.is_empty() {
        return Err(ConformityError::Invalid(vec![file_error(
            "header_only",
            "",
        )]));
    }
    Ok((lines, drafts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Numbered, Vec<(String, &'static str)>> {
        read_sheet("results.csv", text.as_bytes()).map_err(|e| match e {
            ConformityError::Invalid(v) => v.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("{other:?}"),
        })
    }

    #[test]
    fn a_hostile_csv_is_read_as_the_lab_wrote_it() {
        // BOM, `;` separators, Persian digits, a quoted field with the separator in it, and
        // a blank line that still counts.
        let text = "\u{feff}Request_ID;clause;value;unit;method\n۱۲;5.1;۴۵٫۵;MPA;\"INSO 393; part 2\"\n\n12;5.2;3;P1;x\n";
        let (lines, d) = read(text).unwrap();
        assert_eq!(lines, [2, 4]);
        assert_eq!(
            (
                d[0].request_id.as_str(),
                d[0].value.as_str(),
                d[0].method.as_str()
            ),
            ("۱۲", "۴۵٫۵", "INSO 393; part 2")
        );
        assert_eq!(d[1].clause, "5.2");
    }

    #[test]
    fn formulas_unknown_and_missing_columns_are_refused() {
        assert_eq!(
            read("request_id,clause,value\n1,5.1,=1+1\n").unwrap_err(),
            [("results[2].value".to_string(), "formula")]
        );
        assert_eq!(
            read("request,clause,uncertainy\n1,5.1,2\n").unwrap_err(),
            [
                ("file".to_string(), "unknown_result_column"),
                ("file".to_string(), "unknown_result_column"),
                ("file".to_string(), "missing_column"),
            ]
        );
        assert_eq!(read("request_id,clause\n").unwrap_err()[0].1, "header_only");
    }

    #[test]
    fn errors_are_named_by_the_line_sent() {
        let e = relabel(FieldError::new("results[1].unit", "invalid_unit"), &[2, 7]);
        assert_eq!(e.field, "results[7].unit");
        let e = relabel(FieldError::new("results", "too_long"), &[2]);
        assert_eq!(e.field, "results");
    }
}
