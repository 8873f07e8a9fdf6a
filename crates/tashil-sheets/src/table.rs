//! The table an import hands to the app: cells with the row numbers Excel shows.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

/// One cell as the file stored it. CSV cells are always [`Cell::Text`] or [`Cell::Empty`]:
/// typing is the app's job, and text keeps leading zeros.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// An Excel serial date-time in the workbook's date system (see [`Table::date1904`]).
    DateTime(f64),
    /// An Excel error value such as `#N/A`.
    Error(String),
}

/// Shared so [`Row::get`] can hand out a reference for cells past the row's end.
static EMPTY: Cell = Cell::Empty;

impl Cell {
    /// The cell as the user would type it. Integral numbers print without a fraction so an
    /// ID stored as the number 9123456789 comes back as "9123456789"; date-times give their
    /// serial (use [`Cell::as_datetime`] for a date).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Error(s) => s.clone(),
            Cell::Number(n) | Cell::DateTime(n) => number_text(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }

    /// True for no value and for text that is only whitespace or invisible marks (ZWSP,
    /// bidi controls, BOM): such a cell looks empty in Excel, so a row of them is skipped.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.chars().all(is_blank_char),
            _ => false,
        }
    }

    /// A date-time cell as a calendar date-time, given the workbook's date system.
    pub fn as_datetime(&self, date1904: bool) -> Option<NaiveDateTime> {
        match self {
            Cell::DateTime(serial) => serial_to_datetime(*serial, date1904),
            _ => None,
        }
    }
}

fn is_blank_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || c == '\u{FEFF}'
}

/// Integral values below 10^15 print as integers (Excel keeps 15 significant digits, so
/// larger ones are not exact anyway); others use Rust's shortest round-trip form.
fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One non-empty row of data.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based row number as Excel shows it, so errors name the row the user sees.
    pub number: usize,
    /// Cells from column A; trailing empty cells are not stored, so a row may be shorter
    /// than [`Table::headers`]: use [`Row::get`].
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell in column `index`, [`Cell::Empty`] past the row's end.
    pub fn get(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&EMPTY)
    }
}

/// A sheet read from a file: a header row and the data rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Header texts, trimmed, BOM stripped. Columns right of the last header that hold data
    /// get an empty header, so every value has a column; trailing empty columns are dropped.
    pub headers: Vec<String>,
    /// Row number (1-based) of the header: the first non-empty row.
    pub header_row: usize,
    /// Data rows in file order; fully-empty rows are skipped but others keep their number.
    pub rows: Vec<Row>,
    /// The workbook uses the 1904 date system (old Mac Excel): serials are 1,462 days off.
    pub date1904: bool,
    /// The worksheet read, for XLSX.
    pub sheet_name: Option<String>,
}

impl Table {
    /// Excel's column letters: 0 → "A", 25 → "Z", 26 → "AA".
    pub fn column_letter(index: usize) -> String {
        let mut n = index + 1;
        let mut letters = Vec::new();
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(b'A' + rem as u8);
            n = (n - 1) / 26;
        }
        letters.reverse();
        String::from_utf8_lossy(&letters).into_owned()
    }

    /// An A1-style reference from a 0-based column and a 1-based row: (2, 5) → "C5".
    pub fn cell_ref(col: usize, row: usize) -> String {
        format!("{}{}", Self::column_letter(col), row)
    }
}

/// Day 0 of both systems as a plain day count: 1899-12-30 makes serial 61 = 1900-03-01,
/// absorbing Lotus's phantom 1900-02-29 for every real date after it.
fn epoch(date1904: bool) -> Option<NaiveDate> {
    if date1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)
    }
}

/// An Excel serial as a date-time, rounded to the millisecond as Excel does. `None` for
/// the phantom 1900-02-29 (serial 60), negatives and values past 9999-12-31.
pub fn serial_to_datetime(serial: f64, date1904: bool) -> Option<NaiveDateTime> {
    if !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let mut ms = (serial * 86_400_000.0).round() as i64;
    if !date1904 && serial < 61.0 {
        // Before the phantom leap day the 1899-12-30 epoch is one day early.
        if (60.0..61.0).contains(&serial) {
            return None;
        }
        ms += 86_400_000;
    }
    let start = epoch(date1904)?.and_hms_opt(0, 0, 0)?;
    start.checked_add_signed(TimeDelta::try_milliseconds(ms)?)
}

/// A date-time as an Excel serial in the given date system (inverse of
/// [`serial_to_datetime`]).
pub fn datetime_to_serial(value: NaiveDateTime, date1904: bool) -> Option<f64> {
    let start = epoch(date1904)?.and_hms_opt(0, 0, 0)?;
    let ms = (value - start).num_milliseconds() as f64;
    let mut serial = ms / 86_400_000.0;
    if !date1904 && serial < 61.0 {
        serial -= 1.0;
    }
    (serial >= 0.0).then_some(serial)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_and_refs() {
        assert_eq!(Table::column_letter(0), "A");
        assert_eq!(Table::column_letter(25), "Z");
        assert_eq!(Table::column_letter(26), "AA");
        assert_eq!(Table::column_letter(701), "ZZ");
        assert_eq!(Table::column_letter(16_383), "XFD");
        assert_eq!(Table::cell_ref(2, 5), "C5");
    }

    #[test]
    fn numbers_print_as_typed() {
        assert_eq!(Cell::Number(9_123_456_789.0).as_text(), "9123456789");
        assert_eq!(Cell::Number(-0.0).as_text(), "0");
        assert_eq!(Cell::Number(12.5).as_text(), "12.5");
        assert_eq!(Cell::Number(1e20).as_text(), "100000000000000000000");
        assert_eq!(Cell::Bool(false).as_text(), "FALSE");
        assert!(Cell::Text(" \u{200F}\u{A0}".into()).is_empty());
        assert!(!Cell::Text("\u{200C}x".into()).is_empty());
        assert!(!Cell::Number(0.0).is_empty());
    }

    #[test]
    fn serials_in_both_date_systems() {
        let date = |y, m, d| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
        };
        assert_eq!(serial_to_datetime(1.0, false), Some(date(1900, 1, 1)));
        assert_eq!(serial_to_datetime(59.0, false), Some(date(1900, 2, 28)));
        assert_eq!(serial_to_datetime(60.0, false), None);
        assert_eq!(serial_to_datetime(61.0, false), Some(date(1900, 3, 1)));
        assert_eq!(serial_to_datetime(45188.0, false), Some(date(2023, 9, 19)));
        assert_eq!(
            serial_to_datetime(45188.0 - 1462.0, true),
            Some(date(2023, 9, 19))
        );
        assert_eq!(serial_to_datetime(-1.0, false), None);
        let noon = serial_to_datetime(45188.5, false).unwrap();
        assert_eq!(noon.to_string(), "2023-09-19 12:00:00");
        for serial in [1.0, 59.0, 61.0, 45188.25] {
            let back = datetime_to_serial(serial_to_datetime(serial, false).unwrap(), false);
            assert_eq!(back, Some(serial));
        }
        assert_eq!(datetime_to_serial(date(1904, 1, 2), true), Some(1.0));
    }
}
