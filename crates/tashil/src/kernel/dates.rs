//! Dates a person can mean. A date typed or sent far outside the span of the calendars Tashil
//! converts (Solar Hijri 1304–1503, that is 1925–2125) is a typo or an attack, and working-day
//! arithmetic over centuries would be both wrong and slow.

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateOutOfRange;

/// The first and last years a domain date may fall in.
const FIRST_YEAR: i32 = 1925;
const LAST_YEAR: i32 = 2124;

/// `d` if it lies within the years the calendars cover.
pub fn plausible_date(d: NaiveDate) -> Result<NaiveDate, DateOutOfRange> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&d.year()) {
        Ok(d)
    } else {
        Err(DateOutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dates_within_the_calendars_span_are_plausible() {
        let ok = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        assert_eq!(plausible_date(ok), Ok(ok));
        for (y, m, d) in [
            (0, 1, 1),
            (-1, 12, 31),
            (262_142, 12, 31),
            (1924, 12, 31),
            (2125, 1, 1),
        ] {
            assert!(plausible_date(NaiveDate::from_ymd_opt(y, m, d).unwrap()).is_err());
        }
        assert!(plausible_date(NaiveDate::from_ymd_opt(1925, 1, 1).unwrap()).is_ok());
    }
}
