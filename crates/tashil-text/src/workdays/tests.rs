//! Known deadlines and holidays.

use super::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn key(cal: &WorkCalendar, d: NaiveDate) -> Option<&'static str> {
    cal.holiday(d).map(|h| h.key)
}

#[test]
fn nowruz_1403_deadline_skips_esfand_29_nowruz_farvardin_12_13_and_fridays() {
    let iran = WorkCalendar::iran();
    // Saturday 26 Esfand 1402. Off: 19 March (29 Esfand), 20–23 March
    // (1–4 Farvardin), Friday 29 March, 31 March and 1 April (12 and
    // 13 Farvardin, the latter also 21 Ramadan).
    let start = ymd(2024, 3, 16);
    assert_eq!(iran.add_working_days(start, 2), ymd(2024, 3, 18));
    assert_eq!(iran.add_working_days(start, 3), ymd(2024, 3, 24));
    assert_eq!(iran.add_working_days(start, 8), ymd(2024, 3, 30));
    assert_eq!(iran.add_working_days(start, 9), ymd(2024, 4, 2));
    assert_eq!(iran.add_working_days(start, 10), ymd(2024, 4, 3));
    assert_eq!(iran.working_days_between(start, ymd(2024, 4, 3)), 10);
}

#[test]
fn nowruz_1404_deadline_also_skips_esfand_30_and_eid_al_fitr() {
    // Tuesday 27 Esfand 1403. Off: 29 and 30 Esfand (a leap year), 1–4
    // Farvardin, Fridays, Eid al-Fitr 31 March – 1 April (1 April also
    // 12 Farvardin), 13 Farvardin.
    let start = ymd(2025, 3, 18);
    let iran = WorkCalendar::iran();
    assert_eq!(iran.add_working_days(start, 1), ymd(2025, 3, 25));
    assert_eq!(iran.add_working_days(start, 5), ymd(2025, 3, 30));
    assert_eq!(iran.add_working_days(start, 6), ymd(2025, 4, 3));
    assert_eq!(iran.add_working_days(start, 10), ymd(2025, 4, 8));
    // Thursdays off as well.
    let thursday_off = WorkCalendar::iran_thursday_off();
    assert_eq!(thursday_off.add_working_days(start, 10), ymd(2025, 4, 12));
    assert_eq!(
        thursday_off.working_days_between(start, ymd(2025, 4, 12)),
        10
    );
}

#[test]
fn iranian_holiday_keys() {
    let iran = WorkCalendar::iran();
    let cases = [
        (ymd(2025, 3, 21), "nowruz"),
        (ymd(2025, 3, 24), "nowruz"),
        (ymd(2025, 4, 2), "nature_day"),
        (ymd(2024, 3, 31), "islamic_republic_day"),
        (ymd(2024, 6, 3), "demise_imam_khomeini"),
        (ymd(2024, 6, 4), "khordad_15_uprising"),
        (ymd(2024, 2, 11), "revolution_day"),
        (ymd(2025, 2, 10), "revolution_day"),
        (ymd(2024, 3, 19), "oil_nationalisation_day"),
        (ymd(2025, 3, 20), "esfand_30"),
        (ymd(2023, 7, 27), "tasua"),
        (ymd(2023, 7, 28), "ashura"),
        (ymd(2025, 8, 14), "arbaeen"),
        (ymd(2024, 4, 10), "eid_al_fitr"),
        (ymd(2024, 4, 11), "eid_al_fitr_holiday"),
        (ymd(2025, 4, 24), "martyrdom_imam_sadegh"),
        (ymd(2026, 6, 25), "ashura"),
        (ymd(2027, 3, 10), "eid_al_fitr"),
    ];
    for (d, expected) in cases {
        assert_eq!(key(&iran, d), Some(expected), "{d}");
        assert!(!iran.is_working_day(d), "{d}");
    }
    // 1402 is a common year: 20 March 2024 is 1 Farvardin 1403, not 30 Esfand.
    assert_eq!(key(&iran, ymd(2024, 3, 20)), Some("nowruz"));
    // An ordinary Wednesday and an ordinary Friday.
    assert_eq!(key(&iran, ymd(2024, 5, 8)), None);
    assert!(iran.is_working_day(ymd(2024, 5, 8)));
    assert_eq!(key(&iran, ymd(2024, 5, 10)), None);
    assert!(!iran.is_working_day(ymd(2024, 5, 10)));
}

#[test]
fn coinciding_holidays_are_all_listed_solar_first() {
    let iran = WorkCalendar::iran();
    let d = ymd(2024, 4, 1); // 13 Farvardin 1403 = 21 Ramadan 1445
    let keys: Vec<_> = iran.holidays_on(d).iter().map(|h| h.key).collect();
    assert_eq!(keys, ["nature_day", "martyrdom_imam_ali"]);
    assert_eq!(
        iran.holiday(d),
        Some(Holiday {
            key: "nature_day",
            date: d
        })
    );
    assert!(iran.holidays_on(ymd(2024, 5, 8)).is_empty());
}

