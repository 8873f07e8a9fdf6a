//! The ladder in force (the defaults, with the national body's edits stored over them,
//! versioned and audited) and the measures taken on units: a provincial officer (an
//! inspector, the advisory rungs) takes one on a unit of its province, citing the rung's
//! legal basis; up the ladder one rung at a time, or on the imminent-danger path, which
//! waits for a second officer's approval. A suspension or revocation in force changes the
//! unit's licence through licensing, in the same transaction as the measure.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::entity::{measure, rung};
use super::error::SupervisionError;
use super::model::ladder::{self, Outcome, Path, Rung, RungEdit};
use crate::access::supervision::{self as rules, MeasureReader};
use crate::access::{Actor, Denied};
use crate::audit::{self, Change};
use crate::kernel::{FieldError, Paging, save_at_version};
use crate::licensing::{LicensingError, Sanction};

pub const IN_FORCE: &str = "in_force";
pub const AWAITING: &str = "awaiting_approval";
pub const REFUSED: &str = "refused";

/// Measures a page.
pub const PAGE: u64 = 50;

/// The ladder in force, lowest rung first.
pub async fn ladder<C: ConnectionTrait>(db: &C) -> Result<Vec<Rung>, DbErr> {
    let stored = rung::Entity::find().all(db).await?;
    Ok(ladder::defaults()
        .into_iter()
        .map(|d| match stored.iter().find(|s| s.key == d.key) {
            None => d,
            Some(s) => Rung {
                name_fa: s.name_fa.clone(),
                name_vi: s.name_vi.clone(),
                name_en: s.name_en.clone(),
                legal_basis: s.legal_basis.clone(),
                version: s.version,
                ..d
            },
        })
        .collect())
}

