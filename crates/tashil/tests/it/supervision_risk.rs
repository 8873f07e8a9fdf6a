//! Risk scores through the API and pages (issue 21, item 1): an officer reads its province's
//! units ranked, each with its explanation, and never another province's (404, like a unit
//! that does not exist); the national body's change of weights is audited, refused when
//! stale, and reorders the ranking at once; the hazard table is replaced whole.

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use tashil::registry;

use crate::helpers::{QAZVIN, TestApp, ir_id, unit_draft};

/// Noon in Tehran on 16 Azar 1405.
const NOW: &str = "2026-12-07T08:30:00Z";
const RISK: &str = "/api/v1/supervision/risk";
const WEIGHTS: &str = "/api/v1/supervision/weights";

struct Setup {
    /// The world's Qazvin dairy (hazard class 1, an escalated advice).
    dairy: i64,
    /// A second Qazvin unit making water heaters (hazard class 4).
    heaters: i64,
    alborz_unit: i64,
}

async fn setup(app: &TestApp) -> Setup {
    let w = app.world().await;
    let admin = app.actor("admin@t.test").await;
    let mut d = unit_draft(&ir_id(1010000003), "آبگرمکن‌سازی قزوین", QAZVIN);
    d.products[0].name = "آبگرمکن برقی".into();
    d.products[0].hs_code = "8516.10".into();
    let heaters = registry::create(&app.db, &admin, &d).await.expect("unit");
    let now = NOW.parse().unwrap();
    tashil::supervision::replace_hazards(
        &app.db,
        &admin,
        "scheme,prefix,class\nhs,0401,1\nhs,8516,4\n",
        now,
    )
    .await
    .expect("hazards");
    // An advice of the dairy's, open and escalated (the quality desk's own row).
    let unit = app.token("unit@t.test").await;
    let c = app
        .post_json(
            &unit,
            "/api/v1/quality/characteristics",
            json!({"code": "Fat", "product_line": "شیر", "name": "چربی", "chart_kind": "xbar_r",
                "uom": "MMT", "lower_spec": "2.8", "upper_spec": "3.4", "subgroup_size": "3",
                "frequency": "hourly", "rules": ["1"]}),
            201,
        )
        .await;
    let cid = c["id"].as_i64().expect("characteristic id");
    app.db
        .execute_unprepared(&format!(
            "INSERT INTO quality_advices (characteristic_id, unit_id, province_code, code, \
             \"trigger\", state, opened_on, findings, first_point, last_point, escalated_on, \
             escalation_reason, created_at, updated_at, version) VALUES ({cid}, {}, 'IR-26', \
             'beyond_limits', '{{}}', 'open', '2026-11-20', '[]', 1, 1, '2026-11-28', \
             'unanswered', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z', 1)",
            w.qazvin_unit
        ))
        .await
        .expect("advice");
    let n = tashil::supervision::recompute(&app.db, None, now)
        .await
        .expect("recompute");
    assert_eq!(n, 3);
    Setup {
        dairy: w.qazvin_unit,
        heaters,
        alborz_unit: w.alborz_unit,
    }
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|r| r["unit_id"].as_i64().unwrap())
        .collect()
}

fn line<'a>(v: &'a Value, factor: &str) -> &'a Value {
    v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["factor"] == factor)
        .unwrap()
}

#[tokio::test]
async fn an_officer_sees_its_province_ranked_and_explained_and_never_another() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let qazvin = app.token("qazvin@t.test").await;
    let (status, list) = app.get_json(&qazvin, RISK).await;
    assert_eq!(status, 200);
    // Heaters: class 4 × 10 + no licence 12 + never inspected (the 5-year cap × 4) 20 = 72;
    // dairy: 1 × 10 + open 3 + escalated 6 + no licence 12 + never inspected 20 = 51.
    assert_eq!(ids(&list), [s.heaters, s.dairy]);
    assert_eq!(list[0]["total"], 72.0);
    assert_eq!(list[1]["total"], 51.0);
    let (status, e) = app.get_json(&qazvin, &format!("{RISK}/{}", s.dairy)).await;
    assert_eq!(status, 200);
    assert_eq!(line(&e, "hazard")["contribution"], 10.0);
    assert_eq!(line(&e, "escalated_advice")["contribution"], 6.0);
    assert_eq!(line(&e, "licence")["contribution"], 12.0);
    assert_eq!(line(&e, "exemplary")["no_data"], true);
    assert_eq!(line(&e, "complaints")["no_data"], Value::Null);
    assert_eq!(line(&e, "failed_tests")["value"], 0.0);
    // Alborz's unit is out of reach: absent from the list, 404 by id (API and page).
    let (status, _) = app
        .get_json(&qazvin, &format!("{RISK}/{}", s.alborz_unit))
        .await;
    assert_eq!(status, 404);
    let c = app.login("qazvin@t.test").await;
    let (status, html) = app.page(&c, "/supervision/risk").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("آبگرمکن‌سازی قزوین")
            || html.contains(&format!("/supervision/risk/{}", s.heaters))
    );
    assert!(!html.contains(&format!("/supervision/risk/{}\"", s.alborz_unit)));
    let (status, _) = app
        .page(&c, &format!("/supervision/risk/{}", s.alborz_unit))
        .await;
    assert_eq!(status, 404);
    let (status, html) = app
        .page(&c, &format!("/supervision/risk/{}", s.dairy))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("هنوز داده‌ای نیست"), "{html}");
    // Alborz's officer sees its own unit only; the unit's own users, labs are refused.
    let alborz = app.token("alborz@t.test").await;
    assert_eq!(ids(&app.get_json(&alborz, RISK).await.1), [s.alborz_unit]);
    for who in ["unit@t.test", "lab@t.test", "agency@t.test"] {
        let t = app.token(who).await;
        assert_eq!(app.get_json(&t, RISK).await.0, 403, "{who}");
    }
    // The national body reads every unit.
    let admin = app.token("admin@t.test").await;
    assert_eq!(
        app.get_json(&admin, RISK).await.1.as_array().unwrap().len(),
        3
    );
}

