//! The quality benches' process and set-up (`quality_ingest`, `quality_chart`): X̄-R
//! characteristics of the demo's unit user with limits from a baseline, and the subgroups of
//! a process in control, the same in every run.

use anyhow::{Context, Result};
use chrono::{DateTime, Duration, Utc};
use sea_orm::DatabaseConnection;
use serde_json::json;
use tashil::access::{Actor, Channel};
use tashil::quality::{CharacteristicDraft, LimitsDraft, SubgroupInput};

/// Subgroups of the baseline the limits are set from.
pub const BASELINE: i64 = 25;

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

/// Subgroup `i` of characteristic `bench-{k}`, measured at `at`.
pub fn row(k: usize, i: usize, at: DateTime<Utc>) -> SubgroupInput {
    SubgroupInput {
        characteristic: format!("bench-{k}"),
        measured_at: at.to_rfc3339(),
        values: values(k, i),
        ..Default::default()
    }
}

/// The demo's unit user, on a small demo (100 units, 30 standards).
pub async fn unit_user(db: &DatabaseConnection) -> Result<Actor> {
    let scale = tashil::demo::Scale {
        total_units: 100,
        standards: 30,
        seed: 1402,
    };
    tashil::demo::ensure(db, scale).await?;
    tashil::identity::actor_by_email(db, "unit@demo.tashil.ir", Channel::Api)
        .await?
        .context("the demo's unit user")
}

/// Characteristics `bench-0` … `bench-{n-1}` of `unit` (X̄-R, subgroups of five, Nelson
/// rules 1–8), each with limits set from `BASELINE` subgroups measured a minute apart from
/// `first`; their ids.
pub async fn characteristics(
    db: &DatabaseConnection,
    unit: &Actor,
    n: usize,
    first: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    let minute = |i: i64| first + Duration::minutes(i);
    let err = |e| anyhow::anyhow!("{e:?}");
    let mut ids = vec![];
    for k in 0..n {
        let c = tashil::quality::create_characteristic(
            db,
            unit,
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
        tashil::quality::ingest(db, unit, &format!("base-{k}"), &base, &lines, now)
            .await
            .map_err(err)?;
        let d = LimitsDraft {
            from: minute(0).to_rfc3339(),
            to: minute(BASELINE).to_rfc3339(),
        };
        tashil::quality::set_limits(db, unit, c.id, &d, now)
            .await
            .map_err(err)?;
        ids.push(c.id);
    }
    Ok(ids)
}
