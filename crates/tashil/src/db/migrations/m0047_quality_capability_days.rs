//! Each unit's compliance summary month by month (issue 20, item 5): a characteristic's
//! capability index as it stood at the end of each day it received subgroups, so a month's
//! figure is the last day's of the month without replaying the month. Days, not months, so
//! the same rows serve the Solar Hijri and the Gregorian month alike.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ux, with_id};

const DAYS: &str = "quality_capability_days";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let days = with_id(DAYS)
        .owned_by("characteristic_id", "quality_characteristics")
        // The local day (the unit's province) of the latest subgroup when it was written.
        .col(date("day"))
        // Cpk over everything monitored then, the index the unit's target is set on; null
        // when it has none (an attribute, or no specification).
        .col(double_null("cpk"))
        .col(big_integer("subgroups"))
        .col(timestamp_with_time_zone("updated_at"))
        .to_owned();
    create(
        m,
        days,
        &[ux(
            "ux_quality_capability_days_day",
            &["characteristic_id", "day"],
        )],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[DAYS]).await
}
