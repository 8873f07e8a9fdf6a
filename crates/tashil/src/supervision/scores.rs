//! Each unit's risk score: recomputed for a province (or all) from what the other contexts
//! know (through their public lookups), rescored from the stored facts when the weights
//! change, and read ranked or one unit's explanation within the actor's scope.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::entity::score;
use super::error::SupervisionError;
use super::model::risk::{Facts, LicenceStanding, Line, Score, score as score_of};
use super::view::{Explanation, RiskRow};
use super::weights::{WeightsInForce, in_force};
use crate::access::supervision::SupervisionScope;
use crate::access::{Actor, supervision as rules, units};
use crate::licensing::LicenceStatus;
use crate::registry::lookup::{self, ScoredUnit};

/// Rows per page of the ranking.
pub const PAGE: u64 = 50;

/// What the other contexts know of one province (or all), gathered once for a recompute.
struct Sources {
    table: super::model::hazard::HazardTable,
    failed_by_org: HashMap<i64, u32>,
    advice: HashMap<i64, (u32, u32)>,
    licences: HashMap<i64, LicenceStatus>,
    complaints: HashMap<i64, u32>,
    clinics: HashMap<i64, u32>,
    /// Each unit's last recorded inspection and findings not closed, and when it is scored.
    last_inspected: HashMap<i64, DateTime<Utc>>,
    open_findings: HashMap<i64, u32>,
    now: DateTime<Utc>,
}

fn facts_of(u: &ScoredUnit, s: &Sources) -> Facts {
    let licence = match s.licences.get(&u.unit.id) {
        Some(LicenceStatus::Active) => LicenceStanding::Valid,
        Some(LicenceStatus::Suspended | LicenceStatus::Revoked) => LicenceStanding::Withdrawn,
        Some(LicenceStatus::Expired) | None => LicenceStanding::Missing,
    };
    let (open, escalated) = s.advice.get(&u.unit.id).copied().unwrap_or_default();
    let mut f = Facts::new(licence);
    f.hazard_class = s
        .table
        .class_of_unit(u.hs_codes.iter().map(|c| (Some(c.as_str()), None)));
    f.failed_tests = u
        .unit
        .organisation_id
        .and_then(|o| s.failed_by_org.get(&o).copied())
        .unwrap_or(0);
    f.open_advice = open;
    f.escalated_advice = escalated;
    f.complaints = Some(s.complaints.get(&u.unit.id).copied().unwrap_or(0));
    f.clinic_sessions = Some(s.clinics.get(&u.unit.id).copied().unwrap_or(0));
    f.days_since_inspection = Some(
        s.last_inspected
            .get(&u.unit.id)
            .map(|at| (s.now - *at).num_days().clamp(0, u32::MAX.into()) as u32),
    );
    f.open_findings = Some(s.open_findings.get(&u.unit.id).copied().unwrap_or(0));
    // Recognition has no source yet: it stays "no data" (Facts::new) until the recognition
    // of exemplary units lands.
    f
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, DbErr> {
    serde_json::to_string(v).map_err(|e| DbErr::Custom(e.to_string()))
}

/// Recomputes the scores of `province`'s units (every unit with `None`) at `now`, replacing
/// what was stored; the number of units scored. Run by the system (CLI, job), not an actor.
pub async fn recompute(
    db: &sea_orm::DatabaseConnection,
    province: Option<&str>,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let sources = Sources {
        table: super::hazards::table(db).await?,
        failed_by_org: crate::conformity::failed_reports_by_requester(db, province).await?,
        advice: crate::quality::open_advice_by_unit(db, province).await?,
        licences: crate::licensing::licence_standing_by_unit(db, province).await?,
        complaints: super::complaints::counts_by_unit(
            db,
            province,
            super::complaints::complaint_window(now),
        )
        .await?,
        clinics: super::clinics::attended_by_unit(db, province).await?,
        last_inspected: super::inspections::last_recorded(db, province).await?,
        open_findings: super::findings::open_by_unit(db, province).await?,
        now,
    };
    let units = lookup::units_with_products(db, province).await?;
    let txn = crate::db::begin_write(db).await?;
    let w = in_force(&txn).await?;
    let mut del = score::Entity::delete_many();
    if let Some(p) = province {
        del = del.filter(score::Column::ProvinceCode.eq(p));
    }
    del.exec(&txn).await?;
    let mut rows = Vec::with_capacity(units.len());
    for u in &units {
        let facts = facts_of(u, &sources);
        let s = score_of(&facts, &w.weights);
        rows.push(score::ActiveModel {
            unit_id: Set(u.unit.id),
            province_code: Set(u.unit.province.clone()),
            total: Set(s.total),
            facts: Set(json(&facts)?),
            lines: Set(json(&s.lines)?),
            weights_version: Set(w.version),
            computed_at: Set(now),
            ..Default::default()
        });
    }
    // 7 columns a row: 100 rows a statement stays far below SQLite's 32,766 parameters.
    let mut rest = rows;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(100));
        score::Entity::insert_many(std::mem::replace(&mut rest, tail))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(units.len())
}

