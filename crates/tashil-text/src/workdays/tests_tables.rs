//! Consistency of the holiday tables: order, range, no duplicates, and the
//! intervals the lunar calendar and the Labour Code impose.

use std::collections::BTreeMap;

use super::keys::*;
use super::*;
use crate::dates::{from_solar_hijri, to_solar_hijri};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

const IRAN_LUNAR_KEYS: [&str; 17] = [
    TASUA,
    ASHURA,
    ARBAEEN,
    DEMISE_PROPHET,
    MARTYRDOM_IMAM_REZA,
    MARTYRDOM_IMAM_HASAN_ASKARI,
    BIRTHDAY_PROPHET,
    MARTYRDOM_FATIMA,
    BIRTHDAY_IMAM_ALI,
    MABATH,
    BIRTHDAY_IMAM_MAHDI,
    MARTYRDOM_IMAM_ALI,
    EID_AL_FITR,
    EID_AL_FITR_HOLIDAY,
    MARTYRDOM_IMAM_SADEGH,
    EID_AL_ADHA,
    EID_AL_GHADIR,
];

#[test]
fn holiday_keys_are_unique_snake_case() {
    let mut seen = std::collections::BTreeSet::new();
    for key in HOLIDAY_KEYS {
        assert!(seen.insert(key), "{key} twice");
        assert!(
            key.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{key}"
        );
    }
}

#[test]
fn iran_table_is_sorted_without_duplicates_and_spans_whole_solar_years() {
    let table = iran_table::LUNAR_HOLIDAYS;
    for pair in table.windows(2) {
        assert!(pair[0].0 < pair[1].0, "{:?} then {:?}", pair[0], pair[1]);
    }
    assert_eq!(iran_table::FIRST, from_solar_hijri(1402, 1, 1).unwrap());
    assert_eq!(
        iran_table::LAST.succ_opt().unwrap(),
        from_solar_hijri(1406, 1, 1).unwrap()
    );
    for &(date, key) in table {
        assert!(iran_table::covers(date), "{date}");
        assert!(IRAN_LUNAR_KEYS.contains(&key), "{date} {key}");
    }
}

#[test]
fn every_lunar_holiday_once_or_twice_in_each_solar_year() {
    let mut counts: BTreeMap<(i32, &str), usize> = BTreeMap::new();
    for &(date, key) in iran_table::LUNAR_HOLIDAYS {
        *counts.entry((to_solar_hijri(date).0, key)).or_default() += 1;
    }
    for year in 1402..=1405 {
        for key in IRAN_LUNAR_KEYS {
            let n = counts.get(&(year, key)).copied().unwrap_or(0);
            // A lunar year (354–355 days) is shorter than a solar one.
            assert!((1..=2).contains(&n), "{key} {n} times in {year}");
        }
    }
}

/// The dates of one key, in order.
fn dates_of(key: &str) -> Vec<NaiveDate> {
    iran_table::LUNAR_HOLIDAYS
        .iter()
        .filter(|(_, k)| *k == key)
        .map(|(d, _)| *d)
        .collect()
}

#[test]
fn same_holiday_one_lunar_year_apart() {
    for key in IRAN_LUNAR_KEYS {
        for pair in dates_of(key).windows(2) {
            let days = (pair[1] - pair[0]).num_days();
            // 354 or 355 days; the last day of Safar moves one more.
            assert!((353..=356).contains(&days), "{key}: {pair:?}");
        }
    }
}

/// Within one lunar year, `later` falls `offsets` days after `earlier`.
fn assert_follows(earlier: &str, later: &str, offsets: &[i64]) {
    let table = iran_table::LUNAR_HOLIDAYS;
    for &(date, key) in table {
        if key != earlier {
            continue;
        }
        // The next `later` after `earlier`, if the table goes that far.
        let Some(&(next, _)) = table.iter().find(|(d, k)| *k == later && *d > date) else {
            continue;
        };
        let days = (next - date).num_days();
        if days > 100 {
            continue; // beyond the table's end for this lunar year
        }
        assert!(offsets.contains(&days), "{earlier} {date} → {later} {next}");
    }
}

#[test]
fn lunar_intervals() {
    assert_follows(TASUA, ASHURA, &[1]);
    assert_follows(ASHURA, ARBAEEN, &[39, 40]); // Muharram 29 or 30 days
    assert_follows(ARBAEEN, DEMISE_PROPHET, &[8]);
    assert_follows(DEMISE_PROPHET, MARTYRDOM_IMAM_REZA, &[1, 2]); // 29 or 30 Safar
    assert_follows(MARTYRDOM_IMAM_REZA, MARTYRDOM_IMAM_HASAN_ASKARI, &[8]);
    assert_follows(MARTYRDOM_IMAM_HASAN_ASKARI, BIRTHDAY_PROPHET, &[9]);
    assert_follows(BIRTHDAY_IMAM_ALI, MABATH, &[14]);
    assert_follows(MABATH, BIRTHDAY_IMAM_MAHDI, &[17, 18]); // Rajab 29 or 30
    assert_follows(MARTYRDOM_IMAM_ALI, EID_AL_FITR, &[9, 10]); // Ramadan 29 or 30
    assert_follows(EID_AL_FITR, EID_AL_FITR_HOLIDAY, &[1]);
    assert_follows(EID_AL_FITR, MARTYRDOM_IMAM_SADEGH, &[24]);
    assert_follows(EID_AL_ADHA, EID_AL_GHADIR, &[8]);
    assert_follows(EID_AL_GHADIR, TASUA, &[20, 21]); // Dhu al-Hijjah 29 or 30
}

