//! The facilitation desk: obstacle cases and their timeline, the bodies that meet on them
//! (working groups, councils, headquarters), meetings with agendas and attendance, and the
//! resolutions that bind agencies, with their progress reports.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    TableColumns, create, created_at, drop_tables, ix, primary, province, with_id,
};

/// The organisations seated on a body or present at a meeting (`owner`: its column and
/// table): one row per pair, with what `fact` says of it.
async fn seats(
    m: &SchemaManager<'_>,
    table: &str,
    (col, to): (&'static str, &str),
    fact: ColumnDef,
) -> Result<(), DbErr> {
    let seats = Table::create()
        .table(Alias::new(table))
        .refers(col, to)
        .refers("organisation_id", "organisations")
        .col(fact)
        .primary_key(&mut primary(&[col, "organisation_id"]))
        .to_owned();
    m.create_table(seats).await
}

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let cases = with_id("obstacle_cases")
        // Shown to the reporter: province, Solar Hijri or Gregorian year, sequence.
        .col(string_uniq("number"))
        .col(province())
        .refers("reporter_org_id", "organisations")
        .refers("reporter_user_id", "users")
        .may_refer("unit_id", "units")
        .cols([string("category"), text("title"), text("description")])
        .cols([
            big_integer_null("amount_at_stake"),
            integer_null("jobs_at_risk"),
        ])
        // "province" or "national": whose queue the case is in.
        .cols([string("status"), string("level"), boolean("escalated")])
        .may_refer("merged_into", "obstacle_cases")
        .may_refer("routed_to_org_id", "organisations")
        .cols([string_null("close_reason"), boolean("solved")])
        .cols([created_at(), timestamp_with_time_zone("updated_at")])
        .cols([
            timestamp_with_time_zone_null("closed_at"),
            integer("version"),
        ])
        .to_owned();
    let indexes = [
        ix(
            "ix_cases_province_status",
            &["province_code", "status", "id"],
        ),
        ix("ix_cases_level_status", &["level", "status", "id"]),
        ix("ix_cases_reporter", &["reporter_org_id", "id"]),
        ix("ix_cases_routed", &["routed_to_org_id", "id"]),
    ];
    create(m, cases, &indexes).await?;

    let events = with_id("case_events")
        .refers("case_id", "obstacle_cases")
        .col(timestamp_with_time_zone("at"))
        .cols([
            big_integer_null("actor_user_id"),
            big_integer_null("actor_org_id"),
        ])
        .cols([string("kind"), text("note")])
        .to_owned();
    let by_case = ix("ix_case_events_case", &["case_id", "id"]);
    create(m, events, &[by_case]).await?;

    let bodies = with_id("facilitation_bodies")
        // NULL: a national body.
        .cols([string_null("province_code"), string("kind")])
        .trilingual("name", string)
        .col(created_at())
        .to_owned();
    m.create_table(bodies).await?;
    // "agency" or "private" (chamber of commerce, associations).
    let body = ("body_id", "facilitation_bodies");
    seats(m, "body_members", body, string("seat")).await?;

    let meetings = with_id("meetings")
        .refers("body_id", "facilitation_bodies")
        .cols([date("held_on"), string("status")])
        .cols([text("minutes"), created_at()])
        .to_owned();
    let by_body = ix("ix_meetings_body", &["body_id", "held_on"]);
    create(m, meetings, &[by_body]).await?;

    let agenda = with_id("agenda_items")
        .refers("meeting_id", "meetings")
        .may_refer("case_id", "obstacle_cases")
        .col(text("title"))
        .refers("proposed_by_org_id", "organisations")
        .col(integer("position"))
        .to_owned();
    let in_order = ix("ix_agenda_meeting", &["meeting_id", "position"]);
    create(m, agenda, &[in_order]).await?;
    let meeting = ("meeting_id", "meetings");
    seats(m, "meeting_attendance", meeting, boolean("present")).await?;

    let resolutions = with_id("resolutions")
        // NULL: a case routed straight to an agency by the technical committee.
        .may_refer("meeting_id", "meetings")
        .may_refer("case_id", "obstacle_cases")
        .col(province())
        .refers("agency_org_id", "organisations")
        .col(text("action"))
        .cols([integer("working_days"), date("deadline")])
        .cols([text("proof"), string("status"), text("evidence")])
        .cols([created_at(), timestamp_with_time_zone_null("done_at")])
        .col(integer("version"))
        .to_owned();
    let indexes = [
        ix(
            "ix_resolutions_agency",
            &["agency_org_id", "status", "deadline"],
        ),
        ix("ix_resolutions_case", &["case_id"]),
        ix(
            "ix_resolutions_province",
            &["province_code", "status", "deadline"],
        ),
    ];
    create(m, resolutions, &indexes).await?;

    let updates = with_id("resolution_updates")
        .refers("resolution_id", "resolutions")
        .cols([timestamp_with_time_zone("at"), big_integer("user_id")])
        .cols([text("note"), text("evidence")])
        .to_owned();
    m.create_table(updates).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &[
            "resolution_updates",
            "resolutions",
            "meeting_attendance",
            "agenda_items",
            "meetings",
            "body_members",
            "facilitation_bodies",
            "case_events",
            "obstacle_cases",
        ],
    )
    .await
}
