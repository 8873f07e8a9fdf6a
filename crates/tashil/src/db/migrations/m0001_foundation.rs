//! Settings, organisations, users, sessions, API tokens, login throttling, audit log.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, id, index};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let settings = Table::create()
        .table("settings")
        .col(string("key").primary_key())
        .col(text("value"))
        .to_owned();
    m.create_table(settings).await?;
    m.get_connection()
        .execute_unprepared("INSERT INTO settings (key, value) VALUES ('chain-lock', '0')")
        .await?;
    let organisations = Table::create()
        .table("organisations")
        .col(id())
        .col(string("kind"))
        .trilingual("name", string)
        .col(string_null("province_code"))
        .col(string("country"))
        .col(created_at())
        .to_owned();
    m.create_table(organisations).await?;
    let users = Table::create()
        .table("users")
        .col(id())
        .col(string_uniq("email"))
        .col(string("display_name"))
        .col(string("password_hash"))
        .col(string("role"))
        .col(big_integer("organisation_id"))
        .col(string_null("province_code"))
        .col(string("lang"))
        .col(boolean("active"))
        .col(created_at())
        .references("organisation_id", "organisations")
        .to_owned();
    m.create_table(users).await?;
    let sessions = Table::create()
        .table("sessions")
        .col(string("id").primary_key())
        .col(big_integer("user_id"))
        .col(created_at())
        .col(timestamp_with_time_zone("expires_at"))
        .belongs_to("user_id", "users")
        .to_owned();
    m.create_table(sessions).await?;
    let api_tokens = Table::create()
        .table("api_tokens")
        .col(id())
        .col(string_uniq("token_hash"))
        .col(string("name"))
        .col(big_integer("user_id"))
        .col(created_at())
        .col(timestamp_with_time_zone_null("revoked_at"))
        .belongs_to("user_id", "users")
        .to_owned();
    m.create_table(api_tokens).await?;
    let login_attempts = Table::create()
        .table("login_attempts")
        .col(id())
        .col(string("subject"))
        .col(timestamp_with_time_zone("at"))
        .to_owned();
    let by_subject = index(
        "ix_login_attempts_subject_at",
        "login_attempts",
        &["subject", "at"],
    );
    create(m, login_attempts, &[by_subject]).await?;
    let audit_log = Table::create()
        .table("audit_log")
        .col(id())
        .col(string("at"))
        .col(big_integer_null("actor_user_id"))
        .col(string("actor"))
        .col(string("action"))
        .col(string("entity"))
        .col(string("entity_id"))
        .col(text_null("before"))
        .col(text_null("after"))
        .col(string_uniq("prev_hash"))
        .col(string("hash"))
        .to_owned();
    m.create_table(audit_log).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &[
            "audit_log",
            "login_attempts",
            "api_tokens",
            "sessions",
            "users",
            "organisations",
            "settings",
        ],
    )
    .await
}
