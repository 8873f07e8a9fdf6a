//! Email notifications go through the database: a state change queues its messages in the
//! same transaction (`mail_outbox`), and any node's sender claims and delivers them over SMTP,
//! so a crash loses none and two nodes never send one twice. `resolutions.overdue_flagged_at`
//! marks the resolutions whose lapse has been told to the agency and the secretariat; those
//! already past their deadline are marked at upgrade, so an upgrade floods nobody.
//! `meetings.agenda_sent_at` says when the members were last sent the agenda.
//! `resolutions.calendar_country` says whose working days a deadline counts (a national
//! resolution has no province: it counts in the bound agency's country).

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    TableColumns, add_column, create, created_at, drop_column, drop_tables, ix, with_id,
};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let outbox = with_id("mail_outbox")
        .cols([string("recipient"), string_len("lang", 8)])
        // What happened (`resolution_assigned`…) and its facts, rendered at sending
        // time in the recipient's language.
        .cols([string("kind"), text("args"), created_at()])
        .col(timestamp_with_time_zone("next_attempt_at"))
        .col(integer("attempts").default(0))
        .cols([
            timestamp_with_time_zone_null("claimed_until"),
            string_null("claim"),
        ])
        .cols([
            timestamp_with_time_zone_null("sent_at"),
            text_null("last_error"),
        ])
        .to_owned();
    let due = ix("ix_mail_outbox_due", &["sent_at", "next_attempt_at"]);
    create(m, outbox, &[due]).await?;
    add_column(
        m,
        "resolutions",
        timestamp_with_time_zone_null("overdue_flagged_at"),
    )
    .await?;
    add_column(m, "resolutions", string_len_null("calendar_country", 2)).await?;
    add_column(
        m,
        "meetings",
        timestamp_with_time_zone_null("agenda_sent_at"),
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

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(m, "meetings", "agenda_sent_at").await?;
    drop_column(m, "resolutions", "calendar_country").await?;
    drop_column(m, "resolutions", "overdue_flagged_at").await?;
    drop_tables(m, &["mail_outbox"]).await
}