/// Rescores every stored score from its stored facts with `w` (in the caller's transaction).
pub(super) async fn rescore<C: ConnectionTrait>(db: &C, w: &WeightsInForce) -> Result<(), DbErr> {
    let rows: Vec<(i64, String)> = score::Entity::find()
        .select_only()
        .columns([score::Column::Id, score::Column::Facts])
        .into_tuple()
        .all(db)
        .await?;
    for (id, facts) in rows {
        let facts: Facts =
            crate::kernel::stored("facts", &facts, |s| serde_json::from_str(s).ok())?;
        let s = score_of(&facts, &w.weights);
        score::Entity::update_many()
            .set(score::ActiveModel {
                total: Set(s.total),
                lines: Set(json(&s.lines)?),
                weights_version: Set(w.version),
                ..Default::default()
            })
            .filter(score::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(())
}

fn scoped(scope: &SupervisionScope) -> sea_orm::Select<score::Entity> {
    let q = score::Entity::find();
    match scope.province() {
        Some(p) => q.filter(score::Column::ProvinceCode.eq(p)),
        None => q,
    }
}

/// The names of units `ids` as the actor's unit scope reads them.
pub(super) async fn names(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    ids: &[i64],
) -> Result<HashMap<i64, lookup::UnitRef>, SupervisionError> {
    let scope = units::read_scope(actor)?;
    Ok(lookup::visible(db, &scope, ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

/// The units in reach ranked by score, highest first (ties by unit id), page `page`.
pub async fn ranked(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    page: Option<u64>,
) -> Result<Vec<RiskRow>, SupervisionError> {
    let scope = rules::scope(actor)?;
    // A page number past any list reads as an empty page, never an overflowing offset.
    let paging = crate::kernel::Paging::fixed(page, PAGE);
    let rows = scoped(&scope)
        .order_by_desc(score::Column::Total)
        .order_by_asc(score::Column::UnitId)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.unit_id).collect();
    let mut names = names(db, actor, &ids).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let u = names.remove(&r.unit_id)?;
            Some(RiskRow::new(u, r.total, r.computed_at))
        })
        .collect())
}

/// Unit `unit_id`'s score with its explanation; absent or out of reach is `NotFound`.
pub async fn explain(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    unit_id: i64,
) -> Result<Explanation, SupervisionError> {
    let scope = rules::scope(actor)?;
    let r = scoped(&scope)
        .filter(score::Column::UnitId.eq(unit_id))
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    let u = names(db, actor, &[unit_id])
        .await?
        .remove(&unit_id)
        .ok_or(SupervisionError::NotFound)?;
    let lines: Vec<Line> =
        crate::kernel::stored("lines", &r.lines, |s| serde_json::from_str(s).ok())?;
    Ok(Explanation::new(
        u,
        Score {
            total: r.total,
            lines,
        },
        r.weights_version,
        r.computed_at,
    ))
}
