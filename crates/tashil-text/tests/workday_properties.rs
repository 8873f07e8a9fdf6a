//! Generated cases for working-day arithmetic: any start in the years the holiday rules
//! are known for (1925–2124), any count up to 400, any kind of office, with or without
//! its own closures.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use tashil_text::workdays::{WorkCalendar, YearTable};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn date_between(first: NaiveDate, last: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    (0..=(last - first).num_days()).prop_map(move |n| first + chrono::Duration::days(n))
}

/// An office of either country, with up to six closures of its own in the year after
/// `start` (so they fall inside the deadlines tested).
fn calendar_from(start: NaiveDate) -> impl Strategy<Value = WorkCalendar> {
    let kinds = select(vec![
        WorkCalendar::iran(),
        WorkCalendar::iran_thursday_off(),
        WorkCalendar::vietnam(),
    ]);
    let closures = proptest::collection::vec(0u64..400, 0..6);
    (kinds, closures).prop_map(move |(cal, days)| {
        cal.with_closures(
            days.into_iter()
                .filter_map(|d| start.checked_add_days(Days::new(d))),
        )
    })
}

fn case() -> impl Strategy<Value = (WorkCalendar, NaiveDate, u32)> {
    date_between(ymd(1925, 1, 1), ymd(2124, 12, 31))
        .prop_flat_map(|start| (calendar_from(start), Just(start), 0u32..=400))
}

/// Every date chrono can represent, with its two ends made likely.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        date_between(NaiveDate::MIN, NaiveDate::MAX),
        date_between(NaiveDate::MAX - chrono::Duration::days(800), NaiveDate::MAX),
        date_between(NaiveDate::MIN, NaiveDate::MIN + chrono::Duration::days(800)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_deadline_is_a_working_day_exactly_n_working_days_on((cal, start, n) in case()) {
        let deadline = cal.add_working_days(start, n);
        prop_assert!(cal.is_working_day(deadline), "{:?} {} +{} = {}", cal, start, n, deadline);
        prop_assert!(deadline >= start);
        let counted = cal.working_days_between(start, deadline);
        if n == 0 {
            // The start itself when the office works that day, else the next working day.
            prop_assert_eq!(deadline == start, cal.is_working_day(start));
            prop_assert_eq!(counted, i64::from(deadline != start));
        } else {
            prop_assert_eq!(counted, i64::from(n), "{:?} {} +{}", cal, start, n);
        }
        prop_assert_eq!(cal.working_days_between(deadline, start), -counted);
    }

    #[test]
    fn deadlines_grow_with_n((cal, start, n) in case()) {
        let deadline = cal.add_working_days(start, n);
        let next = cal.add_working_days(start, n + 1);
        if n == 0 && !cal.is_working_day(start) {
            // Both are the first working day after the start.
            prop_assert_eq!(next, deadline);
        } else {
            prop_assert!(next > deadline, "{:?} {} +{}: {} then {}", cal, start, n, deadline, next);
        }
        // Nothing between two consecutive deadlines is a working day.
        let mut day = deadline.succ_opt().expect("far from chrono's end");
        while day < next {
            prop_assert!(!cal.is_working_day(day), "{:?} {}", cal, day);
            day = day.succ_opt().expect("far from chrono's end");
        }
    }

    #[test]
    fn checked_deadlines_never_panic(start in any_date(), n in 0u32..=400, iran: bool) {
        let cal = if iran { WorkCalendar::iran() } else { WorkCalendar::vietnam() };
        match cal.checked_add_working_days(start, n) {
            Some(deadline) => {
                prop_assert!(deadline >= start);
                prop_assert!(cal.is_working_day(deadline));
            }
            // Only a start within about two years of chrono's last date can run out.
            None => prop_assert!(NaiveDate::MAX - start < chrono::Duration::days(800)),
        }
    }
}

/// A calendar and the same calendar with one more day off: the day `extra` days after
/// `start`, added as a closure or to the loaded table of its year (which otherwise holds
/// that year's compiled table, or nothing outside the compiled years).
fn with_one_more_day_off() -> impl Strategy<Value = (WorkCalendar, WorkCalendar, NaiveDate, u32)> {
    date_between(ymd(1925, 1, 1), ymd(2124, 12, 31)).prop_flat_map(|start| {
        (
            calendar_from(start),
            Just(start),
            0u32..=400,
            0u64..500,
            any::<bool>(),
        )
            .prop_map(|(cal, start, n, extra, as_closure)| {
                let day = start + Days::new(extra);
                let country = cal.country();
                let year = country.table_year(day);
                let base = country.compiled_table(year).unwrap_or_default();
                let before = cal
                    .clone()
                    .with_table(year, base.clone())
                    .expect("own year");
                let after = if as_closure {
                    before.clone().with_closures([day])
                } else {
                    let mut more: YearTable = base;
                    // A Saturday worked in exchange becomes a day off again.
                    more.worked.remove(&day);
                    more.days_off.entry(day).or_insert("swapped_day_off");
                    cal.with_table(year, more).expect("own year")
                };
                (before, after, start, n)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn one_more_day_off_never_brings_a_deadline_earlier((before, after, start, n) in with_one_more_day_off()) {
        let was = before.add_working_days(start, n);
        let now = after.add_working_days(start, n);
        prop_assert!(now >= was, "{:?} {} +{}: {} became {}", after, start, n, was, now);
        // And never more than one working day later.
        prop_assert!(now <= before.add_working_days(start, n + 1));
        let end = start + Days::new(600);
        prop_assert!(after.working_days_between(start, end) <= before.working_days_between(start, end));
    }
}
