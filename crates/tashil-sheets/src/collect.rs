//! A whole sheet in memory, for imports small enough to want one (the catalogue's) and for
//! tests: a [`RowSink`] that keeps every row.

use std::ops::ControlFlow;

use crate::stream::{RowSink, SheetInfo};
use crate::{Row, Table};

#[derive(Default)]
pub(crate) struct Collect {
    rows: Vec<Row>,
    width: usize,
}

impl RowSink for Collect {
    fn header(&mut self, sheet: &SheetInfo) -> ControlFlow<()> {
        self.width = sheet.headers.len();
        ControlFlow::Continue(())
    }

    fn row(&mut self, mut row: Row) -> ControlFlow<()> {
        row.cells.shrink_to_fit();
        self.width = self.width.max(row.cells.len());
        self.rows.push(row);
        ControlFlow::Continue(())
    }
}

impl Collect {
    /// The table read. Columns right of the last header that hold data get an empty header,
    /// so every value has a column.
    pub(crate) fn into_table(self, info: SheetInfo) -> Table {
        let mut headers = info.headers;
        headers.resize(self.width, String::new());
        Table {
            headers,
            header_row: info.header_row,
            rows: self.rows,
            date1904: info.date1904,
            sheet_name: info.sheet_name,
        }
    }
}
