//! The graduated ladder and the public list of non-compliant products (issue 21, items 5 and
//! 8), on SQLite and PostgreSQL: a rung cannot be skipped except on the imminent-danger path,
//! which waits for a second officer (never the proposer); a suspension changes the licence
//! as the public register reads it; Alborz's officer cannot act on a Qazvin unit; the public
//! list shows published entries only and finds them whatever letter forms are typed.

use serde_json::{Value, json};
use tashil::access::Role;

use crate::helpers::{ALBORZ, QAZVIN, TestApp};
use crate::licence_setup::{call, desk, licence, register_search};

fn measures(unit: i64) -> String {
    format!("/api/v1/supervision/units/{unit}/measures")
}

fn first_error(v: &Value) -> (String, String) {
    (
        v["errors"][0]["field"].as_str().unwrap_or("").to_owned(),
        v["errors"][0]["code"].as_str().unwrap_or("").to_owned(),
    )
}

async fn status_of(app: &TestApp, number: &str) -> Value {
    register_search(app, number).await["entries"][0]["status"].clone()
}

#[tokio::test]
async fn a_rung_cannot_be_skipped_but_imminent_danger_may_once_a_second_officer_approves() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, licence_id) = licence(&app, &d).await;
    let unit = app
        .scalar(&format!(
            "SELECT unit_id AS n FROM licences WHERE id = {licence_id}"
        ))
        .await;
    let path = measures(unit);
    // Nothing in force: a warning skips advice.
    let v = app
        .post_json(
            &d.qazvin,
            &path,
            json!({"rung": "warning", "reason": "برچسب ناقص"}),
            422,
        )
        .await;
    assert_eq!(first_error(&v), ("rung".into(), "rung_skipped".into()));
    let a = app
        .post_json(
            &d.qazvin,
            &path,
            json!({"rung": "advice", "reason": "برچسب ناقص",
            "inspection_ref": "INS-1", "finding": "تاریخ تولید درج نشده"}),
            201,
        )
        .await;
    assert_eq!(a["status"], "in_force");
    assert!(!a["legal_basis"].as_str().unwrap().is_empty(), "{a}");
    app.post_json(
        &d.qazvin,
        &path,
        json!({"rung": "advice", "reason": "تکرار"}),
        201,
    )
    .await;
    app.post_json(
        &d.qazvin,
        &path,
        json!({"rung": "warning", "reason": "تکرار"}),
        201,
    )
    .await;
    // Warning in force: suspension skips re-inspection.
    let v = app
        .post_json(
            &d.qazvin,
            &path,
            json!({"rung": "suspension", "reason": "نمونه مردود",
            "licence_id": licence_id}),
            422,
        )
        .await;
    assert_eq!(first_error(&v), ("rung".into(), "rung_skipped".into()));
    assert_eq!(v["errors"][0]["detail"], "reinspection");
    // The imminent-danger path needs its justification, then waits.
    let imminent = json!({"rung": "suspension", "reason": "آلودگی میکروبی",
        "licence_id": licence_id, "imminent": true, "justification": ""});
    let v = app.post_json(&d.qazvin, &path, imminent.clone(), 422).await;
    assert_eq!(first_error(&v), ("justification".into(), "required".into()));
    let mut imminent = imminent;
    imminent["justification"] = json!("شیر آلوده در بازار توزیع می‌شود");
    let m = app.post_json(&d.qazvin, &path, imminent, 201).await;
    assert_eq!(m["status"], "awaiting_approval");
    let id = m["id"].as_i64().unwrap();
    assert_eq!(
        status_of(&app, &number).await,
        "active",
        "nothing happens before approval"
    );
    let decision = format!("/api/v1/supervision/measures/{id}/decision");
    // Not the proposer, not an inspector, not another province.
    app.post_json(&d.qazvin, &decision, json!({"approve": true}), 403)
        .await;
    app.post_json(&d.inspector, &decision, json!({"approve": true}), 403)
        .await;
    app.post_json(&d.alborz, &decision, json!({"approve": true}), 404)
        .await;
    assert_eq!(
        app.get_json(&d.qazvin, "/api/v1/supervision/measures/awaiting")
            .await
            .1[0]["id"],
        id
    );
    // A second officer of the province approves: in force, and the licence is suspended.
    let office = app.actor("qazvin@t.test").await.organisation_id();
    app.user(
        "qazvin2@t.test",
        Role::ProvincialOfficer,
        office,
        Some(QAZVIN),
    )
    .await;
    let second = app.token("qazvin2@t.test").await;
    let done = app
        .post_json(&second, &decision, json!({"approve": true}), 200)
        .await;
    assert_eq!(done["status"], "in_force");
    assert_eq!(status_of(&app, &number).await, "suspended");
    let reg = register_search(&app, &number).await;
    assert_eq!(reg["entries"][0]["status_reason"], "آلودگی میکروبی");
    app.post_json(&second, &decision, json!({"approve": true}), 409)
        .await;
    // Revocation is the next rung up: in force at once, and the licence reads revoked.
    app.post_json(
        &d.qazvin,
        &path,
        json!({"rung": "revocation", "reason": "ادامهٔ تخلف",
        "licence_id": licence_id}),
        201,
    )
    .await;
    assert_eq!(status_of(&app, &number).await, "revoked");
    // Revoked: another suspension is licensing's refusal, and nothing is written.
    let before = app
        .scalar("SELECT COUNT(*) AS n FROM supervision_measures")
        .await;
    let v = app
        .post_json(
            &d.qazvin,
            &path,
            json!({"rung": "suspension", "reason": "x",
            "licence_id": licence_id}),
            422,
        )
        .await;
    assert_eq!(
        first_error(&v),
        ("licence_id".into(), "licence_final".into())
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM supervision_measures")
            .await,
        before
    );
    // Audited: five measures taken, one approved; the licence's own moves too.
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'supervision.measure.%'")
            .await,
        6
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('licence.suspended', 'licence.revoked') AND entity_id = '{licence_id}'"
        ))
        .await,
        2
    );
    // The public figures: this year's measures in force by rung, two advisory against two
    // coercive (the refused suspension attempt wrote nothing); the page draws the chart.
    let (s, f) = call(
        &app,
        None,
        "GET",
        "/api/v1/supervision/figures?province=IR-26",
        None,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(f.as_array().unwrap().len(), 1, "{f}");
    assert_eq!(f[0]["by_rung"], json!([2, 1, 0, 1, 1]));
    assert_eq!(f[0]["inspections"], Value::Null);
    assert_eq!(f[0]["advice_share"], json!(0.6));
    let page = reqwest::get(app.url("/supervision/figures?province=IR-26"))
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<svg") && !html.contains("style="), "{html}");
    // The unit reads its own measures, latest first.
    let (s, list) = app.get_json(&d.unit, &path).await;
    assert_eq!(s, 200);
    assert_eq!(list.as_array().unwrap().len(), 5);
    assert_eq!(list[0]["rung"], "revocation");
}

