//! A lab's instruments and their calibration: registered and calibrated by the lab's users,
//! read by the lab, its province's office and the national body (another lab gets a 404); a
//! result measured on an overdue instrument is refused until a calibration is recorded; the
//! lab's users are reminded before the due date and once overdue, each once, in their language.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use tashil::access::Role;
use tashil::conformity::{ConformityError, ResultDraft};
use tashil::mail::Mailer;

use crate::conformity::{NOW, field_codes, setup};
use crate::helpers::{QAZVIN, TestApp, fixed};
use crate::smtp_sink::Sink;

fn now() -> DateTime<Utc> {
    NOW.parse().unwrap()
}

fn calibration(on: &str, due: &str) -> Value {
    json!({"calibrated_by": "مرکز کالیبراسیون قزوین", "certificate_number": "CAL-1405-77",
        "calibrated_on": on, "due_on": due})
}

async fn register(app: &TestApp, token: &str, code: &str) -> i64 {
    let v = app
        .post_json(
            token,
            "/api/v1/instruments",
            json!({"code": code, "name": "دستگاه آزمون فشار", "serial_number": "SN-4410"}),
            201,
        )
        .await;
    assert_eq!(v["due_state"], "uncalibrated", "{v}");
    v["id"].as_i64().unwrap()
}

