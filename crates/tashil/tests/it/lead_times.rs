//! The public lead-time figures, on SQLite and PostgreSQL: kept on every move (received,
//! issued, rejected, withdrawn, by silence), a rejection reopened on appeal taken back, the
//! same figures as JSON, CSV and a page in each language, and bad filters named by field.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::licence_setup::{Desk, apply, call, desk, issue_licence, mv};

async fn pass_to(app: &TestApp, d: &Desk, id: i64, until: i64) {
    for step in 0..until {
        let (s, v) = mv(app, &d.qazvin, id, json!({"move": "pass", "step": step})).await;
        assert_eq!(s, 200, "step {step}: {v}");
    }
}

async fn figures(app: &TestApp, query: &str) -> (u16, Value) {
    call(
        app,
        None,
        "GET",
        &format!("/api/v1/lead-times?{query}"),
        None,
    )
    .await
}

#[tokio::test]
async fn every_move_keeps_the_figures_and_a_reopened_rejection_is_taken_back() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, true).await;
    issue_licence(&app, &d).await;

    // Rejected, appealed, reopened by the national body, then issued.
    let appealed = apply(&app, &d).await["id"].as_i64().unwrap();
    let (s, v) = mv(&app, &d.qazvin, appealed, json!({"move": "reject", "step": 0, "conditions": [2], "explanation": "بدون واحد کنترل کیفیت"})).await;
    assert_eq!(s, 200, "{v}");
    let q = "permit_type=standard-mark-new&province=IR-26";
    let (_, f) = figures(&app, q).await;
    assert_eq!(f["total"]["rejected"], 1, "{f}");
    assert_eq!(f["total"]["median_days"], 0);
    let (s, _) = mv(
        &app,
        &d.unit,
        appealed,
        json!({"move": "appeal", "explanation": "دارد"}),
    )
    .await;
    assert_eq!(s, 200);
    let (s, v) = mv(&app, &d.admin, appealed, json!({"move": "reopen"})).await;
    assert_eq!(s, 200, "{v}");
    let (_, f) = figures(&app, q).await;
    assert_eq!(
        f["total"]["rejected"], 0,
        "the rejection is taken back: {f}"
    );
    let step = v["step_index"].as_i64().unwrap();
    for s in step..5 {
        let (code, v) = mv(
            &app,
            &d.qazvin,
            appealed,
            json!({"move": "pass", "step": s}),
        )
        .await;
        assert_eq!(code, 200, "{v}");
    }

    let withdrawn = apply(&app, &d).await["id"].as_i64().unwrap();
    assert_eq!(
        mv(&app, &d.unit, withdrawn, json!({"move": "withdraw"}))
            .await
            .0,
        200
    );

    // Issued by silence at its last step.
    let silent = apply(&app, &d).await["id"].as_i64().unwrap();
    pass_to(&app, &d, silent, 4).await;
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!("UPDATE application_steps SET due_on = '2026-01-01' WHERE ended_at IS NULL AND application_id = {silent}"),
        ))
        .await
        .unwrap();
    assert_eq!(
        tashil::licensing::pass_by_silence(&app.db, chrono::Utc::now())
            .await
            .unwrap(),
        1
    );

    let still_open = apply(&app, &d).await["id"].as_i64().unwrap();
    assert!(still_open > 0);

    let (s, f) = figures(&app, q).await;
    assert_eq!(s, 200, "{f}");
    let t = &f["total"];
    assert_eq!(
        (
            &t["received"],
            &t["issued"],
            &t["rejected"],
            &t["withdrawn"],
            &t["by_silence"]
        ),
        (&json!(5), &json!(3), &json!(0), &json!(1), &json!(1)),
        "{f}"
    );
    // Decided on the day they were made: no working day went by.
    assert_eq!((&t["median_days"], &t["p90_days"]), (&json!(0), &json!(0)));
    // Two of three answered on time; the one decided by silence was not answered at all.
    let share = t["on_time_share"].as_f64().unwrap();
    assert!((share - 2.0 / 3.0).abs() < 1e-9, "{share}");
    assert!((t["silence_share"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        f["months"].as_array().unwrap().len(),
        12,
        "a year of months by default"
    );
    let last = f["months"].as_array().unwrap().last().unwrap();
    assert_eq!(last["received"], 5, "this month holds them: {last}");

    // Another province and the whole country.
    let (_, other) = figures(&app, "permit_type=standard-mark-new&province=IR-30").await;
    assert_eq!(other["total"]["received"], 0);
    let (_, all) = figures(&app, "country=IR").await;
    assert_eq!(all["total"]["received"], 5);

    // The same as CSV, a row per month and the total.
    let r = reqwest::get(app.url(&format!("/api/v1/lead-times.csv?{q}")))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let body = r.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert!(
        lines[0].contains("month,received,issued,rejected"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 14);
    assert!(
        lines[13].starts_with("total,5,3,0,1,2,1,0,0,0.6667,0.3333"),
        "{}",
        lines[13]
    );
}

#[tokio::test]
async fn bad_filters_are_named_by_field() {
    let app = TestApp::spawn().await;
    let _ = desk(&app, false, false).await;
    for (query, field) in [
        ("permit_type=nope", "permit_type"),
        ("permit_type=standard-mark-new&province=VN-37", "province"),
        ("province=IR-99", "province"),
        ("country=FR", "country"),
        (
            "permit_type=standard-mark-new&from=202601&to=202612",
            "from",
        ),
        ("country=IR&from=139001&to=140512", "to"),
        ("country=IR&from=140512&to=140501", "to"),
        ("country=IR&from=140513", "from"),
        ("country=IR&to=-1", ""),
        ("country=IR&to=9223372036854775807", ""),
        // The default span below the smallest month (found by schemathesis: a 500).
        ("country=IR&to=-2147483648", "to"),
        ("country=IR&from=-2147483648&to=140512", "from"),
    ] {
        let (s, v) = figures(&app, query).await;
        assert!(s == 422 || s == 400, "{query}: {s} {v}");
        if !field.is_empty() {
            assert_eq!(v["errors"][0]["field"], field, "{query}: {v}");
        }
    }
    let (s, v) = figures(&app, "country=VN&from=202601&to=202612").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["months"].as_array().unwrap().len(), 12);
}

#[tokio::test]
async fn the_page_shows_the_figures_in_each_language() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, true).await;
    issue_licence(&app, &d).await;
    for (lang, title, month) in [
        ("fa", "زمان صدور مجوزها", "ماه"),
        ("en", "Permit lead times", "Month"),
        ("vi", "Thời gian cấp phép", "Tháng"),
    ] {
        let r = reqwest::get(app.url(&format!(
            "/lead-times?permit_type=standard-mark-new&province=IR-26&lang={lang}"
        )))
        .await
        .unwrap();
        assert_eq!(r.status(), 200);
        let html = r.text().await.unwrap();
        assert!(html.contains(title), "{lang}");
        assert!(html.contains(month), "{lang}");
        assert!(html.contains("/api/v1/lead-times.csv?country=IR&#38;permit_type=standard-mark-new&#38;province=IR-26"), "{lang}: {}", &html[html.find("lead-times.csv").unwrap_or(0)..][..200]);
    }
    // Persian digits and Solar Hijri months for a Persian reader.
    let html = reqwest::get(app.url("/lead-times?lang=fa"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("فروردین ۱۴۰۵") || html.contains("فروردین ۱۴۰۶"),
        "Solar Hijri months"
    );
    // The register finds the licence by its brand in any spelling, and every page links
    // the register, the figures and tracking.
    let html = reqwest::get(app.url("/licences?q=%DA%A9%D8%A7%D9%84%D9%87&lang=fa"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("فهرست پروانه‌ها"));
    assert!(html.contains("SMN-IR-26-"), "the licence is listed");
    assert!(html.contains("href=\"/lead-times\"") && html.contains("href=\"/track\""));
    let html = reqwest::get(app.url("/licences?q=nothing-like-it&lang=en"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("licences found") && !html.contains("SMN-IR-26-"),
        "{html}"
    );
    for junk in [
        "/licences?after=-1&status=junk",
        "/licences?after=9223372036854775807",
        "/licences?q=%E2%80%AE%00",
    ] {
        let r = reqwest::get(app.url(junk)).await.unwrap();
        assert!(
            r.status() == 200 || r.status() == 400,
            "{junk}: {}",
            r.status()
        );
    }
    // A year out of reach falls back to this one; junk is not an error page.
    let r = reqwest::get(app.url("/lead-times?year=99999&province=IR-99&permit_type=%00"))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}
