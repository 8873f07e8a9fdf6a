//! A sample's condition on receipt and storage amended after recording: only by the lab that
//! received it (another lab does not see the request, the requester and the province may not),
//! each amendment audited and kept with the values before and after, shown on the request's
//! page as a history, and refused with 409 once the request's report is released.

use serde_json::{Value, json};
use tashil::access::Role;

use crate::conformity::{NOW, field_codes, setup};
use crate::helpers::{QAZVIN, TestApp};

fn amendment(v: &Value, i: usize) -> (String, String, String, String, String) {
    let a = &v["amendments"][i];
    let s = |k: &str| a[k].as_str().unwrap_or_default().to_string();
    (
        s("condition_before"),
        s("condition_after"),
        s("storage_before"),
        s("storage_after"),
        s("reason"),
    )
}

#[tokio::test]
async fn the_receiving_lab_amends_a_samples_condition_and_storage_until_its_report_is_released() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let sent = app
        .post_json(
            &s.unit,
            "/api/v1/test-requests",
            json!({"standard_id": s.standard.to_string(), "clauses": ["5.1, 5.2"],
                "lab_org_id": s.lab_a.0.to_string()}),
            201,
        )
        .await;
    let id = sent["id"].as_i64().unwrap();
    let path = format!("/api/v1/test-requests/{id}");
    app.post_json(&s.lab_a.1, &format!("{path}/accept"), json!({}), 200)
        .await;
    let amend = format!("{path}/sample/amendments");
    let fix =
        json!({"condition_on_receipt": "Bag torn at one corner", "reason": "Misread on receipt"});
    // No sample yet: nothing to amend.
    app.post_json(&s.lab_a.1, &amend, fix.clone(), 404).await;
    app.post_json(
        &s.lab_a.1,
        &format!("{path}/sample"),
        json!({"taken_by": "Reza Karimi", "taken_where": "Qazvin", "taken_at": "2026-12-07T09:00",
            "seal_numbers": "QZ-1", "quantity": "2 bags", "condition_on_receipt": "Intact",
            "storage": "Shelf B2"}),
        200,
    )
    .await;

    // Only the receiving lab: the requester and the province may not, another lab sees nothing.
    app.post_json(&s.unit, &amend, fix.clone(), 403).await;
    app.post_json(&app.token("qazvin@t.test").await, &amend, fix.clone(), 403)
        .await;
    app.post_json(&s.lab_b.1, &amend, fix.clone(), 404).await;
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM sample_amendments")
            .await,
        0
    );

    // A reason is required, and an amendment must change something.
    let e = app
        .post_json(&s.lab_a.1, &amend, json!({"storage": "Fridge 2"}), 422)
        .await;
    assert_eq!(field_codes(&e), [("reason".into(), "required".into())]);
    let e = app
        .post_json(
            &s.lab_a.1,
            &amend,
            json!({"condition_on_receipt": "Intact", "storage": "Shelf B2", "reason": "x"}),
            422,
        )
        .await;
    assert_eq!(
        field_codes(&e),
        [("condition_on_receipt".into(), "sample_unchanged".into())]
    );

    // The lab amends the condition; the storage, left out, keeps its value.
    let v = app.post_json(&s.lab_a.1, &amend, fix, 200).await;
    assert_eq!(v["condition_on_receipt"], "Bag torn at one corner");
    assert_eq!(v["storage"], "Shelf B2");
    assert_eq!(
        amendment(&v, 0),
        (
            "Intact".into(),
            "Bag torn at one corner".into(),
            "Shelf B2".into(),
            "Shelf B2".into(),
            "Misread on receipt".into()
        )
    );
    assert_eq!(v["amendments"][0]["amended_by"], "lab@t.test");
    let audited = app
        .scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'sample.amend' AND before LIKE '%Intact%' AND after LIKE '%Bag torn at one corner%'")
        .await;
    assert_eq!(audited, 1, "audited with the values before and after");
    // The requester reads the history too.
    let (st, seen) = app.get_json(&s.unit, &format!("{path}/sample")).await;
    assert_eq!(st, 200);
    assert_eq!(seen["amendments"].as_array().unwrap().len(), 1);

    // On the page: the lab's form (CSRF), prefilled; the history keeps the prior values.
    let page = format!("/test-requests/{id}");
    let lab = app.login("lab@t.test").await;
    let (_, html) = app.page(&lab, &page).await;
    assert!(html.contains("id=\"amend-form\""), "the lab may amend");
    let (st, html) = app
        .submit(
            &lab,
            &page,
            &format!("{page}/sample/amend"),
            &[
                ("condition_on_receipt", "Bag torn at one corner"),
                ("storage", "Fridge 2, 4 °C"),
                ("reason", "Moved at the analyst request"),
            ],
        )
        .await;
    assert_eq!(st, 303, "{html}");
    for kept in [
        "Intact",
        "Shelf B2",
        "Fridge 2, 4 °C",
        "Moved at the analyst request",
    ] {
        assert!(html.contains(kept), "the history shows «{kept}»");
    }
    assert!(
        html.contains("<del>Shelf B2</del>"),
        "the prior storage kept"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'sample.amend'")
            .await,
        2
    );
    let unit = app.login("unit@t.test").await;
    let (_, html) = app.page(&unit, &page).await;
    assert!(
        !html.contains("id=\"amend-form\""),
        "no form for the requester"
    );
    assert!(
        html.contains("id=\"sample-amendments\""),
        "the history for the requester"
    );
    // Without a reason, the page names the field.
    let (st, html) = app
        .submit(
            &lab,
            &format!("{page}?lang=en"),
            &format!("{page}/sample/amend"),
            &[
                ("condition_on_receipt", "x"),
                ("storage", "y"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(st, 422);
    assert!(html.contains("amend-reason-err"), "{html}");

    // Released, the record stands as reported.
    app.post_json(
        &s.lab_a.1,
        &format!("{path}/results"),
        json!({"results": [
            {"clause": "5.1", "value": "45", "unit": "MPA", "uncertainty": "1", "method": "INSO 393"},
            {"clause": "5.2", "value": "2.5", "unit": "P1", "method": "INSO 1692"},
        ]}),
        200,
    )
    .await;
    app.user("lab2@t.test", Role::LabUser, s.lab_a.0, Some(QAZVIN))
        .await;
    let second = app.token("lab2@t.test").await;
    app.post_json(&second, &format!("{path}/report/release"), json!({}), 200)
        .await;
    let e = app
        .post_json(
            &s.lab_a.1,
            &amend,
            json!({"storage": "Shelf C1", "reason": "late"}),
            409,
        )
        .await;
    assert_eq!(e["code"], "sample_report_released", "{e}");
    assert!(
        !e["title"].as_str().unwrap_or("err-").starts_with("err-"),
        "{e}"
    );
    let (_, html) = app.page(&lab, &format!("{page}?lang=en")).await;
    assert!(!html.contains("id=\"amend-form\""), "released: no form");
    let r = app
        .post_form(
            &lab,
            &page,
            &format!("{page}/sample/amend"),
            &[
                ("condition_on_receipt", "x"),
                ("storage", "y"),
                ("reason", "z"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 409);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"amend-error\""), "{html}");
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM sample_amendments")
            .await,
        2,
        "nothing written after release"
    );
}
