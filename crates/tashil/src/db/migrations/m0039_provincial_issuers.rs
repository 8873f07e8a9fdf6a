//! Provincial issuers (ADR 0019): the provinces whose office signs the licences it decides,
//! each with its own did:web and keys (in `credential_issuer_keys`, whose `issuer` is then the
//! province's code), and which issuer a credential belongs to: it is signed by that issuer and
//! its status bits are in that issuer's lists. Credentials made before are the national body's.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{add_column, create, created_at, drop_column, drop_tables, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let issuers = with_id("credential_provincial_issuers")
        .col(string_len_uniq("province_code", 8))
        .col(created_at())
        .to_owned();
    create(m, issuers, &[]).await?;
    add_column(
        m,
        "credentials",
        string_len("issuer", 32).default("national").to_owned(),
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(m, "credentials", "issuer").await?;
    drop_tables(m, &["credential_provincial_issuers"]).await
}