async fn put(app: &TestApp, token: &str, body: Value) -> (u16, Value) {
    let r = reqwest::Client::new()
        .put(app.url(WEIGHTS))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or_default())
}

#[tokio::test]
async fn a_change_of_weights_is_audited_and_reorders_at_once() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let admin = app.token("admin@t.test").await;
    let qazvin = app.token("qazvin@t.test").await;
    let (status, w) = app.get_json(&qazvin, WEIGHTS).await;
    assert_eq!(status, 200);
    assert_eq!(w["version"], 0);
    let mut weights = w["weights"].clone();
    weights["hazard"] = json!(2.0);
    // Only the national body sets them.
    let (status, _) = put(&app, &qazvin, json!({"version": 0, "weights": weights})).await;
    assert_eq!(status, 403);
    let (status, _) = put(
        &app,
        &admin,
        json!({"version": 0, "weights": {"exemplary": 3.0}}),
    )
    .await;
    assert_eq!(status, 422);
    let (status, after) = put(&app, &admin, json!({"version": 0, "weights": weights})).await;
    assert_eq!(status, 200, "{after}");
    assert_eq!(after["version"], 1);
    // Stale: the editor read version 0.
    let (status, _) = put(&app, &admin, json!({"version": 0, "weights": weights})).await;
    assert_eq!(status, 409);
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'supervision.weights.set'")
            .await,
        1
    );
    // Dairy 1 × 2 + 3 + 6 + 12 = 23; heaters 4 × 2 + 12 = 20: the dairy now first.
    let list = app.get_json(&qazvin, RISK).await.1;
    assert_eq!(ids(&list), [s.dairy, s.heaters]);
    assert_eq!(list[0]["total"], 23.0);
    let e = app
        .get_json(&qazvin, &format!("{RISK}/{}", s.heaters))
        .await
        .1;
    assert_eq!(e["weights_version"], 1);
    assert_eq!(line(&e, "hazard")["weight"], 2.0);
}

#[tokio::test]
async fn the_national_body_edits_weights_and_hazards_on_the_page() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let c = app.login("admin@t.test").await;
    let (status, html) = app.page(&c, "/supervision/weights").await;
    assert_eq!(status, 200);
    assert!(html.contains("hs,8516,4"), "{html}");
    // A weight typed wrong is named beside its field; nothing is stored.
    let mut fields: Vec<(&str, &str)> = vec![
        ("version", "0"),
        ("hazard", "x"),
        ("failed_tests", "8"),
        ("open_advice", "3"),
        ("escalated_advice", "6"),
        ("complaints", "4"),
        ("licence", "12"),
        ("since_inspection", "4"),
        ("since_inspection_cap_years", "5"),
        ("open_findings", "5"),
        ("exemplary", "-15"),
        ("clinics", "-2"),
    ];
    let (status, _) = app
        .submit(&c, "/supervision/weights", "/supervision/weights", &fields)
        .await;
    assert_eq!(status, 422);
    fields[1] = ("hazard", "۲");
    let (status, _) = app
        .submit(&c, "/supervision/weights", "/supervision/weights", &fields)
        .await;
    assert_eq!(status, 303);
    let qazvin = app.token("qazvin@t.test").await;
    assert_eq!(
        ids(&app.get_json(&qazvin, RISK).await.1),
        [s.dairy, s.heaters]
    );
    // The hazard table, replaced whole and audited; a bad line is refused by its number.
    let (status, html) = app
        .submit(
            &c,
            "/supervision/weights",
            "/supervision/hazards",
            &[("csv", "hs,85,9")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("aria-invalid"), "{html}");
    let (status, _) = app
        .submit(
            &c,
            "/supervision/weights",
            "/supervision/hazards",
            &[("csv", "hs,85,3\n")],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'supervision.hazards.replace'"
        )
        .await,
        2
    );
    // An officer may not edit them.
    let o = app.login("qazvin@t.test").await;
    assert_eq!(app.page(&o, "/supervision/weights").await.0, 403);
}
