//! The working calendar the national administrator loads: a 1406 holiday moves a deadline
//! that runs across it, a province's closure moves only that province's deadlines, a bad
//! row refuses the whole file by its row, only the administrator may load or export, every
//! load is audited, and every node counts with what was loaded.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp};
use tashil::access::OrganisationKind;

/// A working group of `province` kept by `officer`, with one agency, met on `held_on`:
/// the path its resolutions are posted to, and the agency.
async fn met_on(app: &TestApp, officer: &str, province: &str, held_on: &str) -> (String, i64) {
    let agency = app.org(OrganisationKind::Agency, Some(province)).await;
    let body = app
        .post_json(
            officer,
            "/api/v1/bodies",
            json!({"kind": "working_group", "name_fa": "کارگروه رفع موانع تولید",
                   "members": [[agency, "agency"]]}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let meeting = app
        .post_json(
            officer,
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"held_on": held_on}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        officer,
        &format!("/api/v1/meetings/{meeting}/record"),
        json!({"minutes": "جلسهٔ عادی"}),
        204,
    )
    .await;
    (format!("/api/v1/meetings/{meeting}/resolutions"), agency)
}

/// Posts a resolution of `days` working days and returns its answer.
async fn resolve(app: &TestApp, who: &str, path: &str, agency: i64, days: u32) -> Value {
    app.post_json(
        who,
        path,
        json!({"agency_org_id": agency, "action": "پاسخ به واحد", "working_days": days.to_string(),
               "proof": "نامه"}),
        201,
    )
    .await
}

/// Resolution `id` as the administrator lists it now.
async fn resolution(app: &TestApp, admin: &str, id: &Value) -> Value {
    let (status, list) = app.get_json(admin, "/api/v1/resolutions").await;
    assert_eq!(status, 200);
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == *id)
        .cloned()
        .expect("listed")
}

/// Sends a calendar file to the API as `ctype`: the status and the report.
async fn load(app: &TestApp, token: &str, ctype: &str, body: impl Into<Vec<u8>>) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(app.url("/api/v1/calendar"))
        .bearer_auth(token)
        .header("content-type", ctype)
        .body(body.into())
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or_default())
}

async fn calendar_loads(app: &TestApp) -> Vec<(String, String, String)> {
    app.db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT entity_id, before, after FROM audit_log WHERE action = 'calendar.load' ORDER BY id",
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.try_get("", "entity_id").unwrap(),
                r.try_get::<Option<String>>("", "before").unwrap().unwrap_or_default(),
                r.try_get::<Option<String>>("", "after").unwrap().unwrap_or_default(),
            )
        })
        .collect()
}

const HEADER: &str = "country,date,kind,holiday,province,reason_fa,reason_vi,reason_en\n";

#[tokio::test]
async fn a_loaded_1406_holiday_moves_a_deadline_across_it_a_day_later_on_every_node() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let qazvin = app.token("qazvin@t.test").await;
    // Sunday 15 Farvardin 1406; three working days: Mon 5, Tue 6, Wed 7 April 2027.
    let (path, agency) = met_on(&app, &qazvin, QAZVIN, "2027-04-04").await;
    let before = resolve(&app, &qazvin, &path, agency, 3).await;
    assert_eq!(before["deadline"], "2027-04-07");
    assert_eq!(
        before["deadline_provisional"], true,
        "1406 is in no table yet"
    );

    // Tuesday 6 April 2027 (17 Farvardin 1406) a holiday of the 1406 calendar.
    let file = format!("{HEADER}IR,1406/01/17,holiday,martyrdom_imam_sadegh,,,,\n");
    let (status, report) = load(&app, &admin, "text/csv", file).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["years"], json!(["IR-1406"]));
    assert_eq!(report["deadlines_moved"], 1);

    // The open deadline was counted again; a new one counts the holiday too, on another node.
    let moved = resolution(&app, &admin, &before["id"]).await;
    assert_eq!(moved["deadline"], "2027-04-08");
    assert_eq!(moved["deadline_provisional"], false);
    let node = app.second_node().await;
    let client = reqwest::Client::new();
    let after: Value = client
        .post(format!("{}{path}", node.base))
        .bearer_auth(&qazvin)
        .json(
            &json!({"agency_org_id": agency, "action": "پاسخ به واحد", "working_days": "3",
                      "proof": "نامه"}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(after["deadline"], "2027-04-08", "{after}");
    assert_eq!(after["deadline_provisional"], false);
    let exported: Value = client
        .get(format!("{}/api/v1/calendar", node.base))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        exported
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["date"] == "2027-04-06" && r["holiday"] == "martyrdom_imam_sadegh"),
        "{exported}"
    );
}

