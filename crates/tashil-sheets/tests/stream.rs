//! Reading row by row: what a sink is handed, and when.

mod common;

use std::ops::ControlFlow;

use rust_xlsxwriter::Format;
use tashil_sheets::{ReadOptions, Row, RowSink, SheetError, SheetInfo, read_rows};

/// Keeps row numbers and stops after `stop_after` rows when set.
#[derive(Default)]
struct Numbers {
    header: Option<SheetInfo>,
    rows: Vec<usize>,
    stop_after: Option<usize>,
}

impl RowSink for Numbers {
    fn header(&mut self, sheet: &SheetInfo) -> ControlFlow<()> {
        self.header = Some(sheet.clone());
        ControlFlow::Continue(())
    }
    fn row(&mut self, row: Row) -> ControlFlow<()> {
        self.rows.push(row.number);
        if self.stop_after == Some(self.rows.len()) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}

#[test]
fn rows_arrive_in_order_after_the_header_and_a_sink_may_stop_the_read() {
    let bytes = common::big_xlsx(5_000);
    let mut all = Numbers::default();
    let info = read_rows("a.xlsx", &bytes, &ReadOptions::default(), &mut all).unwrap();
    assert_eq!(info.rows, 5_000);
    assert_eq!(info.header_row, 1);
    assert_eq!(all.header.unwrap().headers[0], "id");
    assert_eq!(all.rows.first(), Some(&2));
    assert_eq!(all.rows.last(), Some(&5_001));

    let mut some = Numbers {
        stop_after: Some(10),
        ..Default::default()
    };
    let info = read_rows("a.xlsx", &bytes, &ReadOptions::default(), &mut some).unwrap();
    assert_eq!(some.rows.len(), 10);
    assert_eq!(info.rows, 10);
}

#[test]
fn a_merged_range_is_refused_whole_before_any_row_is_handed_over() {
    let bytes = common::xlsx(|ws| {
        ws.write_string(0, 0, "id").unwrap();
        for r in 1..20 {
            ws.write_string(r, 0, "x").unwrap();
        }
        ws.merge_range(9, 4, 13, 5, "same", &Format::new()).unwrap();
    });
    let mut sink = Numbers::default();
    let result = read_rows("a.xlsx", &bytes, &ReadOptions::default(), &mut sink);
    assert_eq!(
        result,
        Err(SheetError::MergedCell {
            cell: "E10".into(),
            range: "E10:F14".into()
        })
    );
    assert!(sink.rows.is_empty());
}

#[test]
fn csv_rows_stream_too() {
    let text = "id,name\n1,a\n\n3,c\n";
    let mut sink = Numbers::default();
    let info = read_rows("a.csv", text.as_bytes(), &ReadOptions::default(), &mut sink).unwrap();
    assert_eq!(sink.rows, [2, 4]);
    assert_eq!(info.rows, 2);
}
