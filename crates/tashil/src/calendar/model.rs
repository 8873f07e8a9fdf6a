//! A calendar file's rows and their rules (no HTTP, no SQL): each row a holiday, a weekend
//! day worked, or a declared closure, checked completely and grouped by country and table
//! year, the unit a load replaces (`docs/domain.md`, "Calendars and working days").

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use tashil_text::workdays::{Country, YearTable, holiday_key};

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
    /// The file's first row of the year's table, for the report.
    pub first_table_row: usize,
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
        let table = entry.table.get_or_insert_with(|| {
            entry.first_table_row = n;
            YearTable::default()
        });
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
        issues = missing_statutory_days(&load);
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

/// The years whose table in the file lists fewer than half the days off of the table in
/// force (`in_force`: the loaded one, else the compiled one): a table replaces the whole
/// year, so such a file is taken for a part of a year sent alone (a holiday added without
/// the rest of the year) and refused at the year's first row.
pub fn partial_tables(
    load: &Load,
    in_force: impl Fn(&str, i32) -> Option<YearTable>,
) -> Vec<Issue> {
    let mut out = vec![];
    for ((code, year), y) in load {
        let (Some(new), Some(old)) = (&y.table, in_force(code, *year)) else {
            continue;
        };
        if new.days_off.len() * 2 < old.days_off.len() {
            let mut i = issue(y.first_table_row, "date", "partial_table");
            i.detail = Some(format!(
                "{code}-{year}: {} / {}",
                new.days_off.len(),
                old.days_off.len()
            ));
            out.push(i);
        }
    }
    out
}

/// The years whose table in the file leaves out a day off the law fixes by date (in
/// Vietnam, where a table is the whole year: 1 January, 30 April, 1 May, 2 September,
/// 24 November from 2026), refused at the year's first row with the day missing.
pub fn missing_statutory_days(load: &Load) -> Vec<Issue> {
    let mut out = vec![];
    for ((code, year), y) in load {
        let (Some(t), Some(country)) = (&y.table, Country::parse(code)) else {
            continue;
        };
        for d in country.statutory_days_off(*year) {
            if !t.days_off.contains_key(&d) {
                let mut i = issue(y.first_table_row, "date", "statutory_day_missing");
                i.detail = Some(d.to_string());
                out.push(i);
            }
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(country: &str, date: &str, kind: &str, holiday: &str) -> CalendarRow {
        CalendarRow {
            country: country.into(),
            date: date.into(),
            kind: kind.into(),
            holiday: holiday.into(),
            ..Default::default()
        }
    }

    fn codes(rows: &[CalendarRow]) -> Vec<(usize, String, String)> {
        let numbered: Vec<_> = rows
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, r)| (i + 2, r))
            .collect();
        match check(&numbered) {
            Ok(_) => vec![],
            Err(issues) => issues
                .into_iter()
                .map(|i| (i.row, i.header.unwrap_or_default(), i.code))
                .collect(),
        }
    }

    #[test]
    fn rows_group_by_country_and_table_year() {
        let rows = [
            (2, row("IR", "1406/01/17", HOLIDAY, "ashura")),
            (3, row("ir", "۱۴۰۵/۱۲/۲۹", HOLIDAY, "tasua")),
            (4, {
                let mut r = row("VN", "2027-02-06", CLOSURE, "");
                r.province = "vn-hn".into();
                r.reason_vi = "Ô nhiễm không khí".into();
                r
            }),
        ];
        let load = check(&rows).unwrap();
        let keys: Vec<_> = load.keys().copied().collect();
        assert_eq!(keys, [("IR", 1405), ("IR", 1406), ("VN", 2027)]);
        assert_eq!(load[&("IR", 1406)].first_table_row, 2);
        let vn = &load[&("VN", 2027)];
        assert_eq!(vn.table, None, "closures alone leave the table as it is");
        assert_eq!(vn.closures[0].province, "VN-HN");
    }

    #[test]
    fn each_problem_is_named_by_row_and_field() {
        let mut closure = row("IR", "2026-12-15", CLOSURE, "");
        closure.province = "VN-HN".into();
        let mut holiday_with_reason = row("VN", "2027-02-05", HOLIDAY, "tet");
        holiday_with_reason.reason_en = "Tết".into();
        assert_eq!(
            codes(&[
                row("FR", "2027-01-01", HOLIDAY, "new_year"),
                row("IR", "1406/13/01", HOLIDAY, "ashura"),
                row("IR", "2027-04-06", "feast", ""),
                row("IR", "2027-04-06", HOLIDAY, "office_closure"),
                row("VN", "2027-02-10", WORKING_DAY, ""),
                closure,
                holiday_with_reason,
                row("VN", "2027-02-08", HOLIDAY, "tet"),
                row("VN", "2027-02-08", HOLIDAY, "tet"),
            ]),
            [
                (2, "country".into(), "unknown_country".into()),
                (3, "date".into(), "invalid_date".into()),
                (4, "kind".into(), "invalid_choice".into()),
                (5, "holiday".into(), "unknown_holiday".into()),
                (6, "date".into(), "not_a_weekend_day".into()),
                (7, "province".into(), "unknown_province".into()),
                (7, "reason_fa".into(), "required".into()),
                (8, "reason_en".into(), "not_for_kind".into()),
                (10, "date".into(), "duplicate_day".into()),
            ]
        );
        assert_eq!(codes(&[]), [(0, String::new(), "empty".into())]);
    }

    #[test]
    fn a_vietnamese_year_must_list_the_days_the_law_fixes() {
        let mut rows: Vec<_> = ["2027-01-01", "2027-04-30", "2027-05-01", "2027-09-02"]
            .iter()
            .enumerate()
            .map(|(i, d)| (i + 2, row("VN", d, HOLIDAY, "new_year")))
            .collect();
        let issues = check(&rows).unwrap_err();
        assert_eq!(issues.len(), 1);
        assert_eq!(
            (issues[0].row, issues[0].code.as_str()),
            (2, "statutory_day_missing")
        );
        assert_eq!(issues[0].detail.as_deref(), Some("2027-11-24"));
        rows.push((6, row("VN", "2027-11-24", HOLIDAY, "culture_day")));
        assert!(check(&rows).is_ok());
    }

    #[test]
    fn a_year_sent_in_part_is_refused_at_its_first_row() {
        let rows = [(5, row("IR", "2026-12-15", HOLIDAY, "ashura"))];
        let load = check(&rows).unwrap();
        let compiled = |code: &str, year| Country::parse(code)?.compiled_table(year);
        let issues = partial_tables(&load, compiled);
        assert_eq!(issues.len(), 1);
        assert_eq!(
            (issues[0].row, issues[0].code.as_str()),
            (5, "partial_table")
        );
        assert_eq!(issues[0].detail.as_deref(), Some("IR-1405: 1 / 19"));
        // A year no table covers takes any table.
        let rows = [(2, row("IR", "1406/01/17", HOLIDAY, "ashura"))];
        assert!(partial_tables(&check(&rows).unwrap(), compiled).is_empty());
    }
}
