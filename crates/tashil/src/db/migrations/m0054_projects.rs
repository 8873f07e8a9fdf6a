//! Investment projects (issue 22, items 1 and 2): the project as the office registers it (the
//! investor a registered unit or a new investor by national ID; the amount in the country's
//! currency with its value in a reference currency), its progress plan, its periodic progress
//! reports, the permits (licence applications) and obstacles (facilitation cases) linked to
//! it, and the province's stall rules. Whether a project is stalled, and why, is kept on the
//! project by the daily check, with the case that took it to the working group.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ix, province, ux, with_id};

const PROJECTS: &str = "projects";
const REPORTS: &str = "project_reports";
const PERMITS: &str = "project_permits";
const OBSTACLES: &str = "project_obstacles";
const RULES: &str = "project_stall_rules";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let projects = with_id(PROJECTS)
        .col(province())
        .col(string("city"))
        .col(string("title"))
        // The investor: a registered unit, else the name and national ID given.
        .may_refer("investor_unit_id", "units")
        .cols([string("investor_name"), string_null("investor_national_id")])
        .cols([string("isic"), string("product")])
        // Whole rials or đồng; the reference amount in whole units of the reference currency.
        .cols([big_integer("amount"), string("currency")])
        .cols([big_integer_null("reference_amount"), string_null("reference_currency")])
        .cols([integer("jobs_planned"), integer("jobs_created")])
        .cols([date("starts_on"), date("operation_on")])
        // Milestones (day, per cent) as JSON: a handful, always read with the project.
        .col(text("milestones"))
        .col(string("stage"))
        .col(integer("progress"))
        .col(date_null("last_report_on"))
        // Set by the daily check: the reasons as JSON, since when, and the case it opened.
        .col(boolean("stalled"))
        .col(text_null("stall_reasons"))
        .col(date_null("stalled_since"))
        .may_refer("case_id", "obstacle_cases")
        .refers("created_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        projects,
        &[
            ix("ix_projects_province", &["province_code", "id"]),
            ix("ix_projects_province_stage", &["province_code", "stage"]),
            ix("ix_projects_stalled", &["province_code", "stalled"]),
            ix("ix_projects_investor_unit", &["investor_unit_id"]),
        ],
    )
    .await?;
    let reports = with_id(REPORTS)
        .owned_by("project_id", PROJECTS)
        .col(date("reported_on"))
        .cols([integer("progress"), string("stage"), integer("jobs_created")])
        .col(text_null("note"))
        .refers("by_user", "users")
        .col(timestamp_with_time_zone("created_at"))
        .to_owned();
    create(
        m,
        reports,
        &[ix("ix_project_reports_project", &["project_id", "reported_on"])],
    )
    .await?;
    let permits = with_id(PERMITS)
        .owned_by("project_id", PROJECTS)
        .refers("application_id", "applications")
        .col(timestamp_with_time_zone("created_at"))
        .to_owned();
    create(
        m,
        permits,
        &[ux("ux_project_permits", &["project_id", "application_id"])],
    )
    .await?;
    let obstacles = with_id(OBSTACLES)
        .owned_by("project_id", PROJECTS)
        .refers("case_id", "obstacle_cases")
        .col(timestamp_with_time_zone("created_at"))
        .to_owned();
    create(
        m,
        obstacles,
        &[ux("ux_project_obstacles", &["project_id", "case_id"])],
    )
    .await?;
    // One row per province that set its own; the others use the defaults.
    let rules = with_id(RULES)
        .col(province())
        .cols([
            integer_null("silent_working_days"),
            integer_null("behind_plan_points"),
            integer_null("obstacle_open_days"),
        ])
        .col(boolean("permit_overdue"))
        .edited()
        .to_owned();
    create(
        m,
        rules,
        &[ux("ux_project_stall_rules_province", &["province_code"])],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[RULES, OBSTACLES, PERMITS, REPORTS, PROJECTS]).await
}
