//! Scoped selects: every read of a characteristic starts from `access::quality`'s scope, so a
//! characteristic out of reach reads as absent (404). The rest is read through a
//! characteristic already in reach.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use super::entity::{characteristic, limits, monitor, subgroup, violation};
use crate::access::quality::{QualityReach, QualityScope};

pub fn characteristics(scope: &QualityScope) -> Select<characteristic::Entity> {
    let q = characteristic::Entity::find();
    match scope.reach() {
        QualityReach::All => q,
        QualityReach::Province(p) => q.filter(characteristic::Column::ProvinceCode.eq(p.as_str())),
        QualityReach::Organisation(o) => q.filter(
            characteristic::Column::UnitId
                .in_subquery(crate::registry::lookup::units_of_organisation(*o)),
        ),
    }
}

pub async fn characteristic<C: ConnectionTrait>(
    db: &C,
    scope: &QualityScope,
    id: i64,
) -> Result<Option<characteristic::Model>, DbErr> {
    characteristics(scope)
        .filter(characteristic::Column::Id.eq(id))
        .one(db)
        .await
}

/// The limits in force, if any were set.
pub async fn current_limits<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
) -> Result<Option<limits::Model>, DbErr> {
    limits::Entity::find()
        .filter(limits::Column::CharacteristicId.eq(characteristic_id))
        .filter(limits::Column::Current.eq(true))
        .one(db)
        .await
}

/// Every version of the limits, the latest first.
pub async fn limits_history<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
) -> Result<Vec<limits::Model>, DbErr> {
    limits::Entity::find()
        .filter(limits::Column::CharacteristicId.eq(characteristic_id))
        .order_by_desc(limits::Column::Version)
        .all(db)
        .await
}

pub async fn monitor_of<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
) -> Result<Option<monitor::Model>, DbErr> {
    monitor::Entity::find()
        .filter(monitor::Column::CharacteristicId.eq(characteristic_id))
        .one(db)
        .await
}

/// The subgroups of a characteristic measured in `[from, to]`, in time order.
pub async fn subgroups_between<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<subgroup::Model>, DbErr> {
    subgroup::Entity::find()
        .filter(subgroup::Column::CharacteristicId.eq(characteristic_id))
        .filter(subgroup::Column::MeasuredAt.gte(from))
        .filter(subgroup::Column::MeasuredAt.lte(to))
        .order_by_asc(subgroup::Column::MeasuredAt)
        .all(db)
        .await
}

/// Every subgroup of a characteristic, in time order (a replay's whole history).
pub async fn all_subgroups<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
) -> Result<Vec<subgroup::Model>, DbErr> {
    subgroup::Entity::find()
        .filter(subgroup::Column::CharacteristicId.eq(characteristic_id))
        .order_by_asc(subgroup::Column::MeasuredAt)
        .all(db)
        .await
}

/// The last `n` subgroups, the latest first.
pub async fn recent_subgroups<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
    n: u64,
) -> Result<Vec<subgroup::Model>, DbErr> {
    subgroup::Entity::find()
        .filter(subgroup::Column::CharacteristicId.eq(characteristic_id))
        .order_by_desc(subgroup::Column::MeasuredAt)
        .limit(n)
        .all(db)
        .await
}

/// The instant of the latest subgroup stored.
pub async fn latest_instant<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    Ok(recent_subgroups(db, characteristic_id, 1)
        .await?
        .into_iter()
        .next()
        .map(|s| s.measured_at))
}

/// The instants of the stored subgroups after `t`, in time order (at most `limit`).
pub async fn instants_after<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
    t: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<DateTime<Utc>>, DbErr> {
    subgroup::Entity::find()
        .select_only()
        .column(subgroup::Column::MeasuredAt)
        .filter(subgroup::Column::CharacteristicId.eq(characteristic_id))
        .filter(subgroup::Column::MeasuredAt.gt(t))
        .order_by_asc(subgroup::Column::MeasuredAt)
        .limit(limit)
        .into_tuple::<DateTime<Utc>>()
        .all(db)
        .await
}

/// How many subgroups a characteristic has.
pub async fn count_subgroups<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
) -> Result<u64, DbErr> {
    subgroup::Entity::find()
        .filter(subgroup::Column::CharacteristicId.eq(characteristic_id))
        .count(db)
        .await
}

/// Which of `instants` a characteristic already has a subgroup at.
pub async fn taken_instants<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
    instants: &[DateTime<Utc>],
) -> Result<Vec<DateTime<Utc>>, DbErr> {
    let wanted: HashSet<DateTime<Utc>> = instants.iter().copied().collect();
    let mut out = vec![];
    for (from, to) in spans(instants) {
        out.extend(
            subgroup::Entity::find()
                .select_only()
                .column(subgroup::Column::MeasuredAt)
                .filter(subgroup::Column::CharacteristicId.eq(characteristic_id))
                .filter(subgroup::Column::MeasuredAt.between(from, to))
                .into_tuple::<DateTime<Utc>>()
                .all(db)
                .await?
                .into_iter()
                .filter(|at| wanted.contains(at)),
        );
    }
    Ok(out)
}

/// The violations of a characteristic at any of `instants`.
pub async fn violations_at<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
    instants: &[DateTime<Utc>],
) -> Result<Vec<violation::Model>, DbErr> {
    let wanted: HashSet<DateTime<Utc>> = instants.iter().copied().collect();
    let mut out = vec![];
    for (from, to) in spans(instants) {
        out.extend(
            violation::Entity::find()
                .filter(violation::Column::CharacteristicId.eq(characteristic_id))
                .filter(violation::Column::MeasuredAt.between(from, to))
                .all(db)
                .await?
                .into_iter()
                .filter(|v| wanted.contains(&v.measured_at)),
        );
    }
    Ok(out)
}

/// `instants` in time order as consecutive runs of at most 500, each by its first and last:
/// PostgreSQL plans `measured_at IN (…500 instants)` as a scan of the characteristic's whole
/// history with the list as a filter, but a range as an index range scan, and the runs' ranges
/// do not overlap, so a batch reads each stored row at most once whatever the history holds.
fn spans(instants: &[DateTime<Utc>]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut sorted = instants.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted.chunks(500).map(|c| (c[0], c[c.len() - 1])).collect()
}

/// The latest violations, the latest first.
pub async fn recent_violations<C: ConnectionTrait>(
    db: &C,
    characteristic_id: i64,
    n: u64,
) -> Result<Vec<violation::Model>, DbErr> {
    violation::Entity::find()
        .filter(violation::Column::CharacteristicId.eq(characteristic_id))
        .order_by_desc(violation::Column::MeasuredAt)
        .order_by_asc(violation::Column::Rule)
        .limit(n)
        .all(db)
        .await
}
