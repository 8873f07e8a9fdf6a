//! The set-up most licence and credential tests start from: the world with a mandatory milk
//! standard and the standard-mark licence (its steps delegated to Qazvin when asked), a unit's
//! application, each move, and the application taken through every step to its issued
//! licence; and the JSON call they all make.

use serde_json::{Value, json};

use crate::helpers::TestApp;

/// `method` (GET, PUT, else POST) on `path`, with a bearer token and a JSON body when given: the
/// status and the JSON answer (null when there is none).
pub async fn call(
    app: &TestApp,
    token: Option<&str>,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let c = reqwest::Client::new();
    let mut r = match method {
        "GET" => c.get(app.url(path)),
        "PUT" => c.put(app.url(path)),
        _ => c.post(app.url(path)),
    };
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    let r = r.send().await.expect("request");
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn tri(fa: &str, vi: &str, en: &str) -> Value {
    json!({"fa": fa, "vi": vi, "en": en})
}

fn step(code: &str, kind: &str, actor: &str, days: u16, consent: bool) -> Value {
    json!({"code": code, "kind": kind, "name": tri(code, code, code), "actor": actor,
           "deadline_days": days, "silence_is_consent": consent})
}

/// The standard-mark licence: five steps, two conditions, a fast track for a clean record.
pub fn standard_mark(fast_track: bool) -> Value {
    json!({
        "code": "standard-mark-new", "country": "IR",
        "name": tri("پروانه کاربرد علامت استاندارد", "Giấy chứng nhận hợp chuẩn", "Standard-mark licence"),
        "definition": {
            "steps": [
                step("documents", "document_check", "officer", 5, true),
                step("audit", "factory_audit", "inspector", 10, false),
                step("test", "sampling_and_test", "officer", 15, false),
                step("decision", "technical_decision", "officer", 5, true),
                step("issue", "issue", "officer", 2, true),
            ],
            "conditions": [
                {"number": 1, "text": tri("نتایج آزمون با استاندارد منطبق باشد", "Kết quả thử phù hợp", "Test results conform")},
                {"number": 2, "text": tri("واحد کنترل کیفیت داشته باشد", "Có bộ phận kiểm soát chất lượng", "A quality-control unit exists")},
            ],
            "fast_track": if fast_track { json!([{
                "code": "clean-record", "name": tri("سابقهٔ پاک", "Hồ sơ tốt", "Clean record"),
                "all_of": [{"fact": "no_failure_months", "value": 24}],
                "effect": {"effect": "skip", "value": ["audit"]}
            }]) } else { json!([]) },
            "validity_months": 36,
            "requires_standard": true
        }
    })
}

pub struct Desk {
    pub admin: String,
    pub qazvin: String,
    pub alborz: String,
    pub inspector: String,
    pub unit: String,
}

/// The world, a mandatory milk standard (the Qazvin unit makes pasteurised milk), the
/// standard-mark licence, and (when `delegated`) every step delegated to Qazvin.
pub async fn desk(app: &TestApp, fast_track: bool, delegated: bool) -> Desk {
    app.world().await;
    desk_in_world(app, fast_track, delegated).await
}

/// The same, in a world already made (by another context's set-up).
pub async fn desk_in_world(app: &TestApp, fast_track: bool, delegated: bool) -> Desk {
    let admin = app.token("admin@t.test").await;
    let milk = json!({
        "body": "INSO", "number": "93", "year": "2019",
        "title_fa": "شیر پاستوریزه - ویژگی‌ها", "title_en": "Pasteurised milk", "title_vi": "Sữa thanh trùng",
        "scope_fa": "شیر", "ics": "67.100.10", "products": [{"hs_code": "0401.20"}], "clauses": []
    });
    let (s, v) = call(app, Some(&admin), "POST", "/api/v1/standards", Some(milk)).await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    let (s, _) = call(
        app,
        Some(&admin),
        "POST",
        &format!("/api/v1/standards/{id}/transition"),
        Some(json!({"to": "published"})),
    )
    .await;
    assert_eq!(s, 204);
    let (s, _) = call(
        app,
        Some(&admin),
        "POST",
        &format!("/api/v1/standards/{id}/mandatory"),
        Some(json!({"mandatory": true})),
    )
    .await;
    assert_eq!(s, 204);
    let (s, v) = call(
        app,
        Some(&admin),
        "PUT",
        "/api/v1/permit-types/standard-mark-new",
        Some(standard_mark(fast_track)),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    if delegated {
        for st in ["documents", "audit", "test", "decision", "issue"] {
            let (s, v) = call(
                app,
                Some(&admin),
                "PUT",
                "/api/v1/permit-types/standard-mark-new/delegations",
                Some(json!({"province": "IR-26", "step": st, "decider": "province"})),
            )
            .await;
            assert_eq!(s, 200, "{v}");
        }
    }
    Desk {
        admin,
        qazvin: app.token("qazvin@t.test").await,
        alborz: app.token("alborz@t.test").await,
        inspector: app.token("inspector@t.test").await,
        unit: app.token("unit@t.test").await,
    }
}

pub async fn apply(app: &TestApp, d: &Desk) -> Value {
    let (s, v) = call(
        app,
        Some(&d.unit),
        "POST",
        "/api/v1/applications",
        Some(json!({
            "permit_type": "standard-mark-new",
            "products": [{"product": "شیر پاستوریزه کم‌چرب", "brand": "کاله", "hs_code": "۰۴۰۱.۲۰"}],
            "message": "نمونه‌ها آماده است."
        })),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    v
}

pub async fn mv(app: &TestApp, token: &str, id: i64, body: Value) -> (u16, Value) {
    call(
        app,
        Some(token),
        "POST",
        &format!("/api/v1/applications/{id}/moves"),
        Some(body),
    )
    .await
}

/// Applies and passes every step as Qazvin's officer: the issued application.
pub async fn issue_licence(app: &TestApp, d: &Desk) -> Value {
    let id = apply(app, d).await["id"].as_i64().unwrap();
    loop {
        let (_, v) = call(
            app,
            Some(&d.unit),
            "GET",
            &format!("/api/v1/applications/{id}"),
            None,
        )
        .await;
        if v["status"] == "issued" {
            return v;
        }
        let step = v["step_index"].as_i64().unwrap();
        let (s, v) = mv(app, &d.qazvin, id, json!({"move": "pass", "step": step})).await;
        assert_eq!(s, 200, "{v}");
    }
}

/// An issued licence: its number and register id.
pub async fn licence(app: &TestApp, d: &Desk) -> (String, i64) {
    let number = issue_licence(app, d).await["licence"]["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let v = register_search(app, &number).await;
    (number, v["entries"][0]["id"].as_i64().unwrap())
}

/// What the public register answers to `q` (a 200).
pub async fn register_search(app: &TestApp, q: &str) -> Value {
    let path = format!("/api/v1/licences?q={q}");
    let (s, v) = call(app, None, "GET", &path, None).await;
    assert_eq!(s, 200, "{v}");
    v
}
