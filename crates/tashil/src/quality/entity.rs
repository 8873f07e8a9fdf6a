//! SeaORM entities of quality assurance, private to the context (tables: migrations m0043, m0046, m0047).

use crate::db::entity::entity;

entity!(characteristic, "quality_characteristics", {
    unit_id: i64,
    province_code: String,
    code: String,
    product_line: String,
    name: String,
    kind: String,
    chart_kind: String,
    uom: String,
    target: Option<f64>,
    lower_spec: Option<f64>,
    upper_spec: Option<f64>,
    standard_id: Option<i64>,
    clause_number: Option<String>,
    subgroup_size: i32,
    frequency: String,
    rules: String,
    capability_target: Option<f64>,
    created_by: i64,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(limits, "quality_limits", {
    characteristic_id: i64,
    version: i32,
    current: bool,
    baseline_from: DateTimeUtc,
    baseline_to: DateTimeUtc,
    baseline_subgroups: i32,
    limits: String,
    set_by: i64,
    created_at: DateTimeUtc,
});

entity!(batch, "quality_batches", {
    unit_id: i64,
    sender_batch_id: String,
    subgroups: i32,
    answer: String,
    received_by: i64,
    created_at: DateTimeUtc,
});

entity!(subgroup, "quality_subgroups", {
    characteristic_id: i64,
    measured_at: DateTimeUtc,
    data: String,
    batch_id: Option<i64>,
    entered_by: i64,
    received_at: DateTimeUtc,
});

entity!(monitor, "quality_monitors", {
    characteristic_id: i64,
    limits_version: i32,
    state: String,
    subgroups: i32,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(violation, "quality_violations", {
    characteristic_id: i64,
    measured_at: DateTimeUtc,
    chart: String,
    rule: String,
    points: i32,
    limits_version: i32,
    created_at: DateTimeUtc,
});

entity!(advice, "quality_advices", {
    characteristic_id: i64,
    unit_id: i64,
    province_code: String,
    code: String,
    trigger: String,
    state: String,
    opened_on: Date,
    acknowledged_on: Option<Date>,
    answered_on: Option<Date>,
    closed_on: Option<Date>,
    cause: Option<String>,
    action: Option<String>,
    answered_by: Option<i64>,
    findings: String,
    first_point: i64,
    last_point: i64,
    escalated_on: Option<Date>,
    escalation_reason: Option<String>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(thresholds, "quality_thresholds", {
    scope: String,
    answer_working_days: i32,
    persisting_subgroups: i64,
    updated_by: i64,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(capability_day, "quality_capability_days", {
    characteristic_id: i64,
    day: Date,
    cpk: Option<f64>,
    subgroups: i64,
    updated_at: DateTimeUtc,
});
