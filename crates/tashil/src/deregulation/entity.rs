//! SeaORM entity of the register, private to the context (its table: migration m0005).

use crate::db::entity::entity;

entity!(report, "regulation_reports", {
    number: String,
    province_code: String,
    reporter_org_id: i64,
    reporter_user_id: i64,
    rule_title: String,
    source: String,
    issuing_agency: String,
    description: String,
    annual_cost: Option<i64>,
    hours_lost: Option<i32>,
    status: String,
    decision: Option<String>,
    decision_text: Option<String>,
    decided_by: Option<i64>,
    decided_at: Option<DateTimeUtc>,
    published_at: Option<DateTimeUtc>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});
