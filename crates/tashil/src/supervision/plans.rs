//! Inspection plans: each office's capacity per period, the planner's proposal for a
//! province and period stored as a draft, units added or removed by the provincial officer
//! (never past the capacity, never a unit of another province), and its approval. Every
//! change is audited; a plan is read within the actor's scope (404 outside).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::entity::{capacity, plan, plan_unit, score};
use super::error::SupervisionError;
use super::model::planner::{self, Candidate, Outlook, Params, Pick, Reason};
use crate::access::{Actor, supervision as rules};
use crate::audit::{self, Change};
use crate::kernel::{FieldError, save_at_version};

pub const DRAFT: &str = "draft";
pub const APPROVED: &str = "approved";

/// An office's capacity for a period, as typed.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct CapacityDraft {
    pub period: String,
    pub inspector_days: f64,
    #[serde(default = "one")]
    pub days_per_inspection: f64,
}

fn one() -> f64 {
    1.0
}

fn check_period(p: &str) -> Result<(), SupervisionError> {
    let ok =
        !p.is_empty() && p.len() <= 16 && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(SupervisionError::invalid("period", "invalid"))
    }
}

/// Sets the actor's office's capacity for a period (a new row, or the period's row changed).
pub async fn set_capacity(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    d: &CapacityDraft,
    now: DateTime<Utc>,
) -> Result<(), SupervisionError> {
    let g = rules::authorize_plan(actor)?;
    check_period(&d.period)?;
    let p = Params {
        capacity_days: d.inspector_days,
        days_per_inspection: d.days_per_inspection,
        ..Params::default()
    };
    p.validate().map_err(|errs| {
        SupervisionError::Invalid(
            errs.into_iter()
                .map(|e| match e.field.as_str() {
                    "capacity_days" => FieldError::new("inspector_days", e.code),
                    _ => e,
                })
                .collect(),
        )
    })?;
    let txn = crate::db::begin_write(db).await?;
    let old = capacity::Entity::find()
        .filter(capacity::Column::OrganisationId.eq(g.office()))
        .filter(capacity::Column::Period.eq(&d.period))
        .one(&txn)
        .await?;
    let before = old.as_ref().map(|c| json!({"inspector_days": c.inspector_days, "days_per_inspection": c.days_per_inspection}));
    let id = match old {
        Some(c) => {
            capacity::Entity::update(capacity::ActiveModel {
                id: Set(c.id),
                inspector_days: Set(d.inspector_days),
                days_per_inspection: Set(d.days_per_inspection),
                set_by: Set(actor.user_id()),
                updated_at: Set(now),
                version: Set(c.version + 1),
                ..Default::default()
            })
            .exec(&txn)
            .await?;
            c.id
        }
        None => {
            capacity::Entity::insert(capacity::ActiveModel {
                organisation_id: Set(g.office()),
                province_code: Set(g.province().to_owned()),
                period: Set(d.period.clone()),
                inspector_days: Set(d.inspector_days),
                days_per_inspection: Set(d.days_per_inspection),
                set_by: Set(actor.user_id()),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
                ..Default::default()
            })
            .exec(&txn)
            .await?
            .last_insert_id
        }
    };
    let mut change = Change::by(actor, "supervision.capacity.set", "supervision_capacity", id)
        .after(json!({"period": d.period, "inspector_days": d.inspector_days, "days_per_inspection": d.days_per_inspection}));
    if let Some(b) = before {
        change = change.before(b);
    }
    audit::record(&txn, change).await?;
    txn.commit().await?;
    Ok(())
}

/// A plan as its page and the API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlanView {
    pub id: i64,
    pub province: String,
    pub period: String,
    pub status: String,
    pub capacity_days: f64,
    pub days_per_inspection: f64,
    pub random_share: f64,
    pub seed: i64,
    pub units: Vec<PlanUnitView>,
    pub outlook: Outlook,
    pub version: i32,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlanUnitView {
    pub unit_id: i64,
    pub score: f64,
    pub reason: Reason,
}

/// The province's scored units, as the planner takes them.
async fn candidates<C: ConnectionTrait>(db: &C, province: &str) -> Result<Vec<Candidate>, DbErr> {
    Ok(score::Entity::find()
        .filter(score::Column::ProvinceCode.eq(province))
        .all(db)
        .await?
        .into_iter()
        .map(|s| Candidate {
            unit_id: s.unit_id,
            score: s.total,
        })
        .collect())
}

fn params_of(p: &plan::Model) -> Params {
    Params {
        capacity_days: p.capacity_days,
        days_per_inspection: p.days_per_inspection,
        random_share: p.random_share,
        seed: p.seed as u64,
        ..Params::default()
    }
}

