//! Supervision's graduated ladder (issue 21, items 5 and 8): the national body's edits of
//! each rung's names and legal basis (over the defaults in code), the measures taken on
//! units (with the rung and legal basis they cited, the imminent-danger path's
//! justification and its second officer's decision), and the public list of non-compliant
//! products each province's office publishes.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ix, province, ux, with_id};

const RUNGS: &str = "supervision_rungs";
const MEASURES: &str = "supervision_measures";
const UNSAFE: &str = "supervision_unsafe_products";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let rungs = with_id(RUNGS)
        // advice, warning, reinspection, suspension, revocation.
        .col(string("key"))
        .trilingual("name", string)
        .col(text("legal_basis"))
        .refers("updated_by", "users")
        .edited()
        .to_owned();
    create(m, rungs, &[ux("ux_supervision_rungs_key", &["key"])]).await?;
    let measures = with_id(MEASURES)
        .owned_by("unit_id", "units")
        // Copied from the unit: its province's office and inspectors read by it.
        .col(province())
        // The rung's key and position, and the legal basis it cited when taken.
        .col(string("rung"))
        .col(integer("position"))
        .col(text("legal_basis"))
        // The licence it suspends or revokes (licensing's id), the inspection it follows
        // (a plain reference), the finding and the reason as typed.
        .col(big_integer_null("licence_id"))
        .col(string_null("inspection_ref"))
        .cols([text_null("finding"), text("reason")])
        // The imminent-danger path: its justification; in_force, awaiting_approval, refused.
        .col(boolean("imminent"))
        .col(text_null("justification"))
        .col(string("status"))
        .refers("proposed_by", "users")
        .may_refer("decided_by", "users")
        .col(timestamp_with_time_zone_null("decided_at"))
        .edited()
        .to_owned();
    create(
        m,
        measures,
        &[
            ix("ix_supervision_measures_unit", &["unit_id", "status"]),
            ix(
                "ix_supervision_measures_province",
                &["province_code", "created_at"],
            ),
        ],
    )
    .await?;
    let unsafe_products = with_id(UNSAFE)
        .col(province())
        .cols([string("product"), string("brand")])
        // The photo, if one was uploaded (JPEG or PNG, checked as every upload is).
        .col(string_null("photo_type"))
        .col(blob_null("photo"))
        // chemical, electrical, injury, fire, microbiological, choking, other.
        .col(string("risk_type"))
        .col(text("measure"))
        .col(date("measured_on"))
        // Product and brand normalised (tashil-text) for search.
        .col(text("terms"))
        .col(boolean("published"))
        .refers("created_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        unsafe_products,
        &[ix(
            "ix_supervision_unsafe_products_list",
            &["published", "measured_on"],
        )],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[UNSAFE, MEASURES, RUNGS]).await
}
