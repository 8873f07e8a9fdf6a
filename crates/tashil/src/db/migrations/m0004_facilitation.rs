//! The facilitation desk: obstacle cases and their timeline, the bodies that meet on them
//! (working groups, councils, headquarters), meetings with agendas and attendance, and the
//! resolutions that bind agencies, with their progress reports.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0004_facilitation"
    }
}

fn index(name: &str, table: &str, cols: &[&str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(Alias::new(table));
    for c in cols {
        i.col(Alias::new(*c));
    }
    i.to_owned()
}

fn fk(from: &str, col: &str, to: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(Alias::new(from), Alias::new(col))
        .to(Alias::new(to), Alias::new("id"))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("obstacle_cases")
                .col(big_pk_auto("id"))
                // Shown to the reporter: province, Solar Hijri or Gregorian year, sequence.
                .col(string_uniq("number"))
                .col(string("province_code"))
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
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(timestamp_with_time_zone_null("closed_at"))
                .col(integer("version"))
                .foreign_key(&mut fk(
                    "obstacle_cases",
                    "reporter_org_id",
                    "organisations",
                ))
                .foreign_key(&mut fk("obstacle_cases", "reporter_user_id", "users"))
                .foreign_key(&mut fk("obstacle_cases", "unit_id", "units"))
                .foreign_key(&mut fk("obstacle_cases", "merged_into", "obstacle_cases"))
                .foreign_key(&mut fk(
                    "obstacle_cases",
                    "routed_to_org_id",
                    "organisations",
                ))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            (
                "ix_cases_province_status",
                &["province_code", "status", "id"][..],
            ),
            ("ix_cases_level_status", &["level", "status", "id"][..]),
            ("ix_cases_reporter", &["reporter_org_id", "id"][..]),
            ("ix_cases_routed", &["routed_to_org_id", "id"][..]),
        ] {
            m.create_index(index(name, "obstacle_cases", cols)).await?;
        }
        m.create_table(
            Table::create()
                .table("case_events")
                .col(big_pk_auto("id"))
                .col(big_integer("case_id"))
                .col(timestamp_with_time_zone("at"))
                .col(big_integer_null("actor_user_id"))
                .col(big_integer_null("actor_org_id"))
                .col(string("kind"))
                .col(text("note"))
                .foreign_key(&mut fk("case_events", "case_id", "obstacle_cases"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_case_events_case",
            "case_events",
            &["case_id", "id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("facilitation_bodies")
                .col(big_pk_auto("id"))
                // NULL: a national body.
                .col(string_null("province_code"))
                .col(string("kind"))
                .col(string("name_fa"))
                .col(string("name_en"))
                .col(string("name_vi"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("body_members")
                .col(big_integer("body_id"))
                .col(big_integer("organisation_id"))
                // "agency" or "private" (chamber of commerce, associations).
                .col(string("seat"))
                .primary_key(Index::create().col("body_id").col("organisation_id"))
                .foreign_key(&mut fk("body_members", "body_id", "facilitation_bodies"))
                .foreign_key(&mut fk("body_members", "organisation_id", "organisations"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("meetings")
                .col(big_pk_auto("id"))
                .col(big_integer("body_id"))
                .col(date("held_on"))
                .col(string("status"))
                .col(text("minutes"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("meetings", "body_id", "facilitation_bodies"))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_meetings_body",
            "meetings",
            &["body_id", "held_on"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("agenda_items")
                .col(big_pk_auto("id"))
                .col(big_integer("meeting_id"))
                .col(big_integer_null("case_id"))
                .col(text("title"))
                .col(big_integer("proposed_by_org_id"))
                .col(integer("position"))
                .foreign_key(&mut fk("agenda_items", "meeting_id", "meetings"))
                .foreign_key(&mut fk("agenda_items", "case_id", "obstacle_cases"))
                .foreign_key(&mut fk(
                    "agenda_items",
                    "proposed_by_org_id",
                    "organisations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_agenda_meeting",
            "agenda_items",
            &["meeting_id", "position"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("meeting_attendance")
                .col(big_integer("meeting_id"))
                .col(big_integer("organisation_id"))
                .col(boolean("present"))
                .primary_key(Index::create().col("meeting_id").col("organisation_id"))
                .foreign_key(&mut fk("meeting_attendance", "meeting_id", "meetings"))
                .foreign_key(&mut fk(
                    "meeting_attendance",
                    "organisation_id",
                    "organisations",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("resolutions")
                .col(big_pk_auto("id"))
                // NULL: a case routed straight to an agency by the technical committee.
                .col(big_integer_null("meeting_id"))
                .col(big_integer_null("case_id"))
                .col(string("province_code"))
                .col(big_integer("agency_org_id"))
                .col(text("action"))
                .col(integer("working_days"))
                .col(date("deadline"))
                .col(text("proof"))
                .col(string("status"))
                .col(text("evidence"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("done_at"))
                .col(integer("version"))
                .foreign_key(&mut fk("resolutions", "meeting_id", "meetings"))
                .foreign_key(&mut fk("resolutions", "case_id", "obstacle_cases"))
                .foreign_key(&mut fk("resolutions", "agency_org_id", "organisations"))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            (
                "ix_resolutions_agency",
                &["agency_org_id", "status", "deadline"][..],
            ),
            ("ix_resolutions_case", &["case_id"][..]),
            (
                "ix_resolutions_province",
                &["province_code", "status", "deadline"][..],
            ),
        ] {
            m.create_index(index(name, "resolutions", cols)).await?;
        }
        m.create_table(
            Table::create()
                .table("resolution_updates")
                .col(big_pk_auto("id"))
                .col(big_integer("resolution_id"))
                .col(timestamp_with_time_zone("at"))
                .col(big_integer("user_id"))
                .col(text("note"))
                .col(text("evidence"))
                .foreign_key(&mut fk(
                    "resolution_updates",
                    "resolution_id",
                    "resolutions",
                ))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "resolution_updates",
            "resolutions",
            "meeting_attendance",
            "agenda_items",
            "meetings",
            "body_members",
            "facilitation_bodies",
            "case_events",
            "obstacle_cases",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
