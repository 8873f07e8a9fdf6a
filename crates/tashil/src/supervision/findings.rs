//! Findings of an inspection and their corrective and preventive actions (CAPA): recorded by
//! the inspector (from a not-compliant answer, or free) with a severity; a major or critical
//! one is owed a CAPA by the unit within the working days set per severity (as data) on its
//! office's calendar; the inspector closes it (on site or from evidence) or returns it with
//! a reason. Read within the inspection scope (another province's: 404).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::error::SupervisionError;
use super::inspection_entity::{capa_days, finding, inspection, item};
use super::inspections::{PAGE, country, reach};
use super::model::capa::{self, Capa, DEFAULT_CAPA_DAYS, Review, ReviewError, Severity, Status};
use super::model::checklist::Answer;
use super::model::inspection::Status as InspectionStatus;
use crate::access::Actor;
use crate::access::supervision as rules;
use crate::audit::{self, Change};
use crate::kernel::{Paging, save_at_version};

/// A finding as its pages and the API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FindingView {
    pub id: i64,
    pub inspection_id: i64,
    pub unit_id: i64,
    pub item_id: Option<i64>,
    pub severity: Severity,
    pub status: Status,
    pub description: String,
    /// The last working day for the unit's CAPA (major and critical).
    pub capa_due_on: Option<NaiveDate>,
    /// A CAPA still owed past its day.
    pub overdue: bool,
    pub capa: Option<Capa>,
    pub return_reason: Option<String>,
    pub verified_how: Option<String>,
    pub version: i32,
}

fn view(f: finding::Model, today: NaiveDate) -> Result<FindingView, SupervisionError> {
    let status = crate::kernel::stored("status", &f.status, Status::parse)?;
    let capa = match (
        f.capa_cause,
        f.capa_correction,
        f.capa_preventive,
        f.capa_planned_on,
    ) {
        (Some(cause), Some(correction), Some(preventive), Some(planned_on)) => Some(Capa {
            cause,
            correction,
            preventive,
            planned_on,
        }),
        _ => None,
    };
    Ok(FindingView {
        id: f.id,
        inspection_id: f.inspection_id,
        unit_id: f.unit_id,
        item_id: f.item_id,
        severity: crate::kernel::stored("severity", &f.severity, Severity::parse)?,
        status,
        description: f.description,
        capa_due_on: f.capa_due_on,
        overdue: capa::overdue(status, f.capa_due_on, today),
        capa,
        return_reason: f.return_reason,
        verified_how: f.verified_how,
        version: f.version,
    })
}

/// The findings of inspection `id` (its reach checked by the caller).
pub(super) async fn of_inspection<C: ConnectionTrait>(
    db: &C,
    id: i64,
    today: NaiveDate,
) -> Result<Vec<FindingView>, SupervisionError> {
    finding::Entity::find()
        .filter(finding::Column::InspectionId.eq(id))
        .order_by_asc(finding::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|f| view(f, today))
        .collect()
}

/// A finding as the inspector records it.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct FindingDraft {
    /// The not-compliant answer it comes from (none: a free finding).
    #[serde(default)]
    pub item_id: Option<i64>,
    pub severity: Severity,
    pub description: String,
}

