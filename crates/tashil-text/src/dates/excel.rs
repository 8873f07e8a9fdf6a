//! Excel serial dates, in both of Excel's date systems (1900 and 1904;
//! `docs/domain.md`, "Calendars and working days").

use chrono::{Days, NaiveDate};

/// The largest serial Excel shows as a date: 9999-12-31 in the 1900 system.
const MAX_SERIAL_1900: f64 = 2_958_465.0;
/// The same day in the 1904 system.
const MAX_SERIAL_1904: f64 = MAX_SERIAL_1900 - 1462.0;

/// The date of an Excel cell's serial number; the fraction (time of day) is
/// ignored.
///
/// - 1900 system (the default in Windows Excel): serial 1 is 1900-01-01. Excel
///   copies a Lotus 1-2-3 bug that treats 1900 as a leap year, so serial 60 is
///   the fictitious 1900-02-29: it is `None`, never silently a neighbouring day;
///   serials 1–59 are one day later than the arithmetic from 61 on would say.
/// - 1904 system (old Mac workbooks, flagged in the workbook): serial 0 is
///   1904-01-01, no bug.
///
/// `None` also for serial 0 in the 1900 system ("1900-01-00"), negative, NaN,
/// infinite, or beyond 9999-12-31.
pub fn excel_serial_to_date(serial: f64, date1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || serial < 0.0 {
        return None;
    }
    let whole = serial.floor();
    let (epoch, days) = if date1904 {
        if whole > MAX_SERIAL_1904 {
            return None;
        }
        (NaiveDate::from_ymd_opt(1904, 1, 1)?, whole)
    } else {
        match whole {
            0.0 | 60.0 => return None,
            w if w > MAX_SERIAL_1900 => return None,
            w if w < 60.0 => (NaiveDate::from_ymd_opt(1899, 12, 31)?, w),
            w => (NaiveDate::from_ymd_opt(1899, 12, 30)?, w),
        }
    };
    // 0 ≤ days ≤ MAX_SERIAL_1900, an integer, so the cast is exact.
    epoch.checked_add_days(Days::new(days as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn system_1900_with_the_leap_year_bug() {
        assert_eq!(excel_serial_to_date(1.0, false), ymd(1900, 1, 1));
        assert_eq!(excel_serial_to_date(59.0, false), ymd(1900, 2, 28));
        assert_eq!(excel_serial_to_date(60.0, false), None);
        assert_eq!(excel_serial_to_date(61.0, false), ymd(1900, 3, 1));
        assert_eq!(excel_serial_to_date(45188.0, false), ymd(2023, 9, 19));
        assert_eq!(excel_serial_to_date(45188.75, false), ymd(2023, 9, 19));
        assert_eq!(excel_serial_to_date(2_958_465.0, false), ymd(9999, 12, 31));
        assert_eq!(excel_serial_to_date(2_958_466.0, false), None);
        assert_eq!(excel_serial_to_date(0.0, false), None);
        assert_eq!(excel_serial_to_date(0.5, false), None);
    }

    #[test]
    fn system_1904() {
        assert_eq!(excel_serial_to_date(0.0, true), ymd(1904, 1, 1));
        assert_eq!(excel_serial_to_date(60.0, true), ymd(1904, 3, 1));
        assert_eq!(
            excel_serial_to_date(45188.0 - 1462.0, true),
            ymd(2023, 9, 19)
        );
        assert_eq!(
            excel_serial_to_date(MAX_SERIAL_1904, true),
            ymd(9999, 12, 31)
        );
        assert_eq!(excel_serial_to_date(MAX_SERIAL_1904 + 1.0, true), None);
    }

    #[test]
    fn refuses_non_dates() {
        for bad in [-1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(excel_serial_to_date(bad, false), None);
            assert_eq!(excel_serial_to_date(bad, true), None);
        }
    }
}
