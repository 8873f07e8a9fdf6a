//! Vietnam's public holidays for state agencies, year by year (2023–2026), as
//! the government arranged them.
//!
//! Law: Labour Code 2019 (45/2019/QH14) art. 112 §1: 1 January; Tết, 5 days
//! (the last day of the lunar year and the first 4 of the new one); the Hùng
//! Kings' Commemoration (10th day of the 3rd lunar month); 30 April; 1 May;
//! 2 September and one day before or after it (since 2021). Art. 112 §3: the
//! Prime Minister fixes the Tết days and the day beside 2 September each year.
//! Art. 111 §3: a holiday on a weekly day off is made up on the next working
//! day.
//!
//! Each year the Prime Minister approves the arrangement for civil servants
//! and public employees proposed by the Ministry of Labour, Invalids and
//! Social Affairs (from March 2025 the Ministry of Home Affairs): the whole
//! Tết break, and sometimes a working day swapped with a Saturday worked
//! instead ("hoán đổi ngày làm việc", "làm bù"). Sources, per year:
//! - 2023: MOLISA notice on Tết Quý Mão (break 20–26 January); 2 May and
//!   3 May make up the Hùng Kings' day (Saturday 29 April) and 30 April
//!   (Sunday); 1 September is the day beside 2 September (a Saturday, made up
//!   on Monday 4 September).
//! - 2024: MOLISA notice on Tết Giáp Thìn (break 8–14 February); Government
//!   Office dispatch 2450/VPCP-KGVX: Monday 29 April off, Saturday 4 May worked.
//! - 2025: MOLISA announcement 6150/TB-BLĐTBXH (Tết Ất Tỵ, break 25 January –
//!   2 February); by a later Government Office dispatch, Friday 2 May off and
//!   Saturday 26 April worked; 1 September beside 2 September.
//! - 2026: Government Office dispatch 12729/VPCP-KGVX of 25 December 2025:
//!   Friday 2 January off, Saturday 10 January worked; Tết Bính Ngọ break
//!   14–22 February (statutory days 16–20 February), approved October 2025;
//!   the Hùng Kings' day falls on Sunday 26 April, made up on Monday 27 April;
//!   2 September with 1 September, Monday 31 August off and Saturday
//!   22 August worked (the 2026 National Day arrangement was approved with
//!   the Tết one).
//!
//! - From 2026, Vietnam Culture Day (24 November), a paid day off under
//!   Resolution 80-NQ/TW of January 2026.
//!
//! Not listed: one-off closures (add them with
//! [`super::WorkCalendar::with_closures`]).
//!
//! Extend every year once the Prime Minister approves the next year's Tết
//! arrangement (usually in October–November): add the year's rows, move
//! [`LAST_YEAR`]. The tests check, for each year, that the weekdays off less
//! the Saturdays worked make the 11 statutory days.

use chrono::{Datelike, NaiveDate};

use super::keys::*;

const fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date in the Vietnamese holiday table"),
    }
}

pub(super) const FIRST_YEAR: i32 = 2023;
pub(super) const LAST_YEAR: i32 = 2026;

