//! What the fast track reads of a unit's record. Licensing knows its own part: failed lab
//! steps (a rejection at a sampling-and-test step) and suspended or revoked licences. ISO 9001
//! certificates, recognition and risk classes join when their contexts (conformity
//! assessment, recognition, supervision) exist; until then those facts are unknown, and an
//! unknown fact never satisfies a rule.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::entity::{application, licence, licence_event, step};
use super::error::LicensingError;
use super::model::{StepKind, UnitRecord};
use super::permit_types;
use crate::kernel::clock;

pub(super) async fn of_unit<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<UnitRecord, LicensingError> {
    let mut last: Option<NaiveDate> = None;
    let mut note = |d: NaiveDate| last = Some(last.map_or(d, |l| l.max(d)));
    // Every suspension and revocation counts, lifted or expired since (licence_events).
    for e in licence_event::Entity::find()
        .filter(licence_event::Column::UnitId.eq(unit_id))
        .filter(licence_event::Column::Kind.is_in(["suspended", "revoked"]))
        .all(db)
        .await?
    {
        let province = licence::Entity::find_by_id(e.licence_id)
            .one(db)
            .await?
            .map_or_else(String::new, |l| l.province_code);
        note(clock::local_date(&province, e.created_at));
    }
    let apps = application::Entity::find()
        .filter(application::Column::UnitId.eq(unit_id))
        .all(db)
        .await?;
    for a in &apps {
        let rejected = step::Entity::find()
            .filter(step::Column::ApplicationId.eq(a.id))
            .filter(step::Column::Outcome.eq("rejected"))
            .one(db)
            .await?;
        if let Some(s) = rejected {
            let (_, def) = permit_types::version(db, a.version_id).await?;
            let at_test = def
                .steps
                .get(s.step_index as usize)
                .is_some_and(|d| d.kind == StepKind::SamplingAndTest);
            if let (true, Some(ended)) = (at_test, s.ended_at) {
                note(clock::local_date(&a.province_code, ended));
            }
        }
    }
    Ok(UnitRecord {
        last_failure: last,
        failures_known: true,
        iso9001_valid_until: None,
        exemplary_since: None,
        low_risk: None,
    })
}
