//! Reading the lead-time figures: per month of the country's calendar for one permit type
//! or all of a country's, one province or the whole country, over at most ten years. Reads
//! only the kept counts, never the applications, so it costs the same at a million licences.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use super::entity::permit_type;
use super::error::LicensingError;
use super::model::lead_time::{
    Counts, Figures, Histogram, month_of, months_between, next_month, plausible_month,
};
use crate::kernel::FieldError;
use crate::kernel::clock;

/// The longest span one request reads (ten years of months).
pub const MAX_MONTHS: i64 = 120;

#[derive(Debug, Default, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LeadTimeQuery {
    /// A permit type's code; all of the country's types when absent.
    #[serde(default)]
    pub permit_type: Option<String>,
    /// A province code (`IR-26`); the whole country when absent.
    #[serde(default)]
    pub province: Option<String>,
    /// `IR` or `VN` when neither a type nor a province says; `IR` by default.
    #[serde(default)]
    pub country: Option<String>,
    /// First month, `yyyymm` in the country's calendar (1405-01 is `140501`); twelve months
    /// before `to` when absent.
    #[serde(default)]
    pub from: Option<i32>,
    /// Last month, `yyyymm`; this month when absent.
    #[serde(default)]
    pub to: Option<i32>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LeadTimes {
    pub country: String,
    pub permit_type: Option<String>,
    pub province: Option<String>,
    pub from: i32,
    pub to: i32,
    /// Every month of the span, oldest first (months without applications show zeros).
    pub months: Vec<Figures>,
    pub total: Figures,
}

