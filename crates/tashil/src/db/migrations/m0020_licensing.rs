//! Licences and permits (seeds 000–002): permit types as versioned definitions, who decides
//! each step in each province, applications with their products, the steps they went
//! through (the lead-time figures are read from these), the messages between an applicant
//! and the office, and the licences issued.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, id, index, province, unique};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let types = Table::create()
        .table("permit_types")
        .col(id())
        .col(string_uniq("code"))
        // IR or VN: each national body defines its own.
        .col(string("country"))
        .trilingual("name", text)
        .col(integer("current_version"))
        .col(boolean("active"))
        .col(created_at())
        .col(timestamp_with_time_zone("updated_at"))
        .to_owned();
    create(m, types, &[]).await?;

    let versions = Table::create()
        .table("permit_type_versions")
        .col(id())
        .col(big_integer("permit_type_id"))
        .col(integer("version"))
        // The definition (steps, conditions, documents, fees, fast track) as JSON: written
        // once, never edited.
        .col(text("definition"))
        .col(big_integer("created_by"))
        .col(created_at())
        .belongs_to("permit_type_id", "permit_types")
        .references("created_by", "users")
        .to_owned();
    let ix = [unique(
        "ux_permit_versions",
        "permit_type_versions",
        &["permit_type_id", "version"],
    )];
    create(m, versions, &ix).await?;

    let delegations = Table::create()
        .table("permit_delegations")
        .col(id())
        .col(big_integer("permit_type_id"))
        .col(string("step_code"))
        .col(province())
        // province or national; no row means the national body decides.
        .col(string("decider"))
        .col(big_integer("updated_by"))
        .col(timestamp_with_time_zone("updated_at"))
        .belongs_to("permit_type_id", "permit_types")
        .references("updated_by", "users")
        .to_owned();
    let ix = [unique(
        "ux_permit_delegations",
        "permit_delegations",
        &["permit_type_id", "step_code", "province_code"],
    )];
    create(m, delegations, &ix).await?;

    let applications = Table::create()
        .table("applications")
        .col(id())
        // The public tracking code (no personal data behind it).
        .col(string_uniq("tracking_code"))
        .col(big_integer("unit_id"))
        .col(province())
        .col(big_integer("permit_type_id"))
        .col(big_integer("version_id"))
        .col(big_integer("applicant_user_id"))
        // in_progress, issued, rejected, appealed, withdrawn.
        .col(string("status"))
        .col(integer("step_index"))
        // The fast-track rule that applied and the facts it read, as JSON.
        .col(text_null("fast_track"))
        // The plan: each step's working days, or null when skipped, as JSON.
        .col(text("plan"))
        // The conditions cited and the explanation, as JSON.
        .col(text_null("rejection"))
        .col(boolean("appealed_once"))
        .col(text_null("appeal_reason"))
        .col(boolean("decided_by_silence"))
        .col(timestamp_with_time_zone_null("decided_at"))
        .edited()
        .references("unit_id", "units")
        .references("permit_type_id", "permit_types")
        .references("version_id", "permit_type_versions")
        .references("applicant_user_id", "users")
        .to_owned();
    let ix = [
        index(
            "ix_applications_province",
            "applications",
            &["province_code", "status", "id"],
        ),
        index("ix_applications_unit", "applications", &["unit_id", "id"]),
    ];
    create(m, applications, &ix).await?;

    let products = Table::create()
        .table("application_products")
        .col(id())
        .col(big_integer("application_id"))
        .col(text("product"))
        .col(text("brand"))
        .col(string("hs_code"))
        .col(big_integer_null("standard_id"))
        // Its designation when the unit applied ("ISIRI 1234:1398").
        .col(text_null("standard"))
        .belongs_to("application_id", "applications")
        .references("standard_id", "standards")
        .to_owned();
    let ix = [index(
        "ix_application_products",
        "application_products",
        &["application_id"],
    )];
    create(m, products, &ix).await?;

    let steps = Table::create()
        .table("application_steps")
        .col(id())
        .col(big_integer("application_id"))
        .col(integer("step_index"))
        .col(string("step_code"))
        // The province's code, or NATIONAL: who decides this step.
        .col(string("deciding_office"))
        // The country whose working days the deadline counts.
        .col(string("calendar_country"))
        .col(integer("deadline_days"))
        .col(timestamp_with_time_zone("started_at"))
        .col(date("due_on"))
        .col(boolean("due_provisional"))
        .col(boolean("consent"))
        .col(timestamp_with_time_zone_null("ended_at"))
        // passed, consent, skipped, rejected, withdrawn; null while open.
        .col(string_null("outcome"))
        .col(big_integer_null("actor_user_id"))
        .col(text_null("note"))
        // Working days it took (null while open).
        .col(integer_null("working_days"))
        .belongs_to("application_id", "applications")
        .references("actor_user_id", "users")
        .to_owned();
    let ix = [
        index(
            "ix_application_steps",
            "application_steps",
            &["application_id", "step_index"],
        ),
        // The silence job's scan: open consent steps by due date.
        index(
            "ix_application_steps_due",
            "application_steps",
            &["consent", "ended_at", "due_on"],
        ),
    ];
    create(m, steps, &ix).await?;

    let messages = Table::create()
        .table("application_messages")
        .col(id())
        .col(big_integer("application_id"))
        .col(big_integer("author_user_id"))
        .col(boolean("from_applicant"))
        .col(text("body"))
        .col(created_at())
        .belongs_to("application_id", "applications")
        .references("author_user_id", "users")
        .to_owned();
    let ix = [index(
        "ix_application_messages",
        "application_messages",
        &["application_id", "id"],
    )];
    create(m, messages, &ix).await?;

    let licences = Table::create()
        .table("licences")
        .col(id())
        .col(string_uniq("number"))
        .col(big_integer("application_id"))
        .col(big_integer("unit_id"))
        .col(province())
        .col(big_integer("permit_type_id"))
        // active, suspended, revoked, expired.
        .col(string("status"))
        .col(date("valid_from"))
        .col(date("valid_until"))
        // Products, brands and standards covered, as JSON.
        .col(text("covers"))
        .col(text_null("status_reason"))
        .col(text_null("legal_basis"))
        // 60 then 30: the last renewal reminder queued.
        .col(integer_null("reminded_days"))
        .edited()
        .references("application_id", "applications")
        .references("unit_id", "units")
        .references("permit_type_id", "permit_types")
        .to_owned();
    let ix = [
        index("ix_licences_unit", "licences", &["unit_id", "id"]),
        index(
            "ix_licences_status_until",
            "licences",
            &["status", "valid_until"],
        ),
    ];
    create(m, licences, &ix).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &[
            "licences",
            "application_messages",
            "application_steps",
            "application_products",
            "applications",
            "permit_delegations",
            "permit_type_versions",
            "permit_types",
        ],
    )
    .await
}