/// Records a finding of an inspection in progress of the inspector's province.
pub async fn add(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    inspection_id: i64,
    d: &FindingDraft,
    now: DateTime<Utc>,
) -> Result<FindingView, SupervisionError> {
    let g = rules::authorize_inspect(actor)?;
    capa::check_description(&d.description).map_err(SupervisionError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let m = inspection::Entity::find_by_id(inspection_id)
        .filter(inspection::Column::ProvinceCode.eq(g.province()))
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    if m.status != InspectionStatus::InProgress.as_str() {
        return Err(SupervisionError::Conflict);
    }
    if let Some(i) = d.item_id {
        let it = item::Entity::find_by_id(i)
            .filter(item::Column::InspectionId.eq(m.id))
            .one(&txn)
            .await?
            .ok_or(SupervisionError::invalid("item_id", "invalid_choice"))?;
        if it.answer.as_deref() != Some(Answer::NotCompliant.as_str()) {
            return Err(SupervisionError::invalid("item_id", "not_non_compliant"));
        }
    }
    let country = country(&m.province_code);
    let today = crate::kernel::clock::local_date(country, now);
    let days = capa_days::Entity::find()
        .filter(capa_days::Column::Severity.eq(d.severity.as_str()))
        .one(&txn)
        .await?
        .map_or(DEFAULT_CAPA_DAYS, |r| r.working_days.max(0) as u32);
    let cal = crate::calendar::calendars(&txn)
        .await?
        .office(country, &m.province_code);
    let due = capa::capa_due(d.severity, days, &cal, today);
    let id = finding::Entity::insert(finding::ActiveModel {
        inspection_id: Set(m.id),
        unit_id: Set(m.unit_id),
        province_code: Set(m.province_code.clone()),
        item_id: Set(d.item_id),
        severity: Set(d.severity.as_str().into()),
        status: Set(Status::Open.as_str().into()),
        description: Set(d.description.trim().into()),
        capa_due_on: Set(due),
        capa_cause: Set(None),
        capa_correction: Set(None),
        capa_preventive: Set(None),
        capa_planned_on: Set(None),
        capa_submitted_at: Set(None),
        return_reason: Set(None),
        verified_how: Set(None),
        verified_by: Set(None),
        closed_at: Set(None),
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
        Change::by(actor, "supervision.finding.add", "supervision_finding", id).after(json!({
            "inspection_id": m.id, "item_id": d.item_id, "severity": d.severity.as_str(),
            "description": d.description, "capa_due_on": due,
        })),
    )
    .await?;
    let f = finding::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    txn.commit().await?;
    view(f, today)
}

/// Finding `id` if the actor's inspection scope reaches its inspection (a unit's: once the
/// inspection started).
async fn reached<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<finding::Model, SupervisionError> {
    let scope = rules::inspection_scope(actor)?;
    let f = finding::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    inspection::Entity::find_by_id(f.inspection_id)
        .filter(reach(&scope))
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    Ok(f)
}

/// Finding `id`.
pub async fn get(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<FindingView, SupervisionError> {
    let f = reached(db, actor, id).await?;
    let today = crate::kernel::clock::local_date(country(&f.province_code), now);
    view(f, today)
}

/// Which findings a list shows.
#[derive(Debug, Clone, Copy, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FindingsQuery {
    pub page: Option<u64>,
    /// Only those not closed.
    #[serde(default)]
    pub open: bool,
}

/// The findings in reach, latest first; 50 a page.
pub async fn list(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    q: FindingsQuery,
    now: DateTime<Utc>,
) -> Result<Vec<FindingView>, SupervisionError> {
    let scope = rules::inspection_scope(actor)?;
    let paging = Paging::fixed(q.page, PAGE);
    let mut s = finding::Entity::find()
        .filter(
            finding::Column::InspectionId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(inspection::Column::Id)
                    .from(inspection::Entity)
                    .cond_where(reach(&scope))
                    .to_owned(),
            ),
        )
        .order_by_desc(finding::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit());
    if q.open {
        s = s.filter(finding::Column::Status.ne(Status::Closed.as_str()));
    }
    let today =
        crate::kernel::clock::local_date(actor.province().map(country).unwrap_or("IR"), now);
    s.all(db)
        .await?
        .into_iter()
        .map(|f| view(f, today))
        .collect()
}

/// The unit's CAPA, naming the finding's version.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct CapaDraft {
    #[serde(flatten)]
    pub capa: Capa,
    pub version: i32,
}

