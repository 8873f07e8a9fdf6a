//! Working days and public holidays of an office, for deadlines such as "within
//! 10 working days" (`docs/domain.md`, "Calendars and working days": deadlines
//! count working days and public holidays of the office's country).
//!
//! - Iran: the weekend is Friday, or Thursday and Friday where the province's
//!   offices also close on Thursdays. Holidays fixed in the Solar Hijri calendar
//!   (Nowruz, 22 Bahman, …) are computed through [`crate::dates::from_solar_hijri`]
//!   for any year. Holidays of the lunar Hijri calendar are never computed
//!   (lunar reckonings differ by a day): they are read from a table of the
//!   official calendar (`workdays/iran_table.rs`).
//! - Vietnam: the weekend is Saturday and Sunday. Fixed Gregorian holidays and
//!   their substitute days are computed for any year; Tết, the Hùng Kings'
//!   day and the government's yearly arrangement (swapped days off, Saturdays
//!   worked in exchange) are read from a table (`workdays/vietnam_table.rs`).
//!
//! Outside the tables ([`WorkCalendar::covered`] is false) only the computed
//! holidays and the weekend apply, so a deadline may land on a lunar holiday:
//! callers should warn. The tables must be extended every year: compiled here, or
//! loaded at run time ([`WorkCalendar::with_table`], see `workdays/tables.rs`), a loaded
//! year replacing the compiled table of that year.
//!
//! ```
//! use chrono::NaiveDate;
//! use tashil_text::workdays::WorkCalendar;
//!
//! let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let iran = WorkCalendar::iran();
//! // Nowruz 1404 and Eid al-Fitr 1446 fall inside this deadline.
//! assert_eq!(iran.add_working_days(ymd(2025, 3, 18), 10), ymd(2025, 4, 8));
//! assert_eq!(iran.holiday(ymd(2025, 3, 21)).unwrap().key, "nowruz");
//! assert!(iran.covered(ymd(2025, 3, 21)));
//!
//! let vietnam = WorkCalendar::vietnam();
//! assert_eq!(vietnam.holiday(ymd(2025, 1, 29)).unwrap().key, "tet");
//! assert_eq!(vietnam.working_days_between(ymd(2025, 1, 24), ymd(2025, 2, 3)), 1);
//! ```

mod iran;
mod iran_table;
mod keys;
mod tables;
mod vietnam;
mod vietnam_table;

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

pub use keys::HOLIDAY_KEYS;
pub use tables::{TableError, YearTable, holiday_key};

/// The country whose public holidays an office keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Country {
    Iran,
    Vietnam,
}

impl Country {
    /// ISO 3166-1 alpha-2 code: `IR`, `VN`.
    pub const fn code(self) -> &'static str {
        match self {
            Country::Iran => "IR",
            Country::Vietnam => "VN",
        }
    }
}

/// The office's weekly days off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekend {
    /// Iran: Friday.
    Friday,
    /// Iran, provinces whose offices also close on Thursdays.
    ThursdayFriday,
    /// Vietnam.
    SaturdaySunday,
}

impl Weekend {
    /// Whether `day` is a weekly day off.
    pub const fn contains(self, day: Weekday) -> bool {
        matches!(
            (self, day),
            (Weekend::Friday, Weekday::Fri)
                | (Weekend::ThursdayFriday, Weekday::Thu | Weekday::Fri)
                | (Weekend::SaturdaySunday, Weekday::Sat | Weekday::Sun)
        )
    }
}

/// A day off other than the weekend. `key` is a stable snake_case id for
/// translation (`nowruz`, `ashura`, `tet`, `reunification_day`,
/// `office_closure`…; every key is in [`HOLIDAY_KEYS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Holiday {
    pub key: &'static str,
    pub date: NaiveDate,
}

