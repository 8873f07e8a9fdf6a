//! Turns rows streamed from either format into a [`Table`], applying the rules both share:
//! header detection, empty-row skipping, trailing-column trimming and the size limits.

use crate::{Cell, ReadOptions, Row, SheetError, Table};

/// Collects rows in file order. Bounds memory by an estimate of what the table holds, so a
/// sparse sheet (one value in column XFD on every row) cannot blow up even though its XML
/// is small.
pub(crate) struct TableBuilder {
    headers: Option<(usize, Vec<String>)>,
    rows: Vec<Row>,
    width: usize,
    max_rows: usize,
    budget: u64,
    used: u64,
}

impl TableBuilder {
    pub(crate) fn new(opts: &ReadOptions) -> Self {
        Self {
            headers: None,
            rows: Vec::new(),
            width: 0,
            max_rows: opts.max_rows,
            budget: opts.max_uncompressed_bytes,
            used: 0,
        }
    }

    /// The header's row number, once a non-empty row has been seen.
    pub(crate) fn header_row(&self) -> Option<usize> {
        self.headers.as_ref().map(|(row, _)| *row)
    }

    /// Adds the row Excel numbers `number` (1-based). Empty rows are dropped here so both
    /// readers can hand over every row they see.
    pub(crate) fn push(&mut self, number: usize, mut cells: Vec<Cell>) -> Result<(), SheetError> {
        let len = cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        if len == 0 {
            return Ok(());
        }
        cells.truncate(len);
        cells.shrink_to_fit();
        self.width = self.width.max(len);
        self.charge(&cells)?;
        if self.headers.is_none() {
            let headers = cells.iter().map(header_text).collect();
            self.headers = Some((number, headers));
            return Ok(());
        }
        if self.rows.len() >= self.max_rows {
            return Err(SheetError::TooManyRows {
                limit: self.max_rows,
            });
        }
        self.rows.push(Row { number, cells });
        Ok(())
    }

    /// Counts the row's approximate heap footprint against the budget.
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

    /// The finished table; `Empty` without any non-empty row, `HeaderOnly` without data.
    pub(crate) fn finish(
        self,
        date1904: bool,
        sheet_name: Option<String>,
    ) -> Result<Table, SheetError> {
        let Some((header_row, mut headers)) = self.headers else {
            return Err(SheetError::Empty);
        };
        if self.rows.is_empty() {
            return Err(SheetError::HeaderOnly);
        }
        headers.resize(self.width, String::new());
        Ok(Table {
            headers,
            header_row,
            rows: self.rows,
            date1904,
            sheet_name,
        })
    }
}

/// Header text without surrounding whitespace or a stray BOM (a CSV saved twice, or a
/// header pasted from one).
fn header_text(cell: &Cell) -> String {
    let text = cell.as_text();
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .to_string()
}
