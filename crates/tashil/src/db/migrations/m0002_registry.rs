//! The registry of production units: units, their products, QC managers and search terms.

use sea_orm_migration::{prelude::*, schema::*};

use super::bytewise;
use super::columns::{TableColumns, create, drop_tables, id, index, province, unique};

/// A unit's list of things (its products, its QC managers): deleted with the unit, read by it.
async fn unit_list(
    m: &SchemaManager<'_>,
    table: &str,
    cols: [&'static str; 2],
) -> Result<(), DbErr> {
    let list = Table::create()
        .table(Alias::new(table))
        .col(id())
        .col(big_integer("unit_id"))
        .col(string(cols[0]))
        .col(string(cols[1]))
        .belongs_to("unit_id", "units")
        .to_owned();
    let by_unit = index(&format!("ix_{table}_unit"), table, &["unit_id"]);
    create(m, list, &[by_unit]).await
}

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let units = Table::create()
        .table("units")
        .col(id())
        .col(big_integer_null("organisation_id").unique_key().to_owned())
        .col(string("country"))
        .col(string("national_id"))
        .trilingual("name", string)
        .col(province())
        .col(string("city"))
        .col(string("isic_class"))
        .col(string("isic_section"))
        .col(string("size_class"))
        .col(boolean("knowledge_based"))
        .col(string("status"))
        .edited()
        .references("organisation_id", "organisations")
        .to_owned();
    let indexes = [
        unique(
            "ux_units_country_national_id",
            "units",
            &["country", "national_id"],
        ),
        // Lists are filtered by province and ordered by id: both from one index.
        index("ix_units_province_id", "units", &["province_code", "id"]),
        index(
            "ix_units_province_status",
            "units",
            &["province_code", "status", "id"],
        ),
        index(
            "ix_units_province_isic",
            "units",
            &["province_code", "isic_class"],
        ),
    ];
    create(m, units, &indexes).await?;
    unit_list(m, "unit_products", ["name", "hs_code"]).await?;
    unit_list(m, "unit_qc_managers", ["full_name", "national_code"]).await?;

    // One row per folded word of a unit's names and national ID: a name search is an index
    // range scan per query word instead of a LIKE over every row. On SQLite the table is
    // clustered on its key (WITHOUT ROWID): one B-tree instead of two.
    let backend = m.get_database_backend();
    if backend == sea_orm::DbBackend::Sqlite {
        m.get_connection()
            .execute_unprepared(
                "CREATE TABLE unit_terms (term TEXT NOT NULL, unit_id INTEGER NOT NULL \
                 REFERENCES units (id) ON DELETE CASCADE, PRIMARY KEY (term, unit_id)) WITHOUT ROWID",
            )
            .await?;
    } else {
        let terms = Table::create()
            .table("unit_terms")
            .col(bytewise(backend, &mut string("term")).to_owned())
            .col(big_integer("unit_id"))
            .primary_key(Index::create().col("term").col("unit_id"))
            .belongs_to("unit_id", "units")
            .to_owned();
        m.create_table(terms).await?;
    }
    // (unit_id, term) answers "does this unit have a word starting with …" for the common
    // words of a query, while the primary key finds the units of a rare word.
    m.create_index(index(
        "ix_unit_terms_unit",
        "unit_terms",
        &["unit_id", "term"],
    ))
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &["unit_terms", "unit_qc_managers", "unit_products", "units"],
    )
    .await
}
