//! The advice of each unit that reached the office and is not closed, for supervision's risk
//! score: how much of it the unit has still not answered, and all of it. Advice that has not
//! escalated is the unit's own (issue 20: advice before enforcement), so it never reaches a
//! score the office reads. Read for the system, not on behalf of an actor.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

use super::entity::advice;
use super::model::advice::State;

/// Unit → (escalated advice still unanswered, escalated advice not closed), for the units of
/// `province` (all with `None`).
pub async fn open_advice_by_unit<C: ConnectionTrait>(
    db: &C,
    province: Option<&str>,
) -> Result<HashMap<i64, (u32, u32)>, DbErr> {
    let mut q = advice::Entity::find()
        .select_only()
        .columns([advice::Column::UnitId, advice::Column::AnsweredOn])
        .filter(advice::Column::EscalatedOn.is_not_null())
        .filter(advice::Column::State.ne(State::Closed.as_str()));
    if let Some(p) = province {
        q = q.filter(advice::Column::ProvinceCode.eq(p));
    }
    let rows: Vec<(i64, Option<chrono::NaiveDate>)> = q.into_tuple().all(db).await?;
    let mut out: HashMap<i64, (u32, u32)> = HashMap::new();
    for (unit, answered) in rows {
        let e = out.entry(unit).or_default();
        if answered.is_none() {
            e.0 += 1;
        }
        e.1 += 1;
    }
    Ok(out)
}
