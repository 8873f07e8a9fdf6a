//! The columns, keys and indexes migrations share, so a table says only what is its own.
//! Each helper writes exactly the statement a migration wrote by hand before it (the schema
//! snapshots in `tests/it/schema.rs` hold both backends to that).

use sea_orm_migration::{prelude::*, schema::*};

/// The surrogate key every table with an id starts with.
pub fn id() -> ColumnDef {
    big_pk_auto("id")
}

/// The create statement of `table`, which starts with its surrogate key.
pub fn with_id(table: &str) -> TableCreateStatement {
    Table::create()
        .table(Alias::new(table))
        .col(id())
        .to_owned()
}

/// When the row was made.
pub fn created_at() -> ColumnDef {
    timestamp_with_time_zone("created_at")
}

/// The province a row belongs to (`IR-26`, `VN-01`).
pub fn province() -> ColumnDef {
    string("province_code")
}

/// The primary key of the table being created, over `cols` in order.
pub fn primary(cols: &[&str]) -> IndexCreateStatement {
    let mut k = Index::create();
    for c in cols {
        k.col(Alias::new(*c));
    }
    k
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

/// Columns a table's create statement takes as a group.
pub trait TableColumns {
    /// `{stem}_fa`, `{stem}_en`, `{stem}_vi`: one value in the three languages.
    fn trilingual(&mut self, stem: &str, column: fn(String) -> ColumnDef) -> &mut Self;
    /// `created_at`, `updated_at` and the `version` an edit must name (optimistic locking).
    fn edited(&mut self) -> &mut Self;
    /// `cols`, in order: columns that go together, on one line.
    fn cols<const N: usize>(&mut self, cols: [ColumnDef; N]) -> &mut Self;
    /// `col` holds the id of a row of `to`.
    fn references(&mut self, col: &str, to: &str) -> &mut Self;
    /// `col` holds the id of the row of `to` this one belongs to, and goes with it.
    fn belongs_to(&mut self, col: &str, to: &str) -> &mut Self;
    /// A column `col` that must hold the id of a row of `to`: the column, then its key.
    fn refers(&mut self, col: &str, to: &str) -> &mut Self;
    /// A column `col` that may hold the id of a row of `to`.
    fn may_refer(&mut self, col: &str, to: &str) -> &mut Self;
    /// A column `col` naming the row of `to` this one belongs to (and goes with).
    fn owned_by(&mut self, col: &str, to: &str) -> &mut Self;
}

impl TableColumns for TableCreateStatement {
    fn cols<const N: usize>(&mut self, cols: [ColumnDef; N]) -> &mut Self {
        for c in cols {
            self.col(c);
        }
        self
    }

    fn refers(&mut self, col: &str, to: &str) -> &mut Self {
        self.col(big_integer(col.to_owned())).references(col, to)
    }

    fn may_refer(&mut self, col: &str, to: &str) -> &mut Self {
        self.col(big_integer_null(col.to_owned()))
            .references(col, to)
    }

    fn owned_by(&mut self, col: &str, to: &str) -> &mut Self {
        self.col(big_integer(col.to_owned())).belongs_to(col, to)
    }

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

/// An index of the table [`create`] makes, by name and columns (in order).
pub struct Ix<'a> {
    name: &'a str,
    cols: &'a [&'a str],
    unique: bool,
}

/// An index named `name` over `cols` of the table being created.
pub fn ix<'a>(name: &'a str, cols: &'a [&'a str]) -> Ix<'a> {
    Ix {
        name,
        cols,
        unique: false,
    }
}

/// A unique index named `name` over `cols` of the table being created.
pub fn ux<'a>(name: &'a str, cols: &'a [&'a str]) -> Ix<'a> {
    Ix {
        unique: true,
        ..ix(name, cols)
    }
}

/// Creates `table`, then its `indexes`.
pub async fn create(
    m: &SchemaManager<'_>,
    table: TableCreateStatement,
    indexes: &[Ix<'_>],
) -> Result<(), DbErr> {
    let name = table.get_table_name().cloned();
    m.create_table(table).await?;
    for i in indexes {
        let mut s = Index::create();
        s.name(i.name);
        if let Some(t) = &name {
            s.table(t.clone());
        }
        for c in i.cols {
            s.col(Alias::new(*c));
        }
        if i.unique {
            s.unique();
        }
        m.create_index(s).await?;
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

/// A table of the folded words records of `owner` (its column and table) are found by: one
/// row per (term, record), clustered on that key on SQLite (WITHOUT ROWID), terms compared
/// bytewise on PostgreSQL; and `index` over (record, term).
pub async fn terms_table(
    m: &SchemaManager<'_>,
    table: &str,
    (col, to): (&str, &str),
    index_name: &str,
) -> Result<(), DbErr> {
    let backend = m.get_database_backend();
    if backend == sea_orm::DbBackend::Sqlite {
        m.get_connection()
            .execute_unprepared(&format!(
                "CREATE TABLE {table} (term TEXT NOT NULL, {col} INTEGER NOT NULL \
                 REFERENCES {to} (id) ON DELETE CASCADE, PRIMARY KEY (term, {col})) WITHOUT ROWID"
            ))
            .await?;
    } else {
        let terms = Table::create()
            .table(Alias::new(table))
            .col(super::bytewise(backend, &mut string("term")).to_owned())
            .owned_by(col, to)
            .primary_key(&mut primary(&["term", col]))
            .to_owned();
        m.create_table(terms).await?;
    }
    m.create_index(index(index_name, table, &[col, "term"]))
        .await
}

/// Runs `sqlite`'s or `postgres`'s statements, by the backend, as one call: every step then
/// runs on one connection of the pool, in order (a rebuilt table, its rename and its indexes).
pub(super) async fn run_per_backend(
    m: &SchemaManager<'_>,
    sqlite: &[&str],
    postgres: &[&str],
) -> Result<(), DbErr> {
    let steps = match m.get_database_backend() {
        sea_orm::DbBackend::Postgres => postgres,
        _ => sqlite,
    };
    m.get_connection()
        .execute_unprepared(&steps.join(";\n"))
        .await?;
    Ok(())
}