#[tokio::test]
async fn instruments_are_read_in_scope_and_results_on_an_overdue_one_are_refused_until_calibrated()
{
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let lab = &s.lab_a.1;
    let id = register(&app, lab, "CTM-9").await;
    let again = app
        .post_json(
            lab,
            "/api/v1/instruments",
            json!({"code": "CTM-9", "name": "x"}),
            422,
        )
        .await;
    assert_eq!(
        field_codes(&again),
        [("code".into(), "duplicate_instrument".into())]
    );
    app.post_json(
        &s.unit,
        "/api/v1/instruments",
        json!({"code": "U-1", "name": "x"}),
        403,
    )
    .await;

    // Who reads it: the lab, Qazvin's office (the lab is accredited there), the national body;
    // another lab and Alborz's office get what an absent one gets.
    let path = format!("/api/v1/instruments/{id}");
    for (who, status) in [
        (lab.clone(), 200),
        (app.token("qazvin@t.test").await, 200),
        (s.admin.clone(), 200),
        (s.lab_b.1.clone(), 404),
        (app.token("alborz@t.test").await, 404),
    ] {
        let (got, v) = app.get_json(&who, &path).await;
        assert_eq!(got, status, "{v}");
    }
    let (_, other) = app.get_json(&s.lab_b.1, "/api/v1/instruments").await;
    assert_eq!(other, json!([]));
    app.post_json(
        &s.lab_b.1,
        &format!("{path}/calibrations"),
        calibration("2026-12-01", "2027-12-01"),
        404,
    )
    .await;

    // A certificate due before the day of calibration is refused; one due last week is kept.
    let bad = app
        .post_json(
            lab,
            &format!("{path}/calibrations"),
            calibration("2026-12-01", "2026-11-30"),
            422,
        )
        .await;
    assert_eq!(
        field_codes(&bad),
        [("due_on".into(), "due_before_calibration".into())]
    );
    let v = app
        .post_json(
            lab,
            &format!("{path}/calibrations"),
            calibration("۱۴۰۴/۰۹/۰۹", "2026-11-30"),
            200,
        )
        .await;
    assert_eq!(
        (&v["calibration_due"], &v["due_state"]),
        (&json!("2026-11-30"), &json!("overdue"))
    );

    // A result measured today on it is refused.
    let req = app
        .post_json(
            &s.unit,
            "/api/v1/test-requests",
            json!({"standard_id": s.standard.to_string(), "clauses": ["5.1"],
                "lab_org_id": s.lab_a.0.to_string()}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        lab,
        &format!("/api/v1/test-requests/{req}/accept"),
        json!({}),
        200,
    )
    .await;
    let row = ResultDraft {
        clause: "5.1".into(),
        value: "45".into(),
        unit: "MPA".into(),
        uncertainty: "1".into(),
        method: "INSO 393".into(),
        instrument: "CTM-9".into(),
        ..Default::default()
    };
    let actor = app.actor("lab@t.test").await;
    let e = tashil::conformity::enter_results(
        &app.db,
        &actor,
        Some(req),
        std::slice::from_ref(&row),
        now(),
    )
    .await
    .unwrap_err();
    let ConformityError::Invalid(errs) = e else {
        panic!("expected field errors, got {e:?}")
    };
    assert_eq!(
        (errs[0].field.as_str(), errs[0].code),
        ("results[0].instrument", "instrument_overdue")
    );

    // Calibrated today: accepted. An older certificate recorded later leaves the latest due.
    app.post_json(
        lab,
        &format!("{path}/calibrations"),
        calibration("1405/09/16", "2027-12-07"),
        200,
    )
    .await;
    let out = tashil::conformity::enter_results(&app.db, &actor, Some(req), &[row], now())
        .await
        .unwrap();
    assert_eq!(out[0].verdict.as_str(), "pass");
    let v = app
        .post_json(
            lab,
            &format!("{path}/calibrations"),
            calibration("2026-06-01", "2027-06-01"),
            200,
        )
        .await;
    assert_eq!(v["calibration_due"], "2027-12-07");
    assert_eq!(v["calibrations"].as_array().unwrap().len(), 3);
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'instrument.%'")
            .await,
        4
    );

    // The pages: the list with its mark, the instrument with its history; not another lab's.
    let c = app.login("lab@t.test").await;
    let (status, html) = app.page(&c, "/instruments").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/instruments/{id}")), "{html}");
    let (status, html) = app.page(&c, &format!("/instruments/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("مرکز کالیبراسیون قزوین"), "{html}");
    let other = app.login("lab-b@t.test").await;
    let (status, _) = app.page(&other, &format!("/instruments/{id}")).await;
    assert_eq!(status, 404);
}

fn mailer(url: &str) -> Mailer {
    Mailer::new(url, "Tashil <no-reply@tashil.test>", "https://tashil.test").expect("mailer")
}

#[tokio::test]
async fn the_labs_users_are_reminded_before_the_due_date_and_once_overdue_each_once() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    app.user("lab-en@t.test", Role::LabUser, s.lab_a.0, Some(QAZVIN))
        .await;
    app.db
        .execute_unprepared("UPDATE users SET lang = 'en' WHERE email = 'lab-en@t.test'")
        .await
        .unwrap();
    let id = register(&app, &s.lab_a.1, "BAL-2").await;
    register(&app, &s.lab_a.1, "OVN-3").await;
    app.post_json(
        &s.lab_a.1,
        &format!("/api/v1/instruments/{id}/calibrations"),
        calibration("2026-01-02", "2027-01-02"),
        200,
    )
    .await;
    let sink = Sink::start().await;
    let m = mailer(&sink.url);

    // 26 days before: one reminder to each of the lab's users, in their language; once.
    let jobs = tashil::app::jobs().with_clock(fixed(NOW));
    jobs.tick(&app.db, Some(&m)).await.unwrap();
    let (fa, rest) = sink.take_for("lab@t.test");
    let (en, rest): (Vec<_>, Vec<_>) = rest
        .into_iter()
        .partition(|m| m.rcpt.iter().any(|r| r == "lab-en@t.test"));
    assert!(rest.is_empty(), "only the lab's users hear");
    assert_eq!((fa.len(), en.len()), (1, 1));
    assert!(fa[0].subject().contains("BAL-2") && fa[0].subject().contains("کالیبراسیون"));
    assert!(
        en[0].subject().contains("due for calibration"),
        "{}",
        en[0].subject()
    );
    assert!(
        en[0]
            .text()
            .contains(&format!("https://tashil.test/instruments/{id}")),
        "{}",
        en[0].text()
    );
    jobs.tick(&app.db, Some(&m)).await.unwrap();
    assert!(sink.take().is_empty());
    let c = app.login("lab@t.test").await;
    let (_, home) = app.page(&c, "/").await;
    assert!(home.contains("روز دیگر می‌رسد"), "{home}");

    // The day after its due date on Tehran's clock: overdue, said once.
    let late = tashil::app::jobs().with_clock(fixed("2027-01-02T21:00:00Z"));
    late.tick(&app.db, Some(&m)).await.unwrap();
    let got = sink.take();
    assert_eq!(got.len(), 2);
    assert!(
        got.iter()
            .any(|r| r.subject().contains("past its calibration due date")),
        "{:?}",
        got.iter().map(|r| r.subject()).collect::<Vec<_>>()
    );
    late.tick(&app.db, Some(&m)).await.unwrap();
    assert!(sink.take().is_empty());
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'instrument.remind%'")
            .await,
        2
    );
}
