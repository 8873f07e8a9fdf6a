//! Wallet issuance over OpenID for Verifiable Credential Issuance 1.0 (issue 18, ADR 0017):
//! the credential offers a unit's user makes for a licence (the pre-authorized code and the
//! transaction code stored only as SHA-256 digests; once redeemed, the digest of the access
//! token it gave), and the nonces a wallet's key proofs answer. In the database, so any node
//! redeems what another made; a redemption is one conditional UPDATE, so no two nodes redeem
//! one code.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let offers = with_id("credential_offers")
        .owned_by("licence_id", "licences")
        .owned_by("user_id", "users")
        .col(string_len_uniq("code_hash", 64))
        .cols([string_len("tx_code_hash", 64), integer("tx_attempts")])
        .col(timestamp_with_time_zone("expires_at"))
        .col(timestamp_with_time_zone_null("redeemed_at"))
        .col(string_len_null("token_hash", 64))
        .col(timestamp_with_time_zone_null("token_expires_at"))
        .col(created_at())
        .to_owned();
    let by_token = ix("ix_credential_offers_token", &["token_hash"]);
    create(m, offers, &[by_token]).await?;

    let nonces = with_id("credential_nonces")
        .col(string_len_uniq("nonce", 64))
        .col(timestamp_with_time_zone("expires_at"))
        .col(created_at())
        .to_owned();
    create(m, nonces, &[]).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["credential_nonces", "credential_offers"]).await
}
