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

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, SubsecRound, Utc};
use common::arg;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};
use serde_json::json;
use tashil::access::Channel;
use tashil::config::StorageConfig;
use tashil::quality::{CharacteristicDraft, LimitsDraft, SUBGROUP_COLUMNS, SubgroupInput};

const CHARACTERISTICS: usize = 10;
const BATCH: usize = 5_000;
const BASELINE: i64 = 25;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rows: usize = arg(&args, "--rows").map_or(Ok(100_000), |r| r.parse())?;
    let runs: usize = arg(&args, "--runs").map_or(Ok(1), |r| r.parse())?;
    let postgres = arg(&args, "--postgres")
        .or_else(|| std::env::var("TASHIL_BENCH_POSTGRES_URL").ok())
        .or_else(|| std::env::var("TASHIL_TEST_POSTGRES_URL").ok())
        .filter(|u| !u.is_empty());
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
    let mut backends = vec![None];
    if let Some(url) = postgres {
        backends.push(Some(url));
    }
    for pg in backends {
        for run in 1..=runs {
            rt.block_on(measure(pg.as_deref(), rows, run))?;
        }
    }
    Ok(())
}

/// A fresh, migrated database; PostgreSQL's is dropped after the run.
struct Fresh {
    db: DatabaseConnection,
    _dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

impl Fresh {
    async fn new(admin: Option<&str>) -> Result<Fresh> {
        let dir = tempfile::tempdir()?;
        let (url, pg) = match admin {
            None => (None, None),
            Some(admin) => {
                let name = format!("tashil_bench_{}", uuid::Uuid::new_v4().simple());
                let conn = sea_orm::Database::connect(admin).await?;
                conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await?;
                conn.close().await.ok();
                (
                    Some(with_db_name(admin, &name)),
                    Some((admin.to_string(), name)),
                )
            }
        };
        let storage = StorageConfig::new(dir.path().join("data"), url);
        let db = tashil::cli::open(&storage).await?;
        Ok(Fresh { db, _dir: dir, pg })
    }

    async fn drop_it(self) -> Result<()> {
        self.db.close().await.ok();
        if let Some((admin, name)) = self.pg {
            let conn = sea_orm::Database::connect(&admin).await?;
            conn.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
                .await?;
        }
        Ok(())
    }
}

fn with_db_name(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let stem = match base.rfind('/') {
        Some(i) if i > base.find("//").map_or(0, |d| d + 1) => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{stem}/{name}?{q}"),
        None => format!("{stem}/{name}"),
    }
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// The process: values around the 8 mm target with σ 0.1 mm (specification 7.4–8.6 mm, so
/// Cp 2), read to 0.001 mm, independent from subgroup to subgroup: in control.
const TARGET: f64 = 8.0;
const SIGMA: f64 = 0.1;
/// One subgroup in a hundred after the baseline has its mean shifted by 0.3 mm (6.7 σ of
/// the mean of five): an assignable cause, caught by rule 1 at least.
const SHIFT_EVERY: u64 = 100;
const SHIFT: f64 = 0.3;

/// SplitMix64 (Steele, Lea, Flood 2014): a deterministic stream for each seed.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform number in (0, 1].
fn uniform(state: &mut u64) -> f64 {
    ((splitmix(state) >> 11) + 1) as f64 / (1u64 << 53) as f64
}

/// A standard normal number (Box–Muller).
fn normal(state: &mut u64) -> f64 {
    let (u1, u2) = (uniform(state), uniform(state));
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Subgroup `i` of characteristic `k`: five values of the in-control process, the same in
/// every run; after the baseline (`i > BASELINE`), one in `SHIFT_EVERY` shifted.
fn values(k: usize, i: usize) -> Vec<serde_json::Value> {
    let mut state = ((k as u64) << 40) ^ (i as u64) ^ 0x7461_7368_696C;
    let shifted = i as i64 > BASELINE && splitmix(&mut state).is_multiple_of(SHIFT_EVERY);
    let shift = if shifted { SHIFT } else { 0.0 };
    (0..5)
        .map(|_| {
            let v = TARGET + shift + SIGMA * normal(&mut state);
            json!((v * 1000.0).round() / 1000.0)
        })
        .collect()
}

fn row(k: usize, i: usize, at: DateTime<Utc>) -> SubgroupInput {
    SubgroupInput {
        characteristic: format!("bench-{k}"),
        measured_at: at.to_rfc3339(),
        values: values(k, i),
        ..Default::default()
    }
}

async fn measure(pg: Option<&str>, rows: usize, run: usize) -> Result<()> {
    let label = if pg.is_some() { "PostgreSQL" } else { "SQLite" };
    let fresh = Fresh::new(pg).await?;
    let db = &fresh.db;
    // Whole seconds, as a unit's system sends them (PostgreSQL keeps microseconds).
    let now = Utc::now().trunc_subsecs(0);
    let started = Instant::now();
    let scale = tashil::demo::Scale {
        total_units: 100,
        standards: 30,
        seed: 1402,
    };
    tashil::demo::ensure(db, scale).await?;
    let unit = tashil::identity::actor_by_email(db, "unit@demo.tashil.ir", Channel::Api)
        .await?
        .context("the demo's unit user")?;
    let per = rows.div_ceil(CHARACTERISTICS) as i64;
    let first = now - chrono::Duration::minutes(per + BASELINE + 5);
    let minute = |i: i64| first + chrono::Duration::minutes(i);
    let err = |e| anyhow::anyhow!("{e:?}");
    for k in 0..CHARACTERISTICS {
        let c = tashil::quality::create_characteristic(
            db,
            &unit,
            &CharacteristicDraft {
                code: format!("bench-{k}"),
                product_line: "bench".into(),
                name: format!("bench {k}"),
                chart_kind: "xbar_r".into(),
                uom: "MMT".into(),
                lower_spec: "7.4".into(),
                upper_spec: "8.6".into(),
                subgroup_size: "5".into(),
                frequency: "hourly".into(),
                rules: (1..=8).map(|n| n.to_string()).collect(),
                ..Default::default()
            },
            now,
        )
        .await
        .map_err(err)?;
        let base: Vec<SubgroupInput> = (0..BASELINE)
            .map(|i| row(k, i as usize + 1, minute(i)))
            .collect();
        let lines: Vec<usize> = (0..base.len()).collect();
        tashil::quality::ingest(db, &unit, &format!("base-{k}"), &base, &lines, now)
            .await
            .map_err(err)?;
        let d = LimitsDraft {
            from: minute(0).to_rfc3339(),
            to: minute(BASELINE).to_rfc3339(),
        };
        tashil::quality::set_limits(db, &unit, c.id, &d, now)
            .await
            .map_err(err)?;
    }
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
