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
