//! SeaORM entities of supervision, private to the context (tables: migration m0048).

use crate::db::entity::entity;

entity!(hazard, "supervision_hazard_classes", {
    scheme: String,
    prefix: String,
    class: i32,
    updated_by: i64,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(weights, "supervision_weights", {
    version: i32,
    weights: String,
    set_by: i64,
    created_at: DateTimeUtc,
});

entity!(score, "supervision_scores", {
    unit_id: i64,
    province_code: String,
    total: f64,
    facts: String,
    lines: String,
    weights_version: i32,
    computed_at: DateTimeUtc,
});

entity!(capacity, "supervision_capacities", {
    organisation_id: i64,
    province_code: String,
    period: String,
    inspector_days: f64,
    days_per_inspection: f64,
    set_by: i64,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(plan, "supervision_plans", {
    province_code: String,
    period: String,
    status: String,
    capacity_days: f64,
    days_per_inspection: f64,
    random_share: f64,
    seed: i64,
    created_by: i64,
    approved_by: Option<i64>,
    approved_at: Option<DateTimeUtc>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(plan_unit, "supervision_plan_units", {
    plan_id: i64,
    unit_id: i64,
    score: f64,
    reason: String,
});

entity!(rung, "supervision_rungs", {
    key: String,
    name_fa: String,
    name_en: String,
    name_vi: String,
    legal_basis: String,
    updated_by: i64,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(measure, "supervision_measures", {
    unit_id: i64,
    province_code: String,
    rung: String,
    position: i32,
    legal_basis: String,
    licence_id: Option<i64>,
    inspection_ref: Option<String>,
    finding: Option<String>,
    reason: String,
    imminent: bool,
    justification: Option<String>,
    status: String,
    proposed_by: i64,
    decided_by: Option<i64>,
    decided_at: Option<DateTimeUtc>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(listed_product, "supervision_unsafe_products", {
    province_code: String,
    product: String,
    brand: String,
    photo_type: Option<String>,
    photo: Option<Vec<u8>>,
    risk_type: String,
    measure: String,
    measured_on: Date,
    terms: String,
    published: bool,
    created_by: i64,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});
