//! The first pass: every row of the sheet, streamed, checked into a valid unit or located
//! errors; then the national IDs against the units already registered.

use std::collections::HashMap;
use std::ops::ControlFlow;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use tashil_sheets::{ReadOptions, Row, RowSink, SheetInfo};

use super::columns::{self, Choices, Column, ColumnMap};
use super::packed::PackedUnit;
use super::{ImportReport, Importer, Issue, Progress, issue};
use crate::access::units as rules;
use crate::registry::entity::unit;
use crate::registry::model::{ProductDraft, QcManagerDraft, UnitDraft};

/// Past this many errors the file is not read further: the user has enough to correct.
const MAX_ERRORS: usize = 1000;

/// What the first pass keeps: the valid units, packed, and the row each came from.
pub(super) struct Checked {
    pub(super) units: Vec<PackedUnit>,
    /// `rows[i]` is the row number of `units[i]`.
    rows: Vec<usize>,
    /// The national ID column's index and header, to locate a clash with a registered unit.
    id_column: Option<(usize, String)>,
    pub(super) sheet: Option<String>,
}

/// Reads and checks every row. The sheet's own refusals (format, formulas, merged ranges)
/// replace the row errors: they are what the user must fix first, and they may be the
/// cause of the others.
pub(super) fn rows(
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    importer: &Importer<'_>,
    report: &mut ImportReport,
    progress: &dyn Progress,
) -> Checked {
    let mut checker = Checker {
        importer,
        report,
        progress,
        map: None,
        headers: Vec::new(),
        choices: Choices::new(),
        seen: HashMap::new(),
        checked: Checked {
            units: Vec::new(),
            rows: Vec::new(),
            id_column: None,
            sheet: None,
        },
    };
    let read = super::relay::read_rows(file_name, bytes, opts, &mut checker);
    let Checker {
        report, checked, ..
    } = checker;
    if let Err(e) = read {
        report.errors.clear();
        report.warnings.clear();
        report.errors.push(Issue::of_sheet(&e));
    }
    checked
}

struct Checker<'a, 'r> {
    importer: &'a Importer<'a>,
    report: &'r mut ImportReport,
    progress: &'a dyn Progress,
    map: Option<ColumnMap>,
    headers: Vec<String>,
    choices: Choices,
    /// The first row of each (country, national ID), to name it in a duplicate's error.
    seen: HashMap<(&'static str, String), usize>,
    checked: Checked,
}

impl RowSink for Checker<'_, '_> {
    fn header(&mut self, sheet: &SheetInfo) -> ControlFlow<()> {
        self.checked.sheet = sheet.sheet_name.clone();
        let map = columns::map_headers(
            &sheet.headers,
            sheet.header_row,
            sheet.sheet_name.as_deref(),
            self.report,
        );
        if map.is_empty() {
            // Not the table of units: its rows would each repeat the same errors.
            return ControlFlow::Break(());
        }
        self.checked.id_column = map
            .index(Column::NationalId)
            .map(|i| (i, sheet.headers[i].clone()));
        self.headers = sheet.headers.clone();
        self.map = Some(map);
        // Header problems do not stop the row checks: the user gets every error in one pass.
        ControlFlow::Continue(())
    }

    fn row(&mut self, row: Row) -> ControlFlow<()> {
        if self.report.errors.len() >= MAX_ERRORS {
            self.report
                .errors
                .push(issue(row.number, None, None, "too_many_errors"));
            return ControlFlow::Break(());
        }
        if row.number.is_multiple_of(1000) {
            self.progress.advance(1000);
        }
        self.check(&row);
        ControlFlow::Continue(())
    }
}

impl Checker<'_, '_> {
    fn header_of(&self, column: Option<usize>) -> Option<String> {
        column.and_then(|i| self.headers.get(i).cloned())
    }

