//! Conformity assessment's results (issue 19): a request's test report, revised but never
//! edited once released (each revision its own row, pointing to the one it replaces), the
//! result of each clause as the lab reported it and as judged, and the lab's instruments with
//! their calibrations. A request gains the decision rule its results are judged under.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{
    TableColumns, add_column, create, created_at, drop_column, drop_tables, ix, province, ux,
    with_id,
};

const REQUESTS: &str = "test_requests";
const INSTRUMENTS: &str = "lab_instruments";
const CALIBRATIONS: &str = "instrument_calibrations";
const REPORTS: &str = "test_reports";
const RESULTS: &str = "test_results";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    // simple_acceptance or guard_banded, chosen when the request is sent.
    add_column(
        m,
        REQUESTS,
        string("decision_rule")
            .default("simple_acceptance")
            .to_owned(),
    )
    .await?;
    let instruments = with_id(INSTRUMENTS)
        .refers("lab_org_id", "organisations")
        // The lab's own code for it (on its label), its name and serial number.
        .cols([string("code"), string("name"), string("serial_number")])
        // The latest calibration's due date, copied here so a result's check and the
        // reminders read one row; and the due date a reminder was last sent for.
        .col(date_null("calibration_due"))
        .col(date_null("reminded_for_due"))
        .edited()
        .to_owned();
    create(
        m,
        instruments,
        &[
            ux("ux_lab_instruments_code", &["lab_org_id", "code"]),
            ix("ix_lab_instruments_due", &["calibration_due"]),
        ],
    )
    .await?;
    let calibrations = with_id(CALIBRATIONS)
        .owned_by("instrument_id", INSTRUMENTS)
        // The calibration certificate: who issued it, its number, when calibrated, when due.
        .cols([string("calibrated_by"), string("certificate_number")])
        .cols([date("calibrated_on"), date("due_on")])
        .refers("recorded_by", "users")
        .col(created_at())
        .to_owned();
    create(
        m,
        calibrations,
        &[ix(
            "ix_instrument_calibrations",
            &["instrument_id", "due_on"],
        )],
    )
    .await?;
    let reports = with_id(REPORTS)
        .owned_by("request_id", REQUESTS)
        // Copied from the request: the lab's list and the province's figures filter on them.
        .refers("lab_org_id", "organisations")
        .col(province())
        // 1, 2…; a revision after the first names the one it replaces and why.
        .col(integer("revision"))
        .may_refer("supersedes_id", REPORTS)
        .col(text("reason"))
        // draft (results still entered), released (immutable).
        .col(string("status"))
        // The report's verdict over its clauses, set when released.
        .col(string_null("verdict"))
        .refers("prepared_by", "users")
        // The second person who verified and released it (never the one who prepared it).
        .may_refer("released_by", "users")
        .col(timestamp_with_time_zone_null("released_at"))
        .edited()
        .to_owned();
    create(
        m,
        reports,
        &[
            ux("ux_test_reports_revision", &["request_id", "revision"]),
            ix("ix_test_reports_lab", &["lab_org_id", "status", "id"]),
            ix(
                "ix_test_reports_province",
                &["province_code", "released_at"],
            ),
        ],
    )
    .await?;
    let results = with_id(RESULTS)
        .owned_by("report_id", REPORTS)
        .col(string("clause_number"))
        // The lab's own id of the result (its LIMS's), unique in a report: a push sent twice
        // writes once.
        .col(string_null("lab_result_id"))
        // As reported: a value in a Rec 20 unit with its expanded uncertainty and coverage
        // factor, or a category.
        .col(double_null("value"))
        .col(string_null("unit"))
        .col(double_null("uncertainty"))
        .col(double_null("coverage"))
        .col(string_null("category"))
        // As judged: the value and uncertainty in the clause's unit, and the verdict under
        // the request's rule.
        .col(double_null("judged_value"))
        .col(double_null("judged_uncertainty"))
        .col(string_null("judged_unit"))
        .col(string("verdict"))
        .col(string("method"))
        .may_refer("instrument_id", INSTRUMENTS)
        .col(date("measured_on"))
        .refers("entered_by", "users")
        .col(created_at())
        .to_owned();
    create(
        m,
        results,
        &[
            ux("ux_test_results_clause", &["report_id", "clause_number"]),
            ux("ux_test_results_lab_id", &["report_id", "lab_result_id"]),
        ],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[RESULTS, REPORTS, CALIBRATIONS, INSTRUMENTS]).await?;
    drop_column(m, REQUESTS, "decision_rule").await
}
