//! Exports: CSV and XLSX that open correctly in Excel in Persian, Vietnamese and English.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format as XlsxFormat, Workbook, Worksheet, XlsxError};

use crate::table::datetime_to_serial;
use crate::{SheetError, Table};

/// One exported value. IDs go out as [`ExportCell::Text`] so leading zeros survive.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportCell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// Excel refuses longer cell text.
const MAX_CELL_CHARS: usize = 32_767;
/// Excel's last row, less the header.
const MAX_DATA_ROWS: usize = 1_048_575;
/// Column widths in characters, so long addresses do not make a column screen-wide.
const WIDTH_RANGE: (usize, usize) = (8, 60);

/// CSV as Excel reads it everywhere: UTF-8 with a BOM (without one Excel assumes the ANSI
/// code page and mangles Persian and Vietnamese), CRLF, fields quoted only when they hold a
/// comma, quote or line break.
///
/// Text starting with `=` or `@`, or with `+`/`-` and not a number, gets a leading `'`, so
/// Excel shows it instead of running it as a formula (CSV injection): "+98 21…" phone
/// numbers would otherwise show as #NAME?.
pub fn write_csv(headers: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    for record in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        for (i, field) in record.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_field(&mut out, field);
        }
        out.extend_from_slice(b"\r\n");
    }
    out
}

fn write_field(out: &mut Vec<u8>, field: &str) {
    let guarded = match field.as_bytes() {
        [b'=' | b'@', ..] => true,
        [b'+' | b'-', _, ..] => field.trim().parse::<f64>().is_err(),
        _ => false,
    };
    let text = if guarded {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if text.contains([',', '"', '\r', '\n']) {
        out.push(b'"');
        out.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

/// An XLSX workbook with one sheet: bold frozen header with an autofilter, columns sized to
/// their content, dates formatted `yyyy-mm-dd`, and right-to-left layout for Persian.
/// Text is always written as text, never as a formula.
pub fn write_xlsx(
    sheet_name: &str,
    headers: &[String],
    rows: &[Vec<ExportCell>],
    right_to_left: bool,
) -> Result<Vec<u8>, SheetError> {
    if rows.len() > MAX_DATA_ROWS {
        return Err(SheetError::TooManyRows {
            limit: MAX_DATA_ROWS,
        });
    }
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(safe_sheet_name(sheet_name))
        .map_err(write_error)?;
    sheet.set_right_to_left(right_to_left);
    let bold = XlsxFormat::new().set_bold();
    let date = XlsxFormat::new().set_num_format("yyyy-mm-dd");
    let mut widths = vec![0usize; headers.len()];
    for (col, header) in headers.iter().enumerate() {
        check_length(header, col, 0)?;
        sheet
            .write_string_with_format(0, col as u16, header, &bold)
            .map_err(write_error)?;
        widths[col] = header.chars().count();
    }
    for (r, row) in rows.iter().enumerate() {
        let excel_row = r as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let width = write_cell(sheet, excel_row, col, cell, &date)?;
            if widths.len() <= col {
                widths.resize(col + 1, 0);
            }
            widths[col] = widths[col].max(width);
        }
    }
    for (col, width) in widths.iter().enumerate() {
        let chars = (*width + 2).clamp(WIDTH_RANGE.0, WIDTH_RANGE.1);
        sheet
            .set_column_width(col as u16, chars as f64)
            .map_err(write_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(write_error)?;
    if !widths.is_empty() {
        let last_col = widths.len() as u16 - 1;
        sheet
            .autofilter(0, 0, rows.len() as u32, last_col)
            .map_err(write_error)?;
    }
    workbook.save_to_buffer().map_err(write_error)
}

/// Writes one cell and returns its display width in characters.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: usize,
    cell: &ExportCell,
    date: &XlsxFormat,
) -> Result<usize, SheetError> {
    let c = col as u16;
    match cell {
        ExportCell::Text(text) => {
            check_length(text, col, row)?;
            sheet.write_string(row, c, text).map_err(write_error)?;
            Ok(text.chars().count())
        }
        // NaN and infinities have no Excel form; writing them as numbers corrupts the file.
        ExportCell::Number(n) if !n.is_finite() => {
            sheet
                .write_string(row, c, n.to_string())
                .map_err(write_error)?;
            Ok(3)
        }
        ExportCell::Number(n) => {
            sheet.write_number(row, c, *n).map_err(write_error)?;
            Ok(n.to_string().len())
        }
        ExportCell::Date(d) => {
            let midnight = d
                .and_hms_opt(0, 0, 0)
                .and_then(|dt| datetime_to_serial(dt, false));
            match midnight {
                Some(serial) => sheet.write_number_with_format(row, c, serial, date),
                None => sheet.write_string(row, c, d.to_string()),
            }
            .map_err(write_error)?;
            Ok(10)
        }
    }
}

fn check_length(text: &str, col: usize, row: u32) -> Result<(), SheetError> {
    if text.chars().count() > MAX_CELL_CHARS {
        return Err(SheetError::CellTooLong {
            cell: Table::cell_ref(col, row as usize + 1),
        });
    }
    Ok(())
}

/// Excel sheet names: 1–31 characters, none of `[]:*?/\`, not starting or ending with `'`.
/// Names come from translated labels, so they are repaired rather than refused.
fn safe_sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '\'' || c.is_whitespace());
    match cleaned {
        "" => "Sheet1".to_string(),
        // Excel reserves "History" for change tracking.
        c if c.eq_ignore_ascii_case("history") => format!("{c}_"),
        c => c.to_string(),
    }
}

fn write_error(error: XlsxError) -> SheetError {
    SheetError::Write {
        detail: error.to_string(),
    }
}
