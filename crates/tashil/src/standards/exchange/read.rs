//! A file's records: a JSON array of full records (with clauses), or a sheet's rows read
//! through its headers.

use tashil_sheets::ReadOptions;

use super::StandardRecord;
use super::columns::{COLUMNS, issue, map_headers, yes};
use crate::kernel::import::{ImportReport, Issue};
use crate::standards::model::{ProductScopeDraft, StandardDraft};

/// The records of a file, the column index of each known column, and the headers.
type Records = (
    Vec<(usize, StandardRecord)>,
    Vec<Option<usize>>,
    Vec<String>,
);

/// Reads the records of a file: a JSON array, or a sheet with one standard per row.
pub(super) fn records(
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    report: &mut ImportReport,
) -> Records {
    let is_json = file_name.to_lowercase().ends_with(".json")
        || bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    if is_json {
        return match serde_json::from_slice::<Vec<StandardRecord>>(bytes) {
            Ok(v) => (
                v.into_iter().enumerate().map(|(i, r)| (i + 1, r)).collect(),
                vec![],
                vec![],
            ),
            Err(e) => {
                let mut i = issue(e.line(), None, None, "invalid_json");
                i.detail = Some(e.line().to_string());
                report.errors.push(i);
                (vec![], vec![], vec![])
            }
        };
    }
    let table = match tashil_sheets::read_table(file_name, bytes, opts) {
        Ok(t) => t,
        Err(e) => {
            report.errors.push(Issue::of_sheet(&e));
            return (vec![], vec![], vec![]);
        }
    };
    let map = map_headers(&table.headers, report);
    let text = |row: &tashil_sheets::Row, key: &str| -> String {
        COLUMNS
            .iter()
            .position(|(k, _, _)| *k == key)
            .and_then(|c| map[c])
            .map(|i| row.get(i).as_text())
            .unwrap_or_default()
    };
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let mut mandatory = false;
        let m = text(row, "mandatory");
        match yes(&m) {
            Some(b) => mandatory = b,
            None => {
                let c = COLUMNS
                    .iter()
                    .position(|(k, _, _)| *k == "mandatory")
                    .and_then(|c| map[c]);
                report.errors.push(issue(
                    row.number,
                    c,
                    c.map(|i| table.headers[i].clone()),
                    "invalid_choice",
                ));
            }
        }
        let from = text(row, "mandatory_from");
        out.push((
            row.number,
            StandardRecord {
                draft: StandardDraft {
                    body: text(row, "body"),
                    number: text(row, "number"),
                    year: text(row, "year"),
                    edition: text(row, "edition"),
                    title_fa: text(row, "title_fa"),
                    title_en: text(row, "title_en"),
                    title_vi: text(row, "title_vi"),
                    scope_fa: text(row, "scope_fa"),
                    scope_en: text(row, "scope_en"),
                    scope_vi: text(row, "scope_vi"),
                    ics: text(row, "ics"),
                    products: text(row, "hs_codes")
                        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '،')
                        .filter(|s| !s.is_empty())
                        .map(|hs| ProductScopeDraft {
                            hs_code: hs.to_string(),
                            product: String::new(),
                        })
                        .collect(),
                    clauses: vec![],
                },
                status: text(row, "status"),
                mandatory,
                mandatory_from: (!from.trim().is_empty()).then_some(from),
                mandatory_in: text(row, "mandatory_in")
                    .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '،')
                    .filter(|s| !s.is_empty())
                    .map(str::to_uppercase)
                    .collect(),
                enquiry_deadline: None,
            },
        ));
    }
    (out, map, table.headers)
}
