//! The lab API (`POST /api/v1/lab/results`) through the real server: a LIMS pushes JSON or
//! CSV with a lab user's token and gets each row's verdict; a push sent again writes nothing
//! twice; a refused row is named by its index (JSON) or its line (CSV) and nothing is
//! written; another lab's request is unknown; a unit's token is forbidden.

use serde_json::{Value, json};

use crate::conformity::{NOW, field_codes, setup};
use crate::helpers::TestApp;

const PUSH: &str = "/api/v1/lab/results";

/// An accepted request of the unit to `lab` for `clauses`.
async fn accepted(
    app: &TestApp,
    unit: &str,
    standard: i64,
    lab: (i64, &str),
    clauses: &str,
) -> i64 {
    let sent = app
        .post_json(
            unit,
            "/api/v1/test-requests",
            json!({"standard_id": standard.to_string(), "clauses": [clauses],
                "lab_org_id": lab.0.to_string()}),
            201,
        )
        .await;
    let id = sent["id"].as_i64().unwrap();
    app.post_json(
        lab.1,
        &format!("/api/v1/test-requests/{id}/accept"),
        json!({}),
        200,
    )
    .await;
    id
}

async fn post_csv(app: &TestApp, token: &str, csv: &str, expected: u16) -> Value {
    let r = reqwest::Client::new()
        .post(app.url(PUSH))
        .bearer_auth(token)
        .header("content-type", "text/csv; charset=utf-8")
        .body(csv.to_string())
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    assert_eq!(status, expected, "{text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn outcomes(v: &Value) -> Vec<(u64, String, String, String)> {
    v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|o| {
            (
                o["row"].as_u64().unwrap(),
                o["clause"].as_str().unwrap().to_string(),
                o["verdict"].as_str().unwrap().to_string(),
                o["written"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn codes(v: &Value) -> Vec<(String, String)> {
    field_codes(v)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[tokio::test]
async fn a_lims_pushes_json_and_csv_and_the_same_push_twice_writes_once() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let lab = (s.lab_a.0, s.lab_a.1.as_str());
    let first = accepted(&app, &s.unit, s.standard, lab, "5.1, 5.2").await;
    let push = json!({"results": [
        {"request_id": first, "clause": "5.1", "value": 45, "unit": "MPA", "uncertainty": 1,
         "method": "INSO 393", "lab_result_id": "LIMS-1"},
        {"request_id": first.to_string(), "clause": "5.2", "value": "۲٫۵", "unit": "P1",
         "uncertainty": "0.2", "lab_result_id": "LIMS-2"}]});
    let out = app.post_json(lab.1, PUSH, push.clone(), 200).await;
    assert_eq!(
        outcomes(&out),
        [
            (0, "5.1".into(), "pass".into(), "created".into()),
            (1, "5.2".into(), "pass".into(), "created".into())
        ]
    );
    let audited = "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'test_report'";
    let (results, entries) = (
        app.scalar("SELECT COUNT(*) AS n FROM test_results").await,
        app.scalar(audited).await,
    );
    assert_eq!((results, entries), (2, 1));

    // Sent again (a LIMS retrying after a timeout): nothing is written twice.
    let again = app.post_json(lab.1, PUSH, push, 200).await;
    assert!(outcomes(&again).iter().all(|o| o.3 == "unchanged"));
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM test_results").await,
        2
    );
    assert_eq!(app.scalar(audited).await, 1);

    // A CSV as spreadsheets save it: a BOM, `;` between fields, Persian digits, a quoted
    // field holding the separator, a blank line; its rows are named by their line.
    let second = accepted(&app, &s.unit, s.standard, lab, "5.1, 5.2").await;
    let csv = format!(
        "\u{feff}Request_ID;clause;value;unit;uncertainty;method;lab_result_id\n\
         {second};5.1;۴۴;MPA;1;\"INSO 393; 28 d\";L-3\n\n{second};۵.۲;3.4;P1;0.2;x;L-4\n"
    );
    let out = post_csv(&app, lab.1, &csv, 200).await;
    assert_eq!(
        outcomes(&out),
        [
            (2, "5.1".into(), "pass".into(), "created".into()),
            (4, "5.2".into(), "fail".into(), "created".into())
        ]
    );
    let again = post_csv(&app, lab.1, &csv, 200).await;
    assert!(outcomes(&again).iter().all(|o| o.3 == "unchanged"));
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM test_results").await,
        4
    );
}

#[tokio::test]
async fn refused_rows_are_named_by_row_and_field_and_nothing_is_written() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let lab = (s.lab_a.0, s.lab_a.1.as_str());
    let mine = accepted(&app, &s.unit, s.standard, lab, "5.1, 5.2").await;
    let other = accepted(
        &app,
        &s.unit,
        s.standard,
        (s.lab_b.0, s.lab_b.1.as_str()),
        "5.1",
    )
    .await;

    // JSON: by the index in `results`.
    let bad = json!({"results": [
        {"request_id": mine, "clause": "5.1", "value": 45, "unit": "MPA"},
        {"request_id": mine, "clause": "9.9", "value": 1, "unit": "MPA"},
        {"request_id": other, "clause": "5.1", "value": 45, "unit": "MPA"},
        {"clause": "5.2", "value": "x", "unit": "P1"}]});
    let e = app.post_json(lab.1, PUSH, bad, 422).await;
    assert_eq!(
        codes(&e),
        pairs(&[
            ("results[3].value", "invalid_number"),
            ("results[1].clause", "clause_not_requested"),
            // Another lab's request is not told apart from one that does not exist.
            ("results[2].request_id", "unknown_request"),
        ])
    );

    // CSV: by the line in the file (the header is line 1).
    let csv = format!(
        "request_id,clause,value,unit\n{mine},5.1,45,MPA\n\n{other},5.1,45,MPA\n{mine},5.2,3,KGM\n"
    );
    let e = post_csv(&app, lab.1, &csv, 422).await;
    assert_eq!(
        codes(&e),
        pairs(&[
            ("results[4].request_id", "unknown_request"),
            ("results[5].unit", "unit_inconvertible"),
        ])
    );
    let e = post_csv(&app, lab.1, "request_id,clause,value\n1,5.1,=2+3\n", 422).await;
    assert_eq!(codes(&e), pairs(&[("results[2].value", "formula")]));
    let e = post_csv(&app, lab.1, "request,clause,value\n1,5.1,2\n", 422).await;
    assert_eq!(
        codes(&e),
        pairs(&[
            ("file", "unknown_result_column"),
            ("file", "missing_column")
        ])
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM test_results").await,
        0
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM test_reports").await,
        0
    );

    // Over the rows a call may carry: refused whole, with how to split.
    let many: Vec<Value> = (0..=tashil::conformity::MAX_RESULT_ROWS)
        .map(|_| json!({"request_id": mine, "clause": "5.1", "value": 45, "unit": "MPA"}))
        .collect();
    let e = app
        .post_json(lab.1, PUSH, json!({ "results": many }), 422)
        .await;
    assert_eq!(codes(&e), pairs(&[("results", "too_many_results")]));
    let e = app
        .post_json(lab.1, PUSH, json!({"results": "x"}), 422)
        .await;
    assert_eq!(codes(&e), pairs(&[("body", "malformed_request")]));

    // A unit (or anyone not a lab's user) may not push results.
    let push =
        json!({"results": [{"request_id": mine, "clause": "5.1", "value": 45, "unit": "MPA"}]});
    app.post_json(&s.unit, PUSH, push.clone(), 403).await;
    app.post_json(&s.admin, PUSH, push.clone(), 403).await;
    let r = reqwest::Client::new()
        .post(app.url(PUSH))
        .json(&push)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
}
