//! Complaints and clinics (issue 21, items 7 and 6): anyone files a complaint (no login) and
//! follows it by its code; the province's office reads and moves it without ever seeing who
//! complained; another province's reads as absent; one address files a few an hour, counted
//! on every node; a clinic session is never overbooked; attended sessions lower the score.

use serde_json::{Value, json};
use tashil::web::client_addr::TrustedProxies;

use tashil::web::AppState;

use crate::helpers::{ALBORZ, QAZVIN, TestApp, World, extract_csrf, fixed};

/// Noon in Tehran on 16 Azar 1405.
const NOW: &str = "2026-12-07T08:30:00Z";

/// A node behind the operator's proxy on 127.0.0.1, the clock at [`NOW`].
fn behind_proxy(s: AppState) -> AppState {
    s.with_clock(fixed(NOW))
        .with_trusted_proxies(TrustedProxies::parse(&["127.0.0.1"]).unwrap())
}

/// What every test starts from: the app [`behind_proxy`], its world, an anonymous browser.
async fn set_up() -> (TestApp, World, reqwest::Client) {
    let app = TestApp::spawn_with(behind_proxy).await;
    let w = app.world().await;
    let anon = app.browser();
    (app, w, anon)
}

/// Files `body` through the API from client address `from` as `c`: the status and body.
async fn file_from(c: &reqwest::Client, base: &str, from: &str, body: Value) -> (u16, String) {
    anon_post(c, base, "/api/v1/complaints", from, body).await
}

/// Follows complaint `code` through the API from client address `from` as `c`.
async fn track_from(c: &reqwest::Client, base: &str, from: &str, code: &str) -> (u16, String) {
    anon_post(
        c,
        base,
        "/api/v1/complaints/track",
        from,
        json!({"code": code}),
    )
    .await
}

