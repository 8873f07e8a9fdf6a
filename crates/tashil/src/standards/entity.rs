//! SeaORM entities of the catalogue. Private to the module: other modules go through the
//! service, which applies the actor's rights.

pub mod standard {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "standards")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub body: String,
        pub number: String,
        /// 0 when the designation has no year.
        pub year: i32,
        pub edition: i32,
        pub title_fa: String,
        pub title_en: String,
        pub title_vi: String,
        pub scope_fa: String,
        pub scope_en: String,
        pub scope_vi: String,
        /// ICS codes separated by spaces.
        pub ics: String,
        pub status: String,
        pub replaced_by: Option<i64>,
        pub mandatory: bool,
        pub mandatory_from: Option<Date>,
        pub enquiry_deadline: Option<Date>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod product_scope {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "standard_products")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub standard_id: i64,
        pub hs_prefix: String,
        pub product: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod clause {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "standard_clauses")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub standard_id: i64,
        pub position: i32,
        pub number: String,
        pub parameter_fa: String,
        pub parameter_en: String,
        pub parameter_vi: String,
        pub test_method: String,
        pub unit: String,
        pub min_value: Option<f64>,
        pub max_value: Option<f64>,
        /// Allowed values separated by `|`.
        pub allowed: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod comment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "enquiry_comments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub standard_id: i64,
        /// Empty for a comment on the whole draft.
        pub clause_number: String,
        pub organisation_id: i64,
        pub user_id: i64,
        pub body: String,
        pub proposal: String,
        pub created_at: DateTimeUtc,
        pub decision: Option<String>,
        pub response: Option<String>,
        pub responded_by: Option<i64>,
        pub responded_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
