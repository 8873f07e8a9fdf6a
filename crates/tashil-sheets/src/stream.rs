//! Rows handed over one at a time, so an importer holds what it keeps of a row, not the
//! sheet. Both readers feed a [`RowFilter`], which applies the rules they share: header
//! detection, empty-row skipping, trailing-column trimming and the limits.

use std::ops::ControlFlow;

use crate::{Cell, ReadOptions, Row, SheetError};

/// A merged region by the 0-based `(row, column)` of its top-left and bottom-right cells.
pub(crate) type Region = ((u32, u32), (u32, u32));

/// What is known of a sheet once its header row has been read.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetInfo {
    /// Header texts, trimmed, BOM stripped; trailing empty headers dropped.
    pub headers: Vec<String>,
    /// Row number (1-based) of the header: the first non-empty row.
    pub header_row: usize,
    /// The workbook uses the 1904 date system (old Mac Excel): serials are 1,462 days off.
    pub date1904: bool,
    /// The worksheet read, for XLSX.
    pub sheet_name: Option<String>,
    /// Data rows handed over (filled in when the read ends).
    pub rows: usize,
}

/// Receives a sheet's header, then its non-empty data rows in file order. Returning
/// [`ControlFlow::Break`] stops the read (an importer that has seen enough errors).
pub trait RowSink {
    fn header(&mut self, sheet: &SheetInfo) -> ControlFlow<()>;
    fn row(&mut self, row: Row) -> ControlFlow<()>;
}

/// Sits between a reader and a [`RowSink`]. Bounds the work by an estimate of the cells read
/// (every cell, kept or not), so a sparse sheet (one value in column XFD on every row)
/// cannot run for long even though its XML is small.
pub(crate) struct RowFilter<'s> {
    sink: &'s mut dyn RowSink,
    info: Option<SheetInfo>,
    date1904: bool,
    sheet_name: Option<String>,
    /// Merged regions, checked once the header row is known.
    merges: Vec<Region>,
    stopped: bool,
    max_rows: usize,
    budget: u64,
    used: u64,
}

impl<'s> RowFilter<'s> {
    pub(crate) fn new(
        sink: &'s mut dyn RowSink,
        opts: &ReadOptions,
        date1904: bool,
        sheet_name: Option<String>,
    ) -> Self {
        Self {
            sink,
            info: None,
            date1904,
            sheet_name,
            merges: Vec::new(),
            stopped: false,
            max_rows: opts.max_rows,
            budget: opts.max_uncompressed_bytes,
            used: 0,
        }
    }

    /// The sheet's merged regions.
    pub(crate) fn with_merges(mut self, merges: Vec<Region>) -> Self {
        self.merges = merges;
        self
    }

    /// The sink asked to stop: readers check this after each row.
    pub(crate) fn stopped(&self) -> bool {
        self.stopped
    }

    /// Hands over the row Excel numbers `number` (1-based). Empty rows are dropped here so
    /// both readers can pass every row they see.
    pub(crate) fn push(&mut self, number: usize, mut cells: Vec<Cell>) -> Result<(), SheetError> {
        if self.stopped {
            return Ok(());
        }
        let len = cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        if len == 0 {
            return Ok(());
        }
        cells.truncate(len);
        self.charge(&cells)?;
        let Some(info) = self.info.as_mut() else {
            return self.header(number, &cells);
        };
        if info.rows >= self.max_rows {
            return Err(SheetError::TooManyRows {
                limit: self.max_rows,
            });
        }
        info.rows += 1;
        self.stopped = self.sink.row(Row { number, cells }).is_break();
        Ok(())
    }

    /// The first non-empty row: the header. A merged region reaching below it is refused
    /// before any data row is handed over.
    fn header(&mut self, number: usize, cells: &[Cell]) -> Result<(), SheetError> {
        check_merges(&self.merges, number)?;
        let info = SheetInfo {
            headers: cells.iter().map(header_text).collect(),
            header_row: number,
            date1904: self.date1904,
            sheet_name: self.sheet_name.clone(),
            rows: 0,
        };
        self.stopped = self.sink.header(&info).is_break();
        self.info = Some(info);
        Ok(())
    }

    /// Counts the row's approximate size against the budget.
    fn charge(&mut self, cells: &[Cell]) -> Result<(), SheetError> {
        let text: usize = cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) | Cell::Error(s) => s.len(),
                _ => 0,
            })
            .sum();
        let slots = size_of_val(cells) + size_of::<Row>();
        self.used = self.used.saturating_add((slots + text) as u64);
        if self.used > self.budget {
            return Err(SheetError::TooLarge { limit: self.budget });
        }
        Ok(())
    }

    /// What was read; `Empty` without any non-empty row, `HeaderOnly` without data (unless
    /// the sink stopped the read).
    pub(crate) fn finish(self) -> Result<SheetInfo, SheetError> {
        let info = self.info.ok_or(SheetError::Empty)?;
        if info.rows == 0 && !self.stopped {
            return Err(SheetError::HeaderOnly);
        }
        Ok(info)
    }
}

/// Refuses a merged region reaching below the header row, naming it whole ("E10:E14").
/// Merges within the header (a title spanning columns) are harmless; over data rows the
/// value sits in the top-left cell only and the rest read as empty, which would import
/// silently wrong rows.
fn check_merges(merges: &[Region], header_row: usize) -> Result<(), SheetError> {
    let first = merges
        .iter()
        .filter(|(_, end)| end.0 as usize + 1 > header_row)
        .min();
    match first {
        Some(((row, col), (end_row, end_col))) => Err(SheetError::MergedCell {
            cell: crate::Table::cell_ref(*col as usize, *row as usize + 1),
            range: format!(
                "{}:{}",
                crate::Table::cell_ref(*col as usize, *row as usize + 1),
                crate::Table::cell_ref(*end_col as usize, *end_row as usize + 1)
            ),
        }),
        None => Ok(()),
    }
}

/// Header text without surrounding whitespace or a stray BOM (a CSV saved twice, or a
/// header pasted from one).
fn header_text(cell: &Cell) -> String {
    let text = cell.as_text();
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .to_string()
}
