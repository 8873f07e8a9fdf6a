//! Deadlines in working days of the office's country (DOMAIN.md: Iran's weekend is Friday,
//! Vietnam's Saturday and Sunday; each country's public holidays).

use chrono::NaiveDate;
use tashil_text::workdays::WorkCalendar;

pub fn calendar_of(province: &str) -> WorkCalendar {
    let country = province.split('-').next().unwrap_or("IR");
    WorkCalendar::for_country(country).unwrap_or_else(WorkCalendar::iran)
}

/// The day by which `days` working days after `start` have passed.
pub fn deadline(province: &str, start: NaiveDate, days: u32) -> NaiveDate {
    calendar_of(province).add_working_days(start, days)
}
