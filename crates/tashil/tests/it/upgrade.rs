//! A database the previous release's demo made is brought to this build's schema by the
//! migrations, and reads as it did: every context's records, the search terms and counts the
//! later migrations derive, the standards index built afresh, and an intact audit chain.
//! `testdata/upgrade/make.sh` makes the fixtures; v0.1 is wave 1 (8b2d95f).

use serde_json::Value;

use crate::helpers::TestApp;

const RELEASE: &str = "v0.1";

fn total(v: &Value) -> u64 {
    v["total"].as_u64().unwrap_or_default()
}

#[tokio::test]
async fn the_previous_releases_demo_database_upgrades_and_reads_as_before() {
    let app = TestApp::spawn_upgraded(RELEASE).await;

    let report = tashil::audit::verify(&app.db).await.expect("verify");
    assert!(report.entries > 0 && report.finding.is_none(), "{report:?}");

    let admin = app.token("admin@demo.tashil.ir").await;
    let (status, units) = app.get_json(&admin, "/api/v1/units?per_page=100").await;
    assert_eq!(status, 200, "{units}");
    assert!(total(&units) >= 100, "{units}");
    // The name search reads terms the upgrade wrote (keyed by province since m0012).
    let name = units["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u["name_fa"].as_str())
        .find(|n| !n.is_empty())
        .expect("an Iranian unit")
        .to_string();
    let word = name.split_whitespace().last().expect("a word");
    let q = format!("/api/v1/units?q={}", crate::helpers::urlencode(word));
    let (status, found) = app.get_json(&admin, &q).await;
    assert_eq!(status, 200);
    assert!(
        found["items"]
            .as_array()
            .is_some_and(|a| a.iter().any(|u| u["name_fa"] == name.as_str())),
        "«{word}» finds «{name}»: {found}"
    );

    // Counts kept since m0011, filled from the units the release had.
    let (status, profile) = public_json(&app, "/api/v1/provinces/IR-26/profile").await;
    assert_eq!(status, 200);
    assert!(total(&profile) > 0, "{profile}");

    // The catalogue, searched through the index this node builds from the database.
    let (status, standards) = public_json(&app, "/api/v1/standards?q=&per_page=5").await;
    assert_eq!(status, 200);
    assert!(total(&standards) > 0, "{standards}");

    let qazvin = app.token("qazvin@demo.tashil.ir").await;
    let (status, cases) = app.get_json(&qazvin, "/api/v1/cases").await;
    assert_eq!(status, 200);
    assert!(!cases.as_array().expect("cases").is_empty());

    // Written to after the upgrade, the chain goes on from the release's head.
    app.post_json(
        &qazvin,
        "/api/v1/units",
        serde_json::to_value(crate::helpers::unit_draft(
            &crate::helpers::ir_id(1_987_654_321),
            "واحد پس از ارتقا",
            "IR-26",
        ))
        .unwrap(),
        201,
    )
    .await;
    let after = tashil::audit::verify(&app.db).await.expect("verify");
    assert!(after.entries > report.entries && after.finding.is_none());
}

async fn public_json(app: &TestApp, path: &str) -> (u16, Value) {
    let r = reqwest::get(app.url(path)).await.expect("request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or_default())
}
