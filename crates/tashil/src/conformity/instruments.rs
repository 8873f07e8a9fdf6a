//! Use cases of a lab's instruments: its users register them and record their calibration
//! certificates (each one sets the instrument's due date to the latest due among them, the
//! date a result's check reads); the lab, its province's office and the national body read
//! them through their scope, each with where it stands on the lab's day.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde_json::json;

use super::entity::{calibration, instrument};
use super::error::ConformityError;
use super::model::instrument::{CalibrationDraft, InstrumentDraft, due_state};
use super::view::{CalibrationView, InstrumentDetail, InstrumentView, OrgName};
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::audit::{self, Change};
use crate::kernel::Paging;
use crate::kernel::clock::local_date;
use crate::kernel::save_at_version;

pub(super) const PAGE: u64 = 100;

/// The day on each lab's province's clock at `now`.
pub(super) async fn lab_days<C: ConnectionTrait>(
    db: &C,
    labs: impl IntoIterator<Item = i64>,
    now: DateTime<Utc>,
) -> Result<HashMap<i64, NaiveDate>, ConformityError> {
    let mut out = HashMap::new();
    for lab in labs {
        if out.contains_key(&lab) {
            continue;
        }
        let province = crate::identity::organisation_facts(db, lab)
            .await?
            .and_then(|f| f.province)
            .unwrap_or_default();
        out.insert(lab, local_date(&province, now));
    }
    Ok(out)
}

async fn views<C: ConnectionTrait>(
    db: &C,
    rows: Vec<instrument::Model>,
    now: DateTime<Utc>,
) -> Result<Vec<InstrumentView>, ConformityError> {
    let labs: Vec<i64> = rows.iter().map(|m| m.lab_org_id).collect();
    let days = lab_days(db, labs.clone(), now).await?;
    let names = crate::identity::organisation_names(db, labs).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let today = days.get(&m.lab_org_id).copied().unwrap_or(now.date_naive());
            InstrumentView {
                lab: OrgName::of(&names, m.lab_org_id),
                due_state: due_state(m.calibration_due, today),
                id: m.id,
                lab_org_id: m.lab_org_id,
                code: m.code,
                name: m.name,
                serial_number: m.serial_number,
                calibration_due: m.calibration_due,
                version: m.version,
            }
        })
        .collect())
}

fn snapshot(m: &instrument::Model) -> serde_json::Value {
    json!({
        "lab_org_id": m.lab_org_id, "code": m.code, "name": m.name,
        "serial_number": m.serial_number, "calibration_due": m.calibration_due,
        "version": m.version,
    })
}

/// The instruments in the actor's reach, the soonest due first (never calibrated first of all).
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    page: Option<u64>,
    now: DateTime<Utc>,
) -> Result<Vec<InstrumentView>, ConformityError> {
    let scope = rules::instrument_scope(actor)?;
    let paging = Paging::fixed(page, PAGE);
    let rows = super::query::instruments(&scope)
        .order_by_asc(instrument::Column::CalibrationDue)
        .order_by_asc(instrument::Column::Code)
        .order_by_asc(instrument::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?;
    views(db, rows, now).await
}

/// Instrument `id` with its calibrations, if the actor may read it.
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<InstrumentDetail, ConformityError> {
    let scope = rules::instrument_scope(actor)?;
    let m = super::query::instrument(db, &scope, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    detail(db, m, now).await
}

async fn detail<C: ConnectionTrait>(
    db: &C,
    m: instrument::Model,
    now: DateTime<Utc>,
) -> Result<InstrumentDetail, ConformityError> {
    let calibrations = super::query::calibrations_of(db, m.id)
        .await?
        .into_iter()
        .map(|c| CalibrationView {
            id: c.id,
            calibrated_by: c.calibrated_by,
            certificate_number: c.certificate_number,
            calibrated_on: c.calibrated_on,
            due_on: c.due_on,
        })
        .collect();
    let instrument = views(db, vec![m], now).await?.remove(0);
    Ok(InstrumentDetail {
        instrument,
        calibrations,
    })
}

/// Registers an instrument of the actor's lab; its code is the lab's own, once.
pub async fn register(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &InstrumentDraft,
    now: DateTime<Utc>,
) -> Result<InstrumentView, ConformityError> {
    let grant = rules::authorize_instruments(actor)?;
    let v = draft.validate().map_err(ConformityError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let taken = instrument::Entity::find()
        .filter(instrument::Column::LabOrgId.eq(grant.lab_org_id()))
        .filter(instrument::Column::Code.eq(v.code.as_str()))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Err(ConformityError::invalid("code", "duplicate_instrument"));
    }
    let m = audit::insert(
        &txn,
        instrument::ActiveModel {
            lab_org_id: Set(grant.lab_org_id()),
            code: Set(v.code),
            name: Set(v.name),
            serial_number: Set(v.serial_number),
            calibration_due: Set(None),
            reminded_for_due: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        },
        |m| Change::by(actor, "instrument.register", "instrument", m.id).after(snapshot(m)),
    )
    .await?;
    txn.commit().await?;
    Ok(views(db, vec![m], now).await?.remove(0))
}

/// Records a calibration certificate of instrument `id` (the actor's lab's); the instrument
/// is then due on the latest due date among its certificates.
pub async fn calibrate(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &CalibrationDraft,
    now: DateTime<Utc>,
) -> Result<InstrumentDetail, ConformityError> {
    let grant = rules::authorize_instruments(actor)?;
    let scope = rules::instrument_scope(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let m = super::query::instrument(&txn, &scope, id)
        .await?
        .filter(|m| m.lab_org_id == grant.lab_org_id())
        .ok_or(ConformityError::NotFound)?;
    let today = lab_days(&txn, [m.lab_org_id], now).await?[&m.lab_org_id];
    let v = draft.validate(today).map_err(ConformityError::Invalid)?;
    let c = audit::insert(
        &txn,
        calibration::ActiveModel {
            instrument_id: Set(m.id),
            calibrated_by: Set(v.calibrated_by),
            certificate_number: Set(v.certificate_number),
            calibrated_on: Set(v.calibrated_on),
            due_on: Set(v.due_on),
            recorded_by: Set(actor.user_id()),
            created_at: Set(now),
            ..Default::default()
        },
        |c| {
            Change::by(actor, "instrument.calibrate", "instrument", m.id).after(json!({
                "calibration_id": c.id, "calibrated_by": c.calibrated_by,
                "certificate_number": c.certificate_number,
                "calibrated_on": c.calibrated_on, "due_on": c.due_on,
            }))
        },
    )
    .await?;
    let due = m.calibration_due.max(Some(c.due_on));
    let update = instrument::Entity::update_many()
        .set(instrument::ActiveModel {
            calibration_due: Set(due),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(instrument::Column::Id.eq(m.id));
    save_at_version(&txn, update, instrument::Column::Version, m.version).await?;
    let after = instrument::Model {
        calibration_due: due,
        updated_at: now,
        version: m.version + 1,
        ..m
    };
    let out = detail(&txn, after, now).await?;
    txn.commit().await?;
    Ok(out)
}
