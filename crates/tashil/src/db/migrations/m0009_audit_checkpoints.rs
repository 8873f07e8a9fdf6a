//! Signed checkpoints of the audit chain's head (ADR 0005). Kept beside `audit_log`, not in
//! it: a checkpoint is not a state change, and auditing it would move the head it signs. One
//! row per head: two nodes signing the same head at once leave one row (unique `seq`).

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0009_audit_checkpoints"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("audit_checkpoints")
                .col(big_pk_auto("id"))
                .col(big_integer("seq"))
                .col(string_len("head_hash", 64))
                .col(big_integer("entries"))
                // Text, exactly as signed: a timestamp column could give it back reformatted.
                .col(string("created_at"))
                .col(string_len("key_id", 16))
                .col(string("public_key"))
                .col(string("signature"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_audit_checkpoints_seq")
                .table(Alias::new("audit_checkpoints"))
                .col(Alias::new("seq"))
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            Table::drop()
                .table(Alias::new("audit_checkpoints"))
                .to_owned(),
        )
        .await
    }
}
