//! Iran's lunar Hijri public holidays as Gregorian dates, for the Solar Hijri
//! years 1402–1405 (2023-03-21 … 2027-03-20).
//!
//! Source: the official calendar of the Islamic Republic of Iran published
//! each year by the Calendar Center of the University of Tehran's Institute of
//! Geophysics (تقویم رسمی کشور, 1402, 1403, 1404 and 1405 editions), whose
//! lunar month starts the government follows for holidays. Cross-checked
//! against the month starts the open-source Persian Calendar app keeps from
//! those editions and against the dates the python-holidays project took
//! from time.ir (they agree on every row). The list of holidays is the
//! official one: 17 lunar days a year, including the martyrdom of Imam Sadegh
//! (25 Shawwal).
//!
//! Lunar dates are never computed here (`docs/domain.md`, "Calendars and working
//! days": lunar reckonings differ by a day). Two maintenance duties:
//! - Each autumn the Calendar Center publishes the next year's calendar: add
//!   that Solar Hijri year's rows and move [`LAST`] to its 29/30 Esfand.
//! - Eid al-Fitr (and in principle every month start) is finally fixed by the
//!   Leader's office from the sighting of the crescent; when an announcement
//!   differs from the printed calendar, correct the row. The Eid al-Fitr rows
//!   of 1402–1404 are the days announced and observed; the rows of late 1405
//!   (January–March 2027) are the printed calendar's forecast.
//!
//! One-off national closures decided by the cabinet (heat, mourning) are not
//! in the printed calendar and are not listed: add them with
//! [`super::WorkCalendar::with_closures`].
//!
//! Each row: the Gregorian date, the key, then in the comment the weekday, the
//! Solar Hijri date and the lunar Hijri date. The tests check the rows'
//! order, their range and the lunar intervals between them (Ashura the day
//! after Tasua, Ghadir eight days after Eid al-Adha, …).

use chrono::NaiveDate;

use super::keys::*;

const fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date in the Iranian holiday table"),
    }
}

/// 1 Farvardin 1402, the first day the table covers.
pub(super) const FIRST: NaiveDate = d(2023, 3, 21);
/// 29 Esfand 1405, the last day the table covers.
pub(super) const LAST: NaiveDate = d(2027, 3, 20);

/// Whether `date`'s Solar Hijri year is in the table.
pub(super) fn covers(date: NaiveDate) -> bool {
    (FIRST..=LAST).contains(&date)
}

