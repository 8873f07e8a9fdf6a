//! The working calendar loaded by the national administrator (`calendar` context): a year's
//! holiday table per country (`calendar_days`: each day off with its holiday key, each
//! weekend day worked) and declared closures of a whole country or one province
//! (`calendar_closures`), each row under its table year (Solar Hijri in Iran, Gregorian in
//! Vietnam) so a load replaces a year at once; `calendar_loads` names each load with a random
//! token. And `resolutions.counted_from`, the day a deadline counts from, so a deadline can
//! be counted again when the calendar changes.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, add_column, create, drop_column, drop_tables, ux, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let days = with_id("calendar_days")
        .cols([string_len("country", 2), integer("year"), date("day")])
        // `day_off` or `worked`.
        .cols([string_len("kind", 16), string_len("holiday_key", 64)])
        .to_owned();
    let one_a_day = ux("ux_calendar_days_day", &["country", "day"]);
    create(m, days, &[one_a_day]).await?;

    let closures = with_id("calendar_closures")
        .cols([string_len("country", 2), integer("year")])
        // Empty for the whole country.
        .cols([string_len("province_code", 8), date("day")])
        .cols([
            string("reason_fa"),
            string("reason_vi"),
            string("reason_en"),
        ])
        .to_owned();
    let cols = ["country", "province_code", "day"];
    create(m, closures, &[ux("ux_calendar_closures_day", &cols)]).await?;

    // One row per load; its random token names the calendar in force, so a node knows with
    // one query whether the calendar it built before is still the one.
    let loads = with_id("calendar_loads")
        .cols([
            string_len_uniq("token", 36),
            timestamp_with_time_zone("loaded_at"),
        ])
        .to_owned();
    create(m, loads, &[]).await?;

    add_column(m, "resolutions", date_null("counted_from")).await?;
    backfill_counted_from(m).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(m, "resolutions", "counted_from").await?;
    drop_tables(m, &["calendar_loads", "calendar_closures", "calendar_days"]).await
}

/// The day existing deadlines counted from, as they were made: a meeting's resolution from
/// the day the meeting was held, a routed case's from the day of routing on the clock of the
/// deadline's country.
async fn backfill_counted_from(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = m.get_connection();
    db.execute_unprepared(
        "UPDATE resolutions SET counted_from = \
         (SELECT mt.held_on FROM meetings mt WHERE mt.id = resolutions.meeting_id) \
         WHERE meeting_id IS NOT NULL",
    )
    .await?;
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT id, created_at, calendar_country, province_code FROM resolutions \
             WHERE counted_from IS NULL",
        ))
        .await?;
    for row in rows {
        let id: i64 = row.try_get("", "id")?;
        let created: DateTime<Utc> = row.try_get("", "created_at")?;
        let country: Option<String> = row.try_get("", "calendar_country")?;
        let province: String = row.try_get("", "province_code")?;
        let day: NaiveDate =
            crate::kernel::clock::local_date(country.as_deref().unwrap_or(&province), created);
        db.execute_raw(crate::db::settings::statement(
            backend,
            "UPDATE resolutions SET counted_from = ? WHERE id = ?",
            [day.into(), id.into()],
        ))
        .await?;
    }
    Ok(())
}
