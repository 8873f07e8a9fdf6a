//! Iran's public holidays: the Solar Hijri ones computed, the lunar Hijri ones
//! looked up in [`super::iran_table`].
//!
//! The Solar Hijri holidays are those of the Labour Law (art. 63) and of the
//! official calendar of the Calendar Center of the University of Tehran's
//! Institute of Geophysics: 1–4 Farvardin (Nowruz), 12 Farvardin (Islamic
//! Republic Day), 13 Farvardin (Nature Day), 14 Khordad (demise of Imam
//! Khomeini), 15 Khordad (uprising of 1342), 22 Bahman (victory of the
//! revolution), 29 Esfand (nationalisation of the oil industry) and, in leap
//! years, 30 Esfand: the law gives "29 Esfand to 4 Farvardin", and the
//! Ministry of Labour confirmed in Esfand 1395 that 30 Esfand is therefore an
//! official holiday (the University of Tehran's printed calendar does not mark
//! it red, so this is the one fixed holiday to re-check).
//!
//! The conversion is ICU4X's Persian calendar, which agrees with the official
//! (astronomical) calendar on every day 1925–2125 (checked against persiantools
//! when the stack was chosen).

use chrono::{Datelike, NaiveDate};

use super::iran_table::LUNAR_HOLIDAYS;
use super::keys::*;
use crate::dates::to_solar_hijri;

/// The Solar Hijri holiday on `d`, if any.
pub(super) fn fixed_holiday(d: NaiveDate) -> Option<&'static str> {
    if !near_fixed_holiday(d) {
        return None;
    }
    fixed_holiday_unfiltered(d)
}

/// The Solar Hijri holidays only fall on 10–11 February (22 Bahman),
/// 19 March – 2 April (29 Esfand to 13 Farvardin) and 3–5 June (14–15
/// Khordad), give or take a day from one year to the next. Checking these
/// generous windows first spares the ICU4X conversion on most days; a test
/// proves that no holiday of 1925–2125 falls outside them.
fn near_fixed_holiday(d: NaiveDate) -> bool {
    matches!(
        (d.month(), d.day()),
        (2, 7..=15) | (3, 15..) | (4, ..=6) | (5, 30..) | (6, ..=9)
    )
}

pub(super) fn fixed_holiday_unfiltered(d: NaiveDate) -> Option<&'static str> {
    let (_, month, day) = to_solar_hijri(d);
    Some(match (month, day) {
        (1, 1..=4) => NOWRUZ,
        (1, 12) => ISLAMIC_REPUBLIC_DAY,
        (1, 13) => NATURE_DAY,
        (3, 14) => DEMISE_IMAM_KHOMEINI,
        (3, 15) => KHORDAD_15_UPRISING,
        (11, 22) => REVOLUTION_DAY,
        (12, 29) => OIL_NATIONALISATION_DAY,
        (12, 30) => ESFAND_30,
        _ => return None,
    })
}

/// The lunar Hijri holiday on `d`, if the table has one.
pub(super) fn lunar_holiday(d: NaiveDate) -> Option<&'static str> {
    LUNAR_HOLIDAYS
        .binary_search_by_key(&d, |&(date, _)| date)
        .ok()
        .map(|i| LUNAR_HOLIDAYS[i].1)
}
