//! Online quality assurance (issue 20): what a unit controls (characteristics with their
//! sampling plan and specification), the frozen control limits of each with their history,
//! the subgroups measured (each batch a sender posts kept once by its own id), the live
//! monitoring state of each characteristic (ADR 0023) and the rule violations it found.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, province, ux, with_id};

const CHARACTERISTICS: &str = "quality_characteristics";
const LIMITS: &str = "quality_limits";
const BATCHES: &str = "quality_batches";
const SUBGROUPS: &str = "quality_subgroups";
const MONITORS: &str = "quality_monitors";
const VIOLATIONS: &str = "quality_violations";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let characteristics = with_id(CHARACTERISTICS)
        .refers("unit_id", "units")
        // Copied from the unit: the province's office and inspectors read by it.
        .col(province())
        // The unit's own code for it (what its LIMS names), once per unit.
        .cols([string("code"), string("product_line"), string("name")])
        // variable or attribute; the chart (xbar_r, xbar_s, individuals_moving_range, p, np,
        // c, u); the unit of measure as a UN/ECE Recommendation 20 code.
        .cols([string("kind"), string("chart_kind"), string("uom")])
        .col(double_null("target"))
        .col(double_null("lower_spec"))
        .col(double_null("upper_spec"))
        // The catalogue clause the specification was taken from, if any.
        .may_refer("standard_id", "standards")
        .col(string_null("clause_number"))
        // The sampling plan: values a subgroup (units inspected for np), and how often.
        .col(integer("subgroup_size"))
        .col(string("frequency"))
        // The Nelson rules checked on the primary chart ("1,2,5"), and the Cpk aimed at.
        .col(string("rules"))
        .col(double_null("capability_target"))
        .refers("created_by", "users")
        .edited()
        .to_owned();
    create(
        m,
        characteristics,
        &[
            ux("ux_quality_characteristics_code", &["unit_id", "code"]),
            ix(
                "ix_quality_characteristics_province",
                &["province_code", "id"],
            ),
        ],
    )
    .await?;
    let limits = with_id(LIMITS)
        .owned_by("characteristic_id", CHARACTERISTICS)
        // 1, 2…: each recomputation a new row; `current` marks the one in force.
        .col(integer("version"))
        .col(boolean("current"))
        // The phase-I baseline: the subgroups measured in [from, to].
        .col(timestamp_with_time_zone("baseline_from"))
        .col(timestamp_with_time_zone("baseline_to"))
        .col(integer("baseline_subgroups"))
        // tashil_spc::FrozenLimits as JSON.
        .col(text("limits"))
        .refers("set_by", "users")
        .col(created_at())
        .to_owned();
    create(
        m,
        limits,
        &[ux(
            "ux_quality_limits_version",
            &["characteristic_id", "version"],
        )],
    )
    .await?;
    let batches = with_id(BATCHES)
        .refers("unit_id", "units")
        // The sender's own id of the batch, once per unit: a batch sent again is answered
        // with what it answered the first time, and nothing is stored twice.
        .col(string("sender_batch_id"))
        .col(integer("subgroups"))
        // The answer given (JSON), repeated to a resend.
        .col(text("answer"))
        .refers("received_by", "users")
        .col(created_at())
        .to_owned();
    create(
        m,
        batches,
        &[ux(
            "ux_quality_batches_sender",
            &["unit_id", "sender_batch_id"],
        )],
    )
    .await?;
    let subgroups = with_id(SUBGROUPS)
        .owned_by("characteristic_id", CHARACTERISTICS)
        // When measured (the series' order), one subgroup an instant.
        .col(timestamp_with_time_zone("measured_at"))
        // tashil_spc::Subgroup as JSON (values, or counts and the amount inspected).
        .col(text("data"))
        .may_refer("batch_id", BATCHES)
        .refers("entered_by", "users")
        .col(timestamp_with_time_zone("received_at"))
        .to_owned();
    create(
        m,
        subgroups,
        &[ux(
            "ux_quality_subgroups_time",
            &["characteristic_id", "measured_at"],
        )],
    )
    .await?;
    let monitors = with_id(MONITORS)
        .owned_by("characteristic_id", CHARACTERISTICS)
        // The limits' version it monitors against, and tashil_spc::Monitor as JSON.
        .col(integer("limits_version"))
        .col(text("state"))
        .col(integer("subgroups"))
        .col(timestamp_with_time_zone("updated_at"))
        // Optimistic concurrency: a write names the version it read (ADR 0023).
        .col(integer("version"))
        .to_owned();
    create(
        m,
        monitors,
        &[ux(
            "ux_quality_monitors_characteristic",
            &["characteristic_id"],
        )],
    )
    .await?;
    let violations = with_id(VIOLATIONS)
        .owned_by("characteristic_id", CHARACTERISTICS)
        // The subgroup the rule fired at (by its instant), on the primary or secondary
        // (dispersion) chart, and how many points the run spans back from it.
        .col(timestamp_with_time_zone("measured_at"))
        .cols([string("chart"), string("rule")])
        .col(integer("points"))
        .col(integer("limits_version"))
        .col(created_at())
        .to_owned();
    create(
        m,
        violations,
        &[ix(
            "ix_quality_violations_time",
            &["characteristic_id", "measured_at"],
        )],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        m,
        &[
            VIOLATIONS,
            MONITORS,
            SUBGROUPS,
            BATCHES,
            LIMITS,
            CHARACTERISTICS,
        ],
    )
    .await
}
