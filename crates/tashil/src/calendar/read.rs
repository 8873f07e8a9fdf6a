//! A calendar file's rows: a JSON array of row objects, or a CSV/XLSX sheet under the
//! column names of [`COLUMNS`]; each problem placed at its row and column.

use tashil_sheets::{ReadOptions, Table};

use super::model::{COLUMNS, CalendarRow};
use crate::kernel::import::Issue;

/// The rows of a file, numbered as the user sees them (a sheet's row, a JSON array's
/// position from 1), with the column of each field for the report; or why the file
/// cannot be read.
pub struct Rows {
    pub rows: Vec<(usize, CalendarRow)>,
    /// Each of [`COLUMNS`]' index in the sheet (none for JSON).
    columns: Vec<Option<usize>>,
    headers: Vec<String>,
}

impl Rows {
    /// Places an issue found by field name at its column, as the sheet names it.
    pub fn locate(&self, mut issue: Issue) -> Issue {
        let col = issue
            .header
            .as_deref()
            .and_then(|f| COLUMNS.iter().position(|c| *c == f))
            .and_then(|i| self.columns.get(i).copied().flatten());
        if let Some(c) = col {
            issue.column = Some(Table::column_letter(c));
            issue.header = Some(self.headers[c].clone());
        }
        issue
    }
}

fn file_issue(row: usize, header: Option<String>, code: &str) -> Issue {
    Issue {
        row,
        column: None,
        header,
        code: code.to_string(),
        detail: None,
    }
}

/// Reads `bytes` as JSON when the name says so or it starts with `[`, else as a sheet.
pub fn rows(file_name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Rows, Vec<Issue>> {
    let is_json = file_name.to_lowercase().ends_with(".json")
        || bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    if is_json {
        return match serde_json::from_slice::<Vec<CalendarRow>>(bytes) {
            Ok(v) => Ok(Rows {
                rows: v.into_iter().enumerate().map(|(i, r)| (i + 1, r)).collect(),
                columns: vec![],
                headers: vec![],
            }),
            Err(e) => {
                let mut i = file_issue(0, None, "invalid_json");
                i.detail = Some(e.line().to_string());
                Err(vec![i])
            }
        };
    }
    let table = tashil_sheets::read_table(file_name, bytes, opts)
        .map_err(|e| vec![file_issue(0, None, e.code())])?;
    let mut issues = vec![];
    let mut columns = vec![None; COLUMNS.len()];
    for (i, h) in table.headers.iter().enumerate() {
        let key = h.trim().to_lowercase();
        match COLUMNS.iter().position(|c| *c == key) {
            Some(c) if columns[c].is_none() => columns[c] = Some(i),
            Some(_) => issues.push(file_issue(
                table.header_row,
                Some(h.clone()),
                "duplicate_column",
            )),
            None if key.is_empty() => {}
            None => issues.push(file_issue(
                table.header_row,
                Some(h.clone()),
                "unknown_column",
            )),
        }
    }
    for (c, key) in COLUMNS.iter().enumerate().take(3) {
        if columns[c].is_none() {
            issues.push(file_issue(
                table.header_row,
                Some(key.to_string()),
                "missing_column",
            ));
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let cell = |row: &tashil_sheets::Row, key: usize| -> String {
        let Some(i) = columns[key] else {
            return String::new();
        };
        let c = row.get(i);
        // A date typed in Excel arrives as a serial: read it as the date it shows.
        match c.as_datetime(table.date1904) {
            Some(dt) => dt.date().to_string(),
            None => c.as_text(),
        }
    };
    let rows = table
        .rows
        .iter()
        .map(|r| {
            (
                r.number,
                CalendarRow {
                    country: cell(r, 0),
                    date: cell(r, 1),
                    kind: cell(r, 2),
                    holiday: cell(r, 3),
                    province: cell(r, 4),
                    reason_fa: cell(r, 5),
                    reason_vi: cell(r, 6),
                    reason_en: cell(r, 7),
                },
            )
        })
        .collect();
    Ok(Rows {
        rows,
        columns,
        headers: table.headers,
    })
}
