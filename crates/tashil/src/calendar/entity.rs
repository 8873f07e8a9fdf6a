//! SeaORM entities of the working calendar, private to the context (tables: migration m0030).

pub mod day {
    use sea_orm::entity::prelude::*;

    /// A day of a loaded table: a day off (`kind` `day_off`, with its holiday key) or a
    /// weekend day worked (`worked`).
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "calendar_days")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub country: String,
        pub year: i32,
        pub day: Date,
        pub kind: String,
        pub holiday_key: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod closure {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "calendar_closures")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub country: String,
        pub year: i32,
        /// Empty for the whole country.
        pub province_code: String,
        pub day: Date,
        pub reason_fa: String,
        pub reason_vi: String,
        pub reason_en: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod load {
    use sea_orm::entity::prelude::*;

    /// A load of the calendar: its token names the calendar it left in force.
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "calendar_loads")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub token: String,
        pub loaded_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub const DAY_OFF: &str = "day_off";
pub const WORKED: &str = "worked";