fn blank(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The figures `q` asks for, as of `now`.
pub async fn figures<C: ConnectionTrait>(
    db: &C,
    q: &LeadTimeQuery,
    now: DateTime<Utc>,
) -> Result<LeadTimes, LicensingError> {
    let mut errs = Vec::new();
    let ty = match blank(&q.permit_type) {
        // A code is letters, digits and hyphens: anything else names no type (and never
        // reaches the database, which refuses some bytes outright).
        Some(code)
            if code.len() > 64
                || !code
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
        {
            return Err(LicensingError::invalid(
                "permit_type",
                "unknown_permit_type",
            ));
        }
        Some(code) => match super::permit_types::by_code(db, code).await? {
            Some(t) => Some(t),
            None => {
                return Err(LicensingError::invalid(
                    "permit_type",
                    "unknown_permit_type",
                ));
            }
        },
        None => None,
    };
    let province = blank(&q.province).map(str::to_ascii_uppercase);
    let country = match (&ty, &province) {
        (Some(t), _) => t.country.clone(),
        (None, Some(p)) => p.get(..2).unwrap_or_default().to_owned(),
        (None, None) => blank(&q.country).unwrap_or("IR").to_ascii_uppercase(),
    };
    if !matches!(country.as_str(), "IR" | "VN") {
        errs.push(FieldError::new("country", "invalid_choice"));
    }
    if let Some(p) = &province
        && tashil_reference::province(p).is_none_or(|r| r.country.code() != country)
    {
        errs.push(FieldError::new("province", "unknown_province"));
    }
    let to =
        q.to.unwrap_or_else(|| month_of(&country, clock::local_date(&country, now)));
    // The default span is checked with the rest, so any `to` (i32::MIN included) gives it.
    let from = q.from.unwrap_or(if to % 100 == 12 {
        to.saturating_sub(11)
    } else {
        to.saturating_sub(99)
    });
    // A default `from` out of range is `to`'s fault: only `to` is named then.
    let from_named = q.from.is_some() || plausible_month(&country, to);
    for (field, m, named) in [("from", from, from_named), ("to", to, true)] {
        if named && !plausible_month(&country, m) {
            errs.push(FieldError::new(field, "out_of_range"));
        }
    }
    if errs.is_empty() && (from > to || months_between(from, to) > MAX_MONTHS) {
        errs.push(FieldError::new("to", "out_of_range"));
    }
    if !errs.is_empty() {
        return Err(LicensingError::Invalid(errs));
    }
    let types: Vec<i64> = match &ty {
        Some(t) => vec![t.id],
        None => permit_type::Entity::find()
            .filter(permit_type::Column::Country.eq(&country))
            .all(db)
            .await?
            .into_iter()
            .map(|t| t.id)
            .collect(),
    };

    let scope = |table: &str, q: &mut SelectStatement| {
        q.from(Alias::new(table))
            .and_where(Expr::col(Alias::new("permit_type_id")).is_in(types.clone()))
            .and_where(Expr::col(Alias::new("month")).between(from, to));
        if let Some(p) = &province {
            q.and_where(Expr::col(Alias::new("province_code")).eq(p.as_str()));
        }
    };
    // PostgreSQL sums a bigint as numeric: cast back so both backends read an i64.
    let sum = |c: &str| Expr::cust(format!("CAST(SUM({c}) AS BIGINT)"));
    let mut counts_q = Query::select();
    counts_q.column(Alias::new("month"));
    for n in Counts::COLUMNS {
        counts_q.expr_as(sum(n), Alias::new(n));
    }
    scope("lead_time_months", &mut counts_q);
    counts_q.group_by_col(Alias::new("month"));
    let mut counts: BTreeMap<i32, Counts> = BTreeMap::new();
    for row in db.query_all(&counts_q).await? {
        let mut v = [0i64; 6];
        for (slot, n) in v.iter_mut().zip(Counts::COLUMNS) {
            *slot = row.try_get::<Option<i64>>("", n)?.unwrap_or(0);
        }
        counts.insert(row.try_get("", "month")?, Counts::from_values(v));
    }

    let mut days_q = Query::select();
    days_q
        .column(Alias::new("month"))
        .column(Alias::new("working_days"))
        .expr_as(sum("decided"), Alias::new("decided"));
    scope("lead_time_days", &mut days_q);
    days_q
        .group_by_col(Alias::new("month"))
        .group_by_col(Alias::new("working_days"));
    let mut days: BTreeMap<i32, Histogram> = BTreeMap::new();
    for row in db.query_all(&days_q).await? {
        let month: i32 = row.try_get("", "month")?;
        let wd: i32 = row.try_get("", "working_days")?;
        let n: i64 = row.try_get::<Option<i64>>("", "decided")?.unwrap_or(0);
        days.entry(month).or_default().add(wd, n);
    }

    let mut months = Vec::new();
    let (mut all_counts, mut all_days) = (Counts::default(), Histogram::default());
    let mut m = from;
    while m <= to {
        let c = counts.get(&m).copied().unwrap_or_default();
        let h = days.remove(&m).unwrap_or_default();
        all_counts.add(&c);
        all_days.merge(&h);
        months.push(Figures::of(Some(m), c, &h));
        m = next_month(m);
    }
    Ok(LeadTimes {
        country,
        permit_type: ty.map(|t| t.code),
        province,
        from,
        to,
        months,
        total: Figures::of(None, all_counts, &all_days),
    })
}

/// The figures as CSV: one row per month and a last row, `total`, for the span
/// (machine-readable column names, shares as decimals).
pub fn csv(f: &LeadTimes) -> Vec<u8> {
    let headers: Vec<String> = ["month"]
        .into_iter()
        .chain(Counts::COLUMNS)
        .chain([
            "median_working_days",
            "p90_working_days",
            "on_time_share",
            "silence_share",
        ])
        .map(String::from)
        .collect();
    let opt = |v: Option<i32>| v.map(|d| d.to_string()).unwrap_or_default();
    let share = |v: Option<f64>| v.map(|s| format!("{s:.4}")).unwrap_or_default();
    let rows: Vec<Vec<String>> = f
        .months
        .iter()
        .chain([&f.total])
        .map(|r| {
            let mut cells = vec![r.month.map_or_else(|| "total".into(), |m| m.to_string())];
            cells.extend(r.counts.values().map(|v| v.to_string()));
            cells.extend([
                opt(r.median_days),
                opt(r.p90_days),
                share(r.on_time_share),
                share(r.silence_share),
            ]);
            cells
        })
        .collect();
    tashil_sheets::write_csv(&headers, &rows)
}
