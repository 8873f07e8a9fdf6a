//! Name search ignores Arabic/Persian letter forms, ZWNJ, digit scripts and Vietnamese
//! diacritics.

use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp, ir_id};

async fn search(app: &TestApp, token: &str, q: &str) -> Vec<String> {
    let v: Value = reqwest::Client::new()
        .get(app.url("/api/v1/units"))
        .query(&[("q", q)])
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut names: Vec<String> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let fa = u["name_fa"].as_str().unwrap();
            if fa.is_empty() {
                u["name_vi"].as_str().unwrap().to_string()
            } else {
                fa.to_string()
            }
        })
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn name_search_survives_real_typing() {
    let app = TestApp::spawn().await;
    app.world().await;
    let token = app.token("admin@t.test").await;
    let c = reqwest::Client::new();
    for (id, fa, vi, province) in [
        (
            ir_id(1040000001),
            "شرکت دانش‌بنیان فن‌آوران کیمیا",
            "",
            QAZVIN,
        ),
        (ir_id(1040000002), "کارخانه کاشی ۱۴۰۲", "", ALBORZ),
        (
            (600_100_002u64..)
                .find_map(tashil_text::ids::VietnamEnterpriseCode::from_prefix)
                .unwrap()
                .as_str()
                .to_string(),
            "",
            "Công ty TNHH Dệt may Nam Định",
            "Nam Định",
        ),
    ] {
        let res = c
            .post(app.url("/api/v1/units"))
            .bearer_auth(&token)
            .json(
                &json!({"national_id": id, "name_fa": fa, "name_vi": vi, "province": province,
                "city": "x", "isic_class": "1410", "size_class": "small"}),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    }
    let kimia = vec!["شرکت دانش‌بنیان فن‌آوران کیمیا".to_string()];
    assert_eq!(search(&app, &token, "دانش‌بنیان").await, kimia);
    assert_eq!(
        search(&app, &token, "دانشبنيان").await,
        kimia,
        "ZWNJ lost, Arabic ي"
    );
    assert_eq!(search(&app, &token, "كيميا").await, kimia, "Arabic ك and ي");
    assert_eq!(
        search(&app, &token, "فن آوران").await,
        kimia,
        "ZWNJ typed as a space"
    );
    assert_eq!(
        search(&app, &token, "کاشی 1402").await,
        vec!["کارخانه کاشی ۱۴۰۲".to_string()]
    );
    assert_eq!(
        search(&app, &token, "det may nam dinh").await,
        vec!["Công ty TNHH Dệt may Nam Định".to_string()]
    );
    let persian_id = tashil_text::digits::to_persian_digits(&ir_id(1040000002));
    assert_eq!(
        search(&app, &token, &persian_id).await,
        vec!["کارخانه کاشی ۱۴۰۲".to_string()]
    );
}
