//! The second pass: the checked units stored in batches inside one transaction, and the
//! import recorded in the audit chain as one entry (ADR 0013): the file by its SHA-256, who
//! imported it and how, and the units it created.

use std::collections::BTreeMap;

use sea_orm::{DatabaseConnection, DbErr};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::packed::PackedUnit;
use super::{Importer, Progress};
use crate::audit::{self, Change};
use crate::registry::store;

/// Units per round trip of the store: large enough that statement overhead vanishes, small
/// enough that a batch's rows, products and search terms stay a few megabytes.
const BATCH: usize = 5_000;

/// The file the units came from, as the audit entry names it.
pub(super) struct Source<'a> {
    pub(super) file_name: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) sheet: Option<&'a str>,
}

/// Stores `units` and the import's audit entry, all or nothing; returns how many.
pub(super) async fn store(
    db: &DatabaseConnection,
    importer: &Importer<'_>,
    source: &Source<'_>,
    units: Vec<PackedUnit>,
    progress: &dyn Progress,
) -> Result<usize, DbErr> {
    let file_sha256 = hex::encode(Sha256::digest(source.bytes));
    let mut provinces: BTreeMap<&'static str, usize> = BTreeMap::new();
    for v in &units {
        *provinces.entry(v.province_code()).or_default() += 1;
    }
    let count = units.len();
    let txn = crate::db::begin_bulk_write(db).await?;
    // Ended explicitly either way, so the connection gets its usual page cache back.
    match write_all(
        &txn,
        importer,
        source,
        units,
        progress,
        file_sha256,
        provinces,
    )
    .await
    {
        Ok(()) => {
            txn.commit().await?;
            Ok(count)
        }
        Err(e) => {
            txn.rollback().await?;
            Err(e)
        }
    }
}

async fn write_all(
    txn: &crate::db::WriteTx,
    importer: &Importer<'_>,
    source: &Source<'_>,
    mut units: Vec<PackedUnit>,
    progress: &dyn Progress,
    file_sha256: String,
    provinces: BTreeMap<&'static str, usize>,
) -> Result<(), DbErr> {
    let count = units.len();
    let mut ids = Vec::with_capacity(count);
    // Batches are taken off the end of the reversed list, so each is freed once written and
    // the units keep the file's order (and so their ids).
    units.reverse();
    while !units.is_empty() {
        let batch: Vec<_> = units
            .split_off(units.len().saturating_sub(BATCH))
            .iter()
            .rev()
            .map(PackedUnit::unpack)
            .collect();
        ids.extend(store::insert_units(txn, &batch).await?);
        progress.advance(batch.len() as u64);
    }
    let (change, channel) = match importer {
        Importer::User(a) => (
            Change::by(a, "unit.import", "import", &file_sha256),
            a.channel().as_str(),
        ),
        Importer::Operator => (
            Change::system("cli", "unit.import", "import", &file_sha256),
            "cli",
        ),
    };
    let after = json!({
        "file_name": source.file_name,
        "file_sha256": file_sha256,
        "sheet": source.sheet,
        "channel": channel,
        "rows": count,
        "units": id_ranges(ids),
        "provinces": provinces,
    });
    audit::record(txn, change.after(after)).await?;
    Ok(())
}

/// The ids as `[first, last]` runs: one run when the database numbered the import's rows
/// consecutively, as it does unless another writer's rows interleave.
fn id_ranges(mut ids: Vec<i64>) -> Vec<[i64; 2]> {
    ids.sort_unstable();
    let mut runs: Vec<[i64; 2]> = Vec::new();
    for id in ids {
        match runs.last_mut() {
            Some(run) if run[1] + 1 == id => run[1] = id,
            _ => runs.push([id, id]),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::id_ranges;

    #[test]
    fn ids_collapse_into_runs() {
        assert_eq!(
            id_ranges(vec![7, 3, 4, 5, 9, 8, 12]),
            [[3, 5], [7, 9], [12, 12]]
        );
        assert!(id_ranges(vec![]).is_empty());
    }
}
