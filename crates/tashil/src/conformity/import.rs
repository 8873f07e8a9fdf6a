//! Import of accreditations and their scope from CSV or XLSX, one scope entry a row: every
//! row is checked before anything is written, each problem named by its row and column as
//! Excel shows them, and the rows are committed all together or not at all, with one audit
//! entry for the file (as the registry's import, ADR 0013).
//!
//! A row names its accreditation by body and certificate number; the first row of a
//! certificate not yet entered carries the lab and the validity, later rows of it (and rows
//! of a certificate already entered) only add to its scope.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use serde_json::json;
use sha2::{Digest, Sha256};
use tashil_sheets::{ReadOptions, Table};

use super::error::ConformityError;
use super::labs::{CheckedEntry, entry_of, insert_accreditation, insert_entry, lab_province};
use super::model::accreditation::{AccreditationDraft, ValidAccreditation};
use super::model::scope::ScopeEntryDraft;
use super::query;
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::audit::{self, Change};
use crate::kernel::import::{ImportReport, Issue};

/// The columns a file may have, as its header row names them.
pub const COLUMNS: &[&str] = &[
    "accreditation_body",
    "certificate_number",
    "lab_org_id",
    "valid_from",
    "valid_until",
    "status",
    "standard_id",
    "clause",
    "test_method",
    "turnaround_days",
];

/// Those every file must have (the others may be left out when every certificate is known).
pub const REQUIRED: &[&str] = &[
    "accreditation_body",
    "certificate_number",
    "standard_id",
    "clause",
    "turnaround_days",
];

/// Where a row's entry goes: an accreditation the file makes (its index), or one entered.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Target {
    New(usize),
    Entered(i64),
}

struct Header {
    /// Each of [`COLUMNS`]' index in the sheet.
    at: Vec<Option<usize>>,
    names: Vec<String>,
}

impl Header {
    fn issue(&self, row: usize, field: &str, code: &str) -> Issue {
        let i = COLUMNS.iter().position(|c| *c == field);
        let col = i.and_then(|i| self.at[i]);
        Issue::at(
            row,
            col.map(Table::column_letter),
            Some(col.map_or_else(|| field.to_string(), |c| self.names[c].clone())),
            code,
        )
    }
}

fn read_header(table: &Table, report: &mut ImportReport) -> Header {
    let mut at = vec![None; COLUMNS.len()];
    for (i, h) in table.headers.iter().enumerate() {
        let key = h.trim().to_lowercase();
        match COLUMNS.iter().position(|c| *c == key) {
            Some(c) if at[c].is_none() => at[c] = Some(i),
            Some(_) => report.errors.push(Issue::at(
                table.header_row,
                Some(Table::column_letter(i)),
                Some(h.clone()),
                "duplicate_column",
            )),
            None if key.is_empty() => {}
            None => report.warnings.push(Issue::at(
                table.header_row,
                Some(Table::column_letter(i)),
                Some(h.clone()),
                "unknown_column",
            )),
        }
    }
    for r in REQUIRED {
        let c = COLUMNS.iter().position(|c| c == r).unwrap_or_default();
        if at[c].is_none() {
            report.errors.push(Issue::at(
                table.header_row,
                None,
                Some(r.to_string()),
                "missing_column",
            ));
        }
    }
    Header {
        at,
        names: table.headers.clone(),
    }
}

