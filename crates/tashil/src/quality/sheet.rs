//! A CSV or XLSX file of subgroups (`tashil-sheets`): a header row naming [`COLUMNS`] (any
//! case), one subgroup a row, its values in one cell separated by spaces or `|`. Each row is
//! named by its line as a spreadsheet numbers it (the header is line 1).

use tashil_sheets::ReadOptions;

use super::error::QualityError;
use super::model::subgroup::{MAX_SUBGROUPS, SubgroupInput};
use crate::kernel::FieldError;
use crate::kernel::sheet_columns::{columns_of, file_error};

/// The columns a sheet may have.
pub const COLUMNS: &[&str] = &[
    "characteristic",
    "measured_at",
    "values",
    "defective",
    "inspected",
    "defects",
    "units",
    "unit",
];

const REQUIRED: &[&str] = &["characteristic", "measured_at"];

/// The rows of a sheet with their lines; a problem of the file or a cell refuses it.
pub fn read(name: &str, bytes: &[u8]) -> Result<(Vec<usize>, Vec<SubgroupInput>), QualityError> {
    let opts = ReadOptions {
        max_rows: MAX_SUBGROUPS,
        ..Default::default()
    };
    let table = match tashil_sheets::read_table(name, bytes, &opts) {
        Ok(t) => t,
        Err(tashil_sheets::SheetError::TooManyRows { .. }) => {
            return Err(QualityError::Invalid(vec![
                FieldError::new("subgroups", "too_many_subgroups")
                    .with_detail(MAX_SUBGROUPS.to_string()),
            ]));
        }
        Err(e) => {
            return Err(QualityError::Invalid(vec![file_error(
                e.code(),
                e.to_string(),
            )]));
        }
    };
    let at = columns_of(&table.headers, COLUMNS, REQUIRED, "unknown_subgroup_column")
        .map_err(QualityError::Invalid)?;
    let mut errs = vec![];
    let mut lines = Vec::with_capacity(table.rows.len());
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let mut cell = |field: &str| -> String {
            let Some(c) = at.get(field).map(|i| row.get(*i)) else {
                return String::new();
            };
            let text = match (field, c.as_datetime(table.date1904)) {
                ("measured_at", Some(dt)) => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
                _ => c.as_text(),
            };
            if text.trim_start().starts_with('=') {
                errs.push(FieldError::new(
                    format!("subgroups[{}].{field}", row.number),
                    "formula",
                ));
            }
            text
        };
        let some = |t: String| {
            (!t.trim().is_empty()).then(|| serde_json::Value::String(t.trim().to_string()))
        };
        let values = cell("values")
            .split(|c: char| c.is_whitespace() || c == '|')
            .filter(|v| !v.is_empty())
            .map(|v| serde_json::Value::String(v.to_string()))
            .collect();
        let unit = cell("unit");
        out.push(SubgroupInput {
            characteristic: cell("characteristic"),
            measured_at: cell("measured_at"),
            values,
            defective: some(cell("defective")),
            inspected: some(cell("inspected")),
            defects: some(cell("defects")),
            units: some(cell("units")),
            unit: (!unit.trim().is_empty()).then_some(unit),
        });
        lines.push(row.number);
    }
    if !errs.is_empty() {
        return Err(QualityError::Invalid(errs));
    }
    if out.is_empty() {
        return Err(QualityError::Invalid(vec![file_error("header_only", "")]));
    }
    Ok((lines, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_is_read_by_its_lines() {
        let text = "Characteristic;measured_at;values\nthk;2026-12-01T08:00;۸٫۰ 8.1|7.9\n\nthk;2026-12-01T09:00;8 8 8\n";
        let (lines, rows) = read("s.csv", text.as_bytes()).unwrap();
        assert_eq!(lines, [2, 4]);
        assert_eq!(rows[0].values.len(), 3);
        assert_eq!(rows[1].measured_at, "2026-12-01T09:00");
    }

    #[test]
    fn unknown_columns_and_formulas_are_refused() {
        let codes = |t: &str| match read("s.csv", t.as_bytes()) {
            Err(QualityError::Invalid(v)) => v.into_iter().map(|e| (e.field, e.code)).collect(),
            _ => vec![],
        };
        assert_eq!(
            codes("characteristic,when\nthk,1\n"),
            [
                ("file".to_string(), "unknown_subgroup_column"),
                ("file".to_string(), "missing_column"),
            ]
        );
        assert_eq!(
            codes("characteristic,measured_at,values\nthk,2026-12-01T08:00,=1+1\n"),
            [("subgroups[2].values".to_string(), "formula")]
        );
    }
}
