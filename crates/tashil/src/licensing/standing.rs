//! Each unit's best licence standing, for supervision's risk score: active if any licence
//! is, else suspended or revoked if one is, else expired; a unit with none is absent. Read
//! for the system, not on behalf of an actor.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

use super::entity::licence;
use super::model::LicenceStatus;

/// Unit → its best licence's status, for the licences of `province` (all with `None`).
pub async fn licence_standing_by_unit<C: ConnectionTrait>(
    db: &C,
    province: Option<&str>,
) -> Result<HashMap<i64, LicenceStatus>, DbErr> {
    let mut q = licence::Entity::find()
        .select_only()
        .columns([licence::Column::UnitId, licence::Column::Status]);
    if let Some(p) = province {
        q = q.filter(licence::Column::ProvinceCode.eq(p));
    }
    let rows: Vec<(i64, String)> = q.into_tuple().all(db).await?;
    let rank = |s: LicenceStatus| match s {
        LicenceStatus::Active => 3,
        LicenceStatus::Suspended | LicenceStatus::Revoked => 2,
        LicenceStatus::Expired => 1,
    };
    let mut out: HashMap<i64, LicenceStatus> = HashMap::new();
    for (unit, status) in rows {
        let Some(s) = LicenceStatus::parse(&status) else {
            continue;
        };
        match out.get(&unit) {
            Some(best) if rank(*best) >= rank(s) => {}
            _ => {
                out.insert(unit, s);
            }
        }
    }
    Ok(out)
}
