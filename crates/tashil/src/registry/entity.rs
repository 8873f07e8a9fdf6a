//! SeaORM entities of the registry. Private to the registry: other modules go through the
//! service, which applies the actor's scope.

pub mod unit {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "units")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        /// Set when the unit gets its own user accounts.
        pub organisation_id: Option<i64>,
        pub country: String,
        pub national_id: String,
        pub name_fa: String,
        pub name_en: String,
        pub name_vi: String,
        pub province_code: String,
        pub city: String,
        pub isic_class: String,
        pub isic_section: String,
        pub size_class: String,
        pub knowledge_based: bool,
        pub status: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod product {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "unit_products")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub unit_id: i64,
        pub name: String,
        pub hs_code: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod qc_manager {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "unit_qc_managers")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub unit_id: i64,
        pub full_name: String,
        pub national_code: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

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
