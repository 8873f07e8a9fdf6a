//! Advice before enforcement through the API and the daily job: a violation opens one advice
//! and one mail to the unit; the same rule again attaches, without mail; the unit answers and
//! closes; another unit's user and the province (before escalation) get 404; the job escalates
//! an unanswered advice on the right working day, once across nodes, and mails the office; a
//! persisting problem escalates at once; a resent batch opens nothing twice; the thresholds
//! are checked by field and audited.

use serde_json::{Value, json};

use crate::helpers::{Node, TestApp, fixed};
use crate::quality_setup::{LIST, Setup, hour, send, setup, subgroup};

/// Noon in Tehran, Monday 7 December 2026 (16 Azar 1405).
const NOW: &str = "2026-12-07T08:30:00Z";
const ADVICE: &str = "/api/v1/quality/advice";
const QUEUE: &str = "/api/v1/quality/queue";

/// A characteristic with twenty in-control subgroups (hours 0–19) and limits from them.
async fn characteristic(app: &TestApp, s: &Setup, code: &str, capability_target: &str) -> i64 {
    let made = app
        .post_json(
            &s.unit,
            LIST,
            json!({"code": code, "product_line": "کاشی", "name": "ضخامت", "chart_kind": "xbar_r",
                "uom": "MMT", "lower_spec": "7.4", "upper_spec": "8.6", "subgroup_size": "3",
                "frequency": "hourly", "rules": ["1", "2", "5"],
                "capability_target": capability_target}),
            201,
        )
        .await;
    let id = made["id"].as_i64().unwrap();
    let base: Vec<Value> = (0..20).map(|h| subgroup(code, h, 8.0)).collect();
    send(app, &s.unit, &format!("{code}-base"), base, 200).await;
    app.post_json(
        &s.unit,
        &format!("{LIST}/{id}/limits"),
        json!({"from": hour(0), "to": hour(19)}),
        200,
    )
    .await;
    id
}

async fn put(app: &TestApp, token: &str, path: &str, body: Value, expected: u16) -> Value {
    call(
        reqwest::Client::new().put(app.url(path)),
        token,
        path,
        body,
        expected,
    )
    .await
}

/// POSTs to a node whose clock stands elsewhere.
async fn post_on(node: &Node, token: &str, path: &str, body: Value, expected: u16) -> Value {
    let url = format!("{}{}", node.base, path);
    call(
        reqwest::Client::new().post(url),
        token,
        path,
        body,
        expected,
    )
    .await
}

async fn call(
    r: reqwest::RequestBuilder,
    token: &str,
    path: &str,
    body: Value,
    expected: u16,
) -> Value {
    let r = r
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    assert_eq!(status, expected, "{path}: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.scalar(sql).await
}

async fn mails(app: &TestApp, kind: &str) -> i64 {
    count(
        app,
        &format!("SELECT COUNT(*) AS n FROM mail_outbox WHERE kind = '{kind}'"),
    )
    .await
}

async fn advice_of(app: &TestApp, token: &str, code: &str) -> Vec<Value> {
    let (status, list) = app.get_json(token, ADVICE).await;
    assert_eq!(status, 200, "{list}");
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["code"] == code)
        .cloned()
        .collect()
}

