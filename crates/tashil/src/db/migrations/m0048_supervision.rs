//! Supervision (issue 21): the hazard class of product codes (HS or ICS prefixes, edited by
//! the national body), the risk weights as versions (the latest in force, each kept with
//! who set it), and each unit's latest risk score with the facts it was computed from and
//! its explanation, so a change of weights rescores without reading the other contexts;
//! each office's capacity per period in inspector-days, and the inspection plans of a
//! province and period (the planner's proposal, edited, approved) with their units.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, province, ux, with_id};

const HAZARDS: &str = "supervision_hazard_classes";
const WEIGHTS: &str = "supervision_weights";
const SCORES: &str = "supervision_scores";
const CAPACITIES: &str = "supervision_capacities";
const PLANS: &str = "supervision_plans";
const PLAN_UNITS: &str = "supervision_plan_units";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let hazards = with_id(HAZARDS)
        // hs or ics; the prefix as digits.
        .cols([string("scheme"), string("prefix"), integer("class")])
        .refers("updated_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        hazards,
        &[ux(
            "ux_supervision_hazard_classes_prefix",
            &["scheme", "prefix"],
        )],
    )
    .await?;
    let weights = with_id(WEIGHTS)
        .col(integer("version"))
        // `supervision::Weights` as JSON (missing fields take their defaults).
        .col(text("weights"))
        .refers("set_by", "users")
        .col(created_at())
        .to_owned();
    create(
        m,
        weights,
        &[ux("ux_supervision_weights_version", &["version"])],
    )
    .await?;
    let scores = with_id(SCORES)
        .owned_by("unit_id", "units")
        // Copied from the unit: the province's office and inspectors read by it.
        .col(province())
        .col(double("total"))
        // The facts read from the other contexts, and the score's lines, as JSON.
        .cols([text("facts"), text("lines")])
        // The weights' version it was scored with (0: the defaults, none stored yet).
        .col(integer("weights_version"))
        .col(timestamp_with_time_zone("computed_at"))
        .to_owned();
    create(
        m,
        scores,
        &[
            ux("ux_supervision_scores_unit", &["unit_id"]),
            ix("ix_supervision_scores_rank", &["province_code", "total"]),
        ],
    )
    .await?;
    let capacities = with_id(CAPACITIES)
        .refers("organisation_id", "organisations")
        .col(province())
        // A period as the office plans by (`1405`, `1405-H1`).
        .col(string("period"))
        .cols([double("inspector_days"), double("days_per_inspection")])
        .refers("set_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        capacities,
        &[ux(
            "ux_supervision_capacities_office",
            &["organisation_id", "period"],
        )],
    )
    .await?;
    let plans = with_id(PLANS)
        .col(province())
        .col(string("period"))
        // draft, approved.
        .col(string("status"))
        .cols([
            double("capacity_days"),
            double("days_per_inspection"),
            double("random_share"),
            big_integer("seed"),
        ])
        .refers("created_by", "users")
        .may_refer("approved_by", "users")
        .col(timestamp_with_time_zone_null("approved_at"))
        .edited()
        .to_owned();
    create(
        m,
        plans,
        &[ux(
            "ux_supervision_plans_period",
            &["province_code", "period"],
        )],
    )
    .await?;
    let plan_units = with_id(PLAN_UNITS)
        .owned_by("plan_id", PLANS)
        .refers("unit_id", "units")
        // The unit's score when it was placed, and why: risk, random, added.
        .col(double("score"))
        .col(string("reason"))
        .to_owned();
    create(
        m,
        plan_units,
        &[ux(
            "ux_supervision_plan_units_unit",
            &["plan_id", "unit_id"],
        )],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &[PLAN_UNITS, PLANS, CAPACITIES, SCORES, WEIGHTS, HAZARDS],
    )
    .await
}
