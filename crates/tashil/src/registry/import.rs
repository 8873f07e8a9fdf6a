//! Import of units from CSV or XLSX: every row is checked before anything is written, errors
//! are reported by row and column as the user sees them in Excel, and the rows are
//! committed all together or not at all.

mod columns;
pub mod pages;

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use tashil_sheets::{ReadOptions, Table};

pub use columns::{Column, header_label};
pub use pages::routes;

use super::entity::unit;
use super::model::{ProductDraft, QcManagerDraft, UnitDraft, ValidUnit};
use super::store;
use crate::access::{Actor, units as rules};
use crate::audit::{self, Change};

pub use crate::kernel::import::{ImportReport, Issue, NoProgress, Progress};

/// Who imports: a user (checked against the access rules) or the operator at the CLI.
pub enum Importer<'a> {
    User(&'a Actor),
    Operator,
}

const MAX_ERRORS: usize = 1000;

pub async fn import_units(
    db: &DatabaseConnection,
    importer: Importer<'_>,
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    progress: &dyn Progress,
) -> Result<ImportReport, DbErr> {
    let mut report = ImportReport::default();
    if let Importer::User(a) = importer
        && rules::authorize_import(a).is_err()
    {
        report.errors.push(issue(0, None, None, "forbidden"));
        return Ok(report);
    }
    let started = std::time::Instant::now();
    progress.stage("read", 0);
    let table = match tashil_sheets::read_table(file_name, bytes, opts) {
        Ok(t) => t,
        Err(e) => {
            report.errors.push(sheet_issue(&e));
            return Ok(report);
        }
    };
    let read_done = started.elapsed();
    // Header problems do not stop the row checks: the user gets every error in one pass.
    let map = columns::map_headers(&table, &mut report);
    progress.stage("validate", table.rows.len() as u64);
    let valid = validate_rows(&table, &map, &importer, &mut report, progress);
    if !report.ok() {
        return Ok(report);
    }
    check_existing(db, &importer, &table, &map, &valid, &mut report).await?;
    if !report.ok() {
        return Ok(report);
    }
    let checked = started.elapsed();
    progress.stage("write", valid.len() as u64);
    let units: Vec<ValidUnit> = valid.into_iter().map(|(_, v)| v).collect();
    let txn = crate::db::begin_write(db).await?;
    // One call for all rows: the store sorts every search term of the import before writing,
    // so the terms' B-trees are filled in order.
    let ids = store::insert_units(&txn, &units).await?;
    progress.advance(units.len() as u64);
    let (actor, via) = match importer {
        Importer::User(a) => (Some(a), "import"),
        Importer::Operator => (None, "cli-import"),
    };
    let changes = ids
        .iter()
        .zip(units.iter())
        .map(|(id, v)| Change {
            actor,
            via,
            action: "unit.import",
            entity: "unit",
            entity_id: id.to_string(),
            before: None,
            after: Some(super::snapshot_json(v)),
        })
        .collect();
    let stored = started.elapsed();
    audit::record_many(&txn, changes).await?;
    let audited = started.elapsed();
    txn.commit().await?;
    tracing::debug!(
        audit_ms = (audited - stored).as_millis() as u64,
        commit_ms = (started.elapsed() - audited).as_millis() as u64,
        "import timings"
    );
    report.imported = units.len();
    tracing::info!(
        rows = units.len(),
        read_ms = read_done.as_millis() as u64,
        check_ms = (checked - read_done).as_millis() as u64,
        write_ms = (started.elapsed() - checked).as_millis() as u64,
        "import committed"
    );
    Ok(report)
}

/// A file-level problem: the cell it names (formula, merged cell) gives the row and column;
/// an encoding, limit or detail goes into `detail` for the message.
fn sheet_issue(e: &tashil_sheets::SheetError) -> Issue {
    let params = e.params();
    let get = |k: &str| params.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
    let (mut row, mut column) = (0, None);
    if let Some(cell) = get("cell") {
        let letters: String = cell
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        row = cell[letters.len()..].parse().unwrap_or(0);
        column = Some(letters);
    }
    if let Some(r) = get("row").and_then(|r| r.parse().ok()) {
        row = r;
    }
    Issue {
        row,
        column,
        header: None,
        code: e.code().to_string(),
        detail: get("likely_encoding")
            .or_else(|| get("encoding"))
            .or_else(|| get("label"))
            .or_else(|| get("limit")),
    }
}

fn issue(row: usize, column: Option<usize>, header: Option<String>, code: &str) -> Issue {
    Issue {
        row,
        column: column.map(Table::column_letter),
        header,
        code: code.to_string(),
        detail: None,
    }
}

