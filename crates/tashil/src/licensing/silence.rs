//! Silence is consent: a step the definition lets pass in silence, whose deadline went by in
//! the deciding office's calendar with no action, is passed by this job (every node runs it;
//! the conditional close and the application's version make each step pass once).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::entity::{application, step};
use super::error::LicensingError;
use super::model::{Move, Mover, Status};
use super::moves::{self, By};
use super::permit_types;
use crate::kernel::clock;

/// Steps taken per pass: the rest wait for the next tick.
const BATCH: u64 = 200;

/// Passes every consent step past its deadline at `now`; returns how many this node passed.
pub async fn pass_by_silence(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<u64, LicensingError> {
    let mut passed = 0;
    for country in ["IR", "VN"] {
        let today = clock::local_date(country, now);
        let due = step::Entity::find()
            .filter(step::Column::Consent.eq(true))
            .filter(step::Column::EndedAt.is_null())
            .filter(step::Column::DueOn.lt(today))
            .filter(step::Column::CalendarCountry.eq(country))
            .order_by_asc(step::Column::DueOn)
            .limit(BATCH)
            .all(db)
            .await?;
        for s in due {
            match pass_one(db, &s, now).await {
                Ok(true) => passed += 1,
                Ok(false) | Err(LicensingError::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(passed)
}

async fn pass_one(
    db: &DatabaseConnection,
    s: &step::Model,
    now: DateTime<Utc>,
) -> Result<bool, LicensingError> {
    let tx = crate::db::begin_write(db).await?;
    let Some(a) = application::Entity::find_by_id(s.application_id)
        .one(&tx)
        .await?
    else {
        return Ok(false);
    };
    let pos = moves::position(&a)?;
    if pos.status != Status::InProgress || a.step_index != s.step_index {
        return Ok(false);
    }
    let (_, def) = permit_types::version(&tx, a.version_id).await?;
    let Ok(t) = pos.apply(&def, &Move::Consent, Mover::Silence) else {
        return Ok(false);
    };
    moves::write(
        &tx,
        &a,
        &def,
        &Move::Consent,
        &t,
        Some(s),
        By::Silence,
        None,
        &mut Vec::new(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

pub(super) fn job(db: &DatabaseConnection, now: DateTime<Utc>) -> crate::jobs::JobRun<'_> {
    Box::pin(async move { Ok(pass_by_silence(db, now).await? as usize) })
}
