//! A year's holiday table as a value: the compiled tables of `iran_table.rs` and
//! `vietnam_table.rs` read out year by year, and the tables an administrator loads at run
//! time, which replace the compiled one of their year (so a new year's official calendar
//! needs no release).
//!
//! A table's year is the year the official calendar is published for: the Solar Hijri year
//! in Iran (1 Farvardin to 29 or 30 Esfand), the Gregorian year in Vietnam. What a table
//! holds is what the compiled table of that country holds, no more:
//! - Iran: the days off not computed from the Solar Hijri calendar (the lunar holidays, and
//!   any other the official calendar adds); Nowruz and the other fixed days are computed for
//!   every year whatever the table says.
//! - Vietnam: every day off of the year (the fixed-date days too: the government arranges
//!   their substitutes each year) and the Saturdays worked in exchange.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::keys::HOLIDAY_KEYS;
use super::{Country, iran_table, vietnam_table};
use crate::dates::{from_solar_hijri, to_solar_hijri};

/// The days off and the weekend days worked of one country's year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearTable {
    /// Each day off with its holiday key (one of [`HOLIDAY_KEYS`]).
    pub days_off: BTreeMap<NaiveDate, &'static str>,
    /// Weekend days the offices work (Vietnam's "làm bù" Saturdays).
    pub worked: BTreeSet<NaiveDate>,
}

impl YearTable {
    pub fn is_empty(&self) -> bool {
        self.days_off.is_empty() && self.worked.is_empty()
    }
}

/// Why a table cannot be taken for a year.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("{0} is not in the table's year")]
    OutsideYear(NaiveDate),
    #[error("the year has no dates chrono can hold")]
    NoSuchYear,
}

impl TableError {
    pub const fn code(&self) -> &'static str {
        match self {
            TableError::OutsideYear(_) => "date_outside_year",
            TableError::NoSuchYear => "date_year_out_of_range",
        }
    }
}

/// The interned key of a holiday, if `key` is one (so a loaded table's keys stay
/// `&'static str`, like the compiled ones, and every one has a translation).
pub fn holiday_key(key: &str) -> Option<&'static str> {
    HOLIDAY_KEYS.iter().copied().find(|k| *k == key)
}

impl Country {
    /// The year of the official calendar `d` belongs to: Solar Hijri in Iran, Gregorian in
    /// Vietnam.
    pub fn table_year(self, d: NaiveDate) -> i32 {
        match self {
            Country::Iran => to_solar_hijri(d).0,
            Country::Vietnam => d.year(),
        }
    }

    /// The first and last day of table year `year`; `None` past chrono's range.
    pub fn year_span(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Country::Iran => {
                let first = from_solar_hijri(year, 1, 1)?;
                let next = from_solar_hijri(year.checked_add(1)?, 1, 1)?;
                Some((first, next.pred_opt()?))
            }
            Country::Vietnam => Some((
                NaiveDate::from_ymd_opt(year, 1, 1)?,
                NaiveDate::from_ymd_opt(year, 12, 31)?,
            )),
        }
    }

    /// By ISO code (`IR`, `VN`; case and surrounding spaces ignored).
    pub fn parse(code: &str) -> Option<Country> {
        match code.trim().to_ascii_uppercase().as_str() {
            "IR" => Some(Country::Iran),
            "VN" => Some(Country::Vietnam),
            _ => None,
        }
    }

    /// The table years compiled into this crate.
    pub fn compiled_years(self) -> std::ops::RangeInclusive<i32> {
        match self {
            Country::Iran => {
                to_solar_hijri(iran_table::FIRST).0..=to_solar_hijri(iran_table::LAST).0
            }
            Country::Vietnam => vietnam_table::FIRST_YEAR..=vietnam_table::LAST_YEAR,
        }
    }

    /// The days off the law fixes by date in table year `year` that a table must list: in
    /// Vietnam the fixed-date holidays (a Vietnamese table is the whole year); none in Iran,
    /// whose fixed days are computed whatever the table says.
    pub fn statutory_days_off(self, year: i32) -> Vec<NaiveDate> {
        match self {
            Country::Iran => vec![],
            Country::Vietnam => super::vietnam::FIXED
                .iter()
                .filter(|f| year >= f.4)
                .filter_map(|&(month, day, ..)| NaiveDate::from_ymd_opt(year, month, day))
                .collect(),
        }
    }

    /// The compiled table of `year`, if the crate has one.
    pub fn compiled_table(self, year: i32) -> Option<YearTable> {
        if !self.compiled_years().contains(&year) {
            return None;
        }
        let (first, last) = self.year_span(year)?;
        let within = |d: &NaiveDate| (first..=last).contains(d);
        let mut table = YearTable::default();
        match self {
            Country::Iran => {
                table.days_off.extend(
                    iran_table::LUNAR_HOLIDAYS
                        .iter()
                        .filter(|(d, _)| within(d))
                        .copied(),
                );
            }
            Country::Vietnam => {
                for &(from, to) in vietnam_table::TET_BREAKS {
                    for d in from.iter_days().take_while(|d| *d <= to).filter(within) {
                        table.days_off.insert(d, super::keys::TET);
                    }
                }
                table.days_off.extend(
                    vietnam_table::DAYS_OFF
                        .iter()
                        .filter(|(d, _)| within(d))
                        .copied(),
                );
                table.worked.extend(
                    vietnam_table::SWAPPED_WORKING_DAYS
                        .iter()
                        .filter(|d| within(d))
                        .copied(),
                );
            }
        }
        Some(table)
    }
}

/// The loaded tables of one country, by their first day, for a lookup by date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Loaded {
    by_first_day: BTreeMap<NaiveDate, (i32, NaiveDate, YearTable)>,
}

impl Loaded {
    pub(super) fn insert(
        &mut self,
        country: Country,
        year: i32,
        table: YearTable,
    ) -> Result<(), TableError> {
        let (first, last) = country.year_span(year).ok_or(TableError::NoSuchYear)?;
        let outside = table
            .days_off
            .keys()
            .chain(table.worked.iter())
            .find(|d| !(first..=last).contains(*d));
        if let Some(d) = outside {
            return Err(TableError::OutsideYear(*d));
        }
        self.by_first_day.insert(first, (year, last, table));
        Ok(())
    }

    /// The loaded table of the year `d` falls in, if any.
    pub(super) fn table_on(&self, d: NaiveDate) -> Option<&YearTable> {
        if self.by_first_day.is_empty() {
            return None;
        }
        let (_, (_, last, table)) = self.by_first_day.range(..=d).next_back()?;
        (d <= *last).then_some(table)
    }

    /// The years loaded, in order.
    pub(super) fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.by_first_day.values().map(|(year, _, _)| *year)
    }
}