#[test]
fn fixed_holiday_window_misses_nothing_1925_to_2125() {
    let mut day = from_solar_hijri(1304, 1, 1).unwrap();
    let end = from_solar_hijri(1504, 1, 1).unwrap();
    let mut found = 0;
    while day < end {
        let full = iran::fixed_holiday_unfiltered(day);
        assert_eq!(iran::fixed_holiday(day), full, "{day}");
        found += usize::from(full.is_some());
        day = day.succ_opt().unwrap();
    }
    // 10 a year, plus 30 Esfand in leap years (48–49 in two centuries).
    assert!((2048..=2050).contains(&found), "{found}");
}

#[test]
fn vietnam_tables_are_sorted_without_duplicates() {
    use vietnam_table::*;
    for pair in DAYS_OFF.windows(2) {
        assert!(pair[0].0 < pair[1].0, "{:?} then {:?}", pair[0], pair[1]);
    }
    for pair in TET_BREAKS.windows(2) {
        assert!(pair[0].1 < pair[1].0);
    }
    for pair in SWAPPED_WORKING_DAYS.windows(2) {
        assert!(pair[0] < pair[1]);
    }
    for &(date, key) in DAYS_OFF {
        assert!(covers(date.year()), "{date}");
        assert!(HOLIDAY_KEYS.contains(&key), "{key}");
        assert!(
            TET_BREAKS.iter().all(|&(a, b)| !(a..=b).contains(&date)),
            "{date} inside a Tết break"
        );
    }
    let years: Vec<_> = TET_BREAKS.iter().map(|(a, _)| a.year()).collect();
    assert_eq!(years, (FIRST_YEAR..=LAST_YEAR).collect::<Vec<_>>());
    for &(first, last) in TET_BREAKS {
        // Five statutory days, stretched to at most nine with weekends.
        assert!(
            (5..=9).contains(&((last - first).num_days() + 1)),
            "{first}"
        );
        assert!(first.month() <= 2 && last.month() <= 2);
    }
}

#[test]
fn vietnam_swaps_pair_a_weekday_off_with_a_saturday_worked() {
    use vietnam_table::*;
    for &saturday in SWAPPED_WORKING_DAYS {
        assert_eq!(saturday.weekday(), Weekday::Sat, "{saturday}");
        assert!(covers(saturday.year()));
        assert_eq!(holiday(saturday), None, "{saturday}");
    }
    for year in FIRST_YEAR..=LAST_YEAR {
        let swapped_off: Vec<_> = DAYS_OFF
            .iter()
            .filter(|(d, k)| d.year() == year && *k == SWAPPED_DAY_OFF)
            .map(|(d, _)| *d)
            .collect();
        for d in &swapped_off {
            assert!(!Weekend::SaturdaySunday.contains(d.weekday()), "{d}");
        }
        let worked = SWAPPED_WORKING_DAYS
            .iter()
            .filter(|d| d.year() == year)
            .count();
        assert_eq!(swapped_off.len(), worked, "{year}");
    }
}

#[test]
fn vietnam_years_give_their_statutory_days() {
    use vietnam_table::*;
    for year in FIRST_YEAR..=LAST_YEAR {
        let weekdays_off = ymd(year, 1, 1)
            .iter_days()
            .take_while(|d| d.year() == year)
            .filter(|d| !Weekend::SaturdaySunday.contains(d.weekday()) && holiday(*d).is_some())
            .count();
        let worked = SWAPPED_WORKING_DAYS
            .iter()
            .filter(|d| d.year() == year)
            .count();
        // Eleven, and twelve from 2026 with Vietnam Culture Day.
        let statutory = if year >= 2026 { 12 } else { 11 };
        assert_eq!(weekdays_off - worked, statutory, "{year}");
        // The fixed dates are there under their own key.
        for (month, day, key) in [
            (1, 1, NEW_YEAR),
            (4, 30, REUNIFICATION_DAY),
            (5, 1, LABOUR_DAY),
            (9, 2, NATIONAL_DAY),
        ] {
            assert_eq!(
                holiday(ymd(year, month, day)),
                Some(key),
                "{year}-{month}-{day}"
            );
        }
        // One Hùng Kings' day, between the 10th day of a 3rd lunar month that
        // starts earliest (about 21 March) and latest (about 20 April).
        let hung: Vec<_> = DAYS_OFF
            .iter()
            .filter(|(d, k)| d.year() == year && *k == HUNG_KINGS)
            .collect();
        assert_eq!(hung.len(), 1, "{year}");
        assert!((ymd(year, 3, 30)..=ymd(year, 4, 30)).contains(&hung[0].0));
        // Two National Day days, side by side.
        let national: Vec<_> = DAYS_OFF
            .iter()
            .filter(|(d, k)| d.year() == year && *k == NATIONAL_DAY)
            .map(|(d, _)| *d)
            .collect();
        assert_eq!(national.len(), 2, "{year}");
        assert_eq!((national[1] - national[0]).num_days(), 1, "{year}");
    }
}

#[test]
fn vietnam_rule_matches_the_table_where_no_lunar_day_interferes() {
    // Outside April–May (where the Hùng Kings' day shifts substitutes), the
    // computed substitutes of the table years are the government's.
    for year in vietnam_table::FIRST_YEAR..=vietnam_table::LAST_YEAR {
        for (date, key) in vietnam::statutory_days(year).into_iter().flatten() {
            if matches!(date.month(), 4 | 5) {
                continue;
            }
            assert_eq!(vietnam_table::holiday(date), Some(key), "{date}");
        }
    }
}
