//! SeaORM entities of the facilitation desk, private to the module.

use crate::db::entity::entity;

entity!(case, "obstacle_cases", {
    number: String,
    province_code: String,
    reporter_org_id: i64,
    reporter_user_id: i64,
    unit_id: Option<i64>,
    category: String,
    title: String,
    description: String,
    amount_at_stake: Option<i64>,
    jobs_at_risk: Option<i32>,
    status: String,
    level: String,
    escalated: bool,
    merged_into: Option<i64>,
    routed_to_org_id: Option<i64>,
    close_reason: Option<String>,
    solved: bool,
    created_at: DateTimeUtc,
    updated_at: DateTimeUtc,
    closed_at: Option<DateTimeUtc>,
    version: i32,
});

entity!(event, "case_events", {
    case_id: i64,
    at: DateTimeUtc,
    actor_user_id: Option<i64>,
    actor_org_id: Option<i64>,
    kind: String,
    note: String,
});

entity!(body, "facilitation_bodies", {
    province_code: Option<String>,
    kind: String,
    name_fa: String,
    name_en: String,
    name_vi: String,
    created_at: DateTimeUtc,
});

entity!(meeting, "meetings", {
    body_id: i64,
    held_on: Date,
    status: String,
    minutes: String,
    created_at: DateTimeUtc,
    agenda_sent_at: Option<DateTimeUtc>,
});

entity!(agenda_item, "agenda_items", {
    meeting_id: i64,
    case_id: Option<i64>,
    title: String,
    proposed_by_org_id: i64,
    position: i32,
});

entity!(resolution, "resolutions", {
    meeting_id: Option<i64>,
    case_id: Option<i64>,
    province_code: String,
    agency_org_id: i64,
    action: String,
    working_days: i32,
    deadline: Date,
    proof: String,
    status: String,
    evidence: String,
    created_at: DateTimeUtc,
    done_at: Option<DateTimeUtc>,
    version: i32,
    overdue_flagged_at: Option<DateTimeUtc>,
    calendar_country: Option<String>,
    counted_from: Option<Date>,
});

entity!(update, "resolution_updates", {
    resolution_id: i64,
    at: DateTimeUtc,
    user_id: i64,
    note: String,
    evidence: String,
});

entity!(attachment, "case_attachments", {
    case_id: i64,
    file_name: String,
    content_type: String,
    size: i64,
    sha256: String,
    content: Vec<u8>,
    uploaded_by: i64,
    created_at: DateTimeUtc,
});

/// Tables keyed by two columns, written and read through raw statements in the services.
pub mod pairs {
    pub const BODY_MEMBERS: &str = "body_members";
    pub const ATTENDANCE: &str = "meeting_attendance";
}