fn validate_rows(
    table: &Table,
    map: &columns::ColumnMap,
    importer: &Importer<'_>,
    report: &mut ImportReport,
    progress: &dyn Progress,
) -> Vec<(usize, ValidUnit)> {
    let mut out = Vec::with_capacity(table.rows.len());
    let mut seen: HashMap<(&'static str, String), usize> = HashMap::new();
    let mut choices = columns::Choices::new();
    for (n, row) in table.rows.iter().enumerate() {
        if n % 1000 == 999 {
            progress.advance(1000);
        }
        if report.errors.len() >= MAX_ERRORS {
            report
                .errors
                .push(issue(row.number, None, None, "too_many_errors"));
            break;
        }
        let cell = |c: Column| map.text(row, c);
        let draft = UnitDraft {
            national_id: cell(Column::NationalId),
            name_fa: cell(Column::NameFa),
            name_en: cell(Column::NameEn),
            name_vi: cell(Column::NameVi),
            province: choices.province(&cell(Column::Province)),
            city: cell(Column::City),
            isic_class: cell(Column::IsicClass),
            size_class: choices.size(&cell(Column::SizeClass)),
            knowledge_based: choices.yes(&cell(Column::KnowledgeBased)),
            status: choices.status(&cell(Column::Status)),
            products: vec![ProductDraft {
                name: cell(Column::ProductName),
                hs_code: cell(Column::ProductHs),
            }],
            qc_managers: vec![QcManagerDraft {
                full_name: cell(Column::QcName),
                national_code: cell(Column::QcCode),
            }],
        };
        match draft.validate() {
            Err(errs) => {
                for e in errs {
                    let col = columns::column_of_field(&e.field);
                    // A missing column is reported once, not once per row.
                    if col.is_some_and(|c| map.is_missing(c)) {
                        continue;
                    }
                    let idx = col.and_then(|c| map.index(c));
                    report.errors.push(issue(
                        row.number,
                        idx,
                        idx.map(|i| table.headers[i].clone())
                            .or(col.map(|c| c.key().to_string())),
                        e.code,
                    ));
                }
            }
            Ok(v) => {
                if let Importer::User(a) = importer
                    && rules::authorize_create(a, v.province.code).is_err()
                {
                    let idx = map.index(Column::Province);
                    report.errors.push(issue(
                        row.number,
                        idx,
                        idx.map(|i| table.headers[i].clone()),
                        "province_out_of_scope",
                    ));
                    continue;
                }
                let key = (v.country.code(), v.national_id.clone());
                if let Some(first) = seen.get(&key) {
                    let idx = map.index(Column::NationalId);
                    let mut i = issue(
                        row.number,
                        idx,
                        idx.map(|i| table.headers[i].clone()),
                        "duplicate_in_file",
                    );
                    i.detail = Some(first.to_string());
                    report.errors.push(i);
                    continue;
                }
                seen.insert(key, row.number);
                out.push((row.number, v));
            }
        }
    }
    out
}

/// Refuses rows whose national ID is already registered (named, with where, only to an
/// importer who may see that unit: see `service::duplicate_id_error`).
async fn check_existing<C: ConnectionTrait>(
    db: &C,
    importer: &Importer<'_>,
    table: &Table,
    map: &columns::ColumnMap,
    valid: &[(usize, ValidUnit)],
    report: &mut ImportReport,
) -> Result<(), DbErr> {
    let idx = map.index(Column::NationalId);
    for chunk in valid.chunks(500) {
        for country in ["IR", "VN"] {
            let ids: Vec<&str> = chunk
                .iter()
                .filter(|(_, v)| v.country.code() == country)
                .map(|(_, v)| v.national_id.as_str())
                .collect();
            if ids.is_empty() {
                continue;
            }
            let existing: std::collections::HashMap<String, unit::Model> = unit::Entity::find()
                .filter(unit::Column::Country.eq(country))
                .filter(unit::Column::NationalId.is_in(ids))
                .all(db)
                .await?
                .into_iter()
                .map(|m| (m.national_id.clone(), m))
                .collect();
            for (row, v) in chunk {
                let Some(m) = existing
                    .get(&v.national_id)
                    .filter(|_| v.country.code() == country)
                else {
                    continue;
                };
                let seen = match importer {
                    Importer::User(a) => rules::read_scope(a)
                        .is_ok_and(|s| s.covers(&m.province_code, m.organisation_id)),
                    Importer::Operator => true,
                };
                let e =
                    super::service::duplicate_id_error("national_id", seen, &m.province_code, m.id);
                let mut i = issue(*row, idx, idx.map(|i| table.headers[i].clone()), e.code);
                i.detail = e.detail;
                report.errors.push(i);
            }
        }
    }
    Ok(())
}
