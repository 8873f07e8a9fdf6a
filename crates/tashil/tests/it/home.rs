//! Each role's home page gathers what waits for it, most urgent first, each a link: an
//! agency's overdue resolutions, a unit's case that needs information, the committee's triage
//! queue and next meeting, the board's reports, the drafts open for comment. Another
//! province's items never appear; visitors get the public home.

use chrono::{Duration, NaiveDate, Utc};
use reqwest::Client;
use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp};
use tashil::access::{OrganisationKind, Role};
use tashil::i18n::{I18n, Lang};
use tashil_text::dates::format_date;

mod catalogue;
mod national;

/// One line of the home page: its urgency, its link and its words (without Fluent's bidi marks).
#[derive(Debug)]
struct Item {
    urgency: String,
    href: String,
    text: String,
}

async fn home(c: &Client, app: &TestApp, lang: &str) -> String {
    let res = c
        .get(app.url(&format!("/?lang={lang}")))
        .send()
        .await
        .expect("home");
    assert_eq!(res.status(), 200);
    res.text().await.expect("text")
}

fn items(html: &str) -> Vec<Item> {
    html.split("<li class=\"waiting-")
        .skip(1)
        .map(|li| {
            let link = &li[li.find("<a href=\"").expect("a link") + "<a href=\"".len()..];
            let (href, rest) = link.split_once("\">").expect("a link's end");
            let text = rest.split("</a>").next().unwrap_or_default();
            Item {
                urgency: li.split('"').next().unwrap_or_default().to_string(),
                href: href.replace("&amp;", "&").replace("&#38;", "&"),
                text: text
                    .replace(['\u{2068}', '\u{2069}'], "")
                    .replace("&#39;", "'"),
            }
        })
        .collect()
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value, expected: u16) -> Value {
    let res = Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("post");
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, expected, "{path}: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn day(v: &Value) -> NaiveDate {
    v.as_str().expect("a date").parse().expect("ISO date")
}

/// Today in Qazvin, whose office these tests act for: from 20:30 UTC it is already tomorrow
/// there, and the pages date everything on the province's clock.
fn today() -> NaiveDate {
    tashil::kernel::clock::local_date("IR-26", Utc::now())
}

fn case() -> Value {
    json!({"category": "tax", "title": "جریمهٔ دیرکرد مالیات بر ارزش افزوده",
           "description": "ادارهٔ مالیات جریمهٔ دیرکرد را با وجود تقسیط مصوب بخشوده است."})
}

/// A Qazvin tax agency (with its officer, `tax@t.test`) seated on a working group of the
/// province; the group's id.
async fn working_group(app: &TestApp, officer: &str) -> (i64, i64) {
    let tax_org = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    app.user("tax@t.test", Role::AgencyOfficer, tax_org, Some(QAZVIN))
        .await;
    let body = post(
        app,
        officer,
        "/api/v1/bodies",
        json!({"kind": "working_group", "name_fa": "کارگروه تسهیل", "members": [[tax_org, "agency"]]}),
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    (body, tax_org)
}

/// A meeting of `body` held on `held_on`, recorded, binding `agency` to act within
/// `working_days`; the resolution's deadline.
async fn resolution(
    app: &TestApp,
    officer: &str,
    body: i64,
    agency: i64,
    held_on: NaiveDate,
    working_days: u32,
) -> NaiveDate {
    let m = post(
        app,
        officer,
        &format!("/api/v1/bodies/{body}/meetings"),
        json!({"held_on": held_on.to_string()}),
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    post(
        app,
        officer,
        &format!("/api/v1/meetings/{m}/record"),
        json!({"minutes": "برگزار شد"}),
        204,
    )
    .await;
    let r = post(
        app,
        officer,
        &format!("/api/v1/meetings/{m}/resolutions"),
        json!({"agency_org_id": agency, "action": "بخشودگی جریمه", "working_days": working_days.to_string(), "proof": "نامه"}),
        201,
    )
    .await;
    day(&r["deadline"])
}

#[tokio::test]
async fn an_agency_sees_its_overdue_resolution_first_with_a_link_to_its_resolutions() {
    let app = TestApp::spawn().await;
    app.world().await;
    let officer = app.token("qazvin@t.test").await;
    let (body, tax) = working_group(&app, &officer).await;
    let later = resolution(&app, &officer, body, tax, today(), 60).await;
    let late = resolution(&app, &officer, body, tax, today() - Duration::days(60), 5).await;
    assert!(late < today() && later > today() + Duration::days(30));

    let c = app.login("tax@t.test").await;
    let got = items(&home(&c, &app, "fa").await);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].urgency, "overdue");
    assert_eq!(got[0].href, "/resolutions");
    // The count in Persian digits, the deadline in the Solar Hijri calendar.
    assert!(got[0].text.contains('۱'), "{}", got[0].text);
    assert!(
        got[0].text.contains(&format_date(late, Lang::Fa)),
        "{}",
        got[0].text
    );
    assert_eq!(got[1].urgency, "to-do");
    assert!(got[1].text.contains(&format_date(later, Lang::Fa)));

    let got = items(&home(&c, &app, "en").await);
    assert_eq!(
        got[0].text,
        format!(
            "1 resolution is past its deadline of {}.",
            format_date(late, Lang::En)
        )
    );
    let listed = c.get(app.url(&got[0].href)).send().await.unwrap();
    assert_eq!(listed.status(), 200);
}