async fn view<C: ConnectionTrait>(db: &C, p: plan::Model) -> Result<PlanView, SupervisionError> {
    let rows = plan_unit::Entity::find()
        .filter(plan_unit::Column::PlanId.eq(p.id))
        .order_by_asc(plan_unit::Column::Id)
        .all(db)
        .await?;
    let picks: Vec<Pick> = rows
        .iter()
        .map(|r| {
            Ok(Pick {
                unit_id: r.unit_id,
                score: r.score,
                reason: crate::kernel::stored("reason", &r.reason, Reason::parse)?,
            })
        })
        .collect::<Result<_, DbErr>>()?;
    let units = candidates(db, &p.province_code).await?;
    let outlook = planner::outlook(&units, &picks, &params_of(&p));
    Ok(PlanView {
        id: p.id,
        province: p.province_code,
        period: p.period,
        status: p.status,
        capacity_days: p.capacity_days,
        days_per_inspection: p.days_per_inspection,
        random_share: p.random_share,
        seed: p.seed,
        units: picks
            .into_iter()
            .map(|k| PlanUnitView {
                unit_id: k.unit_id,
                score: k.score,
                reason: k.reason,
            })
            .collect(),
        outlook,
        version: p.version,
    })
}

/// What the officer asks the planner for.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ProposalDraft {
    pub period: String,
    #[serde(default = "default_share")]
    pub random_share: f64,
    #[serde(default)]
    pub seed: u64,
}

fn default_share() -> f64 {
    Params::default().random_share
}

/// Proposes the plan of the officer's province for a period, within the capacity its offices
/// set for that period, and stores it as a draft (replacing a draft of the period; an
/// approved plan stays: a conflict).
pub async fn propose(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    d: &ProposalDraft,
    now: DateTime<Utc>,
) -> Result<PlanView, SupervisionError> {
    let g = rules::authorize_plan(actor)?;
    check_period(&d.period)?;
    let txn = crate::db::begin_write(db).await?;
    let caps = capacity::Entity::find()
        .filter(capacity::Column::ProvinceCode.eq(g.province()))
        .filter(capacity::Column::Period.eq(&d.period))
        .all(&txn)
        .await?;
    if caps.is_empty() {
        return Err(SupervisionError::invalid("period", "no_capacity"));
    }
    // The offices' days add up; an inspection takes the longest any office states.
    let p = Params {
        capacity_days: caps.iter().map(|c| c.inspector_days).sum(),
        days_per_inspection: caps
            .iter()
            .map(|c| c.days_per_inspection)
            .fold(0.0, f64::max),
        random_share: d.random_share,
        seed: d.seed,
        ..Params::default()
    };
    p.validate().map_err(SupervisionError::Invalid)?;
    let existing = plan::Entity::find()
        .filter(plan::Column::ProvinceCode.eq(g.province()))
        .filter(plan::Column::Period.eq(&d.period))
        .one(&txn)
        .await?;
    if let Some(old) = existing {
        if old.status != DRAFT {
            return Err(SupervisionError::Conflict);
        }
        plan::Entity::delete_by_id(old.id).exec(&txn).await?;
    }
    let units = candidates(&txn, g.province()).await?;
    let proposal = planner::propose(&units, &p);
    let id = plan::Entity::insert(plan::ActiveModel {
        province_code: Set(g.province().to_owned()),
        period: Set(d.period.clone()),
        status: Set(DRAFT.into()),
        capacity_days: Set(p.capacity_days),
        days_per_inspection: Set(p.days_per_inspection),
        random_share: Set(p.random_share),
        seed: Set(p.seed as i64),
        created_by: Set(actor.user_id()),
        approved_by: Set(None),
        approved_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    })
    .exec(&txn)
    .await?
    .last_insert_id;
    insert_picks(&txn, id, &proposal.picks).await?;
    audit::record(
        &txn,
        Change::by(actor, "supervision.plan.propose", "supervision_plan", id).after(json!({
            "province": g.province(), "period": d.period, "capacity_days": p.capacity_days,
            "random_share": p.random_share, "seed": p.seed,
            "units": proposal.picks.iter().map(|k| k.unit_id).collect::<Vec<_>>(),
        })),
    )
    .await?;
    let out = reread(&txn, id).await?;
    txn.commit().await?;
    Ok(out)
}

