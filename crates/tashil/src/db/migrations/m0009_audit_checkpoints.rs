//! Signed checkpoints of the audit chain's head (ADR 0005). Kept beside `audit_log`, not in
//! it: a checkpoint is not a state change, and auditing it would move the head it signs. One
//! row per head: two nodes signing the same head at once leave one row (unique `seq`).

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{create, drop_tables, id, unique};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let checkpoints = Table::create()
        .table("audit_checkpoints")
        .col(id())
        .col(big_integer("seq"))
        .col(string_len("head_hash", 64))
        .col(big_integer("entries"))
        // Text, exactly as signed: a timestamp column could give it back reformatted.
        .col(string("created_at"))
        .col(string_len("key_id", 16))
        .col(string("public_key"))
        .col(string("signature"))
        .to_owned();
    let one_per_head = unique("ux_audit_checkpoints_seq", "audit_checkpoints", &["seq"]);
    create(m, checkpoints, &[one_per_head]).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["audit_checkpoints"]).await
}
