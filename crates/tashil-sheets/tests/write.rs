//! Exports open correctly in Excel and read back unchanged.

use std::io::{Cursor, Read};

use chrono::NaiveDate;
use tashil_sheets::{Cell, ExportCell, ReadOptions, SheetError, read_table, write_csv, write_xlsx};

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn csv_starts_with_bom_uses_crlf_and_quotes_when_needed() {
    let headers = strings(&["شناسه", "name"]);
    let rows = vec![
        strings(&["0012", "a, \"b\""]),
        strings(&["=HYPERLINK(\"x\")", "-12.5"]),
    ];
    let bytes = write_csv(&headers, &rows);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert_eq!(
        text,
        "شناسه,name\r\n0012,\"a, \"\"b\"\"\"\r\n\"'=HYPERLINK(\"\"x\"\")\",-12.5\r\n"
    );
}

#[test]
fn csv_guards_formula_like_text_but_not_numbers() {
    let rows = vec![strings(&["+98 21 5555", "-", "+5", "@sum", "a=b"])];
    let bytes = write_csv(&strings(&["a", "b", "c", "d", "e"]), &rows);
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.ends_with("'+98 21 5555,-,+5,'@sum,a=b\r\n"), "{text}");
}

#[test]
fn csv_round_trips_through_read_table() {
    let headers = strings(&["کد ملی", "Tên", "note"]);
    let rows = vec![strings(&["0012345678", "Nguyễn Văn A", "two\nlines"])];
    let table = read_table(
        "export.csv",
        &write_csv(&headers, &rows),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(table.headers, headers);
    assert_eq!(table.rows[0].cells[0].as_text(), "0012345678");
    assert_eq!(table.rows[0].cells[2].as_text(), "two\nlines");
}

fn sheet_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn xlsx_round_trip_keeps_persian_text_and_leading_zeros() {
    let headers = strings(&["شناسه ملی", "نام", "کارکنان", "تاریخ ثبت"]);
    let date = NaiveDate::from_ymd_opt(2023, 9, 19).unwrap();
    let rows = vec![
        vec![
            ExportCell::Text("01234567891".into()),
            ExportCell::Text("شرکت ‌نمونه".into()),
            ExportCell::Number(42.0),
            ExportCell::Date(date),
        ],
        vec![
            ExportCell::Text("00000000001".into()),
            ExportCell::Text("=1+1".into()),
        ],
    ];
    let bytes = write_xlsx("شرکت‌ها", &headers, &rows, true).unwrap();
    let table = read_table("export.xlsx", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(table.headers, headers);
    assert_eq!(table.sheet_name.as_deref(), Some("شرکت‌ها"));
    let first = &table.rows[0];
    assert_eq!(first.cells[0], Cell::Text("01234567891".into()));
    assert_eq!(first.cells[1].as_text(), "شرکت ‌نمونه");
    assert_eq!(first.cells[2].as_text(), "42");
    assert_eq!(
        first.cells[3].as_datetime(table.date1904).unwrap().date(),
        date
    );
    // Text that looks like a formula stays text, so the import does not refuse it.
    assert_eq!(table.rows[1].cells[1], Cell::Text("=1+1".into()));

    let xml = sheet_xml(&bytes);
    assert!(xml.contains("rightToLeft=\"1\""), "{xml}");
    assert!(xml.contains("state=\"frozen\""), "{xml}");
    assert!(xml.contains("<autoFilter ref=\"A1:D3\""), "{xml}");
    assert!(xml.contains("<col "), "{xml}");
}

#[test]
fn xlsx_left_to_right_and_sheet_names_are_repaired() {
    let headers = strings(&["id"]);
    let rows = vec![vec![ExportCell::Number(f64::NAN)]];
    let bytes = write_xlsx("a/b: [2024]?", &headers, &rows, false).unwrap();
    assert!(!sheet_xml(&bytes).contains("rightToLeft"));
    let table = read_table("x.xlsx", &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(table.sheet_name.as_deref(), Some("a_b_ _2024__"));
    assert_eq!(table.rows[0].cells[0].as_text(), "NaN");
    assert!(write_xlsx("", &headers, &rows, false).is_ok());
}

#[test]
fn overlong_cell_is_named() {
    let rows = vec![vec![
        ExportCell::Text("x".into()),
        ExportCell::Text("y".repeat(32_768)),
    ]];
    let result = write_xlsx("s", &strings(&["a", "b"]), &rows, false);
    assert_eq!(result, Err(SheetError::CellTooLong { cell: "B2".into() }));
}
