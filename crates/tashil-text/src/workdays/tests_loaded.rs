//! Tables loaded at run time: a compiled year loaded back changes nothing, a loaded year
//! replaces the compiled one and makes its deadlines final.

use super::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn same_days(a: &WorkCalendar, b: &WorkCalendar, first: NaiveDate, last: NaiveDate) {
    for d in first.iter_days().take_while(|d| *d <= last) {
        assert_eq!(a.is_working_day(d), b.is_working_day(d), "{d}");
        assert_eq!(a.holidays_on(d), b.holidays_on(d), "{d}");
        assert_eq!(a.covered(d), b.covered(d), "{d}");
    }
}

#[test]
fn every_compiled_year_loaded_back_gives_the_same_days() {
    for country in [Country::Iran, Country::Vietnam] {
        for year in country.compiled_years() {
            let table = country.compiled_table(year).expect("compiled");
            assert!(!table.is_empty(), "{country:?} {year}");
            let loaded = WorkCalendar::of(country).with_table(year, table).unwrap();
            assert_eq!(loaded.loaded_years(), [year]);
            let (first, last) = country.year_span(year).unwrap();
            same_days(&WorkCalendar::of(country), &loaded, first, last);
        }
        let after = *country.compiled_years().end() + 1;
        assert_eq!(country.compiled_table(after), None);
    }
}

#[test]
fn table_years_are_solar_hijri_in_iran_and_gregorian_in_vietnam() {
    assert_eq!(
        Country::Iran.year_span(1406),
        Some((ymd(2027, 3, 21), ymd(2028, 3, 19)))
    );
    assert_eq!(Country::Iran.table_year(ymd(2027, 3, 20)), 1405);
    assert_eq!(Country::Iran.table_year(ymd(2027, 3, 21)), 1406);
    assert_eq!(Country::Vietnam.table_year(ymd(2027, 3, 21)), 2027);
    assert_eq!(Country::Iran.compiled_years(), 1402..=1405);
    assert_eq!(Country::Vietnam.compiled_years(), 2023..=2026);
}

#[test]
fn a_loaded_year_is_covered_and_its_days_count() {
    let iran = WorkCalendar::iran();
    // Tuesday 6 April 2027 (17 Farvardin 1406), outside the compiled table.
    let start = ymd(2027, 4, 5);
    assert!(!iran.covered(start));
    assert_eq!(iran.add_working_days(start, 1), ymd(2027, 4, 6));
    let mut table = YearTable::default();
    table
        .days_off
        .insert(ymd(2027, 4, 6), holiday_key("eid_al_fitr").unwrap());
    let loaded = iran.with_table(1406, table).unwrap();
    assert!(loaded.covered(start));
    assert!(!loaded.covered(ymd(2028, 3, 20)), "1407 is not loaded");
    assert_eq!(loaded.add_working_days(start, 1), ymd(2027, 4, 7));
    assert_eq!(loaded.holiday(ymd(2027, 4, 6)).unwrap().key, "eid_al_fitr");
    // Nowruz 1406 stays a holiday though the table does not list it.
    assert_eq!(loaded.holiday(ymd(2027, 3, 21)).unwrap().key, "nowruz");
}

#[test]
fn a_loaded_year_replaces_the_compiled_table_of_that_year_only() {
    // Vietnam 2026 loaded without Culture Day, and with Saturday 28 November worked.
    let mut t = Country::Vietnam.compiled_table(2026).unwrap();
    t.days_off.remove(&ymd(2026, 11, 24));
    t.worked.insert(ymd(2026, 11, 28));
    let vn = WorkCalendar::vietnam().with_table(2026, t).unwrap();
    assert!(vn.is_working_day(ymd(2026, 11, 24)));
    assert!(vn.is_working_day(ymd(2026, 11, 28)));
    assert!(!vn.is_working_day(ymd(2026, 11, 29)));
    // 2025 keeps its compiled table.
    assert_eq!(vn.holiday(ymd(2025, 1, 29)).unwrap().key, "tet");
}

#[test]
fn a_table_with_a_date_outside_its_year_is_refused() {
    let mut t = YearTable::default();
    t.days_off.insert(ymd(2027, 3, 20), "tet");
    let err = WorkCalendar::iran().with_table(1406, t).unwrap_err();
    assert_eq!(err, TableError::OutsideYear(ymd(2027, 3, 20)));
    assert_eq!(err.code(), "date_outside_year");
}

#[test]
fn holiday_keys_are_interned_and_unknown_ones_refused() {
    assert_eq!(holiday_key("tet"), Some("tet"));
    assert_eq!(holiday_key("christmas"), None);
}

#[test]
fn every_compiled_vietnamese_year_lists_its_statutory_days() {
    for year in Country::Vietnam.compiled_years() {
        let table = Country::Vietnam.compiled_table(year).unwrap();
        let days = Country::Vietnam.statutory_days_off(year);
        assert_eq!(days.len(), if year >= 2026 { 5 } else { 4 }, "{year}");
        for d in days {
            assert!(table.days_off.contains_key(&d), "{d}");
        }
    }
    assert!(Country::Iran.statutory_days_off(1406).is_empty());
}
