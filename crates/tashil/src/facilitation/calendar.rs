//! Deadlines in working days of the office's country (DOMAIN.md: Iran's weekend is Friday,
//! Vietnam's Saturday and Sunday; each country's public holidays).

use chrono::NaiveDate;
use tashil_text::workdays::WorkCalendar;

pub fn calendar_of(province: &str) -> WorkCalendar {
    let country = province.split('-').next().unwrap_or("IR");
    WorkCalendar::for_country(country).unwrap_or_else(WorkCalendar::iran)
}

/// The day by which `days` working days after `start` have passed, in the calendar of
/// `province`'s country, or (a national resolution with no province) of `country`, the
/// bound agency's.
pub fn deadline(province: &str, country: &str, start: NaiveDate, days: u32) -> NaiveDate {
    let cal = if province.is_empty() {
        WorkCalendar::for_country(country).unwrap_or_else(WorkCalendar::iran)
    } else {
        calendar_of(province)
    };
    cal.add_working_days(start, days)
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