/// Sorted by date, one holiday per date.
pub(super) static LUNAR_HOLIDAYS: &[(NaiveDate, &str)] = &[
    // 1402 (2023-03-21 … 2024-03-19)
    (d(2023, 4, 12), MARTYRDOM_IMAM_ALI), // Wed 23 Farvardin 1402 = 21 Ramadan 1444
    (d(2023, 4, 22), EID_AL_FITR),        // Sat 2 Ordibehesht 1402 = 1 Shawwal 1444
    (d(2023, 4, 23), EID_AL_FITR_HOLIDAY), // Sun 3 Ordibehesht 1402 = 2 Shawwal 1444
    (d(2023, 5, 16), MARTYRDOM_IMAM_SADEGH), // Tue 26 Ordibehesht 1402 = 25 Shawwal 1444
    (d(2023, 6, 29), EID_AL_ADHA),        // Thu 8 Tir 1402 = 10 Dhu al-Hijjah 1444
    (d(2023, 7, 7), EID_AL_GHADIR),       // Fri 16 Tir 1402 = 18 Dhu al-Hijjah 1444
    (d(2023, 7, 27), TASUA),              // Thu 5 Mordad 1402 = 9 Muharram 1445
    (d(2023, 7, 28), ASHURA),             // Fri 6 Mordad 1402 = 10 Muharram 1445
    (d(2023, 9, 6), ARBAEEN),             // Wed 15 Shahrivar 1402 = 20 Safar 1445
    (d(2023, 9, 14), DEMISE_PROPHET),     // Thu 23 Shahrivar 1402 = 28 Safar 1445
    (d(2023, 9, 16), MARTYRDOM_IMAM_REZA), // Sat 25 Shahrivar 1402 = 30 Safar 1445
    (d(2023, 9, 24), MARTYRDOM_IMAM_HASAN_ASKARI), // Sun 2 Mehr 1402 = 8 Rabi I 1445
    (d(2023, 10, 3), BIRTHDAY_PROPHET),   // Tue 11 Mehr 1402 = 17 Rabi I 1445
    (d(2023, 12, 17), MARTYRDOM_FATIMA),  // Sun 26 Azar 1402 = 3 Jumada II 1445
    (d(2024, 1, 25), BIRTHDAY_IMAM_ALI),  // Thu 5 Bahman 1402 = 13 Rajab 1445
    (d(2024, 2, 8), MABATH),              // Thu 19 Bahman 1402 = 27 Rajab 1445
    (d(2024, 2, 25), BIRTHDAY_IMAM_MAHDI), // Sun 6 Esfand 1402 = 15 Sha'ban 1445
    // 1403 (2024-03-20 … 2025-03-20)
    (d(2024, 4, 1), MARTYRDOM_IMAM_ALI), // Mon 13 Farvardin 1403 = 21 Ramadan 1445
    (d(2024, 4, 10), EID_AL_FITR),       // Wed 22 Farvardin 1403 = 1 Shawwal 1445
    (d(2024, 4, 11), EID_AL_FITR_HOLIDAY), // Thu 23 Farvardin 1403 = 2 Shawwal 1445
    (d(2024, 5, 4), MARTYRDOM_IMAM_SADEGH), // Sat 15 Ordibehesht 1403 = 25 Shawwal 1445
    (d(2024, 6, 17), EID_AL_ADHA),       // Mon 28 Khordad 1403 = 10 Dhu al-Hijjah 1445
    (d(2024, 6, 25), EID_AL_GHADIR),     // Tue 5 Tir 1403 = 18 Dhu al-Hijjah 1445
    (d(2024, 7, 15), TASUA),             // Mon 25 Tir 1403 = 9 Muharram 1446
    (d(2024, 7, 16), ASHURA),            // Tue 26 Tir 1403 = 10 Muharram 1446
    (d(2024, 8, 25), ARBAEEN),           // Sun 4 Shahrivar 1403 = 20 Safar 1446
    (d(2024, 9, 2), DEMISE_PROPHET),     // Mon 12 Shahrivar 1403 = 28 Safar 1446
    (d(2024, 9, 4), MARTYRDOM_IMAM_REZA), // Wed 14 Shahrivar 1403 = 30 Safar 1446
    (d(2024, 9, 12), MARTYRDOM_IMAM_HASAN_ASKARI), // Thu 22 Shahrivar 1403 = 8 Rabi I 1446
    (d(2024, 9, 21), BIRTHDAY_PROPHET),  // Sat 31 Shahrivar 1403 = 17 Rabi I 1446
    (d(2024, 12, 5), MARTYRDOM_FATIMA),  // Thu 15 Azar 1403 = 3 Jumada II 1446
    (d(2025, 1, 14), BIRTHDAY_IMAM_ALI), // Tue 25 Dey 1403 = 13 Rajab 1446
    (d(2025, 1, 28), MABATH),            // Tue 9 Bahman 1403 = 27 Rajab 1446
    (d(2025, 2, 14), BIRTHDAY_IMAM_MAHDI), // Fri 26 Bahman 1403 = 15 Sha'ban 1446
    // 1404 (2025-03-21 … 2026-03-20)
    (d(2025, 3, 22), MARTYRDOM_IMAM_ALI), // Sat 2 Farvardin 1404 = 21 Ramadan 1446
    (d(2025, 3, 31), EID_AL_FITR),        // Mon 11 Farvardin 1404 = 1 Shawwal 1446
    (d(2025, 4, 1), EID_AL_FITR_HOLIDAY), // Tue 12 Farvardin 1404 = 2 Shawwal 1446
    (d(2025, 4, 24), MARTYRDOM_IMAM_SADEGH), // Thu 4 Ordibehesht 1404 = 25 Shawwal 1446
    (d(2025, 6, 6), EID_AL_ADHA),         // Fri 16 Khordad 1404 = 10 Dhu al-Hijjah 1446
    (d(2025, 6, 14), EID_AL_GHADIR),      // Sat 24 Khordad 1404 = 18 Dhu al-Hijjah 1446
    (d(2025, 7, 5), TASUA),               // Sat 14 Tir 1404 = 9 Muharram 1447
    (d(2025, 7, 6), ASHURA),              // Sun 15 Tir 1404 = 10 Muharram 1447
    (d(2025, 8, 14), ARBAEEN),            // Thu 23 Mordad 1404 = 20 Safar 1447
    (d(2025, 8, 22), DEMISE_PROPHET),     // Fri 31 Mordad 1404 = 28 Safar 1447
    (d(2025, 8, 24), MARTYRDOM_IMAM_REZA), // Sun 2 Shahrivar 1404 = 30 Safar 1447
    (d(2025, 9, 1), MARTYRDOM_IMAM_HASAN_ASKARI), // Mon 10 Shahrivar 1404 = 8 Rabi I 1447
    (d(2025, 9, 10), BIRTHDAY_PROPHET),   // Wed 19 Shahrivar 1404 = 17 Rabi I 1447
    (d(2025, 11, 24), MARTYRDOM_FATIMA),  // Mon 3 Azar 1404 = 3 Jumada II 1447
    (d(2026, 1, 3), BIRTHDAY_IMAM_ALI),   // Sat 13 Dey 1404 = 13 Rajab 1447
    (d(2026, 1, 17), MABATH),             // Sat 27 Dey 1404 = 27 Rajab 1447
    (d(2026, 2, 4), BIRTHDAY_IMAM_MAHDI), // Wed 15 Bahman 1404 = 15 Sha'ban 1447
    (d(2026, 3, 11), MARTYRDOM_IMAM_ALI), // Wed 20 Esfand 1404 = 21 Ramadan 1447
    // 1405 (2026-03-21 … 2027-03-20)
    (d(2026, 3, 21), EID_AL_FITR), // Sat 1 Farvardin 1405 = 1 Shawwal 1447
    (d(2026, 3, 22), EID_AL_FITR_HOLIDAY), // Sun 2 Farvardin 1405 = 2 Shawwal 1447
    (d(2026, 4, 14), MARTYRDOM_IMAM_SADEGH), // Tue 25 Farvardin 1405 = 25 Shawwal 1447
    (d(2026, 5, 27), EID_AL_ADHA), // Wed 6 Khordad 1405 = 10 Dhu al-Hijjah 1447
    (d(2026, 6, 4), EID_AL_GHADIR), // Thu 14 Khordad 1405 = 18 Dhu al-Hijjah 1447
    (d(2026, 6, 24), TASUA),       // Wed 3 Tir 1405 = 9 Muharram 1448
    (d(2026, 6, 25), ASHURA),      // Thu 4 Tir 1405 = 10 Muharram 1448
    (d(2026, 8, 4), ARBAEEN),      // Tue 13 Mordad 1405 = 20 Safar 1448
    (d(2026, 8, 12), DEMISE_PROPHET), // Wed 21 Mordad 1405 = 28 Safar 1448
    (d(2026, 8, 13), MARTYRDOM_IMAM_REZA), // Thu 22 Mordad 1405 = 29 Safar 1448
    (d(2026, 8, 21), MARTYRDOM_IMAM_HASAN_ASKARI), // Fri 30 Mordad 1405 = 8 Rabi I 1448
    (d(2026, 8, 30), BIRTHDAY_PROPHET), // Sun 8 Shahrivar 1405 = 17 Rabi I 1448
    (d(2026, 11, 13), MARTYRDOM_FATIMA), // Fri 22 Aban 1405 = 3 Jumada II 1448
    (d(2026, 12, 23), BIRTHDAY_IMAM_ALI), // Wed 2 Dey 1405 = 13 Rajab 1448
    (d(2027, 1, 6), MABATH),       // Wed 16 Dey 1405 = 27 Rajab 1448
    (d(2027, 1, 24), BIRTHDAY_IMAM_MAHDI), // Sun 4 Bahman 1405 = 15 Sha'ban 1448
    (d(2027, 2, 28), MARTYRDOM_IMAM_ALI), // Sun 9 Esfand 1405 = 21 Ramadan 1448
    (d(2027, 3, 10), EID_AL_FITR), // Wed 19 Esfand 1405 = 1 Shawwal 1448
    (d(2027, 3, 11), EID_AL_FITR_HOLIDAY), // Thu 20 Esfand 1405 = 2 Shawwal 1448
];
