//! Inspections of units: scheduled by the provincial officer (from an approved plan's units,
//! or ad hoc) for an inspector of the unit's province on a day; started by an inspector (the
//! checklist generated from the standards that apply to the unit's products and the general
//! items); each answer saved alone, naming its own version (409 when stale); recorded once
//! the unit signs or its refusal is noted. Reads start from `access::supervision`'s
//! inspection scope: another province's inspection is absent (404); a unit sees its own
//! once it has started, never a scheduled one (an inspection may be unannounced).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::entity::{plan, plan_unit};
use super::error::SupervisionError;
use super::findings::{self, FindingView};
use super::inspection_entity::{general_item, inspection, item};
use super::model::checklist::{self, Answer, Clause, General};
use super::model::inspection::{Signature, Status, check_signature};
use crate::access::supervision::{self as rules, InspectionReach, InspectionScope};
use crate::access::{Actor, Role};
use crate::audit::{self, Change};
use crate::kernel::{Paging, save_at_version};
use crate::registry::lookup;

/// Rows per page of the inspections list.
pub const PAGE: u64 = 50;

/// The country whose clock and calendar a province keeps (`IR-26` → `IR`).
pub(super) fn country(province: &str) -> &str {
    province.get(..2).unwrap_or(province)
}

/// An inspection to schedule.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ScheduleDraft {
    pub unit_id: i64,
    pub inspector_id: i64,
    pub scheduled_on: NaiveDate,
    /// The approved plan the unit is taken from (none: ad hoc).
    #[serde(default)]
    pub plan_id: Option<i64>,
}

/// An inspection in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InspectionRow {
    pub id: i64,
    pub unit_id: i64,
    /// The unit's name: fa, en, vi.
    pub unit_names: [String; 3],
    pub province: String,
    pub inspector_id: i64,
    pub scheduled_on: NaiveDate,
    pub status: Status,
    /// Scheduled on the actor's today.
    pub today: bool,
}

/// One checklist item with its answer.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ItemView {
    pub id: i64,
    pub position: i32,
    /// `clause` or `general`.
    pub source: String,
    pub reference: String,
    /// fa, en, vi.
    pub text: [String; 3],
    pub answer: Option<Answer>,
    pub note: String,
    pub version: i32,
}

/// An inspection with its checklist and findings.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InspectionView {
    #[serde(flatten)]
    pub row: InspectionRow,
    pub plan_id: Option<i64>,
    pub signature: Option<String>,
    pub refusal_reason: Option<String>,
    pub items: Vec<ItemView>,
    pub findings: Vec<FindingView>,
    pub version: i32,
}

fn status_of(m: &inspection::Model) -> Result<Status, SupervisionError> {
    Ok(crate::kernel::stored("status", &m.status, Status::parse)?)
}

/// The inspections `scope` reaches, as a condition on the inspections table.
pub(super) fn reach(scope: &InspectionScope) -> Condition {
    match scope.reach() {
        InspectionReach::All => Condition::all(),
        InspectionReach::Province(p) => {
            Condition::all().add(inspection::Column::ProvinceCode.eq(p.as_str()))
        }
        InspectionReach::Unit(org) => Condition::all()
            .add(inspection::Column::UnitId.in_subquery(lookup::units_of_organisation(*org)))
            .add(inspection::Column::Status.ne(Status::Scheduled.as_str())),
    }
}

/// Inspection `id` if `scope` reaches it.
pub(super) async fn reached<C: ConnectionTrait>(
    db: &C,
    scope: &InspectionScope,
    id: i64,
) -> Result<inspection::Model, SupervisionError> {
    inspection::Entity::find_by_id(id)
        .filter(reach(scope))
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)
}

/// Inspection `id` if it is of `province` (an inspector's or officer's grant).
async fn of_province<C: ConnectionTrait>(
    db: &C,
    province: &str,
    id: i64,
) -> Result<inspection::Model, SupervisionError> {
    inspection::Entity::find_by_id(id)
        .filter(inspection::Column::ProvinceCode.eq(province))
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)
}

async fn row_of<C: ConnectionTrait>(
    db: &C,
    m: &inspection::Model,
    today: NaiveDate,
) -> Result<InspectionRow, SupervisionError> {
    let unit = lookup::holder(db, m.unit_id).await?;
    Ok(InspectionRow {
        id: m.id,
        unit_id: m.unit_id,
        unit_names: unit.map(|u| u.names).unwrap_or_default(),
        province: m.province_code.clone(),
        inspector_id: m.inspector_id,
        scheduled_on: m.scheduled_on,
        status: status_of(m)?,
        today: m.scheduled_on == today,
    })
}

