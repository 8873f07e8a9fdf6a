//! An obstacle case may concern several units (an association reporting for its members,
//! seed 002). `case_units` is the one place that says which; the units a case named before
//! are copied in. `obstacle_cases.unit_id` is no longer written: SQLite cannot drop a column
//! that carries a foreign key, so it stays, always superseded by this table.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0007_case_units"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("case_units")
                .col(big_integer("case_id"))
                .col(big_integer("unit_id"))
                .primary_key(Index::create().col("case_id").col("unit_id"))
                .foreign_key(
                    ForeignKey::create()
                        .from(Alias::new("case_units"), Alias::new("case_id"))
                        .to(Alias::new("obstacle_cases"), Alias::new("id")),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Alias::new("case_units"), Alias::new("unit_id"))
                        .to(Alias::new("units"), Alias::new("id")),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_case_units_unit")
                .table(Alias::new("case_units"))
                .col(Alias::new("unit_id"))
                .to_owned(),
        )
        .await?;
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

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("case_units")).to_owned())
            .await
    }
}
