//! Results and reports through the HTTP API and the request's page: the lab enters results,
//! the requester and the province read the verdict and nobody else does, four eyes before
//! release, a released report corrected only by a revision; the page in three languages and
//! its results form refilled with the field named on a bad value.

use serde_json::{Value, json};
use tashil::access::Role;

use crate::conformity::{NOW, Setup, field_codes, setup};
use crate::helpers::{QAZVIN, TestApp};

/// A request for both clauses of the cement standard, accepted by lab A; its path.
async fn accepted(app: &TestApp, s: &Setup) -> String {
    let sent = app
        .post_json(
            &s.unit,
            "/api/v1/test-requests",
            json!({"standard_id": s.standard.to_string(), "clauses": ["5.1, 5.2"],
                "lab_org_id": s.lab_a.0.to_string()}),
            201,
        )
        .await;
    let path = format!("/api/v1/test-requests/{}", sent["id"]);
    app.post_json(&s.lab_a.1, &format!("{path}/accept"), json!({}), 200)
        .await;
    path
}

fn rows(loss_on_ignition: &str) -> Value {
    json!({"results": [
        {"clause": "5.1", "value": "45", "unit": "MPA", "uncertainty": "1", "method": "INSO 393"},
        {"clause": "5.2", "value": loss_on_ignition, "unit": "P1", "method": "INSO 1692"},
    ]})
}

