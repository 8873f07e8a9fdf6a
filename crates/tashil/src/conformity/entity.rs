//! SeaORM entities of conformity assessment, private to the context (tables: migration m0041).

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
