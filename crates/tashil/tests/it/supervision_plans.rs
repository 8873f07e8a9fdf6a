//! Inspection plans through the API (issue 21, item 2 of the build): an office sets its
//! capacity, the planner proposes a draft within it, the officer edits and approves it;
//! Alborz's officer cannot see or change Qazvin's plan, and no Alborz unit enters it.

use serde_json::{Value, json};
use tashil::registry;

use crate::helpers::{QAZVIN, TestApp, ir_id, unit_draft};

const NOW: &str = "2026-12-07T08:30:00Z";
const PLANS: &str = "/api/v1/supervision/plans";

async fn put(app: &TestApp, token: &str, path: &str, body: Value) -> u16 {
    reqwest::Client::new()
        .put(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request")
        .status()
        .as_u16()
}

fn unit_ids(plan: &Value) -> Vec<i64> {
    plan["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["unit_id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_plan_is_proposed_within_capacity_edited_and_approved_in_its_province_only() {
    let app = TestApp::spawn_at(NOW).await;
    let w = app.world().await;
    let admin = app.actor("admin@t.test").await;
    let mut qazvin_units = vec![w.qazvin_unit];
    for i in 0..8u64 {
        let d = unit_draft(&ir_id(1010000100 + i), &format!("واحد {i}"), QAZVIN);
        qazvin_units.push(registry::create(&app.db, &admin, &d).await.expect("unit"));
    }
    tashil::supervision::recompute(&app.db, None, NOW.parse().unwrap())
        .await
        .expect("recompute");
    let qazvin = app.token("qazvin@t.test").await;
    let alborz = app.token("alborz@t.test").await;
    let inspector = app.token("inspector@t.test").await;
    // No capacity yet: nothing to plan with.
    app.post_json(&qazvin, PLANS, json!({"period": "1405"}), 422)
        .await;
    let cap = json!({"period": "1405", "inspector_days": 4.5, "days_per_inspection": 1.5});
    assert_eq!(
        put(
            &app,
            &inspector,
            "/api/v1/supervision/capacity",
            cap.clone()
        )
        .await,
        403
    );
    assert_eq!(
        put(&app, &qazvin, "/api/v1/supervision/capacity", cap).await,
        204
    );
    // 4.5 days at 1.5 a visit: 3 inspections, none of Alborz's unit.
    let plan = app
        .post_json(&qazvin, PLANS, json!({"period": "1405", "seed": 7}), 201)
        .await;
    let id = plan["id"].as_i64().unwrap();
    assert_eq!(plan["status"], "draft");
    let placed = unit_ids(&plan);
    assert_eq!(placed.len(), 3);
    assert!(placed.iter().all(|u| qazvin_units.contains(u)));
    assert_eq!(plan["outlook"]["inspections"], 3);
    assert_eq!(plan["outlook"]["days"], 4.5);
    assert_eq!(plan["outlook"]["units"], 9);
    assert_eq!(plan["outlook"]["coverage"], 0.333);
    // The same seed proposes the same plan.
    let again = app
        .post_json(&qazvin, PLANS, json!({"period": "1405", "seed": 7}), 201)
        .await;
    assert_eq!(unit_ids(&again), placed);
    let id = again["id"].as_i64().unwrap_or(id);
    let units = format!("{PLANS}/{id}/units");
    // Full: a fourth unit is refused; Alborz's unit does not exist for Qazvin's plan.
    let outside = *qazvin_units.iter().find(|u| !placed.contains(u)).unwrap();
    app.post_json(&qazvin, &units, json!({"add": outside}), 422)
        .await;
    app.post_json(&qazvin, &units, json!({"add": w.alborz_unit}), 404)
        .await;
    let edited = app
        .post_json(&qazvin, &units, json!({"remove": placed[0]}), 200)
        .await;
    assert_eq!(unit_ids(&edited).len(), 2);
    let edited = app
        .post_json(&qazvin, &units, json!({"add": outside}), 200)
        .await;
    assert!(unit_ids(&edited).contains(&outside));
    // Alborz's officer neither sees nor touches it; the inspector reads it.
    assert_eq!(app.get_json(&alborz, &format!("{PLANS}/{id}")).await.0, 404);
    app.post_json(&alborz, &units, json!({"remove": outside}), 404)
        .await;
    app.post_json(&alborz, &format!("{PLANS}/{id}/approve"), json!({}), 404)
        .await;
    assert_eq!(app.get_json(&alborz, PLANS).await.1, json!([]));
    assert_eq!(
        app.get_json(&inspector, &format!("{PLANS}/{id}")).await.0,
        200
    );
    let approved = app
        .post_json(&qazvin, &format!("{PLANS}/{id}/approve"), json!({}), 200)
        .await;
    assert_eq!(approved["status"], "approved");
    // Approved: no more edits, no new proposal for the period.
    app.post_json(&qazvin, &units, json!({"remove": outside}), 409)
        .await;
    app.post_json(&qazvin, PLANS, json!({"period": "1405"}), 409)
        .await;
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'supervision.plan.%' \
             OR action = 'supervision.capacity.set'"
        )
        .await,
        // capacity, two proposals, remove, add, approve
        6
    );
}
