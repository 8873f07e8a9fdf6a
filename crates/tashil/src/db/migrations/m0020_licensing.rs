//! Licences and permits (seeds 000–002): permit types as versioned definitions, who decides
//! each step in each province, applications with their products, the steps they went
//! through (the lead-time figures are read from these), the messages between an applicant
//! and the office, and the licences issued.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, province, ux, with_id};

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let types = with_id("permit_types")
        .col(string_uniq("code"))
        // IR or VN: each national body defines its own.
        .col(string("country"))
        .trilingual("name", text)
        .cols([integer("current_version"), boolean("active")])
        .cols([created_at(), timestamp_with_time_zone("updated_at")])
        .to_owned();
    create(m, types, &[]).await?;

    let versions = with_id("permit_type_versions")
        .owned_by("permit_type_id", "permit_types")
        .col(integer("version"))
        // The definition (steps, conditions, documents, fees, fast track) as JSON: written
        // once, never edited.
        .col(text("definition"))
        .refers("created_by", "users")
        .col(created_at())
        .to_owned();
    let one_each = ux("ux_permit_versions", &["permit_type_id", "version"]);
    create(m, versions, &[one_each]).await?;

    let delegations = with_id("permit_delegations")
        .owned_by("permit_type_id", "permit_types")
        .cols([string("step_code"), province()])
        // province or national; no row means the national body decides.
        .col(string("decider"))
        .refers("updated_by", "users")
        .col(timestamp_with_time_zone("updated_at"))
        .to_owned();
    let cols = ["permit_type_id", "step_code", "province_code"];
    create(m, delegations, &[ux("ux_permit_delegations", &cols)]).await?;

    let applications = with_id("applications")
        // The public tracking code (no personal data behind it).
        .col(string_uniq("tracking_code"))
        .refers("unit_id", "units")
        .col(province())
        .refers("permit_type_id", "permit_types")
        .refers("version_id", "permit_type_versions")
        .refers("applicant_user_id", "users")
        // in_progress, issued, rejected, appealed, withdrawn.
        .cols([string("status"), integer("step_index")])
        // The fast-track rule that applied and the facts it read, as JSON.
        .col(text_null("fast_track"))
        // The plan: each step's working days, or null when skipped, as JSON.
        .col(text("plan"))
        // The conditions cited and the explanation, as JSON.
        .col(text_null("rejection"))
        .cols([boolean("appealed_once"), text_null("appeal_reason")])
        .col(boolean("decided_by_silence"))
        .col(timestamp_with_time_zone_null("decided_at"))
        .edited()
        .to_owned();
    let indexes = [
        ix(
            "ix_applications_province",
            &["province_code", "status", "id"],
        ),
        ix("ix_applications_unit", &["unit_id", "id"]),
    ];
    create(m, applications, &indexes).await?;

    let products = with_id("application_products")
        .owned_by("application_id", "applications")
        .cols([text("product"), text("brand"), string("hs_code")])
        .may_refer("standard_id", "standards")
        // Its designation when the unit applied ("ISIRI 1234:1398").
        .col(text_null("standard"))
        .to_owned();
    let by_application = ix("ix_application_products", &["application_id"]);
    create(m, products, &[by_application]).await?;

    let steps = with_id("application_steps")
        .owned_by("application_id", "applications")
        .cols([integer("step_index"), string("step_code")])
        // The province's code, or NATIONAL: who decides this step.
        .col(string("deciding_office"))
        // The country whose working days the deadline counts.
        .col(string("calendar_country"))
        .col(integer("deadline_days"))
        .col(timestamp_with_time_zone("started_at"))
        .cols([date("due_on"), boolean("due_provisional")])
        .cols([
            boolean("consent"),
            timestamp_with_time_zone_null("ended_at"),
        ])
        // passed, consent, skipped, rejected, withdrawn; null while open.
        .col(string_null("outcome"))
        .may_refer("actor_user_id", "users")
        .col(text_null("note"))
        // Working days it took (null while open).
        .col(integer_null("working_days"))
        .to_owned();
    let indexes = [
        ix("ix_application_steps", &["application_id", "step_index"]),
        // The silence job's scan: open consent steps by due date.
        ix(
            "ix_application_steps_due",
            &["consent", "ended_at", "due_on"],
        ),
    ];
    create(m, steps, &indexes).await?;

    let messages = with_id("application_messages")
        .owned_by("application_id", "applications")
        .refers("author_user_id", "users")
        .cols([boolean("from_applicant"), text("body"), created_at()])
        .to_owned();
    let in_order = ix("ix_application_messages", &["application_id", "id"]);
    create(m, messages, &[in_order]).await?;

    let licences = with_id("licences")
        .col(string_uniq("number"))
        .refers("application_id", "applications")
        .refers("unit_id", "units")
        .col(province())
        .refers("permit_type_id", "permit_types")
        // active, suspended, revoked, expired.
        .cols([string("status"), date("valid_from"), date("valid_until")])
        // Products, brands and standards covered, as JSON.
        .col(text("covers"))
        .cols([text_null("status_reason"), text_null("legal_basis")])
        // 60 then 30: the last renewal reminder queued.
        .col(integer_null("reminded_days"))
        .edited()
        .to_owned();
    let indexes = [
        ix("ix_licences_unit", &["unit_id", "id"]),
        ix("ix_licences_status_until", &["status", "valid_until"]),
    ];
    create(m, licences, &indexes).await
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
