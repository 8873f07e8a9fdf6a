//! The capability index each characteristic had at the end of each day it received
//! subgroups (m0047), written by ingest once its monitors stand: the compliance summary
//! reads a month's last day rather than replaying the month. The day is that of the
//! latest subgroup on the unit's clock, so a late subgroup refreshes the latest day, never
//! a closed month's figure.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::entity::{capability_day, characteristic};
use super::error::QualityError;

/// Cpk over everything monitored, against the specification; `None` without limits, a
/// specification or an index (attributes).
async fn cpk<C: ConnectionTrait>(
    db: &C,
    m: &characteristic::Model,
) -> Result<(Option<f64>, i64), QualityError> {
    let Some(stored) = super::query::monitor_of(db, m.id).await? else {
        return Ok((None, 0));
    };
    let index = serde_json::from_str::<tashil_spc::Monitor>(&stored.state)
        .ok()
        .and_then(|mon| {
            let spec = tashil_spc::Specification::new(m.lower_spec, m.upper_spec).ok()?;
            mon.capability(&spec, 0.95).ok()
        })
        .map(|c| c.cpk.estimate)
        .filter(|x| x.is_finite());
    Ok((index, i64::from(stored.subgroups)))
}

/// Writes the day's index of each of `chars` (in the ingest's transaction).
pub(super) async fn record<C: ConnectionTrait>(
    txn: &C,
    chars: &[&characteristic::Model],
    now: DateTime<Utc>,
) -> Result<(), QualityError> {
    for m in chars {
        let Some(latest) = super::query::latest_instant(txn, m.id).await? else {
            continue;
        };
        let day = crate::kernel::clock::local_date(&m.province_code, latest);
        let (cpk, subgroups) = cpk(txn, m).await?;
        let done = capability_day::Entity::update_many()
            .set(capability_day::ActiveModel {
                cpk: Set(cpk),
                subgroups: Set(subgroups),
                updated_at: Set(now),
                ..Default::default()
            })
            .filter(capability_day::Column::CharacteristicId.eq(m.id))
            .filter(capability_day::Column::Day.eq(day))
            .exec(txn)
            .await?;
        if done.rows_affected == 0 {
            capability_day::ActiveModel {
                characteristic_id: Set(m.id),
                day: Set(day),
                cpk: Set(cpk),
                subgroups: Set(subgroups),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    Ok(())
}
