//! Step deadlines in working days of the deciding office's country (`docs/domain.md`,
//! "Calendars and working days"), counted by the `calendar` context in what the national
//! administrator loaded (holiday tables, and closures of the country and of the
//! application's province), the same source as the desk's deadlines; open steps counted
//! again when the calendar is loaded. The one place licensing reads a calendar.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use serde_json::json;

use super::entity::{application, step};
use crate::access::Actor;
use crate::audit::{self, Change};
use crate::calendar::Calendars;

/// The country of a province code (`IR-26` → `IR`).
pub fn country_of(province: &str) -> &str {
    province.split('-').next().unwrap_or(province)
}

/// The last day of a step of `days` working days starting on `start` for an application of
/// `province` (its country's calendar and the province's own closures), and whether it is
/// provisional (a day beyond the official holiday tables); `None` past the calendars' span.
pub fn due(
    cals: &Calendars,
    province: &str,
    start: NaiveDate,
    days: u16,
) -> Option<(NaiveDate, bool)> {
    let d = cals.deadline(country_of(province), province, start, days.into())?;
    Some((d.date, d.provisional))
}

/// Working days from `from` to `to` in `country` (what a step took).
pub fn taken(cals: &Calendars, country: &str, from: NaiveDate, to: NaiveDate) -> i64 {
    cals.country(country).working_days_between(from, to)
}

/// Counts every open step's deadline again in `cals` (the calendar as just loaded) from the
/// day it started on the province's clock, storing the new last day and whether it is
/// provisional; each step whose last day moved is audited with its old and new date.
/// Returns how many moved. Runs in the load's transaction, for every province: a load is
/// national.
pub async fn recount_deadlines<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    cals: &Calendars,
) -> Result<usize, DbErr> {
    let open = step::Entity::find()
        .filter(step::Column::EndedAt.is_null())
        .filter(step::Column::DeadlineDays.gt(0))
        .all(db)
        .await?;
    if open.is_empty() {
        return Ok(0);
    }
    // Each step's province, read in one query rather than one per step.
    let ids: Vec<i64> = open.iter().map(|s| s.application_id).collect();
    let provinces: HashMap<i64, String> = application::Entity::find()
        .filter(application::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.province_code))
        .collect();
    let mut moved = 0;
    for s in open {
        let Some(province) = provinces.get(&s.application_id) else {
            continue;
        };
        let start = crate::kernel::clock::local_date(province, s.started_at);
        let Ok(days) = u16::try_from(s.deadline_days) else {
            continue;
        };
        let Some((now, provisional)) = due(cals, province, start, days) else {
            continue;
        };
        if now == s.due_on && provisional == s.due_provisional {
            continue;
        }
        let (id, was) = (s.id, s.due_on);
        let mut am: step::ActiveModel = s.into();
        am.due_on = Set(now);
        am.due_provisional = Set(provisional);
        am.update(db).await?;
        if now != was {
            audit::record(
                db,
                Change::by(
                    actor,
                    "application_step.deadline_recounted",
                    "application_step",
                    id,
                )
                .before(json!({"due_on": was}))
                .after(json!({"due_on": now, "provisional": provisional})),
            )
            .await?;
            moved += 1;
        }
    }
    Ok(moved)
}
