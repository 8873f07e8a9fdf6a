//! Complaints and consulting clinics of supervision (issue 21, items 7 and 6): a complaint
//! about a product or a unit (the unit from the registry, or as typed), routed to a province,
//! followed by the digest of its code; the complainant's contact details kept only for the
//! system's own mail (never shown); its states with their public replies and internal notes;
//! its photos. A clinic's sessions (slots with a capacity, counted by a conditional update)
//! and the units booked on them, with the outcome the expert gave.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ix, province, ux, with_id};

const COMPLAINTS: &str = "supervision_complaints";
const EVENTS: &str = "supervision_complaint_events";
const FILES: &str = "supervision_complaint_files";
const SLOTS: &str = "supervision_clinic_slots";
const BOOKINGS: &str = "supervision_clinic_bookings";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let complaints = with_id(COMPLAINTS)
        // The unit from the registry, else as the complainant named it.
        .may_refer("unit_id", "units")
        .col(string_null("unit_text"))
        .col(province())
        .cols([string("product"), string("brand"), string("bought_at")])
        .col(text("account"))
        // received, under_review, acted, closed; closed as unfounded counts in no score.
        .col(string("state"))
        .col(boolean("unfounded"))
        .col(text_null("public_reply"))
        // SHA-256 of the follow-up code (the code itself is shown once, never stored).
        .col(string("code_hash"))
        // Contact details for the system's own mail: never shown to anyone.
        .cols([
            string_null("contact_name"),
            string_null("contact_email"),
            string_null("contact_phone"),
        ])
        .col(string("lang"))
        .edited()
        .to_owned();
    create(
        m,
        complaints,
        &[
            ux("ux_supervision_complaints_code", &["code_hash"]),
            ix(
                "ix_supervision_complaints_province",
                &["province_code", "id"],
            ),
            ix("ix_supervision_complaints_unit", &["unit_id"]),
        ],
    )
    .await?;
    let events = with_id(EVENTS)
        .owned_by("complaint_id", COMPLAINTS)
        .col(string("state"))
        .col(text_null("public_reply"))
        .col(text_null("internal_note"))
        // The officer who moved it; none for the filing itself.
        .may_refer("by_user", "users")
        .col(timestamp_with_time_zone("at"))
        .to_owned();
    create(
        m,
        events,
        &[ix("ix_supervision_complaint_events", &["complaint_id"])],
    )
    .await?;
    let files = with_id(FILES)
        .owned_by("complaint_id", COMPLAINTS)
        .cols([string("file_name"), string("content_type")])
        .cols([big_integer("size"), string("sha256"), blob("content")])
        .col(timestamp_with_time_zone("created_at"))
        .to_owned();
    create(
        m,
        files,
        &[ix("ix_supervision_complaint_files", &["complaint_id"])],
    )
    .await?;
    let slots = with_id(SLOTS)
        .col(province())
        .col(timestamp_with_time_zone("starts_at"))
        .col(integer("minutes"))
        .cols([string("topic"), string("expert_name")])
        // Seats, and seats taken (raised only while below capacity, in one UPDATE).
        .cols([integer("capacity"), integer("booked")])
        .refers("created_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        slots,
        &[ix(
            "ix_supervision_clinic_slots_province",
            &["province_code", "starts_at"],
        )],
    )
    .await?;
    let bookings = with_id(BOOKINGS)
        .owned_by("slot_id", SLOTS)
        .refers("unit_id", "units")
        .refers("booked_by", "users")
        // booked, cancelled, attended, no_show.
        .col(string("state"))
        .col(text_null("advice"))
        .edited()
        .to_owned();
    create(
        m,
        bookings,
        &[
            ux(
                "ux_supervision_clinic_bookings_unit",
                &["slot_id", "unit_id"],
            ),
            ix(
                "ix_supervision_clinic_bookings_by_unit",
                &["unit_id", "state"],
            ),
        ],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[BOOKINGS, SLOTS, FILES, EVENTS, COMPLAINTS]).await
}
