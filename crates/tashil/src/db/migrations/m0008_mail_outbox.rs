//! Email notifications go through the database: a state change queues its messages in the
//! same transaction (`mail_outbox`), and any node's sender claims and delivers them over SMTP,
//! so a crash loses none and two nodes never send one twice. `resolutions.overdue_flagged_at`
//! marks the resolutions whose lapse has been told to the agency and the secretariat; those
//! already past their deadline are marked at upgrade, so an upgrade floods nobody.
//! `meetings.agenda_sent_at` says when the members were last sent the agenda.
//! `resolutions.calendar_country` says whose working days a deadline counts (a national
//! resolution has no province: it counts in the bound agency's country).

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0008_mail_outbox"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("mail_outbox")
                .col(big_pk_auto("id"))
                .col(string("recipient"))
                .col(string_len("lang", 8))
                // What happened (`resolution_assigned`…) and its facts, rendered at sending
                // time in the recipient's language.
                .col(string("kind"))
                .col(text("args"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("next_attempt_at"))
                .col(integer("attempts").default(0))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(string_null("claim"))
                .col(timestamp_with_time_zone_null("sent_at"))
                .col(text_null("last_error"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_mail_outbox_due")
                .table(Alias::new("mail_outbox"))
                .col(Alias::new("sent_at"))
                .col(Alias::new("next_attempt_at"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("resolutions"))
                .add_column(timestamp_with_time_zone_null("overdue_flagged_at"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("resolutions"))
                .add_column(string_len_null("calendar_country", 2))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("meetings"))
                .add_column(timestamp_with_time_zone_null("agenda_sent_at"))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        db.execute_unprepared(
            "UPDATE resolutions SET overdue_flagged_at = created_at \
             WHERE status IN ('open', 'in_progress') AND deadline < CURRENT_DATE",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE resolutions SET calendar_country = substr(province_code, 1, 2) WHERE province_code <> ''",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE resolutions SET calendar_country = \
             (SELECT o.country FROM organisations o WHERE o.id = resolutions.agency_org_id) \
             WHERE calendar_country IS NULL",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("meetings"))
                .drop_column(Alias::new("agenda_sent_at"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("resolutions"))
                .drop_column(Alias::new("calendar_country"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("resolutions"))
                .drop_column(Alias::new("overdue_flagged_at"))
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(Alias::new("mail_outbox")).to_owned())
            .await
    }
}