/// The risk score's line of `factor` in explanation `e`.
fn line(e: &Value, factor: &str) -> Value {
    e["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["factor"] == factor)
        .unwrap()
        .clone()
}

/// Unit `unit`'s risk explanation as `token` reads it, once every score is recomputed at `at`.
async fn risk_at(app: &TestApp, token: &str, unit: i64, at: &str) -> Value {
    tashil::supervision::recompute(&app.db, None, at.parse().unwrap())
        .await
        .unwrap();
    app.get_json(token, &format!("/api/v1/supervision/risk/{unit}"))
        .await
        .1
}

/// Clinic session `id` as `token` lists it.
async fn session(app: &TestApp, token: &str, id: i64) -> Value {
    let (_, sessions) = app.get_json(token, "/api/v1/supervision/clinics").await;
    sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
        .clone()
}

/// An anonymous browser's JSON POST to `base`'s `path` from client address `from`, with the
/// CSRF token a page gave it: the status and the raw body.
async fn anon_post(
    c: &reqwest::Client,
    base: &str,
    path: &str,
    from: &str,
    body: Value,
) -> (u16, String) {
    let html = c
        .get(format!("{base}/complaints/track"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = extract_csrf(&html).expect("csrf");
    let r = c
        .post(format!("{base}{path}"))
        .header("x-csrf-token", csrf)
        .header("x-forwarded-for", from)
        .json(&body)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

fn complaint(province: &str, unit_id: Option<i64>) -> Value {
    json!({"unit_id": unit_id, "product": "شیر پاستوریزه", "brand": "کاله",
        "bought_at": "فروشگاه محله", "account": "بوی ترشیدگی داشت", "province": province,
        "contact_name": "Zahra Secretname", "contact_email": "zahra.secret@example.test",
        "contact_phone": "09121234567"})
}

#[tokio::test]
async fn an_anonymous_complaint_is_followed_by_its_code_and_never_shows_who_filed_it() {
    let (app, w, anon) = set_up().await;
    let (st, body) = file_from(
        &anon,
        &app.base,
        "203.0.113.7",
        complaint("", Some(w.alborz_unit)),
    )
    .await;
    assert_eq!(st, 201, "{body}");
    let filed: Value = serde_json::from_str(&body).unwrap();
    let code = filed["code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 12);
    assert_eq!(filed["state"], "received");

    // Followed by its code (typed in lower case with a dash), a wrong code is not found.
    let typed = format!("{}-{}", &code[..6], &code[6..]).to_lowercase();
    let (st, body) = track_from(&anon, &app.base, "203.0.113.7", &typed).await;
    assert_eq!(st, 200, "{body}");
    let t: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(t["state"], "received");
    let wrong = if code.starts_with('A') { "B" } else { "A" }.to_owned() + &code[1..];
    let (st, _) = track_from(&anon, &app.base, "203.0.113.7", &wrong).await;
    assert_eq!(st, 404);
    // The page form: POST, the code never in the address.
    let (st, html) = app
        .submit(
            &anon,
            "/complaints/track",
            "/complaints/track",
            &[("code", &code)],
        )
        .await;
    assert_eq!(st, 200);
    assert!(html.contains("id=\"complaint-state\""), "{html}");

    // Alborz's officer reads it (list, detail, page) with no trace of the complainant.
    let alborz = app.token("alborz@t.test").await;
    let (st, list) = app
        .get_json(&alborz, "/api/v1/supervision/complaints")
        .await;
    assert_eq!(st, 200);
    let id = list[0]["id"].as_i64().expect("one complaint");
    let raw_list = list.to_string();
    let (st, detail) = app
        .get_json(&alborz, &format!("/api/v1/supervision/complaints/{id}"))
        .await;
    assert_eq!(st, 200);
    assert_eq!(detail["replies_by_mail"], true);
    let browser = app.login("alborz@t.test").await;
    let (_, list_page) = app.page(&browser, "/supervision/complaints").await;
    let (st, detail_page) = app
        .page(&browser, &format!("/supervision/complaints/{id}"))
        .await;
    assert_eq!(st, 200);
    assert!(detail_page.contains("بوی ترشیدگی"));
    for raw in [&raw_list, &detail.to_string(), &list_page, &detail_page] {
        for secret in ["Secretname", "zahra.secret", "09121234567", "203.0.113.7"] {
            assert!(!raw.contains(secret), "{secret} shown: {raw}");
        }
    }

    // Qazvin's officer and inspector: not found; a unit's user: forbidden.
    for who in ["qazvin@t.test", "inspector@t.test"] {
        let t = app.token(who).await;
        let (st, _) = app
            .get_json(&t, &format!("/api/v1/supervision/complaints/{id}"))
            .await;
        assert_eq!(st, 404, "{who}");
        let (_, l) = app.get_json(&t, "/api/v1/supervision/complaints").await;
        assert_eq!(l, json!([]), "{who}");
        let r = reqwest::Client::new()
            .post(app.url(&format!("/api/v1/supervision/complaints/{id}/state")))
            .bearer_auth(&t)
            .json(&json!({"version": 1, "state": "under_review"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 404, "{who}");
    }
    let unit = app.token("unit@t.test").await;
    let (st, _) = app.get_json(&unit, "/api/v1/supervision/complaints").await;
    assert_eq!(st, 403);

    // The office moves it with a public reply and an internal note, audited and mailed; a
    // stale version is a conflict; the complainant reads the reply, not the note.
    let moved = app
        .post_json(
            &alborz,
            &format!("/api/v1/supervision/complaints/{id}/state"),
            json!({"version": 1, "state": "acted", "public_reply": "نمونه برداشته شد",
                "internal_note": "بازرس فلانی"}),
            200,
        )
        .await;
    assert_eq!(moved["state"], "acted");
    app.post_json(
        &alborz,
        &format!("/api/v1/supervision/complaints/{id}/state"),
        json!({"version": 1, "state": "closed"}),
        409,
    )
    .await;
    let back = app
        .post_json(
            &alborz,
            &format!("/api/v1/supervision/complaints/{id}/state"),
            json!({"version": 2, "state": "received"}),
            422,
        )
        .await;
    assert_eq!(back["errors"][0]["field"], "state");
    let (_, body) = track_from(&anon, &app.base, "203.0.113.7", &code).await;
    assert!(
        body.contains("نمونه برداشته شد") && !body.contains("بازرس فلانی"),
        "{body}"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'complaint.advance'")
            .await,
        1
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) AS n FROM mail_outbox WHERE kind = 'complaint_update' \
            AND recipient = 'zahra.secret@example.test'"
        )
        .await,
        1
    );
    // Neither the address nor its hash in the clear: only a keyed hash counts the calls.
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM login_attempts WHERE subject LIKE '%203.0.113.7%'")
            .await,
        0
    );
}

#[tokio::test]
async fn one_address_files_five_an_hour_on_all_nodes_and_another_is_accepted() {
    let (app, _, c) = set_up().await;
    let second = app.second_node_with(behind_proxy).await;
    for i in 0..5 {
        let base = if i % 2 == 0 { &app.base } else { &second.base };
        let (st, body) = file_from(&c, base, "198.51.100.4", complaint(QAZVIN, None)).await;
        assert_eq!(st, 201, "complaint {i}: {body}");
    }
    let (st, body) = file_from(&c, &second.base, "198.51.100.4", complaint(QAZVIN, None)).await;
    assert_eq!(st, 429, "{body}");
    assert!(body.contains("too_many_requests"), "{body}");
    let (st, _) = file_from(&c, &app.base, "198.51.100.5", complaint(QAZVIN, None)).await;
    assert_eq!(st, 201);
    // An invalid complaint names its fields and counts nothing.
    let (st, body) = file_from(
        &c,
        &app.base,
        "198.51.100.6",
        json!({"province": "IR-99", "contact_email": "nope"}),
    )
    .await;
    assert_eq!(st, 422);
    assert!(
        body.contains("account") && body.contains("invalid_email"),
        "{body}"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM supervision_complaints")
            .await,
        6
    );
}

#[tokio::test]
async fn the_public_form_files_with_a_photo_and_shows_the_code_once() {
    let (app, w, c) = set_up().await;
    let (st, html) = app
        .page(&c, "/complaints/new?q=%D9%84%D8%A8%D9%86%DB%8C%D8%A7%D8%AA")
        .await;
    assert_eq!(st, 200);
    assert!(
        html.contains(&format!("/complaints/new?unit={}", w.qazvin_unit)),
        "{html}"
    );
    let page = format!("/complaints/new?unit={}", w.qazvin_unit);
    let csrf = app.csrf_of(&c, &page).await;
    let mut png = b"\x89PNG\r\n\x1A\n".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    let form = reqwest::multipart::Form::new()
        .text("unit_id", w.qazvin_unit.to_string())
        .text("product", "ماست")
        .text("account", "تاریخ انقضا پاک شده بود")
        .part(
            "file",
            reqwest::multipart::Part::bytes(png).file_name("photo.png"),
        );
    let r = c
        .post(app.url(&format!("/complaints/new?_csrf={csrf}")))
        .header("x-forwarded-for", "192.0.2.55")
        .multipart(form)
        .send()
        .await
        .unwrap();
    let st = r.status().as_u16();
    let html = r.text().await.unwrap();
    assert_eq!(st, 201, "{html}");
    assert!(html.contains("id=\"follow-up-code\""));
    // Routed to the unit's province with its photo.
    let qazvin = app.token("qazvin@t.test").await;
    let (_, list) = app
        .get_json(&qazvin, "/api/v1/supervision/complaints")
        .await;
    assert_eq!(list[0]["province"], QAZVIN);
    assert_eq!(list[0]["unit_id"], w.qazvin_unit);
    let id = list[0]["id"].as_i64().unwrap();
    let (_, d) = app
        .get_json(&qazvin, &format!("/api/v1/supervision/complaints/{id}"))
        .await;
    assert_eq!(d["photos"].as_array().unwrap().len(), 1);
    assert_eq!(d["replies_by_mail"], false);
    let alborz = app.token("alborz@t.test").await;
    let (st, _) = app
        .get_json(&alborz, &format!("/api/v1/supervision/complaints/{id}"))
        .await;
    assert_eq!(st, 404);
    // Missing fields are named next to them.
    let r = c
        .post(app.url(&format!("/complaints/new?_csrf={csrf}")))
        .multipart(reqwest::multipart::Form::new().text("product", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"account-err\"") && html.contains("id=\"province-err\""));
    let _ = ALBORZ;
}

async fn post_on(base: &str, token: &str, path: &str, body: Value) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(format!("{base}{path}"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let st = r.status().as_u16();
    (st, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_clinic_is_never_overbooked_and_attendance_lowers_the_risk_score() {
    let (app, w, _) = set_up().await;
    let qazvin = app.token("qazvin@t.test").await;
    let unit = app.token("unit@t.test").await;
    let slot = app
        .post_json(
            &qazvin,
            "/api/v1/supervision/clinics",
            json!({"starts_at": "2026-12-10T06:00:00Z", "minutes": 90, "topic": "HACCP",
                "expert_name": "دکتر رضایی", "capacity": 1}),
            201,
        )
        .await;
    assert_eq!(slot["province"], QAZVIN);
    let sid = slot["id"].as_i64().unwrap();
    // An Alborz session is out of the Qazvin unit's reach.
    let alborz = app.token("alborz@t.test").await;
    let other = app
        .post_json(
            &alborz,
            "/api/v1/supervision/clinics",
            json!({"starts_at": "2026-12-10T06:00:00Z", "minutes": 60, "topic": "GMP",
                "expert_name": "x", "capacity": 5}),
            201,
        )
        .await;
    let (st, _) = post_on(
        &app.base,
        &unit,
        &format!("/api/v1/supervision/clinics/{}/book", other["id"]),
        json!({}),
    )
    .await;
    assert_eq!(st, 404);

    // Two units race for the one seat on two nodes: one gets it.
    let admin = app.actor("admin@t.test").await;
    let second_unit = tashil::registry::create(
        &app.db,
        &admin,
        &crate::helpers::unit_draft(&crate::helpers::ir_id(1010000005), "کارگاه دوم", QAZVIN),
    )
    .await
    .unwrap();
    let org2 = app
        .org(
            tashil::access::OrganisationKind::ProductionUnit,
            Some(QAZVIN),
        )
        .await;
    tashil::registry::attach_organisation(&app.db, second_unit, org2)
        .await
        .unwrap();
    app.user(
        "unit2@t.test",
        tashil::access::Role::UnitUser,
        org2,
        Some(QAZVIN),
    )
    .await;
    let unit2 = app.token("unit2@t.test").await;
    let node = app.second_node_with(|s| s.with_clock(fixed(NOW))).await;
    let path = format!("/api/v1/supervision/clinics/{sid}/book");
    let (a, b) = tokio::join!(
        post_on(&app.base, &unit, &path, json!({})),
        post_on(&node.base, &unit2, &path, json!({}))
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [200, 422], "{a:?} {b:?}");
    let refused = if a.0 == 422 { &a.1 } else { &b.1 };
    let first_lost = a.0 != 200;
    assert_eq!(refused["errors"][0]["code"], "slot_full");
    let s = session(&app, &qazvin, sid).await;
    assert_eq!(s["booked"], 1);
    assert_eq!(s["bookings"].as_array().unwrap().len(), 1);
    // The first unit holds the seat (if it lost the race, the winner cancels and it books).
    let (winner, loser) = if a.0 == 200 {
        (&unit, &unit2)
    } else {
        (&unit2, &unit)
    };
    if a.0 != 200 {
        let bid = s["bookings"][0]["id"].as_i64().unwrap();
        post_on(
            &app.base,
            winner,
            &format!("/api/v1/supervision/clinics/bookings/{bid}/cancel"),
            json!({}),
        )
        .await;
        let (st, _) = post_on(&app.base, loser, &path, json!({})).await;
        assert_eq!(st, 200);
    }
    let (st, again) = post_on(&app.base, &unit, &path, json!({})).await;
    assert_eq!(st, 422);
    assert_eq!(again["errors"][0]["code"], "duplicate_entry");

    // Before any attendance the clinics factor reads 0; after, the score drops by the weight.
    let before = risk_at(&app, &qazvin, w.qazvin_unit, NOW).await;
    assert_ne!(line(&before, "clinics")["no_data"], true, "{before}");
    let s = session(&app, &qazvin, sid).await;
    // The seat held now (a booking cancelled after the race stays listed).
    let bid = s["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["state"] != "cancelled")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    // Not before the session; after it, on a node whose clock is past it.
    let out = format!("/api/v1/supervision/clinics/bookings/{bid}/outcome");
    let (st, _) = post_on(
        &app.base,
        &qazvin,
        &out,
        json!({"version": 1, "state": "attended"}),
    )
    .await;
    assert_eq!(st, 422);
    let later = app.node_at("2026-12-10T09:00:00Z").await;
    let (st, body) = post_on(
        &later.base,
        &qazvin,
        &out,
        json!({"version": 1, "state": "attended", "advice": "ثبت دما در هر شیفت"}),
    )
    .await;
    assert_eq!(st, 200, "{body}");
    let after = risk_at(&app, &qazvin, w.qazvin_unit, NOW).await;
    assert_eq!(line(&after, "clinics")["value"], 1.0, "{after}");
    let (b, a) = (
        before["total"].as_f64().unwrap(),
        after["total"].as_f64().unwrap(),
    );
    assert!((b - a - 2.0).abs() < 1e-9, "{b} → {a}");
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'clinic.%'")
            .await,
        // offer, book, outcome and the refused booking's nothing; a lost race adds the
        // winner's cancel and the second booking
        if first_lost { 6 } else { 4 }
    );
}

#[tokio::test]
async fn complaints_of_the_last_year_raise_the_score_unless_closed_as_unfounded() {
    let (app, w, c) = set_up().await;
    for from in ["192.0.2.1", "192.0.2.2"] {
        let (st, _) = file_from(&c, &app.base, from, complaint("", Some(w.qazvin_unit))).await;
        assert_eq!(st, 201);
    }
    let qazvin = app.token("qazvin@t.test").await;
    let value = |e: &Value| line(e, "complaints")["value"].as_f64().unwrap();
    let e = risk_at(&app, &qazvin, w.qazvin_unit, NOW).await;
    assert_eq!(value(&e), 2.0, "{e}");
    let (_, list) = app
        .get_json(&qazvin, "/api/v1/supervision/complaints")
        .await;
    let id = list[0]["id"].as_i64().unwrap();
    app.post_json(
        &qazvin,
        &format!("/api/v1/supervision/complaints/{id}/state"),
        json!({"version": 1, "state": "closed", "unfounded": true, "public_reply": "مورد تأیید نشد"}),
        200,
    )
    .await;
    let e = risk_at(&app, &qazvin, w.qazvin_unit, NOW).await;
    assert_eq!(value(&e), 1.0, "{e}");
    // A year later neither counts.
    let e = risk_at(&app, &qazvin, w.qazvin_unit, "2027-12-20T08:30:00Z").await;
    assert_eq!(value(&e), 0.0, "{e}");
}

#[test]
fn every_error_code_and_mail_has_its_messages() {
    for code in tashil::supervision::COMPLAINT_ERROR_CODES {
        let key = format!("err-{}", code.replace('_', "-"));
        for lang in tashil::i18n::Lang::ALL {
            assert!(
                tashil::i18n::I18n::get().has(lang, &key),
                "{key} in {lang:?}"
            );
        }
    }
    for k in tashil::supervision::MAIL_KINDS {
        assert!(tashil::mail::MailKind::has_messages(k.as_str()));
    }
}
