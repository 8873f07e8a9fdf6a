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
use super::score_rows::{self, ScoreRow};
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
    let licence = match s.licences.get(&u.id) {
        Some(LicenceStatus::Active) => LicenceStanding::Valid,
        Some(LicenceStatus::Suspended | LicenceStatus::Revoked) => LicenceStanding::Withdrawn,
        Some(LicenceStatus::Expired) | None => LicenceStanding::Missing,
    };
    let (open, escalated) = s.advice.get(&u.id).copied().unwrap_or_default();
    let mut f = Facts::new(licence);
    f.hazard_class = s
        .table
        .class_of_unit(u.hs_codes.iter().map(|c| (Some(c.as_str()), None)));
    f.failed_tests = u
        .organisation_id
        .and_then(|o| s.failed_by_org.get(&o).copied())
        .unwrap_or(0);
    f.open_advice = open;
    f.escalated_advice = escalated;
    f.complaints = Some(s.complaints.get(&u.id).copied().unwrap_or(0));
    f.clinic_sessions = Some(s.clinics.get(&u.id).copied().unwrap_or(0));
    f.days_since_inspection = Some(
        s.last_inspected
            .get(&u.id)
            .map(|at| (s.now - *at).num_days().clamp(0, u32::MAX.into()) as u32),
    );
    f.open_findings = Some(s.open_findings.get(&u.id).copied().unwrap_or(0));
    // Recognition has no source yet: it stays "no data" (Facts::new) until the recognition
    // of exemplary units lands.
    f
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, DbErr> {
    serde_json::to_string(v).map_err(|e| DbErr::Custom(e.to_string()))
}

/// Recomputes the scores of `province`'s units (every unit with `None`) at `now`, replacing
/// what was stored; the number of units scored. Run by the system (CLI, job), not an actor.
/// Each source is one set-based read (per unit, grouped in the database where it can be),
/// the reads run side by side, and the scores go in as multi-row inserts (`score_rows`).
pub async fn recompute(
    db: &sea_orm::DatabaseConnection,
    province: Option<&str>,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let (sources, units) = tokio::try_join!(
        sources(db, province, now),
        lookup::units_with_products(db, province)
    )?;
    let facts: Vec<UnitFacts> = units
        .into_iter()
        .map(|u| UnitFacts {
            facts: facts_of(&u, &sources),
            unit_id: u.id,
            province: u.province,
        })
        .collect();
    let txn = crate::db::begin_bulk_write(db).await?;
    // Ended explicitly either way, so the connection gets its usual page cache back.
    match replace(&txn, province, &facts, now).await {
        Ok(()) => txn.commit().await?,
        Err(e) => {
            txn.rollback().await?;
            return Err(e);
        }
    }
    Ok(facts.len())
}

/// What the other contexts know of `province` (all with `None`), read side by side.
async fn sources(
    db: &sea_orm::DatabaseConnection,
    province: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Sources, DbErr> {
    let (table, failed_by_org, advice, licences) = tokio::try_join!(
        super::hazards::table(db),
        crate::conformity::failed_reports_by_requester(db, province),
        crate::quality::open_advice_by_unit(db, province),
        crate::licensing::licence_standing_by_unit(db, province),
    )?;
    let (complaints, clinics, last_inspected, open_findings) = tokio::try_join!(
        super::complaints::counts_by_unit(db, province, super::complaints::complaint_window(now)),
        super::clinics::attended_by_unit(db, province),
        super::inspections::last_recorded(db, province),
        super::findings::open_by_unit(db, province),
    )?;
    Ok(Sources {
        table,
        failed_by_org,
        advice,
        licences,
        complaints,
        clinics,
        last_inspected,
        open_findings,
        now,
    })
}

/// One unit's facts, gathered before the write begins.
struct UnitFacts {
    unit_id: i64,
    province: String,
    facts: Facts,
}

/// Replaces the stored scores of `province` (all with `None`) with `units`' scores by the
/// weights in force, read under the write lock as before (scoring is cheap next to writing).
async fn replace(
    txn: &crate::db::WriteTx,
    province: Option<&str>,
    units: &[UnitFacts],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let w = in_force(txn).await?;
    let mut del = score::Entity::delete_many();
    if let Some(p) = province {
        del = del.filter(score::Column::ProvinceCode.eq(p));
    }
    del.exec(txn).await?;
    for chunk in units.chunks(score_rows::ROWS) {
        let rows: Vec<ScoreRow> = chunk
            .iter()
            .map(|u| ScoreRow {
                unit_id: u.unit_id,
                province: &u.province,
                score: score_of(&u.facts, &w.weights),
                facts: &u.facts,
            })
            .collect();
        score_rows::insert(txn, &rows, w.version, now).await?;
    }
    Ok(())
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
