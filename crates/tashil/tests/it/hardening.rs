//! Holes found by probing as an attacker would (issue 13), each closed through the HTTP
//! surface: a province naming organisations it has no say over, extreme pages and dates,
//! wrong input answered 500, unchecked free text, and a national ID that leaks another
//! province's register.

use reqwest::Client;
use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp, ir_id, unit_draft};
use tashil::access::OrganisationKind;

async fn send(app: &TestApp, token: &str, path: &str, body: Value) -> (u16, Value) {
    let r = Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn first_error(v: &Value) -> (String, String) {
    let e = &v["errors"][0];
    (
        e["field"].as_str().unwrap_or_default().to_string(),
        e["code"].as_str().unwrap_or_default().to_string(),
    )
}

fn case_body() -> Value {
    json!({"category": "bank_financing", "title": "تسهیلات سرمایه در گردش",
           "description": "بانک عامل تسهیلات مصوب را پرداخت نمی‌کند."})
}

#[tokio::test]
async fn a_province_binds_seats_and_records_only_its_own_agencies() {
    let app = TestApp::spawn().await;
    app.world().await;
    let officer = app.token("qazvin@t.test").await;
    let unit = app.token("unit@t.test").await;
    let tax = app.actor("agency@t.test").await.organisation_id();
    let bank = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    let alborz_tax = app.org(OrganisationKind::Agency, Some(ALBORZ)).await;
    let ninh_binh_bank = app.org(OrganisationKind::Agency, Some("VN-37")).await;
    let national_body = app.org(OrganisationKind::NationalBody, None).await;
    let unit_org = app.actor("unit@t.test").await.organisation_id();
    let strangers = [
        alborz_tax,
        ninh_binh_bank,
        national_body,
        unit_org,
        987_654_321,
    ];

    // Routing a case binds an agency: only one of the case's province.
    let (s, case) = send(&app, &unit, "/api/v1/cases", case_body()).await;
    assert_eq!(s, 201, "{case}");
    let case = case["id"].as_i64().unwrap();
    let triage = format!("/api/v1/cases/{case}/triage");
    let route = |org: i64| {
        json!({"action": "route", "resolution": {"agency_org_id": org,
            "action": "پرداخت تسهیلات", "working_days": "10", "proof": "نامهٔ بانک"}})
    };
    for org in strangers {
        let (s, v) = send(&app, &officer, &triage, route(org)).await;
        assert_eq!(s, 422, "org {org}: {v}");
        assert_eq!(
            first_error(&v),
            ("agency_org_id".into(), "organisation_not_allowed".into())
        );
    }
    let (s, v) = send(&app, &officer, &triage, route(tax)).await;
    assert_eq!(s, 204, "{v}");

    // Founding or seating: the same rule.
    let (s, v) = send(
        &app,
        &officer,
        "/api/v1/bodies",
        json!({"kind": "working_group",
        "name_fa": "کارگروه", "members": [[tax, "agency"], [bank, "agency"]]}),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let body = v["id"].as_i64().unwrap();
    for org in strangers {
        let s = Client::new()
            .put(app.url(&format!("/api/v1/bodies/{body}/members/{org}")))
            .bearer_auth(&officer)
            .json(&json!({"seat": "agency"}))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        assert_eq!(s, 422, "seating {org}");
    }

    let (s, v) = send(
        &app,
        &officer,
        &format!("/api/v1/bodies/{body}/meetings"),
        json!({"held_on": "2026-12-20"}),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let meeting = v["id"].as_i64().unwrap();
    let record = format!("/api/v1/meetings/{meeting}/record");
    let minutes = "کارگروه تشکیل شد.";
    // Attendance names members only, each once; an unknown id is a field error, not a 500.
    for (present, absent, field, code) in [
        (vec![alborz_tax], vec![], "present", "not_a_member"),
        (vec![987_654_321], vec![], "present", "not_a_member"),
        (vec![tax, tax], vec![], "present", "duplicate_entry"),
        (vec![tax], vec![tax], "absent", "duplicate_entry"),
        (vec![tax], vec![unit_org], "absent", "not_a_member"),
    ] {
        let (s, v) = send(
            &app,
            &officer,
            &record,
            json!({"present": present, "absent": absent, "minutes": minutes}),
        )
        .await;
        assert_eq!(s, 422, "{present:?} {absent:?}: {v}");
        assert_eq!(first_error(&v), (field.into(), code.into()));
    }
    let (s, v) = send(
        &app,
        &officer,
        &record,
        json!({"present": [tax], "absent": [bank], "minutes": minutes}),
    )
    .await;
    assert_eq!(s, 204, "{v}");
    let (s, v) = send(
        &app,
        &officer,
        &record,
        json!({"present": [tax], "absent": [bank], "minutes": minutes}),
    )
    .await;
    assert_eq!(s, 409, "a meeting is recorded once: {v}");

    // A resolution of the meeting binds only the province's agencies.
    let resolutions = format!("/api/v1/meetings/{meeting}/resolutions");
    let resolution = |org: i64| {
        json!({"agency_org_id": org, "action": "بررسی پرونده‌های مالیاتی",
               "working_days": "5", "proof": "صورت‌جلسه"})
    };
    for org in strangers {
        let (s, v) = send(&app, &officer, &resolutions, resolution(org)).await;
        assert_eq!(s, 422, "org {org}: {v}");
    }
    let (s, v) = send(&app, &officer, &resolutions, resolution(bank)).await;
    assert_eq!(s, 201, "{v}");

    // None of the strangers became responsible on the province's public page.
    let public: Value = Client::new()
        .get(app.url(&format!("/api/v1/provinces/{QAZVIN}/facilitation")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let text = public.to_string();
    for org in [alborz_tax, ninh_binh_bank, national_body, unit_org] {
        assert!(
            !text.contains(&format!("\"agency_org_id\":{org}")),
            "{org} listed: {text}"
        );
    }
}

#[tokio::test]
async fn extreme_pages_and_far_dates_are_answered_not_crashed() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let browser = app.login("qazvin@t.test").await;
    let pages = [
        "0",
        "1",
        "9223372036854775807",
        "18446744073709551615",
        "200000000000000000",
    ];
    for page in pages {
        for (token, path) in [
            (&officer, "/api/v1/cases"),
            (&officer, "/api/v1/regulations"),
            (&officer, "/api/v1/units"),
            (&officer, "/api/v1/standards"),
            (&officer, "/api/v1/provinces/IR-26/mandatory"),
            (&admin, "/api/v1/cases"),
            (&admin, "/api/v1/provinces/IR-26/regulations"),
        ] {
            let (s, v) = app.get_json(token, &format!("{path}?page={page}")).await;
            assert_eq!(s, 200, "{path}?page={page}: {v}");
        }
        for path in [
            "/units",
            "/provinces/IR-26/mandatory",
            "/provinces/IR-26/regulations",
            "/cases",
            "/regulations",
            "/standards",
        ] {
            let r = browser
                .get(app.url(&format!("{path}?page={page}")))
                .send()
                .await
                .unwrap_or_else(|e| panic!("{path}?page={page}: {e}"));
            assert!(
                r.status().as_u16() < 500,
                "{path}?page={page}: {}",
                r.status()
            );
        }
    }

    // Meetings dated outside the calendars' span are refused by field; one near its end may
    // not push a deadline past it.
    let (s, v) = send(
        &app,
        &officer,
        "/api/v1/bodies",
        json!({"kind": "working_group", "name_fa": "کارگروه", "members": []}),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let body = v["id"].as_i64().unwrap();
    let meetings = format!("/api/v1/bodies/{body}/meetings");
    for date in ["+262142-12-31", "0000-01-01", "-0001-12-31", "2125-01-01"] {
        let (s, v) = send(&app, &officer, &meetings, json!({"held_on": date})).await;
        assert!(s == 422 || s == 400, "{date}: {s} {v}");
        if s == 422 {
            assert_eq!(
                first_error(&v),
                ("held_on".into(), "date_out_of_range".into())
            );
        }
    }
    let tax = app.actor("agency@t.test").await.organisation_id();
    Client::new()
        .put(app.url(&format!("/api/v1/bodies/{body}/members/{tax}")))
        .bearer_auth(&officer)
        .json(&json!({"seat": "agency"}))
        .send()
        .await
        .unwrap();
    let (s, v) = send(&app, &officer, &meetings, json!({"held_on": "2124-12-30"})).await;
    assert_eq!(s, 201, "{v}");
    let late = v["id"].as_i64().unwrap();
    let (s, _) = send(
        &app,
        &officer,
        &format!("/api/v1/meetings/{late}/record"),
        json!({"present": [tax], "minutes": "برگزار شد"}),
    )
    .await;
    assert_eq!(s, 204);
    let (s, v) = send(
        &app,
        &officer,
        &format!("/api/v1/meetings/{late}/resolutions"),
        json!({"agency_org_id": tax, "action": "اقدام", "working_days": "365", "proof": "نامه"}),
    )
    .await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(
        first_error(&v),
        ("working_days".into(), "out_of_range".into())
    );
}

#[tokio::test]
async fn free_text_loses_its_bidi_controls_and_is_capped_by_field() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let (s, v) = send(
        &app,
        &admin,
        "/api/v1/standards",
        crate::standards::cement(),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    let deadline = (chrono::Utc::now().date_naive() + chrono::Duration::days(14)).to_string();
    let (s, _) = send(
        &app,
        &admin,
        &format!("/api/v1/standards/{id}/transition"),
        json!({"to": "enquiry", "enquiry_deadline": deadline}),
    )
    .await;
    assert_eq!(s, 204);
    let comments = format!("/api/v1/standards/{id}/comments");

    let huge = format!("{}\u{202E}", "۵".repeat(200_080));
    let (s, v) = send(
        &app,
        &unit,
        &comments,
        json!({"clause": huge, "body": "نظر"}),
    )
    .await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(first_error(&v), ("clause".into(), "too_long".into()));
    let (s, v) = send(&app, &unit, &comments,
        json!({"clause": "\u{202E}۵.۱\u{202C}", "body": "\u{202E}حد سخت است", "proposal": "x".repeat(10_001)})).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(first_error(&v), ("proposal".into(), "too_long".into()));
    let (s, v) = send(
        &app,
        &unit,
        &comments,
        json!({"clause": "\u{202E}۵.۱\u{202C}", "body": "\u{202E}حد سخت است"}),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let (_, listed) = app.get_json(&unit, &comments).await;
    let text = listed.to_string();
    assert!(text.contains("\"5.1\""), "{text}");
    assert!(!text.contains('\u{202E}'), "{text}");

    // The desk's free text: notes, reasons, names, minutes.
    let (s, case) = send(&app, &unit, "/api/v1/cases", case_body()).await;
    assert_eq!(s, 201);
    let triage = format!("/api/v1/cases/{}/triage", case["id"]);
    let long = "ب".repeat(5_001);
    for body in [
        json!({"action": "request_info", "note": long}),
        json!({"action": "close", "reason": long, "solved": false}),
        json!({"action": "escalate", "note": long}),
    ] {
        let (s, v) = send(&app, &officer, &triage, body.clone()).await;
        assert_eq!(s, 422, "{body}: {v}");
        assert_eq!(first_error(&v).1, "too_long");
    }
    let (s, v) = send(
        &app,
        &officer,
        "/api/v1/bodies",
        json!({"kind": "working_group", "name_fa": "ک".repeat(201), "members": []}),
    )
    .await;
    assert_eq!(
        (s, first_error(&v)),
        (422, ("name_fa".into(), "too_long".into()))
    );
}

#[tokio::test]
async fn only_who_may_see_a_unit_learns_that_its_national_id_is_taken() {
    let app = TestApp::spawn().await;
    app.world().await;
    let officer = app.token("qazvin@t.test").await;
    let admin = app.token("admin@t.test").await;
    let alborz_id = ir_id(1010000002);
    let qazvin_id = ir_id(1010000001);

    let draft = |id: &str| serde_json::to_value(unit_draft(id, "واحد تازه", QAZVIN)).unwrap();
    let (s, v) = send(&app, &officer, "/api/v1/units", draft(&alborz_id)).await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(
        first_error(&v),
        ("national_id".into(), "national_id_unavailable".into())
    );
    assert!(!v.to_string().contains(ALBORZ), "{v}");

    let (s, v) = send(&app, &officer, "/api/v1/units", draft(&qazvin_id)).await;
    assert_eq!(s, 422);
    assert_eq!(
        first_error(&v),
        ("national_id".into(), "duplicate_national_id".into())
    );

    let (s, v) = send(&app, &admin, "/api/v1/units", draft(&alborz_id)).await;
    assert_eq!(s, 422);
    assert_eq!(
        first_error(&v),
        ("national_id".into(), "duplicate_national_id".into())
    );
    let detail = v["errors"][0]["detail"].as_str().unwrap_or_default();
    assert!(detail.starts_with(ALBORZ), "the nation sees where: {v}");

    // The import says the same by row.
    let csv = format!(
        "national_id,name_fa,province,city,isic_class,size_class\n{alborz_id},واحد,{QAZVIN},قزوین,1050,small\n"
    );
    let actor = app.actor("qazvin@t.test").await;
    let report = tashil::registry::import_units(
        &app.db,
        tashil::registry::Importer::User(&actor),
        "units.csv",
        csv.as_bytes(),
        &Default::default(),
        &tashil::kernel::import::NoProgress,
    )
    .await
    .expect("import");
    let codes: Vec<_> = report.errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["national_id_unavailable"], "{:?}", report.errors);
}
