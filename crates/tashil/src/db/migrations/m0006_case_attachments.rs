//! Files attached to obstacle cases (a bank's refusal letter, a tax notice), kept in the
//! database so every node serves them and a backup holds them.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let attachments = with_id("case_attachments")
        .refers("case_id", "obstacle_cases")
        .cols([string("file_name"), string("content_type")])
        .cols([big_integer("size"), string("sha256"), blob("content")])
        .refers("uploaded_by", "users")
        .col(created_at())
        .to_owned();
    let by_case = ix("ix_case_attachments_case", &["case_id"]);
    create(m, attachments, &[by_case]).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["case_attachments"]).await
}
