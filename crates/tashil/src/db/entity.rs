//! The SeaORM entity of a table keyed by a surrogate `id`, with no relations declared
//! (contexts join in their queries): each context's `entity.rs` names only its columns.

/// `entity!(module, "table", { field: Type, … })`, or with `derive(Eq)` after the table
/// name; a field may carry attributes and doc comments.
macro_rules! entity {
    (
        $(#[$doc:meta])*
        $module:ident, $table:literal $(, derive($($extra:ident),+))?,
        { $($(#[$attr:meta])* $field:ident : $ty:ty),+ $(,)? }
    ) => {
        $(#[$doc])*
        pub mod $module {
            use sea_orm::entity::prelude::*;

            #[derive(Clone, Debug, PartialEq, $($($extra,)+)? DeriveEntityModel)]
            #[sea_orm(table_name = $table)]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i64,
                $($(#[$attr])* pub $field: $ty),+
            }

            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {}

            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}

pub(crate) use entity;
