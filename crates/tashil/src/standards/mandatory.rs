//! The mandatory list (seed 001: 800 Qazvin products fall under mandatory standards):
//! which mandatory standards apply to an HS code, and which registered units of a province
//! make products that fall under one (what licensing starts from).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, QueryResult, Statement};
use serde::Serialize;

use super::lists::known;
use super::model::{FieldError, designation, parse_hs_prefix};
use super::service::{StandardRef, StandardsError};
use crate::access::units::{Reach, read_scope};
use crate::access::{Actor, Denied};
use crate::db::settings::{param_sql, statement};

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MandatoryMatch {
    pub standard: StandardRef,
    /// The country on whose mandatory list it stands (`IR`, `VN`).
    pub country: String,
    /// The HS code or heading the standard names.
    pub hs_prefix: String,
    /// Product of the reference list the standard names, if any.
    pub product: String,
    pub mandatory_from: Option<NaiveDate>,
}

fn standard_ref(r: &QueryResult) -> Result<StandardRef, DbErr> {
    let year: i32 = r.try_get("", "year")?;
    Ok(StandardRef {
        id: r.try_get("", "standard_id")?,
        designation: designation(
            &r.try_get::<String>("", "body")?,
            &r.try_get::<String>("", "number")?,
            (year > 0).then_some(year),
        ),
        title_fa: r.try_get("", "title_fa")?,
        title_en: r.try_get("", "title_en")?,
        title_vi: r.try_get("", "title_vi")?,
    })
}

/// The condition that listing `sm` is in force by `now`: from the start of its day on its
/// country's clock. Its two placeholders take Vietnam's today, then Iran's.
fn mandatory_by(now: DateTime<Utc>) -> (&'static str, [sea_orm::Value; 2]) {
    let sql = "(sm.mandatory_from IS NULL OR sm.mandatory_from <= \
               CASE WHEN sm.country = 'VN' THEN ? ELSE ? END)";
    let today = |country| crate::kernel::clock::local_date(country, now).into();
    (sql, [today("VN"), today("IR")])
}

/// The mandatory standards in force that apply to `hs` on `country`'s list (every country's
/// when none is named; a standard on two lists is two matches): those naming the code or any
/// of its headings, and, when `hs` is itself a heading, those naming a code under it.
pub async fn for_hs(
    db: &DatabaseConnection,
    hs: &str,
    country: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<MandatoryMatch>, StandardsError> {
    let (by_now, today) = mandatory_by(now);
    let country = match country {
        Some(c) => Some(known(c).ok_or_else(|| {
            StandardsError::Invalid(vec![FieldError::new("country", "invalid_choice")])
        })?),
        None => None,
    };
    let code =
        parse_hs_prefix(hs).map_err(|c| StandardsError::Invalid(vec![FieldError::new("hs", c)]))?;
    let prefixes: Vec<String> = (1..=code.len() / 2)
        .map(|n| code[..n * 2].to_string())
        .collect();
    let backend = db.get_database_backend();
    let placeholders = vec!["?"; prefixes.len()].join(", ");
    let only = if country.is_some() {
        " AND sm.country = ?"
    } else {
        ""
    };
    let sql = param_sql(
        backend,
        &format!(
            "SELECT s.id AS standard_id, s.body, s.number, s.year, s.title_fa, s.title_en, s.title_vi, \
             sm.country, sm.mandatory_from, sp.hs_prefix, sp.product \
             FROM standard_products sp JOIN standards s ON s.id = sp.standard_id \
             JOIN standard_mandatory sm ON sm.standard_id = s.id{only} \
             WHERE (sp.hs_prefix IN ({placeholders}) OR (sp.hs_prefix > ? AND sp.hs_prefix < ?)) \
             AND s.status IN ('published', 'amended') AND {by_now} \
             ORDER BY s.body, s.number, sp.hs_prefix, sm.country"
        ),
    );
    let mut values: Vec<sea_orm::Value> = country.into_iter().map(Into::into).collect();
    values.extend(prefixes.iter().map(|p| p.clone().into()));
    // Codes under the heading: strictly longer strings that start with it ('9' sorts after
    // every digit).
    values.push(code.clone().into());
    values.push(format!("{code}:").into());
    values.extend(today);
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(MandatoryMatch {
                standard: standard_ref(r)?,
                country: r.try_get("", "country")?,
                hs_prefix: r.try_get("", "hs_prefix")?,
                product: r.try_get("", "product")?,
                mandatory_from: r.try_get("", "mandatory_from")?,
            })
        })
        .collect::<Result<_, DbErr>>()
        .map_err(Into::into)
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitUnderMandatory {
    pub unit_id: i64,
    pub national_id: String,
    pub unit_fa: String,
    pub unit_en: String,
    pub unit_vi: String,
    pub product: String,
    pub hs_code: String,
    pub standard: StandardRef,
}

