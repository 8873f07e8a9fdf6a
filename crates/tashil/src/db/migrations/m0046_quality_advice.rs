//! Advice before enforcement (issue 20, item 5; ADR 0026): each advice a characteristic's
//! process raised to the unit's QC managers (a rule fired, or a capability below the unit's
//! target), with the unit's acknowledgement and answer, its closing, and its escalation to
//! the province's quality queue; and the escalation thresholds, a national default per
//! country and a province's own where it sets one.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, drop_tables, ix, province, ux, with_id};

const ADVICES: &str = "quality_advices";
const THRESHOLDS: &str = "quality_thresholds";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let advices = with_id(ADVICES)
        .owned_by("characteristic_id", "quality_characteristics")
        // Copied from the characteristic: the unit reads its own, the office its province's.
        .refers("unit_id", "units")
        .col(province())
        // The trigger's stable code (`beyond_limits`, `capability_cpk`…) and the trigger
        // itself as JSON (chart and rule, or index, estimate and target).
        .col(string("code"))
        .col(text("trigger"))
        // open, acknowledged, answered, closed.
        .col(string("state"))
        // Local dates of the unit's province.
        .col(date("opened_on"))
        .col(date_null("acknowledged_on"))
        .col(date_null("answered_on"))
        .col(date_null("closed_on"))
        // The unit's answer.
        .cols([text_null("cause"), text_null("action")])
        .may_refer("answered_by", "users")
        // The findings (positions in the series, JSON), the first and the latest point.
        .col(text("findings"))
        .cols([big_integer("first_point"), big_integer("last_point")])
        // Once escalated: when, and why (unanswered, persisting).
        .col(date_null("escalated_on"))
        .col(string_null("escalation_reason"))
        .edited()
        .to_owned();
    create(
        m,
        advices,
        &[
            ix(
                "ix_quality_advices_characteristic",
                &["characteristic_id", "state"],
            ),
            ix("ix_quality_advices_unit", &["unit_id", "id"]),
            ix(
                "ix_quality_advices_queue",
                &["province_code", "escalated_on", "id"],
            ),
            ix("ix_quality_advices_state", &["state", "opened_on"]),
        ],
    )
    .await?;
    let thresholds = with_id(THRESHOLDS)
        // A country's code (its national default: `IR`, `VN`) or a province's (`IR-28`).
        .col(string("scope"))
        .col(integer("answer_working_days"))
        .col(big_integer("persisting_subgroups"))
        .refers("updated_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        thresholds,
        &[ux("ux_quality_thresholds_scope", &["scope"])],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[ADVICES, THRESHOLDS]).await
}
