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
