//! The national administrator loads and exports the working calendar. A load is all or
//! nothing: every row checked first, then one transaction replaces the years the file
//! names, audits the change once (before and after of those years), and counts the open
//! deadlines again in the new calendar (each moved one audited by its context).

use std::collections::BTreeSet;

use sea_orm::{DatabaseConnection, DbErr};
use serde::Serialize;
use serde_json::{Value, json};
use tashil_sheets::ReadOptions;
use tashil_text::workdays::Country;

use super::model::{self, CalendarRow, Load};
use super::store::{self, Stored, StoredYear};
use crate::access::calendar as rules;
use crate::access::{Actor, Denied};
use crate::audit::{self, Change};
use crate::kernel::import::ImportReport;

#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// What a load did: the import report (rows taken, or every problem by row), the years it
/// replaced (`IR-1406`, `VN-2027`) and how many open deadlines moved.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct LoadReport {
    #[serde(flatten)]
    pub report: ImportReport,
    pub years: Vec<String>,
    pub deadlines_moved: usize,
}

/// Loads a calendar file (CSV, XLSX or JSON rows; see `docs/domain.md`, "Loading the
/// calendar"). Nothing is written unless every row is good.
pub async fn load(
    db: &DatabaseConnection,
    actor: &Actor,
    file_name: &str,
    bytes: &[u8],
    opts: &ReadOptions,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<LoadReport, CalendarError> {
    rules::authorize_manage(actor)?;
    let mut out = LoadReport::default();
    let read = match super::read::rows(file_name, bytes, opts) {
        Ok(r) => r,
        Err(issues) => {
            out.report.errors = issues;
            return Ok(out);
        }
    };
    let load = match model::check(&read.rows) {
        Ok(l) => l,
        Err(issues) => {
            out.report.errors = issues.into_iter().map(|i| read.locate(i)).collect();
            return Ok(out);
        }
    };
    let txn = crate::db::begin_write(db).await?;
    let before = store::all(&txn).await?;
    let partial = model::partial_tables(&load, |code, year| {
        let stored = before
            .get(&(code.to_string(), year))
            .and_then(|y| y.table.clone());
        stored.or_else(|| Country::parse(code)?.compiled_table(year))
    });
    if !partial.is_empty() {
        // Dropping the transaction rolls it back: nothing was written.
        out.report.errors = partial.into_iter().map(|i| read.locate(i)).collect();
        return Ok(out);
    }
    for ((code, year), y) in &load {
        if let Some(t) = &y.table {
            let country = Country::parse(code).expect("checked");
            // The compiled table given back unchanged is not stored: a later release's
            // correction of that year then applies.
            let keep = (country.compiled_table(*year).as_ref() != Some(t)).then_some(t);
            store::set_table(&txn, code, *year, keep).await?;
        }
        store::set_closures(&txn, code, *year, &y.closures).await?;
    }
    store::stamp(&txn).await?;
    let after = store::all(&txn).await?;
    out.years = load.keys().map(|(c, y)| format!("{c}-{y}")).collect();
    audit::record(
        &txn,
        Change::by(actor, "calendar.load", "calendar", out.years.join(" "))
            .before(years_json(&before, &load))
            .after(years_json(&after, &load)),
    )
    .await?;
    let cals = super::working::calendars(&txn).await?;
    // Every context whose deadlines count working days counts its open ones again.
    out.deadlines_moved = crate::facilitation::recount_deadlines(&txn, actor, &cals, now).await?
        + crate::licensing::recount_deadlines(&txn, actor, &cals).await?;
    txn.commit().await?;
    out.report.imported = read.rows.len();
    Ok(out)
}

/// The years of `load` as stored in `stored`: each table (`null` where none is loaded) and
/// its closures.
fn years_json(stored: &Stored, load: &Load) -> Value {
    let mut out = serde_json::Map::new();
    for (code, year) in load.keys() {
        let y = stored
            .get(&(code.to_string(), *year))
            .cloned()
            .unwrap_or_default();
        let country = Country::parse(code).expect("checked");
        let table = y.table.as_ref().map(|t| model::table_rows(country, t));
        out.insert(
            format!("{code}-{year}"),
            json!({"table": table, "closures": y.closures}),
        );
    }
    Value::Object(out)
}

/// Every table year in force and every closure, in the file's shape: for each country and
/// year compiled or loaded, its table (the loaded one where there is one), then its
/// closures. Loading it back changes nothing.
pub async fn export<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<Vec<CalendarRow>, CalendarError> {
    rules::authorize_manage(actor)?;
    let stored = store::all(db).await?;
    let mut rows = vec![];
    for country in [Country::Iran, Country::Vietnam] {
        for (year, y) in years_of(country, &stored) {
            let table = y
                .table
                .clone()
                .or_else(|| country.compiled_table(year))
                .unwrap_or_default();
            rows.extend(model::table_rows(country, &table));
            rows.extend(y.closures.iter().map(|c| model::closure_row(country, c)));
        }
    }
    Ok(rows)
}

/// Every table year of `country` compiled or stored, in order, with what is stored of it.
fn years_of(country: Country, stored: &Stored) -> Vec<(i32, StoredYear)> {
    let mut years: BTreeSet<i32> = country.compiled_years().collect();
    years.extend(
        stored
            .keys()
            .filter(|(c, _)| c == country.code())
            .map(|(_, y)| *y),
    );
    years
        .into_iter()
        .map(|y| {
            let s = stored
                .get(&(country.code().to_string(), y))
                .cloned()
                .unwrap_or_default();
            (y, s)
        })
        .collect()
}

/// One country's table year as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct YearSummary {
    pub country: &'static str,
    pub year: i32,
    /// `compiled`, `loaded`, or `none` (closures only, the year provisional).
    pub source: &'static str,
    pub days_off: usize,
    pub worked: usize,
    pub closures: Vec<model::Closure>,
}

/// Every country's table years, for the administrator's page.
pub async fn overview<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
) -> Result<Vec<YearSummary>, CalendarError> {
    rules::authorize_manage(actor)?;
    let stored = store::all(db).await?;
    let mut out = vec![];
    for country in [Country::Iran, Country::Vietnam] {
        for (year, y) in years_of(country, &stored) {
            let compiled = country.compiled_table(year);
            let (source, table) = match (&y.table, compiled) {
                (Some(t), _) => ("loaded", Some(t.clone())),
                (None, Some(t)) => ("compiled", Some(t)),
                (None, None) => ("none", None),
            };
            let table = table.unwrap_or_default();
            out.push(YearSummary {
                country: country.code(),
                year,
                source,
                days_off: table.days_off.len(),
                worked: table.worked.len(),
                closures: y.closures,
            });
        }
    }
    Ok(out)
}