#[test]
fn thursdays() {
    let thursday = ymd(2024, 5, 9);
    assert!(WorkCalendar::iran().is_working_day(thursday));
    assert!(!WorkCalendar::iran_thursday_off().is_working_day(thursday));
    assert_eq!(WorkCalendar::iran_thursday_off().holiday(thursday), None);
    assert_eq!(
        WorkCalendar::iran_thursday_off().weekend(),
        Weekend::ThursdayFriday
    );
}

#[test]
fn solar_holidays_outside_the_table_lunar_ones_unknown() {
    let iran = WorkCalendar::iran();
    let nowruz_1410 = crate::dates::from_solar_hijri(1410, 1, 1).unwrap();
    assert_eq!(key(&iran, nowruz_1410), Some("nowruz"));
    assert!(!iran.covered(nowruz_1410));
    assert!(iran.covered(ymd(2023, 3, 21)));
    assert!(!iran.covered(ymd(2023, 3, 20)));
    assert!(iran.covered(ymd(2027, 3, 20)));
    assert!(!iran.covered(ymd(2027, 3, 21)));
    // 1 Farvardin 1300 (1921), before the range checked against persiantools, still works.
    let nowruz_1300 = crate::dates::from_solar_hijri(1300, 1, 1).unwrap();
    assert_eq!(key(&iran, nowruz_1300), Some("nowruz"));
}

#[test]
fn tet_2025_is_skipped() {
    let vietnam = WorkCalendar::vietnam();
    // Friday 24 January; the break runs Saturday 25 January – Sunday 2 February.
    let start = ymd(2025, 1, 24);
    assert_eq!(vietnam.add_working_days(start, 1), ymd(2025, 2, 3));
    assert_eq!(vietnam.working_days_between(start, ymd(2025, 2, 3)), 1);
    for day in ymd(2025, 1, 25).iter_days().take(9) {
        assert_eq!(key(&vietnam, day), Some("tet"), "{day}");
    }
    assert_eq!(key(&vietnam, ymd(2025, 2, 3)), None);
}

#[test]
fn national_day_2025_and_its_adjacent_day() {
    let vietnam = WorkCalendar::vietnam();
    assert_eq!(key(&vietnam, ymd(2025, 9, 1)), Some("national_day"));
    assert_eq!(key(&vietnam, ymd(2025, 9, 2)), Some("national_day"));
    // Friday 29 August + 1 working day: Wednesday 3 September.
    assert_eq!(
        vietnam.add_working_days(ymd(2025, 8, 29), 1),
        ymd(2025, 9, 3)
    );
}

#[test]
fn swapped_days_and_saturdays_worked() {
    let vietnam = WorkCalendar::vietnam();
    // 2024: Monday 29 April off, Saturday 4 May worked.
    assert_eq!(key(&vietnam, ymd(2024, 4, 29)), Some("swapped_day_off"));
    assert!(vietnam.is_working_day(ymd(2024, 5, 4)));
    assert_eq!(
        vietnam.add_working_days(ymd(2024, 4, 26), 1),
        ymd(2024, 5, 2)
    );
    assert_eq!(
        vietnam.add_working_days(ymd(2024, 5, 3), 1),
        ymd(2024, 5, 4)
    );
    assert!(!vietnam.is_working_day(ymd(2024, 5, 11))); // an ordinary Saturday
    // 2026: Friday 2 January off, Saturday 10 January worked.
    assert_eq!(key(&vietnam, ymd(2026, 1, 2)), Some("swapped_day_off"));
    assert!(vietnam.is_working_day(ymd(2026, 1, 10)));
    // An office closure wins over a Saturday worked.
    let closed = WorkCalendar::vietnam().with_closures([ymd(2024, 5, 4)]);
    assert!(!closed.is_working_day(ymd(2024, 5, 4)));
}

#[test]
fn vietnamese_substitute_days() {
    let vietnam = WorkCalendar::vietnam();
    // In the table: 2023, Hùng Kings on Saturday 29 April, 30 April a Sunday.
    assert_eq!(key(&vietnam, ymd(2023, 4, 29)), Some("hung_kings"));
    assert_eq!(
        key(&vietnam, ymd(2023, 5, 2)),
        Some("hung_kings_substitute")
    );
    assert_eq!(
        key(&vietnam, ymd(2023, 5, 3)),
        Some("reunification_day_substitute")
    );
    assert_eq!(
        key(&vietnam, ymd(2023, 9, 4)),
        Some("national_day_substitute")
    );
    // Computed outside the table: 2022 (30 April a Saturday, 1 May a Sunday),
    // 2028 (1 January a Saturday), 2029 (2 September a Sunday).
    let computed = [
        (ymd(2022, 4, 30), "reunification_day"),
        (ymd(2022, 5, 2), "reunification_day_substitute"),
        (ymd(2022, 5, 3), "labour_day_substitute"),
        (ymd(2028, 1, 1), "new_year"),
        (ymd(2028, 1, 3), "new_year_substitute"),
        (ymd(2029, 9, 2), "national_day"),
        (ymd(2029, 9, 3), "national_day_substitute"),
        (ymd(2027, 5, 3), "labour_day_substitute"),
    ];
    for (d, expected) in computed {
        assert_eq!(key(&vietnam, d), Some(expected), "{d}");
    }
    assert_eq!(key(&vietnam, ymd(2022, 5, 4)), None);
    assert!(!vietnam.covered(ymd(2027, 2, 8)));
    assert!(vietnam.covered(ymd(2026, 12, 31)));
    assert!(vietnam.covered(ymd(2023, 1, 1)));
    assert!(!vietnam.covered(ymd(2022, 12, 31)));
}

