//! A mandatory list belongs to a country (issue 16: a Vietnamese unit must not be held to an
//! Iranian standard): one row per standard and country on whose list it stands, from a day on
//! that country's clock. `standards.mandatory` and `mandatory_from` stay as the catalogue's
//! summary (on some country's list, from the earliest of its days), written with the rows.
//!
//! Backfilled from the global flag: an INSO standard on Iran's list, a TCVN or QCVN one on
//! Vietnam's, and an international one (ISO, IEC, Codex…) on both, as the flag held it to
//! every unit until now; the administrator takes it off a list it does not belong to.

use sea_orm::ConnectionTrait;
use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ix, ux, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let lists = with_id("standard_mandatory")
        .owned_by("standard_id", "standards")
        .col(string("country"))
        .col(date_null("mandatory_from"))
        .to_owned();
    let indexes = [
        ux("ux_standard_mandatory", &["standard_id", "country"]),
        // A country's list, as the HS look-up and the province's units read it.
        ix("ix_standard_mandatory_country", &["country", "standard_id"]),
    ];
    create(m, lists, &indexes).await?;
    backfill(m.get_connection()).await
}

/// Lists each standard the global flag marks mandatory (also run by a test over flags as an
/// older release left them).
pub async fn backfill<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    db.execute_unprepared(
        "INSERT INTO standard_mandatory (standard_id, country, mandatory_from) \
         SELECT id, 'IR', mandatory_from FROM standards \
         WHERE mandatory AND body NOT IN ('TCVN', 'QCVN')",
    )
    .await?;
    db.execute_unprepared(
        "INSERT INTO standard_mandatory (standard_id, country, mandatory_from) \
         SELECT id, 'VN', mandatory_from FROM standards WHERE mandatory AND body <> 'INSO'",
    )
    .await?;
    Ok(())
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["standard_mandatory"]).await
}
