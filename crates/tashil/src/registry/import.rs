//! Import of units from CSV or XLSX: every row is checked before anything is written, errors
//! are reported by row and column as the user sees them in Excel, and the rows are
//! committed all together or not at all.
//!
//! Two passes over what the sheet holds: `check` streams the rows and keeps each valid unit
//! (never the sheet itself), `write` stores them in batches inside one transaction and
//! records the import as one audit entry (ADR 0013).

mod check;
mod columns;
mod packed;
pub mod pages;
mod relay;
mod write;

use sea_orm::{DatabaseConnection, DbErr};
use tashil_sheets::{ReadOptions, Table};

pub use columns::{Column, header_label};
pub use pages::routes;

use crate::access::{Actor, units as rules};

pub use crate::kernel::import::{ImportReport, Issue, NoProgress, Progress};

/// Who imports: a user (checked against the access rules) or the operator at the CLI.
pub enum Importer<'a> {
    User(&'a Actor),
    Operator,
}

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
        report.errors.push(Issue::file("forbidden"));
        return Ok(report);
    }
    let started = std::time::Instant::now();
    progress.stage("check", 0);
    // Reading and checking is seconds of CPU for a national file: on the server's runtime,
    // other requests move to another worker meanwhile.
    let checked =
        off_the_runtime(|| check::rows(file_name, bytes, opts, &importer, &mut report, progress));
    if !report.ok() {
        return Ok(report);
    }
    check::existing(db, &importer, &checked, &mut report).await?;
    if !report.ok() {
        return Ok(report);
    }
    let check_done = started.elapsed();
    progress.stage("write", checked.units.len() as u64);
    let source = write::Source {
        file_name,
        bytes,
        sheet: checked.sheet.as_deref(),
    };
    report.imported = write::store(db, &importer, &source, checked.units, progress).await?;
    tracing::info!(
        rows = report.imported,
        check_ms = check_done.as_millis() as u64,
        write_ms = (started.elapsed() - check_done).as_millis() as u64,
        "import committed"
    );
    Ok(report)
}

/// Runs `f` where it does not stall the tasks of a multi-threaded runtime (the server's);
/// on a single-threaded one (tests) there is no other worker to hand them to.
fn off_the_runtime<R>(f: impl FnOnce() -> R) -> R {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(f),
        _ => f(),
    }
}

fn issue(row: usize, column: Option<usize>, header: Option<String>, code: &str) -> Issue {
    Issue::at(row, column.map(Table::column_letter), header, code)
}
