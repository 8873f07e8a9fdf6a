//! A mandatory list belongs to a country (m0035): the HS look-up, a province's units and an
//! application read their own country's list alone, so an Iranian unit is never held to a
//! Vietnamese standard nor the reverse; the backfill of an older database puts each mandatory
//! standard on its body's country's list. On SQLite and PostgreSQL.

use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::licence_setup::{Desk, call, desk};

/// A published standard on milk (HS 0401.20) of `body`; its id.
async fn milk(app: &TestApp, d: &Desk, body: &str, number: &str) -> i64 {
    let s = json!({
        "body": body, "number": number, "year": "2020",
        "title_fa": "شیر", "title_en": "Milk", "title_vi": "Sữa",
        "scope_fa": "شیر", "ics": "67.100.10", "products": [{"hs_code": "0401.20"}], "clauses": []
    });
    let (st, v) = call(app, Some(&d.admin), "POST", "/api/v1/standards", Some(s)).await;
    assert_eq!(st, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    let to = json!({"to": "published"});
    let path = format!("/api/v1/standards/{id}/transition");
    assert_eq!(
        call(app, Some(&d.admin), "POST", &path, Some(to)).await.0,
        204
    );
    id
}

async fn list(app: &TestApp, d: &Desk, id: i64, body: Value) -> (u16, Value) {
    let path = format!("/api/v1/standards/{id}/mandatory");
    call(app, Some(&d.admin), "POST", &path, Some(body)).await
}

/// The designations the look-up answers for milk on `country`'s list ("" for every list).
async fn lookup(app: &TestApp, country: &str) -> Vec<String> {
    let path = format!("/api/v1/mandatory?hs=0401.20&country={country}");
    let (s, v) = call(app, None, "GET", &path, None).await;
    assert_eq!(s, 200, "{v}");
    v.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{} {}",
                m["standard"]["designation"].as_str().unwrap(),
                m["country"].as_str().unwrap()
            )
        })
        .collect()
}

async fn apply(app: &TestApp, d: &Desk) -> (u16, Value) {
    let body = json!({
        "permit_type": "standard-mark-new",
        "products": [{"product": "شیر پاستوریزه", "brand": "کاله", "hs_code": "0401.20"}],
        "message": ""
    });
    call(
        app,
        Some(&d.unit),
        "POST",
        "/api/v1/applications",
        Some(body),
    )
    .await
}

#[tokio::test]
async fn each_country_reads_its_own_mandatory_list_and_a_unit_applies_only_against_its_own() {
    let app = TestApp::spawn().await;
    // INSO 93 on the mandatory list, as the desk puts it (no country: its body's, Iran's).
    let d = desk(&app, false, false).await;
    let tcvn = milk(&app, &d, "TCVN", "7028").await;
    let iso = milk(&app, &d, "ISO", "707").await;
    assert_eq!(
        list(&app, &d, tcvn, json!({"mandatory": true})).await.0,
        204
    );
    let (s, v) = list(
        &app,
        &d,
        iso,
        json!({"mandatory": true, "country": "VN", "from": "2020-01-01"}),
    )
    .await;
    assert_eq!(s, 204, "{v}");

    assert_eq!(lookup(&app, "IR").await, ["INSO 93:2019 IR"]);
    assert_eq!(
        lookup(&app, "VN").await,
        ["ISO 707:2020 VN", "TCVN 7028:2020 VN"]
    );
    assert_eq!(
        lookup(&app, "").await.len(),
        3,
        "every list without a country"
    );
    let (_, v) = call(&app, None, "GET", &format!("/api/v1/standards/{iso}"), None).await;
    assert_eq!(v["mandatory"], true);
    assert_eq!(
        v["mandatory_in"],
        json!([{"country": "VN", "from": "2020-01-01"}])
    );

    // The Qazvin unit applies under Iran's list.
    let (s, a) = apply(&app, &d).await;
    assert_eq!(s, 201, "{a}");
    assert_eq!(a["products"][0]["standard"], "INSO 93:2019");
    // Off Iran's list, INSO 93 binds no Iranian unit, and Vietnam's list is not a fallback.
    let (_, m) = call(
        &app,
        None,
        "GET",
        "/api/v1/mandatory?hs=0401.20&country=IR",
        None,
    )
    .await;
    let inso = m[0]["standard"]["id"].as_i64().unwrap();
    assert_eq!(
        list(&app, &d, inso, json!({"mandatory": false, "country": "IR"}))
            .await
            .0,
        204
    );
    assert!(lookup(&app, "IR").await.is_empty());
    let (s, v) = apply(&app, &d).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["errors"][0]["code"], "no_mandatory_standard");
    let (_, units) = call(
        &app,
        Some(&d.admin),
        "GET",
        "/api/v1/provinces/IR-26/mandatory",
        None,
    )
    .await;
    assert_eq!(units["total"], 0, "{units}");
    // The international standard adopted on Iran's list too: the unit applies under it.
    assert_eq!(
        list(&app, &d, iso, json!({"mandatory": true, "country": "IR"}))
            .await
            .0,
        204
    );
    let (s, a) = apply(&app, &d).await;
    assert_eq!(s, 201, "{a}");
    assert_eq!(a["products"][0]["standard"], "ISO 707:2020");
    let (_, units) = call(
        &app,
        Some(&d.admin),
        "GET",
        "/api/v1/provinces/IR-26/mandatory",
        None,
    )
    .await;
    assert_eq!(units["total"], 1, "{units}");
    assert_eq!(units["rows"][0]["standard"]["designation"], "ISO 707:2020");

    // A country that keeps no list is refused.
    let (s, v) = list(&app, &d, iso, json!({"mandatory": true, "country": "XX"})).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["errors"][0]["field"], "country");
    let (s, _) = call(
        &app,
        None,
        "GET",
        "/api/v1/mandatory?hs=0401.20&country=XX",
        None,
    )
    .await;
    assert_eq!(s, 422);
}

