//! Who may do what with units, through the API and through the pages.

use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp, ir_id};

async fn api_get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
}

fn new_unit(id: &str, province: &str) -> Value {
    json!({
        "national_id": id, "name_fa": "شرکت آزمون", "province": province, "city": "قزوین",
        "isic_class": "2394", "size_class": "medium",
        "products": [{"name": "سیمان پرتلند", "hs_code": "252329"}]
    })
}

#[tokio::test]
async fn qazvin_officer_can_neither_read_nor_change_an_alborz_unit() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let token = app.token("qazvin@t.test").await;

    let res = api_get(&app, &token, &format!("/api/v1/units/{}", w.alborz_unit)).await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let list: Value = api_get(&app, &token, "/api/v1/units?per_page=200")
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<i64> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![w.qazvin_unit]);

    let res = reqwest::Client::new()
        .put(app.url(&format!("/api/v1/units/{}", w.alborz_unit)))
        .bearer_auth(&token)
        .json(&new_unit(&ir_id(1010000002), ALBORZ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    // Through the pages: the detail page is absent, and a forged edit is refused.
    let c = app.login("qazvin@t.test").await;
    let res = c
        .get(app.url(&format!("/units/{}", w.alborz_unit)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = app
        .post_form(
            &c,
            "/units",
            &format!("/units/{}", w.alborz_unit),
            &[("name_fa", "تغییر"), ("province", QAZVIN)],
        )
        .await;
    assert_eq!(res.status(), 404);
    // Nor can it register a unit in Alborz.
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/units"))
        .bearer_auth(&token)
        .json(&new_unit(&ir_id(1010000077), ALBORZ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn each_role_reads_and_writes_only_what_it_may_through_the_api() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let q = format!("/api/v1/units/{}", w.qazvin_unit);
    // (email, may read the Qazvin unit, may create in Qazvin, may edit it)
    let cases = [
        ("admin@t.test", true, true, true),
        ("qazvin@t.test", true, true, true),
        ("alborz@t.test", false, false, false),
        ("inspector@t.test", true, false, false),
        ("agency@t.test", true, false, false),
        ("unit@t.test", true, false, true),
        ("lab@t.test", false, false, false),
    ];
    for (i, (email, read, create, edit)) in cases.into_iter().enumerate() {
        let token = app.token(email).await;
        let res = api_get(&app, &token, &q).await;
        assert_eq!(res.status().is_success(), read, "{email} read");
        let detail: Value = if read {
            res.json().await.unwrap()
        } else {
            Value::Null
        };

        let res = reqwest::Client::new()
            .post(app.url("/api/v1/units"))
            .bearer_auth(&token)
            .json(&new_unit(&ir_id(1020000000 + i as u64), QAZVIN))
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status() == 201,
            create,
            "{email} create: {}",
            res.status()
        );

        let mut body = new_unit(&ir_id(1010000001), QAZVIN);
        body["name_fa"] = json!(format!("نام تازه {i}"));
        let version = detail["version"].as_i64().unwrap_or(0);
        let res = reqwest::Client::new()
            .put(app.url(&format!("{q}?version={version}")))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status() == 204, edit, "{email} edit: {}", res.status());
    }
    // No token at all: 401 problem+json.
    let res = reqwest::Client::new()
        .get(app.url(&q))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn unit_user_cannot_change_what_the_authorities_record() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let token = app.token("unit@t.test").await;
    let mut body = new_unit(&ir_id(1010000099), QAZVIN);
    body["status"] = json!("closed");
    body["knowledge_based"] = json!(true);
    let res = reqwest::Client::new()
        .put(app.url(&format!("/api/v1/units/{}", w.qazvin_unit)))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let u: Value = api_get(&app, &token, &format!("/api/v1/units/{}", w.qazvin_unit))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(u["national_id"], ir_id(1010000001));
    assert_eq!(u["status"], "active");
    assert_eq!(u["knowledge_based"], false);
    assert_eq!(u["name_fa"], "شرکت آزمون");
}

#[tokio::test]
async fn pages_show_edit_only_to_editors_and_apply_edits_with_field_errors() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let path = format!("/units/{}", w.qazvin_unit);

    let inspector = app.login("inspector@t.test").await;
    let html = inspector
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains(&format!("{path}/edit")));
    let res = inspector
        .get(app.url(&format!("{path}/edit")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    let officer = app.login("qazvin@t.test").await;
    let edit = format!("{path}/edit");
    let form = [
        ("national_id", "10100000012"),
        ("name_fa", "شرکت لبنیات"),
        ("province", QAZVIN),
        ("city", "تاکستان"),
        ("isic_class", "1050"),
        ("size_class", "large"),
        ("status", "active"),
        ("version", "1"),
    ];
    let res = app.post_form(&officer, &edit, &path, &form).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("id=\"national_id-err\""),
        "error shown beside the field"
    );

    let good_id = ir_id(1010000001);
    let mut form = form.to_vec();
    form[0] = ("national_id", good_id.as_str());
    let res = app.post_form(&officer, &edit, &path, &form).await;
    assert_eq!(res.status(), 303);
    let html = officer
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("تاکستان"));

    // The same stale form again is refused as a conflict, not silently applied.
    let res = app.post_form(&officer, &edit, &path, &form).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("error-summary"));
}

#[tokio::test]
async fn forms_without_a_valid_csrf_token_are_refused() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let officer = app.login("qazvin@t.test").await;
    let res = officer
        .post(app.url(&format!("/units/{}", w.qazvin_unit)))
        .form(&[("_csrf", "00"), ("name_fa", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let res = officer
        .post(app.url(&format!("/units/{}", w.qazvin_unit)))
        .form(&[("name_fa", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
}
