//! The units a case concerns: a unit reporting names itself; the chamber of commerce, an
//! association or the provincial office names one or several registered units of the
//! province by their national IDs (seed 002: "on behalf of its members").

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;

use super::FacilitationError;
use super::model::FieldError;
use crate::db::settings::statement;
use crate::registry::parse_national_id;

/// Enough for an association's members; more is a list, not a case.
pub const MAX_UNITS: usize = 200;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseUnit {
    pub id: i64,
    pub national_id: String,
    pub name_fa: String,
    pub name_en: String,
    pub name_vi: String,
}

impl CaseUnit {
    pub fn name(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(*lang, &self.name_fa, &self.name_en, &self.name_vi)
    }
}

/// The unit a unit user acts for.
pub(super) async fn unit_of_org<C: ConnectionTrait>(
    db: &C,
    org: i64,
) -> Result<Option<i64>, DbErr> {
    crate::registry::lookup::unit_of_organisation(db, org).await
}

/// Reads the national IDs typed for a case (any digit script, spaces, bidi marks), each
/// checked against its country's rule and looked up among the units of `province`. Errors
/// name the entry (`units[2]`), duplicates after normalisation count once.
pub(super) async fn resolve<C: ConnectionTrait>(
    db: &C,
    province: &str,
    entries: &[String],
) -> Result<Vec<i64>, FacilitationError> {
    let entries: Vec<(usize, &str)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (i, e.trim()))
        .filter(|(_, e)| !e.is_empty())
        .collect();
    if entries.len() > MAX_UNITS {
        return Err(FacilitationError::invalid("units", "too_many_units"));
    }
    let country = tashil_reference::province(province)
        .map(|p| p.country)
        .ok_or(FacilitationError::NotFound)?;
    let mut errs = vec![];
    let mut wanted: BTreeMap<String, usize> = BTreeMap::new();
    for (i, raw) in &entries {
        match parse_national_id(country, raw) {
            Ok(id) => {
                wanted.entry(id).or_insert(*i);
            }
            Err(code) => errs.push((*i, FieldError::new(format!("units[{i}]"), code))),
        }
    }
    let wanted_ids: Vec<String> = wanted.keys().cloned().collect();
    let found = crate::registry::lookup::by_national_ids(db, country.code(), &wanted_ids).await?;
    let mut ids = vec![];
    for (nid, i) in &wanted {
        match found.get(nid) {
            Some((id, p)) if p == province => ids.push(*id),
            // A unit of another province is not this committee's to name, and is not
            // confirmed to exist either.
            _ => errs.push((
                *i,
                FieldError::new(format!("units[{i}]"), "unit_out_of_scope"),
            )),
        }
    }
    if !errs.is_empty() {
        // In the order the entries were typed (by index: "units[10]" sorts before "units[2]").
        errs.sort_by_key(|(i, _)| *i);
        return Err(FacilitationError::Invalid(
            errs.into_iter().map(|(_, e)| e).collect(),
        ));
    }
    ids.sort_unstable();
    Ok(ids)
}

pub(super) async fn insert<C: ConnectionTrait>(
    db: &C,
    case_id: i64,
    units: &[i64],
) -> Result<(), DbErr> {
    let b = db.get_database_backend();
    for u in units {
        db.execute_raw(statement(
            b,
            "INSERT INTO case_units (case_id, unit_id) VALUES (?, ?)",
            [case_id.into(), (*u).into()],
        ))
        .await?;
    }
    Ok(())
}

/// The units of a case that `actor` may read in the registry (a unit named beside others
/// sees only itself), by name.
pub(super) async fn of_case<C: ConnectionTrait>(
    db: &C,
    actor: &crate::access::Actor,
    case_id: i64,
) -> Result<Vec<CaseUnit>, DbErr> {
    let Ok(scope) = crate::access::units::read_scope(actor) else {
        return Ok(vec![]);
    };
    let ids = unit_ids(db, case_id).await?;
    Ok(crate::registry::lookup::visible(db, &scope, &ids)
        .await?
        .into_iter()
        .map(|u| {
            let [name_fa, name_en, name_vi] = u.names;
            CaseUnit {
                id: u.id,
                national_id: u.national_id,
                name_fa,
                name_en,
                name_vi,
            }
        })
        .collect())
}

/// `SELECT case_id` of the cases naming a unit that organisation `org` acts for.
pub(super) fn cases_of_org(org: i64) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
    Query::select()
        .column(Alias::new("case_id"))
        .from(Alias::new("case_units"))
        .and_where(
            Expr::col(Alias::new("unit_id"))
                .in_subquery(crate::registry::lookup::units_of_organisation(org)),
        )
        .to_owned()
}

/// The units case `case_id` names.
pub(super) async fn unit_ids<C: ConnectionTrait>(db: &C, case_id: i64) -> Result<Vec<i64>, DbErr> {
    let b = db.get_database_backend();
    db.query_all_raw(statement(
        b,
        "SELECT unit_id FROM case_units WHERE case_id = ? ORDER BY unit_id",
        [case_id.into()],
    ))
    .await?
    .iter()
    .map(|r| r.try_get("", "unit_id"))
    .collect()
}
