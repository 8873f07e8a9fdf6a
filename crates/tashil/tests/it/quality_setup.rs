//! The set-up the quality tests start from: the world with a second unit (the Alborz one)
//! and its own user, every role's token, and the subgroups they send.

use serde_json::{Value, json};
use tashil::access::{OrganisationKind, Role};

use crate::helpers::TestApp;

pub const MEASUREMENTS: &str = "/api/v1/quality/measurements";
pub const LIST: &str = "/api/v1/quality/characteristics";

pub struct Setup {
    pub qazvin_unit: i64,
    pub alborz_unit: i64,
    /// The Qazvin unit's user.
    pub unit: String,
    /// The Alborz unit's user.
    pub other_unit: String,
    pub qazvin: String,
    pub alborz: String,
    pub inspector: String,
    pub admin: String,
    pub lab: String,
}

pub async fn setup(app: &TestApp) -> Setup {
    let w = app.world().await;
    let org = app
        .org(OrganisationKind::ProductionUnit, Some("IR-30"))
        .await;
    app.user("unit2@t.test", Role::UnitUser, org, Some("IR-30"))
        .await;
    tashil::registry::attach_organisation(&app.db, w.alborz_unit, org)
        .await
        .expect("attach");
    Setup {
        qazvin_unit: w.qazvin_unit,
        alborz_unit: w.alborz_unit,
        unit: app.token("unit@t.test").await,
        other_unit: app.token("unit2@t.test").await,
        qazvin: app.token("qazvin@t.test").await,
        alborz: app.token("alborz@t.test").await,
        inspector: app.token("inspector@t.test").await,
        admin: app.token("admin@t.test").await,
        lab: app.token("lab@t.test").await,
    }
}

/// `h` hours after `start` (RFC 3339, UTC).
pub fn at(start: &str, h: u32) -> String {
    (chrono::DateTime::parse_from_rfc3339(start).unwrap() + chrono::Duration::hours(h as i64))
        .to_rfc3339()
}

/// Hour `h` of 1 November 2026 (UTC).
pub fn hour(h: u32) -> String {
    at("2026-11-01T00:00:00Z", h)
}

/// A subgroup of three values around `centre` measured `when`, varied a little by `h`.
pub fn subgroup_at(code: &str, when: String, h: u32, centre: f64) -> Value {
    let d = [0.0, 0.05, -0.04, 0.03, -0.02, 0.01][(h % 6) as usize];
    json!({"characteristic": code, "measured_at": when,
        "values": [centre + d, centre - 0.03 + d, centre + 0.02 - d]})
}

/// The subgroup of hour `h` of 1 November 2026.
pub fn subgroup(code: &str, h: u32, centre: f64) -> Value {
    subgroup_at(code, hour(h), h, centre)
}

/// Sends a batch of subgroups; the answer must have `status`.
pub async fn send(app: &TestApp, token: &str, batch: &str, rows: Vec<Value>, status: u16) -> Value {
    app.post_json(
        token,
        MEASUREMENTS,
        json!({"batch_id": batch, "subgroups": rows}),
        status,
    )
    .await
}
