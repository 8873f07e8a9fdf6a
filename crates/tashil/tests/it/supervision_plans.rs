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

#[tokio::test]
async fn plans_on_pages_take_persian_digits_name_each_field_and_stay_in_their_province() {
    let app = TestApp::spawn_at(NOW).await;
    let w = app.world().await;
    let admin = app.actor("admin@t.test").await;
    let mut made = vec![];
    for i in 0..5u64 {
        let nid = ir_id(1010000200 + i);
        let d = unit_draft(&nid, &format!("کارگاه {i}"), QAZVIN);
        made.push((
            registry::create(&app.db, &admin, &d).await.expect("unit"),
            nid,
        ));
    }
    tashil::supervision::recompute(&app.db, None, NOW.parse().unwrap())
        .await
        .expect("recompute");
    let officer = app.login("qazvin@t.test").await;
    let list = "/supervision/plans";
    // A number that is not one is named beside its field; nothing is stored.
    let (status, html) = app
        .submit(
            &officer,
            list,
            "/supervision/plans/capacity",
            &[
                ("period", "1405"),
                ("inspector_days", "سه"),
                ("days_per_inspection", "1"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"c-inspector_days-err\""), "{html}");
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM supervision_capacities")
            .await,
        0
    );
    // Persian digits are numbers.
    let (status, _) = app
        .submit(
            &officer,
            list,
            "/supervision/plans/capacity",
            &[
                ("period", "۱۴۰۵"),
                ("inspector_days", "۳"),
                ("days_per_inspection", "۱"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    let (status, html) = app
        .submit(
            &officer,
            list,
            list,
            &[("plan_period", "1405"), ("random_share", "0"), ("seed", "")],
        )
        .await;
    assert_eq!(status, 303, "{html}");
    assert!(
        html.contains("پیش‌نویس") && html.contains("تأیید برنامه"),
        "{html}"
    );
    let id = app
        .scalar("SELECT MAX(id) AS n FROM supervision_plans")
        .await;
    let plan = format!("/supervision/plans/{id}");
    let units = format!("{plan}/units");
    // Full: a scored unit not in the plan is refused with the reason; an unknown id too.
    let count = format!("SELECT COUNT(*) AS n FROM supervision_plan_units WHERE plan_id = {id}");
    assert_eq!(app.scalar(&count).await, 3);
    let ids = made
        .iter()
        .map(|(u, _)| u.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let first = app
        .scalar(&format!(
            "SELECT MIN(unit_id) AS n FROM supervision_plan_units WHERE plan_id = {id} \
             AND unit_id IN ({ids})"
        ))
        .await;
    let outside = app
        .scalar(&format!(
            "SELECT MIN(unit_id) AS n FROM supervision_scores WHERE unit_id IN ({ids}) AND \
             unit_id NOT IN (SELECT unit_id FROM supervision_plan_units WHERE plan_id = {id})"
        ))
        .await;
    let nid_of = |u: i64| made.iter().find(|(m, _)| *m == u).unwrap().1.clone();
    let (status, html) = app
        .submit(&officer, &plan, &units, &[("unit", &nid_of(outside))])
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("برنامه پر است"), "{html}");
    let (status, html) = app
        .submit(&officer, &plan, &units, &[("unit", &ir_id(1010009999))])
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("id=\"add-unit-err\""), "{html}");
    // Out, then in again by its national id typed in Persian digits.
    let (status, _) = app
        .submit(
            &officer,
            &plan,
            &format!("{plan}/remove"),
            &[("unit_id", &first.to_string())],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(app.scalar(&count).await, 2);
    let persian = tashil_text::digits::localize_digits(&nid_of(outside), tashil_text::Lang::Fa);
    let (status, html) = app
        .submit(&officer, &plan, &units, &[("unit", &persian)])
        .await;
    assert_eq!(status, 303, "{html}");
    assert!(html.contains("افزوده به دست کارشناس"), "{html}");
    // Alborz's officer neither reads nor approves it; the inspector reads it without forms.
    let alborz = app.login("alborz@t.test").await;
    assert_eq!(app.page(&alborz, &plan).await.0, 404);
    let (status, _) = app
        .submit(&alborz, list, &format!("{plan}/approve"), &[])
        .await;
    assert_eq!(status, 404);
    let inspector = app.login("inspector@t.test").await;
    let (status, html) = app.page(&inspector, &plan).await;
    assert_eq!(status, 200);
    assert!(!html.contains("action=\"/supervision/plans"), "{html}");
    let (status, html) = app
        .submit(&officer, &plan, &format!("{plan}/approve"), &[])
        .await;
    assert_eq!(status, 303);
    assert!(
        html.contains("تأییدشده") && !html.contains("تأیید برنامه"),
        "{html}"
    );
    let _ = w;
}
