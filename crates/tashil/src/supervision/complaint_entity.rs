//! SeaORM entities of complaints and clinics, private to the context (tables: m0051).

use crate::db::entity::entity;

entity!(complaint, "supervision_complaints", {
    unit_id: Option<i64>,
    unit_text: Option<String>,
    province_code: String,
    product: String,
    brand: String,
    bought_at: String,
    account: String,
    state: String,
    unfounded: bool,
    public_reply: Option<String>,
    code_hash: String,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    lang: String,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(event, "supervision_complaint_events", {
    complaint_id: i64,
    state: String,
    public_reply: Option<String>,
    internal_note: Option<String>,
    by_user: Option<i64>,
    at: DateTimeUtc,
});

entity!(file, "supervision_complaint_files", {
    complaint_id: i64,
    file_name: String,
    content_type: String,
    size: i64,
    sha256: String,
    content: Vec<u8>,
    created_at: DateTimeUtc,
});

entity!(slot, "supervision_clinic_slots", {
    province_code: String,
    starts_at: DateTimeUtc,
    minutes: i32,
    topic: String,
    expert_name: String,
    capacity: i32,
    booked: i32,
    created_by: i64,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});

entity!(booking, "supervision_clinic_bookings", {
    slot_id: i64,
    unit_id: i64,
    booked_by: i64,
    state: String,
    advice: Option<String>,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    version: i32,
});
