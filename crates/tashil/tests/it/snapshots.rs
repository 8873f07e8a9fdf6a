//! Snapshots (insta) of one JSON response per bounded context and of the OpenAPI document,
//! so that an accidental change of the API shows in review as a diff of
//! `tests/it/snapshots/*.snap`. A deliberate change: run the tests with
//! `INSTA_UPDATE=always` (or `cargo insta review`), read the diff, commit the snapshot.
//!
//! What depends on the run (ids, timestamps, dates, the year in case numbers) is replaced
//! before snapshotting, so the snapshots are the same on SQLite and PostgreSQL, any day.

use reqwest::{Client, Method};
use serde_json::{Value, json};

use crate::helpers::TestApp;

async fn call(
    app: &TestApp,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> Value {
    let mut r = Client::new()
        .request(method, app.url(path))
        .bearer_auth(token);
    if let Some(b) = body {
        r = r.json(&b);
    }
    let r = r.send().await.expect("request");
    let status = r.status();
    let text = r.text().await.expect("body");
    assert!(status.is_success(), "{path}: {status} {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Replaces what differs between runs and backends: numeric ids (`id`, `…_id`), RFC 3339
/// timestamps, ISO dates, and the Solar Hijri year inside numbers such as `IR-26-1405-00001`.
fn redact(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                let is_id = key == "id" || key.ends_with("_id");
                match value {
                    Value::Number(_) if is_id => *value = "[id]".into(),
                    Value::String(s) if key == "number" && s.contains('-') => {
                        *s = s
                            .split('-')
                            .map(|part| match part.parse::<u32>() {
                                Ok(1300..=1500) if part.len() == 4 => "[year]",
                                _ => part,
                            })
                            .collect::<Vec<_>>()
                            .join("-");
                    }
                    _ => redact(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        Value::String(s) => {
            if chrono::DateTime::parse_from_rfc3339(s).is_ok() {
                *s = "[timestamp]".into();
            } else if chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() {
                *s = "[date]".into();
            }
        }
        _ => {}
    }
}

fn redacted(mut v: Value) -> Value {
    redact(&mut v);
    v
}

#[tokio::test]
async fn one_detail_response_per_context_keeps_its_shape() {
    let app = TestApp::spawn().await;
    let world = app.world().await;
    let admin = app.token("admin@t.test").await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;

    let path = format!("/api/v1/units/{}", world.qazvin_unit);
    insta::assert_json_snapshot!(
        "unit_detail",
        redacted(call(&app, &admin, Method::GET, &path, None).await)
    );

    let created = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/standards",
        Some(crate::standards::cement()),
    )
    .await;
    let path = format!("/api/v1/standards/{}", created["id"]);
    insta::assert_json_snapshot!(
        "standard_detail",
        redacted(call(&app, &admin, Method::GET, &path, None).await)
    );

    let lab = app.actor("lab@t.test").await.organisation_id();
    let accreditation = json!({"lab_org_id": lab.to_string(), "accreditation_body": "NACI",
        "certificate_number": "L-0123", "valid_from": "2020-01-01", "valid_until": "2124-12-31"});
    let acc = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/accreditations",
        Some(accreditation),
    )
    .await;
    let path = format!("/api/v1/accreditations/{}", acc["id"]);
    let entry =
        json!({"standard_id": created["id"].to_string(), "clause": "5.1", "turnaround_days": "5"});
    call(
        &app,
        &admin,
        Method::POST,
        &format!("{path}/scope"),
        Some(entry),
    )
    .await;
    insta::assert_json_snapshot!(
        "accreditation_detail",
        redacted(call(&app, &officer, Method::GET, &path, None).await)
    );

    let case = json!({
        "category": "bank_financing", "title": "تأمین سرمایه در گردش",
        "description": "بانک عامل تسهیلات سرمایه در گردش مصوب کارگروه را پرداخت نمی‌کند.",
        "amount_at_stake": "۵۰۰۰۰۰۰۰۰۰", "jobs_at_risk": "۴۵"
    });
    let created = call(&app, &unit, Method::POST, "/api/v1/cases", Some(case)).await;
    let path = format!("/api/v1/cases/{}", created["id"]);
    insta::assert_json_snapshot!(
        "case_detail",
        redacted(call(&app, &officer, Method::GET, &path, None).await)
    );

    let rule = json!({
        "rule_title": "تمدید سالانهٔ پروانهٔ بهره‌برداری واحدهای صنعتی",
        "source": "بخشنامهٔ شمارهٔ ۶۰/۱۲۳۴ وزارت صنعت، معدن و تجارت، بند ۳",
        "issuing_agency": "سازمان صنعت، معدن و تجارت",
        "description": "هر سال برای تمدید پروانه‌ای که تغییری نکرده همان مدارک دوباره فرستاده می‌شود.",
        "annual_cost": "۱۲۰٬۰۰۰٬۰۰۰",
        "hours_lost": "۴۰"
    });
    let created = call(&app, &unit, Method::POST, "/api/v1/regulations", Some(rule)).await;
    let path = format!("/api/v1/regulations/{}", created["id"]);
    insta::assert_json_snapshot!(
        "regulation_detail",
        redacted(call(&app, &officer, Method::GET, &path, None).await)
    );

    let closure = json!([{"country": "IR", "date": "1405/09/20", "kind": "closure",
        "province": "IR-26", "reason_fa": "آلودگی هوا", "reason_en": "Air pollution"}]);
    insta::assert_json_snapshot!(
        "calendar_load",
        redacted(
            call(
                &app,
                &admin,
                Method::POST,
                "/api/v1/calendar",
                Some(closure)
            )
            .await
        )
    );
}

/// The whole document: every path, parameter and schema. It changes whenever routes or
/// their types do; the diff is the review of that change.
#[tokio::test]
async fn the_openapi_document_keeps_its_shape() {
    let app = TestApp::spawn().await;
    let r = Client::new()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 200);
    let doc: Value = r.json().await.expect("JSON");
    insta::assert_json_snapshot!("openapi", doc);
}
