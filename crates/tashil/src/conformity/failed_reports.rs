//! The failed lab reports each requester has, for supervision's risk score: per request its
//! latest released revision (a correction replaces what it corrects), counted when its
//! verdict is a fail. Read for the system, not on behalf of an actor.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

use super::entity::{report, request};
use super::model::verdict::Verdict;
use super::results::RELEASED;

/// Requester organisation → reports failed, for the reports of `province` (all with `None`).
pub async fn failed_reports_by_requester<C: ConnectionTrait>(
    db: &C,
    province: Option<&str>,
) -> Result<HashMap<i64, u32>, DbErr> {
    let mut q = report::Entity::find()
        .select_only()
        .columns([
            report::Column::RequestId,
            report::Column::Revision,
            report::Column::Verdict,
        ])
        .filter(report::Column::Status.eq(RELEASED));
    if let Some(p) = province {
        q = q.filter(report::Column::ProvinceCode.eq(p));
    }
    let rows: Vec<(i64, i32, Option<String>)> = q.into_tuple().all(db).await?;
    // The latest released revision of each request.
    let mut latest: HashMap<i64, (i32, bool)> = HashMap::new();
    for (request, revision, verdict) in rows {
        let failed = verdict.as_deref() == Some(Verdict::Fail.as_str());
        let e = latest.entry(request).or_insert((revision, failed));
        if revision >= e.0 {
            *e = (revision, failed);
        }
    }
    let failed: Vec<i64> = latest
        .into_iter()
        .filter(|(_, (_, f))| *f)
        .map(|(r, _)| r)
        .collect();
    let mut out = HashMap::new();
    for chunk in failed.chunks(500) {
        let orgs: Vec<i64> = request::Entity::find()
            .select_only()
            .column(request::Column::RequesterOrgId)
            .filter(request::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for org in orgs {
            *out.entry(org).or_insert(0) += 1;
        }
    }
    Ok(out)
}