fn item_view(i: item::Model) -> Result<ItemView, SupervisionError> {
    let answer = match &i.answer {
        Some(a) => Some(crate::kernel::stored("answer", a, Answer::parse)?),
        None => None,
    };
    Ok(ItemView {
        id: i.id,
        position: i.position,
        source: i.source,
        reference: i.reference,
        text: [i.text_fa, i.text_en, i.text_vi],
        answer,
        note: i.note,
        version: i.version,
    })
}

async fn view<C: ConnectionTrait>(
    db: &C,
    m: inspection::Model,
    now: DateTime<Utc>,
) -> Result<InspectionView, SupervisionError> {
    let today = crate::kernel::clock::local_date(country(&m.province_code), now);
    let items = item::Entity::find()
        .filter(item::Column::InspectionId.eq(m.id))
        .order_by_asc(item::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(item_view)
        .collect::<Result<_, _>>()?;
    Ok(InspectionView {
        row: row_of(db, &m, today).await?,
        plan_id: m.plan_id,
        signature: m.signature.clone(),
        refusal_reason: m.refusal_reason.clone(),
        items,
        findings: findings::of_inspection(db, m.id, today).await?,
        version: m.version,
    })
}

/// Schedules an inspection of a unit of the officer's province for one of its inspectors.
pub async fn schedule(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    d: &ScheduleDraft,
    now: DateTime<Utc>,
) -> Result<InspectionView, SupervisionError> {
    let g = rules::authorize_schedule(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let unit = lookup::holder(&txn, d.unit_id)
        .await?
        .filter(|u| u.province == g.province())
        .ok_or(SupervisionError::NotFound)?;
    let inspectors = crate::identity::staff_of(&txn, Role::Inspector, g.province()).await?;
    if !inspectors.iter().any(|(id, _)| *id == d.inspector_id) {
        return Err(SupervisionError::invalid("inspector_id", "invalid_choice"));
    }
    if d.scheduled_on < crate::kernel::clock::local_date(country(g.province()), now) {
        return Err(SupervisionError::invalid("scheduled_on", "in_the_past"));
    }
    if let Some(p) = d.plan_id {
        let approved = plan::Entity::find_by_id(p)
            .filter(plan::Column::ProvinceCode.eq(g.province()))
            .filter(plan::Column::Status.eq(super::plans::APPROVED))
            .one(&txn)
            .await?
            .ok_or(SupervisionError::invalid("plan_id", "invalid_choice"))?;
        let placed = plan_unit::Entity::find()
            .filter(plan_unit::Column::PlanId.eq(approved.id))
            .filter(plan_unit::Column::UnitId.eq(unit.id))
            .one(&txn)
            .await?;
        if placed.is_none() {
            return Err(SupervisionError::invalid("plan_id", "not_in_plan"));
        }
    }
    let id = inspection::Entity::insert(inspection::ActiveModel {
        unit_id: Set(unit.id),
        province_code: Set(unit.province.clone()),
        plan_id: Set(d.plan_id),
        inspector_id: Set(d.inspector_id),
        scheduled_on: Set(d.scheduled_on),
        status: Set(Status::Scheduled.as_str().into()),
        signature: Set(None),
        refusal_reason: Set(None),
        signed_by: Set(None),
        started_at: Set(None),
        recorded_at: Set(None),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    })
    .exec(&txn)
    .await?
    .last_insert_id;
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.inspection.schedule",
            "supervision_inspection",
            id,
        )
        .after(json!({"unit_id": unit.id, "inspector_id": d.inspector_id,
                "scheduled_on": d.scheduled_on, "plan_id": d.plan_id})),
    )
    .await?;
    let m = of_province(&txn, g.province(), id).await?;
    let out = view(&txn, m, now).await?;
    txn.commit().await?;
    Ok(out)
}

/// The inspections in reach: those of the actor's today first (an inspector's own first
/// among them), then the rest, latest day first; 50 a page.
pub async fn list(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    page: Option<u64>,
    now: DateTime<Utc>,
) -> Result<Vec<InspectionRow>, SupervisionError> {
    let scope = rules::inspection_scope(actor)?;
    let today =
        crate::kernel::clock::local_date(actor.province().map(country).unwrap_or("IR"), now);
    let paging = Paging::fixed(page, PAGE);
    let mine = if actor.role() == Role::Inspector {
        actor.user_id()
    } else {
        0
    };
    let rows = inspection::Entity::find()
        .filter(reach(&scope))
        // A comparison orders false before true on both backends: descending, today's first.
        .order_by(inspection::Column::ScheduledOn.eq(today), Order::Desc)
        .order_by(inspection::Column::InspectorId.eq(mine), Order::Desc)
        .order_by_desc(inspection::Column::ScheduledOn)
        .order_by_desc(inspection::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit())
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for m in &rows {
        out.push(row_of(db, m, today).await?);
    }
    Ok(out)
}

