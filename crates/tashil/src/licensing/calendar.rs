//! Step deadlines in working days of the deciding office's country (`docs/domain.md`,
//! "Calendars and working days"), counted by the `calendar` context (the loaded tables and
//! the declared closures of the country and of the application's province); open steps
//! counted again when the calendar is loaded. The one place licensing reads a calendar.

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
/// `province`, and whether it is provisional (a day beyond the official holiday tables);
/// `None` past the calendars' span.
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
/// Returns how many moved.
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
    let mut moved = 0;
    for s in open {
        let Some(app) = application::Entity::find_by_id(s.application_id)
            .one(db)
            .await?
        else {
            continue;
        };
        let start = crate::kernel::clock::local_date(&app.province_code, s.started_at);
        let Ok(days) = u16::try_from(s.deadline_days) else {
            continue;
        };
        let Some((now, provisional)) = due(cals, &app.province_code, start, days) else {
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

/// The year in a number made at `at` in `province`: Solar Hijri in Iran, Gregorian in Vietnam,
/// on the province's clock.
pub fn number_year(province: &str, at: chrono::DateTime<chrono::Utc>) -> i32 {
    let today = crate::kernel::clock::local_date(province, at);
    if province.starts_with("IR") {
        tashil_text::dates::to_solar_hijri(today).0
    } else {
        chrono::Datelike::year(&today)
    }
}
