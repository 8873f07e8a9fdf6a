//! What the fast track reads of a unit's record. Licensing knows its own part: failed lab
//! steps (a rejection at a sampling-and-test step) and suspended or revoked licences. ISO 9001
//! certificates, recognition and risk classes join when their contexts (conformity
//! assessment, recognition, supervision) exist; until then those facts are unknown, and an
//! unknown fact never satisfies a rule.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::NaiveDate;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::entity::{application, licence, licence_event, step};
use super::error::LicensingError;
use super::model::{StepKind, UnitRecord};
use super::permit_types;
use crate::kernel::clock;

/// A fixed number of queries whatever the unit's history: a unit that has applied a thousand
/// times is read as fast as a new one (the rejected steps are few; its applications are not).
pub(super) async fn of_unit<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<UnitRecord, LicensingError> {
    let mut last: Option<NaiveDate> = None;
    let mut note = |d: NaiveDate| last = Some(last.map_or(d, |l| l.max(d)));
    // Every suspension and revocation counts, lifted or expired since (licence_events).
    let events = licence_event::Entity::find()
        .filter(licence_event::Column::UnitId.eq(unit_id))
        .filter(licence_event::Column::Kind.is_in(["suspended", "revoked"]))
        .all(db)
        .await?;
    if !events.is_empty() {
        let provinces: HashMap<i64, String> = licence::Entity::find()
            .filter(licence::Column::Id.is_in(events.iter().map(|e| e.licence_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|l| (l.id, l.province_code))
            .collect();
        for e in &events {
            let province = provinces.get(&e.licence_id).map_or("", String::as_str);
            note(clock::local_date(province, e.created_at));
        }
    }
    let rejected = step::Entity::find()
        .filter(step::Column::Outcome.eq("rejected"))
        .filter(
            step::Column::ApplicationId.in_subquery(
                Query::select()
                    .column(application::Column::Id)
                    .from(application::Entity)
                    .and_where(application::Column::UnitId.eq(unit_id))
                    .to_owned(),
            ),
        )
        .all(db)
        .await?;
    if rejected.is_empty() {
        return Ok(known(last));
    }
    let apps: HashMap<i64, application::Model> = application::Entity::find()
        .filter(application::Column::Id.is_in(rejected.iter().map(|s| s.application_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut defs = HashMap::new();
    for a in apps.values() {
        if let Entry::Vacant(e) = defs.entry(a.version_id) {
            e.insert(permit_types::version(db, a.version_id).await?.1);
        }
    }
    for s in &rejected {
        let (Some(a), Some(ended)) = (apps.get(&s.application_id), s.ended_at) else {
            continue;
        };
        let at_test = defs[&a.version_id]
            .steps
            .get(s.step_index as usize)
            .is_some_and(|d| d.kind == StepKind::SamplingAndTest);
        if at_test {
            note(clock::local_date(&a.province_code, ended));
        }
    }
    Ok(known(last))
}

fn known(last_failure: Option<NaiveDate>) -> UnitRecord {
    UnitRecord {
        last_failure,
        failures_known: true,
        iso9001_valid_until: None,
        exemplary_since: None,
        low_risk: None,
    }
}