#[tokio::test]
async fn the_administrator_lists_a_standard_per_country_from_its_page() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, false).await;
    let iso = milk(&app, &d, "ISO", "707").await;
    let admin = app.login("admin@t.test").await;
    let page = format!("/standards/{iso}?lang=en");
    let (_, html) = app.page(&admin, &page).await;
    let html = plain(&html);
    assert!(html.contains("Add to Iran"), "{html}");
    assert!(html.contains("Add to Vietnam"));
    let action = format!("/standards/{iso}/mandatory");
    let fields = [("mandatory", "yes"), ("country", "VN"), ("from", "")];
    let (s, html) = app.submit(&admin, &page, &action, &fields).await;
    assert_eq!(s, 303, "{html}");
    let html = plain(&html);
    assert!(html.contains("id=\"mandatory-VN\""), "{html}");
    assert!(!html.contains("id=\"mandatory-IR\""));
    assert!(html.contains("Remove from Vietnam"));
    assert_eq!(lookup(&app, "VN").await, ["ISO 707:2020 VN"]);
    let (_, found) = app
        .page(&admin, "/mandatory?hs=0401.20&country=VN&lang=en")
        .await;
    assert!(found.contains("ISO 707"), "{found}");
    assert!(!found.contains("INSO 93"), "Iran's list is not Vietnam's");
    let audit = "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'standard.mandatory'";
    let n: i64 = app.scalar(audit).await;
    assert_eq!(n, 2, "the desk's listing and this one");
}

fn plain(html: &str) -> String {
    html.replace(['\u{2068}', '\u{2069}'], "")
}

/// The migration's backfill over flags as an older release left them.
#[tokio::test]
async fn the_backfill_puts_each_mandatory_standard_on_its_bodys_country_list() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    let d = desk(&app, false, false).await;
    let tcvn = milk(&app, &d, "TCVN", "7028").await;
    let iso = milk(&app, &d, "ISO", "707").await;
    let codex = milk(&app, &d, "CODEX", "206").await;
    // The flags alone, as before m0035: INSO 93's (the desk's) and two more.
    app.db
        .execute_unprepared("DELETE FROM standard_mandatory")
        .await
        .unwrap();
    let flags = format!(
        "UPDATE standards SET mandatory = TRUE, mandatory_from = '2021-03-21' WHERE id IN ({tcvn}, {iso})"
    );
    app.db.execute_unprepared(&flags).await.unwrap();
    tashil::db::migrations::backfill_mandatory_lists(&app.db)
        .await
        .expect("backfill");
    let lists =
        |id: i64| format!("SELECT COUNT(*) AS n FROM standard_mandatory WHERE standard_id = {id}");
    assert_eq!(
        app.scalar(&lists(codex)).await,
        0,
        "not flagged, not listed"
    );
    assert_eq!(
        lookup(&app, "IR").await,
        ["INSO 93:2019 IR", "ISO 707:2020 IR"]
    );
    assert_eq!(
        lookup(&app, "VN").await,
        ["ISO 707:2020 VN", "TCVN 7028:2020 VN"]
    );
    let (_, v) = call(
        &app,
        None,
        "GET",
        &format!("/api/v1/standards/{tcvn}"),
        None,
    )
    .await;
    assert_eq!(
        v["mandatory_in"],
        json!([{"country": "VN", "from": "2021-03-21"}])
    );
}

#[tokio::test]
async fn the_catalogue_import_and_export_carry_each_standards_countries() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.login("admin@t.test").await;
    let page = "/standards/import";
    let sheet = "body,number,year,title_fa,ics,hs_codes,status,mandatory,mandatory_in\n\
                 ISO,707,2020,شیر,67.100.10,0401.20,published,yes,VN\n\
                 TCVN,7028,2020,شیر,67.100.10,0401.20,published,yes,\n\
                 ISO,708,2020,شیر,67.100.10,0401.20,published,yes,XX\n";
    let (s, html) = app.upload(&admin, page, page, "c.csv", sheet.into()).await;
    assert_eq!(s, 422, "a country that keeps no list");
    assert!(html.contains("import-errors"), "{html}");
    let good = sheet.replace("yes,XX", "yes,IR VN");
    let (s, html) = app
        .upload(&admin, page, page, "c.csv", good.into_bytes())
        .await;
    assert_eq!(s, 200, "{html}");
    assert_eq!(lookup(&app, "IR").await, ["ISO 708:2020 IR"]);
    assert_eq!(
        lookup(&app, "VN").await,
        ["ISO 707:2020 VN", "ISO 708:2020 VN", "TCVN 7028:2020 VN"],
        "no country named: the body's"
    );
    let (_, exported) = app.page(&admin, "/standards/export.json").await;
    let records: Value = serde_json::from_str(&exported).unwrap();
    let of = |n: &str| {
        records
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["number"] == n)
            .unwrap()["mandatory_in"]
            .clone()
    };
    assert_eq!(of("707"), json!(["VN"]));
    assert_eq!(of("708"), json!(["IR", "VN"]));
    assert_eq!(of("7028"), json!(["VN"]));
}
