//! The registry of production units: units, their products, QC managers and search terms.

use sea_orm_migration::{prelude::*, schema::*};

use super::bytewise;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0002_registry"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let backend = m.get_database_backend();
        m.create_table(
            Table::create()
                .table("units")
                .col(big_pk_auto("id"))
                .col(big_integer_null("organisation_id").unique_key().to_owned())
                .col(string("country"))
                .col(string("national_id"))
                .col(string("name_fa"))
                .col(string("name_en"))
                .col(string("name_vi"))
                .col(string("province_code"))
                .col(string("city"))
                .col(string("isic_class"))
                .col(string("isic_section"))
                .col(string("size_class"))
                .col(boolean("knowledge_based"))
                .col(string("status"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer("version"))
                .foreign_key(
                    ForeignKey::create()
                        .from("units", "organisation_id")
                        .to("organisations", "id"),
                )
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            (
                "ux_units_country_national_id",
                &["country", "national_id"][..],
            ),
            // Lists are filtered by province and ordered by id: both from one index.
            ("ix_units_province_id", &["province_code", "id"][..]),
            (
                "ix_units_province_status",
                &["province_code", "status", "id"][..],
            ),
            (
                "ix_units_province_isic",
                &["province_code", "isic_class"][..],
            ),
        ] {
            let mut idx = Index::create();
            idx.name(name).table("units");
            for c in cols {
                idx.col(*c);
            }
            if name.starts_with("ux_") {
                idx.unique();
            }
            m.create_index(idx.to_owned()).await?;
        }

        m.create_table(
            Table::create()
                .table("unit_products")
                .col(big_pk_auto("id"))
                .col(big_integer("unit_id"))
                .col(string("name"))
                .col(string("hs_code"))
                .foreign_key(
                    ForeignKey::create()
                        .from("unit_products", "unit_id")
                        .to("units", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_unit_products_unit")
                .table("unit_products")
                .col("unit_id")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("unit_qc_managers")
                .col(big_pk_auto("id"))
                .col(big_integer("unit_id"))
                .col(string("full_name"))
                .col(string("national_code"))
                .foreign_key(
                    ForeignKey::create()
                        .from("unit_qc_managers", "unit_id")
                        .to("units", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_unit_qc_managers_unit")
                .table("unit_qc_managers")
                .col("unit_id")
                .to_owned(),
        )
        .await?;

        // One row per folded word of a unit's names and national ID: a name search is an
        // index range scan per query word instead of a LIKE over every row. On SQLite the
        // table is clustered on its key (WITHOUT ROWID): one B-tree instead of two.
        match backend {
            sea_orm::DbBackend::Sqlite => {
                m.get_connection()
                    .execute_unprepared(
                        "CREATE TABLE unit_terms (term TEXT NOT NULL, unit_id INTEGER NOT NULL \
                         REFERENCES units (id) ON DELETE CASCADE, PRIMARY KEY (term, unit_id)) WITHOUT ROWID",
                    )
                    .await?;
            }
            _ => {
                m.create_table(
                    Table::create()
                        .table("unit_terms")
                        .col(bytewise(backend, &mut string("term")).to_owned())
                        .col(big_integer("unit_id"))
                        .primary_key(Index::create().col("term").col("unit_id"))
                        .foreign_key(
                            ForeignKey::create()
                                .from("unit_terms", "unit_id")
                                .to("units", "id")
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .to_owned(),
                )
                .await?;
            }
        }
        // (unit_id, term) answers "does this unit have a word starting with …" for the
        // common words of a query, while the primary key finds the units of a rare word.
        m.create_index(
            Index::create()
                .name("ix_unit_terms_unit")
                .table("unit_terms")
                .col("unit_id")
                .col("term")
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["unit_terms", "unit_qc_managers", "unit_products", "units"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
