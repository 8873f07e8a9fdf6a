//! Signed checkpoints of the audit chain's head (ADR 0005). Kept beside `audit_log`, not in
//! it: a checkpoint is not a state change, and auditing it would move the head it signs. One
//! row per head: two nodes signing the same head at once leave one row (unique `seq`).

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ux, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let checkpoints = with_id("audit_checkpoints")
        .cols([big_integer("seq"), string_len("head_hash", 64)])
        .col(big_integer("entries"))
        // Text, exactly as signed: a timestamp column could give it back reformatted.
        .col(string("created_at"))
        .col(string_len("key_id", 16))
        .cols([string("public_key"), string("signature")])
        .to_owned();
    let one_per_head = ux("ux_audit_checkpoints_seq", &["seq"]);
    create(m, checkpoints, &[one_per_head]).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["audit_checkpoints"]).await
}