impl UnitUnderMandatory {
    pub fn unit_name(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(*lang, &self.unit_fa, &self.unit_en, &self.unit_vi)
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProvinceMandatory {
    pub province: String,
    /// Rows (unit, product, standard) in all pages.
    pub total: u64,
    /// Distinct active units with at least one product under a mandatory standard.
    pub units: u64,
    pub rows: Vec<UnitUnderMandatory>,
}

/// Active units of `province`, within the actor's reach, whose products fall under a
/// standard in force on its country's mandatory list.
pub async fn in_province(
    db: &DatabaseConnection,
    actor: &Actor,
    province: &str,
    page: u64,
    per_page: u64,
    now: DateTime<Utc>,
) -> Result<ProvinceMandatory, StandardsError> {
    let (by_now, today) = mandatory_by(now);
    let scope = read_scope(actor)?;
    let (scope_sql, scope_value): (&str, Option<sea_orm::Value>) = match scope.reach() {
        Reach::All => ("", None),
        Reach::Province(p) if p == province => ("", None),
        Reach::Province(_) => return Err(StandardsError::Denied(Denied::Forbidden)),
        Reach::Organisation(o) => (" AND u.organisation_id = ?", Some((*o).into())),
    };
    let backend = db.get_database_backend();
    let from = format!(
        "FROM units u JOIN unit_products p ON p.unit_id = u.id \
         JOIN standard_products sp ON sp.hs_prefix IN (SUBSTR(p.hs_code, 1, 2), SUBSTR(p.hs_code, 1, 4), \
           SUBSTR(p.hs_code, 1, 6), SUBSTR(p.hs_code, 1, 8), p.hs_code) \
         JOIN standards s ON s.id = sp.standard_id \
         JOIN standard_mandatory sm ON sm.standard_id = s.id AND sm.country = ? \
         WHERE u.province_code = ? AND u.status = 'active'{scope_sql} \
         AND s.status IN ('published', 'amended') AND {by_now}"
    );
    let country = province.get(..2).unwrap_or_default();
    let mut values: Vec<sea_orm::Value> = vec![country.into(), province.into()];
    values.extend(scope_value);
    values.extend(today);
    let count = db
        .query_one_raw(statement(
            backend,
            &format!("SELECT COUNT(*) AS n, COUNT(DISTINCT u.id) AS units {from}"),
            values.clone(),
        ))
        .await?;
    let (total, units) = match count {
        Some(r) => (
            r.try_get::<i64>("", "n")? as u64,
            r.try_get::<i64>("", "units")? as u64,
        ),
        None => (0, 0),
    };
    let paging = crate::kernel::Paging::new(Some(page), Some(per_page), per_page, per_page);
    let (per_page, offset) = (paging.limit(), paging.offset());
    let rows = db
        .query_all_raw(statement(backend, &format!(
                    "SELECT u.id AS unit_id, u.national_id, u.name_fa AS unit_fa, u.name_en AS unit_en, \
                     u.name_vi AS unit_vi, p.name AS product, p.hs_code, s.id AS standard_id, s.body, \
                     s.number, s.year, s.title_fa, s.title_en, s.title_vi {from} \
                     ORDER BY u.id, s.id LIMIT {per_page} OFFSET {offset}"
                ), values))
        .await?;
    let rows = rows
        .iter()
        .map(|r| {
            Ok(UnitUnderMandatory {
                unit_id: r.try_get("", "unit_id")?,
                national_id: r.try_get("", "national_id")?,
                unit_fa: r.try_get("", "unit_fa")?,
                unit_en: r.try_get("", "unit_en")?,
                unit_vi: r.try_get("", "unit_vi")?,
                product: r.try_get("", "product")?,
                hs_code: r.try_get("", "hs_code")?,
                standard: standard_ref(r)?,
            })
        })
        .collect::<Result<_, DbErr>>()?;
    Ok(ProvinceMandatory {
        province: province.to_string(),
        total,
        units,
        rows,
    })
}