/// The working days of one office: its country's public holidays (computed, compiled
/// tables, and tables loaded at run time), its weekend and its own extra closures. A
/// value: built once from what is known, then asked about days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkCalendar {
    country: Country,
    weekend: Weekend,
    /// Shared: one set of loaded tables serves the calendars of every office of a country.
    loaded: Arc<tables::Loaded>,
    closures: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    fn new(country: Country, weekend: Weekend) -> Self {
        Self {
            country,
            weekend,
            loaded: Arc::default(),
            closures: BTreeSet::new(),
        }
    }

    /// An Iranian office closed on Fridays.
    pub fn iran() -> Self {
        Self::new(Country::Iran, Weekend::Friday)
    }

    /// An Iranian office in a province whose offices also close on Thursdays.
    pub fn iran_thursday_off() -> Self {
        Self::new(Country::Iran, Weekend::ThursdayFriday)
    }

    /// A Vietnamese office (state agencies work Monday to Friday, and on the
    /// Saturdays the government swaps for a day off).
    pub fn vietnam() -> Self {
        Self::new(Country::Vietnam, Weekend::SaturdaySunday)
    }

    /// The default calendar of a country by ISO code (`IR`, `VN`; case and
    /// surrounding spaces ignored). Iranian offices default to Friday only.
    pub fn for_country(code: &str) -> Option<Self> {
        Country::parse(code).map(Self::of)
    }

    /// The default calendar of `country` (Iranian offices closed on Fridays only).
    pub fn of(country: Country) -> Self {
        match country {
            Country::Iran => Self::iran(),
            Country::Vietnam => Self::vietnam(),
        }
    }

    /// The same calendar with `table` as the official calendar of table year `year` (see
    /// [`Country::table_year`]), in place of the compiled table of that year if there is
    /// one. Refused if a date of the table is outside the year.
    pub fn with_table(mut self, year: i32, table: YearTable) -> Result<Self, TableError> {
        Arc::make_mut(&mut self.loaded).insert(self.country, year, table)?;
        Ok(self)
    }

    /// The table years loaded at run time, in order.
    pub fn loaded_years(&self) -> Vec<i32> {
        self.loaded.years().collect()
    }

    /// The same calendar with the office's own extra closures (a provincial
    /// heat or pollution closure, a local mourning day…). They win over
    /// everything, including Saturdays Vietnamese offices work in exchange.
    pub fn with_closures(mut self, dates: impl IntoIterator<Item = NaiveDate>) -> Self {
        self.closures.extend(dates);
        self
    }

    pub fn country(&self) -> Country {
        self.country
    }

    pub fn weekend(&self) -> Weekend {
        self.weekend
    }

    /// Whether the office works on `d`.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.closures.contains(&d) || self.public_holiday(d).is_some() {
            return false;
        }
        !self.weekend.contains(d.weekday()) || self.is_swapped_working_day(d)
    }

    /// Why `d` is a day off, other than the weekend: a public holiday (Solar
    /// Hijri or fixed-date holidays first when two coincide) or an office
    /// closure. `None` on working days and plain weekends.
    pub fn holiday(&self, d: NaiveDate) -> Option<Holiday> {
        self.holidays_on(d).into_iter().next()
    }

    /// Every reason `d` is a day off, other than the weekend: in Iran a Solar
    /// Hijri holiday can coincide with a lunar one (13 Farvardin 1403 was also
    /// 21 Ramadan 1445).
    pub fn holidays_on(&self, d: NaiveDate) -> Vec<Holiday> {
        let keys = match self.country {
            Country::Iran => [iran::fixed_holiday(d), self.table_holiday(d)],
            Country::Vietnam => [self.table_holiday(d), None],
        };
        let closure = self.closures.contains(&d).then_some(keys::OFFICE_CLOSURE);
        let mut out: Vec<Holiday> = keys
            .into_iter()
            .chain([closure])
            .flatten()
            .map(|key| Holiday { key, date: d })
            .collect();
        // A loaded Iranian table may list a computed day again.
        out.dedup();
        out
    }

    /// The deadline `n` working days after `start` (`start` itself not
    /// counted). For `n = 0`, `start` if it is a working day, else the next
    /// working day.
    ///
    /// # Panics
    /// Only if the result would be past chrono's last date (year 262 143); see
    /// [`Self::checked_add_working_days`] for input that is not checked yet.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        self.checked_add_working_days(start, n)
            .expect("a deadline within chrono's date range (year 262 143)")
    }

    /// As [`Self::add_working_days`], or `None` if the deadline would fall past
    /// chrono's last date.
    pub fn checked_add_working_days(&self, start: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut day = start;
        if n == 0 {
            while !self.is_working_day(day) {
                day = day.succ_opt()?;
            }
            return Some(day);
        }
        let mut left = n;
        loop {
            day = day.succ_opt()?;
            if self.is_working_day(day) {
                left -= 1;
                if left == 0 {
                    return Some(day);
                }
            }
        }
    }

    /// The number of working days in (`from`, `to`]; negative (minus the
    /// working days in (`to`, `from`]) if `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        from.iter_days()
            .skip(1)
            .take_while(|day| *day <= to)
            .filter(|day| self.is_working_day(*day))
            .count() as i64
    }

    /// Whether the table-based holidays (Iran: lunar Hijri; Vietnam: Tết, Hùng
    /// Kings, the government's swaps) are known for `d`'s year: the Solar Hijri
    /// year in Iran, the Gregorian year in Vietnam. Where false, only
    /// computed holidays and the weekend apply and a deadline may be wrong.
    pub fn covered(&self, d: NaiveDate) -> bool {
        self.loaded.table_on(d).is_some()
            || match self.country {
                Country::Iran => iran_table::covers(d),
                Country::Vietnam => vietnam_table::covers(d.year()),
            }
    }

    /// The first public-holiday key of `d` (no allocation: the hot path of
    /// every deadline).
    fn public_holiday(&self, d: NaiveDate) -> Option<&'static str> {
        match self.country {
            Country::Iran => iran::fixed_holiday(d).or_else(|| self.table_holiday(d)),
            Country::Vietnam => self.table_holiday(d),
        }
    }

    /// The holiday of `d` in the table of its year: the loaded one if there is one, else
    /// the compiled one (Vietnam: outside the tables, the statutory fixed days).
    fn table_holiday(&self, d: NaiveDate) -> Option<&'static str> {
        match (self.loaded.table_on(d), self.country) {
            (Some(t), _) => t.days_off.get(&d).copied(),
            (None, Country::Iran) => iran::lunar_holiday(d),
            (None, Country::Vietnam) => vietnam::holiday(d),
        }
    }

    /// A weekend day the office works by government decision (Vietnam's
    /// "làm bù" Saturdays).
    fn is_swapped_working_day(&self, d: NaiveDate) -> bool {
        match self.loaded.table_on(d) {
            Some(t) => t.worked.contains(&d),
            None => self.country == Country::Vietnam && vietnam_table::is_swapped_working_day(d),
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_loaded;
#[cfg(test)]
mod tests_properties;
#[cfg(test)]
mod tests_tables;
