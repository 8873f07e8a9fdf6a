//! The facilitation desk: obstacle cases and their timeline, the bodies that meet on them
//! (working groups, councils, headquarters), meetings with agendas and attendance, and the
//! resolutions that bind agencies, with their progress reports.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, id, index, province};

/// The organisations seated on a body or present at a meeting: one row per pair, with what
/// `fact` says of it.
fn seats(table: &str, owner: &'static str, owners: &str, fact: ColumnDef) -> TableCreateStatement {
    Table::create()
        .table(Alias::new(table))
        .col(big_integer(owner))
        .col(big_integer("organisation_id"))
        .col(fact)
        .primary_key(Index::create().col(owner).col("organisation_id"))
        .references(owner, owners)
        .references("organisation_id", "organisations")
        .to_owned()
}

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let cases = Table::create()
        .table("obstacle_cases")
        .col(id())
        // Shown to the reporter: province, Solar Hijri or Gregorian year, sequence.
        .col(string_uniq("number"))
        .col(province())
        .col(big_integer("reporter_org_id"))
        .col(big_integer("reporter_user_id"))
        .col(big_integer_null("unit_id"))
        .col(string("category"))
        .col(text("title"))
        .col(text("description"))
        .col(big_integer_null("amount_at_stake"))
        .col(integer_null("jobs_at_risk"))
        .col(string("status"))
        // "province" or "national": whose queue the case is in.
        .col(string("level"))
        .col(boolean("escalated"))
        .col(big_integer_null("merged_into"))
        .col(big_integer_null("routed_to_org_id"))
        .col(string_null("close_reason"))
        .col(boolean("solved"))
        .col(created_at())
        .col(timestamp_with_time_zone("updated_at"))
        .col(timestamp_with_time_zone_null("closed_at"))
        .col(integer("version"))
        .references("reporter_org_id", "organisations")
        .references("reporter_user_id", "users")
        .references("unit_id", "units")
        .references("merged_into", "obstacle_cases")
        .references("routed_to_org_id", "organisations")
        .to_owned();
    let indexes = [
        index(
            "ix_cases_province_status",
            "obstacle_cases",
            &["province_code", "status", "id"],
        ),
        index(
            "ix_cases_level_status",
            "obstacle_cases",
            &["level", "status", "id"],
        ),
        index(
            "ix_cases_reporter",
            "obstacle_cases",
            &["reporter_org_id", "id"],
        ),
        index(
            "ix_cases_routed",
            "obstacle_cases",
            &["routed_to_org_id", "id"],
        ),
    ];
    create(m, cases, &indexes).await?;

    let events = Table::create()
        .table("case_events")
        .col(id())
        .col(big_integer("case_id"))
        .col(timestamp_with_time_zone("at"))
        .col(big_integer_null("actor_user_id"))
        .col(big_integer_null("actor_org_id"))
        .col(string("kind"))
        .col(text("note"))
        .references("case_id", "obstacle_cases")
        .to_owned();
    let by_case = index("ix_case_events_case", "case_events", &["case_id", "id"]);
    create(m, events, &[by_case]).await?;

    let bodies = Table::create()
        .table("facilitation_bodies")
        .col(id())
        // NULL: a national body.
        .col(string_null("province_code"))
        .col(string("kind"))
        .trilingual("name", string)
        .col(created_at())
        .to_owned();
    m.create_table(bodies).await?;
    // "agency" or "private" (chamber of commerce, associations).
    let seat = string("seat");
    m.create_table(seats(
        "body_members",
        "body_id",
        "facilitation_bodies",
        seat,
    ))
    .await?;

    let meetings = Table::create()
        .table("meetings")
        .col(id())
        .col(big_integer("body_id"))
        .col(date("held_on"))
        .col(string("status"))
        .col(text("minutes"))
        .col(created_at())
        .references("body_id", "facilitation_bodies")
        .to_owned();
    let by_body = index("ix_meetings_body", "meetings", &["body_id", "held_on"]);
    create(m, meetings, &[by_body]).await?;

    let agenda = Table::create()
        .table("agenda_items")
        .col(id())
        .col(big_integer("meeting_id"))
        .col(big_integer_null("case_id"))
        .col(text("title"))
        .col(big_integer("proposed_by_org_id"))
        .col(integer("position"))
        .references("meeting_id", "meetings")
        .references("case_id", "obstacle_cases")
        .references("proposed_by_org_id", "organisations")
        .to_owned();
    let in_order = index(
        "ix_agenda_meeting",
        "agenda_items",
        &["meeting_id", "position"],
    );
    create(m, agenda, &[in_order]).await?;
    let present = boolean("present");
    m.create_table(seats(
        "meeting_attendance",
        "meeting_id",
        "meetings",
        present,
    ))
    .await?;

    let resolutions = Table::create()
        .table("resolutions")
        .col(id())
        // NULL: a case routed straight to an agency by the technical committee.
        .col(big_integer_null("meeting_id"))
        .col(big_integer_null("case_id"))
        .col(province())
        .col(big_integer("agency_org_id"))
        .col(text("action"))
        .col(integer("working_days"))
        .col(date("deadline"))
        .col(text("proof"))
        .col(string("status"))
        .col(text("evidence"))
        .col(created_at())
        .col(timestamp_with_time_zone_null("done_at"))
        .col(integer("version"))
        .references("meeting_id", "meetings")
        .references("case_id", "obstacle_cases")
        .references("agency_org_id", "organisations")
        .to_owned();
    let indexes = [
        index(
            "ix_resolutions_agency",
            "resolutions",
            &["agency_org_id", "status", "deadline"],
        ),
        index("ix_resolutions_case", "resolutions", &["case_id"]),
        index(
            "ix_resolutions_province",
            "resolutions",
            &["province_code", "status", "deadline"],
        ),
    ];
    create(m, resolutions, &indexes).await?;

    let updates = Table::create()
        .table("resolution_updates")
        .col(id())
        .col(big_integer("resolution_id"))
        .col(timestamp_with_time_zone("at"))
        .col(big_integer("user_id"))
        .col(text("note"))
        .col(text("evidence"))
        .references("resolution_id", "resolutions")
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
