//! Lead-time figures kept on every write (issue 16, "public side"): per permit type,
//! province and month of the country's calendar, the applications received and decided, how
//! many were answered on time or by silence, and a histogram of the working days decisions
//! took (medians and 90th percentiles are read from it). Each counted decision is recorded
//! per application, so reopening a rejection on appeal takes back exactly what it added.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{drop_tables, primary};

fn key(t: &mut TableCreateStatement) -> &mut TableCreateStatement {
    t.col(big_integer("permit_type_id"))
        .col(string("province_code"))
        // yyyymm in the country's calendar (Solar Hijri in Iran, Gregorian in Vietnam).
        .col(integer("month"))
}

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let mut months = Table::create();
    key(months.table("lead_time_months"));
    for c in [
        "received",
        "issued",
        "rejected",
        "withdrawn",
        "on_time",
        "by_silence",
    ] {
        months.col(big_integer(c).default(0));
    }
    months.primary_key(&mut primary(&["permit_type_id", "month", "province_code"]));
    m.create_table(months).await?;

    let mut days = Table::create();
    key(days.table("lead_time_days"))
        .col(integer("working_days"))
        .col(big_integer("decided").default(0))
        .primary_key(&mut primary(&[
            "permit_type_id",
            "month",
            "province_code",
            "working_days",
        ]));
    m.create_table(days).await?;

    let counted = Table::create()
        .table("application_lead_times")
        .col(big_integer("application_id").primary_key())
        .col(integer("month"))
        .col(integer("working_days"))
        .col(boolean("on_time"))
        .col(boolean("by_silence"))
        .foreign_key(
            ForeignKey::create()
                .from_col("application_id")
                .to("applications", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned();
    m.create_table(counted).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &[
            "application_lead_times",
            "lead_time_days",
            "lead_time_months",
        ],
    )
    .await
}
