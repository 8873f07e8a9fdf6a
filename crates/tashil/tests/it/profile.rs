//! The provincial profile: counts, ranks and leads, public and in every language.

use serde_json::{Value, json};
use tashil::registry;

use crate::helpers::{ALBORZ, QAZVIN, TestApp, ir_id, unit_draft};

#[tokio::test]
async fn profile_counts_ranks_and_leads_match_the_registry() {
    let app = TestApp::spawn().await;
    app.world().await; // one dairy (1050) in Qazvin, one in Alborz
    let token = app.token("admin@t.test").await;
    let c = reqwest::Client::new();
    // Qazvin: 2 more dairies (leads 10), 1 cement (23, ties with nobody). Alborz: 3 apparel (14).
    let units = [
        (QAZVIN, "1050", 1),
        (QAZVIN, "1050", 2),
        (QAZVIN, "2394", 3),
        (ALBORZ, "1410", 4),
        (ALBORZ, "1410", 5),
        (ALBORZ, "1410", 6),
    ];
    for (province, isic, n) in units {
        let res = c
            .post(app.url("/api/v1/units"))
            .bearer_auth(&token)
            .json(
                &json!({"national_id": ir_id(1050000000 + n), "name_fa": format!("واحد {n}"),
                "province": province, "city": "x", "isic_class": isic, "size_class": "small",
                "knowledge_based": n == 1}),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    // Public: no token needed.
    let p: Value = c
        .get(app.url(&format!("/api/v1/provinces/{QAZVIN}/profile")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(p["total"], 4);
    assert_eq!(p["by_section"]["C"], 4);
    assert_eq!(p["knowledge_based"], 1);
    assert_eq!(p["knowledge_based_rank"], 1);
    let div = |d: &str| {
        p["divisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["division"] == d)
            .cloned()
            .unwrap()
    };
    assert_eq!(div("10")["units"], 3);
    assert_eq!(div("10")["rank"], 1);
    assert_eq!(div("23")["rank"], 1);
    assert_eq!(p["leads"], 2);
    let a: Value = c
        .get(app.url(&format!("/api/v1/provinces/{ALBORZ}/profile")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(a["leads"], 1, "Alborz leads apparel only; second in dairy");
    assert_eq!(a["knowledge_based_rank"], 2);

    for lang in ["fa", "vi", "en"] {
        let html = c
            .get(app.url(&format!("/provinces/{QAZVIN}?lang={lang}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("<svg class=\"chart\""), "{lang}");
    }
}

/// Uploads a CSV of units through the import page as `client`.
async fn import_csv(app: &TestApp, client: &reqwest::Client, csv: String) {
    let (status, html) = app
        .upload(
            client,
            "/units/import",
            "/units/import?lang=en",
            "units.csv",
            csv.into_bytes(),
        )
        .await;
    assert_eq!(status, 200, "{html}");
}

/// Every province's profile as served, against one computed from a recount of the units.
async fn assert_profiles_match_a_recount(app: &TestApp) {
    let recount = registry::recount_tallies(&app.db, "IR").await.unwrap();
    assert_eq!(
        registry::tallies_of_country(&app.db, "IR").await.unwrap(),
        recount,
        "the kept counts drifted from the units"
    );
    for p in tashil_reference::provinces_of(tashil_reference::Country::Ir) {
        let served: Value = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/provinces/{}/profile", p.code)))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let expected = serde_json::to_value(registry::from_tallies(p.code, &recount)).unwrap();
        assert_eq!(served, expected, "{}", p.code);
    }
}

#[tokio::test]
async fn kept_counts_equal_a_recount_after_creating_editing_importing_and_demo_units() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let token = app.token("admin@t.test").await;
    assert_profiles_match_a_recount(&app).await;

    // Created through the API: statuses, sizes, divisions and the knowledge-based flag vary.
    let mut ids = vec![];
    for (n, province, isic, size, status, kb) in [
        (1, QAZVIN, "1050", "small", "active", true),
        (2, QAZVIN, "2394", "large", "idle", false),
        (3, ALBORZ, "2394", "medium", "active", true),
        (4, ALBORZ, "1410", "micro", "closed", false),
        (5, QAZVIN, "1410", "micro", "active", false),
    ] {
        let created = app
            .post_json(
                &token,
                "/api/v1/units",
                json!({"national_id": ir_id(1060000000 + n), "name_fa": format!("واحد {n}"),
                    "province": province, "city": "x", "isic_class": isic, "size_class": size,
                    "status": status, "knowledge_based": kb}),
                201,
            )
            .await;
        ids.push(created["id"].as_i64().unwrap());
    }
    assert_profiles_match_a_recount(&app).await;

    // Edited: moved to another province, idled, reactivated, reclassified.
    let c = reqwest::Client::new();
    for (id, n, province, isic, size, status, kb) in [
        (ids[0], 1, ALBORZ, "2394", "small", "idle", true),
        (ids[1], 2, QAZVIN, "2394", "large", "active", true),
        (ids[2], 3, ALBORZ, "1050", "small", "active", false),
        (w.qazvin_unit, 9, QAZVIN, "1410", "medium", "closed", false),
    ] {
        let national_id = if id == w.qazvin_unit {
            ir_id(1010000001)
        } else {
            ir_id(1060000000 + n)
        };
        let res = c
            .put(app.url(&format!("/api/v1/units/{id}")))
            .bearer_auth(&token)
            .json(
                &json!({"national_id": national_id, "name_fa": format!("واحد {n}"),
                    "province": province, "city": "x", "isic_class": isic, "size_class": size,
                    "status": status, "knowledge_based": kb}),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204, "{}", res.text().await.unwrap());
    }
    assert_profiles_match_a_recount(&app).await;

    // Imported from a spreadsheet, all at once.
    let mut csv = "national_id,name_fa,province,city,isic_class,size_class\r\n".to_string();
    for n in 0..12u64 {
        let (province, isic) = if n % 3 == 0 {
            ("Alborz", "1050")
        } else {
            ("Qazvin", "2394")
        };
        csv.push_str(&format!(
            "{},واحد وارده {n},{province},x,{isic},small\r\n",
            ir_id(1070000000 + n)
        ));
    }
    import_csv(&app, &app.login("admin@t.test").await, csv).await;
    assert_profiles_match_a_recount(&app).await;

    // Demo units, in one batch.
    let demo = (0..6u64)
        .map(|n| {
            let mut d = unit_draft(
                &ir_id(1080000000 + n),
                "واحد نمایشی",
                if n % 2 == 0 { QAZVIN } else { ALBORZ },
            );
            d.knowledge_based = n < 3;
            d.validate().unwrap()
        })
        .collect();
    registry::insert_demo(&app.db, demo).await.unwrap();
    assert_profiles_match_a_recount(&app).await;

    let q: Value = c
        .get(app.url(&format!("/api/v1/provinces/{QAZVIN}/profile")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // One more check against numbers worked out by hand, so a recount that is wrong in the
    // same way as the kept counts cannot pass: Qazvin now holds units 2 and 5, its own
    // (closed) unit, 8 imported cement works and 3 demo dairies.
    assert_eq!(q["total"], 14);
    assert_eq!(q["by_status"]["closed"], 1);
    assert_eq!(q["by_status"]["active"], 13);
}

/// What the README and docs/domain.md say of the demo, read where a visitor reads it: Qazvin
/// has 4,000 units of which 3,800 are active, and Alborz's public profile leads in 15
/// manufacturing divisions (seed 002).
#[tokio::test]
async fn the_demo_is_what_the_readme_says_alborz_leads_fifteen_divisions() {
    let app = TestApp::spawn().await;
    // The catalogue plays no part in the registry's figures.
    let scale = tashil::demo::Scale {
        standards: 0,
        ..Default::default()
    };
    assert!(tashil::demo::ensure(&app.db, scale).await.unwrap());
    let c = reqwest::Client::new();
    let profile = |code: &'static str| {
        let c = c.clone();
        let url = app.url(&format!("/api/v1/provinces/{code}/profile"));
        async move {
            c.get(url)
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let alborz = profile(ALBORZ).await;
    let led: Vec<&Value> = alborz["divisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rank"] == 1)
        .map(|d| &d["division"])
        .collect();
    assert_eq!(alborz["leads"], 15, "Alborz leads in {led:?}");
    let qazvin = profile(QAZVIN).await;
    assert_eq!(qazvin["total"], 4000);
    assert_eq!(qazvin["by_status"]["active"], 3800);
}
