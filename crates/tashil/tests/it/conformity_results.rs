//! Results and reports through the use cases: each row judged under the request's decision
//! rule or refused by row and field, nothing written when one row is refused, a push sent
//! twice written once, four eyes before release, a released report immutable and corrected
//! only by a revision, and a lab whose accreditation is suspended releases nothing.

use chrono::{DateTime, Utc};
use serde_json::json;
use tashil::access::Role;
use tashil::conformity::{ConformityError, ResultDraft, Written};

use crate::conformity::{NOW, setup};
use crate::helpers::{QAZVIN, TestApp};

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

fn fields(e: ConformityError) -> Vec<(String, &'static str)> {
    match e {
        ConformityError::Invalid(errs) => errs.into_iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[tokio::test]
async fn results_are_judged_released_by_a_second_person_and_then_only_revised() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let sent = app
        .post_json(
            &s.unit,
            "/api/v1/test-requests",
            json!({"standard_id": s.standard.to_string(), "clauses": ["5.1, 5.2"],
                "lab_org_id": s.lab_a.0.to_string(), "decision_rule": "guard_banded"}),
            201,
        )
        .await;
    assert_eq!(sent["decision_rule"], "guard_banded");
    let id = sent["id"].as_i64().unwrap();
    let lab = app.actor("lab@t.test").await;
    let early = tashil::conformity::enter_results(
        &app.db,
        &lab,
        Some(id),
        &[row("5.1", "45", "MPA", "1")],
        now(),
    )
    .await
    .unwrap_err();
    assert_eq!(
        fields(early),
        [("results[0].request_id".into(), "request_not_accepted")]
    );
    app.post_json(
        &s.lab_a.1,
        &format!("/api/v1/test-requests/{id}/accept"),
        json!({}),
        200,
    )
    .await;

    // One bad row refuses all: nothing is written.
    let bad = tashil::conformity::enter_results(
        &app.db,
        &lab,
        Some(id),
        &[
            ResultDraft {
                instrument: "CTM-9".into(),
                ..row("5.1", "45", "MPA", "1")
            },
            row("9.9", "1", "MPA", ""),
            row("5.2", "3", "KGM", ""),
            row("5.2", "3", "P1", ""),
        ],
        now(),
    )
    .await
    .unwrap_err();
    assert_eq!(
        fields(bad),
        [
            ("results[0].instrument".into(), "unknown_instrument"),
            ("results[1].clause".into(), "clause_not_requested"),
            ("results[2].unit".into(), "unit_inconvertible"),
            ("results[3].clause".into(), "duplicate_row"),
        ]
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM test_results").await,
        0
    );

    // 45 ± 1 MPa against at least 42.5: pass; 3.1 ± 0.2 % against at most 3: inconclusive.
    let rows = [row("5.1", "۴۵", "MPA", "1"), row("5.2", "3.1", "P1", "0.2")];
    let out = tashil::conformity::enter_results(&app.db, &lab, Some(id), &rows, now())
        .await
        .unwrap();
    let got: Vec<_> = out
        .iter()
        .map(|o| (o.verdict.as_str(), o.written))
        .collect();
    assert_eq!(
        got,
        [
            ("pass", Written::Created),
            ("inconclusive", Written::Created)
        ]
    );
    let again = tashil::conformity::enter_results(&app.db, &lab, Some(id), &rows, now())
        .await
        .unwrap();
    assert!(again.iter().all(|o| o.written == Written::Unchanged));
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM test_results").await,
        2
    );

    // Four eyes: the one who entered the results does not release them.
    let e = tashil::conformity::release(&app.db, &lab, id, now())
        .await
        .unwrap_err();
    assert_eq!(fields(e), [("form".into(), "four_eyes")]);
    app.user("lab2@t.test", Role::LabUser, s.lab_a.0, Some(QAZVIN))
        .await;
    let second = app.actor("lab2@t.test").await;
    let released = tashil::conformity::release(&app.db, &second, id, now())
        .await
        .unwrap();
    assert_eq!(
        (released.status.as_str(), released.verdict.as_deref()),
        ("released", Some("inconclusive"))
    );

    // Released: the same result sent again is no change; a different one is refused.
    let same = tashil::conformity::enter_results(&app.db, &lab, Some(id), &rows, now())
        .await
        .unwrap();
    assert!(same.iter().all(|o| o.written == Written::Unchanged));
    let e = tashil::conformity::enter_results(
        &app.db,
        &lab,
        Some(id),
        &[row("5.2", "2.5", "P1", "0.2")],
        now(),
    )
    .await
    .unwrap_err();
    assert_eq!(fields(e), [("results[0].clause".into(), "report_released")]);

    // A correction is revision 2, replacing revision 1 and saying why.
    let e = tashil::conformity::revise(&app.db, &lab, id, 1, " ", now())
        .await
        .unwrap_err();
    assert_eq!(fields(e), [("reason".into(), "required")]);
    let rev = tashil::conformity::revise(&app.db, &lab, id, 1, "خطای تایپی در بند ۵٫۲", now())
        .await
        .unwrap();
    assert_eq!((rev.revision, rev.status.as_str()), (2, "draft"));
    let e = tashil::conformity::revise(&app.db, &lab, id, 1, "again", now())
        .await
        .unwrap_err();
    assert_eq!(fields(e), [("form".into(), "revision_not_latest")]);
    let fixed = tashil::conformity::enter_results(
        &app.db,
        &lab,
        Some(id),
        &[row("5.2", "2.5", "P1", "0.2")],
        now(),
    )
    .await
    .unwrap();
    assert_eq!(
        (fixed[0].verdict.as_str(), fixed[0].written),
        ("pass", Written::Updated)
    );

    // Suspended, the lab releases nothing.
    app.post_json(
        &s.admin,
        &format!("/api/v1/accreditations/{}/status", s.accreditation_a),
        json!({"status": "suspended"}),
        200,
    )
    .await;
    let e = tashil::conformity::release(&app.db, &second, id, now())
        .await
        .unwrap_err();
    assert_eq!(fields(e), [("form".into(), "clause_not_covered")]);
    let e = tashil::conformity::enter_results(
        &app.db,
        &lab,
        Some(id),
        &[row("5.2", "2.4", "P1", "0.2")],
        now(),
    )
    .await
    .unwrap_err();
    assert_eq!(
        fields(e),
        [("results[0].clause".into(), "clause_not_covered")]
    );
    let first = app
        .scalar("SELECT COUNT(*) AS n FROM test_reports WHERE status = 'released' AND revision = 1")
        .await;
    assert_eq!(first, 1);
}