async fn insert_picks<C: ConnectionTrait>(
    db: &C,
    plan_id: i64,
    picks: &[Pick],
) -> Result<(), DbErr> {
    for chunk in picks.chunks(500) {
        plan_unit::Entity::insert_many(chunk.iter().map(|k| plan_unit::ActiveModel {
            plan_id: Set(plan_id),
            unit_id: Set(k.unit_id),
            score: Set(k.score),
            reason: Set(k.reason.as_str().into()),
            ..Default::default()
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Plan `id` if the actor's scope reaches its province.
async fn reached<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<plan::Model, SupervisionError> {
    let scope = rules::scope(actor)?;
    let mut q = plan::Entity::find_by_id(id);
    if let Some(p) = scope.province() {
        q = q.filter(plan::Column::ProvinceCode.eq(p));
    }
    q.one(db).await?.ok_or(SupervisionError::NotFound)
}

/// Draft plan `id` of the officer's own province, to change: another province's plan reads
/// as absent (404), an approved one is a conflict.
async fn draft_in_reach<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    g: &rules::PlanGrant,
    id: i64,
) -> Result<plan::Model, SupervisionError> {
    let p = reached(db, actor, id).await?;
    if p.province_code != g.province() {
        return Err(SupervisionError::NotFound);
    }
    if p.status != DRAFT {
        return Err(SupervisionError::Conflict);
    }
    Ok(p)
}

/// Plan `id` as written within the transaction, for the answer.
async fn reread<C: ConnectionTrait>(db: &C, id: i64) -> Result<PlanView, SupervisionError> {
    let row = plan::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    view(db, row).await
}

/// Plan `id`, with its units and outlook.
pub async fn get(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<PlanView, SupervisionError> {
    let p = reached(db, actor, id).await?;
    view(db, p).await
}

/// The plans in reach, latest period first.
pub async fn list(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<PlanView>, SupervisionError> {
    let scope = rules::scope(actor)?;
    let mut q = plan::Entity::find().order_by_desc(plan::Column::Period);
    if let Some(p) = scope.province() {
        q = q.filter(plan::Column::ProvinceCode.eq(p));
    }
    let mut out = vec![];
    for p in q.all(db).await? {
        out.push(view(db, p).await?);
    }
    Ok(out)
}

/// An edit of a draft: a unit added or removed.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlanEdit {
    Add(i64),
    Remove(i64),
}

/// Adds or removes a unit of a draft plan of the officer's province. A unit added must be a
/// scored unit of the plan's province (else 404, as it does not exist for the officer) and
/// fit within the capacity.
pub async fn edit(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    e: PlanEdit,
    now: DateTime<Utc>,
) -> Result<PlanView, SupervisionError> {
    let g = rules::authorize_plan(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let p = draft_in_reach(&txn, actor, &g, id).await?;
    let placed = plan_unit::Entity::find()
        .filter(plan_unit::Column::PlanId.eq(p.id))
        .all(&txn)
        .await?;
    let (action, unit) = match e {
        PlanEdit::Add(unit) => {
            let s = score::Entity::find()
                .filter(score::Column::UnitId.eq(unit))
                .filter(score::Column::ProvinceCode.eq(&p.province_code))
                .one(&txn)
                .await?
                .ok_or(SupervisionError::NotFound)?;
            if placed.iter().any(|r| r.unit_id == unit) {
                return Err(SupervisionError::invalid("unit_id", "duplicate_row"));
            }
            if placed.len() + 1 > params_of(&p).places() {
                return Err(SupervisionError::invalid("unit_id", "over_capacity"));
            }
            insert_picks(
                &txn,
                p.id,
                &[Pick {
                    unit_id: unit,
                    score: s.total,
                    reason: Reason::Added,
                }],
            )
            .await?;
            ("supervision.plan.add", unit)
        }
        PlanEdit::Remove(unit) => {
            let r = placed
                .iter()
                .find(|r| r.unit_id == unit)
                .ok_or(SupervisionError::NotFound)?;
            plan_unit::Entity::delete_by_id(r.id).exec(&txn).await?;
            ("supervision.plan.remove", unit)
        }
    };
    let bump = plan::ActiveModel {
        updated_at: Set(now),
        ..Default::default()
    };
    let update = plan::Entity::update_many()
        .set(bump)
        .filter(plan::Column::Id.eq(p.id));
    save_at_version(&txn, update, plan::Column::Version, p.version).await?;
    audit::record(
        &txn,
        Change::by(actor, action, "supervision_plan", p.id).after(json!({"unit_id": unit})),
    )
    .await?;
    let out = reread(&txn, p.id).await?;
    txn.commit().await?;
    Ok(out)
}

/// Approves a draft plan of the officer's province.
pub async fn approve(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<PlanView, SupervisionError> {
    let g = rules::authorize_plan(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let p = draft_in_reach(&txn, actor, &g, id).await?;
    let approved = plan::ActiveModel {
        status: Set(APPROVED.into()),
        approved_by: Set(Some(actor.user_id())),
        approved_at: Set(Some(now)),
        updated_at: Set(now),
        ..Default::default()
    };
    let update = plan::Entity::update_many()
        .set(approved)
        .filter(plan::Column::Id.eq(p.id));
    save_at_version(&txn, update, plan::Column::Version, p.version).await?;
    audit::record(
        &txn,
        Change::by(actor, "supervision.plan.approve", "supervision_plan", p.id)
            .before(json!({"status": DRAFT}))
            .after(json!({"status": APPROVED})),
    )
    .await?;
    let out = reread(&txn, p.id).await?;
    txn.commit().await?;
    Ok(out)
}
