//! A licence's sampling-and-test step that waits for a lab: the officer's pass is refused while
//! no released report of the application's test request exists, refused naming the clause
//! while the released report fails it, and accepted once a revision passes every clause. A
//! unit asks tests only for its own application.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use tashil::access::Role;
use tashil::conformity::ResultDraft;

use crate::conformity::{NOW, field_codes, setup};
use crate::helpers::{QAZVIN, TestApp};
use crate::licence_setup::{apply, call, desk_in_world, mv, standard_mark};

fn now() -> DateTime<Utc> {
    NOW.parse().unwrap()
}

fn row(clause: &str, value: &str, unit: &str, u: &str) -> ResultDraft {
    ResultDraft {
        clause: clause.into(),
        value: value.into(),
        unit: unit.into(),
        uncertainty: u.into(),
        method: "INSO 393".into(),
        ..Default::default()
    }
}

fn details(v: &Value) -> Vec<(String, String)> {
    v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_string(),
                e["detail"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_test_step_passes_only_on_a_released_report_that_fails_no_clause() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let d = desk_in_world(&app, false, true).await;

    // The step waits for a lab's report; only a test step without silence may.
    let mut def = standard_mark(false);
    def["definition"]["steps"][0]["needs_lab_report"] = json!(true);
    let (status, v) = call(
        &app,
        Some(&d.admin),
        "PUT",
        "/api/v1/permit-types/standard-mark-new",
        Some(def.clone()),
    )
    .await;
    assert_eq!(status, 422, "{v}");
    assert_eq!(
        field_codes(&v),
        [(
            "definition.steps[0].needs_lab_report".into(),
            "lab_report_step".into()
        )]
    );
    def["definition"]["steps"][0]["needs_lab_report"] = json!(false);
    def["definition"]["steps"][2]["needs_lab_report"] = json!(true);
    let (status, v) = call(
        &app,
        Some(&d.admin),
        "PUT",
        "/api/v1/permit-types/standard-mark-new",
        Some(def),
    )
    .await;
    assert_eq!(status, 200, "{v}");

    let id = apply(&app, &d).await["id"].as_i64().unwrap();
    for step in 0..2 {
        let (status, v) = mv(&app, &d.qazvin, id, json!({"move": "pass", "step": step})).await;
        assert_eq!(status, 200, "{v}");
    }
    let pass = json!({"move": "pass", "step": 2});
    let (status, v) = mv(&app, &d.qazvin, id, pass.clone()).await;
    assert_eq!(status, 422, "{v}");
    assert_eq!(details(&v), [("lab_report_missing".into(), String::new())]);

    // The unit asks tests for its own application only.
    let ask = |application: i64| {
        json!({"standard_id": s.standard.to_string(), "clauses": ["5.1, 5.2"],
            "lab_org_id": s.lab_a.0.to_string(), "purpose": "application",
            "application_id": application.to_string()})
    };
    let v = app
        .post_json(&s.unit, "/api/v1/test-requests", ask(id + 1000), 422)
        .await;
    assert_eq!(
        field_codes(&v),
        [("application_id".into(), "application_not_yours".into())]
    );
    let req = app
        .post_json(&s.unit, "/api/v1/test-requests", ask(id), 201)
        .await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &s.lab_a.1,
        &format!("/api/v1/test-requests/{req}/accept"),
        json!({}),
        200,
    )
    .await;

    // 3.4 ± 0.2 % against at most 3: clause 5.2 fails, and the released report with it.
    let lab = app.actor("lab@t.test").await;
    tashil::conformity::enter_results(
        &app.db,
        &lab,
        Some(req),
        &[row("5.1", "45", "MPA", "1"), row("5.2", "3.4", "P1", "0.2")],
        now(),
    )
    .await
    .unwrap();
    let (status, v) = mv(&app, &d.qazvin, id, pass.clone()).await;
    assert_eq!(status, 422, "a draft report is not yet a report: {v}");
    app.user("lab2@t.test", Role::LabUser, s.lab_a.0, Some(QAZVIN))
        .await;
    let second = app.actor("lab2@t.test").await;
    let r = tashil::conformity::release(&app.db, &second, req, now())
        .await
        .unwrap();
    assert_eq!(r.verdict.as_deref(), Some("fail"));
    let (status, v) = mv(&app, &d.qazvin, id, pass.clone()).await;
    assert_eq!(status, 422, "{v}");
    assert_eq!(details(&v), [("lab_report_failed".into(), "5.2".into())]);
    let (_, a) = call(
        &app,
        Some(&d.unit),
        "GET",
        &format!("/api/v1/applications/{id}"),
        None,
    )
    .await;
    assert_eq!(
        a["lab_tests"],
        json!([{"request_id": req, "revision": 1, "verdict": "fail",
            "failed": ["5.2"], "inconclusive": []}])
    );

    // Corrected by revision 2, released by the second person: the step passes.
    tashil::conformity::revise(&app.db, &lab, req, 1, "خطای تایپی در بند ۵٫۲", now())
        .await
        .unwrap();
    tashil::conformity::enter_results(
        &app.db,
        &lab,
        Some(req),
        &[row("5.2", "2.5", "P1", "0.2")],
        now(),
    )
    .await
    .unwrap();
    tashil::conformity::release(&app.db, &second, req, now())
        .await
        .unwrap();
    let c = app.login("qazvin@t.test").await;
    let (status, html) = app.page(&c, &format!("/applications/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/test-requests/{req}")), "{html}");
    let (status, v) = mv(&app, &d.qazvin, id, pass).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["step_index"], 3);
}
