//! Each user's time zone: where national staff's days begin and end (provincial staff count
//! on their province's office's clock whatever is stored). Existing users get their country's
//! office zone.

use sea_orm_migration::prelude::*;

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.alter_table(
        Table::alter()
            .table("users")
            .add_column(
                ColumnDef::new("time_zone")
                    .string_len(64)
                    .not_null()
                    .default("Asia/Tehran"),
            )
            .to_owned(),
    )
    .await?;
    m.get_connection()
        .execute_unprepared(
            "UPDATE users SET time_zone = 'Asia/Ho_Chi_Minh' WHERE province_code LIKE 'VN%' \
             OR organisation_id IN (SELECT id FROM organisations WHERE country = 'VN')",
        )
        .await?;
    Ok(())
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.alter_table(
        Table::alter()
            .table("users")
            .drop_column("time_zone")
            .to_owned(),
    )
    .await
}
