//! Licences after issue: the holder's names as the licence states them, every suspension,
//! revocation, lift and expiry as an event (the fast track reads a unit's suspensions from
//! here, so a lifted one still counts), and the folded words the public register finds a
//! licence by (`licence_terms`, searched as `unit_terms` is: ADR 0001, ADR 0009).

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    TableColumns, add_column, create, drop_column, drop_tables, ix, terms_table, with_id,
};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    for lang in ["fa", "en", "vi"] {
        add_column(
            m,
            "licences",
            string(format!("holder_{lang}")).default("").to_owned(),
        )
        .await?;
    }

    let events = with_id("licence_events")
        .owned_by("licence_id", "licences")
        .col(big_integer("unit_id"))
        // suspended, revoked, lifted, expired.
        .cols([
            string("kind"),
            text_null("reason"),
            text_null("legal_basis"),
        ])
        .col(big_integer_null("actor_user_id"))
        .col(timestamp_with_time_zone("created_at"))
        .to_owned();
    let by_unit = ix("ix_licence_events_unit", &["unit_id", "kind", "created_at"]);
    create(m, events, &[by_unit]).await?;

    // One row per folded word of a licence: its number, holder's names and national ID,
    // products and brands. SQLite clusters the table on its key (WITHOUT ROWID).
    let owner = ("licence_id", "licences");
    terms_table(m, "licence_terms", owner, "ix_licence_terms_licence").await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["licence_terms", "licence_events"]).await?;
    for lang in ["fa", "en", "vi"] {
        drop_column(m, "licences", &format!("holder_{lang}")).await?;
    }
    Ok(())
}
