//! Documents an applicant uploads to its application (issue 16, item 3), each naming which
//! of the permit type's documents it is, or `other`. Kept in the database, as case
//! attachments are, so every node serves them and a backup holds them.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, id, index};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let documents = Table::create()
        .table("application_documents")
        .col(id())
        .col(big_integer("application_id"))
        // A code of the version's `documents`, or `other`.
        .col(string("document"))
        .col(string("file_name"))
        .col(string("content_type"))
        .col(big_integer("size"))
        .col(string("sha256"))
        .col(blob("content"))
        .col(big_integer("uploaded_by"))
        .col(boolean("from_applicant"))
        .col(created_at())
        .belongs_to("application_id", "applications")
        .references("uploaded_by", "users")
        .to_owned();
    let by_application = index(
        "ix_application_documents",
        "application_documents",
        &["application_id", "id"],
    );
    create(m, documents, &[by_application]).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &["application_documents"]).await
}
