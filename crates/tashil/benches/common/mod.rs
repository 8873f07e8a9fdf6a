//! What several bench binaries share: their command-line and environment settings, and the
//! register of licences they fill (`licence_register`, `verification`), a fresh database for
//! a measured run.

#![allow(dead_code)]

pub mod fresh;
pub mod quality;

use std::time::Instant;

use anyhow::{Context, Result};
use sea_orm::DatabaseConnection;
use tashil::config::StorageConfig;

/// The value after `name` on the command line.
pub fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// The backends a run measures: SQLite (`None`), then PostgreSQL when `--postgres`,
/// `TASHIL_BENCH_POSTGRES_URL` or `TASHIL_TEST_POSTGRES_URL` names one.
pub fn backends(args: &[String]) -> Vec<Option<String>> {
    let postgres = arg(args, "--postgres")
        .or_else(|| std::env::var("TASHIL_BENCH_POSTGRES_URL").ok())
        .or_else(|| std::env::var("TASHIL_TEST_POSTGRES_URL").ok())
        .filter(|u| !u.is_empty());
    std::iter::once(None).chain(postgres.map(Some)).collect()
}

/// A number from the environment, or `default`.
pub fn env_u64(k: &str, default: u64) -> u64 {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The demo (BENCH_UNITS units, 20,000 by default) and a register of `n` licences over it,
/// each step timed on standard output; the open database.
pub async fn demo_and_register(storage: &StorageConfig, n: u64) -> Result<DatabaseConnection> {
    let db = tashil::cli::open(storage).await?;
    let units = env_u64("BENCH_UNITS", 20_000);
    let started = Instant::now();
    let scale = tashil::demo::Scale {
        total_units: units,
        standards: 50,
        seed: 1402,
    };
    tashil::demo::ensure(&db, scale).await?;
    println!(
        "demo ({units} units): {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let user = tashil::identity::user_id_by_email(&db, "admin@demo.tashil.ir")
        .await?
        .context("the demo's administrator")?;
    let started = Instant::now();
    let words = tashil::licensing::fill_register(&db, n, user, 1405)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    println!(
        "{n} licences, {words} words: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(db)
}
