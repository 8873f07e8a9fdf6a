//! SeaORM entities of an inspection's evidence and of the market samples sent from it,
//! private to the context (tables: migration m0052).

use crate::db::entity::entity;

entity!(evidence, "supervision_evidence", {
    inspection_id: i64,
    province_code: String,
    owner_kind: String,
    owner_id: i64,
    file_name: String,
    content_type: String,
    size: i64,
    sha256: String,
    content: Vec<u8>,
    uploaded_by: i64,
    created_at: DateTimeUtc,
});

entity!(sample, "supervision_inspection_samples", {
    inspection_id: i64,
    province_code: String,
    request_id: i64,
    sent_by: i64,
    created_at: DateTimeUtc,
});
