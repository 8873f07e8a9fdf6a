//! The compliance summary month by month (issue 20, item 5): a unit's months give the
//! shares their subgroups and violations say; a subgroup at 23:00 UTC on the last day of
//! Esfand is Farvardin's in Tehran; advice counts in the month of its due day, on time or
//! late; the province sees only its units and a unit only itself; odd queries are clear
//! 4xx, never 5xx; the pages are Persian in Solar Hijri months, and the CSV holds the rows.

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use tashil::quality::{Advice, Chart, Points, Thresholds, Trigger, answer_due};

use crate::helpers::TestApp;
use crate::quality_setup::{LIST, Setup, at, send, setup, subgroup_at};

/// 20 Ordibehesht 1405, noon in Tehran.
const NOW: &str = "2026-05-10T08:30:00Z";
const SUMMARY: &str = "/api/v1/quality/compliance";

/// Esfand 1404, Farvardin and Ordibehesht 1405.
const ESFAND: i32 = 140412;
const FARVARDIN: i32 = 140501;
const ORDIBEHESHT: i32 = 140502;

/// A characteristic checked by rule 1 alone, so only a point beyond the limits violates.
fn characteristic(code: &str) -> Value {
    json!({"code": code, "product_line": "کاشی ۳۰×۳۰", "name": "ضخامت", "chart_kind": "xbar_r",
        "uom": "MMT", "lower_spec": "7.4", "upper_spec": "8.6", "subgroup_size": "3",
        "frequency": "hourly", "rules": ["1"]})
}

/// The month `yyyymm` of unit `unit` in a summary.
fn month(summary: &Value, unit: i64, yyyymm: i32) -> Value {
    summary["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit_id"] == unit)
        .unwrap_or_else(|| panic!("unit {unit} in {summary}"))["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == yyyymm)
        .unwrap_or_else(|| panic!("month {yyyymm}"))
        .clone()
}

/// A page's text without the isolation marks Fluent puts around arguments.
fn plain(html: &str) -> String {
    html.replace(['\u{2068}', '\u{2069}'], "")
}

fn units(summary: &Value) -> Vec<i64> {
    summary["units"]
        .as_array()
        .unwrap_or_else(|| panic!("{summary}"))
        .iter()
        .map(|u| u["unit_id"].as_i64().unwrap())
        .collect()
}

/// Qazvin's `thk`: a phase-I baseline in Esfand with its limits, a subgroup at 23:00 UTC on
/// 29 Esfand (2:30 on 1 Farvardin in Tehran) and more in Farvardin, and in Ordibehesht one
/// beyond the limits; `wgt`, without limits, in control in Ordibehesht. Answers `thk`'s id.
async fn measure(app: &TestApp, s: &Setup) -> i64 {
    let made = app
        .post_json(&s.unit, LIST, characteristic("thk"), 201)
        .await;
    let thk = made["id"].as_i64().unwrap();
    app.post_json(&s.unit, LIST, characteristic("wgt"), 201)
        .await;
    let base = "2026-03-01T00:00:00Z";
    let rows = (0..20)
        .map(|h| subgroup_at("thk", at(base, 2 * h), h, 8.0))
        .collect();
    send(app, &s.unit, "esfand", rows, 200).await;
    app.post_json(
        &s.unit,
        &format!("{LIST}/{thk}/limits"),
        json!({"from": at(base, 0), "to": at(base, 38)}),
        200,
    )
    .await;
    let mut rows = vec![subgroup_at("thk", "2026-03-20T23:00:00Z".into(), 1, 8.0)];
    rows.extend((0..5).map(|h| subgroup_at("thk", at("2026-04-01T06:00:00Z", h), h, 8.0)));
    send(app, &s.unit, "farvardin", rows, 200).await;
    let mut rows: Vec<Value> = (0..4)
        .map(|h| subgroup_at("thk", at("2026-05-01T06:00:00Z", h), h, 8.0))
        .collect();
    rows.push(subgroup_at("thk", at("2026-05-01T06:00:00Z", 5), 5, 9.0));
    rows.extend((0..3).map(|h| subgroup_at("wgt", at("2026-05-02T06:00:00Z", h), h, 8.0)));
    send(app, &s.unit, "ordibehesht", rows, 200).await;
    send(
        app,
        &s.other_unit,
        "alborz",
        vec![subgroup_at("thk", at("2026-05-01T06:00:00Z", 0), 0, 8.0)],
        200,
    )
    .await;
    thk
}

