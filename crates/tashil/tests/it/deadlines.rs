//! A resolution's deadline counts the working days of the office's country: the province's,
//! or, for a national item without a case, the bound agency's (Iran rests on Friday, Vietnam
//! on Saturday and Sunday).

use serde_json::json;

use crate::helpers::{QAZVIN, TestApp};
use tashil::access::OrganisationKind;

#[tokio::test]
async fn a_national_item_counts_in_the_working_days_of_the_bound_agencys_country() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let vn_agency = app.org(OrganisationKind::Agency, Some("VN-NBI")).await;
    let ir_agency = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    let body = app.post_json(
        &admin,
        "/api/v1/bodies",
        json!({
            "kind": "council", "name_fa": "شورای ملی کیفیت", "name_en": "National quality council",
            "members": [[vn_agency, "agency"], [ir_agency, "agency"]]
        }),
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    // Friday 4 December 2026; the count starts the day after.
    let meeting = app
        .post_json(
            &admin,
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"held_on": "2026-12-04"}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &admin,
        &format!("/api/v1/meetings/{meeting}/record"),
        json!({"present": [vn_agency, ir_agency], "minutes": "Họp thường kỳ"}),
        204,
    )
    .await;
    let resolve = |agency: i64| {
        json!({"agency_org_id": agency, "action": "Rà soát quy định", "working_days": "5",
               "proof": "Báo cáo"})
    };
    let path = format!("/api/v1/meetings/{meeting}/resolutions");
    let vn = app.post_json(&admin, &path, resolve(vn_agency), 201).await;
    let ir = app.post_json(&admin, &path, resolve(ir_agency), 201).await;
    // Vietnam: Mon 7 … Fri 11. Iran: Sat 5, Sun 6, Mon 7, Tue 8, Wed 9.
    assert_eq!(vn["deadline"], "2026-12-11");
    assert_eq!(ir["deadline"], "2026-12-09");
}

#[tokio::test]
async fn a_deadline_beyond_the_official_holiday_tables_is_marked_provisional() {
    let app = TestApp::spawn().await;
    app.world().await;
    let office = app
        .org(OrganisationKind::ProvincialOffice, Some("VN-NBI"))
        .await;
    app.user(
        "ninhbinh@t.test",
        tashil::access::Role::ProvincialOfficer,
        office,
        Some("VN-NBI"),
    )
    .await;
    let officer = app.token("ninhbinh@t.test").await;
    let agency = app.org(OrganisationKind::Agency, Some("VN-NBI")).await;
    let body = app
        .post_json(
            &officer,
            "/api/v1/bodies",
            json!({
                "kind": "working_group", "name_fa": "", "name_vi": "Tổ công tác tháo gỡ vướng mắc",
                "members": [[agency, "agency"]]
            }),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let meeting = app
        .post_json(
            &officer,
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"held_on": "2026-12-04"}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    app.post_json(
        &officer,
        &format!("/api/v1/meetings/{meeting}/record"),
        json!({"minutes": "Họp thường kỳ"}),
        204,
    )
    .await;
    let path = format!("/api/v1/meetings/{meeting}/resolutions");
    let within = app
        .post_json(
            &officer,
            &path,
            json!({"agency_org_id": agency,
        "action": "Trả lời doanh nghiệp", "working_days": "5", "proof": "Công văn"}),
            201,
        )
        .await;
    assert_eq!(within["deadline"], "2026-12-11");
    assert_eq!(within["deadline_provisional"], false);
    // 40 working days run into 2027, whose Tết arrangement is not in the table yet.
    let beyond = app
        .post_json(
            &officer,
            &path,
            json!({"agency_org_id": agency,
        "action": "Sửa quy trình", "working_days": "40", "proof": "Quyết định"}),
            201,
        )
        .await;
    assert!(beyond["deadline"].as_str().unwrap().starts_with("2027-"));
    assert_eq!(beyond["deadline_provisional"], true);
}
