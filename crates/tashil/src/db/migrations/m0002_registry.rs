//! The registry of production units: units, their products, QC managers and search terms.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ix, province, terms_table, ux, with_id};

/// A unit's list of things (its products, its QC managers): deleted with the unit, read by it.
async fn unit_list(
    m: &SchemaManager<'_>,
    table: &str,
    cols: [&'static str; 2],
) -> Result<(), DbErr> {
    let list = with_id(table)
        .owned_by("unit_id", "units")
        .cols([string(cols[0]), string(cols[1])])
        .to_owned();
    let name = format!("ix_{table}_unit");
    let by_unit = ix(&name, &["unit_id"]);
    create(m, list, &[by_unit]).await
}

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let units = with_id("units")
        .col(big_integer_null("organisation_id").unique_key().to_owned())
        .cols([string("country"), string("national_id")])
        .trilingual("name", string)
        .cols([province(), string("city")])
        .cols([string("isic_class"), string("isic_section")])
        .cols([string("size_class"), boolean("knowledge_based")])
        .col(string("status"))
        .edited()
        .references("organisation_id", "organisations")
        .to_owned();
    let indexes = [
        ux("ux_units_country_national_id", &["country", "national_id"]),
        // Lists are filtered by province and ordered by id: both from one index.
        ix("ix_units_province_id", &["province_code", "id"]),
        ix(
            "ix_units_province_status",
            &["province_code", "status", "id"],
        ),
        ix("ix_units_province_isic", &["province_code", "isic_class"]),
    ];
    create(m, units, &indexes).await?;
    unit_list(m, "unit_products", ["name", "hs_code"]).await?;
    unit_list(m, "unit_qc_managers", ["full_name", "national_code"]).await?;

    // One row per folded word of a unit's names and national ID: a name search is an index
    // range scan per query word instead of a LIKE over every row. On SQLite the table is
    // clustered on its key (WITHOUT ROWID): one B-tree instead of two.
    // (unit_id, term) answers "does this unit have a word starting with …" for the common
    // words of a query, while the primary key finds the units of a rare word.
    terms_table(m, "unit_terms", ("unit_id", "units"), "ix_unit_terms_unit").await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &["unit_terms", "unit_qc_managers", "unit_products", "units"],
    )
    .await
}
