//! The facilitation desk through the API: a case from report to the reporter's confirmation
//! through a working group's resolution, escalation to the national queue, who sees what,
//! and the public figures against the database.

use reqwest::{Client, Response};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp};
use tashil::access::{OrganisationKind, Role};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Response {
    Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request")
}

async fn get(app: &TestApp, token: &str, path: &str) -> Response {
    Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
}

async fn json_of(r: Response) -> Value {
    let status = r.status();
    let text = r.text().await.expect("body");
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("{status}: {text}"))
}

async fn ok(r: Response, expected: u16) -> Value {
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    assert_eq!(status, expected, "{text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn case(category: &str, title: &str) -> Value {
    json!({"category": category, "title": title,
           "description": "بانک عامل تسهیلات سرمایه در گردش مصوب کارگروه را پرداخت نمی‌کند.",
           "amount_at_stake": "۵۰۰۰۰۰۰۰۰۰", "jobs_at_risk": "۴۵"})
}

fn days_ago(n: i64) -> String {
    (chrono::Utc::now().date_naive() - chrono::Duration::days(n)).to_string()
}

struct Desk {
    officer: String,
    unit: String,
    tax: String,
    tax_org: i64,
    bank: String,
    bank_org: i64,
    chamber: String,
    chamber_org: i64,
    admin: String,
}

async fn desk(app: &TestApp) -> Desk {
    app.world().await;
    let bank_org = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    app.user("bank@t.test", Role::AgencyOfficer, bank_org, Some(QAZVIN))
        .await;
    let chamber_org = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    app.user(
        "chamber@t.test",
        Role::AgencyOfficer,
        chamber_org,
        Some(QAZVIN),
    )
    .await;
    let tax = app.token("agency@t.test").await;
    let tax_org = app.actor("agency@t.test").await.organisation_id();
    Desk {
        officer: app.token("qazvin@t.test").await,
        unit: app.token("unit@t.test").await,
        tax,
        tax_org,
        bank: app.token("bank@t.test").await,
        bank_org,
        chamber: app.token("chamber@t.test").await,
        chamber_org,
        admin: app.token("admin@t.test").await,
    }
}

/// A working group of the province with its technical committee's first meeting.
async fn meeting(app: &TestApp, d: &Desk, held_on: &str) -> i64 {
    let body = ok(post(app, &d.officer, "/api/v1/bodies", json!({
        "kind": "working_group", "name_fa": "کارگروه تسهیل و رفع موانع تولید استان قزوین",
        "members": [[d.tax_org, "agency"], [d.bank_org, "agency"], [d.chamber_org, "private"]]
    })).await, 201).await["id"].as_i64().unwrap();
    ok(
        post(
            app,
            &d.officer,
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"held_on": held_on}),
        )
        .await,
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_case_goes_from_report_through_a_resolution_to_the_reporters_confirmation() {
    let app = TestApp::spawn().await;
    let d = desk(&app).await;
    let c = ok(
        post(
            &app,
            &d.unit,
            "/api/v1/cases",
            case("bank_financing", "تأمین سرمایه در گردش"),
        )
        .await,
        201,
    )
    .await;
    let id = c["id"].as_i64().unwrap();
    assert!(c["number"].as_str().unwrap().starts_with("IR-26-14"), "{c}");
    let bad = post(
        &app,
        &d.unit,
        "/api/v1/cases",
        json!({"category": "weather", "title": "", "description": "x"}),
    )
    .await;
    assert_eq!(bad.status(), 422);
    let fields: Vec<String> = json_of(bad).await["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, ["category", "title"]);

    let m = meeting(&app, &d, &chrono::Utc::now().date_naive().to_string()).await;
    ok(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/meetings/{m}/agenda"),
            json!({"case_id": id}),
        )
        .await,
        201,
    )
    .await;
    let v = json_of(get(&app, &d.unit, &format!("/api/v1/cases/{id}")).await).await;
    assert_eq!(v["status"], "on_agenda");
    // The chamber of commerce brings private-sector demands to the agenda; others may not.
    ok(
        post(
            &app,
            &d.chamber,
            &format!("/api/v1/meetings/{m}/agenda"),
            json!({"title": "تأخیر در بازپرداخت مالیات بر ارزش افزوده صادرکنندگان"}),
        )
        .await,
        201,
    )
    .await;
    assert_eq!(
        post(
            &app,
            &d.unit,
            &format!("/api/v1/meetings/{m}/agenda"),
            json!({"title": "x"})
        )
        .await
        .status(),
        403
    );
    assert_eq!(
        post(
            &app,
            &d.chamber,
            &format!("/api/v1/meetings/{m}/agenda"),
            json!({"case_id": id})
        )
        .await
        .status(),
        403
    );

    let resolution = json!({"case_id": id, "agency_org_id": d.tax_org, "action": "تقسیط بدهی مالیاتی واحد در ۱۲ قسط",
                            "working_days": "۱۰", "proof": "نامه اداره کل امور مالیاتی"});
    assert_eq!(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/meetings/{m}/resolutions"),
            resolution.clone()
        )
        .await
        .status(),
        409,
        "the meeting is not held yet"
    );
    ok(post(&app, &d.officer, &format!("/api/v1/meetings/{m}/record"), json!({"present": [d.tax_org, d.chamber_org], "absent": [d.bank_org], "minutes": "کارگروه تشکیل شد."})).await, 204).await;
    let r = ok(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/meetings/{m}/resolutions"),
            resolution,
        )
        .await,
        201,
    )
    .await;
    let rid = r["id"].as_i64().unwrap();
    assert!(r["deadline"].as_str().unwrap() > chrono::Utc::now().date_naive().to_string().as_str());
    assert_eq!(r["overdue"], false);
    assert_eq!(
        json_of(get(&app, &d.unit, &format!("/api/v1/cases/{id}")).await).await["status"],
        "resolving"
    );

    // Each agency sees only what is assigned to it.
    assert_eq!(
        json_of(get(&app, &d.tax, "/api/v1/resolutions").await)
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        json_of(get(&app, &d.bank, "/api/v1/resolutions").await)
            .await
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        post(
            &app,
            &d.bank,
            &format!("/api/v1/resolutions/{rid}/progress"),
            json!({"note": "x", "done": true, "evidence": "y"})
        )
        .await
        .status(),
        404
    );
    assert_eq!(
        get(&app, &d.bank, &format!("/api/v1/cases/{id}"))
            .await
            .status(),
        404
    );
    assert_eq!(
        get(&app, &d.tax, &format!("/api/v1/cases/{id}"))
            .await
            .status(),
        200
    );

    ok(
        post(
            &app,
            &d.tax,
            &format!("/api/v1/resolutions/{rid}/progress"),
            json!({"note": "پرونده در کمیسیون تقسیط است."}),
        )
        .await,
        204,
    )
    .await;
    let r = post(
        &app,
        &d.tax,
        &format!("/api/v1/resolutions/{rid}/progress"),
        json!({"note": "انجام شد", "done": true}),
    )
    .await;
    assert_eq!(r.status(), 422, "closing needs its proof");
    ok(
        post(
            &app,
            &d.tax,
            &format!("/api/v1/resolutions/{rid}/progress"),
            json!({"note": "انجام شد", "done": true, "evidence": "نامه ۱۴۰۵/۲۳۴"}),
        )
        .await,
        204,
    )
    .await;
    assert_eq!(
        json_of(get(&app, &d.unit, &format!("/api/v1/cases/{id}")).await).await["status"],
        "resolved"
    );
    assert_eq!(
        post(
            &app,
            &d.tax,
            &format!("/api/v1/cases/{id}/confirm"),
            json!({})
        )
        .await
        .status(),
        403,
        "only the reporter confirms"
    );
    ok(
        post(
            &app,
            &d.unit,
            &format!("/api/v1/cases/{id}/confirm"),
            json!({}),
        )
        .await,
        204,
    )
    .await;
    let v = json_of(get(&app, &d.unit, &format!("/api/v1/cases/{id}")).await).await;
    assert_eq!(v["status"], "closed");
    assert_eq!(v["solved"], true);
    let kinds: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "reported",
            "put_on_agenda",
            "resolution_assigned",
            "progress",
            "resolution_done",
            "resolved",
            "confirmed"
        ]
    );

    let public: Value = json_of(
        Client::new()
            .get(app.url(&format!("/api/v1/provinces/{QAZVIN}/facilitation")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(public["received"], 1);
    assert_eq!(public["solved_in_province"], 1);
    assert_eq!(public["by_agency"][0]["done"], 1);
    assert!(
        public.to_string().find("سرمایه در گردش").is_none(),
        "no case text on the public page"
    );
    let _ = (d.admin, ALBORZ);
}

#[tokio::test]
async fn another_province_sees_nothing_and_a_unit_only_its_own_cases() {
    let app = TestApp::spawn().await;
    let d = desk(&app).await;
    let other_unit_org = app
        .org(OrganisationKind::ProductionUnit, Some(QAZVIN))
        .await;
    app.user("unit2@t.test", Role::UnitUser, other_unit_org, Some(QAZVIN))
        .await;
    let unit2 = app.token("unit2@t.test").await;
    let id = ok(
        post(
            &app,
            &d.unit,
            "/api/v1/cases",
            case("tax", "جریمه دیرکرد مالیاتی"),
        )
        .await,
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ok(
        post(
            &app,
            &unit2,
            "/api/v1/cases",
            case("power", "قطع برق در ساعات اوج"),
        )
        .await,
        201,
    )
    .await;
    let alborz = app.token("alborz@t.test").await;
    assert_eq!(
        get(&app, &alborz, &format!("/api/v1/cases/{id}"))
            .await
            .status(),
        404
    );
    assert_eq!(
        json_of(get(&app, &alborz, "/api/v1/cases").await)
            .await
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        post(
            &app,
            &alborz,
            &format!("/api/v1/cases/{id}/triage"),
            json!({"action": "escalate", "note": "x"})
        )
        .await
        .status(),
        404
    );
    assert_eq!(
        json_of(get(&app, &d.unit, "/api/v1/cases").await)
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        get(&app, &unit2, &format!("/api/v1/cases/{id}"))
            .await
            .status(),
        404
    );
    assert_eq!(
        json_of(get(&app, &d.officer, "/api/v1/cases").await)
            .await
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let lab = app.token("lab@t.test").await;
    assert_eq!(get(&app, &lab, "/api/v1/cases").await.status(), 403);
}

#[tokio::test]
async fn escalated_cases_go_to_the_national_queue_and_are_counted_apart() {
    let app = TestApp::spawn().await;
    let d = desk(&app).await;
    let id = ok(
        post(
            &app,
            &d.unit,
            "/api/v1/cases",
            case("customs_trade", "ترخیص مواد اولیه وارداتی"),
        )
        .await,
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let officer = d.officer.clone();
    let tri = |body: Value| {
        let app = &app;
        let officer = officer.clone();
        async move { post(app, &officer, &format!("/api/v1/cases/{id}/triage"), body).await }
    };
    ok(
        tri(json!({"action": "request_info", "note": "اظهارنامه گمرکی را بفرستید."})).await,
        204,
    )
    .await;
    assert_eq!(
        json_of(get(&app, &d.unit, &format!("/api/v1/cases/{id}")).await).await["status"],
        "needs_info"
    );
    ok(
        post(
            &app,
            &d.unit,
            &format!("/api/v1/cases/{id}/info"),
            json!({"note": "اظهارنامه شماره ۱۲۳۴۵ پیوست شد."}),
        )
        .await,
        204,
    )
    .await;
    ok(
        tri(json!({"action": "escalate", "note": "نیاز به تصمیم ستاد ملی دارد."})).await,
        204,
    )
    .await;
    assert_eq!(
        tri(json!({"action": "close", "reason": "x", "solved": false}))
            .await
            .status(),
        403,
        "now the nation's"
    );
    let national = json_of(get(&app, &d.admin, "/api/v1/cases?level=national").await).await;
    assert_eq!(national.as_array().unwrap().len(), 1);
    ok(post(&app, &d.admin, &format!("/api/v1/cases/{id}/triage"), json!({"action": "route", "resolution": {
        "agency_org_id": d.tax_org, "action": "صدور مجوز ترخیص", "working_days": "5", "proof": "مجوز ترخیص"}})).await, 204).await;
    let rid = json_of(get(&app, &d.unit, &format!("/api/v1/cases/{id}")).await).await["resolutions"][0]["id"].as_i64().unwrap();
    ok(
        post(
            &app,
            &d.tax,
            &format!("/api/v1/resolutions/{rid}/progress"),
            json!({"note": "مجوز صادر شد", "done": true, "evidence": "مجوز ۷۷"}),
        )
        .await,
        204,
    )
    .await;
    ok(
        post(
            &app,
            &d.unit,
            &format!("/api/v1/cases/{id}/confirm"),
            json!({}),
        )
        .await,
        204,
    )
    .await;

    // A duplicate is merged, a case out of remit is closed with its reason.
    let a = ok(
        post(
            &app,
            &d.unit,
            "/api/v1/cases",
            case("water", "کمبود آب شهرک"),
        )
        .await,
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let b = ok(
        post(
            &app,
            &d.unit,
            "/api/v1/cases",
            case("water", "کم‌آبی شهرک صنعتی"),
        )
        .await,
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ok(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/cases/{b}/triage"),
            json!({"action": "merge", "into": a}),
        )
        .await,
        204,
    )
    .await;
    ok(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/cases/{a}/triage"),
            json!({"action": "close", "reason": "در صلاحیت شرکت آب منطقه‌ای است.", "solved": false}),
        )
        .await,
        204,
    )
    .await;
    let p = json_of(
        Client::new()
            .get(app.url(&format!("/api/v1/provinces/{QAZVIN}/facilitation")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        p["received"], 2,
        "the merged duplicate is not counted twice"
    );
    assert_eq!(p["solved"], 1);
    assert_eq!(p["solved_after_escalation"], 1);
    assert_eq!(p["solved_in_province"], 0);
}

#[tokio::test]
async fn overdue_resolutions_are_flagged_and_the_public_figures_equal_the_database() {
    let app = TestApp::spawn().await;
    let d = desk(&app).await;
    let mut ids = vec![];
    for (cat, title) in [
        ("bank_financing", "وام"),
        ("tax", "مالیات"),
        ("tax", "معافیت"),
        ("gas", "گاز"),
        ("labour", "نیروی کار"),
    ] {
        ids.push(
            ok(
                post(&app, &d.unit, "/api/v1/cases", case(cat, title)).await,
                201,
            )
            .await["id"]
                .as_i64()
                .unwrap(),
        );
    }
    // A meeting two months ago whose resolution had 5 working days: overdue now.
    let m = meeting(&app, &d, &days_ago(60)).await;
    for id in &ids[..3] {
        ok(
            post(
                &app,
                &d.officer,
                &format!("/api/v1/meetings/{m}/agenda"),
                json!({"case_id": id}),
            )
            .await,
            201,
        )
        .await;
    }
    ok(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/meetings/{m}/record"),
            json!({"minutes": "برگزار شد"}),
        )
        .await,
        204,
    )
    .await;
    let mut rids = vec![];
    for (id, org) in [
        (ids[0], d.bank_org),
        (ids[1], d.tax_org),
        (ids[2], d.tax_org),
    ] {
        let r = ok(post(&app, &d.officer, &format!("/api/v1/meetings/{m}/resolutions"), json!({
            "case_id": id, "agency_org_id": org, "action": "اقدام", "working_days": "5", "proof": "نامه"})).await, 201).await;
        assert_eq!(r["overdue"], true);
        rids.push(r["id"].as_i64().unwrap());
    }
    ok(
        post(
            &app,
            &d.tax,
            &format!("/api/v1/resolutions/{}/progress", rids[1]),
            json!({"note": "انجام شد", "done": true, "evidence": "نامه"}),
        )
        .await,
        204,
    )
    .await;
    ok(
        post(
            &app,
            &d.unit,
            &format!("/api/v1/cases/{}/confirm", ids[1]),
            json!({}),
        )
        .await,
        204,
    )
    .await;
    ok(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/cases/{}/triage", ids[3]),
            json!({"action": "close", "reason": "حل شد", "solved": true}),
        )
        .await,
        204,
    )
    .await;
    let overdue = json_of(get(&app, &d.officer, "/api/v1/resolutions?overdue=true").await).await;
    assert_eq!(overdue.as_array().unwrap().len(), 2);

    let p = json_of(
        Client::new()
            .get(app.url(&format!("/api/v1/provinces/{QAZVIN}/facilitation")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    // The same figures straight from the tables.
    let q = |sql: &str| {
        let db = app.db.clone();
        let sql = sql.replace("$P", &format!("'{QAZVIN}'"));
        async move {
            let row = db
                .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap()
                .unwrap();
            row.try_get::<i64>("", "n").unwrap()
        }
    };
    assert_eq!(p["received"], q("SELECT COUNT(*) AS n FROM obstacle_cases WHERE province_code = $P AND status <> 'merged'").await);
    assert_eq!(p["solved"], q("SELECT COUNT(*) AS n FROM obstacle_cases WHERE province_code = $P AND status = 'closed' AND solved").await);
    assert_eq!(p["solved_in_province"], q("SELECT COUNT(*) AS n FROM obstacle_cases WHERE province_code = $P AND status = 'closed' AND solved AND NOT escalated").await);
    assert_eq!(p["open"], q("SELECT COUNT(*) AS n FROM obstacle_cases WHERE province_code = $P AND status NOT IN ('closed', 'merged')").await);
    let tax_row = p["by_agency"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["agency_org_id"] == d.tax_org)
        .unwrap()
        .clone();
    assert_eq!(
        tax_row["assigned"],
        q(&format!(
            "SELECT COUNT(*) AS n FROM resolutions WHERE agency_org_id = {}",
            d.tax_org
        ))
        .await
    );
    assert_eq!(tax_row["overdue"], q(&format!("SELECT COUNT(*) AS n FROM resolutions WHERE agency_org_id = {} AND status IN ('open', 'in_progress') AND deadline < '{}'", d.tax_org, chrono::Utc::now().date_naive())).await);
    let tax_cat = p["by_category"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "tax")
        .unwrap()
        .clone();
    assert_eq!(tax_cat["received"], 2);
    assert_eq!(tax_cat["solved"], 1);
    assert!(p["median_days"].as_f64().unwrap() >= 0.0);
    let csv = Client::new()
        .get(app.url(&format!("/provinces/{QAZVIN}/facilitation/export.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
}

#[tokio::test]
async fn attachments_are_kept_with_the_case_and_read_only_by_who_may_read_it() {
    let app = TestApp::spawn().await;
    let d = desk(&app).await;
    let id = ok(
        post(
            &app,
            &d.unit,
            "/api/v1/cases",
            case("bank_financing", "نامهٔ بانک"),
        )
        .await,
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let upload = |token: String, name: &'static str, bytes: Vec<u8>| {
        let app = &app;
        async move {
            let form = reqwest::multipart::Form::new().part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name),
            );
            Client::new()
                .post(app.url(&format!("/api/v1/cases/{id}/attachments")))
                .bearer_auth(token)
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let pdf = b"%PDF-1.4 letter of refusal".to_vec();
    let a = ok(
        upload(d.unit.clone(), "نامهٔ بانک.pdf", pdf.clone()).await,
        201,
    )
    .await;
    assert_eq!(a["file_name"], "نامهٔ بانک.pdf");
    let bad = upload(d.unit.clone(), "macro.exe", b"MZ".to_vec()).await;
    assert_eq!(bad.status(), 422);
    assert_eq!(
        json_of(bad).await["errors"][0]["code"],
        "unsupported_attachment"
    );
    // A program renamed to look like a letter: its first bytes give it away.
    let renamed = upload(d.unit.clone(), "letter.pdf", b"MZ\x90\0".to_vec()).await;
    assert_eq!(renamed.status(), 422);
    assert_eq!(
        json_of(renamed).await["errors"][0]["code"],
        "attachment_not_its_kind"
    );
    assert_eq!(
        upload(d.bank.clone(), "x.pdf", pdf.clone()).await.status(),
        404,
        "not the bank's case"
    );
    let aid = a["id"].as_i64().unwrap();
    let r = get(
        &app,
        &d.officer,
        &format!("/api/v1/cases/{id}/attachments/{aid}"),
    )
    .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("UTF-8''")
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), pdf);
    let alborz = app.token("alborz@t.test").await;
    assert_eq!(
        get(
            &app,
            &alborz,
            &format!("/api/v1/cases/{id}/attachments/{aid}")
        )
        .await
        .status(),
        404
    );
    let v = json_of(get(&app, &d.unit, &format!("/api/v1/cases/{id}")).await).await;
    assert_eq!(v["attachments"].as_array().unwrap().len(), 1);
    let p = json_of(
        Client::new()
            .get(app.url(&format!("/api/v1/provinces/{QAZVIN}/facilitation")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        !p.to_string().contains("نامهٔ بانک"),
        "never on the public page"
    );
}

#[tokio::test]
async fn a_withdrawn_resolution_sends_its_case_back_to_the_committee() {
    let app = TestApp::spawn().await;
    let d = desk(&app).await;
    let id = ok(
        post(&app, &d.unit, "/api/v1/cases", case("gas", "انشعاب گاز")).await,
        201,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ok(post(&app, &d.officer, &format!("/api/v1/cases/{id}/triage"), json!({"action": "route", "resolution": {
        "agency_org_id": d.bank_org, "action": "اشتباه ارجاع شد", "working_days": "5", "proof": "نامه"}})).await, 204).await;
    let rid =
        json_of(get(&app, &d.officer, &format!("/api/v1/cases/{id}")).await).await["resolutions"]
            [0]["id"]
            .as_i64()
            .unwrap();
    assert_eq!(
        post(
            &app,
            &d.bank,
            &format!("/api/v1/resolutions/{rid}/cancel"),
            json!({"note": "x"})
        )
        .await
        .status(),
        404,
        "only the secretariat withdraws"
    );
    assert_eq!(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/resolutions/{rid}/cancel"),
            json!({"note": " "})
        )
        .await
        .status(),
        422
    );
    ok(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/resolutions/{rid}/cancel"),
            json!({"note": "دستگاه مسئول شرکت گاز است."}),
        )
        .await,
        204,
    )
    .await;
    let v = json_of(get(&app, &d.unit, &format!("/api/v1/cases/{id}")).await).await;
    assert_eq!(v["status"], "reported");
    assert_eq!(v["resolutions"][0]["status"], "cancelled");
    assert_eq!(
        post(
            &app,
            &d.officer,
            &format!("/api/v1/resolutions/{rid}/cancel"),
            json!({"note": "again"})
        )
        .await
        .status(),
        409
    );
    let p = json_of(
        Client::new()
            .get(app.url(&format!("/api/v1/provinces/{QAZVIN}/facilitation")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        p["by_agency"].as_array().unwrap().len(),
        0,
        "a withdrawn resolution is not counted against the agency"
    );
}