#[tokio::test]
async fn a_unit_sees_its_case_that_needs_information_and_its_cases_in_hand() {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let asked = post(&app, &unit, "/api/v1/cases", case(), 201).await["id"]
        .as_i64()
        .unwrap();
    post(&app, &unit, "/api/v1/cases", case(), 201).await;
    post(
        &app,
        &officer,
        &format!("/api/v1/cases/{asked}/triage"),
        json!({"action": "request_info", "note": "اظهارنامه را بفرستید."}),
        204,
    )
    .await;

    let c = app.login("unit@t.test").await;
    let got = items(&home(&c, &app, "en").await);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].href, format!("/cases/{asked}"));
    assert_eq!(got[0].urgency, "due-soon");
    assert_eq!(got[0].text, "1 of your cases needs information from you.");
    assert_eq!(got[1].href, "/cases");
    assert_eq!(got[1].text, "1 of your cases is being handled.");
    let page = c.get(app.url(&got[0].href)).send().await.unwrap();
    assert_eq!(page.status(), 200);
}

#[tokio::test]
async fn the_committee_sees_its_triage_queue_and_next_meeting_and_another_province_nothing() {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    for _ in 0..2 {
        post(&app, &unit, "/api/v1/cases", case(), 201).await;
    }
    let (body, tax) = working_group(&app, &officer).await;
    let late = resolution(&app, &officer, body, tax, today() - Duration::days(60), 5).await;
    let schedule = |on: NaiveDate| {
        let (app, officer) = (&app, &officer);
        async move {
            post(
                app,
                officer,
                &format!("/api/v1/bodies/{body}/meetings"),
                json!({"held_on": on.to_string()}),
                201,
            )
            .await["id"]
                .as_i64()
                .unwrap()
        }
    };
    schedule(today() + Duration::days(30)).await;
    let next_on = today() + Duration::days(3);
    let next = schedule(next_on).await;

    let c = app.login("qazvin@t.test").await;
    let got = items(&home(&c, &app, "en").await);
    let texts: Vec<_> = got.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            format!(
                "1 resolution of the province is past its deadline of {}.",
                format_date(late, Lang::En)
            ),
            format!("Next meeting: {}.", format_date(next_on, Lang::En)),
            "2 cases wait for the technical committee's triage.".to_string(),
        ]
    );
    assert_eq!(got[1].href, format!("/meetings/{next}"));
    assert_eq!(got[1].urgency, "due-soon");
    assert_eq!(got[2].href, "/cases?status=reported&level=province");
    let queue = c.get(app.url(&got[2].href)).send().await.unwrap();
    assert_eq!(queue.status(), 200);
    // The count in Persian digits for a Persian reader.
    let fa = items(&home(&c, &app, "fa").await);
    assert!(fa[2].text.starts_with('۲'), "{}", fa[2].text);

    // Alborz's committee, Qazvin's inspector and the national level see none of it.
    for who in ["alborz@t.test", "inspector@t.test", "admin@t.test"] {
        let html = home(&app.login(who).await, &app, "en").await;
        assert!(items(&html).is_empty(), "{who}: {:?}", items(&html));
        assert!(html.contains("Nothing is waiting for you."), "{who}");
    }
    let al_office = app.org(OrganisationKind::Agency, Some(ALBORZ)).await;
    app.user(
        "al-agency@t.test",
        Role::AgencyOfficer,
        al_office,
        Some(ALBORZ),
    )
    .await;
    let html = home(&app.login("al-agency@t.test").await, &app, "en").await;
    assert!(items(&html).is_empty());
}

#[tokio::test]
async fn visitors_get_the_public_home() {
    let app = TestApp::spawn().await;
    let res = app
        .browser()
        .get(app.url("/?lang=en"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("href=\"/login\""));
    assert!(html.contains(&format!("href=\"/provinces/{QAZVIN}\"")));
    assert!(!html.contains("id=\"waiting\"") && !html.contains("nothing-waiting"));
}

#[test]
fn every_waiting_message_exists_in_every_language() {
    let i18n = I18n::get();
    let keys: Vec<_> = tashil::app::waiting_keys().collect();
    assert!(keys.len() > 10, "{keys:?}");
    for lang in Lang::ALL {
        let missing: Vec<_> = keys.iter().filter(|k| !i18n.has(lang, k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}
