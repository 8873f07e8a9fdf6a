//! Supervision's risk scores and yearly plan at scale (issue 21: 100,000 units' scores
//! recomputed ≤ 10 s; a province's yearly plan over 25,000 units ≤ 2 s).
//!
//! ```sh
//! cargo bench -p tashil --bench supervision_risk -- [--units 100000] [--province-units 25000] \
//!     [--postgres URL]
//! # smoke (a debug build is enough): cargo bench -p tashil --bench supervision_risk -- --units 2000
//! ```
//!
//! A fresh SQLite database under a temporary directory (then, with `--postgres`,
//! `TASHIL_BENCH_POSTGRES_URL` or `TASHIL_TEST_POSTGRES_URL`, a fresh PostgreSQL database)
//! gets the demo (`--units` units with their products) and a hazard table of a few HS
//! chapters. Then:
//! 1. **recompute**: `supervision::recompute` for every unit, as `tashil supervision
//!    recompute` runs it: each context's facts read through its lookup, every unit scored,
//!    the scores replaced in one transaction. Timed twice (the second replaces the first's).
//! 2. **plan**: `supervision::propose` over `--province-units` candidates (the stored scores,
//!    cycled to that many units), a year's capacity of 2,500 inspector-days at one day a
//!    visit with the default 10 % random share; the median of 5 runs with different seeds.
//!
//! The digest after the table is the SHA-256 of every stored score (unit, total, facts,
//! lines) in unit order: equal digests before and after a change to the recompute show it
//! stores the same scores.

mod common;

use std::time::Instant;

use anyhow::Result;
use common::arg;
use common::fresh::Fresh;
use sea_orm::ConnectionTrait;
use sha2::{Digest, Sha256};
use tashil::supervision::{Candidate, PlanParams, propose};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let units: u64 = arg(&args, "--units").map_or(Ok(100_000), |r| r.parse())?;
    let province_units: usize = arg(&args, "--province-units").map_or(Ok(25_000), |r| r.parse())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    for pg in common::backends(&args) {
        rt.block_on(run(pg.as_deref(), units, province_units))?;
    }
    Ok(())
}

async fn run(pg: Option<&str>, units: u64, province_units: usize) -> Result<()> {
    let fresh = Fresh::new(pg).await?;
    let db = fresh.db.clone();
    println!("\n### {}\n", fresh.label());
    let started = Instant::now();
    tashil::demo::ensure(
        &db,
        tashil::demo::Scale {
            total_units: units,
            standards: 50,
            seed: 1402,
        },
    )
    .await?;
    println!(
        "demo ({units} units): {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // A few chapters by hazard (the bench needs a table, not a judgement of products).
    db.execute_unprepared(
        "INSERT INTO supervision_hazard_classes (scheme, prefix, class, updated_by, created_at, \
         updated_at, version) SELECT 'hs', p, c, (SELECT MIN(id) FROM users), \
         '2026-12-07T00:00:00Z', '2026-12-07T00:00:00Z', 1 FROM (SELECT '04' AS p, 2 AS c \
         UNION ALL SELECT '85', 3 UNION ALL SELECT '8516', 4 UNION ALL SELECT '25', 1 \
         UNION ALL SELECT '39', 2) AS t",
    )
    .await?;
    let now = chrono::Utc::now();
    println!("\n| step | units | time | target |\n|---|---|---|---|");
    for round in 1..=2 {
        let started = Instant::now();
        let n = tashil::supervision::recompute(&db, None, now).await?;
        println!(
            "| recompute (round {round}) | {n} | {:.2} s | ≤ 10 s at 100,000 |",
            started.elapsed().as_secs_f64()
        );
    }
    let scores: Vec<f64> = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT total FROM supervision_scores ORDER BY unit_id",
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<f64>("", "total").unwrap_or(0.0))
        .collect();
    anyhow::ensure!(!scores.is_empty(), "no scores");
    let digest = digest(&db).await?;
    let candidates: Vec<Candidate> = (0..province_units)
        .map(|i| Candidate {
            unit_id: i as i64 + 1,
            score: scores[i % scores.len()],
        })
        .collect();
    let mut times = vec![];
    let mut picked = 0;
    for seed in 0..5 {
        let p = PlanParams {
            capacity_days: 2_500.0,
            seed,
            ..PlanParams::default()
        };
        let started = Instant::now();
        let plan = propose(&candidates, &p);
        times.push(started.elapsed().as_secs_f64());
        picked = plan.picks.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "| yearly plan (median of 5) | {province_units} ({picked} inspections) | {:.4} s | ≤ 2 s at 25,000 |",
        times[2]
    );
    println!("\nscores' digest: {digest}");
    fresh.drop_it().await?;
    Ok(())
}

/// The SHA-256 of every stored score in unit order (totals by their exact bits).
async fn digest(db: &sea_orm::DatabaseConnection) -> Result<String> {
    let rows = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT unit_id, total, facts, lines FROM supervision_scores ORDER BY unit_id",
        ))
        .await?;
    let mut h = Sha256::new();
    for r in rows {
        let unit: i64 = r.try_get("", "unit_id")?;
        let total: f64 = r.try_get("", "total")?;
        let facts: String = r.try_get("", "facts")?;
        let lines: String = r.try_get("", "lines")?;
        h.update(format!("{unit}\t{}\t{facts}\t{lines}\n", total.to_bits()));
    }
    Ok(hex::encode(h.finalize()))
}