/// Inspection `id`, with its checklist and findings.
pub async fn get(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<InspectionView, SupervisionError> {
    let scope = rules::inspection_scope(actor)?;
    let m = reached(db, &scope, id).await?;
    view(db, m, now).await
}

/// The clauses of the mandatory standards that apply to the unit's products.
async fn clauses(
    db: &sea_orm::DatabaseConnection,
    unit_id: i64,
    country: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Clause>, SupervisionError> {
    let mut ids = vec![];
    for hs in lookup::hs_codes_of(db, unit_id).await? {
        // A code the standards do not read (malformed) adds no clause.
        if let Ok(found) = crate::standards::mandatory_for_hs(db, &hs, Some(country), now).await {
            for m in found {
                if !ids.contains(&m.standard.id) {
                    ids.push(m.standard.id);
                }
            }
        }
    }
    let mut out = vec![];
    for id in ids {
        let Ok(s) = crate::standards::get(db, None, id, now).await else {
            continue;
        };
        out.extend(s.clauses.into_iter().map(|c| Clause {
            designation: s.designation.clone(),
            number: c.number,
            title: [c.parameter_fa, c.parameter_en, c.parameter_vi],
        }));
    }
    Ok(out)
}

/// Starts a scheduled inspection of the inspector's province: its checklist is generated.
pub async fn start(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    version: i32,
    now: DateTime<Utc>,
) -> Result<InspectionView, SupervisionError> {
    let g = rules::authorize_inspect(actor)?;
    let m = of_province(db, g.province(), id).await?;
    if !status_of(&m)?.may_start() {
        return Err(SupervisionError::Conflict);
    }
    let clauses = clauses(db, m.unit_id, country(&m.province_code), now).await?;
    let txn = crate::db::begin_write(db).await?;
    let general: Vec<General> = general_item::Entity::find()
        .filter(general_item::Column::Active.eq(true))
        .order_by_asc(general_item::Column::Position)
        .all(&txn)
        .await?
        .into_iter()
        .map(|g| General {
            code: g.code,
            text: [g.text_fa, g.text_en, g.text_vi],
        })
        .collect();
    save_at_version(
        &txn,
        inspection::Entity::update_many()
            .set(inspection::ActiveModel {
                status: Set(Status::InProgress.as_str().into()),
                started_at: Set(Some(now)),
                updated_at: Set(now),
                ..Default::default()
            })
            .filter(inspection::Column::Id.eq(m.id)),
        inspection::Column::Version,
        version,
    )
    .await?;
    let items = checklist::generate(&clauses, &general);
    for (n, chunk) in items.chunks(100).enumerate() {
        item::Entity::insert_many(chunk.iter().enumerate().map(|(k, i)| {
            let [fa, en, vi] = i.text.clone();
            item::ActiveModel {
                inspection_id: Set(m.id),
                position: Set((n * 100 + k + 1) as i32),
                source: Set(i.source.into()),
                reference: Set(i.reference.clone()),
                text_fa: Set(fa),
                text_en: Set(en),
                text_vi: Set(vi),
                answer: Set(None),
                note: Set(String::new()),
                answered_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
                ..Default::default()
            }
        }))
        .exec(&txn)
        .await?;
    }
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.inspection.start",
            "supervision_inspection",
            m.id,
        )
        .before(json!({"status": Status::Scheduled.as_str()}))
        .after(json!({"status": Status::InProgress.as_str(), "items": items.len()})),
    )
    .await?;
    let m = of_province(&txn, g.province(), id).await?;
    let out = view(&txn, m, now).await?;
    txn.commit().await?;
    Ok(out)
}

/// One answer as typed, naming the version of the item it changes.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct AnswerDraft {
    pub answer: Answer,
    #[serde(default)]
    pub note: String,
    pub version: i32,
}

