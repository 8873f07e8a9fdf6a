//! A calendar file's rows and their rules (no HTTP, no SQL): each row a holiday, a weekend
//! day worked, or a declared closure, checked completely and grouped by country and table
//! year, the unit a load replaces (`docs/domain.md`, "Calendars and working days").

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use tashil_text::workdays::{Country, HOLIDAY_KEYS, YearTable, holiday_key};

use crate::kernel::import::Issue;

/// One row of a calendar file: a CSV or XLSX row under these headers, or a JSON object
/// with these fields. Exported in the same shape, so an export loads back unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CalendarRow {
    /// `IR` or `VN`.
    pub country: String,
    /// The day: `2027-03-21`, or Solar Hijri `1406/01/01` (any digits).
    pub date: String,
    /// `holiday`, `working_day` (a weekend day worked) or `closure`.
    pub kind: String,
    /// A holiday's key (`tet`, `ashura`, …), for `holiday` rows.
    #[serde(default)]
    pub holiday: String,
    /// A closure's province (`IR-26`); empty for the whole country.
    #[serde(default)]
    pub province: String,
    /// A closure's reason in Persian (required for a closure in Iran).
    #[serde(default)]
    pub reason_fa: String,
    /// The reason in Vietnamese (required for a closure in Vietnam).
    #[serde(default)]
    pub reason_vi: String,
    /// The reason in English.
    #[serde(default)]
    pub reason_en: String,
}

/// The columns of a calendar sheet, in the order the export writes them.
pub const COLUMNS: [&str; 8] = [
    "country",
    "date",
    "kind",
    "holiday",
    "province",
    "reason_fa",
    "reason_vi",
    "reason_en",
];

pub const HOLIDAY: &str = "holiday";
pub const WORKING_DAY: &str = "working_day";
pub const CLOSURE: &str = "closure";

/// A closure's reason is at most this many characters in each language.
pub const MAX_REASON: usize = 300;

/// A declared closure: one day off for a whole country or one of its provinces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closure {
    pub date: NaiveDate,
    /// Empty for the whole country.
    pub province: String,
    pub reason_fa: String,
    pub reason_vi: String,
    pub reason_en: String,
}

/// What a file says of one country's table year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearLoad {
    /// The year's table; `None` when the file has no holiday or working-day row for the
    /// year (the year's table is then left as it is).
    pub table: Option<YearTable>,
    /// The year's closures: they replace the year's closures, so none lifts them all.
    pub closures: Vec<Closure>,
}

/// A checked file: by country (`IR`, `VN`) and table year.
pub type Load = BTreeMap<(&'static str, i32), YearLoad>;

/// A problem at row `row` in field `field` (the reader turns the field into its column).
fn issue(row: usize, field: &str, code: &str) -> Issue {
    Issue {
        row,
        column: None,
        header: (!field.is_empty()).then(|| field.to_string()),
        code: code.to_string(),
        detail: None,
    }
}

/// The keys a `holiday` row may carry (every holiday key but the office closure, which a
/// `closure` row declares).
pub fn holiday_keys() -> impl Iterator<Item = &'static str> {
    HOLIDAY_KEYS
        .iter()
        .copied()
        .filter(|k| *k != "office_closure")
}

