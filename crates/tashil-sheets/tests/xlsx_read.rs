//! Reading XLSX workbooks: row numbers, refusals and values as the user sees them.

mod common;

use std::time::Instant;

use rust_xlsxwriter::{Format, Formula};
use tashil_sheets::{Cell, ReadOptions, SheetError, read_table};

fn read(bytes: &[u8]) -> Result<tashil_sheets::Table, SheetError> {
    read_table("upload.xlsx", bytes, &ReadOptions::default())
}

#[test]
fn empty_rows_are_skipped_but_keep_their_numbers() {
    let bytes = common::xlsx(|ws| {
        ws.write_string(1, 0, "id").unwrap(); // header on row 2: row 1 is empty
        ws.write_string(1, 1, "name").unwrap();
        ws.write_string(2, 0, "001").unwrap();
        ws.write_string(5, 1, "later").unwrap(); // rows 4 and 5 empty
        ws.write_string(6, 0, "   ").unwrap(); // blank text only: empty row
    });
    let table = read(&bytes).unwrap();
    assert_eq!(table.header_row, 2);
    assert_eq!(table.headers, ["id", "name"]);
    let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [3, 6]);
    assert_eq!(table.rows[1].get(0), &Cell::Empty);
    assert_eq!(table.rows[1].get(1).as_text(), "later");
    assert_eq!(table.rows[1].get(7), &Cell::Empty);
    assert_eq!(table.sheet_name.as_deref(), Some("Sheet1"));
}

#[test]
fn formula_is_refused_with_its_cell() {
    let bytes = common::xlsx(|ws| {
        ws.write_string(0, 0, "id").unwrap();
        ws.write_string(0, 2, "total").unwrap();
        ws.write_number(3, 0, 1.0).unwrap();
        ws.write_formula(4, 2, Formula::new("=1+1").set_result("2"))
            .unwrap();
    });
    assert_eq!(read(&bytes), Err(SheetError::Formula { cell: "C5".into() }));
}

#[test]
fn merged_cells_over_data_rows_are_refused_naming_the_whole_range() {
    let bytes = common::xlsx(|ws| {
        ws.write_string(0, 0, "id").unwrap();
        ws.write_string(0, 1, "name").unwrap();
        ws.write_string(1, 0, "1").unwrap();
        ws.merge_range(2, 1, 3, 1, "shared name", &Format::new())
            .unwrap();
    });
    assert_eq!(
        read(&bytes),
        Err(SheetError::MergedCell {
            cell: "B3".into(),
            range: "B3:B4".into()
        })
    );
}

#[test]
fn merged_title_in_header_row_is_accepted() {
    let bytes = common::xlsx(|ws| {
        ws.merge_range(0, 0, 0, 2, "companies", &Format::new())
            .unwrap();
        ws.write_string(1, 0, "1").unwrap();
    });
    let table = read(&bytes).unwrap();
    assert_eq!(table.headers, ["companies"]);
    assert_eq!(table.rows[0].number, 2);
}

#[test]
fn header_only_and_empty_sheets_are_errors() {
    let header_only = common::xlsx(|ws| {
        ws.write_string(0, 0, "id").unwrap();
        ws.write_string(0, 1, "name").unwrap();
    });
    assert_eq!(read(&header_only), Err(SheetError::HeaderOnly));
    let empty = common::xlsx(|ws| {
        ws.write_string(3, 3, "").unwrap();
    });
    assert_eq!(read(&empty), Err(SheetError::Empty));
}

#[test]
fn integral_number_reads_without_fraction() {
    let bytes = common::xlsx(|ws| {
        ws.write_string(0, 0, "national id").unwrap();
        ws.write_string(0, 1, "ratio").unwrap();
        ws.write_number(1, 0, 9123456789.0).unwrap();
        ws.write_number(1, 1, 0.25).unwrap();
        ws.write_boolean(2, 0, true).unwrap();
    });
    let table = read(&bytes).unwrap();
    assert_eq!(table.rows[0].cells[0], Cell::Number(9123456789.0));
    assert_eq!(table.rows[0].cells[0].as_text(), "9123456789");
    assert_eq!(table.rows[0].cells[1].as_text(), "0.25");
    assert_eq!(table.rows[1].cells[0].as_text(), "TRUE");
}