#[tokio::test]
async fn alborz_cannot_act_on_a_qazvin_unit_and_an_inspector_only_advises() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let alborz = app.token("alborz@t.test").await;
    let qazvin = app.token("qazvin@t.test").await;
    let inspector = app.token("inspector@t.test").await;
    let unit = app.token("unit@t.test").await;
    let body = json!({"rung": "advice", "reason": "آموزش"});
    app.post_json(&alborz, &measures(w.qazvin_unit), body.clone(), 404)
        .await;
    assert_eq!(app.get_json(&alborz, &measures(w.qazvin_unit)).await.0, 404);
    app.post_json(&qazvin, &measures(w.alborz_unit), body.clone(), 404)
        .await;
    app.post_json(&unit, &measures(w.qazvin_unit), body.clone(), 403)
        .await;
    app.post_json(&inspector, &measures(w.qazvin_unit), body, 201)
        .await;
    app.post_json(
        &inspector,
        &measures(w.qazvin_unit),
        json!({"rung": "warning", "reason": "تکرار"}),
        201,
    )
    .await;
    app.post_json(
        &inspector,
        &measures(w.qazvin_unit),
        json!({"rung": "reinspection", "reason": "تکرار"}),
        403,
    )
    .await;
    // The unit's own users read their unit's measures, not another's.
    assert_eq!(app.get_json(&unit, &measures(w.qazvin_unit)).await.0, 200);
    assert_eq!(app.get_json(&unit, &measures(w.alborz_unit)).await.0, 404);
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'supervision.measure.take' AND entity_id = (SELECT CAST(MIN(id) AS TEXT) FROM supervision_measures WHERE unit_id = {})",
            w.qazvin_unit
        ))
        .await,
        1
    );
    // The page shows the history and the ladder's legal bases.
    let c = app.login("qazvin@t.test").await;
    let (s, html) = app
        .page(
            &c,
            &format!("/supervision/units/{}/measures", w.qazvin_unit),
        )
        .await;
    assert_eq!(s, 200);
    assert!(
        html.contains("قانون تقویت و توسعهٔ نظام استاندارد"),
        "{html}"
    );
    // The ladder is data: the national body edits a rung's legal basis (versioned, audited).
    let admin = app.token("admin@t.test").await;
    let edit = json!({"name_fa": "توصیه", "name_vi": "Khuyến nghị", "name_en": "Advice",
        "legal_basis": "مادهٔ ۷ (اصلاحی)", "version": 0});
    let (s, _) = call(
        &app,
        Some(&qazvin),
        "PUT",
        "/api/v1/supervision/ladder/advice",
        Some(edit.clone()),
    )
    .await;
    assert_eq!(s, 403);
    let (s, r) = call(
        &app,
        Some(&admin),
        "PUT",
        "/api/v1/supervision/ladder/advice",
        Some(edit.clone()),
    )
    .await;
    assert_eq!((s, r["version"].as_i64()), (200, Some(1)));
    let (s, _) = call(
        &app,
        Some(&admin),
        "PUT",
        "/api/v1/supervision/ladder/advice",
        Some(edit),
    )
    .await;
    assert_eq!(s, 409);
    let (_, ladder) = call(&app, None, "GET", "/api/v1/supervision/ladder", None).await;
    assert_eq!(ladder[0]["legal_basis"], "مادهٔ ۷ (اصلاحی)");
    let _ = ALBORZ;
}

