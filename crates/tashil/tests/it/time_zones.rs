//! Days on the office's clock (docs/domain.md, "Time zones"): instants are kept in UTC; the
//! day a person reads, the year in a number and whether something is still open or overdue
//! are taken in the province's zone (Asia/Tehran, Asia/Ho_Chi_Minh), and national staff's in
//! the zone they chose. Each server here runs on a clock stopped at a given instant.

use reqwest::Client;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{Node, TestApp};
use tashil::access::{OrganisationKind, Role};

/// Ninh Bình, which absorbed Nam Định on 1 July 2025.
const NINH_BINH: &str = "VN-NBI";

async fn post(base: &str, token: &str, path: &str, body: Value) -> (u16, Value) {
    let r = Client::new()
        .post(format!("{base}{path}"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or_default())
}

async fn get_json(base: &str, token: &str, path: &str) -> Value {
    Client::new()
        .get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json")
}

async fn page(c: &Client, app: &TestApp, path: &str) -> String {
    let r = c.get(app.url(path)).send().await.expect("page");
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.expect("html")
}

fn case() -> Value {
    json!({"category": "tax", "title": "جریمهٔ دیرکرد مالیاتی",
           "description": "ادارهٔ مالیات جریمهٔ دیرکرد را بدون ابلاغ قبلی اعمال کرده است."})
}

#[tokio::test]
async fn a_case_filed_at_half_past_midnight_on_nowruz_in_qazvin_is_of_1_farvardin_1405() {
    // 21:00 UTC on 20 March 2026 is 00:30 on 1 Farvardin 1405 in Qazvin; UTC's date is still
    // 29 Esfand 1404.
    let app = TestApp::spawn_at("2026-03-20T21:00:00Z").await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let (status, c) = post(&app.base, &unit, "/api/v1/cases", case()).await;
    assert_eq!(status, 201, "{c}");
    assert_eq!(c["number"], "IR-26-1405-00001");
    // The instant itself is kept, and given, in UTC.
    assert_eq!(c["created_at"], "2026-03-20T21:00:00Z");
    let officer = app.login("qazvin@t.test").await;
    let html = page(&officer, &app, &format!("/cases/{}?lang=fa", c["id"])).await;
    assert!(html.contains("<dd>۱ فروردین ۱۴۰۵</dd>"), "{html}");
    // The register's list shows the same day.
    let list = page(&officer, &app, "/cases?lang=fa").await;
    assert!(list.contains("۱ فروردین ۱۴۰۵"));
    assert!(!list.contains("۲۹ اسفند ۱۴۰۴"));
}

#[tokio::test]
async fn a_late_evening_case_in_ninh_binh_is_of_the_next_day_and_its_year_on_new_years_eve() {
    // 18:30 UTC on 31 December 2026 is 01:30 on 1 January 2027 in Ninh Bình.
    let app = TestApp::spawn_at("2026-12-31T18:30:00Z").await;
    let office = app
        .org(OrganisationKind::ProvincialOffice, Some(NINH_BINH))
        .await;
    app.user(
        "ninhbinh@t.test",
        Role::ProvincialOfficer,
        office,
        Some(NINH_BINH),
    )
    .await;
    let officer = app.token("ninhbinh@t.test").await;
    let (status, c) = post(&app.base, &officer, "/api/v1/cases", case()).await;
    assert_eq!(status, 201, "{c}");
    assert_eq!(c["number"], "VN-NBI-2027-00001");
    let browser = app.login("ninhbinh@t.test").await;
    let html = page(&browser, &app, &format!("/cases/{}?lang=vi", c["id"])).await;
    assert!(html.contains("<dd>1 tháng 1"), "{html}");
    assert!(html.contains("2027</dd>"), "{html}");
}

/// The day of a case's entry as the page at `path` shows it, in Persian.
async fn day_shown(c: &Client, app: &TestApp, path: &str) -> String {
    let html = page(c, app, &format!("{path}?lang=fa")).await;
    let start = html.find("<dd>").expect("a fact") + "<dd>".len();
    let mut facts = html[start..].split("<dd>");
    // The facts list: number, province…; the entry's day is the one with a Solar Hijri month.
    facts
        .find(|f| f.contains("آذر"))
        .and_then(|f| f.split("</dd>").next())
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn national_staff_read_days_in_the_zone_they_choose_and_the_change_is_audited() {
    // 18:30 UTC on 6 December 2026: 22:00 on 15 Azar 1405 in Tehran, already 16 Azar
    // (7 December, 01:30) in Hanoi.
    let app = TestApp::spawn_at("2026-12-06T18:30:00Z").await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let (_, c) = post(&app.base, &unit, "/api/v1/cases", case()).await;
    let path = format!("/cases/{}", c["id"]);

    let admin = app.login("admin@t.test").await;
    let prefs = page(&admin, &app, "/preferences").await;
    assert!(
        prefs.contains("value=\"Asia/Tehran\""),
        "an Iranian national body's default"
    );
    assert_eq!(day_shown(&admin, &app, &path).await, "۱۵ آذر ۱۴۰۵");

    let save = |zone: &'static str| async {
        app.post_form(
            &admin,
            "/preferences",
            "/preferences",
            &[("time_zone", zone)],
        )
        .await
    };
    let refused = save("Asia/Qazvin").await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("id=\"time_zone-err\""),
        "the field names its error"
    );
    assert_eq!(save("Asia/Ho_Chi_Minh").await.status(), 303);
    assert_eq!(day_shown(&admin, &app, &path).await, "۱۶ آذر ۱۴۰۵");

    let audited = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT before, after FROM audit_log WHERE action = 'user.set_time_zone'",
        ))
        .await
        .unwrap()
        .expect("the change is audited");
    let after: String = audited.try_get("", "after").unwrap();
    assert!(after.contains("Asia/Ho_Chi_Minh"), "{after}");

    // A provincial officer's days are their office's: nothing to choose.
    let officer = app.login("qazvin@t.test").await;
    let prefs = page(&officer, &app, "/preferences").await;
    assert!(!prefs.contains("name=\"time_zone\""));
    assert!(prefs.contains("Asia/Tehran"));
    let r = app
        .post_form(
            &officer,
            "/preferences",
            "/preferences",
            &[("time_zone", "Asia/Ho_Chi_Minh")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(
        day_shown(&officer, &app, &path).await,
        "۱۵ آذر ۱۴۰۵",
        "Qazvin's office reads Tehran's day"
    );
}

async fn standard_in_enquiry(app: &TestApp, admin: &str, body: &str, deadline: &str) -> i64 {
    let (status, s) = post(
        &app.base,
        admin,
        "/api/v1/standards",
        json!({"body": body, "number": "9999", "year": "2026", "title_en": "Drinking water",
               "title_fa": "آب آشامیدنی", "title_vi": "Nước uống", "products": [{"hs_code": "2201"}]}),
    )
    .await;
    assert_eq!(status, 201, "{s}");
    let id = s["id"].as_i64().unwrap();
    let (status, r) = post(
        &app.base,
        admin,
        &format!("/api/v1/standards/{id}/transition"),
        json!({"to": "enquiry", "enquiry_deadline": deadline}),
    )
    .await;
    assert_eq!(status, 204, "{r}");
    id
}

async fn open_at(node: &Node, token: &str, id: i64) -> bool {
    get_json(&node.base, token, &format!("/api/v1/standards/{id}")).await["enquiry_open"]
        .as_bool()
        .expect("enquiry_open")
}

#[tokio::test]
async fn a_public_enquiry_closes_at_midnight_on_its_bodys_clock() {
    // Drafts set for enquiry until 10 May 2026, at noon that day (UTC).
    let app = TestApp::spawn_at("2026-05-10T12:00:00Z").await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let unit = app.token("unit@t.test").await;
    let inso = standard_in_enquiry(&app, &admin, "INSO", "2026-05-10").await;
    let tcvn = standard_in_enquiry(&app, &admin, "TCVN", "2026-05-10").await;

    // 19:00 UTC: 22:30 in Tehran (still 10 May), 02:00 on 11 May in Hanoi.
    let evening = app.node_at("2026-05-10T19:00:00Z").await;
    assert!(open_at(&evening, &unit, inso).await);
    assert!(!open_at(&evening, &unit, tcvn).await);
    let comment = json!({"body": "روش آزمون بند ۵ در استان نیست."});
    let on = |id: i64| format!("/api/v1/standards/{id}/comments");
    assert_eq!(
        post(&evening.base, &unit, &on(inso), comment.clone())
            .await
            .0,
        201
    );
    let (status, refused) = post(&evening.base, &unit, &on(tcvn), comment.clone()).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("enquiry_closed"))
    );

    // 21:00 UTC: 00:30 on 11 May in Tehran, though UTC's date is still 10 May.
    let midnight = app.node_at("2026-05-10T21:00:00Z").await;
    assert!(!open_at(&midnight, &unit, inso).await);
    assert_eq!(post(&midnight.base, &unit, &on(inso), comment).await.0, 409);
    // The committee's home lists what has closed, each on its body's clock.
    let home = |node: &Node| {
        let url = format!("{}/", node.base);
        let admin = admin.clone();
        async move {
            let r = Client::new()
                .get(url)
                .bearer_auth(admin)
                .send()
                .await
                .unwrap();
            r.text().await.unwrap()
        }
    };
    assert!(
        home(&evening)
            .await
            .contains(&format!("href=\"/standards/{tcvn}\""))
    );
    assert!(
        home(&midnight)
            .await
            .contains("href=\"/standards?status=enquiry\"")
    );
}
