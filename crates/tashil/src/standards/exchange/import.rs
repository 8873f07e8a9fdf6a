//! Import of a catalogue file: every record checked, duplicates in the file and in the
//! catalogue refused by row, and nothing written unless all of it is good; then one
//! transaction writes, audits and queues the index.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use tashil_sheets::ReadOptions;

use super::StandardRecord;
use super::columns::{COLUMNS, issue};
use super::read::records;
use crate::access::Actor;
use crate::access::standards as rules;
use crate::audit::{self, Change};
use crate::kernel::import::{ImportReport, Issue};
use crate::search::outbox;
use crate::standards::entity::standard;
use crate::standards::model::{Status, parse_date, today_for};
use crate::standards::service::{self, StandardsError};
use crate::standards::store::{self, NewStandard};

/// Where a field sits in the file: its column index and header, for the report.
type ColumnOf<'a> = &'a dyn Fn(&str) -> (Option<usize>, Option<String>);

/// A standard ready to insert, with where it came from.
struct Checked {
    row: usize,
    new: NewStandard,
}

/// Checks one record at `now`; `col` gives the column index of a field for the report.
fn check(
    rec: &StandardRecord,
    row: usize,
    col: ColumnOf<'_>,
    report: &mut ImportReport,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Checked> {
    let mut push = |field: &str, code: &str| {
        // `clauses[2].unit` is reported under its own name: JSON has no columns.
        let (c, h) = col(field.split(['[', '.']).next().unwrap_or(field));
        let h = if c.is_none() {
            Some(field.to_string())
        } else {
            h
        };
        report.errors.push(issue(row, c, h, code));
    };
    let v = match rec.draft.validate() {
        Ok(v) => Some(v),
        Err(errs) => {
            for e in errs {
                let field = if e.field.starts_with("products[") {
                    "hs_codes".to_string()
                } else {
                    e.field.clone()
                };
                push(&field, e.code);
            }
            None
        }
    };
    let status = if rec.status.trim().is_empty() {
        Some(Status::Published)
    } else {
        Status::parse(&rec.status.trim().to_lowercase()).or_else(|| {
            push("status", "invalid_choice");
            None
        })
    };
    let date = |raw: &Option<String>,
                field: &str,
                push: &mut dyn FnMut(&str, &str)|
     -> Option<NaiveDate> {
        match parse_date(raw.as_deref().unwrap_or("")) {
            Ok(d) => d,
            Err(code) => {
                push(field, code);
                None
            }
        }
    };
    let mandatory_from = date(&rec.mandatory_from, "mandatory_from", &mut push);
    let enquiry_deadline = date(&rec.enquiry_deadline, "enquiry_deadline", &mut push);
    if rec.mandatory && status.is_some_and(|s| !s.in_force()) {
        push("mandatory", "mandatory_not_in_force");
    }
    if status == Some(Status::Enquiry)
        && enquiry_deadline.is_none()
        && rec.enquiry_deadline.is_none()
    {
        push("enquiry_deadline", "required");
    }
    let mut mandatory_in = Vec::new();
    for c in &rec.mandatory_in {
        match crate::standards::lists::known(c.trim()) {
            Some(c) if !mandatory_in.contains(&c) => mandatory_in.push(c),
            Some(_) => {}
            None => push("mandatory_in", "invalid_choice"),
        }
    }
    let v = v?;
    Some(Checked {
        row,
        new: NewStandard {
            status: status?,
            mandatory: rec.mandatory,
            // Mandatory from today on its body's clock unless the file says from when.
            mandatory_from: if rec.mandatory {
                mandatory_from.or_else(|| Some(today_for(v.body.as_str(), now)))
            } else {
                None
            },
            mandatory_in,
            enquiry_deadline,
            v,
        },
    })
}

const MAX_ERRORS: usize = 1000;

/// Imports a catalogue file at `now`. Nothing is written unless every record is valid and
/// new.
pub async fn import(
    db: &DatabaseConnection,
    actor: Option<&Actor>,
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ImportReport, StandardsError> {
    if let Some(a) = actor {
        rules::authorize_manage(a)?;
    }
    let mut report = ImportReport::default();
    let (recs, map, headers) = records(file_name, bytes, opts, &mut report);
    let col = |field: &str| -> (Option<usize>, Option<String>) {
        let c = COLUMNS
            .iter()
            .position(|(k, _, _)| *k == field)
            .and_then(|c| map.get(c).copied().flatten());
        (
            c,
            c.map(|i| headers[i].clone())
                .or_else(|| Some(field.to_string())),
        )
    };
    let mut checked = Vec::with_capacity(recs.len());
    let mut seen = std::collections::HashMap::new();
    for (row, rec) in &recs {
        if report.errors.len() >= MAX_ERRORS {
            report
                .errors
                .push(issue(*row, None, None, "too_many_errors"));
            break;
        }
        if let Some(c) = check(rec, *row, &col, &mut report, now) {
            let key = (c.new.v.body.as_str(), c.new.v.number.clone(), c.new.v.year);
            if let Some(first) = seen.get(&key) {
                let (ci, h) = col("number");
                let mut i = issue(*row, ci, h, "duplicate_in_file");
                i.detail = Some(format!("{first}"));
                report.errors.push(i);
                continue;
            }
            seen.insert(key, *row);
            checked.push(c);
        }
    }
    if recs.is_empty() && report.errors.is_empty() {
        report.errors.push(Issue::file("empty"));
    }
    if !report.ok() {
        return Ok(report);
    }
    // Already in the catalogue: refused by row, not by a failed commit.
    for c in &checked {
        let exists = standard::Entity::find()
            .filter(standard::Column::Body.eq(c.new.v.body.as_str()))
            .filter(standard::Column::Number.eq(c.new.v.number.as_str()))
            .filter(standard::Column::Year.eq(c.new.v.year.unwrap_or(0)))
            .one(db)
            .await?
            .is_some();
        if exists {
            let (ci, h) = col("number");
            report
                .errors
                .push(issue(c.row, ci, h, "duplicate_standard"));
        }
    }
    if !report.ok() {
        return Ok(report);
    }
    let items: Vec<NewStandard> = checked.into_iter().map(|c| c.new).collect();
    let txn = crate::db::begin_bulk_write(db).await?;
    // Ended explicitly either way, so the connection gets its usual page cache back.
    let ids = match write_all(&txn, actor, &items, now).await {
        Ok(ids) => {
            txn.commit().await?;
            ids
        }
        Err(e) => {
            txn.rollback().await?;
            return Err(e.into());
        }
    };
    report.imported = ids.len();
    Ok(report)
}

async fn write_all(
    txn: &crate::db::WriteTx,
    actor: Option<&Actor>,
    items: &[NewStandard],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<i64>, DbErr> {
    let ids = store::insert(txn, items, now).await?;
    let changes = ids
        .iter()
        .zip(items.iter())
        .map(|(id, n)| Change {
            actor,
            via: if actor.is_some() {
                "import"
            } else {
                "cli-import"
            },
            action: "standard.import",
            entity: "standard",
            entity_id: id.to_string(),
            before: None,
            after: Some(service::valid_snapshot(&n.v)),
        })
        .collect();
    audit::record_many(txn, changes).await?;
    outbox::enqueue(txn, outbox::STANDARD, &ids).await?;
    Ok(ids)
}
