//! Vietnam's public holidays: the table for the years it covers, otherwise
//! the fixed-date holidays of the Labour Code 2019 (art. 112 §1: 1 January,
//! 30 April, 1 May, 2 September), and from 2026 Vietnam Culture Day
//! (24 November, Resolution 80-NQ/TW), with their substitute days (art. 111
//! §3: a holiday on a weekly day off is made up on the next working day).
//!
//! Outside the table, Tết, the Hùng Kings' day and the day beside 2 September
//! are unknown (lunar dates and the Prime Minister's yearly choice):
//! [`super::WorkCalendar::covered`] is false there.

use chrono::{Datelike, NaiveDate};

use super::Weekend;
use super::keys::*;
use super::vietnam_table;

/// The fixed-date holidays, in calendar order, with their substitute keys and
/// the first year each is a day off.
pub(super) const FIXED: [(u32, u32, &str, &str, i32); 5] = [
    (1, 1, NEW_YEAR, NEW_YEAR_SUBSTITUTE, i32::MIN),
    (
        4,
        30,
        REUNIFICATION_DAY,
        REUNIFICATION_DAY_SUBSTITUTE,
        i32::MIN,
    ),
    (5, 1, LABOUR_DAY, LABOUR_DAY_SUBSTITUTE, i32::MIN),
    (9, 2, NATIONAL_DAY, NATIONAL_DAY_SUBSTITUTE, i32::MIN),
    (11, 24, CULTURE_DAY, CULTURE_DAY_SUBSTITUTE, 2026),
];

const WEEKEND: Weekend = Weekend::SaturdaySunday;

/// The public holiday on `date`, if any.
pub(super) fn holiday(date: NaiveDate) -> Option<&'static str> {
    if vietnam_table::covers(date.year()) {
        vietnam_table::holiday(date)
    } else {
        statutory_days(date.year())
            .into_iter()
            .flatten()
            .find(|&(day, _)| day == date)
            .map(|(_, key)| key)
    }
}

/// The fixed-date holidays of `year` and their substitute days (at most ten
/// entries; no substitute crosses into the next year).
pub(super) fn statutory_days(year: i32) -> [Option<(NaiveDate, &'static str)>; 10] {
    let mut days = [None; 10];
    let mut len = 0;
    for (month, day, key, _, from) in FIXED {
        if year < from {
            continue;
        }
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            days[len] = Some((date, key));
            len += 1;
        }
    }
    for (month, day, _, substitute_key, from) in FIXED {
        if year < from {
            continue;
        }
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            continue;
        };
        if !WEEKEND.contains(date.weekday()) {
            continue;
        }
        // The next day that is neither a weekly day off nor already off.
        // None only at the end of chrono's calendar (year 262 143).
        let Some(substitute) = date.iter_days().skip(1).find(|day| {
            !WEEKEND.contains(day.weekday())
                && !days[..len].iter().flatten().any(|(off, _)| off == day)
        }) else {
            continue;
        };
        days[len] = Some((substitute, substitute_key));
        len += 1;
    }
    days
}
