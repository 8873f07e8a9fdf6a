//! Subgroups ingested through the quality API's path (rows checked, each characteristic's
//! monitor updated incrementally with its rules and capability, violations stored, the batch
//! kept for idempotency and audited) against a raw batched insert of the same rows into the
//! same database in the same run (issue 20: target ≥ 0.5 as time(raw) ÷ time(API)).
//!
//! ```sh
//! cargo bench -p tashil --bench quality_ingest -- [--rows 100000] [--runs 1] \
//!     [--postgres postgres://postgres@127.0.0.1:5432/test]
//! # smoke (a debug build is enough): cargo bench -p tashil --bench quality_ingest -- --rows 2000
//! ```
//!
//! Each run takes a fresh, migrated database (SQLite, or PostgreSQL as `results_ingest`
//! chooses) with a small demo, then ten X̄-R characteristics of the demo unit (subgroups of
//! five) with limits from 25 baseline subgroups each. Then:
//! 1. **API**: the rows, one a minute per characteristic in time order, as batches of 5,000
//!    through `quality::ingest`, the path of `POST /api/v1/quality/measurements` after the
//!    HTTP layer and the JSON parse.
//! 2. **raw**: the subgroups the API stored, read back, deleted, and inserted again with
//!    multi-row INSERTs (`db::bulk`) in one transaction.
//!
//! The values are those of a process in control (normal around the target, the same in every
//! run), with one subgroup in a hundred shifted after the baseline: the rules fire about as
//! often as they would in use, not at nearly every subgroup. The rules that fired, by code,
//! go to standard error.

mod common;
use common::fresh::Fresh;

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, SubsecRound, Utc};
use common::arg;
use common::quality::{self, BASELINE, row};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};
use tashil::quality::{SUBGROUP_COLUMNS, SubgroupInput};

const CHARACTERISTICS: usize = 10;
const BATCH: usize = 5_000;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rows: usize = arg(&args, "--rows").map_or(Ok(100_000), |r| r.parse())?;
    let runs: usize = arg(&args, "--runs").map_or(Ok(1), |r| r.parse())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    println!(
        "{rows} subgroups of 5 over {CHARACTERISTICS} characteristics, {runs} run(s) per backend\n"
    );
    println!(
        "| backend | run | API (quality::ingest) | subgroups/s | violations | raw batched insert | raw ÷ API |"
    );
    println!("|---|---|---|---|---|---|---|");
    for pg in common::backends(&args) {
        for run in 1..=runs {
            rt.block_on(measure(pg.as_deref(), rows, run))?;
        }
    }
    Ok(())
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

async fn measure(pg: Option<&str>, rows: usize, run: usize) -> Result<()> {
    let label = if pg.is_some() { "PostgreSQL" } else { "SQLite" };
    let fresh = Fresh::new(pg).await?;
    let db = &fresh.db;
    // Whole seconds, as a unit's system sends them (PostgreSQL keeps microseconds).
    let now = Utc::now().trunc_subsecs(0);
    let started = Instant::now();
    let unit = quality::unit_user(db).await?;
    let per = rows.div_ceil(CHARACTERISTICS) as i64;
    let first = now - chrono::Duration::minutes(per + BASELINE + 5);
    let minute = |i: i64| first + chrono::Duration::minutes(i);
    let err = |e| anyhow::anyhow!("{e:?}");
    quality::characteristics(db, &unit, CHARACTERISTICS, first, now).await?;
    let all: Vec<SubgroupInput> = (0..per)
        .flat_map(|i| (0..CHARACTERISTICS).map(move |k| (k, i)))
        .take(rows)
        .map(|(k, i)| row(k, (i + BASELINE + 1) as usize, minute(BASELINE + 1 + i)))
        .collect();
    let backend = db.get_database_backend();
    let before: i64 = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COALESCE(MAX(id), 0) AS n FROM quality_subgroups",
        ))
        .await?
        .context("max id")?
        .try_get("", "n")?;
    eprintln!(
        "{label}: demo and {CHARACTERISTICS} characteristics with limits in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let mut flagged = 0usize;
    let mut rules: std::collections::BTreeMap<String, usize> = Default::default();
    for (b, chunk) in all.chunks(BATCH).enumerate() {
        let lines: Vec<usize> = (0..chunk.len()).collect();
        let a = tashil::quality::ingest(db, &unit, &format!("bench-{b}"), chunk, &lines, now)
            .await
            .map_err(err)?;
        if a.stored != chunk.len() {
            bail!("batch {b} stored {} of {}", a.stored, chunk.len());
        }
        for s in a.subgroups.iter().filter(|s| !s.violations.is_empty()) {
            flagged += 1;
            for v in &s.violations {
                *rules.entry(v.clone()).or_default() += 1;
            }
        }
    }
    let api = started.elapsed();
    eprintln!("{label}: rules fired {rules:?}");

    let stored = read_back(db, before).await?;
    if stored.len() != all.len() {
        bail!("{} subgroups stored of {}", stored.len(), all.len());
    }
    db.execute_unprepared(&format!(
        "DELETE FROM quality_subgroups WHERE id > {before}"
    ))
    .await?;
    let started = Instant::now();
    let txn = tashil::db::begin_write(db).await?;
    tashil::db::bulk::insert(&txn, "quality_subgroups", &SUBGROUP_COLUMNS, stored, None).await?;
    txn.commit().await?;
    let raw = started.elapsed();
    println!(
        "| {label} | {run} | {} | {:.0} | {flagged} | {} | **{:.2}** |",
        secs(api),
        all.len() as f64 / api.as_secs_f64(),
        secs(raw),
        raw.as_secs_f64() / api.as_secs_f64()
    );
    fresh.drop_it().await
}

/// The subgroups stored after id `before`, as values to insert again.
async fn read_back(db: &DatabaseConnection, before: i64) -> Result<Vec<Vec<Value>>> {
    let sql = format!(
        "SELECT {} FROM quality_subgroups WHERE id > {before} ORDER BY id",
        SUBGROUP_COLUMNS.join(", ")
    );
    let mut out = vec![];
    for r in db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
    {
        out.push(vec![
            r.try_get::<i64>("", "characteristic_id")?.into(),
            r.try_get::<DateTime<Utc>>("", "measured_at")?.into(),
            r.try_get::<String>("", "data")?.into(),
            r.try_get::<Option<i64>>("", "batch_id")?.into(),
            r.try_get::<i64>("", "entered_by")?.into(),
            r.try_get::<DateTime<Utc>>("", "received_at")?.into(),
        ]);
    }
    Ok(out)
}
