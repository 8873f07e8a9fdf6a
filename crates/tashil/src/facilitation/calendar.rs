//! Deadlines in working days of the office's country (`docs/domain.md`, "Calendars and working
//! days": Iran's weekend is Friday, Vietnam's Saturday and Sunday; each country's holidays and
//! the closures the national administrator declared), counted by the `calendar` context; and
//! open deadlines counted again when the calendar changes.

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, QueryFilter, Set};
use serde_json::json;

use super::entity::resolution;
use super::model::ResolutionStatus;
use crate::access::Actor;
use crate::access::facilitation as rules;
use crate::audit::{self, Change};
use crate::calendar::{Calendars, Deadline};

/// The country whose working days count for an office of `province`, or (a national
/// resolution with no province) for the bound agency of `agency_country`.
pub fn country_of(province: &str, agency_country: &str) -> String {
    match province.split('-').next() {
        Some(c) if !c.is_empty() => c.to_string(),
        _ => agency_country.to_string(),
    }
}

/// The deadline of a resolution of `province` counting `days` working days from `start` in
/// `country`: the province's own closures count too. `None` past the calendars' span.
pub fn deadline(
    cals: &Calendars,
    country: &str,
    province: &str,
    start: NaiveDate,
    days: u32,
) -> Option<Deadline> {
    cals.deadline(country, province, start, days)
}

/// Counts every open resolution's deadline again in `cals` (the calendar as just loaded) and
/// stores those that moved, each audited with its old and new date. A resolution flagged
/// overdue whose new deadline is not past yet is unflagged, so it is flagged again if the
/// new deadline passes. Returns how many moved.
pub async fn recount_deadlines<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    cals: &Calendars,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<usize, DbErr> {
    let Ok(scope) = rules::resolution_scope(actor) else {
        return Ok(0);
    };
    let open = super::query::resolutions(&scope)
        .filter(resolution::Column::Status.is_in([
            ResolutionStatus::Open.as_str(),
            ResolutionStatus::InProgress.as_str(),
        ]))
        .all(db)
        .await?;
    let mut moved = 0;
    for r in open {
        let Some(start) = r.counted_from else {
            continue;
        };
        let country = super::followup::country_of(&r).to_string();
        let Ok(days) = u32::try_from(r.working_days) else {
            continue;
        };
        let Some(due) = deadline(cals, &country, &r.province_code, start, days) else {
            continue;
        };
        if due.date == r.deadline {
            continue;
        }
        let (id, was, version) = (r.id, r.deadline, r.version);
        let still_due = due.date >= crate::kernel::clock::local_date(&country, now);
        let mut am: resolution::ActiveModel = r.into();
        am.deadline = Set(due.date);
        am.version = Set(version + 1);
        if still_due {
            am.overdue_flagged_at = Set(None);
        }
        am.update(db).await?;
        audit::record(
            db,
            Change::by(actor, "resolution.deadline_recounted", "resolution", id)
                .before(json!({"deadline": was}))
                .after(json!({"deadline": due.date, "provisional": due.provisional})),
        )
        .await?;
        moved += 1;
    }
    Ok(moved)
}

/// "IR-26-1405-": the start of a register number of `province` at instant `at`, with the year
/// in the province's calendar (Solar Hijri in Iran, Gregorian in Vietnam) on the province's
/// clock: at 00:30 on 1 Farvardin in Tehran (21:00 UTC the day before) the number is already
/// the new year's.
pub fn number_prefix(province: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    let year = crate::kernel::clock::register_year(province, at);
    format!("{province}-{year}-")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_case_filed_after_midnight_in_tehran_on_nowruz_is_numbered_in_the_new_year() {
        let at = "2026-03-20T21:00:00Z".parse().unwrap();
        assert_eq!(super::number_prefix("IR-26", at), "IR-26-1405-");
        let before = "2026-03-20T20:29:00Z".parse().unwrap();
        assert_eq!(super::number_prefix("IR-26", before), "IR-26-1404-");
        // 17:00 UTC on 31 December is already 1 January in Ninh Bình.
        let tet = "2026-12-31T17:00:00Z".parse().unwrap();
        assert_eq!(super::number_prefix("VN-37", tet), "VN-37-2027-");
    }
}
