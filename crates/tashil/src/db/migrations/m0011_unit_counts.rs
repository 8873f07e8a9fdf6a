//! Counts of units per province, kept by every write to `units` in its own transaction, so
//! the public provincial profile reads a few hundred rows instead of aggregating every unit
//! on every request (ADR 0014). Filled here from the units already stored.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, drop_tables, primary, province};

/// The same figures `registry::tallies` keeps: every unit by status; active units by size,
/// ISIC section, ISIC division and knowledge-based.
const FILL: &str = "INSERT INTO unit_counts (country, province_code, facet, bucket, units) \
     SELECT country, province_code, 'status', status, COUNT(*) FROM units \
       GROUP BY country, province_code, status \
     UNION ALL SELECT country, province_code, 'size', size_class, COUNT(*) FROM units \
       WHERE status = 'active' GROUP BY country, province_code, size_class \
     UNION ALL SELECT country, province_code, 'section', isic_section, COUNT(*) FROM units \
       WHERE status = 'active' GROUP BY country, province_code, isic_section \
     UNION ALL SELECT country, province_code, 'division', substr(isic_class, 1, 2), COUNT(*) \
       FROM units WHERE status = 'active' GROUP BY country, province_code, substr(isic_class, 1, 2) \
     UNION ALL SELECT country, province_code, 'kb', 'yes', COUNT(*) FROM units \
       WHERE status = 'active' AND knowledge_based GROUP BY country, province_code";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table("unit_counts")
            .cols([string("country"), province()])
            .cols([string("facet"), string("bucket"), big_integer("units")])
            // A country's rows are one range: the profile ranks a province among its
            // country's provinces.
            .primary_key(&mut primary(&[
                "country",
                "province_code",
                "facet",
                "bucket",
            ]))
            .to_owned(),
    )
    .await?;
    m.get_connection().execute_unprepared(FILL).await?;
    Ok(())
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["unit_counts"]).await
}
