//! Demo data of quality assurance: the Qazvin tile works (the demo unit's own) controls three
//! characteristics: tile thickness (X̄-R, five tiles an hour… here every six hours), water
//! absorption (I-MR) and glaze defects (c chart). A month of subgroups is sent through the
//! ingest use case, limits are set from the first ten days, and the rest arrive after them:
//! the thickness has one point out of control a week ago.

use chrono::{Duration, DurationRound, Utc};
use sea_orm::DatabaseConnection;
use serde_json::{Value, json};

use super::people::actor_by_email;
use super::rng::Rng;
use crate::quality::{CharacteristicDraft, LimitsDraft, SubgroupInput};

fn err(e: impl std::fmt::Debug) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

/// A value around `centre` spread by about `sd` (a sum of uniforms: near-normal, seeded).
fn around(rng: &mut Rng, centre: f64, sd: f64) -> f64 {
    let sum: f64 = (0..12).map(|_| rng.below(10_000) as f64 / 10_000.0).sum();
    let x = centre + (sum - 6.0) * sd;
    (x * 1000.0).round() / 1000.0
}

pub async fn create(db: &DatabaseConnection) -> anyhow::Result<()> {
    let Some(unit) = actor_by_email(db, "unit@demo.tashil.ir").await? else {
        return Ok(());
    };
    let now = Utc::now();
    let start = (now - Duration::days(30))
        .duration_trunc(Duration::hours(6))
        .map_err(err)?;
    let drafts = [
        CharacteristicDraft {
            code: "tile-thickness".into(),
            product_line: "کاشی دیوار ۲۰×۳۰".into(),
            name: "ضخامت کاشی".into(),
            chart_kind: "xbar_r".into(),
            uom: "MMT".into(),
            target: "8".into(),
            lower_spec: "7.5".into(),
            upper_spec: "8.5".into(),
            subgroup_size: "5".into(),
            frequency: "per_shift".into(),
            rules: (1..=8).map(|n| n.to_string()).collect(),
            capability_target: "1.33".into(),
            ..Default::default()
        },
        CharacteristicDraft {
            code: "water-absorption".into(),
            product_line: "کاشی دیوار ۲۰×۳۰".into(),
            name: "جذب آب".into(),
            chart_kind: "individuals_moving_range".into(),
            uom: "P1".into(),
            target: "12".into(),
            lower_spec: "10".into(),
            upper_spec: "16".into(),
            frequency: "daily".into(),
            rules: vec!["1".into(), "2".into(), "5".into(), "6".into()],
            ..Default::default()
        },
        CharacteristicDraft {
            code: "glaze-defects".into(),
            product_line: "کاشی دیوار ۲۰×۳۰".into(),
            name: "عیوب لعاب در هر پالت".into(),
            chart_kind: "c".into(),
            frequency: "per_shift".into(),
            rules: vec!["1".into(), "2".into()],
            ..Default::default()
        },
    ];
    for d in &drafts {
        crate::quality::create_characteristic(db, &unit, d, now)
            .await
            .map_err(err)?;
    }
    let mut rng = Rng::new(1405);
    let mut rows: Vec<SubgroupInput> = vec![];
    let out_of_control = 23 * 4 + 1;
    for i in 0..(30 * 4) {
        let at = (start + Duration::hours(6 * i)).to_rfc3339();
        let centre = if i == out_of_control { 8.32 } else { 8.0 };
        let values: Vec<Value> = (0..5)
            .map(|_| json!(around(&mut rng, centre, 0.08)))
            .collect();
        rows.push(SubgroupInput {
            characteristic: "tile-thickness".into(),
            measured_at: at.clone(),
            values,
            ..Default::default()
        });
        rows.push(SubgroupInput {
            characteristic: "glaze-defects".into(),
            measured_at: at.clone(),
            defects: Some(json!(rng.below(4) + rng.below(3))),
            ..Default::default()
        });
        if i % 4 == 0 {
            rows.push(SubgroupInput {
                characteristic: "water-absorption".into(),
                measured_at: at,
                values: vec![json!(around(&mut rng, 12.5, 0.6))],
                ..Default::default()
            });
        }
    }
    // The first ten days, then the limits, then the rest as they would have arrived.
    let cut = start + Duration::days(10);
    let (before, after): (Vec<SubgroupInput>, Vec<SubgroupInput>) = rows
        .into_iter()
        .partition(|r| r.measured_at < cut.to_rfc3339());
    let lines = |n: usize| (0..n).collect::<Vec<_>>();
    crate::quality::ingest(
        db,
        &unit,
        "demo-phase-1",
        &before,
        &lines(before.len()),
        now,
    )
    .await
    .map_err(err)?;
    let list = crate::quality::characteristics(db, &unit, None)
        .await
        .map_err(err)?;
    for c in &list {
        let d = LimitsDraft {
            from: start.to_rfc3339(),
            to: (cut - Duration::seconds(1)).to_rfc3339(),
        };
        crate::quality::set_limits(db, &unit, c.id, &d, now)
            .await
            .map_err(err)?;
    }
    for (k, chunk) in after.chunks(40).enumerate() {
        crate::quality::ingest(
            db,
            &unit,
            &format!("demo-{k}"),
            chunk,
            &lines(chunk.len()),
            now,
        )
        .await
        .map_err(err)?;
    }
    Ok(())
}
