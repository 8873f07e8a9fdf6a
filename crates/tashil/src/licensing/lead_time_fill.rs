//! Lead-time figures in bulk for the benchmark (`bench/licensing.sh`): the kept counts and
//! day histograms that `decisions` decided applications would have left over the last five
//! years, spread over every province of each permit type's country, written in multi-row
//! inserts. What the page reads at a national scale, without making the applications.

use chrono::Utc;
use sea_orm::{DatabaseConnection, EntityTrait, Value};

use super::entity::permit_type;
use super::error::LicensingError;
use super::model::lead_time::month_of;
use super::register_fill::Lcg;
use crate::db::bulk;
use crate::kernel::clock;

/// Months of history filled.
const MONTHS: i32 = 60;

/// Fills the figures of `decisions` decided applications; returns the rows written.
pub async fn fill(db: &DatabaseConnection, decisions: u64) -> Result<u64, LicensingError> {
    let types = permit_type::Entity::find().all(db).await?;
    let mut cells = Vec::new();
    for t in &types {
        let Some(country) = tashil_reference::Country::from_code(&t.country) else {
            continue;
        };
        let mut m = month_of(&t.country, clock::local_date(&t.country, Utc::now()));
        let mut months = Vec::new();
        for _ in 0..MONTHS {
            months.push(m);
            m = if m % 100 == 1 { m - 100 + 11 } else { m - 1 };
        }
        for p in tashil_reference::provinces_of(country) {
            for m in &months {
                cells.push((t.id, p.code, *m));
            }
        }
    }
    if cells.is_empty() {
        return Err(LicensingError::NotFound);
    }
    let per_cell = (decisions / cells.len() as u64).max(1) as usize;
    let mut rng = Lcg(0x1405);
    let (mut month_rows, mut day_rows) = (Vec::new(), Vec::new());
    for (type_id, province, month) in cells {
        // Busier and quieter provinces: half to one and a half times the mean.
        let n = per_cell / 2 + rng.below(per_cell + 1);
        let mut days = std::collections::BTreeMap::<i32, i64>::new();
        let (mut on_time, mut silence) = (0i64, 0i64);
        for _ in 0..n {
            // Most decisions within the steps' deadlines, a long tail past them.
            let d = 5 + rng.below(25) + if rng.below(10) == 0 { rng.below(90) } else { 0 };
            *days.entry(d as i32).or_default() += 1;
            on_time += i64::from(d <= 30);
            silence += i64::from(rng.below(20) == 0);
        }
        let n = n as i64;
        let rejected = n * 15 / 100;
        let values: [Value; 9] = [
            type_id.into(),
            province.into(),
            month.into(),
            (n + n / 10).into(),
            (n - rejected).into(),
            rejected.into(),
            (n * 3 / 100).into(),
            on_time.into(),
            silence.into(),
        ];
        month_rows.push(values.to_vec());
        for (d, c) in days {
            day_rows.push(vec![
                type_id.into(),
                province.into(),
                month.into(),
                d.into(),
                c.into(),
            ]);
        }
    }
    let written = (month_rows.len() + day_rows.len()) as u64;
    let tx = crate::db::begin_write(db).await?;
    bulk::insert(
        &tx,
        "lead_time_months",
        &[
            "permit_type_id",
            "province_code",
            "month",
            "received",
            "issued",
            "rejected",
            "withdrawn",
            "on_time",
            "by_silence",
        ],
        month_rows,
        None,
    )
    .await?;
    bulk::insert(
        &tx,
        "lead_time_days",
        &[
            "permit_type_id",
            "province_code",
            "month",
            "working_days",
            "decided",
        ],
        day_rows,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(written)
}