#[tokio::test]
async fn quality_advice_opens_once_attaches_is_answered_and_closed_and_stays_the_units() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    characteristic(&app, &s, "thk", "1.33").await;
    assert_eq!(
        count(&app, "SELECT COUNT(*) AS n FROM quality_advices").await,
        0
    );

    // A point beyond the limits: one advice, one mail to the unit's user.
    send(&app, &s.unit, "b1", vec![subgroup("thk", 20, 9.0)], 200).await;
    let found = advice_of(&app, &s.unit, "beyond_limits").await;
    assert_eq!(found.len(), 1, "{found:?}");
    let a = &found[0];
    let id = a["id"].as_i64().unwrap();
    assert_eq!(a["state"], "open");
    assert_eq!(a["findings"], json!([{"first": 20, "point": 20}]));
    assert_eq!(a["suggested_check"], "quality-check-beyond-limits");
    assert_eq!(a["opened_on"], "2026-12-07");
    // Five working days to answer (Tue 8, Wed 9, Thu 10, Sat 12, Sun 13; Friday is the
    // weekend): escalates on Monday 14 unless answered, or at once at subgroup 30.
    assert_eq!(a["outlook"]["answer_due"], "2026-12-13");
    assert_eq!(a["outlook"]["escalates_on"], "2026-12-14");
    assert_eq!(a["outlook"]["escalates_at_subgroup"], 30);
    assert_eq!(mails(&app, "quality_advice").await, 1);

    // The batch again: answered as the first time, nothing opened or mailed twice.
    send(&app, &s.unit, "b1", vec![subgroup("thk", 20, 9.0)], 200).await;
    // The same rule again (the other side, so no other rule fires): attached, no mail.
    send(&app, &s.unit, "b2", vec![subgroup("thk", 21, 7.0)], 200).await;
    assert_eq!(
        count(&app, "SELECT COUNT(*) AS n FROM quality_advices").await,
        1
    );
    assert_eq!(mails(&app, "quality_advice").await, 1);
    let (_, a) = app.get_json(&s.unit, &format!("{ADVICE}/{id}")).await;
    assert_eq!(
        a["findings"],
        json!([{"first": 20, "point": 20}, {"first": 21, "point": 21}])
    );

    // Another unit's user, the province before escalation, a lab: absent.
    for t in [&s.other_unit, &s.qazvin, &s.admin] {
        let (status, _) = app.get_json(t, &format!("{ADVICE}/{id}")).await;
        assert_eq!(status, 404);
    }
    let (_, q) = app.get_json(&s.qazvin, QUEUE).await;
    assert_eq!(q["items"], json!([]));
    let (status, _) = app.get_json(&s.unit, QUEUE).await;
    assert_eq!(status, 403);
    app.post_json(
        &s.other_unit,
        &format!("{ADVICE}/{id}/acknowledge"),
        json!({}),
        404,
    )
    .await;

    // The unit: closing before an answer is refused; acknowledge, answer (each field
    // checked), close; a stale version is a 409.
    app.post_json(&s.unit, &format!("{ADVICE}/{id}/close"), json!({}), 409)
        .await;
    let v = a["version"].as_i64().unwrap();
    let a = app
        .post_json(
            &s.unit,
            &format!("{ADVICE}/{id}/acknowledge"),
            json!({"version": v}),
            200,
        )
        .await;
    assert_eq!(a["state"], "acknowledged");
    app.post_json(
        &s.unit,
        &format!("{ADVICE}/{id}/answer"),
        json!({"cause": "x", "action": "y", "version": v}),
        409,
    )
    .await;
    let bad = app
        .post_json(
            &s.unit,
            &format!("{ADVICE}/{id}/answer"),
            json!({"cause": " ", "action": "x".repeat(4001)}),
            422,
        )
        .await;
    let fields: Vec<_> = bad["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(fields, [("cause", "required"), ("action", "too_long")]);
    let a = app
        .post_json(
            &s.unit,
            &format!("{ADVICE}/{id}/answer"),
            json!({"cause": "ابزار اندازه‌گیری کالیبره نبود", "action": "کالیبراسیون و بازرسی دوباره"}),
            200,
        )
        .await;
    assert_eq!(a["state"], "answered");
    // The office may not close an advice it cannot see.
    app.post_json(&s.qazvin, &format!("{ADVICE}/{id}/close"), json!({}), 404)
        .await;
    let a = app
        .post_json(&s.unit, &format!("{ADVICE}/{id}/close"), json!({}), 200)
        .await;
    assert_eq!(a["state"], "closed");
    let events: Vec<_> = a["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(events, ["opened", "acknowledged", "answered", "closed"]);
    for action in [
        "quality.advice.open",
        "quality.advice.attach",
        "quality.advice.acknowledge",
        "quality.advice.answer",
        "quality.advice.close",
    ] {
        let n = count(
            &app,
            &format!("SELECT COUNT(*) AS n FROM audit_log WHERE action = '{action}'"),
        )
        .await;
        assert_eq!(n, 1, "{action}");
    }

    // The pages: the unit's list, the advice, the characteristic's open advice.
    let c = app.login("unit@t.test").await;
    let (status, html) = app.page(&c, "/quality/advice").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/quality/advice/{id}")), "{html}");
    let (status, html) = app.page(&c, &format!("/quality/advice/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("ابزار اندازه‌گیری کالیبره نبود"));
    let other = app.login("unit2@t.test").await;
    let (status, _) = app.page(&other, &format!("/quality/advice/{id}")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn quality_advice_reaches_the_province_only_when_escalated() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    characteristic(&app, &s, "thk", "1.33").await;
    send(&app, &s.unit, "b1", vec![subgroup("thk", 20, 9.0)], 200).await;
    let id = advice_of(&app, &s.unit, "beyond_limits").await[0]["id"]
        .as_i64()
        .unwrap();
    let path = format!("{ADVICE}/{id}");

    // The page says in advance when it goes to the province, in the Solar Hijri calendar.
    let c = app.login("unit@t.test").await;
    let (_, html) = app.page(&c, &format!("/quality/advice/{id}")).await;
    assert!(html.contains("آذر"), "{html}");
    assert!(html.contains("صف کیفیت اداره‌کل استان"), "{html}");

    // Sunday 13 December, the last day to answer: nothing moves.
    let sunday = tashil::app::jobs().with_clock(fixed("2026-12-13T08:30:00Z"));
    sunday.tick(&app.db, None).await.unwrap();
    assert_eq!(app.get_json(&s.qazvin, &path).await.0, 404);
    assert_eq!(mails(&app, "quality_advice_escalated").await, 0);

    // Monday 14: escalated, by two nodes at once, yet once; the province's officer is told.
    let monday = fixed("2026-12-14T08:30:00Z");
    let (a, b) = tokio::join!(
        tashil::quality::escalate_advice(&app.db, monday.now()),
        tashil::quality::escalate_advice(&app.db, monday.now()),
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    tashil::app::jobs()
        .with_clock(monday)
        .tick(&app.db, None)
        .await
        .unwrap();
    assert_eq!(mails(&app, "quality_advice_escalated").await, 1);
    let to: Vec<String> = {
        use sea_orm::ConnectionTrait;
        app.db
            .query_all_raw(sea_orm::Statement::from_string(
                app.db.get_database_backend(),
                "SELECT recipient FROM mail_outbox WHERE kind = 'quality_advice_escalated'",
            ))
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String>("", "recipient").unwrap())
            .collect()
    };
    assert_eq!(to, ["qazvin@t.test"]);

    let (status, a) = app.get_json(&s.qazvin, &path).await;
    assert_eq!(status, 200, "{a}");
    assert_eq!(a["escalated_on"], "2026-12-14");
    assert_eq!(a["escalation_reason"], "unanswered");
    assert_eq!(app.get_json(&s.inspector, &path).await.0, 200);
    assert_eq!(app.get_json(&s.admin, &path).await.0, 200);
    assert_eq!(app.get_json(&s.alborz, &path).await.0, 404);
    let (_, q) = app.get_json(&s.qazvin, QUEUE).await;
    assert_eq!(q["items"].as_array().unwrap().len(), 1);
    let (_, q) = app.get_json(&s.alborz, QUEUE).await;
    assert_eq!(q["items"], json!([]));
    let (_, q) = app.get_json(&s.admin, &format!("{QUEUE}?state=open")).await;
    assert_eq!(q["items"].as_array().unwrap().len(), 1);
    let (_, q) = app
        .get_json(&s.admin, &format!("{QUEUE}?state=closed"))
        .await;
    assert_eq!(q["items"], json!([]));
    let (status, q) = app
        .get_json(&s.qazvin, &format!("{QUEUE}?page=99999999999999999"))
        .await;
    assert_eq!(status, 200, "{q}");
    assert_eq!(q["items"], json!([]));
    let officer = app.login("qazvin@t.test").await;
    let (status, html) = app.page(&officer, "/quality/queue").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/quality/advice/{id}")));
    assert!(html.contains("href=\"/quality/queue\""), "a nav entry");

    // Not answered: no one closes it. The unit answers; then the office closes it, not the
    // unit, not an inspector (that Monday, on a node whose clock says so).
    let later = app.node_at("2026-12-14T09:00:00Z").await;
    post_on(&later, &s.qazvin, &format!("{path}/close"), json!({}), 409).await;
    post_on(
        &later,
        &s.unit,
        &format!("{path}/answer"),
        json!({"cause": "worn tool", "action": "tool changed"}),
        200,
    )
    .await;
    post_on(&later, &s.unit, &format!("{path}/close"), json!({}), 409).await;
    post_on(
        &later,
        &s.inspector,
        &format!("{path}/close"),
        json!({}),
        403,
    )
    .await;
    post_on(&later, &s.alborz, &format!("{path}/close"), json!({}), 404).await;
    let a = post_on(&later, &s.qazvin, &format!("{path}/close"), json!({}), 200).await;
    assert_eq!(a["state"], "closed");
    let n = count(
        &app,
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'quality.advice.escalate'",
    )
    .await;
    assert_eq!(n, 1);
}

#[tokio::test]
async fn quality_a_persisting_problem_escalates_at_once_and_thresholds_are_data() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    characteristic(&app, &s, "thk", "1.33").await;
    let path = "/api/v1/quality/thresholds/IR-26";

    // Only the national body sets thresholds; each field checked by name.
    put(
        &app,
        &s.qazvin,
        path,
        json!({"answer_working_days": 5, "persisting_subgroups": 2}),
        403,
    )
    .await;
    let bad = put(
        &app,
        &s.admin,
        path,
        json!({"answer_working_days": 0, "persisting_subgroups": "x"}),
        422,
    )
    .await;
    let fields: Vec<_> = bad["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        [
            ("answer_working_days", "threshold_out_of_range"),
            ("persisting_subgroups", "invalid_number")
        ]
    );
    put(
        &app,
        &s.admin,
        "/api/v1/quality/thresholds/IR-99",
        json!({"answer_working_days": 5, "persisting_subgroups": 2}),
        422,
    )
    .await;
    let t = put(
        &app,
        &s.admin,
        path,
        json!({"answer_working_days": "۵", "persisting_subgroups": 2}),
        200,
    )
    .await;
    assert_eq!(t["version"], 1);
    put(
        &app,
        &s.admin,
        path,
        json!({"answer_working_days": 5, "persisting_subgroups": 2, "version": 0}),
        409,
    )
    .await;
    let n = count(
        &app,
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'quality.thresholds.set'",
    )
    .await;
    assert_eq!(n, 1);
    let (_, rows) = app.get_json(&s.admin, "/api/v1/quality/thresholds").await;
    let scopes: Vec<_> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["scope"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(scopes, ["IR", "VN", "IR-26"]);
    let admin = app.login("admin@t.test").await;
    let (status, html) = app.page(&admin, "/quality/thresholds").await;
    assert_eq!(status, 200);
    assert!(html.contains("IR-26"));

    // Beyond the limits at 20, 21 and 22 in one batch: found two subgroups after the one
    // that opened it, so it goes to the province at once.
    let rows = vec![
        subgroup("thk", 20, 9.0),
        subgroup("thk", 21, 9.0),
        subgroup("thk", 22, 9.0),
    ];
    send(&app, &s.unit, "persisting", rows, 200).await;
    let a = &advice_of(&app, &s.unit, "beyond_limits").await[0];
    assert_eq!(a["escalation_reason"], "persisting");
    assert_eq!(a["escalated_on"], "2026-12-07");
    assert_eq!(a["findings"].as_array().unwrap().len(), 3);
    let id = a["id"].as_i64().unwrap();
    assert_eq!(
        app.get_json(&s.qazvin, &format!("{ADVICE}/{id}")).await.0,
        200
    );
    assert!(mails(&app, "quality_advice_escalated").await >= 1);
}

#[tokio::test]
async fn quality_a_capability_below_the_target_is_one_advice() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    // A target no process here reaches: every batch after the limits finds it again.
    characteristic(&app, &s, "thk", "10").await;
    send(&app, &s.unit, "c1", vec![subgroup("thk", 20, 8.0)], 200).await;
    send(&app, &s.unit, "c2", vec![subgroup("thk", 21, 8.0)], 200).await;
    let found = advice_of(&app, &s.unit, "capability_cpk").await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["kind"], "capability");
    assert_eq!(found[0]["target"], 10.0);
    assert_eq!(found[0]["findings"].as_array().unwrap().len(), 2);
    assert_eq!(mails(&app, "quality_advice").await, 1);
}

#[tokio::test]
async fn quality_advice_is_answered_and_closed_through_its_page_forms() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let cid = characteristic(&app, &s, "thk", "1.33").await;
    send(&app, &s.unit, "b1", vec![subgroup("thk", 20, 9.0)], 200).await;
    let id = advice_of(&app, &s.unit, "beyond_limits").await[0]["id"]
        .as_i64()
        .unwrap();
    // The message to the unit names the rule, the points and the suggested check, in Persian.
    let args: String = {
        use sea_orm::ConnectionTrait;
        app.db
            .query_one_raw(sea_orm::Statement::from_string(
                app.db.get_database_backend(),
                "SELECT args FROM mail_outbox WHERE kind = 'quality_advice'",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get("", "args")
            .unwrap()
    };
    assert!(args.contains("بیرون از حدود کنترل"), "{args}");
    assert!(args.contains("کالیبراسیون"), "{args}");
    assert!(args.contains("\"points\":\"۲۱\""), "{args}");
    assert!(args.contains("\"deadline\":\"2026-12-13\""), "{args}");

    let c = app.login("unit@t.test").await;
    let page = format!("/quality/advice/{id}");
    // The characteristic's page shows the open advice.
    let (_, html) = app.page(&c, &format!("/quality/{cid}")).await;
    assert!(html.contains(&page), "{html}");
    // Without a CSRF token: refused.
    let r = c
        .post(app.url(&format!("{page}/acknowledge")))
        .form(&[("version", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    // An empty answer: the page again, the errors beside their fields.
    let (status, html) = app
        .submit(
            &c,
            &page,
            &format!("{page}/answer"),
            &[("cause", ""), ("action", "x")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("cause-err"), "{html}");
    let (status, html) = app
        .submit(
            &c,
            &page,
            &format!("{page}/answer"),
            &[("cause", "ساییدگی ابزار"), ("action", "تعویض ابزار")],
        )
        .await;
    assert_eq!(status, 303, "{html}");
    assert!(html.contains("ساییدگی ابزار"));
    // A stale version: the conflict on the form.
    let (status, _) = app
        .submit(&c, &page, &format!("{page}/close"), &[("version", "1")])
        .await;
    assert_eq!(status, 409);
    let (status, html) = app.submit(&c, &page, &format!("{page}/close"), &[]).await;
    assert_eq!(status, 303);
    assert!(html.contains("بسته شد"), "{html}");

    // The thresholds form: the national body only; errors by field.
    let (status, _) = app.page(&c, "/quality/thresholds").await;
    assert_eq!(status, 403);
    let admin = app.login("admin@t.test").await;
    let (status, html) = app
        .submit(
            &admin,
            "/quality/thresholds",
            "/quality/thresholds",
            &[
                ("scope", "IR"),
                ("answer_working_days", "۹۹"),
                ("persisting_subgroups", "4"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("days-err"), "{html}");
    let (status, html) = app
        .submit(
            &admin,
            "/quality/thresholds",
            "/quality/thresholds",
            &[
                ("scope", "IR"),
                ("answer_working_days", "۷"),
                ("persisting_subgroups", "4"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert!(html.contains("۷"), "{html}");
}
