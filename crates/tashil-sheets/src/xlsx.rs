//! Streaming an XLSX worksheet row by row.
//!
//! Cells are pulled one at a time from calamine's cell reader rather than loading a
//! `Range`, so memory follows the row being read (a `Range` is a dense rectangle of the
//! whole sheet: one stray cell in XFD1048576 would make it gigabytes).

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::inspect::inspect;
use crate::merges;
use crate::stream::{Region, RowFilter, RowSink, SheetInfo};
use crate::table::datetime_to_serial;
use crate::{Cell, ReadOptions, SheetError, Table};

/// Reads the first visible worksheet of an XLSX workbook into `sink`.
pub(crate) fn read(
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    sink: &mut dyn RowSink,
) -> Result<SheetInfo, SheetError> {
    let limit = opts.max_uncompressed_bytes;
    inspect(file_name, bytes, limit)?;
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| map_error(e, limit))?;
    let sheet = pick_sheet(&workbook).ok_or(SheetError::NoSheet)?;
    let date1904 = workbook.has_1904_epoch();
    // Merges are listed after the cells, but are looked up first: a file refused for them
    // hands no row to the sink.
    let merges = merged_regions(&mut workbook, bytes, &sheet).map_err(|e| e.into_sheet(limit))?;
    let mut rows = RowFilter::new(sink, opts, date1904, Some(sheet.clone())).with_merges(merges);
    stream_cells(&mut workbook, &sheet, date1904, &mut rows).map_err(|e| e.into_sheet(limit))?;
    rows.finish()
}

/// The sheet the user sees on opening: the first visible worksheet (chart and macro sheets
/// hold no table), else the first worksheet at all.
fn pick_sheet(workbook: &Xlsx<Cursor<&[u8]>>) -> Option<String> {
    let sheets = workbook.sheets_metadata();
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    worksheets()
        .find(|s| s.visible == SheetVisible::Visible)
        .or_else(|| worksheets().next())
        .map(|s| s.name.clone())
}

/// Either a sheet-level refusal or a calamine failure still to be classified.
enum Failure {
    Sheet(SheetError),
    Calamine(XlsxError),
}

impl Failure {
    fn into_sheet(self, limit: u64) -> SheetError {
        match self {
            Failure::Sheet(e) => e,
            Failure::Calamine(e) => map_error(e, limit),
        }
    }
}

impl From<XlsxError> for Failure {
    fn from(e: XlsxError) -> Self {
        Failure::Calamine(e)
    }
}

impl From<SheetError> for Failure {
    fn from(e: SheetError) -> Self {
        Failure::Sheet(e)
    }
}

/// Feeds the sheet's rows to `rows` in order, refusing the first formula.
///
/// Any formula is refused, the header's included: its cached value may be stale (files
/// saved by tools that do not recalculate) and the app would store a number the user
/// believes is live.
fn stream_cells(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    date1904: bool,
    rows: &mut RowFilter<'_>,
) -> Result<(), Failure> {
    let mut reader = workbook.worksheet_cells_reader(sheet)?;
    let mut current: Option<u32> = None;
    let mut cells: Vec<Cell> = Vec::new();
    while let Some(record) = reader.next_cell_with_formula_metadata()? {
        let (row, col) = record.pos;
        if record.formula.is_some() {
            let cell = Table::cell_ref(col as usize, row as usize + 1);
            return Err(SheetError::Formula { cell }.into());
        }
        if current != Some(row) {
            if let Some(previous) = current {
                if row < previous {
                    let detail = "rows out of order".to_string();
                    return Err(SheetError::Corrupt { detail }.into());
                }
                rows.push(previous as usize + 1, std::mem::take(&mut cells))?;
                if rows.stopped() {
                    return Ok(());
                }
            }
            current = Some(row);
        }
        let value = convert(record.value, date1904);
        if value.is_empty() {
            continue;
        }
        let col = col as usize;
        if cells.len() <= col {
            cells.resize(col + 1, Cell::Empty);
        }
        cells[col] = value;
    }
    if let Some(last) = current {
        rows.push(last as usize + 1, cells)?;
    }
    Ok(())
}

/// The sheet's merged regions.
fn merged_regions(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    bytes: &[u8],
    sheet: &str,
) -> Result<Vec<Region>, Failure> {
    Ok(match merges::merged_regions(bytes, sheet) {
        Some(found) => found.into_iter().map(|m| (m.start, m.end)).collect(),
        None => {
            let found = workbook.merge_cells_by_sheet_name(sheet)?;
            found.into_iter().map(|d| (d.start, d.end)).collect()
        }
    })
}

/// One calamine value as a [`Cell`]. Typed ISO dates (`t="d"`, written by some tools
/// instead of serials) become serials in the workbook's date system.
fn convert(value: DataRef<'_>, date1904: bool) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) if s.is_empty() => Cell::Empty,
        DataRef::String(s) => Cell::Text(s),
        DataRef::SharedString("") => Cell::Empty,
        DataRef::SharedString(s) => Cell::Text(s.to_string()),
        DataRef::Int(i) => Cell::Number(i as f64),
        DataRef::Float(f) => Cell::Number(f),
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::DateTime(d) if d.is_duration() => Cell::Number(d.as_f64()),
        DataRef::DateTime(d) => Cell::DateTime(d.as_f64()),
        DataRef::DateTimeIso(s) => iso_serial(&s, date1904).map_or(Cell::Text(s), Cell::DateTime),
        DataRef::DurationIso(s) => Cell::Text(s),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

fn iso_serial(text: &str, date1904: bool) -> Option<f64> {
    let datetime = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()?
                .and_hms_opt(0, 0, 0)
        });
    match datetime {
        Some(dt) => datetime_to_serial(dt, date1904),
        None => {
            let time = NaiveTime::parse_from_str(text, "%H:%M:%S%.f").ok()?;
            Some(f64::from(chrono::Timelike::num_seconds_from_midnight(&time)) / 86_400.0)
        }
    }
}

/// Classifies calamine's failures. An entry inflating past its declared size can only be
/// a forged zip, so it is reported as too large, like an honest bomb.
pub(crate) fn map_error(error: XlsxError, limit: u64) -> SheetError {
    let io = match &error {
        XlsxError::Io(e) => Some(e),
        XlsxError::Zip(zip::result::ZipError::Io(e)) => Some(e),
        XlsxError::Xml(quick_xml_error) => return xml_error(quick_xml_error.to_string(), limit),
        XlsxError::Password => return SheetError::PasswordProtected,
        _ => None,
    };
    match io {
        Some(e) if e.to_string().contains("declared uncompressed size") => {
            SheetError::TooLarge { limit }
        }
        Some(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => SheetError::Truncated,
        _ => SheetError::Corrupt {
            detail: error.to_string(),
        },
    }
}

/// quick-xml wraps the reader's I/O errors; only their text survives the wrapping.
fn xml_error(text: String, limit: u64) -> SheetError {
    if text.contains("declared uncompressed size") {
        SheetError::TooLarge { limit }
    } else {
        SheetError::Corrupt { detail: text }
    }
}
