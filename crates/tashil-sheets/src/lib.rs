//! Reading uploaded spreadsheets (CSV, XLSX) into tables of cells, and writing exports.
//!
//! Imports must name the row and cell the user sees in Excel, refuse what they cannot read
//! faithfully (formulas, merged cells, undeclared legacy encodings) rather than guess, and
//! stay fast and bounded on hostile uploads (zip bombs, truncated or renamed files). This
//! crate does only that: the app maps columns to fields, validates rows and translates
//! [`SheetError::code`] into the user's language.
//!
//! CSV encodings: a UTF-8 or UTF-16 BOM, or [`ReadOptions::encoding`], decides; otherwise the
//! file must be UTF-8. A file that is not is refused with [`SheetError::NotUtf8`] naming the
//! likely code page: `windows-1256` when most accented words are made only of bytes ≥ 0x80
//! (Arabic script), `windows-1258` when Latin words carry Vietnamese tone marks or ă/ơ/ư/đ,
//! else `windows-1252`; `utf-16le`/`utf-16be` from the pattern of NUL bytes.

mod collect;
mod csv_read;
mod detect;
mod encoding;
mod error;
mod inspect;
mod merges;
mod stream;
mod table;
mod write;
mod xlsx;

pub use detect::detect_format;
pub use error::SheetError;
pub use stream::{RowSink, SheetInfo};
pub use table::{Cell, Row, Table, datetime_to_serial, serial_to_datetime};
pub use write::{ExportCell, write_csv, write_xlsx};

/// The two formats an upload may be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// How to read an upload; [`Default`] suits a web import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Encoding the user declared for a CSV (any WHATWG label, e.g. "windows-1256");
    /// honoured unless the file starts with a BOM. `None` accepts only UTF-8.
    pub encoding: Option<String>,
    /// CSV delimiter (ASCII; others are ignored); `None` honours a `sep=` first line, else
    /// detects `,` `;` or tab from the header line.
    pub delimiter: Option<u8>,
    /// Most data rows accepted.
    pub max_rows: usize,
    /// Most bytes an XLSX may inflate to, a CSV may hold, and the table may occupy in memory.
    pub max_uncompressed_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            encoding: None,
            delimiter: None,
            max_rows: 500_000,
            max_uncompressed_bytes: 512 * 1024 * 1024,
        }
    }
}

/// Reads the first sheet of an upload into a [`Table`].
///
/// The format comes from [`detect_format`]; for XLSX the first visible worksheet is read.
pub fn read_table(file_name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Table, SheetError> {
    let mut rows = collect::Collect::default();
    let info = read_rows(file_name, bytes, opts, &mut rows)?;
    Ok(rows.into_table(info))
}

/// Reads the first sheet of an upload row by row into `sink`, holding no more of it than
/// the row being read (and, for XLSX, the workbook's shared strings).
///
/// Everything that makes the file unreadable as a whole (format, container, merged cells
/// over data rows) is found before the first row reaches `sink`; a formula, the row limit
/// or a CSV's unclosed quote may end the read after some rows were handed over, so a sink
/// that writes must wait for the `Ok`.
pub fn read_rows(
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    sink: &mut dyn RowSink,
) -> Result<SheetInfo, SheetError> {
    match detect_format(file_name, bytes)? {
        Format::Xlsx => xlsx::read(file_name, bytes, opts, sink),
        Format::Csv => {
            let limit = opts.max_uncompressed_bytes;
            if bytes.len() as u64 > limit {
                return Err(SheetError::TooLarge { limit });
            }
            let text = encoding::decode(bytes, opts.encoding.as_deref())?;
            let mut filter = stream::RowFilter::new(sink, opts, false, None);
            csv_read::parse(&text, opts.delimiter, &mut filter)?;
            filter.finish()
        }
    }
}
