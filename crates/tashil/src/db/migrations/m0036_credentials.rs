//! Verifiable credentials (issue 18): the issuers' Ed25519 keys, each seed sealed under
//! `TASHIL_CREDENTIAL_KEY` (one generation per rotation, the highest signs; a unique index keeps
//! two nodes from both creating a first key); one credential per licence, whose id is its
//! index in the status lists and whose signed forms are stored so every node serves the same
//! bytes; and the stamps that name each state of the status lists.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ux, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let keys = with_id("credential_issuer_keys")
        // `national` today; a provincial office's code when provinces issue.
        .cols([string_len("issuer", 32), integer("generation")])
        .cols([string("public_key"), string("sealed_seed"), created_at()])
        .to_owned();
    let one_per_generation = ux("ux_credential_issuer_keys", &["issuer", "generation"]);
    create(m, keys, &[one_per_generation]).await?;

    let credentials = with_id("credentials")
        .owned_by("licence_id", "licences")
        // The short code of the public verification URL (`/v/{code}`).
        .col(string_len_uniq("code", 16))
        .cols([boolean("suspended"), boolean("revoked")])
        // The forms signed, all at once by the first node asked that holds the key.
        .cols([
            text_null("di_rdfc"),
            text_null("di_jcs"),
            text_null("vc_jwt"),
        ])
        .may_refer("key_id", "credential_issuer_keys")
        .cols([timestamp_with_time_zone_null("signed_at"), created_at()])
        .to_owned();
    let one_per_licence = ux("ux_credentials_licence", &["licence_id"]);
    create(m, credentials, &[one_per_licence]).await?;

    // A new random token each time a bit of a status list or the signing key changes.
    let stamps = with_id("credential_status_stamps")
        .cols([
            string_len_uniq("token", 36),
            timestamp_with_time_zone("stamped_at"),
        ])
        .to_owned();
    create(m, stamps, &[]).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &[
            "credential_status_stamps",
            "credentials",
            "credential_issuer_keys",
        ],
    )
    .await
}
