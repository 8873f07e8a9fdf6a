//! The countries' mandatory lists (m0035): a standard stands on Iran's, Vietnam's or both, each
//! from a day on that country's clock. The standards table keeps a summary of the rows
//! (`mandatory`: on some list; `mandatory_from`: the earliest day), written with them, for the
//! catalogue's filter and index.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;

use super::entity::{mandatory_in, standard};
use crate::db::bulk;

/// The countries that keep a mandatory list.
pub const COUNTRIES: [&str; 2] = ["IR", "VN"];

/// One country's listing of a standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MandatoryIn {
    /// `IR` or `VN`.
    pub country: String,
    /// From this day on the country's clock (none: since it was listed).
    pub from: Option<NaiveDate>,
}

/// The lists a standard of `body` joins when none is named: its national body's country's
/// (INSO: Iran; TCVN, QCVN: Vietnam); an international standard, both, as an adoption in
/// either (the migration's backfill decides the same way).
pub fn default_countries(body: &str) -> &'static [&'static str] {
    match body {
        "INSO" => &["IR"],
        b if super::model::VIETNAMESE_BODIES.contains(&b) => &["VN"],
        _ => &COUNTRIES,
    }
}

/// `country` when it keeps a list (`IR`, `VN`).
pub fn known(country: &str) -> Option<&'static str> {
    COUNTRIES.iter().copied().find(|c| *c == country)
}

/// The lists standard `id` stands on, by country.
pub async fn of<C: ConnectionTrait>(db: &C, id: i64) -> Result<Vec<MandatoryIn>, DbErr> {
    Ok(mandatory_in::Entity::find()
        .filter(mandatory_in::Column::StandardId.eq(id))
        .order_by_asc(mandatory_in::Column::Country)
        .all(db)
        .await?
        .into_iter()
        .map(|r| MandatoryIn {
            country: r.country,
            from: r.mandatory_from,
        })
        .collect())
}

/// The countries whose lists each of standards `ids` stands on (for the export).
pub async fn countries_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<String>>, DbErr> {
    let mut out: std::collections::HashMap<i64, Vec<String>> = Default::default();
    for r in mandatory_in::Entity::find()
        .filter(mandatory_in::Column::StandardId.is_in(ids.iter().copied()))
        .order_by_asc(mandatory_in::Column::StandardId)
        .order_by_asc(mandatory_in::Column::Country)
        .all(db)
        .await?
    {
        out.entry(r.standard_id).or_default().push(r.country);
    }
    Ok(out)
}

/// Puts standard `id` on `country`'s list from `from` (`Some`), or takes it off (`None`), in
/// the caller's transaction; the summary is written by [`summarise`].
pub async fn set<C: ConnectionTrait>(
    db: &C,
    id: i64,
    country: &str,
    from: Option<Option<NaiveDate>>,
) -> Result<(), DbErr> {
    mandatory_in::Entity::delete_many()
        .filter(mandatory_in::Column::StandardId.eq(id))
        .filter(mandatory_in::Column::Country.eq(country))
        .exec(db)
        .await?;
    if let Some(from) = from {
        mandatory_in::Entity::insert(mandatory_in::ActiveModel {
            standard_id: Set(id),
            country: Set(country.to_owned()),
            mandatory_from: Set(from),
            ..Default::default()
        })
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Takes standard `id` off every list (a withdrawn standard binds no one).
pub async fn clear<C: ConnectionTrait>(db: &C, id: i64) -> Result<(), DbErr> {
    mandatory_in::Entity::delete_many()
        .filter(mandatory_in::Column::StandardId.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The summary the standards table keeps of `lists`: on some list, from the earliest day (none
/// when a list has none).
pub fn summary(lists: &[MandatoryIn]) -> (bool, Option<NaiveDate>) {
    let from = lists.iter().map(|l| l.from).min().flatten();
    (!lists.is_empty(), from)
}

/// Writes the summary of standard `id`'s lists onto its row.
pub fn summarise(am: &mut standard::ActiveModel, lists: &[MandatoryIn]) {
    let (mandatory, from) = summary(lists);
    am.mandatory = Set(mandatory);
    am.mandatory_from = Set(from);
}

/// The listings of many new standards at once (import, demo): (standard id, country, from).
pub async fn insert_many<C: ConnectionTrait>(
    db: &C,
    rows: Vec<(i64, &str, Option<NaiveDate>)>,
) -> Result<(), DbErr> {
    let rows = rows
        .into_iter()
        .map(|(id, country, from)| vec![id.into(), country.into(), from.into()])
        .collect();
    bulk::insert(
        db,
        "standard_mandatory",
        &["standard_id", "country", "mandatory_from"],
        rows,
        None,
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_national_standard_joins_its_own_countrys_list_an_international_one_both() {
        assert_eq!(default_countries("INSO"), ["IR"]);
        assert_eq!(default_countries("QCVN"), ["VN"]);
        assert_eq!(default_countries("TCVN"), ["VN"]);
        assert_eq!(default_countries("ISO"), ["IR", "VN"]);
    }

    #[test]
    fn the_summary_is_the_earliest_day_and_none_wins() {
        let d = |s: &str| s.parse::<NaiveDate>().ok();
        let l = |c: &str, f| MandatoryIn {
            country: c.into(),
            from: f,
        };
        assert_eq!(summary(&[]), (false, None));
        assert_eq!(
            summary(&[l("IR", d("2025-03-01")), l("VN", d("2024-01-01"))]),
            (true, d("2024-01-01"))
        );
        assert_eq!(
            summary(&[l("IR", None), l("VN", d("2024-01-01"))]),
            (true, None)
        );
    }
}
