//! SeaORM entities of supervision's inspections, private to the context (tables: migration
//! m0049).

use crate::db::entity::entity;

entity!(general_item, "supervision_general_items", {
    code: String,
    text_fa: String,
    text_en: String,
    text_vi: String,
    position: i32,
    active: bool,
});

entity!(capa_days, "supervision_capa_days", {
    severity: String,
    working_days: i32,
});

entity!(inspection, "supervision_inspections", {
    unit_id: i64,
    province_code: String,
    plan_id: Option<i64>,
    inspector_id: i64,
    scheduled_on: Date,
    status: String,
    signature: Option<String>,
    refusal_reason: Option<String>,
    signed_by: Option<i64>,
    started_at: Option<DateTimeUtc>,
    recorded_at: Option<DateTimeUtc>,
    created_by: i64,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(item, "supervision_checklist_items", {
    inspection_id: i64,
    position: i32,
    source: String,
    reference: String,
    text_fa: String,
    text_en: String,
    text_vi: String,
    answer: Option<String>,
    note: String,
    answered_by: Option<i64>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(finding, "supervision_findings", {
    inspection_id: i64,
    unit_id: i64,
    province_code: String,
    item_id: Option<i64>,
    severity: String,
    status: String,
    description: String,
    capa_due_on: Option<Date>,
    capa_cause: Option<String>,
    capa_correction: Option<String>,
    capa_preventive: Option<String>,
    capa_planned_on: Option<Date>,
    capa_submitted_at: Option<DateTimeUtc>,
    return_reason: Option<String>,
    verified_how: Option<String>,
    verified_by: Option<i64>,
    closed_at: Option<DateTimeUtc>,
    created_by: i64,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});