#[test]
fn zero_days_is_the_start_or_the_next_working_day() {
    let iran = WorkCalendar::iran();
    assert_eq!(iran.add_working_days(ymd(2024, 5, 8), 0), ymd(2024, 5, 8));
    // Friday → Saturday.
    assert_eq!(iran.add_working_days(ymd(2024, 5, 10), 0), ymd(2024, 5, 11));
    // 1 Farvardin 1403 (Wednesday) → Sunday 24 March, 5 Farvardin.
    assert_eq!(iran.add_working_days(ymd(2024, 3, 20), 0), ymd(2024, 3, 24));
}

#[test]
fn working_days_between_is_signed() {
    let vietnam = WorkCalendar::vietnam();
    let (monday, friday) = (ymd(2024, 5, 6), ymd(2024, 5, 10));
    assert_eq!(vietnam.working_days_between(monday, friday), 4);
    assert_eq!(vietnam.working_days_between(friday, monday), -4);
    assert_eq!(vietnam.working_days_between(monday, monday), 0);
}

#[test]
fn office_closures() {
    let day = ymd(2024, 5, 8);
    let holiday = ymd(2024, 4, 1);
    let iran = WorkCalendar::iran().with_closures([day, holiday]);
    assert!(!iran.is_working_day(day));
    assert_eq!(key(&iran, day), Some("office_closure"));
    let keys: Vec<_> = iran.holidays_on(holiday).iter().map(|h| h.key).collect();
    assert_eq!(keys, ["nature_day", "martyrdom_imam_ali", "office_closure"]);
    assert_eq!(iran.add_working_days(ymd(2024, 5, 7), 1), ymd(2024, 5, 9));
}

#[test]
fn calendars_by_country_code() {
    assert_eq!(WorkCalendar::for_country("IR"), Some(WorkCalendar::iran()));
    assert_eq!(
        WorkCalendar::for_country(" vn "),
        Some(WorkCalendar::vietnam())
    );
    assert_eq!(WorkCalendar::for_country("FR"), None);
    assert_eq!(WorkCalendar::vietnam().country().code(), "VN");
    assert_eq!(WorkCalendar::iran().country(), Country::Iran);
}

#[test]
fn holiday_serialises_as_key_and_iso_date() {
    let h = WorkCalendar::vietnam().holiday(ymd(2025, 1, 29)).unwrap();
    assert_eq!(
        serde_json::to_string(&h).unwrap(),
        r#"{"key":"tet","date":"2025-01-29"}"#
    );
}

#[test]
fn a_deadline_near_the_end_of_time_is_none_and_nothing_panics_at_the_edges() {
    for cal in [WorkCalendar::iran(), WorkCalendar::vietnam()] {
        let last = NaiveDate::MAX;
        assert_eq!(cal.checked_add_working_days(last, 5), None);
        for d in [NaiveDate::MIN, last, ymd(-1, 12, 31), ymd(0, 1, 1)] {
            let _ = cal.is_working_day(d);
            let _ = cal.holidays_on(d);
            let _ = cal.covered(d);
        }
        let near_end = last - chrono::Days::new(40);
        assert!(cal.checked_add_working_days(near_end, 3).is_some());
        assert!(cal.checked_add_working_days(ymd(2026, 12, 4), 5).is_some());
    }
}

#[test]
fn vietnam_culture_day_is_a_day_off_from_2026_and_moves_deadlines() {
    let vietnam = WorkCalendar::vietnam();
    assert_eq!(key(&vietnam, ymd(2026, 11, 24)), Some("culture_day"));
    assert_eq!(key(&vietnam, ymd(2025, 11, 24)), None);
    // Friday 20 November 2026 + 5 working days: Mon 23, (Tue 24 off), Wed 25 … Mon 30.
    assert_eq!(
        vietnam.add_working_days(ymd(2026, 11, 20), 5),
        ymd(2026, 11, 30)
    );
    // Beyond the table, the statutory rule keeps it, with a substitute on a weekend:
    // 24 November 2029 is a Saturday, made up on Monday 26 November.
    assert_eq!(key(&vietnam, ymd(2027, 11, 24)), Some("culture_day"));
    assert_eq!(
        key(&vietnam, ymd(2029, 11, 26)),
        Some("culture_day_substitute")
    );
}
