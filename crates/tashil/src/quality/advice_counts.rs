//! The advice each unit has not closed, and how much of it reached the office, for
//! supervision's risk score. Read for the system, not on behalf of an actor.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

use super::entity::advice;
use super::model::advice::State;

/// Unit → (advice not closed, of which escalated), for the units of `province` (all with
/// `None`).
pub async fn open_advice_by_unit<C: ConnectionTrait>(
    db: &C,
    province: Option<&str>,
) -> Result<HashMap<i64, (u32, u32)>, DbErr> {
    let mut q = advice::Entity::find()
        .select_only()
        .columns([advice::Column::UnitId, advice::Column::EscalatedOn])
        .filter(advice::Column::State.ne(State::Closed.as_str()));
    if let Some(p) = province {
        q = q.filter(advice::Column::ProvinceCode.eq(p));
    }
    let rows: Vec<(i64, Option<chrono::NaiveDate>)> = q.into_tuple().all(db).await?;
    let mut out: HashMap<i64, (u32, u32)> = HashMap::new();
    for (unit, escalated) in rows {
        let e = out.entry(unit).or_default();
        e.0 += 1;
        if escalated.is_some() {
            e.1 += 1;
        }
    }
    Ok(out)
}
