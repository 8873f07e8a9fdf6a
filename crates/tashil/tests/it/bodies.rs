//! A body's membership changes over time: the secretariat seats an agency or a private-sector
//! member, changes a seat, or takes a member off; only agencies of the body's province sit on
//! it, and a private seat is what lets the chamber propose agenda items.

use reqwest::Client;
use serde_json::json;

use crate::helpers::{ALBORZ, QAZVIN, TestApp};
use tashil::access::{OrganisationKind, Role};

#[tokio::test]
async fn the_secretariat_seats_changes_and_removes_members_of_its_bodies() {
    let app = TestApp::spawn().await;
    app.world().await;
    let officer = app.token("qazvin@t.test").await;
    let tax_org = app.actor("agency@t.test").await.organisation_id();
    let chamber_org = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    app.user(
        "chamber@t.test",
        Role::AgencyOfficer,
        chamber_org,
        Some(QAZVIN),
    )
    .await;
    let chamber = app.token("chamber@t.test").await;
    let bank_org = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    let alborz_agency = app.org(OrganisationKind::Agency, Some(ALBORZ)).await;
    let unit_org = app
        .org(OrganisationKind::ProductionUnit, Some(QAZVIN))
        .await;

    // A body cannot be founded with another province's agency.
    let bad = app
        .post_json(
            &officer,
            "/api/v1/bodies",
            json!({"kind": "working_group",
        "name_fa": "کارگروه", "members": [[tax_org, "agency"], [alborz_agency, "agency"]]}),
            422,
        )
        .await;
    assert_eq!(bad["errors"][0]["code"], "invalid_member");
    let body = app
        .post_json(
            &officer,
            "/api/v1/bodies",
            json!({"kind": "working_group",
        "name_fa": "کارگروه تسهیل", "members": [[tax_org, "agency"]]}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let seat = |org: i64, seat: &str, token: &str| {
        let req = Client::new()
            .put(app.url(&format!("/api/v1/bodies/{body}/members/{org}")))
            .bearer_auth(token)
            .json(&json!({"seat": seat}));
        async move { req.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(seat(bank_org, "agency", &officer).await, 204);
    assert_eq!(seat(chamber_org, "private", &officer).await, 204);
    assert_eq!(seat(alborz_agency, "agency", &officer).await, 422);
    assert_eq!(seat(unit_org, "agency", &officer).await, 422);
    let alborz = app.token("alborz@t.test").await;
    assert_eq!(seat(bank_org, "agency", &alborz).await, 404);

    let meeting = app
        .post_json(
            &officer,
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"held_on": "2026-12-20"}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let agenda = format!("/api/v1/meetings/{meeting}/agenda");
    // The private seat proposes private-sector demands; an agency seat does not.
    app.post_json(
        &chamber,
        &agenda,
        json!({"title": "تأمین نقدینگی واحدهای کوچک"}),
        201,
    )
    .await;
    assert_eq!(seat(chamber_org, "agency", &officer).await, 204);
    app.post_json(&chamber, &agenda, json!({"title": "عوارض صادراتی"}), 403)
        .await;

    let remove = Client::new()
        .delete(app.url(&format!("/api/v1/bodies/{body}/members/{bank_org}")))
        .bearer_auth(&officer)
        .send()
        .await
        .unwrap();
    assert_eq!(remove.status(), 204);
    let (_, m) = app
        .get_json(&officer, &format!("/api/v1/meetings/{meeting}"))
        .await;
    let members: Vec<(i64, String)> = m["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x[0].as_i64().unwrap(), x[2].as_str().unwrap().to_string()))
        .collect();
    let mut want = vec![
        (tax_org, "agency".to_string()),
        (chamber_org, "agency".to_string()),
    ];
    want.sort();
    assert_eq!(members, want);
    let again = Client::new()
        .delete(app.url(&format!("/api/v1/bodies/{body}/members/{bank_org}")))
        .bearer_auth(&officer)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 404);
}

#[tokio::test]
async fn members_are_seated_and_taken_off_from_the_meetings_page() {
    let app = TestApp::spawn().await;
    app.world().await;
    let officer = app.token("qazvin@t.test").await;
    let tax_org = app.actor("agency@t.test").await.organisation_id();
    let alborz_agency = app.org(OrganisationKind::Agency, Some(ALBORZ)).await;
    let body = app
        .post_json(
            &officer,
            "/api/v1/bodies",
            json!({"kind": "working_group",
        "name_fa": "کارگروه تسهیل", "members": []}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let c = app.login("qazvin@t.test").await;
    let post = |path: String, form: Vec<(&'static str, String)>| {
        let (app, c) = (&app, &c);
        async move {
            let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form(c, "/meetings", &path, &fields).await
        }
    };
    let r = post(
        format!("/bodies/{body}/members"),
        vec![
            ("organisation_id", tax_org.to_string()),
            ("private", "yes".into()),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let page = c
        .get(app.url("/meetings"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("/bodies/{body}/members/{tax_org}/remove")),
        "{page}"
    );
    // Another province's agency is refused, named in the summary.
    let r = post(
        format!("/bodies/{body}/members"),
        vec![("organisation_id", alborz_agency.to_string())],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("تنها دستگاه‌های همان استان")
    );
    let r = post(format!("/bodies/{body}/members/{tax_org}/remove"), vec![]).await;
    assert_eq!(r.status(), 303);
    let page = c
        .get(app.url("/meetings"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains(&format!("/bodies/{body}/members/{tax_org}/remove")));
}
