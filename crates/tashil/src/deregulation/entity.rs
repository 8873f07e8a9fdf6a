//! SeaORM entity of the register, private to the context (its table: migration m0005).

pub mod report {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "regulation_reports")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub number: String,
        pub province_code: String,
        pub reporter_org_id: i64,
        pub reporter_user_id: i64,
        pub rule_title: String,
        pub source: String,
        pub issuing_agency: String,
        pub description: String,
        pub annual_cost: Option<i64>,
        pub hours_lost: Option<i32>,
        pub status: String,
        pub decision: Option<String>,
        pub decision_text: Option<String>,
        pub decided_by: Option<i64>,
        pub decided_at: Option<DateTimeUtc>,
        pub published_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