/// The unit's user submits (or resubmits, once returned) the CAPA a major or critical
/// finding of its own unit is owed.
pub async fn submit_capa(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    d: &CapaDraft,
    now: DateTime<Utc>,
) -> Result<FindingView, SupervisionError> {
    rules::authorize_unit(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let f = reached(&txn, actor, id).await?;
    let today = crate::kernel::clock::local_date(country(&f.province_code), now);
    capa::check_capa(&d.capa, today).map_err(SupervisionError::Invalid)?;
    let severity = crate::kernel::stored("severity", &f.severity, Severity::parse)?;
    let status = crate::kernel::stored("status", &f.status, Status::parse)?;
    if !severity.needs_capa() || !status.awaits_capa() {
        return Err(SupervisionError::Conflict);
    }
    let c = &d.capa;
    save_at_version(
        &txn,
        finding::Entity::update_many()
            .set(finding::ActiveModel {
                status: Set(Status::CapaSubmitted.as_str().into()),
                capa_cause: Set(Some(c.cause.trim().into())),
                capa_correction: Set(Some(c.correction.trim().into())),
                capa_preventive: Set(Some(c.preventive.trim().into())),
                capa_planned_on: Set(Some(c.planned_on)),
                capa_submitted_at: Set(Some(now)),
                updated_at: Set(now),
                ..Default::default()
            })
            .filter(finding::Column::Id.eq(f.id)),
        finding::Column::Version,
        d.version,
    )
    .await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.finding.capa",
            "supervision_finding",
            f.id,
        )
        .before(json!({"status": status.as_str()}))
        .after(json!({"status": Status::CapaSubmitted.as_str(), "capa": c})),
    )
    .await?;
    let f = finding::Entity::find_by_id(f.id)
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    txn.commit().await?;
    view(f, today)
}

/// The inspector's decision, naming the finding's version.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ReviewDraft {
    #[serde(flatten)]
    pub review: Review,
    pub version: i32,
}

/// An inspector of the finding's province closes it (verified on site or from evidence) or
/// returns its CAPA to the unit with a reason.
pub async fn review(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    d: &ReviewDraft,
    now: DateTime<Utc>,
) -> Result<FindingView, SupervisionError> {
    // Whoever reads it but may not inspect is refused (403); out of reach, absent (404).
    let g = rules::authorize_inspect(actor);
    let txn = crate::db::begin_write(db).await?;
    let f = reached(&txn, actor, id).await?;
    let g = g?;
    if f.province_code != g.province() {
        return Err(SupervisionError::NotFound);
    }
    let severity = crate::kernel::stored("severity", &f.severity, Severity::parse)?;
    let status = crate::kernel::stored("status", &f.status, Status::parse)?;
    let next = capa::review(severity, status, &d.review).map_err(|e| match e {
        ReviewError::Field(e) => SupervisionError::Invalid(vec![e]),
        ReviewError::State => SupervisionError::Conflict,
    })?;
    let mut am = finding::ActiveModel {
        status: Set(next.as_str().into()),
        ..Default::default()
    };
    match &d.review {
        Review::Close { how } => {
            am.verified_how = Set(Some(how.as_str().into()));
            am.verified_by = Set(Some(actor.user_id()));
            am.closed_at = Set(Some(now));
        }
        Review::Return { reason } => am.return_reason = Set(Some(reason.trim().into())),
    }
    am.updated_at = Set(now);
    save_at_version(
        &txn,
        finding::Entity::update_many()
            .set(am)
            .filter(finding::Column::Id.eq(f.id)),
        finding::Column::Version,
        d.version,
    )
    .await?;
    let (how, reason) = match &d.review {
        Review::Close { how } => (Some(how.as_str()), None),
        Review::Return { reason } => (None, Some(reason.as_str())),
    };
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.finding.review",
            "supervision_finding",
            f.id,
        )
        .before(json!({"status": status.as_str()}))
        .after(json!({"status": next.as_str(), "verified_how": how, "reason": reason})),
    )
    .await?;
    let f = finding::Entity::find_by_id(f.id)
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    txn.commit().await?;
    let today = crate::kernel::clock::local_date(country(&f.province_code), now);
    view(f, today)
}

/// Each unit's findings not closed (supervision's risk score reads them).
pub(super) async fn open_by_unit<C: ConnectionTrait>(
    db: &C,
    province: Option<&str>,
) -> Result<std::collections::HashMap<i64, u32>, sea_orm::DbErr> {
    let mut q = finding::Entity::find()
        .select_only()
        .column(finding::Column::UnitId)
        .column_as(finding::Column::Id.count(), "n")
        .filter(finding::Column::Status.ne(Status::Closed.as_str()))
        .group_by(finding::Column::UnitId);
    if let Some(p) = province {
        q = q.filter(finding::Column::ProvinceCode.eq(p));
    }
    let rows: Vec<(i64, i64)> = q.into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .map(|(u, n)| (u, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect())
}
