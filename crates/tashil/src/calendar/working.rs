//! The working calendars every deadline counts in, built from the compiled tables and what
//! the national administrator loaded: the one place a context asks for a deadline (the
//! desk's resolutions and licence steps). Each use asks the database which load is
//! in force (one query), so every node counts with a load at once; the tables are read
//! again only after a load (see benchmarks.md).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;
use tashil_text::workdays::{Country, WorkCalendar};

use super::store;
use crate::kernel::Stamped;

/// A deadline, and whether the official calendar of its year is known yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub date: NaiveDate,
    /// The calendar of the deadline's year is neither compiled nor loaded: it may move by a
    /// holiday once it is.
    pub provisional: bool,
}

/// The calendars of both countries and the closures of each province.
#[derive(Debug, Clone)]
pub struct Calendars {
    iran: WorkCalendar,
    vietnam: WorkCalendar,
    /// Closures declared for one province, by province code.
    provinces: BTreeMap<String, Vec<NaiveDate>>,
}

impl Calendars {
    /// The compiled tables alone (nothing loaded).
    pub fn compiled() -> Self {
        Calendars {
            iran: WorkCalendar::iran(),
            vietnam: WorkCalendar::vietnam(),
            provinces: BTreeMap::new(),
        }
    }

    fn from_stored(stored: store::Stored) -> Result<Self, DbErr> {
        let mut cals = Self::compiled();
        for ((code, year), y) in stored {
            let Some(country) = Country::parse(&code) else {
                return Err(DbErr::Custom(format!("unknown calendar country {code:?}")));
            };
            // Taken out and put back, so each year is added in place (no copy of the years
            // added before).
            let slot = match country {
                Country::Iran => &mut cals.iran,
                Country::Vietnam => &mut cals.vietnam,
            };
            let mut cal = std::mem::replace(slot, WorkCalendar::of(country));
            if let Some(t) = y.table {
                cal = cal
                    .with_table(year, t)
                    .map_err(|e| DbErr::Custom(format!("stored table {code} {year}: {e}")))?;
            }
            let (national, provincial): (Vec<_>, Vec<_>) =
                y.closures.into_iter().partition(|c| c.province.is_empty());
            *slot = cal.with_closures(national.into_iter().map(|c| c.date));
            for c in provincial {
                cals.provinces.entry(c.province).or_default().push(c.date);
            }
        }
        Ok(cals)
    }

    /// The calendar of `country` (`IR`, `VN`, or a province code; anything else counts as
    /// Iran's, the national body's), with its national closures.
    pub fn country(&self, country: &str) -> &WorkCalendar {
        // A province code names its country too.
        match Country::parse(country.get(..2).unwrap_or(country)) {
            Some(Country::Vietnam) => &self.vietnam,
            _ => &self.iran,
        }
    }

    /// The calendar of an office of `province` counting in `country`'s working days: the
    /// country's, and the province's own closures when the province is of that country (a
    /// national office has none: `province` empty).
    pub fn office(&self, country: &str, province: &str) -> WorkCalendar {
        let cal = self.country(country).clone();
        let own = self
            .provinces
            .get(province)
            .filter(|_| province.get(..2) == Some(cal.country().code()));
        match own {
            Some(days) => cal.with_closures(days.iter().copied()),
            None => cal,
        }
    }

    /// The day by which `days` working days after `start` have passed for an office of
    /// `province` in `country`; `None` past the span of the calendars
    /// (`kernel::plausible_date`).
    pub fn deadline(
        &self,
        country: &str,
        province: &str,
        start: NaiveDate,
        days: u32,
    ) -> Option<Deadline> {
        let cal = self.office(country, province);
        let date = cal.checked_add_working_days(start, days)?;
        let date = crate::kernel::plausible_date(date).ok()?;
        Some(Deadline {
            date,
            provisional: !cal.covered(date),
        })
    }

    /// Whether a deadline on `date` in `country` is provisional (its year's official
    /// calendar is neither compiled nor loaded).
    pub fn provisional(&self, country: &str, date: NaiveDate) -> bool {
        !self.country(country).covered(date)
    }
}

/// Calendars built before, by the token of the load they reflect (`kernel::Stamped`): only a
/// load writes a token, so a load through any node changes the token every node reads next.
/// Eight are kept: one per database a process serves, in practice.
static BUILT: Stamped<String, Calendars> = Stamped::new(8);

/// The calendars as they stand in the database now: one query for the token of the last
/// load, and the tables read again only when it changed.
pub async fn calendars<C: ConnectionTrait>(db: &C) -> Result<Arc<Calendars>, DbErr> {
    let token = store::token(db).await?;
    BUILT
        .get_or_build(token, || async {
            Calendars::from_stored(store::all(db).await?)
        })
        .await
}