#[tokio::test]
async fn the_public_list_shows_published_entries_only_found_in_any_letter_forms() {
    let app = TestApp::spawn().await;
    app.world().await;
    let qazvin = app.token("qazvin@t.test").await;
    let alborz = app.token("alborz@t.test").await;
    let inspector = app.token("inspector@t.test").await;
    let entry = |product: &str, brand: &str, published: bool| {
        json!({"product": product, "brand": brand, "risk_type": "electrical",
               "measure": "جمع‌آوری از بازار", "measured_on": "2026-11-20", "published": published})
    };
    const LIST: &str = "/api/v1/supervision/unsafe";
    // Arabic yeh and kaf as typed by the office; ZWNJ in the product.
    let shown = app
        .post_json(&qazvin, LIST, entry("سشوار برقی", "كيان‌تك", true), 201)
        .await;
    app.post_json(&qazvin, LIST, entry("اتوی بخار", "كيان‌تك", false), 201)
        .await;
    app.post_json(&inspector, LIST, entry("x", "y", true), 403)
        .await;
    let v = app
        .post_json(
            &qazvin,
            LIST,
            json!({"product": "", "brand": "b", "risk_type": "noise",
            "measure": "m", "measured_on": "2026-11-20"}),
            422,
        )
        .await;
    assert_eq!(first_error(&v), ("product".into(), "required".into()));
    // Public, no login: the published entry only, searched with Persian letters, no ZWNJ.
    let (s, all) = call(&app, None, "GET", LIST, None).await;
    assert_eq!(s, 200);
    assert_eq!(all.as_array().unwrap().len(), 1, "{all}");
    let q = format!("{LIST}?q={}", crate::helpers::urlencode("کیانتک"));
    let (_, found) = call(&app, None, "GET", &q, None).await;
    assert_eq!(found[0]["id"], shown["id"], "{found}");
    let q = format!("{LIST}?q={}", crate::helpers::urlencode("یخچال"));
    assert_eq!(call(&app, None, "GET", &q, None).await.1, json!([]));
    assert_eq!(
        call(
            &app,
            None,
            "GET",
            &format!("{LIST}?page=18446744073709551615"),
            None
        )
        .await
        .0,
        200
    );
    let csv = reqwest::get(app.url(&format!("{LIST}/csv"))).await.unwrap();
    assert_eq!(csv.status().as_u16(), 200);
    let text = csv.text().await.unwrap();
    assert!(
        text.contains("سشوار برقی") && !text.contains("اتوی بخار"),
        "{text}"
    );
    // Another province's office cannot publish it; its own withdraws it.
    let id = shown["id"].as_i64().unwrap();
    app.post_json(
        &alborz,
        &format!("{LIST}/{id}/publish"),
        json!({"published": false}),
        404,
    )
    .await;
    app.post_json(
        &qazvin,
        &format!("{LIST}/{id}/publish"),
        json!({"published": false}),
        200,
    )
    .await;
    assert_eq!(call(&app, None, "GET", LIST, None).await.1, json!([]));
    let html = reqwest::get(app.url("/supervision/unsafe")).await.unwrap();
    assert_eq!(html.status().as_u16(), 200);
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'supervision.unsafe.%'")
            .await,
        3
    );
}