fn verdicts(report: &Value) -> Vec<(String, String)> {
    report["latest"]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                r["clause"].as_str().unwrap().to_string(),
                r["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_lab_reports_the_requester_and_province_read_the_verdict_and_a_second_person_releases()
{
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let path = accepted(&app, &s).await;
    let results = format!("{path}/results");
    let report = format!("{path}/report");

    // Only the addressed lab enters results; another lab does not even see the request.
    app.post_json(&s.unit, &results, rows("2.5"), 403).await;
    app.post_json(&s.lab_b.1, &results, rows("2.5"), 404).await;
    let bad = app.post_json(&s.lab_a.1, &results, rows("۳٫۵x"), 422).await;
    assert_eq!(
        field_codes(&bad),
        [("results[1].value".into(), "invalid_number".into())]
    );
    let (_, empty) = app.get_json(&s.unit, &report).await;
    assert_eq!(empty["latest"], Value::Null, "nothing written");

    let out = app.post_json(&s.lab_a.1, &results, rows("3.5"), 200).await;
    assert_eq!(out[0]["verdict"], "pass");
    assert_eq!(out[1]["verdict"], "fail");
    assert_eq!(out[1]["written"], "created");

    // A draft is the lab's alone: its verdict provisional; the others see nothing yet.
    let (_, r) = app.get_json(&s.lab_a.1, &report).await;
    assert_eq!(r["latest"]["status"], "draft");
    assert_eq!(r["latest"]["verdict"], "fail", "provisional");
    let readers = [&s.unit, &s.admin, &app.token("qazvin@t.test").await];
    for reader in readers {
        let (st, r) = app.get_json(reader, &report).await;
        assert_eq!((st, &r["latest"]), (200, &Value::Null), "{r}");
    }
    for outsider in [&app.token("alborz@t.test").await, &s.lab_b.1] {
        assert_eq!(app.get_json(outsider, &report).await.0, 404);
    }

    // Four eyes: the one who entered the results does not release them.
    let e = app
        .post_json(&s.lab_a.1, &format!("{report}/release"), json!({}), 422)
        .await;
    assert_eq!(field_codes(&e), [("form".into(), "four_eyes".into())]);
    app.post_json(&s.unit, &format!("{report}/release"), json!({}), 403)
        .await;
    app.user("lab2@t.test", Role::LabUser, s.lab_a.0, Some(QAZVIN))
        .await;
    let second = app.token("lab2@t.test").await;
    let released = app
        .post_json(&second, &format!("{report}/release"), json!({}), 200)
        .await;
    assert_eq!(released["latest"]["status"], "released");
    assert_eq!(released["latest"]["released_by"], "lab2@t.test");
    let mailed = app
        .scalar("SELECT COUNT(*) AS n FROM mail_outbox WHERE kind = 'test_report_released' AND recipient = 'unit@t.test'")
        .await;
    assert_eq!(mailed, 1, "the requester hears of the release");

    // Released, the requester, the province's office and the national body read it.
    for reader in [&s.unit, &s.admin, &app.token("qazvin@t.test").await] {
        let (st, r) = app.get_json(reader, &report).await;
        assert_eq!(st, 200, "{r}");
        assert_eq!(r["latest"]["status"], "released");
        assert_eq!(r["latest"]["verdict"], "fail");
        assert_eq!(r["latest"]["failing"], json!(["5.2"]));
        assert_eq!(
            r["latest"]["results"][0]["parameter"]["en"],
            "Compressive strength at 28 days"
        );
    }

    // Released, it is not edited, only revised.
    let e = app.post_json(&s.lab_a.1, &results, rows("2.5"), 422).await;
    assert_eq!(
        field_codes(&e),
        [("results[1].clause".into(), "report_released".into())]
    );
    let revisions = format!("{report}/revisions");
    let e = app
        .post_json(
            &s.lab_a.1,
            &revisions,
            json!({"supersedes": 1, "reason": " "}),
            422,
        )
        .await;
    assert_eq!(field_codes(&e), [("reason".into(), "required".into())]);
    app.post_json(
        &s.unit,
        &revisions,
        json!({"supersedes": 1, "reason": "x"}),
        403,
    )
    .await;
    let rev = app
        .post_json(
            &s.lab_a.1,
            &revisions,
            json!({"supersedes": 1, "reason": "The loss on ignition was misread"}),
            201,
        )
        .await;
    assert_eq!(
        (&rev["latest"]["revision"], &rev["latest"]["status"]),
        (&json!(2), &json!("draft"))
    );
    assert_eq!(rev["latest"]["supersedes"], 1);
    assert_eq!(rev["earlier"][0]["verdict"], "fail");
    let fixed = app.post_json(&s.lab_a.1, &results, rows("2.5"), 200).await;
    assert_eq!(
        (&fixed[0]["written"], &fixed[1]["written"]),
        (&json!("unchanged"), &json!("updated"))
    );
    app.post_json(&second, &format!("{report}/release"), json!({}), 200)
        .await;
    let (_, last) = app.get_json(&s.unit, &report).await;
    assert_eq!(last["latest"]["verdict"], "pass");
    assert_eq!(
        verdicts(&last),
        [("5.1".into(), "pass".into()), ("5.2".into(), "pass".into())]
    );
    assert_eq!(last["earlier"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_request_page_takes_results_shows_the_verdict_and_names_a_bad_field() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let api = accepted(&app, &s).await;
    let id = api.rsplit('/').next().unwrap().to_string();
    let page = format!("/test-requests/{id}");
    let lab = app.login("lab@t.test").await;
    let (st, html) = app.page(&lab, &format!("{page}?lang=en")).await;
    assert_eq!(st, 200);
    assert!(
        html.contains("id=\"results-form\""),
        "the lab's results form"
    );
    assert!(
        html.contains("value=\"MPA\""),
        "the clause's unit prefilled"
    );
    assert!(html.contains("Simple acceptance"), "the decision rule");

    let form = |v51: &'static str, v52: &'static str| {
        vec![
            ("clause", "5.1"),
            ("value", v51),
            ("category", ""),
            ("unit", "MPA"),
            ("uncertainty", "1"),
            ("coverage", ""),
            ("method", "INSO 393"),
            ("instrument", ""),
            ("measured_on", "1405-09-15"),
            ("clause", "5.2"),
            ("value", v52),
            ("category", ""),
            ("unit", "P1"),
            ("uncertainty", ""),
            ("coverage", ""),
            ("method", "INSO 1692"),
            ("instrument", ""),
            ("measured_on", ""),
        ]
    };
    let action = format!("{page}/results");
    let (st, html) = app
        .submit(
            &lab,
            &page,
            &format!("{action}?lang=en"),
            &form("45", "3..5"),
        )
        .await;
    assert_eq!(st, 422);
    assert!(html.contains("id=\"value-1-err\""), "{html}");
    assert!(html.contains("value=\"3..5\""), "what was typed is kept");
    assert!(html.contains("value=\"45\""));
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM test_results").await,
        0
    );
    let (st, html) = app.submit(&lab, &page, &action, &form("۴۵", "3.5")).await;
    assert_eq!(st, 303, "{html}");
    let measured = app
        .scalar("SELECT COUNT(*) AS n FROM test_results WHERE measured_on = '2026-12-06'")
        .await;
    assert_eq!(measured, 1, "the Solar Hijri day read");

    // Four eyes, shown on the page.
    let release = format!("{page}/report/release");
    let (st, html) = app
        .submit(&lab, &format!("{page}?lang=en"), &release, &[])
        .await;
    assert_eq!(st, 422);
    assert!(html.contains("id=\"report-error\""));
    assert!(html.contains("A second person must release"), "{html}");
    app.user("lab2@t.test", Role::LabUser, s.lab_a.0, Some(QAZVIN))
        .await;
    let second = app.login("lab2@t.test").await;
    let (st, _) = app.submit(&second, &page, &release, &[]).await;
    assert_eq!(st, 303);

    let unit = app.login("unit@t.test").await;
    let qazvin = app.login("qazvin@t.test").await;
    for (lang, fail) in [("fa", "نامنطبق"), ("vi", "Không đạt"), ("en", "Fail")] {
        for reader in [&unit, &qazvin, &lab] {
            let (st, html) = app.page(reader, &format!("{page}?lang={lang}")).await;
            assert_eq!(st, 200);
            assert!(
                html.contains(&format!("id=\"report-verdict\">{fail}<")),
                "{lang}"
            );
            assert!(!html.contains("id=\"results-form\""), "released: no form");
        }
    }
    let alborz = app.login("alborz@t.test").await;
    assert_eq!(app.page(&alborz, &page).await.0, 404);

    // A Persian keyboard's digits find the labs as well as Latin ones.
    let persian: String = s
        .standard
        .to_string()
        .chars()
        .map(|c| char::from_u32(0x06F0 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    let (st, html) = app
        .page(
            &unit,
            &format!(
                "/test-requests/new?standard_id={}&clauses=5.1,5.2",
                crate::helpers::urlencode(&persian)
            ),
        )
        .await;
    assert_eq!(st, 200);
    assert!(
        html.contains(&format!("id=\"lab-{}\"", s.lab_a.0)),
        "{html}"
    );

    // Released: corrected only by a revision, which needs a reason.
    let (_, html) = app.page(&lab, &page).await;
    assert!(html.contains("id=\"revise-form\""));
    let revise = format!("{page}/report/revisions");
    let (st, html) = app
        .submit(&lab, &page, &revise, &[("supersedes", "1"), ("reason", "")])
        .await;
    assert_eq!(st, 422);
    assert!(html.contains("id=\"revision_reason-err\""));
    let (st, html) = app
        .submit(
            &lab,
            &format!("{page}?lang=en"),
            &revise,
            &[("supersedes", "1"), ("reason", "Misread balance")],
        )
        .await;
    assert_eq!(st, 303);
    assert!(
        html.contains("id=\"results-form\""),
        "revision 2 is a draft"
    );
    assert!(html.contains("value=\"3.5\""), "its results copied");
    assert!(html.contains("Misread balance"));
    // The unit reads revision 1, in force until revision 2 is released.
    let (_, html) = app.page(&unit, &format!("{page}?lang=en")).await;
    assert!(!html.contains("Earlier revisions") && !html.contains("Misread balance"));
}
