//! SeaORM entities of the identity tables.

use crate::db::entity::entity;

entity!(organisation, "organisations", derive(Eq), {
    kind: String,
    name_fa: String,
    name_en: String,
    name_vi: String,
    province_code: Option<String>,
    country: String,
    created_at: DateTimeUtc,
});

entity!(user, "users", derive(Eq), {
    email: String,
    display_name: String,
    password_hash: String,
    role: String,
    organisation_id: i64,
    province_code: Option<String>,
    lang: String,
    /// IANA name of the zone national staff count their days in (see `Actor::time_zone`).
    time_zone: String,
    active: bool,
    created_at: DateTimeUtc,
});

pub mod session {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "sessions")]
    pub struct Model {
        /// SHA-256 of the cookie value: a leaked table does not leak sessions.
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub user_id: i64,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

entity!(api_token, "api_tokens", derive(Eq), {
    token_hash: String,
    name: String,
    user_id: i64,
    created_at: DateTimeUtc,
    revoked_at: Option<DateTimeUtc>,
});

entity!(login_attempt, "login_attempts", derive(Eq), {
    subject: String,
    at: DateTimeUtc,
});
