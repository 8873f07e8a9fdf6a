//! Hostile input (issue 17, drill 4): whatever bytes arrive as an upload, under whatever
//! name, the readers answer with a table or an error and never panic. Bytes are drawn at
//! random, and, closer to what a damaged or crafted file holds, from a real workbook and a
//! real CSV with bytes overwritten, cut short or spliced.

use proptest::prelude::*;
use tashil_sheets::{ExportCell, ReadOptions, read_table, write_csv, write_xlsx};

const NAMES: &[&str] = &[
    "units.xlsx",
    "units.csv",
    "units.xls",
    "units",
    "واحدها.XLSX",
];

fn workbook() -> Vec<u8> {
    let headers = vec!["شناسه ملی".to_string(), "نام".into(), "تاریخ".into()];
    let rows: Vec<Vec<ExportCell>> = (0..30)
        .map(|i| {
            vec![
                ExportCell::Text(format!("1010039644{}", i % 10)),
                ExportCell::Text(format!("شرکت نمونه\u{200c}ها {i}")),
                ExportCell::Number(45_000.0 + f64::from(i)),
            ]
        })
        .collect();
    write_xlsx("واحدها", &headers, &rows, true).expect("a workbook")
}

fn csv() -> Vec<u8> {
    let headers = vec!["national_id".to_string(), "name".into()];
    let rows: Vec<Vec<String>> = (0..30)
        .map(|i| {
            vec![
                format!("0101243150-{:03}", i + 1),
                format!("Công ty \"{i}\", Hà Nội"),
            ]
        })
        .collect();
    write_csv(&headers, &rows)
}

/// Overwrites `edits` bytes of `base`, then keeps a prefix of `keep` per mille.
fn damaged(base: &[u8], edits: &[(usize, u8)], keep: u16) -> Vec<u8> {
    let mut b = base.to_vec();
    for &(at, byte) in edits {
        let i = at % b.len();
        b[i] = byte;
    }
    let len = b.len() * usize::from(keep.min(1000)) / 1000;
    b.truncate(len.max(1));
    b
}

fn read_any(name: &str, bytes: &[u8]) {
    let opts = ReadOptions {
        max_uncompressed_bytes: 8 << 20,
        ..ReadOptions::default()
    };
    let _ = read_table(name, bytes, &opts);
    let declared = ReadOptions {
        encoding: Some("windows-1256".into()),
        delimiter: Some(b';'),
        ..opts
    };
    let _ = read_table(name, bytes, &declared);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_under_any_name(bytes in prop::collection::vec(any::<u8>(), 0..4096), n in 0..NAMES.len()) {
        read_any(NAMES[n], &bytes);
    }

    #[test]
    fn a_damaged_workbook(edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..24), keep in 0u16..=1000) {
        read_any("units.xlsx", &damaged(&workbook(), &edits, keep));
    }

    #[test]
    fn a_damaged_csv(edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..24), keep in 0u16..=1000, n in 0..NAMES.len()) {
        read_any(NAMES[n], &damaged(&csv(), &edits, keep));
    }
}
