//! The national level's home page: the cases raised to it, the national desk's overdue
//! resolutions and meetings without minutes, none of them a province's.

use chrono::Duration;
use serde_json::json;

use super::{case, home, items, post, resolution, today};
use crate::helpers::{QAZVIN, TestApp};
use tashil::access::OrganisationKind;
use tashil::i18n::Lang;
use tashil_text::dates::format_date;

#[tokio::test]
async fn an_escalated_case_waits_in_the_national_queue() {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let id = post(&app, &unit, "/api/v1/cases", case(), 201).await["id"]
        .as_i64()
        .unwrap();
    post(
        &app,
        &officer,
        &format!("/api/v1/cases/{id}/triage"),
        json!({"action": "escalate", "note": "نیاز به تصمیم ملی"}),
        204,
    )
    .await;
    let got = items(&home(&app.login("admin@t.test").await, &app, "en").await);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].text,
        "1 case raised to the national level waits for a decision."
    );
    assert_eq!(got[0].href, "/cases?level=national");
    let got = items(&home(&app.login("qazvin@t.test").await, &app, "en").await);
    assert!(
        got.is_empty(),
        "no longer the province's to triage: {got:?}"
    );
}

#[tokio::test]
async fn the_national_secretariat_sees_its_overdue_resolutions_and_meetings_without_minutes() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let agency = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    let council = post(
        &app,
        &admin,
        "/api/v1/bodies",
        json!({"kind": "council", "name_fa": "شورای ملی", "members": [[agency, "agency"]]}),
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let late = resolution(
        &app,
        &admin,
        council,
        agency,
        today() - Duration::days(60),
        5,
    )
    .await;
    let unrecorded_on = today() - Duration::days(10);
    let unrecorded = post(
        &app,
        &admin,
        &format!("/api/v1/bodies/{council}/meetings"),
        json!({"held_on": unrecorded_on.to_string()}),
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let got = items(&home(&app.login("admin@t.test").await, &app, "en").await);
    let texts: Vec<_> = got.iter().map(|i| i.text.clone()).collect();
    assert_eq!(
        texts,
        [
            format!(
                "1 national resolution is past its deadline of {}.",
                format_date(late, Lang::En)
            ),
            format!(
                "The meeting of {} has no minutes recorded yet.",
                format_date(unrecorded_on, Lang::En)
            ),
        ]
    );
    assert!(got.iter().all(|i| i.urgency == "overdue"));
    assert_eq!(got[1].href, format!("/meetings/{unrecorded}"));
    assert!(
        items(&home(&app.login("qazvin@t.test").await, &app, "en").await).is_empty(),
        "the national desk's items are not the province's"
    );
}
