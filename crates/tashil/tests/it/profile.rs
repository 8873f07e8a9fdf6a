//! The provincial profile: counts, ranks and leads, public and in every language.

use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp, ir_id};

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