#[tokio::test]
async fn a_closure_in_one_province_moves_only_that_provinces_deadlines() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let qazvin = app.token("qazvin@t.test").await;
    let alborz = app.token("alborz@t.test").await;
    // Sunday 13 December 2026; three working days end on Wednesday 16 December.
    let (qz_path, qz_agency) = met_on(&app, &qazvin, QAZVIN, "2026-12-13").await;
    let (al_path, al_agency) = met_on(&app, &alborz, ALBORZ, "2026-12-13").await;
    let qz = resolve(&app, &qazvin, &qz_path, qz_agency, 3).await;
    let al = resolve(&app, &alborz, &al_path, al_agency, 3).await;
    assert_eq!(qz["deadline"], "2026-12-16");
    assert_eq!(al["deadline"], "2026-12-16");

    let rows = json!([{"country": "IR", "date": "2026-12-15", "kind": "closure", "province": QAZVIN,
        "reason_fa": "آلودگی هوا", "reason_en": "Air pollution"}]);
    let (status, report) = load(&app, &admin, "application/json", rows.to_string()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["deadlines_moved"], 1);
    assert_eq!(
        resolution(&app, &admin, &qz["id"]).await["deadline"],
        "2026-12-17"
    );
    assert_eq!(
        resolution(&app, &admin, &al["id"]).await["deadline"],
        "2026-12-16"
    );
    // New resolutions too.
    let qz2 = resolve(&app, &qazvin, &qz_path, qz_agency, 3).await;
    let al2 = resolve(&app, &alborz, &al_path, al_agency, 3).await;
    assert_eq!(qz2["deadline"], "2026-12-17");
    assert_eq!(al2["deadline"], "2026-12-16");
    // The moved deadline is audited with its old and new date.
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT entity_id, before, after FROM audit_log WHERE action = 'resolution.deadline_recounted'",
        ))
        .await
        .unwrap()
        .expect("audited");
    assert_eq!(
        row.try_get::<String>("", "entity_id").unwrap(),
        qz["id"].to_string()
    );
    let after: Value = serde_json::from_str(&row.try_get::<String>("", "after").unwrap()).unwrap();
    assert_eq!(after["deadline"], "2026-12-17");
}

#[tokio::test]
async fn a_bad_row_refuses_the_whole_file_by_its_row_and_stores_nothing() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let exported_before = app.get_json(&admin, "/api/v1/calendar").await.1;
    let file = format!(
        "{HEADER}IR,2027-04-06,holiday,martyrdom_imam_sadegh,,,,\n\
         IR,2027-04-07,holiday,christmas,,,,\n\
         IR,2027-04-08,closure,,IR-26,,,\n\
         VN,2027-02-13,working_day,,,,,\n"
    );
    let (status, report) = load(&app, &admin, "text/csv", file).await;
    assert_eq!(status, 422, "{report}");
    let errors: Vec<(u64, &str, &str, &str)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap(),
                e["column"].as_str().unwrap_or(""),
                e["header"].as_str().unwrap_or(""),
                e["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (3, "D", "holiday", "unknown_holiday"),
            (4, "F", "reason_fa", "required"),
        ],
        "{report}"
    );
    assert_eq!(report["imported"], 0);
    assert_eq!(
        app.get_json(&admin, "/api/v1/calendar").await.1,
        exported_before
    );
    assert!(
        calendar_loads(&app).await.is_empty(),
        "a refused file is no change"
    );

    // A table replaces its whole year: one holiday of 1405 sent alone is taken for a part.
    let file = format!(
        "{HEADER}IR,2026-12-15,closure,,,بارش برف,,Snow\nIR,2026-12-16,holiday,ashura,,,,\n"
    );
    let (status, report) = load(&app, &admin, "text/csv", file).await;
    assert_eq!(status, 422, "{report}");
    assert_eq!(report["errors"][0]["row"], 3);
    assert_eq!(report["errors"][0]["code"], "partial_table");
    assert!(calendar_loads(&app).await.is_empty());
    assert_eq!(
        app.get_json(&admin, "/api/v1/calendar").await.1,
        exported_before
    );

    // A Vietnamese Saturday worked is a weekend day; a Wednesday is not.
    let file = format!("{HEADER}VN,2027-02-17,working_day,,,,,\n");
    let (status, report) = load(&app, &admin, "text/csv", file).await;
    assert_eq!(status, 422);
    assert_eq!(report["errors"][0]["code"], "not_a_weekend_day");
}

