//! SeaORM entities of licensing, private to the context (its tables: migration m0020; the
//! documents m0034).

macro_rules! no_relations {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    };
}

pub mod permit_type {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "permit_types")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub code: String,
        pub country: String,
        pub name_fa: String,
        pub name_vi: String,
        pub name_en: String,
        pub current_version: i32,
        pub active: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    no_relations!();

    impl Model {
        /// The type's name in a reader's language (a notice's recipient).
        pub fn name_in(&self, lang: &str) -> &str {
            match lang {
                "fa" => &self.name_fa,
                "vi" => &self.name_vi,
                _ => &self.name_en,
            }
        }
    }
}

pub mod permit_version {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "permit_type_versions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub permit_type_id: i64,
        pub version: i32,
        pub definition: String,
        pub created_by: i64,
        pub created_at: DateTimeUtc,
    }

    no_relations!();
}

pub mod delegation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "permit_delegations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub permit_type_id: i64,
        pub step_code: String,
        pub province_code: String,
        pub decider: String,
        pub updated_by: i64,
        pub updated_at: DateTimeUtc,
    }

    no_relations!();
}

pub mod application {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "applications")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub tracking_code: String,
        pub unit_id: i64,
        pub province_code: String,
        pub permit_type_id: i64,
        pub version_id: i64,
        pub applicant_user_id: i64,
        pub status: String,
        pub step_index: i32,
        pub fast_track: Option<String>,
        pub plan: String,
        pub rejection: Option<String>,
        pub appealed_once: bool,
        pub appeal_reason: Option<String>,
        pub decided_by_silence: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub decided_at: Option<DateTimeUtc>,
        pub version: i32,
    }

    no_relations!();
}

pub mod product {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "application_products")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub application_id: i64,
        pub product: String,
        pub brand: String,
        pub hs_code: String,
        pub standard_id: Option<i64>,
        pub standard: Option<String>,
    }

    no_relations!();
}

pub mod step {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "application_steps")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub application_id: i64,
        pub step_index: i32,
        pub step_code: String,
        pub deciding_office: String,
        pub calendar_country: String,
        pub deadline_days: i32,
        pub started_at: DateTimeUtc,
        pub due_on: Date,
        pub due_provisional: bool,
        pub consent: bool,
        pub ended_at: Option<DateTimeUtc>,
        pub outcome: Option<String>,
        pub actor_user_id: Option<i64>,
        pub note: Option<String>,
        pub working_days: Option<i32>,
    }

    no_relations!();
}

pub mod message {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "application_messages")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub application_id: i64,
        pub author_user_id: i64,
        pub from_applicant: bool,
        pub body: String,
        pub created_at: DateTimeUtc,
    }

    no_relations!();
}

pub mod document {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "application_documents")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub application_id: i64,
        pub document: String,
        pub file_name: String,
        pub content_type: String,
        pub size: i64,
        pub sha256: String,
        pub content: Vec<u8>,
        pub uploaded_by: i64,
        pub from_applicant: bool,
        pub created_at: DateTimeUtc,
    }

    no_relations!();
}

pub mod licence {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "licences")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub number: String,
        pub application_id: i64,
        pub unit_id: i64,
        pub province_code: String,
        pub permit_type_id: i64,
        pub status: String,
        pub valid_from: Date,
        pub valid_until: Date,
        pub covers: String,
        pub status_reason: Option<String>,
        pub legal_basis: Option<String>,
        pub reminded_days: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub version: i32,
        /// The holder's names as the licence states them (m0032).
        pub holder_fa: String,
        pub holder_en: String,
        pub holder_vi: String,
    }

    no_relations!();
}

pub mod licence_event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "licence_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub licence_id: i64,
        pub unit_id: i64,
        pub kind: String,
        pub reason: Option<String>,
        pub legal_basis: Option<String>,
        pub actor_user_id: Option<i64>,
        pub created_at: DateTimeUtc,
    }

    no_relations!();
}
