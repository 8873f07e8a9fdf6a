//! Which day it is, where. Instants are stored in UTC; a date a person reads (a case's day, the
//! year in its number, a deadline's first day, whether it is overdue) is the date on the wall
//! of the office concerned: Asia/Tehran for Iranian provinces, Asia/Ho_Chi_Minh for
//! Vietnamese ones, and national staff's own zone (docs/domain.md, "Time zones"). Iran's offset
//! changed over the years (summer time until 2022), so the zone database decides, not a fixed
//! offset.
//!
//! "Now" itself comes from a [`Clock`] the server holds: handlers hand its instant to the use
//! cases, so no use case reads the system clock, and a test can file a case at 00:30 on
//! Nowruz in Tehran.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// Where the server's "now" comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clock {
    /// The system clock: what every server runs on.
    #[default]
    System,
    /// Always this instant: for a test that must act at a given moment.
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
        }
    }
}

/// The time zone of a country (`IR`, `VN`) or of a province code (`IR-26`, `VN-37`); UTC for
/// anything else.
pub fn zone(country_or_province: &str) -> Tz {
    match country_or_province.get(..2) {
        Some("IR") => chrono_tz::Asia::Tehran,
        Some("VN") => chrono_tz::Asia::Ho_Chi_Minh,
        _ => chrono_tz::UTC,
    }
}

/// The zone named `name` in the IANA database ("Asia/Tehran"), if there is one.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.trim().parse().ok()
}

/// The date at instant `at` in zone `tz`.
pub fn date_in(tz: Tz, at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

/// The date at instant `at` in the office of `country_or_province`.
pub fn local_date(country_or_province: &str, at: DateTime<Utc>) -> NaiveDate {
    date_in(zone(country_or_province), at)
}

/// The year a register number made at `at` in `province` carries: Solar Hijri in Iran,
/// Gregorian in Vietnam, on the province's clock (at 00:30 on 1 Farvardin in Tehran, 21:00
/// UTC the day before, it is already the new year).
pub fn register_year(province: &str, at: DateTime<Utc>) -> i32 {
    let today = local_date(province, at);
    if province.starts_with("IR") {
        tashil_text::dates::to_solar_hijri(today).0
    } else {
        chrono::Datelike::year(&today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_day_is_the_one_on_the_provinces_wall() {
        // 21:00 UTC on 20 March 2026 is 00:30 on 21 March (1 Farvardin 1405) in Qazvin.
        let nowruz = at("2026-03-20T21:00:00Z");
        assert_eq!(
            local_date("IR-26", nowruz),
            NaiveDate::from_ymd_opt(2026, 3, 21).unwrap()
        );
        assert_eq!(
            tashil_text::dates::to_solar_hijri(local_date("IR", nowruz)).0,
            1405
        );
        // 23:12 UTC is 02:42 the next morning in Tehran, 06:12 in Ninh Bình.
        let late = at("2026-12-06T23:12:00Z");
        assert_eq!(
            local_date("IR-26", late),
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
        );
        assert_eq!(
            local_date("VN-37", late),
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
        );
        assert_eq!(
            local_date("", late),
            NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
        );
        // Iran kept summer time until 2022: 19:45 UTC on 1 July 2021 was 00:15 (UTC+4:30).
        let summer = at("2021-07-01T19:45:00Z");
        assert_eq!(
            local_date("IR-30", summer),
            NaiveDate::from_ymd_opt(2021, 7, 2).unwrap()
        );
        // Since 2022, UTC+3:30 all year: the same instant of 2023 is still 1 July.
        let after = at("2023-07-01T19:45:00Z");
        assert_eq!(
            local_date("IR-30", after),
            NaiveDate::from_ymd_opt(2023, 7, 1).unwrap()
        );
    }

    #[test]
    fn a_fixed_clock_stays_put_and_zones_are_named_as_iana_names_them() {
        let nowruz = at("2026-03-20T21:00:00Z");
        assert_eq!(Clock::Fixed(nowruz).now(), nowruz);
        assert!(Clock::System.now() > nowruz);
        assert_eq!(
            parse_zone(" Asia/Ho_Chi_Minh "),
            Some(chrono_tz::Asia::Ho_Chi_Minh)
        );
        assert_eq!(parse_zone("Asia/Qazvin"), None);
        assert_eq!(parse_zone(""), None);
        assert_eq!(
            date_in(chrono_tz::Europe::Berlin, nowruz),
            NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
        );
    }
}