#[tokio::test]
async fn only_the_national_administrator_loads_or_exports_the_calendar() {
    let app = TestApp::spawn().await;
    app.world().await;
    let file = format!("{HEADER}IR,2027-04-06,holiday,ashura,,,,\n");
    for who in ["qazvin@t.test", "agency@t.test", "unit@t.test"] {
        let token = app.token(who).await;
        assert_eq!(
            app.get_json(&token, "/api/v1/calendar").await.0,
            403,
            "{who}"
        );
        assert_eq!(
            load(&app, &token, "text/csv", file.clone()).await.0,
            403,
            "{who}"
        );
        let c = app.login(who).await;
        for path in ["/calendar", "/calendar/export.csv", "/calendar/export.json"] {
            let status = c.get(app.url(path)).send().await.unwrap().status();
            assert_eq!(status, 403, "{who} {path}");
        }
        let bytes = file.clone().into_bytes();
        let (status, _) = app.upload(&c, "/", "/calendar", "c.csv", bytes).await;
        assert_eq!(status, 403, "{who}");
    }
    assert!(calendar_loads(&app).await.is_empty());
    let admin = app.token("admin@t.test").await;
    assert!(!app.get_json(&admin, "/api/v1/calendar").await.1[0].is_null());
}

#[tokio::test]
async fn a_load_from_the_page_is_audited_once_with_its_years_before_and_after() {
    let app = TestApp::spawn().await;
    app.world().await;
    let c = app.login("admin@t.test").await;
    let page = c.get(app.url("/calendar?lang=en")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let file = format!(
        "{HEADER}VN,2027-02-05,holiday,tet,,,,\n\
         VN,2027-02-06,working_day,,,,,\n\
         VN,2027-01-01,holiday,new_year,,,,\n\
         VN,2027-04-30,holiday,reunification_day,,,,\n\
         VN,2027-05-01,holiday,labour_day,,,,\n\
         VN,2027-09-02,holiday,national_day,,,,\n\
         VN,2027-11-24,holiday,culture_day,,,,\n\
         VN,2027-01-20,closure,,VN-HN,,Ô nhiễm không khí,Air pollution\n\
         IR,1406/01/17,holiday,martyrdom_imam_sadegh,,,,\n"
    );
    let (status, html) = app
        .upload(
            &c,
            "/calendar",
            "/calendar?lang=en",
            "calendar.csv",
            file.into_bytes(),
        )
        .await;
    assert_eq!(status, 200);
    let html = html.replace(['\u{2068}', '\u{2069}'], "");
    assert!(html.contains("Loaded: IR-1406, VN-2027."), "{html}");
    assert!(html.contains("Air pollution"), "{html}");

    let loads = calendar_loads(&app).await;
    assert_eq!(loads.len(), 1);
    let (id, before, after) = &loads[0];
    assert_eq!(id, "IR-1406 VN-2027");
    let before: Value = serde_json::from_str(before).unwrap();
    let after: Value = serde_json::from_str(after).unwrap();
    assert_eq!(before["VN-2027"], json!({"table": null, "closures": []}));
    // Six days off (in date order), then the Saturday worked.
    let vn = after["VN-2027"]["table"].as_array().unwrap();
    assert_eq!(vn.len(), 7);
    assert_eq!(vn[6]["kind"], "working_day");
    assert_eq!(after["VN-2027"]["closures"][0]["province"], "VN-HN");
    assert_eq!(after["IR-1406"]["table"][0]["date"], "2027-04-06");

    // The export loads back as it is: no year changes, no deadline moves.
    let admin = app.token("admin@t.test").await;
    let exported = app.get_json(&admin, "/api/v1/calendar").await.1;
    let (status, report) = load(&app, &admin, "application/json", exported.to_string()).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["deadlines_moved"], 0);
    assert_eq!(app.get_json(&admin, "/api/v1/calendar").await.1, exported);
    let csv = c
        .get(app.url("/calendar/export.csv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        csv.starts_with("\u{feff}country,date,kind") || csv.starts_with("country,date,kind"),
        "{csv}"
    );
    let (status, report) = load(&app, &admin, "text/csv", csv).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(app.get_json(&admin, "/api/v1/calendar").await.1, exported);
}
