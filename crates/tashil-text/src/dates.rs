//! Dates: Solar Hijri conversion, formatting per UI language, tolerant parsing
//! of typed and imported dates, Excel serial numbers.
//!
//! Persian users read Solar Hijri dates ("28 Shahrivar 1402" is 19 September
//! 2023); Vietnamese and English users read Gregorian dates (`docs/domain.md`,
//! "Calendars and working days"). The stored type is always a Gregorian
//! [`NaiveDate`]; the Solar Hijri calendar is ICU4X's Persian calendar, which
//! agrees with persiantools on every day 1925–2125 (checked when it was chosen).
//!
//! Lunar Hijri dates are never computed (lunar reckonings differ by a day).

mod excel;
mod parse;

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use icu::calendar::cal::Persian;
use icu::calendar::types::RataDie;
use icu::calendar::{Date, Iso};
use icu::datetime::DateTimeFormatter;
use icu::datetime::fieldsets::YMD;
use icu::locale::locale;

use crate::digits::to_persian_digits;
use crate::lang::Lang;

pub use excel::excel_serial_to_date;
pub use parse::parse_date;

/// Why a text is not a date. `code()` is stable for translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Nothing left after removing spaces and invisible marks.
    #[error("the date is empty")]
    Empty,
    /// Not three numbers in one of the accepted orders.
    #[error("not a date in a recognised format (e.g. 2023-09-19, 19/09/2023, 1402/06/28)")]
    Unrecognised,
    /// The year is neither Solar Hijri (1200–1499) nor Gregorian (1800–2200),
    /// or has two digits.
    #[error("the year {0} is not a four-digit Solar Hijri or Gregorian year")]
    YearOutOfRange(i32),
    /// A month or day that does not exist in that calendar (1402/12/30, 2023-02-29).
    #[error("this day does not exist in the calendar")]
    NoSuchDay,
}

impl DateError {
    /// Stable snake_case code for translation and API responses.
    pub const fn code(&self) -> &'static str {
        match self {
            DateError::Empty => "date_empty",
            DateError::Unrecognised => "date_unrecognised",
            DateError::YearOutOfRange(_) => "date_year_out_of_range",
            DateError::NoSuchDay => "date_no_such_day",
        }
    }
}

/// chrono counts days from 0001-01-01 = 1, which is exactly the rata die.
fn rata_die(date: NaiveDate) -> RataDie {
    RataDie::new(i64::from(date.num_days_from_ce()))
}

fn from_rata_die(rd: RataDie) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(rd.to_i64_date()).ok()?)
}

/// The Solar Hijri (year, month 1–12, day) of a Gregorian date.
///
/// Goes through the rata die (day count), which ICU4X accepts for every date
/// chrono can hold, so this cannot fail.
pub fn to_solar_hijri(date: NaiveDate) -> (i32, u8, u8) {
    let p = Date::from_rata_die(rata_die(date), Persian);
    (p.era_year().year, p.month().ordinal, p.day_of_month().0)
}

/// The Gregorian date of a Solar Hijri date; `None` if that day does not exist
/// (month 13, Esfand 30 in a common year such as 1402, Mehr 31) or the year is
/// outside ICU4X's constructor range (−9999…9999).
pub fn from_solar_hijri(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    let p = Date::try_new_persian(year, month, day).ok()?;
    from_rata_die(p.to_rata_die())
}

/// One long-date formatter per language, built once: construction loads
/// locale data and is far costlier than formatting.
static LONG: LazyLock<[DateTimeFormatter<YMD>; 3]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        let prefs = match lang {
            Lang::Fa => locale!("fa"),
            Lang::Vi => locale!("vi"),
            Lang::En => locale!("en"),
        };
        DateTimeFormatter::try_new(prefs.into(), YMD::long())
            .expect("compiled ICU4X data includes fa, vi and en date patterns")
    })
});

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fa => 0,
        Lang::Vi => 1,
        Lang::En => 2,
    }
}

/// The long date a reader of `lang` expects, by ICU4X (CLDR patterns):
/// fa «۲۸ شهریور ۱۴۰۲» (Solar Hijri, Persian digits: plain `fa` selects both),
/// vi «19 tháng 9 2023», en «September 19, 2023».
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    let iso = Date::from_rata_die(rata_die(date), Iso);
    LONG[lang_index(lang)].format(&iso).to_string()
}

/// A compact numeric date, zero-padded and year-first or day-first as each
/// audience writes it: fa «۱۴۰۲/۰۶/۲۸» (Solar Hijri), vi `19/09/2023`,
/// en `2023-09-19` (ISO 8601: CLDR's `9/19/23` would be misread as day-first
/// by [`parse_date`] and by Iranian and Vietnamese readers).
pub fn format_date_short(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fa => {
            let (y, m, d) = to_solar_hijri(date);
            to_persian_digits(&format!("{y:04}/{m:02}/{d:02}"))
        }
        Lang::Vi => format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year()),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests;
