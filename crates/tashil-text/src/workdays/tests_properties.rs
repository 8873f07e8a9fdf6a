//! Properties over every day 2023–2027, for each kind of office.

use super::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn calendars() -> [WorkCalendar; 4] {
    [
        WorkCalendar::iran(),
        WorkCalendar::iran_thursday_off(),
        WorkCalendar::vietnam(),
        // Closures on a working day, a holiday and a Saturday worked.
        WorkCalendar::vietnam().with_closures([ymd(2025, 6, 4), ymd(2025, 9, 2), ymd(2024, 5, 4)]),
    ]
}

fn days() -> impl Iterator<Item = NaiveDate> {
    ymd(2023, 1, 1)
        .iter_days()
        .take_while(|d| *d <= ymd(2027, 12, 31))
}

#[test]
fn deadlines_are_working_days_and_count_back_exactly() {
    for cal in calendars() {
        for d in days() {
            let mut previous = d;
            for n in 1..=30 {
                let deadline = cal.add_working_days(d, n);
                assert!(deadline > previous, "{cal:?} {d} +{n}");
                assert!(cal.is_working_day(deadline), "{cal:?} {d} +{n}");
                assert_eq!(
                    cal.working_days_between(d, deadline),
                    i64::from(n),
                    "{cal:?} {d} +{n}"
                );
                // Every day strictly between two consecutive deadlines is off.
                for between in previous.iter_days().skip(1).take_while(|x| *x < deadline) {
                    assert!(!cal.is_working_day(between), "{cal:?} {between}");
                }
                previous = deadline;
            }
            assert_eq!(
                cal.working_days_between(previous, d),
                -30,
                "{cal:?} {d} antisymmetry"
            );
        }
    }
}

#[test]
fn deadlines_are_monotonic_in_the_start() {
    for cal in calendars() {
        let mut before: Option<[NaiveDate; 4]> = None;
        for d in days() {
            let now = [0, 1, 10, 30].map(|n| cal.add_working_days(d, n));
            if let Some(before) = before {
                for (b, a) in before.iter().zip(&now) {
                    assert!(b <= a, "{cal:?} {d}");
                }
            }
            before = Some(now);
        }
    }
}

#[test]
fn zero_days_is_the_first_working_day_from_the_start() {
    for cal in calendars() {
        for d in days() {
            let first = cal.add_working_days(d, 0);
            assert!(cal.is_working_day(first), "{cal:?} {d}");
            assert_eq!(first == d, cal.is_working_day(d), "{cal:?} {d}");
            if first > d {
                assert_eq!(cal.working_days_between(d, first), 1, "{cal:?} {d}");
                assert_eq!(cal.add_working_days(d, 1), first, "{cal:?} {d}");
            }
        }
    }
}

#[test]
fn every_day_off_that_is_not_a_weekend_has_a_reason() {
    for cal in calendars() {
        for d in days() {
            let weekend = cal.weekend().contains(d.weekday());
            let holiday = cal.holiday(d);
            assert_eq!(holiday.is_none(), cal.holidays_on(d).is_empty());
            if !cal.is_working_day(d) && !weekend {
                assert!(holiday.is_some(), "{cal:?} {d}");
            }
            if let Some(holiday) = holiday {
                assert!(!cal.is_working_day(d), "{cal:?} {d}");
                assert_eq!(holiday.date, d);
                assert!(HOLIDAY_KEYS.contains(&holiday.key));
            }
        }
    }
}

#[test]
fn working_days_per_year_are_plausible() {
    // Iran: 52 Fridays and 26–27 holidays (a few on Fridays) leave 285–290.
    // Vietnam: 104–105 weekend days and 11 statutory days leave ~250.
    for (cal, range) in [
        (WorkCalendar::iran(), 284..=292),
        (WorkCalendar::vietnam(), 248..=252),
    ] {
        for year in 2024..=2026 {
            let (first, last) = match cal.country() {
                // Whole Solar Hijri years 1403–1405.
                Country::Iran => (
                    crate::dates::from_solar_hijri(year - 621, 1, 1).unwrap(),
                    crate::dates::from_solar_hijri(year - 620, 1, 1).unwrap(),
                ),
                Country::Vietnam => (ymd(year, 1, 1), ymd(year + 1, 1, 1)),
            };
            let count =
                cal.working_days_between(first.pred_opt().unwrap(), last.pred_opt().unwrap());
            assert!(range.contains(&count), "{cal:?} {year}: {count}");
        }
    }
}