/// Imports the file `file_name` for the national body at `now`.
pub async fn import(
    db: &DatabaseConnection,
    actor: &Actor,
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport, ConformityError> {
    rules::authorize_accreditation(actor)?;
    let mut report = ImportReport::default();
    let table = match tashil_sheets::read_table(file_name, bytes, opts) {
        Ok(t) => t,
        Err(e) => {
            report.errors.push(Issue::of_sheet(&e));
            return Ok(report);
        }
    };
    let header = read_header(&table, &mut report);
    if !report.ok() {
        return Ok(report);
    }
    let cell = |row: &tashil_sheets::Row, field: &str| -> String {
        let Some(i) = COLUMNS
            .iter()
            .position(|c| *c == field)
            .and_then(|k| header.at[k])
        else {
            return String::new();
        };
        let c = row.get(i);
        // A date typed in Excel arrives as a serial: read it as the date it shows.
        match c.as_datetime(table.date1904) {
            Some(dt) => dt.date().to_string(),
            None => c.as_text(),
        }
    };

    let mut made: Vec<(ValidAccreditation, String)> = vec![];
    let mut by_certificate: HashMap<(String, String), Target> = HashMap::new();
    let mut entries: Vec<(Target, CheckedEntry)> = vec![];
    let mut seen: BTreeSet<(Target, i64, String)> = BTreeSet::new();
    let mut standards = HashMap::new();
    let mut entered: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    for row in &table.rows {
        let n = row.number;
        let before = report.errors.len();
        let body =
            crate::kernel::bounded("accreditation_body", &cell(row, "accreditation_body"), 100);
        let number =
            crate::kernel::bounded("certificate_number", &cell(row, "certificate_number"), 100);
        let (body, number) = match (body, number) {
            (Ok(b), Ok(c)) => (b, c),
            (b, c) => {
                for e in [b.err(), c.err()].into_iter().flatten() {
                    report.errors.push(header.issue(n, &e.field, e.code));
                }
                continue;
            }
        };
        let target = match by_certificate.get(&(body.clone(), number.clone())) {
            Some(t) => Some(*t),
            None => match query::certificate(db, &body, &number).await? {
                Some(m) => {
                    let have = query::entries_of(db, &[m.id]).await?;
                    entered.insert(
                        m.id,
                        have.into_iter()
                            .map(|e| (e.standard_id, e.clause_number))
                            .collect(),
                    );
                    Some(Target::Entered(m.id))
                }
                None => {
                    let draft = AccreditationDraft {
                        lab_org_id: cell(row, "lab_org_id"),
                        accreditation_body: body.clone(),
                        certificate_number: number.clone(),
                        valid_from: cell(row, "valid_from"),
                        valid_until: cell(row, "valid_until"),
                        status: cell(row, "status"),
                    };
                    match draft.validate() {
                        Ok(v) => match lab_province(db, v.lab_org_id).await {
                            Ok(p) => {
                                made.push((v, p));
                                Some(Target::New(made.len() - 1))
                            }
                            Err(ConformityError::Invalid(errs)) => {
                                for e in errs {
                                    report.errors.push(header.issue(n, &e.field, e.code));
                                }
                                None
                            }
                            Err(e) => return Err(e),
                        },
                        Err(errs) => {
                            for e in errs {
                                report.errors.push(header.issue(n, &e.field, e.code));
                            }
                            None
                        }
                    }
                }
            },
        };
        if let Some(t) = target {
            by_certificate.insert((body, number), t);
        }
        let draft = ScopeEntryDraft {
            standard_id: cell(row, "standard_id"),
            clause: cell(row, "clause"),
            test_method: cell(row, "test_method"),
            turnaround_days: cell(row, "turnaround_days"),
        };
        let v = match draft.validate() {
            Ok(v) => v,
            Err(errs) => {
                for e in errs {
                    report.errors.push(header.issue(n, &e.field, e.code));
                }
                continue;
            }
        };
        if let std::collections::hash_map::Entry::Vacant(slot) = standards.entry(v.standard_id) {
            slot.insert(
                match crate::standards::get(db, Some(actor), v.standard_id, now).await {
                    Ok(s) => Some(s),
                    Err(crate::standards::StandardsError::NotFound) => None,
                    Err(e) => return Err(e.into()),
                },
            );
        }
        let Some(Some(s)) = standards.get(&v.standard_id) else {
            report
                .errors
                .push(header.issue(n, "standard_id", "unknown_standard"));
            continue;
        };
        let e = match entry_of(s, v) {
            Ok(e) => e,
            Err(e) => {
                report.errors.push(header.issue(n, &e.field, e.code));
                continue;
            }
        };
        let (Some(t), true) = (target, report.errors.len() == before) else {
            continue;
        };
        let key = (t, e.v.standard_id, e.v.clause.clone());
        let already = match t {
            Target::Entered(id) => entered
                .get(&id)
                .is_some_and(|have| have.contains(&(key.1, key.2.clone()))),
            Target::New(_) => false,
        };
        if already || !seen.insert(key) {
            report
                .errors
                .push(header.issue(n, "clause", "duplicate_scope_entry"));
            continue;
        }
        entries.push((t, e));
    }
    if table.rows.is_empty() {
        report.errors.push(Issue::file("empty"));
    }
    if !report.ok() {
        return Ok(report);
    }

    let txn = crate::db::begin_bulk_write(db).await?;
    let written = write(&txn, made, entries, now).await;
    let (ids, count) = match written {
        Ok(w) => w,
        Err(e) => {
            txn.rollback().await?;
            return Err(e);
        }
    };
    let sha = hex::encode(Sha256::digest(bytes));
    let recorded = audit::record(
        &txn,
        Change::by(actor, "accreditation.import", "import", &sha).after(json!({
            "file_name": file_name, "file_sha256": sha, "channel": actor.channel().as_str(),
            "accreditations": ids, "scope_entries": count,
        })),
    )
    .await;
    if let Err(e) = recorded {
        txn.rollback().await?;
        return Err(e.into());
    }
    txn.commit().await?;
    report.imported = count;
    Ok(report)
}

/// Writes the accreditations the file makes, then every entry; the new accreditations' ids
/// and the count of entries.
async fn write<C: sea_orm::ConnectionTrait>(
    txn: &C,
    made: Vec<(ValidAccreditation, String)>,
    entries: Vec<(Target, CheckedEntry)>,
    now: DateTime<Utc>,
) -> Result<(Vec<i64>, usize), ConformityError> {
    let mut ids = Vec::with_capacity(made.len());
    for (v, province) in made {
        ids.push(insert_accreditation(txn, v, province, now).await?.id);
    }
    let count = entries.len();
    for (t, e) in entries {
        let id = match t {
            Target::New(i) => ids[i],
            Target::Entered(id) => id,
        };
        insert_entry(txn, id, e, now).await?;
    }
    Ok((ids, count))
}
