//! An obstacle case may concern several units (an association reporting for its members,
//! seed 002). `case_units` is the one place that says which; the units a case named before
//! are copied in. `obstacle_cases.unit_id` is no longer written: SQLite cannot drop a column
//! that carries a foreign key, so it stays, always superseded by this table.

use sea_orm_migration::prelude::*;

use super::columns::{TableColumns, create, drop_tables, ix, primary};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let case_units = Table::create()
        .table("case_units")
        .refers("case_id", "obstacle_cases")
        .refers("unit_id", "units")
        .primary_key(&mut primary(&["case_id", "unit_id"]))
        .to_owned();
    let by_unit = ix("ix_case_units_unit", &["unit_id"]);
    create(m, case_units, &[by_unit]).await?;
    m.get_connection()
        .execute_unprepared(
            "INSERT INTO case_units (case_id, unit_id) \
                 SELECT id, unit_id FROM obstacle_cases WHERE unit_id IS NOT NULL",
        )
        .await?;
    m.get_connection()
        .execute_unprepared("UPDATE obstacle_cases SET unit_id = NULL")
        .await?;
    Ok(())
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["case_units"]).await
}
