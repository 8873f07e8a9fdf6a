//! Market samples from an inspection (issue 21): the inspector of an open inspection sends a
//! sample to a lab offered by conformity assessment; the request reads purpose market_sample
//! in conformity and is linked to the inspection, whose page shows it and, once the lab
//! released its report, the verdict. Alborz's inspector neither sends for it nor sees it.

use serde_json::{Value, json};
use tashil::access::Role;

use crate::conformity::{NOW, setup};
use crate::helpers::{ALBORZ, QAZVIN, TestApp};

const BASE: &str = "/api/v1/supervision/inspections";

#[tokio::test]
async fn a_market_sample_is_sent_from_an_open_inspection_and_read_in_its_province_only() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let al_office = app
        .scalar("SELECT organisation_id AS n FROM users WHERE email = 'alborz@t.test'")
        .await;
    app.user(
        "inspector.alborz@t.test",
        Role::Inspector,
        al_office,
        Some(ALBORZ),
    )
    .await;
    let qazvin = app.token("qazvin@t.test").await;
    let inspector = app.token("inspector@t.test").await;
    let al_inspector = app.token("inspector.alborz@t.test").await;
    let inspector_id = app
        .scalar("SELECT id AS n FROM users WHERE email = 'inspector@t.test'")
        .await;
    let unit_id = app
        .scalar(&format!(
            "SELECT MIN(id) AS n FROM units WHERE province_code = '{QAZVIN}'"
        ))
        .await;
    let insp = app
        .post_json(
            &qazvin,
            BASE,
            json!({"unit_id": unit_id, "inspector_id": inspector_id, "scheduled_on": "2026-12-07"}),
            201,
        )
        .await;
    let id = insp["id"].as_i64().unwrap();
    let samples = format!("{BASE}/{id}/samples");
    let draft = json!({"standard_id": s.standard.to_string(), "clauses": ["5.1, 5.2"],
        "lab_org_id": s.lab_a.0.to_string(), "note": "Bought at a shop in Qazvin, batch 1405-09",
        "purpose": "own_unit"});
    // Not before the inspection starts.
    app.post_json(&inspector, &samples, draft.clone(), 409)
        .await;
    app.post_json(
        &inspector,
        &format!("{BASE}/{id}/start"),
        json!({"version": 1}),
        200,
    )
    .await;

    // Only the inspector of the province sends; a lab not covering every clause is refused.
    app.post_json(&al_inspector, &samples, draft.clone(), 404)
        .await;
    app.post_json(&qazvin, &samples, draft.clone(), 403).await;
    app.post_json(&s.unit, &samples, draft.clone(), 403).await;
    let partial = json!({"standard_id": s.standard.to_string(), "clauses": ["5.1, 5.2"],
        "lab_org_id": s.lab_b.0.to_string()});
    let e = app.post_json(&inspector, &samples, partial, 422).await;
    assert!(e.to_string().contains("lab_not_offered"), "{e}");
    let sent = app.post_json(&inspector, &samples, draft, 201).await;
    assert_eq!(sent["purpose"], "market_sample", "whatever the draft said");
    assert_eq!(sent["province"], QAZVIN);
    let request = format!("/api/v1/test-requests/{}", sent["id"]);

    // In conformity: a market sample, read by the province and the lab, not by Alborz.
    for reader in [&inspector, &qazvin, &s.lab_a.1, &s.admin] {
        let (st, r) = app.get_json(reader, &request).await;
        assert_eq!((st, r["purpose"].as_str()), (200, Some("market_sample")));
    }
    assert_eq!(app.get_json(&al_inspector, &request).await.0, 404);
    let (_, none) = app.get_json(&al_inspector, "/api/v1/test-requests").await;
    assert_eq!(none, json!([]));
    assert_eq!(app.get_json(&al_inspector, &samples).await.0, 404);

    // Linked to the inspection: listed there, no verdict yet.
    let (st, list) = app.get_json(&inspector, &samples).await;
    assert_eq!(st, 200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["request"]["id"], sent["id"]);
    assert_eq!(list[0]["verdict"], Value::Null);

    // The lab accepts, reports and a second person releases: the verdict reaches the page.
    app.post_json(&s.lab_a.1, &format!("{request}/accept"), json!({}), 200)
        .await;
    let rows = json!({"results": [
        {"clause": "5.1", "value": "45", "unit": "MPA", "uncertainty": "1", "method": "INSO 393"},
        {"clause": "5.2", "value": "3.5", "unit": "P1", "method": "INSO 1692"},
    ]});
    app.post_json(&s.lab_a.1, &format!("{request}/results"), rows, 200)
        .await;
    let (_, list) = app.get_json(&inspector, &samples).await;
    assert_eq!(
        list[0]["verdict"],
        Value::Null,
        "a draft is the lab's alone"
    );
    app.user("lab2@t.test", Role::LabUser, s.lab_a.0, Some(QAZVIN))
        .await;
    let second = app.token("lab2@t.test").await;
    app.post_json(
        &second,
        &format!("{request}/report/release"),
        json!({}),
        200,
    )
    .await;
    let (_, list) = app.get_json(&inspector, &samples).await;
    assert_eq!(list[0]["verdict"], "fail");
    assert_eq!(list[0]["failing"], json!(["5.2"]));

    let browser = app.login("inspector@t.test").await;
    let page = format!("/supervision/inspections/{id}");
    let (st, html) = app.page(&browser, &format!("{page}?lang=en")).await;
    assert_eq!(st, 200);
    assert!(html.contains(&format!("/test-requests/{}", sent["id"])));
    assert!(html.contains("Fail"), "the verdict shown");
    assert!(
        html.contains(&format!("{page}/samples")),
        "the way to send another"
    );

    // The page's two steps: the labs offered for the clauses, then one sent.
    let (st, html) = app
        .page(
            &browser,
            &format!("{page}/samples?standard_id={}&clauses=5.1", s.standard),
        )
        .await;
    assert_eq!(st, 200);
    assert!(
        html.contains(&format!("value=\"{}\"", s.lab_b.0)),
        "lab B covers 5.1"
    );
    let (standard, lab_b) = (s.standard.to_string(), s.lab_b.0.to_string());
    let (st, _) = app
        .submit(
            &browser,
            &format!("{page}/samples?standard_id={}&clauses=5.1", s.standard),
            &format!("{page}/samples"),
            &[
                ("standard_id", standard.as_str()),
                ("clauses", "5.1"),
                ("lab_org_id", lab_b.as_str()),
                ("note", "second shop"),
            ],
        )
        .await;
    assert_eq!(st, 303);
    assert_eq!(
        app.get_json(&inspector, &samples)
            .await
            .1
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let al_browser = app.login("inspector.alborz@t.test").await;
    assert_eq!(
        app.page(&al_browser, &format!("{page}/samples")).await.0,
        404
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'supervision.sample.send'")
            .await,
        2
    );
}
