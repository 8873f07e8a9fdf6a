//! Settings, organisations, users, sessions, API tokens, login throttling, audit log.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0001_foundation"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("settings")
                .col(string("key").primary_key())
                .col(text("value"))
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared("INSERT INTO settings (key, value) VALUES ('chain-lock', '0')")
            .await?;

        m.create_table(
            Table::create()
                .table("organisations")
                .col(big_pk_auto("id"))
                .col(string("kind"))
                .col(string("name_fa"))
                .col(string("name_en"))
                .col(string("name_vi"))
                .col(string_null("province_code"))
                .col(string("country"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("users")
                .col(big_pk_auto("id"))
                .col(string_uniq("email"))
                .col(string("display_name"))
                .col(string("password_hash"))
                .col(string("role"))
                .col(big_integer("organisation_id"))
                .col(string_null("province_code"))
                .col(string("lang"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("users", "organisation_id")
                        .to("organisations", "id"),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("sessions")
                .col(string("id").primary_key())
                .col(big_integer("user_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("sessions", "user_id")
                        .to("users", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("api_tokens")
                .col(big_pk_auto("id"))
                .col(string_uniq("token_hash"))
                .col(string("name"))
                .col(big_integer("user_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("api_tokens", "user_id")
                        .to("users", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("login_attempts")
                .col(big_pk_auto("id"))
                .col(string("subject"))
                .col(timestamp_with_time_zone("at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_login_attempts_subject_at")
                .table("login_attempts")
                .col("subject")
                .col("at")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("audit_log")
                .col(big_pk_auto("id"))
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
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "audit_log",
            "login_attempts",
            "api_tokens",
            "sessions",
            "users",
            "organisations",
            "settings",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
