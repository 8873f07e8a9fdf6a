//! Hostile and mistaken uploads are refused quickly, with the reason.

mod common;

use std::time::{Duration, Instant};

use tashil_sheets::{Format, ReadOptions, SheetError, detect_format, read_table};

const QUICK: Duration = Duration::from_secs(2);

fn read(name: &str, bytes: &[u8]) -> Result<tashil_sheets::Table, SheetError> {
    read_table(name, bytes, &ReadOptions::default())
}

#[test]
fn entry_declaring_more_than_the_limit_is_refused_before_inflating() {
    let bytes = common::bomb(8 << 20);
    let opts = ReadOptions {
        max_uncompressed_bytes: 4 << 20,
        ..ReadOptions::default()
    };
    let started = Instant::now();
    assert_eq!(
        read_table("bomb.xlsx", &bytes, &opts),
        Err(SheetError::TooLarge { limit: 4 << 20 })
    );
    assert!(started.elapsed() < QUICK, "{:?}", started.elapsed());
}

#[test]
fn absurd_compression_ratio_is_refused_under_the_size_limit() {
    let bytes = common::bomb(8 << 20);
    assert!(
        bytes.len() < 100_000,
        "fixture should be a small zip, is {}",
        bytes.len()
    );
    let started = Instant::now();
    let limit = ReadOptions::default().max_uncompressed_bytes;
    assert_eq!(
        read("bomb.xlsx", &bytes),
        Err(SheetError::TooLarge { limit })
    );
    assert!(started.elapsed() < QUICK, "{:?}", started.elapsed());
}

#[test]
fn entry_lying_about_its_size_is_stopped_while_inflating() {
    let mut bytes = common::bomb(8 << 20);
    common::forge_declared_size(&mut bytes, "xl/worksheets/sheet1.xml", 4_000);
    let started = Instant::now();
    let limit = ReadOptions::default().max_uncompressed_bytes;
    assert_eq!(
        read("forged.xlsx", &bytes),
        Err(SheetError::TooLarge { limit })
    );
    assert!(started.elapsed() < QUICK, "{:?}", started.elapsed());
}

#[test]
fn truncated_workbook_is_refused() {
    let bytes = common::big_xlsx(50);
    for cut in [bytes.len() / 2, bytes.len() - 10, 100] {
        assert_eq!(
            read("cut.xlsx", &bytes[..cut]),
            Err(SheetError::Truncated),
            "cut at {cut}"
        );
    }
}

#[test]
fn csv_renamed_to_xlsx_is_not_a_zip() {
    let csv = "id,name\n1,a\n";
    assert_eq!(
        read("companies.xlsx", csv.as_bytes()),
        Err(SheetError::NotAZip)
    );
    assert_eq!(
        detect_format("companies.XLSX", csv.as_bytes()),
        Err(SheetError::NotAZip)
    );
}

#[test]
fn legacy_xls_and_encrypted_workbooks_are_named() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(1024, 0);
    assert_eq!(read("old.xls", &ole), Err(SheetError::LegacyXls));
    assert_eq!(read("renamed.xlsx", &ole), Err(SheetError::LegacyXls));
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    ole.extend_from_slice(&name);
    assert_eq!(
        read("secret.xlsx", &ole),
        Err(SheetError::PasswordProtected)
    );
    assert_eq!(
        read("page.xls", b"<html><table></table></html>"),
        Err(SheetError::LegacyXls)
    );
}

#[test]
fn other_containers_and_formats_are_unsupported() {
    let workbook = common::xlsx(|_| {});
    let not_a_workbook = {
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        out.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, b"<office:document/>").unwrap();
        out.finish().unwrap().into_inner()
    };
    let unsupported = |name: &str| SheetError::UnsupportedFormat {
        file_name: name.into(),
    };
    assert_eq!(
        read("sheet.ods", &not_a_workbook),
        Err(unsupported("sheet.ods"))
    );
    assert_eq!(
        read("report.pdf.csv", b"%PDF-1.7 ..."),
        Err(unsupported("report.pdf.csv"))
    );
    assert_eq!(
        read("notes.docx", b"plain text"),
        Err(unsupported("notes.docx"))
    );
    assert_eq!(detect_format("anything.bin", &workbook), Ok(Format::Xlsx));
}

#[test]
fn sparse_far_columns_are_bounded_by_the_memory_budget() {
    let bytes = common::xlsx(|ws| {
        ws.write_string(0, 0, "id").unwrap();
        for r in 1..2_000 {
            ws.write_string(r, 16_000, "x").unwrap();
        }
    });
    let opts = ReadOptions {
        max_uncompressed_bytes: 64 << 20,
        ..ReadOptions::default()
    };
    let result = read_table("sparse.xlsx", &bytes, &opts);
    assert_eq!(result, Err(SheetError::TooLarge { limit: 64 << 20 }));
}

#[test]
fn empty_workbook_has_no_header() {
    assert_eq!(
        read("empty.xlsx", &common::xlsx(|_| {})),
        Err(SheetError::Empty)
    );
}
