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

/// Ids and total of a search as `token` sees it.
async fn found(app: &TestApp, token: &str, query: &[(&str, &str)]) -> (Vec<i64>, u64) {
    let (status, v) = app
        .get_json(
            token,
            &format!(
                "/api/v1/units?{}",
                serde_html_form::to_string(query).unwrap()
            ),
        )
        .await;
    assert_eq!(status, 200, "{v}");
    let ids = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_i64().unwrap())
        .collect();
    (ids, v["total"].as_u64().unwrap())
}

#[tokio::test]
async fn search_matches_every_spelling_and_only_within_the_readers_scope() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let admin = app.token("admin@t.test").await;
    let unit = |n: u64, name: &'static str, province: &'static str| {
        let admin = admin.clone();
        let app = &app;
        async move {
            app.post_json(
                &admin,
                "/api/v1/units",
                json!({"national_id": ir_id(1090000000 + n), "name_fa": name,
                    "province": province, "city": "x", "isic_class": "2394", "size_class": "small"}),
                201,
            )
            .await["id"]
                .as_i64()
                .unwrap()
        }
    };
    // The same words in both provinces, stored with ZWNJ and Persian digits.
    let q_old = unit(1, "شرکت دانش‌بنیان کیمیا ۱۴۰۲", QAZVIN).await;
    let a_kimia = unit(2, "شرکت دانش‌بنیان کیمیا البرز", ALBORZ).await;
    let q_new = unit(3, "کیمیا سازه دانش‌بنیان", QAZVIN).await;
    let a_tile = unit(4, "کاشی کیمیا", ALBORZ).await;
    let q_tile = unit(5, "کارخانه كاشي قزوین", QAZVIN).await;

    let qazvin = app.token("qazvin@t.test").await;
    let alborz = app.token("alborz@t.test").await;
    let own_unit = app.token("unit@t.test").await;
    // Newest first; the ZWNJ lost, Arabic ي and ك typed, ASCII or Persian digits.
    for q in ["دانشبنيان", "دانش‌بنیان", "دانش بنیان", "بنیان كيميا"]
    {
        assert_eq!(
            found(&app, &qazvin, &[("q", q)]).await,
            (vec![q_new, q_old], 2),
            "{q}"
        );
        assert_eq!(
            found(&app, &alborz, &[("q", q)]).await,
            (vec![a_kimia], 1),
            "{q}"
        );
        assert_eq!(
            found(&app, &admin, &[("q", q)]).await,
            (vec![q_new, a_kimia, q_old], 3),
            "{q}"
        );
    }
    for q in ["كيميا 1402", "کیمیا ۱۴۰۲", "kimia"] {
        let expected = if q == "kimia" { vec![] } else { vec![q_old] };
        assert_eq!(found(&app, &admin, &[("q", q)]).await.0, expected, "{q}");
        assert_eq!(
            found(&app, &alborz, &[("q", q)]).await.0,
            Vec::<i64>::new(),
            "{q}"
        );
    }
    // A stored Arabic spelling is found by the Persian one, and the reverse.
    assert_eq!(found(&app, &qazvin, &[("q", "کاشی")]).await.0, vec![q_tile]);
    assert_eq!(found(&app, &alborz, &[("q", "كاشي")]).await.0, vec![a_tile]);
    // The national ID, in Persian digits.
    let id_fa = tashil_text::digits::to_persian_digits(&ir_id(1090000002));
    assert_eq!(found(&app, &admin, &[("q", &id_fa)]).await.0, vec![a_kimia]);
    assert_eq!(
        found(&app, &qazvin, &[("q", &id_fa)]).await.0,
        Vec::<i64>::new()
    );

    // A province filter narrows the national view; it cannot widen a province's.
    let in_alborz = [("q", "کیمیا"), ("province", ALBORZ)];
    assert_eq!(
        found(&app, &admin, &in_alborz).await.0,
        vec![a_tile, a_kimia]
    );
    assert_eq!(found(&app, &qazvin, &in_alborz).await, (vec![], 0));
    // Other filters hold within a search.
    let edit = json!({"national_id": ir_id(1090000003), "name_fa": "کیمیا سازه دانش‌بنیان",
        "province": QAZVIN, "city": "x", "isic_class": "2394", "size_class": "small",
        "status": "idle"});
    let res = reqwest::Client::new()
        .put(app.url(&format!("/api/v1/units/{q_new}")))
        .bearer_auth(&admin)
        .json(&edit)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(
        found(&app, &qazvin, &[("q", "کیمیا"), ("status", "active")]).await,
        (vec![q_old], 1)
    );
    assert_eq!(
        found(&app, &qazvin, &[("q", "کیمیا"), ("status", "idle")]).await,
        (vec![q_new], 1)
    );
    // Pages are slices of the same newest-first order; the total counts them all.
    let page = |n: &'static str| [("q", "کیمیا"), ("per_page", "2"), ("page", n)];
    assert_eq!(
        found(&app, &admin, &page("1")).await,
        (vec![a_tile, q_new], 4)
    );
    assert_eq!(
        found(&app, &admin, &page("2")).await,
        (vec![a_kimia, q_old], 4)
    );
    assert_eq!(found(&app, &admin, &page("3")).await, (vec![], 4));

    // A unit's user searches its own unit only.
    assert_eq!(
        found(&app, &own_unit, &[("q", "لبنيات")]).await.0,
        vec![w.qazvin_unit]
    );
    assert_eq!(
        found(&app, &own_unit, &[("q", "کیمیا")]).await.0,
        Vec::<i64>::new()
    );
    // A word found nowhere in the scope answers empty, though another province has it.
    assert_eq!(found(&app, &qazvin, &[("q", "البرز")]).await, (vec![], 0));
    assert_eq!(
        found(&app, &alborz, &[("q", "البرز")]).await.0,
        vec![a_kimia, w.alborz_unit]
    );
}
