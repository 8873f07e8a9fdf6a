//! Documents an applicant uploads to its application (issue 16, item 3), each naming which
//! of the permit type's documents it is, or `other`. Kept in the database, as case
//! attachments are, so every node serves them and a backup holds them.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let documents = with_id("application_documents")
        .owned_by("application_id", "applications")
        // A code of the version's `documents`, or `other`.
        .col(string("document"))
        .cols([string("file_name"), string("content_type")])
        .cols([big_integer("size"), string("sha256"), blob("content")])
        .refers("uploaded_by", "users")
        .cols([boolean("from_applicant"), created_at()])
        .to_owned();
    let by_application = ix("ix_application_documents", &["application_id", "id"]);
    create(m, documents, &[by_application]).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["application_documents"]).await
}