/// Checks every row; the load, or every problem found (row, field, code). Nothing is kept
/// of a file with one problem.
pub fn check(rows: &[(usize, CalendarRow)]) -> Result<Load, Vec<Issue>> {
    let mut issues = vec![];
    let mut load = Load::new();
    // The first row of each (country, day) of a table, and of each closure.
    let mut days: BTreeMap<(&str, NaiveDate), usize> = BTreeMap::new();
    let mut closures: BTreeMap<(&str, String, NaiveDate), usize> = BTreeMap::new();
    for (n, row) in rows {
        let n = *n;
        let before = issues.len();
        let country = Country::parse(&row.country);
        if country.is_none() {
            issues.push(issue(n, "country", "unknown_country"));
        }
        let date = match tashil_text::parse_date(&row.date) {
            Ok(d) if crate::kernel::plausible_date(d).is_ok() => Some(d),
            Ok(_) => {
                issues.push(issue(n, "date", "date_out_of_range"));
                None
            }
            Err(_) => {
                issues.push(issue(n, "date", "invalid_date"));
                None
            }
        };
        let kind = row.kind.trim().to_ascii_lowercase();
        let not_for_kind = |field: &'static str, value: &str, issues: &mut Vec<Issue>| {
            if !value.trim().is_empty() {
                issues.push(issue(n, field, "not_for_kind"));
            }
        };
        match kind.as_str() {
            HOLIDAY | WORKING_DAY => {
                not_for_kind("province", &row.province, &mut issues);
                for (f, v) in [
                    ("reason_fa", &row.reason_fa),
                    ("reason_vi", &row.reason_vi),
                    ("reason_en", &row.reason_en),
                ] {
                    not_for_kind(f, v, &mut issues);
                }
            }
            CLOSURE => not_for_kind("holiday", &row.holiday, &mut issues),
            _ => issues.push(issue(n, "kind", "invalid_choice")),
        }
        let key = if kind == HOLIDAY {
            let k = row.holiday.trim();
            match holiday_key(k).filter(|k| *k != "office_closure") {
                Some(k) => Some(k),
                None if k.is_empty() => {
                    issues.push(issue(n, "holiday", "required"));
                    None
                }
                None => {
                    issues.push(issue(n, "holiday", "unknown_holiday"));
                    None
                }
            }
        } else {
            if kind == WORKING_DAY {
                not_for_kind("holiday", &row.holiday, &mut issues);
            }
            None
        };
        let (Some(country), Some(date)) = (country, date) else {
            continue;
        };
        let code = country.code();
        if kind == WORKING_DAY
            && !tashil_text::workdays::WorkCalendar::of(country)
                .weekend()
                .contains(date.weekday())
        {
            issues.push(issue(n, "date", "not_a_weekend_day"));
        }
        let closure = if kind == CLOSURE {
            closure_of(n, row, country, date, &mut issues)
        } else {
            None
        };
        if issues.len() > before {
            continue;
        }
        let year = country.table_year(date);
        let entry = load.entry((code, year)).or_default();
        if let Some(c) = closure {
            if let Some(first) = closures.insert((code, c.province.clone(), date), n) {
                issues.push(duplicate(n, first));
                continue;
            }
            entry.closures.push(c);
            continue;
        }
        if let Some(first) = days.insert((code, date), n) {
            issues.push(duplicate(n, first));
            continue;
        }
        let table = entry.table.get_or_insert_with(YearTable::default);
        match key {
            Some(k) => {
                table.days_off.insert(date, k);
            }
            None => {
                table.worked.insert(date);
            }
        }
    }
    if rows.is_empty() {
        issues.push(issue(0, "", "empty"));
    }
    if issues.is_empty() {
        Ok(load)
    } else {
        Err(issues)
    }
}

/// Row `n` repeats the day of row `first`.
fn duplicate(n: usize, first: usize) -> Issue {
    let mut i = issue(n, "date", "duplicate_day");
    i.detail = Some(first.to_string());
    i
}

/// A closure row's province (of the row's country, or none) and reasons.
fn closure_of(
    n: usize,
    row: &CalendarRow,
    country: Country,
    date: NaiveDate,
    issues: &mut Vec<Issue>,
) -> Option<Closure> {
    let before = issues.len();
    let province = match row.province.trim() {
        "" => String::new(),
        code => match tashil_reference::provinces::province(code) {
            Some(p) if p.code.starts_with(country.code()) => p.code.to_string(),
            _ => {
                issues.push(issue(n, "province", "unknown_province"));
                String::new()
            }
        },
    };
    let own = match country {
        Country::Iran => "reason_fa",
        Country::Vietnam => "reason_vi",
    };
    let mut reason = |field: &'static str, raw: &str| {
        let bounded = if field == own {
            crate::kernel::bounded(field, raw, MAX_REASON)
        } else {
            crate::kernel::bounded_optional(field, raw, MAX_REASON)
        };
        bounded.unwrap_or_else(|e| {
            issues.push(issue(n, field, e.code));
            String::new()
        })
    };
    let closure = Closure {
        date,
        province,
        reason_fa: reason("reason_fa", &row.reason_fa),
        reason_vi: reason("reason_vi", &row.reason_vi),
        reason_en: reason("reason_en", &row.reason_en),
    };
    (issues.len() == before).then_some(closure)
}

/// The rows of a country's table year, in the file's shape: days off, then weekend days
/// worked, each in date order.
pub fn table_rows(country: Country, table: &YearTable) -> Vec<CalendarRow> {
    let day_off = table.days_off.iter().map(|(d, k)| CalendarRow {
        country: country.code().into(),
        date: d.to_string(),
        kind: HOLIDAY.into(),
        holiday: (*k).into(),
        ..Default::default()
    });
    let worked = table.worked.iter().map(|d| CalendarRow {
        country: country.code().into(),
        date: d.to_string(),
        kind: WORKING_DAY.into(),
        ..Default::default()
    });
    day_off.chain(worked).collect()
}

/// A closure in the file's shape.
pub fn closure_row(country: Country, c: &Closure) -> CalendarRow {
    CalendarRow {
        country: country.code().into(),
        date: c.date.to_string(),
        kind: CLOSURE.into(),
        province: c.province.clone(),
        reason_fa: c.reason_fa.clone(),
        reason_vi: c.reason_vi.clone(),
        reason_en: c.reason_en.clone(),
        ..Default::default()
    }
}
