//! Step deadlines in working days of the deciding office's country (`docs/domain.md`,
//! "Calendars and working days"). The one place licensing reads a calendar.

use chrono::NaiveDate;
use tashil_text::workdays::WorkCalendar;

fn calendar(country: &str) -> WorkCalendar {
    WorkCalendar::for_country(country).unwrap_or_else(WorkCalendar::iran)
}

/// The country of a province code (`IR-26` → `IR`).
pub fn country_of(province: &str) -> &str {
    province.split('-').next().unwrap_or(province)
}

/// The last day of a step of `days` working days starting on `start`, and whether it is
/// provisional (a day beyond the official holiday tables); `None` past the calendars' span.
pub fn due(country: &str, start: NaiveDate, days: u16) -> Option<(NaiveDate, bool)> {
    let cal = calendar(country);
    let end = cal.checked_add_working_days(start, days.into())?;
    let end = crate::kernel::plausible_date(end).ok()?;
    Some((end, !cal.covered(end)))
}

/// Working days from `from` to `to` in `country` (what a step took).
pub fn taken(country: &str, from: NaiveDate, to: NaiveDate) -> i64 {
    calendar(country).working_days_between(from, to)
}