/// Saves one answer of an inspection in progress of the inspector's province; alone, so a
/// phone sends each as it is typed. A stale `version` is a conflict.
pub async fn answer(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    item_id: i64,
    d: &AnswerDraft,
    now: DateTime<Utc>,
) -> Result<ItemView, SupervisionError> {
    let g = rules::authorize_inspect(actor)?;
    checklist::check_note(&d.note).map_err(|e| SupervisionError::Invalid(vec![e]))?;
    let txn = crate::db::begin_write(db).await?;
    let m = of_province(&txn, g.province(), id).await?;
    let i = item::Entity::find_by_id(item_id)
        .filter(item::Column::InspectionId.eq(m.id))
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    if !status_of(&m)?.is_open() {
        return Err(SupervisionError::Conflict);
    }
    let update = item::Entity::update_many()
        .set(item::ActiveModel {
            answer: Set(Some(d.answer.as_str().into())),
            note: Set(d.note.clone()),
            answered_by: Set(Some(actor.user_id())),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(item::Column::Id.eq(i.id));
    save_at_version(&txn, update, item::Column::Version, d.version).await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.inspection.answer",
            "supervision_checklist_item",
            i.id,
        )
        .before(json!({"answer": i.answer, "note": i.note}))
        .after(json!({"answer": d.answer.as_str(), "note": d.note})),
    )
    .await?;
    let saved = item::Entity::find_by_id(i.id)
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    txn.commit().await?;
    item_view(saved)
}

/// The record closed, naming the inspection's version.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct RecordDraft {
    #[serde(flatten)]
    pub signature: Signature,
    pub version: i32,
}

/// Records an inspection in progress: signed by the unit's user, or its refusal noted (by the
/// unit's user or the inspector) with the reason. Every item must be answered first.
pub async fn record(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    d: &RecordDraft,
    now: DateTime<Utc>,
) -> Result<InspectionView, SupervisionError> {
    check_signature(&d.signature).map_err(|e| SupervisionError::Invalid(vec![e]))?;
    let txn = crate::db::begin_write(db).await?;
    let m = match (
        rules::authorize_unit(actor),
        rules::authorize_inspect(actor),
    ) {
        (Ok(_), _) => reached(&txn, &rules::inspection_scope(actor)?, id).await?,
        (_, Ok(g)) if matches!(d.signature, Signature::Refused { .. }) => {
            of_province(&txn, g.province(), id).await?
        }
        (_, Ok(g)) => {
            // Only the unit signs: the inspector may only note a refusal.
            of_province(&txn, g.province(), id).await?;
            return Err(SupervisionError::Denied(crate::access::Denied::Forbidden));
        }
        (Err(e), Err(_)) => return Err(e.into()),
    };
    if !status_of(&m)?.is_open() {
        return Err(SupervisionError::Conflict);
    }
    let unanswered = item::Entity::find()
        .filter(item::Column::InspectionId.eq(m.id))
        .filter(item::Column::Answer.is_null())
        .count(&txn)
        .await?;
    if unanswered > 0 {
        return Err(SupervisionError::invalid("checklist", "unanswered"));
    }
    let (signature, reason) = match &d.signature {
        Signature::Signed => ("signed", None),
        Signature::Refused { reason } => ("refused", Some(reason.trim().to_owned())),
    };
    save_at_version(
        &txn,
        inspection::Entity::update_many()
            .set(inspection::ActiveModel {
                status: Set(Status::Recorded.as_str().into()),
                signature: Set(Some(signature.into())),
                refusal_reason: Set(reason.clone()),
                signed_by: Set(Some(actor.user_id())),
                recorded_at: Set(Some(now)),
                updated_at: Set(now),
                ..Default::default()
            })
            .filter(inspection::Column::Id.eq(m.id)),
        inspection::Column::Version,
        d.version,
    )
    .await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.inspection.record",
            "supervision_inspection",
            m.id,
        )
        .before(json!({"status": Status::InProgress.as_str()}))
        .after(
            json!({"status": Status::Recorded.as_str(), "signature": signature,
                "reason": reason}),
        ),
    )
    .await?;
    let m = inspection::Entity::find_by_id(m.id)
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    let out = view(&txn, m, now).await?;
    txn.commit().await?;
    Ok(out)
}

/// Each unit's last recorded inspection day (supervision's risk score reads it).
pub(super) async fn last_recorded<C: ConnectionTrait>(
    db: &C,
    province: Option<&str>,
) -> Result<std::collections::HashMap<i64, DateTime<Utc>>, sea_orm::DbErr> {
    let mut q = inspection::Entity::find()
        .select_only()
        .column(inspection::Column::UnitId)
        .column_as(inspection::Column::RecordedAt.max(), "last")
        .filter(inspection::Column::RecordedAt.is_not_null())
        .group_by(inspection::Column::UnitId);
    if let Some(p) = province {
        q = q.filter(inspection::Column::ProvinceCode.eq(p));
    }
    let rows: Vec<(i64, Option<DateTime<Utc>>)> = q.into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(u, at)| at.map(|a| (u, a)))
        .collect())
}
