//! SeaORM entities of the working calendar, private to the context (tables: migration m0030).

use crate::db::entity::entity;

entity!(
    /// A day of a loaded table: a day off (`kind` `day_off`, with its holiday key) or a
    /// weekend day worked (`worked`).
    day, "calendar_days", {
    country: String,
    year: i32,
    day: Date,
    kind: String,
    holiday_key: String,
});

entity!(closure, "calendar_closures", {
    country: String,
    year: i32,
    /// Empty for the whole country.
    province_code: String,
    day: Date,
    reason_fa: String,
    reason_vi: String,
    reason_en: String,
});

entity!(
    /// A load of the calendar: its token names the calendar it left in force.
    load, "calendar_loads", {
    token: String,
    loaded_at: DateTimeUtc,
});

pub const DAY_OFF: &str = "day_off";
pub const WORKED: &str = "worked";