/// Whether the table has the Gregorian `year`.
pub(super) fn covers(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

/// The official Tết break of civil servants, first and last day (weekends
/// and the days made up for statutory days on a weekend included).
pub(super) static TET_BREAKS: &[(NaiveDate, NaiveDate)] = &[
    (d(2023, 1, 20), d(2023, 1, 26)), // Fri 29 Chạp Nhâm Dần … Thu 5 Giêng Quý Mão
    (d(2024, 2, 8), d(2024, 2, 14)),  // Thu 29 Chạp Quý Mão … Wed 5 Giêng Giáp Thìn
    (d(2025, 1, 25), d(2025, 2, 2)),  // Sat 26 Chạp Giáp Thìn … Sun 5 Giêng Ất Tỵ
    (d(2026, 2, 14), d(2026, 2, 22)), // Sat 27 Chạp Ất Tỵ … Sun 6 Giêng Bính Ngọ
];

/// Every other day off of the table years, sorted, one per date.
pub(super) static DAYS_OFF: &[(NaiveDate, &str)] = &[
    // 2023
    (d(2023, 1, 1), NEW_YEAR),                     // Sun
    (d(2023, 1, 2), NEW_YEAR_SUBSTITUTE),          // Mon
    (d(2023, 4, 29), HUNG_KINGS),                  // Sat, 10/3 Quý Mão
    (d(2023, 4, 30), REUNIFICATION_DAY),           // Sun
    (d(2023, 5, 1), LABOUR_DAY),                   // Mon
    (d(2023, 5, 2), HUNG_KINGS_SUBSTITUTE),        // Tue
    (d(2023, 5, 3), REUNIFICATION_DAY_SUBSTITUTE), // Wed
    (d(2023, 9, 1), NATIONAL_DAY),                 // Fri, day beside 2/9
    (d(2023, 9, 2), NATIONAL_DAY),                 // Sat
    (d(2023, 9, 4), NATIONAL_DAY_SUBSTITUTE),      // Mon
    // 2024
    (d(2024, 1, 1), NEW_YEAR),           // Mon
    (d(2024, 4, 18), HUNG_KINGS),        // Thu, 10/3 Giáp Thìn
    (d(2024, 4, 29), SWAPPED_DAY_OFF),   // Mon, for Sat 4 May
    (d(2024, 4, 30), REUNIFICATION_DAY), // Tue
    (d(2024, 5, 1), LABOUR_DAY),         // Wed
    (d(2024, 9, 2), NATIONAL_DAY),       // Mon
    (d(2024, 9, 3), NATIONAL_DAY),       // Tue, day beside 2/9
    // 2025
    (d(2025, 1, 1), NEW_YEAR),           // Wed
    (d(2025, 4, 7), HUNG_KINGS),         // Mon, 10/3 Ất Tỵ
    (d(2025, 4, 30), REUNIFICATION_DAY), // Wed
    (d(2025, 5, 1), LABOUR_DAY),         // Thu
    (d(2025, 5, 2), SWAPPED_DAY_OFF),    // Fri, for Sat 26 April
    (d(2025, 9, 1), NATIONAL_DAY),       // Mon, day beside 2/9
    (d(2025, 9, 2), NATIONAL_DAY),       // Tue
    // 2026
    (d(2026, 1, 1), NEW_YEAR),               // Thu
    (d(2026, 1, 2), SWAPPED_DAY_OFF),        // Fri, for Sat 10 January
    (d(2026, 4, 26), HUNG_KINGS),            // Sun, 10/3 Bính Ngọ
    (d(2026, 4, 27), HUNG_KINGS_SUBSTITUTE), // Mon
    (d(2026, 4, 30), REUNIFICATION_DAY),     // Thu
    (d(2026, 5, 1), LABOUR_DAY),             // Fri
    (d(2026, 8, 31), SWAPPED_DAY_OFF),       // Mon, for Sat 22 August
    (d(2026, 9, 1), NATIONAL_DAY),           // Tue, day beside 2/9
    (d(2026, 9, 2), NATIONAL_DAY),           // Wed
    (d(2026, 11, 24), CULTURE_DAY),          // Tue
];

/// Saturdays state agencies work in exchange for a [`SWAPPED_DAY_OFF`], sorted.
pub(super) static SWAPPED_WORKING_DAYS: &[NaiveDate] = &[
    d(2024, 5, 4),
    d(2025, 4, 26),
    d(2026, 1, 10),
    d(2026, 8, 22),
];

/// The table's holiday on `date`, for a date of a table year.
pub(super) fn holiday(date: NaiveDate) -> Option<&'static str> {
    debug_assert!(covers(date.year()));
    if TET_BREAKS
        .iter()
        .any(|&(first, last)| (first..=last).contains(&date))
    {
        return Some(TET);
    }
    DAYS_OFF
        .binary_search_by_key(&date, |&(day, _)| day)
        .ok()
        .map(|i| DAYS_OFF[i].1)
}

/// Whether `date` is a Saturday worked in exchange for a day off.
pub(super) fn is_swapped_working_day(date: NaiveDate) -> bool {
    SWAPPED_WORKING_DAYS.binary_search(&date).is_ok()
}