fn dated_workbook() -> Vec<u8> {
    common::xlsx(|ws| {
        let date = Format::new().set_num_format("yyyy-mm-dd");
        ws.write_string(0, 0, "registered").unwrap();
        ws.write_number_with_format(1, 0, 45188.0, &date).unwrap();
    })
}

#[test]
fn date_cells_give_serials_in_the_1900_system() {
    let table = read(&dated_workbook()).unwrap();
    assert!(!table.date1904);
    let cell = &table.rows[0].cells[0];
    assert_eq!(cell, &Cell::DateTime(45188.0));
    let date = cell.as_datetime(table.date1904).unwrap().date();
    assert_eq!(date.to_string(), "2023-09-19");
}

#[test]
fn date1904_flag_is_read_from_the_workbook() {
    let bytes = common::rewrite_zip(&dated_workbook(), |name, data| {
        if name != "xl/workbook.xml" {
            return data;
        }
        let xml = String::from_utf8(data).unwrap();
        assert!(xml.contains("<workbookPr"), "{xml}");
        xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
            .into_bytes()
    });
    let table = read(&bytes).unwrap();
    assert!(table.date1904);
    let cell = &table.rows[0].cells[0];
    assert_eq!(cell, &Cell::DateTime(45188.0));
    // The same serial is 1,462 days later in the 1904 system.
    assert_eq!(
        cell.as_datetime(true).unwrap().date().to_string(),
        "2027-09-20"
    );
}

#[test]
fn trailing_empty_columns_are_dropped_and_unnamed_data_columns_kept() {
    let bytes = common::xlsx(|ws| {
        let bold = Format::new().set_bold();
        ws.write_string(0, 0, "\u{FEFF} id ").unwrap();
        ws.write_blank(0, 5, &bold).unwrap(); // styled but empty: not a column
        ws.write_string(1, 0, "1").unwrap();
        ws.write_string(1, 2, "stray note").unwrap();
        ws.write_blank(1, 9, &bold).unwrap();
    });
    let table = read(&bytes).unwrap();
    assert_eq!(table.headers, ["id", "", ""]);
    assert_eq!(table.rows[0].cells.len(), 3);
}

#[test]
fn first_visible_worksheet_is_read() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let hidden = workbook.add_worksheet().set_name("lists").unwrap();
    hidden.write_string(0, 0, "hidden").unwrap();
    hidden.set_hidden(true);
    let data = workbook.add_worksheet().set_name("داده").unwrap();
    data.write_string(0, 0, "id").unwrap();
    data.write_string(1, 0, "7").unwrap();
    data.set_active(true);
    let bytes = workbook.save_to_buffer().unwrap();
    let table = read(&bytes).unwrap();
    assert_eq!(table.sheet_name.as_deref(), Some("داده"));
    assert_eq!(table.headers, ["id"]);
}

#[test]
fn too_many_rows_is_refused() {
    let bytes = common::xlsx(|ws| {
        for r in 0..20 {
            ws.write_string(r, 0, "x").unwrap();
        }
    });
    let opts = ReadOptions {
        max_rows: 10,
        ..ReadOptions::default()
    };
    let result = read_table("a.xlsx", &bytes, &opts);
    assert_eq!(result, Err(SheetError::TooManyRows { limit: 10 }));
}

/// 20k rows × 10 columns in the normal run; the 180k-row case is `large_workbook_reads_fast`.
#[test]
fn twenty_thousand_rows_read() {
    let bytes = common::big_xlsx(20_000);
    let started = Instant::now();
    let table = read(&bytes).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(table.rows.len(), 20_000);
    assert_eq!(table.rows[19_999].number, 20_001);
    assert_eq!(table.rows[0].cells[0].as_text(), "0000000007");
    assert!(elapsed.as_secs() < 10, "took {elapsed:?}");
}

/// The size the domain spec names: ~180k rows, ~20 MB. Run with
/// `cargo test --release -p tashil-sheets -- --ignored --nocapture`.
#[test]
#[ignore = "slow; run in release"]
fn large_workbook_reads_fast() {
    let bytes = common::big_xlsx(200_000);
    let started = Instant::now();
    let table = read(&bytes).unwrap();
    let elapsed = started.elapsed();
    println!(
        "{} bytes, {} rows read in {elapsed:?}",
        bytes.len(),
        table.rows.len()
    );
    assert_eq!(table.rows.len(), 200_000);
    assert!(elapsed.as_secs() < 10, "took {elapsed:?}");
}
