//! Settings, organisations, users, sessions, API tokens, login throttling, audit log.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, with_id};

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
    let organisations = with_id("organisations")
        .col(string("kind"))
        .trilingual("name", string)
        .cols([string_null("province_code"), string("country")])
        .col(created_at())
        .to_owned();
    m.create_table(organisations).await?;
    let users = with_id("users")
        .cols([string_uniq("email"), string("display_name")])
        .cols([string("password_hash"), string("role")])
        .refers("organisation_id", "organisations")
        .cols([string_null("province_code"), string("lang")])
        .cols([boolean("active"), created_at()])
        .to_owned();
    m.create_table(users).await?;
    let sessions = Table::create()
        .table("sessions")
        .col(string("id").primary_key())
        .owned_by("user_id", "users")
        .cols([created_at(), timestamp_with_time_zone("expires_at")])
        .to_owned();
    m.create_table(sessions).await?;
    let api_tokens = with_id("api_tokens")
        .cols([string_uniq("token_hash"), string("name")])
        .owned_by("user_id", "users")
        .cols([created_at(), timestamp_with_time_zone_null("revoked_at")])
        .to_owned();
    m.create_table(api_tokens).await?;
    let login_attempts = with_id("login_attempts")
        .cols([string("subject"), timestamp_with_time_zone("at")])
        .to_owned();
    let by_subject = ix("ix_login_attempts_subject_at", &["subject", "at"]);
    create(m, login_attempts, &[by_subject]).await?;
    let audit_log = with_id("audit_log")
        .col(string("at"))
        .cols([big_integer_null("actor_user_id"), string("actor")])
        .cols([string("action"), string("entity"), string("entity_id")])
        .cols([text_null("before"), text_null("after")])
        .cols([string_uniq("prev_hash"), string("hash")])
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
