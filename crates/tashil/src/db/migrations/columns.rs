//! The columns, keys and indexes migrations share, so a table says only what is its own.
//! Each helper writes exactly the statement a migration wrote by hand before it (the schema
//! snapshots in `tests/it/schema.rs` hold both backends to that).

use sea_orm_migration::{prelude::*, schema::*};

/// The surrogate key every table with an id starts with.
pub fn id() -> ColumnDef {
    big_pk_auto("id")
}

/// When the row was made.
pub fn created_at() -> ColumnDef {
    timestamp_with_time_zone("created_at")
}

/// The province a row belongs to (`IR-26`, `VN-01`).
pub fn province() -> ColumnDef {
    string("province_code")
}

/// An index of `table` over `cols`, in that order.
pub fn index(name: &str, table: &str, cols: &[&str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(Alias::new(table));
    for c in cols {
        i.col(Alias::new(*c));
    }
    i.to_owned()
}

/// A unique index of `table` over `cols`.
pub fn unique(name: &str, table: &str, cols: &[&str]) -> IndexCreateStatement {
    index(name, table, cols).unique().to_owned()
}

/// Columns a table's create statement takes as a group.
pub trait TableColumns {
    /// `{stem}_fa`, `{stem}_en`, `{stem}_vi`: one value in the three languages.
    fn trilingual(&mut self, stem: &str, column: fn(String) -> ColumnDef) -> &mut Self;
    /// `created_at`, `updated_at` and the `version` an edit must name (optimistic locking).
    fn edited(&mut self) -> &mut Self;
    /// `col` holds the id of a row of `to`.
    fn references(&mut self, col: &str, to: &str) -> &mut Self;
    /// `col` holds the id of the row of `to` this one belongs to, and goes with it.
    fn belongs_to(&mut self, col: &str, to: &str) -> &mut Self;
}

impl TableColumns for TableCreateStatement {
    fn trilingual(&mut self, stem: &str, column: fn(String) -> ColumnDef) -> &mut Self {
        for lang in ["fa", "en", "vi"] {
            self.col(column(format!("{stem}_{lang}")));
        }
        self
    }

    fn edited(&mut self) -> &mut Self {
        self.col(created_at())
            .col(timestamp_with_time_zone("updated_at"))
            .col(integer("version"))
    }

    fn references(&mut self, col: &str, to: &str) -> &mut Self {
        self.foreign_key(&mut reference(col, to))
    }

    fn belongs_to(&mut self, col: &str, to: &str) -> &mut Self {
        self.foreign_key(reference(col, to).on_delete(ForeignKeyAction::Cascade))
    }
}

/// A key of the table being created (which a `CREATE TABLE` names already).
fn reference(col: &str, to: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from_col(Alias::new(col))
        .to(Alias::new(to), Alias::new("id"))
        .to_owned()
}

/// Creates `table`, then its `indexes`.
pub async fn create(
    m: &SchemaManager<'_>,
    table: TableCreateStatement,
    indexes: &[IndexCreateStatement],
) -> Result<(), DbErr> {
    m.create_table(table).await?;
    for i in indexes {
        m.create_index(i.to_owned()).await?;
    }
    Ok(())
}

/// Adds `column` to an existing `table`.
pub async fn add_column(
    m: &SchemaManager<'_>,
    table: &str,
    column: ColumnDef,
) -> Result<(), DbErr> {
    m.alter_table(
        Table::alter()
            .table(Alias::new(table))
            .add_column(column)
            .to_owned(),
    )
    .await
}

/// Drops `column` of `table` (what [`add_column`] added).
pub async fn drop_column(m: &SchemaManager<'_>, table: &str, column: &str) -> Result<(), DbErr> {
    m.alter_table(
        Table::alter()
            .table(Alias::new(table))
            .drop_column(Alias::new(column))
            .to_owned(),
    )
    .await
}

/// Drops `tables`, in the order given (those that refer to others first).
pub async fn drop_tables(m: &SchemaManager<'_>, tables: &[&str]) -> Result<(), DbErr> {
    for t in tables {
        m.drop_table(Table::drop().table(Alias::new(*t)).to_owned())
            .await?;
    }
    Ok(())
}
