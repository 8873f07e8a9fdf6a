//! SeaORM entities of the registry. Private to the registry: other modules go through the
//! service, which applies the actor's scope.

use crate::db::entity::entity;

entity!(unit, "units", derive(Eq), {
    /// Set when the unit gets its own user accounts.
    organisation_id: Option<i64>,
    country: String,
    national_id: String,
    name_fa: String,
    name_en: String,
    name_vi: String,
    province_code: String,
    city: String,
    isic_class: String,
    isic_section: String,
    size_class: String,
    knowledge_based: bool,
    status: String,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(product, "unit_products", derive(Eq), {
    unit_id: i64,
    name: String,
    hs_code: String,
});

entity!(qc_manager, "unit_qc_managers", derive(Eq), {
    unit_id: i64,
    full_name: String,
    national_code: String,
});

pub mod term {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "unit_terms")]
    pub struct Model {
        /// The unit's province, first in the key: a provincial search reads its own terms.
        #[sea_orm(primary_key, auto_increment = false)]
        pub province_code: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub term: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub unit_id: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
