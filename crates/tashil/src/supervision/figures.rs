//! The public figures of the ladder per province and year: the measures in force by rung and
//! the share of advice against coercive measures (the seeds' promise of fewer coercive
//! actions), read by anyone. Inspections read "no data yet" until they are recorded.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use super::entity::measure;
use super::error::SupervisionError;
use super::measures::IN_FORCE;
use super::model::figures::{YearFigures, tally};

/// The year of `at` in the calendar of `province`'s country.
fn year_of(province: &str, at: chrono::DateTime<chrono::Utc>) -> i32 {
    use chrono::Datelike;
    let day = crate::kernel::clock::local_date(province, at);
    if province.starts_with("IR") {
        tashil_text::dates::to_solar_hijri(day).0
    } else {
        day.year()
    }
}

/// The figures of `province` (a code such as `IR-26`), or of every province of `country`.
pub async fn figures(
    db: &sea_orm::DatabaseConnection,
    country: &str,
    province: Option<&str>,
) -> Result<Vec<YearFigures>, SupervisionError> {
    let mut q = measure::Entity::find()
        .select_only()
        .columns([
            measure::Column::ProvinceCode,
            measure::Column::CreatedAt,
            measure::Column::Position,
        ])
        .filter(measure::Column::Status.eq(IN_FORCE));
    q = match province {
        Some(p) => q.filter(measure::Column::ProvinceCode.eq(p)),
        None => q.filter(measure::Column::ProvinceCode.starts_with(format!("{country}-"))),
    };
    let rows: Vec<(String, chrono::DateTime<chrono::Utc>, i32)> = q.into_tuple().all(db).await?;
    Ok(tally(
        rows.into_iter()
            .map(|(p, at, position)| (year_of(&p, at), position)),
    ))
}