#[tokio::test]
async fn compliance_a_units_months_give_the_shares_their_subgroups_say() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    app.post_json(&s.other_unit, LIST, characteristic("thk"), 201)
        .await;
    let thk = measure(&app, &s).await;
    let (status, sum) = app.get_json(&s.admin, SUMMARY).await;
    assert_eq!(status, 200, "{sum}");
    // Twelve months of the Solar Hijri calendar, ending this one.
    assert_eq!(sum["country"], "IR");
    assert_eq!(
        (sum["from"].as_i64(), sum["to"].as_i64()),
        (Some(140403), Some(140502))
    );
    assert_eq!(sum["months"].as_array().unwrap().len(), 12);
    // Esfand: the baseline, in control and capable (Cpk far above 1.33).
    let esfand = month(&sum, s.qazvin_unit, ESFAND);
    assert_eq!(
        (
            &esfand["characteristics"],
            &esfand["reporting"],
            &esfand["in_control"]
        ),
        (&json!(1), &json!(1), &json!(1)),
        "{esfand}"
    );
    assert_eq!(esfand["in_control_share"], 1.0);
    assert_eq!(esfand["capable_share"], 1.0);
    assert_eq!(esfand["in_control_and_capable_share"], 1.0);
    assert_eq!(esfand["on_time_share"], Value::Null);
    // Farvardin: in control; Ordibehesht: one of two characteristics violated a rule.
    let farvardin = month(&sum, s.qazvin_unit, FARVARDIN);
    assert_eq!(farvardin["in_control_share"], 1.0);
    let ordibehesht = month(&sum, s.qazvin_unit, ORDIBEHESHT);
    assert_eq!(
        (
            &ordibehesht["characteristics"],
            &ordibehesht["reporting"],
            &ordibehesht["in_control"]
        ),
        (&json!(2), &json!(2), &json!(1)),
        "{ordibehesht}"
    );
    assert_eq!(ordibehesht["in_control_share"], 0.5);
    assert_eq!(ordibehesht["in_control_and_capable_share"], 0.0);
    // Capable in Ordibehesht as the characteristic's own page says (only thk has an index).
    let (_, detail) = app.get_json(&s.unit, &format!("{LIST}/{thk}")).await;
    let capable = detail["capability"]["capable"].as_bool().unwrap();
    assert_eq!(ordibehesht["capability_assessed"], 1);
    assert_eq!(
        ordibehesht["capable_share"],
        if capable { 1.0 } else { 0.0 }
    );
    // Months without subgroups are blank.
    let dey = month(&sum, s.qazvin_unit, 140410);
    assert_eq!(dey["in_control_share"], Value::Null);
    assert_eq!(dey["reporting"], 0);
    // The unit's page: 29 Esfand at 23:00 UTC is already Farvardin in Tehran.
    let (status, d) = app
        .get_json(&s.admin, &format!("{SUMMARY}/{}", s.qazvin_unit))
        .await;
    assert_eq!(status, 200, "{d}");
    let behind = |code: &str, m: i32| -> Value {
        d["characteristics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code && c["month"] == m)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(behind("thk", ESFAND)["subgroups"], 20);
    assert_eq!(behind("thk", FARVARDIN)["subgroups"], 6);
    assert_eq!(behind("thk", ORDIBEHESHT)["violations"], 1);
    assert_eq!(behind("thk", ORDIBEHESHT)["in_control"], false);
    assert!(behind("thk", ESFAND)["capability"].as_f64().unwrap() > 1.33);
    assert_eq!(behind("wgt", ORDIBEHESHT)["capable"], Value::Null);
    // Defined in Ordibehesht without earlier subgroups: not Farvardin's.
    assert_eq!(behind("wgt", FARVARDIN), Value::Null);
}

/// An advice of `unit`'s characteristic `characteristic`, stored as the advice desk stores
/// it, answered on `answered_on` if given.
async fn advice(
    app: &TestApp,
    unit: i64,
    characteristic: i64,
    opened_on: NaiveDate,
    answered_on: Option<NaiveDate>,
) {
    let trigger = Trigger::Violation {
        chart: Chart::Primary,
        rule: tashil_spc::Rule::BeyondLimits,
    };
    let findings = serde_json::to_string(&[Points { first: 4, point: 4 }]).unwrap();
    let (state, answer) = match answered_on {
        Some(d) => (
            "answered",
            format!("'{d}', 'ابزار کالیبره نبود', 'کالیبراسیون'"),
        ),
        None => ("open", "NULL, NULL, NULL".into()),
    };
    let b = app.db.get_database_backend();
    app.db
        .execute_raw(sea_orm::Statement::from_string(
            b,
            format!(
                "INSERT INTO quality_advices (characteristic_id, unit_id, province_code, code, \
                 \"trigger\", state, opened_on, answered_on, cause, action, findings, first_point, \
                 last_point, created_at, updated_at, version) VALUES ({characteristic}, {unit}, \
                 'IR-26', 'beyond_limits', '{}', '{state}', '{opened_on}', {answer}, '{findings}', \
                 4, 4, '{NOW}', '{NOW}', 1)",
                serde_json::to_string(&trigger).unwrap()
            ),
        ))
        .await
        .expect("advice stored");
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day an advice opened on `opened_on` is due, as the desk counts it.
fn due(opened_on: NaiveDate) -> NaiveDate {
    let a = Advice::open(
        1,
        Trigger::Violation {
            chart: Chart::Primary,
            rule: tashil_spc::Rule::BeyondLimits,
        },
        Points { first: 4, point: 4 },
        opened_on,
    );
    answer_due(
        &Thresholds::default(),
        &tashil_text::workdays::WorkCalendar::iran(),
        &a,
    )
    .unwrap()
    .date
}

#[tokio::test]
async fn compliance_advice_counts_on_time_or_late_in_the_month_of_its_due_day() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let made = app
        .post_json(&s.unit, LIST, characteristic("thk"), 201)
        .await;
    let thk = made["id"].as_i64().unwrap();
    // Two opened in mid-Farvardin and due there: one answered on its due day, one a day late.
    let mid = day(2026, 4, 5);
    let d = due(mid);
    assert_eq!(tashil::quality::Month::of("IR", d).yyyymm(), FARVARDIN);
    advice(&app, s.qazvin_unit, thk, mid, Some(d)).await;
    advice(&app, s.qazvin_unit, thk, mid, Some(d.succ_opt().unwrap())).await;
    // Opened on 29 Farvardin, due in Ordibehesht and never answered: late there.
    let end = day(2026, 4, 18);
    assert_eq!(
        tashil::quality::Month::of("IR", due(end)).yyyymm(),
        ORDIBEHESHT
    );
    advice(&app, s.qazvin_unit, thk, end, None).await;
    // Opened yesterday, not due yet: not counted.
    advice(&app, s.qazvin_unit, thk, day(2026, 5, 9), None).await;
    let (status, sum) = app.get_json(&s.qazvin, SUMMARY).await;
    assert_eq!(status, 200, "{sum}");
    let f = month(&sum, s.qazvin_unit, FARVARDIN);
    assert_eq!(
        (&f["advice_due"], &f["advice_on_time"]),
        (&json!(2), &json!(1))
    );
    assert_eq!(f["on_time_share"], 0.5);
    let o = month(&sum, s.qazvin_unit, ORDIBEHESHT);
    assert_eq!(
        (&o["advice_due"], &o["advice_on_time"]),
        (&json!(1), &json!(0))
    );
    assert_eq!(o["on_time_share"], 0.0);
    // No subgroups: the characteristics' shares stay blank.
    assert_eq!(f["in_control_share"], Value::Null);
    let (_, d) = app
        .get_json(&s.unit, &format!("{SUMMARY}/{}", s.qazvin_unit))
        .await;
    assert_eq!(d["advice"].as_array().unwrap().len(), 3, "{d}");
    // The unit's page lists them in Persian.
    let c = app.login("unit@t.test").await;
    let (status, html) = app
        .page(&c, &format!("/quality/compliance/{}", s.qazvin_unit))
        .await;
    assert_eq!(status, 200, "{html}");
    let html = plain(&html);
    assert!(html.contains("۵۰٪"), "{html}");
    assert!(html.contains("فروردین ۱۴۰۵"));
}

#[tokio::test]
async fn compliance_the_province_sees_its_units_and_a_unit_only_itself() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    app.post_json(&s.other_unit, LIST, characteristic("thk"), 201)
        .await;
    measure(&app, &s).await;
    let both = vec![s.qazvin_unit, s.alborz_unit];
    let mut all = units(&app.get_json(&s.admin, SUMMARY).await.1);
    all.sort_unstable();
    let mut expected = both.clone();
    expected.sort_unstable();
    assert_eq!(all, expected);
    assert_eq!(
        units(
            &app.get_json(&s.admin, &format!("{SUMMARY}?province=IR-30"))
                .await
                .1
        ),
        [s.alborz_unit]
    );
    assert_eq!(
        units(&app.get_json(&s.qazvin, SUMMARY).await.1),
        [s.qazvin_unit]
    );
    assert_eq!(
        units(&app.get_json(&s.alborz, SUMMARY).await.1),
        [s.alborz_unit]
    );
    assert_eq!(
        units(&app.get_json(&s.unit, SUMMARY).await.1),
        [s.qazvin_unit]
    );
    assert_eq!(
        units(&app.get_json(&s.other_unit, SUMMARY).await.1),
        [s.alborz_unit]
    );
    // Another province's unit, or the province itself, reads as absent.
    let other = format!("{SUMMARY}/{}", s.alborz_unit);
    for (token, status) in [
        (&s.admin, 200),
        (&s.alborz, 200),
        (&s.other_unit, 200),
        (&s.qazvin, 404),
        (&s.unit, 404),
        (&s.lab, 403),
    ] {
        assert_eq!(app.get_json(token, &other).await.0, status, "{token}");
    }
    assert_eq!(
        app.get_json(&s.qazvin, &format!("{SUMMARY}?province=IR-30"))
            .await
            .0,
        404
    );
    assert_eq!(app.get_json(&s.lab, SUMMARY).await.0, 403);
    // Odd queries: clear 4xx or empty, never 5xx.
    let (status, far) = app
        .get_json(&s.admin, &format!("{SUMMARY}?page=18446744073709551615"))
        .await;
    assert_eq!((status, units(&far).len()), (200, 0));
    for q in [
        "from=999901",
        "to=2147483647",
        "from=-2147483648",
        "from=140413",
        "from=140001&to=140512",
        "from=140502&to=140501",
        "country=XX",
        "country=IR&province=VN-01",
        "province=IR-99",
    ] {
        let (status, body) = app.get_json(&s.admin, &format!("{SUMMARY}?{q}")).await;
        assert_eq!(status, 422, "{q}: {body}");
    }
    assert_eq!(
        app.get_json(&s.admin, &format!("{SUMMARY}?from=abc"))
            .await
            .0,
        400
    );
    assert_eq!(
        app.get_json(&s.admin, &format!("{SUMMARY}/99999999999"))
            .await
            .0,
        404
    );
    // Vietnam's summary: its calendar, no units here.
    let (status, vn) = app
        .get_json(&s.admin, &format!("{SUMMARY}?country=VN"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(vn["to"], 202605);
    assert!(units(&vn).is_empty());
}

#[tokio::test]
async fn compliance_pages_in_persian_and_the_csv() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    app.post_json(&s.other_unit, LIST, characteristic("thk"), 201)
        .await;
    measure(&app, &s).await;
    let officer = app.login("qazvin@t.test").await;
    let (status, html) = app.page(&officer, "/quality/compliance").await;
    assert_eq!(status, 200, "{html}");
    let html = plain(&html);
    assert!(html.contains("dir=\"rtl\""));
    assert!(html.contains("href=\"/quality/compliance\""), "nav link");
    assert!(html.contains("اسفند ۱۴۰۴"), "{html}");
    assert!(html.contains("۱۰۰٪"));
    assert!(html.contains("۵۰٪"));
    assert!(html.contains("class=\"table-scroll\""));
    assert!(html.contains(&format!("/quality/compliance/{}", s.qazvin_unit)));
    assert!(!html.contains(&format!("/quality/compliance/{}?", s.alborz_unit)));
    assert!(
        !html.contains("<option value=\"IR-30\""),
        "no province filter"
    );
    assert!(!html.contains("<script>") && !html.contains("style=\""));
    let (status, html) = app
        .page(&officer, &format!("/quality/compliance/{}", s.qazvin_unit))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("thk"));
    assert_eq!(
        app.page(&officer, &format!("/quality/compliance/{}", s.alborz_unit))
            .await
            .0,
        404
    );
    let admin = app.login("admin@t.test").await;
    let (status, html) = app.page(&admin, "/quality/compliance?province=IR-26").await;
    assert_eq!(status, 200);
    assert!(html.contains("<option value=\"IR-30\""), "province filter");
    assert!(!html.contains(&format!("/quality/compliance/{}?", s.alborz_unit)));
    assert_eq!(
        app.page(&admin, "/quality/compliance?from=999901").await.0,
        422
    );
    // The CSV: a row per unit and month, the officer's units only.
    let r = officer
        .get(app.url("/quality/compliance.csv?from=140412&to=140502"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let body = r.text().await.unwrap();
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1 + 3, "{body}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("1405-02") && l.contains("50.0")),
        "{body}"
    );
    let lab = app.login("lab@t.test").await;
    assert_eq!(app.page(&lab, "/quality/compliance").await.0, 403);
}
