//! Files attached to obstacle cases (a bank's refusal letter, a tax notice), kept in the
//! database so every node serves them and a backup holds them.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, id, index};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let attachments = Table::create()
        .table("case_attachments")
        .col(id())
        .col(big_integer("case_id"))
        .col(string("file_name"))
        .col(string("content_type"))
        .col(big_integer("size"))
        .col(string("sha256"))
        .col(blob("content"))
        .col(big_integer("uploaded_by"))
        .col(created_at())
        .references("case_id", "obstacle_cases")
        .references("uploaded_by", "users")
        .to_owned();
    let by_case = index("ix_case_attachments_case", "case_attachments", &["case_id"]);
    create(m, attachments, &[by_case]).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["case_attachments"]).await
}
