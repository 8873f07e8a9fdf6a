//! A sample's condition on receipt and storage, amended by the lab that received it while its
//! report is unreleased: each amendment a row keeping the values before and after, who amended
//! them, when and why (ISO/IEC 17025 §7.5.2: an amended record keeps the original visible).

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, with_id};

const AMENDMENTS: &str = "sample_amendments";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let amendments = with_id(AMENDMENTS)
        .owned_by("sample_id", "samples")
        // The values as they stood, and as amended.
        .cols([text("condition_before"), text("condition_after")])
        .cols([string("storage_before"), string("storage_after")])
        .col(text("reason"))
        .refers("amended_by", "users")
        .col(created_at())
        .to_owned();
    create(
        m,
        amendments,
        &[ix("ix_sample_amendments_sample", &["sample_id", "id"])],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[AMENDMENTS]).await
}
