//! Deadlines in working days of the office's country (`docs/domain.md`, "Calendars and working
//! days": Iran's weekend is Friday, Vietnam's Saturday and Sunday; each country's holidays).

use chrono::NaiveDate;
use tashil_text::workdays::WorkCalendar;

/// The country whose working days count for an office of `province`, or (a national
/// resolution with no province) for the bound agency of `agency_country`.
pub fn country_of(province: &str, agency_country: &str) -> String {
    match province.split('-').next() {
        Some(c) if !c.is_empty() => c.to_string(),
        _ => agency_country.to_string(),
    }
}

pub fn calendar(country: &str) -> WorkCalendar {
    WorkCalendar::for_country(country).unwrap_or_else(WorkCalendar::iran)
}

/// The day by which `days` working days after `start` have passed in `country`; `None` past
/// the span of the calendars (see `kernel::plausible_date`).
pub fn deadline(country: &str, start: NaiveDate, days: u32) -> Option<NaiveDate> {
    let end = calendar(country).checked_add_working_days(start, days)?;
    crate::kernel::plausible_date(end).ok()
}

/// "IR-26-1405-": the start of a register number of `province`, with the year in the
/// province's calendar (Solar Hijri in Iran, Gregorian in Vietnam).
pub fn number_prefix(province: &str) -> String {
    let today = chrono::Utc::now().date_naive();
    let year = if province.starts_with("IR") {
        tashil_text::dates::to_solar_hijri(today).0
    } else {
        chrono::Datelike::year(&today)
    };
    format!("{province}-{year}-")
}