/// The national body changes rung `key`'s names and legal basis (`e.version`: the version
/// it read; another change since is a conflict), audited before and after.
pub async fn edit_rung(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    key: &str,
    e: &RungEdit,
    now: DateTime<Utc>,
) -> Result<Rung, SupervisionError> {
    rules::authorize_weights(actor)?;
    e.validate().map_err(SupervisionError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let before = ladder(&txn)
        .await?
        .into_iter()
        .find(|r| r.key == key)
        .ok_or(SupervisionError::NotFound)?;
    if before.version != e.version {
        return Err(SupervisionError::Conflict);
    }
    let after = Rung {
        name_fa: e.name_fa.trim().to_owned(),
        name_vi: e.name_vi.trim().to_owned(),
        name_en: e.name_en.trim().to_owned(),
        legal_basis: e.legal_basis.trim().to_owned(),
        version: before.version + 1,
        ..before.clone()
    };
    let row = rung::Entity::find()
        .filter(rung::Column::Key.eq(key))
        .one(&txn)
        .await?;
    let mut am = rung::ActiveModel {
        key: Set(key.to_owned()),
        name_fa: Set(after.name_fa.clone()),
        name_en: Set(after.name_en.clone()),
        name_vi: Set(after.name_vi.clone()),
        legal_basis: Set(after.legal_basis.clone()),
        updated_by: Set(actor.user_id()),
        updated_at: Set(now),
        version: Set(after.version),
        ..Default::default()
    };
    let id = match row {
        Some(r) => {
            am.id = Set(r.id);
            am.version = NotSet;
            let update = rung::Entity::update_many()
                .set(am)
                .filter(rung::Column::Id.eq(r.id));
            save_at_version(&txn, update, rung::Column::Version, r.version).await?;
            r.id
        }
        None => {
            am.created_at = Set(now);
            rung::Entity::insert(am).exec(&txn).await?.last_insert_id
        }
    };
    audit::record(
        &txn,
        Change::by(actor, "supervision.rung.edit", "supervision_rung", id)
            .before(json!(before))
            .after(json!(after)),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// A measure as typed.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct MeasureDraft {
    /// advice, warning, reinspection, suspension, revocation.
    pub rung: String,
    pub reason: String,
    /// The licence a suspension or revocation changes (required for those).
    #[serde(default)]
    pub licence_id: Option<i64>,
    /// The inspection the measure follows (a plain reference).
    #[serde(default)]
    pub inspection_ref: Option<String>,
    #[serde(default)]
    pub finding: Option<String>,
    /// The imminent-danger path (with its justification).
    #[serde(default)]
    pub imminent: bool,
    #[serde(default)]
    pub justification: Option<String>,
}

/// A measure as its page and the API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MeasureView {
    pub id: i64,
    pub unit_id: i64,
    pub province: String,
    pub rung: String,
    pub position: i32,
    pub legal_basis: String,
    pub licence_id: Option<i64>,
    pub inspection_ref: Option<String>,
    pub finding: Option<String>,
    pub reason: String,
    pub imminent: bool,
    pub justification: Option<String>,
    /// in_force, awaiting_approval, refused.
    pub status: String,
    pub proposed_by: i64,
    pub decided_by: Option<i64>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

impl From<measure::Model> for MeasureView {
    fn from(m: measure::Model) -> Self {
        MeasureView {
            id: m.id,
            unit_id: m.unit_id,
            province: m.province_code,
            rung: m.rung,
            position: m.position,
            legal_basis: m.legal_basis,
            licence_id: m.licence_id,
            inspection_ref: m.inspection_ref,
            finding: m.finding,
            reason: m.reason,
            imminent: m.imminent,
            justification: m.justification,
            status: m.status,
            proposed_by: m.proposed_by,
            decided_by: m.decided_by,
            decided_at: m.decided_at,
            created_at: m.created_at,
            version: m.version,
        }
    }
}

/// The highest rung in force on unit `unit_id` (0: none).
async fn highest<C: ConnectionTrait>(db: &C, unit_id: i64) -> Result<i32, DbErr> {
    Ok(measure::Entity::find()
        .filter(measure::Column::UnitId.eq(unit_id))
        .filter(measure::Column::Status.eq(IN_FORCE))
        .order_by_desc(measure::Column::Position)
        .one(db)
        .await?
        .map_or(0, |m| m.position))
}

/// Licensing's refusal, as the measure's form names it.
fn licence_error(e: LicensingError) -> SupervisionError {
    match e {
        LicensingError::Db(e) => SupervisionError::Db(e),
        LicensingError::Conflict(code) => SupervisionError::invalid("licence_id", code),
        LicensingError::Invalid(errs) => SupervisionError::Invalid(errs),
        LicensingError::NotFound | LicensingError::Denied(_) => {
            SupervisionError::invalid("licence_id", "not_found")
        }
    }
}

/// Suspends or revokes the measure's licence, in `tx`, as `actor`.
async fn reach_licence<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    m: &measure::Model,
    now: DateTime<Utc>,
) -> Result<(), SupervisionError> {
    let what = match m.rung.as_str() {
        "suspension" => Sanction::Suspend,
        "revocation" => Sanction::Revoke,
        _ => return Ok(()),
    };
    let licence = m
        .licence_id
        .ok_or_else(|| SupervisionError::invalid("licence_id", "required"))?;
    crate::licensing::sanction_licence(
        tx,
        actor,
        licence,
        m.unit_id,
        what,
        &m.reason,
        &m.legal_basis,
        now,
    )
    .await
    .map_err(licence_error)
}

fn optional(
    field: &str,
    v: &Option<String>,
    max: usize,
    errs: &mut Vec<FieldError>,
) -> Option<String> {
    let v = crate::kernel::capped(field, v.as_deref().unwrap_or(""), max, errs);
    (!v.is_empty()).then_some(v)
}

/// Takes a measure on unit `unit_id` (another province's unit: absent).
pub async fn take(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    unit_id: i64,
    d: &MeasureDraft,
    now: DateTime<Utc>,
) -> Result<MeasureView, SupervisionError> {
    let g = rules::authorize_measure(actor)?;
    let unit = crate::registry::lookup::holder(db, unit_id)
        .await?
        .filter(|u| u.province == g.province())
        .ok_or(SupervisionError::NotFound)?;
    let txn = crate::db::begin_write(db).await?;
    let rung = ladder(&txn)
        .await?
        .into_iter()
        .find(|r| r.key == d.rung)
        .ok_or_else(|| SupervisionError::invalid("rung", "invalid_choice"))?;
    if !rung.advisory() && !g.beyond_advice() {
        return Err(Denied::Forbidden.into());
    }
    let mut errs = Vec::new();
    let reason = crate::kernel::required("reason", &d.reason, ladder::MAX_TEXT, &mut errs);
    let finding = optional("finding", &d.finding, ladder::MAX_TEXT, &mut errs);
    let inspection_ref = optional("inspection_ref", &d.inspection_ref, 64, &mut errs);
    let justification = optional(
        "justification",
        &d.justification,
        ladder::MAX_TEXT,
        &mut errs,
    );
    if rung.coercive() && d.licence_id.is_none() {
        errs.push(FieldError::new("licence_id", "required"));
    }
    let path = if d.imminent {
        Path::ImminentDanger {
            justification: justification.clone().unwrap_or_default(),
        }
    } else {
        Path::Ordinary
    };
    let outcome = ladder::check(rung.position, highest(&txn, unit_id).await?, &path);
    if let Err(e) = &outcome {
        errs.extend(e.iter().cloned());
    }
    if !errs.is_empty() {
        return Err(SupervisionError::Invalid(errs));
    }
    let status = match outcome {
        Ok(Outcome::InForce) => IN_FORCE,
        _ => AWAITING,
    };
    let id = measure::Entity::insert(measure::ActiveModel {
        unit_id: Set(unit_id),
        province_code: Set(unit.province.clone()),
        rung: Set(rung.key.clone()),
        position: Set(rung.position),
        legal_basis: Set(rung.legal_basis.clone()),
        licence_id: Set(d.licence_id.filter(|_| rung.coercive())),
        inspection_ref: Set(inspection_ref),
        finding: Set(finding),
        reason: Set(reason),
        imminent: Set(d.imminent),
        justification: Set(justification.filter(|_| d.imminent)),
        status: Set(status.to_owned()),
        proposed_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    })
    .exec(&txn)
    .await?
    .last_insert_id;
    let m = measure::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    if status == IN_FORCE {
        reach_licence(&txn, actor, &m, now).await?;
    }
    let view = MeasureView::from(m);
    audit::record(
        &txn,
        Change::by(actor, "supervision.measure.take", "supervision_measure", id).after(json!(view)),
    )
    .await?;
    txn.commit().await?;
    Ok(view)
}

/// A second officer approves (or refuses) measure `id`, proposed on the imminent-danger
/// path: a provincial officer of its province or the national body, never its proposer.
/// Approved, it is in force (and a suspension or revocation reaches the licence at once).
pub async fn decide(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    approve: bool,
    now: DateTime<Utc>,
) -> Result<MeasureView, SupervisionError> {
    let province = rules::authorize_approval(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let m = measure::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|m| province.as_deref().is_none_or(|p| p == m.province_code))
        .ok_or(SupervisionError::NotFound)?;
    if m.status != AWAITING {
        return Err(SupervisionError::Conflict);
    }
    ladder::may_decide(m.proposed_by, actor.user_id()).map_err(|_| Denied::Forbidden)?;
    let status = if approve { IN_FORCE } else { REFUSED };
    let update = measure::Entity::update_many()
        .set(measure::ActiveModel {
            status: Set(status.to_owned()),
            decided_by: Set(Some(actor.user_id())),
            decided_at: Set(Some(now)),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(measure::Column::Id.eq(id));
    save_at_version(&txn, update, measure::Column::Version, m.version).await?;
    if approve {
        reach_licence(&txn, actor, &m, now).await?;
    }
    let after = measure::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    let action = if approve { "approve" } else { "refuse" };
    audit::record(
        &txn,
        Change::by(
            actor,
            &format!("supervision.measure.{action}"),
            "supervision_measure",
            id,
        )
        .before(json!({"status": m.status}))
        .after(json!({"status": status})),
    )
    .await?;
    txn.commit().await?;
    Ok(after.into())
}

/// Unit `unit_id`'s measures, latest first, for who may read them (the province's office
/// and inspectors, the national body, the unit's own users; anyone else: absent).
pub async fn history(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    unit_id: i64,
    page: Option<u64>,
) -> Result<Vec<MeasureView>, SupervisionError> {
    let reader = rules::measure_reader(actor)?;
    let unit = crate::registry::lookup::holder(db, unit_id)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    let reached = match &reader {
        MeasureReader::Scope(s) => s.province().is_none_or(|p| p == unit.province),
        MeasureReader::Organisation(o) => unit.organisation_id == Some(*o),
    };
    if !reached {
        return Err(SupervisionError::NotFound);
    }
    let paging = Paging::fixed(page, PAGE);
    Ok(measure::Entity::find()
        .filter(measure::Column::UnitId.eq(unit_id))
        .order_by_desc(measure::Column::CreatedAt)
        .order_by_desc(measure::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit())
        .all(db)
        .await?
        .into_iter()
        .map(MeasureView::from)
        .collect())
}

/// The measures waiting for a second officer, in the approver's reach (oldest first).
pub async fn awaiting(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<MeasureView>, SupervisionError> {
    let province = rules::authorize_approval(actor)?;
    let mut q = measure::Entity::find().filter(measure::Column::Status.eq(AWAITING));
    if let Some(p) = province {
        q = q.filter(measure::Column::ProvinceCode.eq(p));
    }
    Ok(q.order_by_asc(measure::Column::Id)
        .limit(PAGE)
        .all(db)
        .await?
        .into_iter()
        .map(MeasureView::from)
        .collect())
}