    fn check(&mut self, row: &Row) {
        let Some(map) = &self.map else { return };
        let cell = |c: Column| map.text(row, c);
        let (province, former) = self.choices.province(&cell(Column::Province));
        let draft = UnitDraft {
            national_id: cell(Column::NationalId),
            name_fa: cell(Column::NameFa),
            name_en: cell(Column::NameEn),
            name_vi: cell(Column::NameVi),
            province,
            city: cell(Column::City),
            isic_class: cell(Column::IsicClass),
            size_class: self.choices.size(&cell(Column::SizeClass)),
            knowledge_based: self.choices.yes(&cell(Column::KnowledgeBased)),
            status: self.choices.status(&cell(Column::Status)),
            products: vec![ProductDraft {
                name: cell(Column::ProductName),
                hs_code: cell(Column::ProductHs),
            }],
            qc_managers: vec![QcManagerDraft {
                full_name: cell(Column::QcName),
                national_code: cell(Column::QcCode),
            }],
        };
        let valid = match draft.validate() {
            Ok(v) => v,
            Err(errs) => {
                for e in errs {
                    let col = columns::column_of_field(&e.field);
                    // A missing column is reported once, not once per row.
                    if col.is_some_and(|c| map.is_missing(c)) {
                        continue;
                    }
                    let idx = col.and_then(|c| map.index(c));
                    let header = self.header_of(idx).or(col.map(|c| c.key().to_string()));
                    self.report
                        .errors
                        .push(issue(row.number, idx, header, e.code));
                }
                return;
            }
        };
        let province_column = map.index(Column::Province);
        if let Importer::User(a) = self.importer
            && rules::authorize_create(a, valid.province.code).is_err()
        {
            let header = self.header_of(province_column);
            self.report.errors.push(issue(
                row.number,
                province_column,
                header,
                "province_out_of_scope",
            ));
            return;
        }
        if let Some(was) = former {
            let header = self.header_of(province_column);
            let warning = issue(row.number, province_column, header, "province_merged")
                .with_detail(format!("{} → {}", was.name_vi, valid.province.name_vi));
            self.report.warnings.push(warning);
        }
        let key = (valid.country.code(), valid.national_id.clone());
        if let Some(first) = self.seen.get(&key) {
            let idx = map.index(Column::NationalId);
            let header = self.header_of(idx);
            let e =
                issue(row.number, idx, header, "duplicate_in_file").with_detail(first.to_string());
            self.report.errors.push(e);
            return;
        }
        self.seen.insert(key, row.number);
        self.checked.rows.push(row.number);
        self.checked.units.push(PackedUnit::new(valid));
    }
}

/// Refuses rows whose national ID is already registered (named, with where, only to an
/// importer who may see that unit: see `service::duplicate_id_error`).
pub(super) async fn existing<C: ConnectionTrait>(
    db: &C,
    importer: &Importer<'_>,
    checked: &Checked,
    report: &mut ImportReport,
) -> Result<(), DbErr> {
    let (idx, header) = match &checked.id_column {
        Some((i, h)) => (Some(*i), Some(h.clone())),
        None => (None, None),
    };
    let rows: Vec<(usize, &PackedUnit)> = checked
        .rows
        .iter()
        .copied()
        .zip(checked.units.iter())
        .collect();
    for chunk in rows.chunks(500) {
        for country in ["IR", "VN"] {
            let ids: Vec<&str> = chunk
                .iter()
                .filter(|(_, v)| v.country_code() == country)
                .map(|(_, v)| v.national_id())
                .collect();
            if ids.is_empty() {
                continue;
            }
            let found: HashMap<String, unit::Model> = unit::Entity::find()
                .filter(unit::Column::Country.eq(country))
                .filter(unit::Column::NationalId.is_in(ids))
                .all(db)
                .await?
                .into_iter()
                .map(|m| (m.national_id.clone(), m))
                .collect();
            for (row, v) in chunk {
                let Some(m) = found
                    .get(v.national_id())
                    .filter(|_| v.country_code() == country)
                else {
                    continue;
                };
                let seen = match importer {
                    Importer::User(a) => rules::read_scope(a)
                        .is_ok_and(|s| s.covers(&m.province_code, m.organisation_id)),
                    Importer::Operator => true,
                };
                let e = crate::registry::service::duplicate_id_error(
                    "national_id",
                    seen,
                    &m.province_code,
                    m.id,
                );
                let mut i = issue(*row, idx, header.clone(), e.code);
                i.detail = e.detail;
                report.errors.push(i);
            }
        }
    }
    Ok(())
}
