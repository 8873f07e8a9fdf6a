//! Scoped selects over `regulation_reports`. Every read starts from [`scoped`], which takes the
//! [`RegulationScope`] only `access` can make; a board's write takes its [`BoardGrant`] and a
//! new number its [`ReportGrant`], so no statement here runs without the access module's word.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use super::entity::report;
use super::model::{Decision, RegulationFilter, RegulationStatus};
use crate::access::deregulation::{BoardGrant, RegulationReach, RegulationScope, ReportGrant};
use crate::kernel::Paging;

pub fn scoped(scope: &RegulationScope) -> Select<report::Entity> {
    let q = report::Entity::find();
    match scope.reach() {
        RegulationReach::All => q,
        RegulationReach::Province(p) => q.filter(report::Column::ProvinceCode.eq(p.as_str())),
        RegulationReach::Organisation(o) => q.filter(report::Column::ReporterOrgId.eq(*o)),
        RegulationReach::Published => {
            q.filter(report::Column::Status.eq(RegulationStatus::Published.as_str()))
        }
    }
}

/// Report `id` if it is inside `scope`; absent and out of reach look alike.
pub async fn one<C: ConnectionTrait>(
    db: &C,
    scope: &RegulationScope,
    id: i64,
) -> Result<Option<report::Model>, DbErr> {
    scoped(scope)
        .filter(report::Column::Id.eq(id))
        .one(db)
        .await
}

/// The reports of `scope` that match `f`, newest first.
pub async fn page<C: ConnectionTrait>(
    db: &C,
    scope: &RegulationScope,
    f: &RegulationFilter,
    paging: Paging,
) -> Result<Vec<report::Model>, DbErr> {
    let mut q = scoped(scope);
    if let Some(s) = f.status.as_deref().and_then(RegulationStatus::parse) {
        q = q.filter(report::Column::Status.eq(s.as_str()));
    }
    if let Some(d) = f.decision.as_deref().and_then(Decision::parse) {
        q = q.filter(report::Column::Decision.eq(d.as_str()));
    }
    q.order_by_desc(report::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await
}

/// The published reports of `province` inside `scope`, latest publication first.
pub async fn published_in<C: ConnectionTrait>(
    db: &C,
    scope: &RegulationScope,
    province: &str,
    paging: Paging,
) -> Result<Vec<report::Model>, DbErr> {
    scoped(scope)
        .filter(report::Column::ProvinceCode.eq(province))
        .filter(report::Column::Status.eq(RegulationStatus::Published.as_str()))
        .order_by_desc(report::Column::PublishedAt)
        .order_by_desc(report::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await
}

/// "DR-IR-26-1405-00012": the register, the grant's province, the year in the province's
/// calendar, a sequence. Numbers count every report of the province, seen or not; the caller
/// holds the register's lock.
pub async fn next_number<C: ConnectionTrait>(
    db: &C,
    grant: &ReportGrant,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String, DbErr> {
    let prefix = format!(
        "DR-{}",
        crate::facilitation::number_prefix(grant.province(), now)
    );
    let n = report::Entity::find()
        .filter(report::Column::Number.starts_with(&prefix))
        .count(db)
        .await?;
    Ok(format!("{prefix}{:05}", n + 1))
}

/// Writes `change` to report `id` of the grant's province if nobody moved it past `version`;
/// whether it did.
pub async fn board_update<C: ConnectionTrait>(
    db: &C,
    grant: &BoardGrant,
    id: i64,
    version: i32,
    change: report::ActiveModel,
) -> Result<bool, DbErr> {
    let done = report::Entity::update_many()
        .set(change)
        .filter(report::Column::Id.eq(id))
        .filter(report::Column::ProvinceCode.eq(grant.province()))
        .filter(report::Column::Version.eq(version))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}
