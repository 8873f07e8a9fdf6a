//! SeaORM entities of conformity assessment, private to the context (tables: migrations m0041, m0042, m0045).

use crate::db::entity::entity;

entity!(accreditation, "lab_accreditations", {
    lab_org_id: i64,
    province_code: String,
    accreditation_body: String,
    certificate_number: String,
    valid_from: Date,
    valid_until: Date,
    status: String,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(scope_entry, "lab_scope_entries", {
    accreditation_id: i64,
    standard_id: i64,
    designation: String,
    clause_number: String,
    test_method: String,
    turnaround_days: i32,
    search_text: String,
    created_at: DateTimeUtc,
});

entity!(request, "test_requests", {
    province_code: String,
    requester_org_id: i64,
    requester_user_id: i64,
    purpose: String,
    application_id: Option<i64>,
    standard_id: i64,
    designation: String,
    lab_org_id: i64,
    quoted_days: i32,
    note: String,
    decision_rule: String,
    status: String,
    decline_reason: Option<String>,
    answered_by: Option<i64>,
    answered_at: Option<DateTimeUtc>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(request_clause, "test_request_clauses", {
    request_id: i64,
    clause_number: String,
});

entity!(sample, "samples", {
    request_id: i64,
    code: String,
    taken_by: String,
    taken_where: String,
    taken_at: DateTimeUtc,
    seal_numbers: String,
    quantity: String,
    condition_on_receipt: String,
    storage: String,
    recorded_by: i64,
    created_at: DateTimeUtc,
});

entity!(custody_entry, "custody_entries", {
    sample_id: i64,
    giver: String,
    receiver: String,
    handed_at: DateTimeUtc,
    seal_intact: bool,
    recorded_by: i64,
    created_at: DateTimeUtc,
});

entity!(sample_amendment, "sample_amendments", {
    sample_id: i64,
    condition_before: String,
    condition_after: String,
    storage_before: String,
    storage_after: String,
    reason: String,
    amended_by: i64,
    created_at: DateTimeUtc,
});

entity!(instrument, "lab_instruments", {
    lab_org_id: i64,
    code: String,
    name: String,
    serial_number: String,
    calibration_due: Option<Date>,
    reminded_for_due: Option<Date>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(calibration, "instrument_calibrations", {
    instrument_id: i64,
    calibrated_by: String,
    certificate_number: String,
    calibrated_on: Date,
    due_on: Date,
    recorded_by: i64,
    created_at: DateTimeUtc,
});

entity!(report, "test_reports", {
    request_id: i64,
    lab_org_id: i64,
    province_code: String,
    revision: i32,
    supersedes_id: Option<i64>,
    reason: String,
    status: String,
    verdict: Option<String>,
    prepared_by: i64,
    released_by: Option<i64>,
    released_at: Option<DateTimeUtc>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(result, "test_results", {
    report_id: i64,
    clause_number: String,
    lab_result_id: Option<String>,
    value: Option<f64>,
    unit: Option<String>,
    uncertainty: Option<f64>,
    coverage: Option<f64>,
    category: Option<String>,
    judged_value: Option<f64>,
    judged_uncertainty: Option<f64>,
    judged_unit: Option<String>,
    verdict: String,
    method: String,
    instrument_id: Option<i64>,
    measured_on: Date,
    entered_by: i64,
    created_at: DateTimeUtc,
});
