//! The deregulation register through the API: a rule reported by a unit, reviewed, decided
//! and published by the province's board; who may act and who sees what; the public list
//! without the reporter; field-named validation errors.

use reqwest::{Client, Response};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp};
use tashil::access::{OrganisationKind, Role};
use tashil::i18n::{I18n, Lang};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Response {
    Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request")
}

async fn get(app: &TestApp, token: Option<&str>, path: &str) -> Response {
    let mut r = Client::new().get(app.url(path));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    r.send().await.expect("request")
}

/// The JSON body, after checking the status.
async fn ok(r: Response, expected: u16) -> Value {
    let status = r.status().as_u16();
    let text = r.text().await.unwrap_or_default();
    assert_eq!(status, expected, "{text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// `(field, code)` of each error of a 422 problem.
async fn field_errors(r: Response) -> Vec<(String, String)> {
    let body = ok(r, 422).await;
    assert_eq!(body["code"], "validation_failed");
    body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            assert!(!e["message"].as_str().unwrap().starts_with("err-"), "{e}");
            (
                e["field"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn rule() -> Value {
    json!({
        "rule_title": "تمدید سالانهٔ پروانهٔ بهره‌برداری واحدهای صنعتی",
        "source": "بخشنامهٔ شمارهٔ ۶۰/۱۲۳۴ وزارت صنعت، معدن و تجارت، بند ۳",
        "issuing_agency": "سازمان صنعت، معدن و تجارت",
        "description": "شرکت لبنیات کاله هر سال برای تمدید پروانه‌ای که تغییری نکرده همان مدارک را دوباره می‌فرستد.",
        "annual_cost": "۱۲۰٬۰۰۰٬۰۰۰",
        "hours_lost": "۴۰"
    })
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect()
}

struct People {
    officer: String,
    alborz: String,
    inspector: String,
    agency: String,
    unit: String,
    admin: String,
    public: String,
}

async fn people(app: &TestApp) -> People {
    app.world().await;
    let citizens = app.org(OrganisationKind::NationalBody, None).await;
    app.user("citizen@t.test", Role::Public, citizens, None)
        .await;
    People {
        officer: app.token("qazvin@t.test").await,
        alborz: app.token("alborz@t.test").await,
        inspector: app.token("inspector@t.test").await,
        agency: app.token("agency@t.test").await,
        unit: app.token("unit@t.test").await,
        admin: app.token("admin@t.test").await,
        public: app.token("citizen@t.test").await,
    }
}

async fn report(app: &TestApp, token: &str) -> i64 {
    ok(post(app, token, "/api/v1/regulations", rule()).await, 201).await["id"]
        .as_i64()
        .unwrap()
}

async fn audit_actions(app: &TestApp, id: i64) -> Vec<String> {
    let b = app.db.get_database_backend();
    app.db
        .query_all_raw(Statement::from_sql_and_values(
            b,
            tashil::db::settings::param_sql(
                b,
                "SELECT action FROM audit_log WHERE entity = 'regulation_report' AND entity_id = ? ORDER BY id",
            ),
            [id.to_string().into()],
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "action").unwrap())
        .collect()
}

#[tokio::test]
async fn a_rule_goes_from_report_through_review_and_decision_to_publication() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let r = ok(
        post(&app, &p.unit, "/api/v1/regulations", rule()).await,
        201,
    )
    .await;
    let id = r["id"].as_i64().unwrap();
    assert!(
        r["number"].as_str().unwrap().starts_with("DR-IR-26-14"),
        "{r}"
    );
    assert!(r["number"].as_str().unwrap().ends_with("-00001"), "{r}");
    assert_eq!(r["status"], "reported");
    let second = ok(
        post(&app, &p.agency, "/api/v1/regulations", rule()).await,
        201,
    )
    .await;
    assert!(second["number"].as_str().unwrap().ends_with("-00002"));

    let path = |step: &str| format!("/api/v1/regulations/{id}/{step}");
    let decision = json!({"decision": "remove",
        "decision_text": "تمدید سالانه حذف شد؛ پروانه تا تغییر در ظرفیت یا محصول معتبر است."});
    // Nothing is decided before review, nor published before a decision.
    let early = ok(
        post(&app, &p.officer, &path("decide"), decision.clone()).await,
        409,
    )
    .await;
    assert_eq!(early["code"], "regulation_state_conflict");
    assert!(!early["title"].as_str().unwrap().starts_with("err-"));
    ok(
        post(&app, &p.officer, &path("publish"), json!({})).await,
        409,
    )
    .await;

    let v = ok(
        post(&app, &p.officer, &path("review"), json!({})).await,
        200,
    )
    .await;
    assert_eq!(v["status"], "under_review");
    assert_eq!(v["version"], 2);
    ok(
        post(&app, &p.officer, &path("review"), json!({})).await,
        409,
    )
    .await;
    ok(
        post(&app, &p.officer, &path("publish"), json!({})).await,
        409,
    )
    .await;

    // A first wording, corrected before publishing.
    let v = ok(
        post(
            &app,
            &p.officer,
            &path("decide"),
            json!({"decision": "amend", "decision_text": "تمدید هر پنج سال"}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(v["decision"], "amend");
    let v = ok(post(&app, &p.officer, &path("decide"), decision).await, 200).await;
    assert_eq!(v["status"], "decided");
    assert_eq!(v["decision"], "remove");
    assert!(v["decided_at"].is_string());

    // The reporter follows its report with everything it said.
    let mine = ok(
        get(&app, Some(&p.unit), &format!("/api/v1/regulations/{id}")).await,
        200,
    )
    .await;
    assert_eq!(mine["status"], "decided");
    assert_eq!(mine["annual_cost"], 120_000_000);
    assert_eq!(mine["hours_lost"], 40);
    assert!(mine["reporter_org_id"].is_i64());
    assert!(mine["description"].is_string());
    // Nothing is public yet.
    let public = ok(
        get(&app, None, "/api/v1/provinces/IR-26/regulations").await,
        200,
    )
    .await;
    assert_eq!(public, json!([]));

    // A double click publishes once.
    let publish = path("publish");
    let (a, b) = tokio::join!(
        post(&app, &p.officer, &publish, json!({})),
        post(&app, &p.officer, &publish, json!({})),
    );
    let mut codes = [a.status().as_u16(), b.status().as_u16()];
    codes.sort();
    assert_eq!(codes, [200, 409]);
    ok(
        post(
            &app,
            &p.officer,
            &path("decide"),
            json!({"decision": "keep", "decision_text": "x"}),
        )
        .await,
        409,
    )
    .await;

    let public = ok(
        get(&app, None, "/api/v1/provinces/IR-26/regulations").await,
        200,
    )
    .await;
    let rows = public.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{public}");
    assert_eq!(rows[0]["number"], r["number"]);
    assert_eq!(rows[0]["decision"], "remove");
    assert_eq!(rows[0]["annual_cost"], 120_000_000);
    assert!(rows[0]["published_at"].is_string());
    for hidden in [
        "id",
        "reporter_org_id",
        "reporter_user_id",
        "decided_by",
        "description",
    ] {
        assert!(rows[0].get(hidden).is_none(), "{hidden} in {public}");
    }
    assert!(!public.to_string().contains("کاله"), "{public}");

    assert_eq!(
        audit_actions(&app, id).await,
        [
            "regulation.report",
            "regulation.review",
            "regulation.decide",
            "regulation.decide",
            "regulation.publish",
        ]
    );
    let chain = tashil::audit::verify(&app.db).await.unwrap();
    assert!(chain.finding.is_none());
}

#[tokio::test]
async fn only_the_provinces_board_acts_and_each_reader_sees_its_own() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let id = report(&app, &p.unit).await;
    let other = report(&app, &p.agency).await;
    let by_officer = report(&app, &p.officer).await;
    let path = |step: &str| format!("/api/v1/regulations/{id}/{step}");

    // Who may report: reporters of a province, not the nation, an inspector or the public.
    for t in [&p.admin, &p.inspector, &p.public] {
        ok(post(&app, t, "/api/v1/regulations", rule()).await, 403).await;
    }

    // The unit reads its report but cannot act for the board; neither can the agency, the
    // inspector or the nation. Alborz's officer does not even see Qazvin's report.
    ok(post(&app, &p.unit, &path("review"), json!({})).await, 403).await;
    ok(
        post(&app, &p.inspector, &path("review"), json!({})).await,
        403,
    )
    .await;
    ok(post(&app, &p.admin, &path("review"), json!({})).await, 403).await;
    ok(post(&app, &p.alborz, &path("review"), json!({})).await, 404).await;
    ok(post(&app, &p.agency, &path("review"), json!({})).await, 404).await;
    ok(
        post(&app, &p.officer, &path("review"), json!({})).await,
        200,
    )
    .await;
    let decision = json!({"decision": "keep", "decision_text": "این حکم برای ایمنی لازم است."});
    ok(
        post(&app, &p.unit, &path("decide"), decision.clone()).await,
        403,
    )
    .await;
    ok(
        post(&app, &p.alborz, &path("decide"), decision.clone()).await,
        404,
    )
    .await;
    ok(post(&app, &p.officer, &path("decide"), decision).await, 200).await;
    ok(post(&app, &p.unit, &path("publish"), json!({})).await, 403).await;
    ok(
        post(&app, &p.alborz, &path("publish"), json!({})).await,
        404,
    )
    .await;

    let list = |t: &str| {
        let t = t.to_string();
        let app = &app;
        async move { ok(get(app, Some(&t), "/api/v1/regulations").await, 200).await }
    };
    assert_eq!(ids(&list(&p.unit).await), [id]);
    assert_eq!(ids(&list(&p.agency).await), [other]);
    assert_eq!(ids(&list(&p.officer).await), [by_officer, other, id]);
    assert_eq!(ids(&list(&p.inspector).await), [by_officer, other, id]);
    assert_eq!(ids(&list(&p.admin).await), [by_officer, other, id]);
    assert_eq!(ids(&list(&p.alborz).await), Vec::<i64>::new());
    assert_eq!(ids(&list(&p.public).await), Vec::<i64>::new());
    ok(
        get(&app, Some(&p.alborz), &format!("/api/v1/regulations/{id}")).await,
        404,
    )
    .await;
    ok(
        get(&app, Some(&p.agency), &format!("/api/v1/regulations/{id}")).await,
        404,
    )
    .await;
    ok(
        get(&app, Some(&p.public), &format!("/api/v1/regulations/{id}")).await,
        404,
    )
    .await;
    let filtered = ok(
        get(
            &app,
            Some(&p.officer),
            "/api/v1/regulations?status=decided&decision=keep",
        )
        .await,
        200,
    )
    .await;
    assert_eq!(ids(&filtered), [id]);

    ok(
        post(&app, &p.officer, &path("publish"), json!({})).await,
        200,
    )
    .await;
    // Published: the public reads it, without who reported it or what they wrote.
    assert_eq!(ids(&list(&p.public).await), [id]);
    let seen = ok(
        get(&app, Some(&p.public), &format!("/api/v1/regulations/{id}")).await,
        200,
    )
    .await;
    assert_eq!(seen["status"], "published");
    assert_eq!(seen["decision"], "keep");
    for hidden in [
        "reporter_org_id",
        "reporter_user_id",
        "decided_by",
        "description",
    ] {
        assert!(seen.get(hidden).is_none(), "{hidden} in {seen}");
    }
    // Still not Alborz's to list, and not on Alborz's public page.
    assert_eq!(ids(&list(&p.alborz).await), Vec::<i64>::new());
    let alborz_public = ok(
        get(
            &app,
            None,
            &format!("/api/v1/provinces/{ALBORZ}/regulations"),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(alborz_public, json!([]));
    let qazvin_public = ok(
        get(
            &app,
            None,
            &format!("/api/v1/provinces/{QAZVIN}/regulations"),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(qazvin_public.as_array().unwrap().len(), 1);
    ok(
        get(&app, None, "/api/v1/provinces/IR-99/regulations").await,
        404,
    )
    .await;
    // The register is not open to anonymous callers.
    ok(get(&app, None, "/api/v1/regulations").await, 401).await;
}

#[tokio::test]
async fn invalid_reports_and_decisions_name_their_fields() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let errs = field_errors(
        post(
            &app,
            &p.unit,
            "/api/v1/regulations",
            json!({"rule_title": "  ", "annual_cost": "-5", "hours_lost": "many"}),
        )
        .await,
    )
    .await;
    let expected: Vec<(String, String)> = [
        ("rule_title", "required"),
        ("source", "required"),
        ("issuing_agency", "required"),
        ("description", "required"),
        ("annual_cost", "invalid_number"),
        ("hours_lost", "invalid_number"),
    ]
    .iter()
    .map(|(f, c)| (f.to_string(), c.to_string()))
    .collect();
    assert_eq!(errs, expected);
    let mut long = rule();
    long["rule_title"] = json!("ق".repeat(301));
    let errs = field_errors(post(&app, &p.unit, "/api/v1/regulations", long).await).await;
    assert_eq!(errs, [("rule_title".to_string(), "too_long".to_string())]);

    let id = report(&app, &p.unit).await;
    ok(
        post(
            &app,
            &p.officer,
            &format!("/api/v1/regulations/{id}/review"),
            json!({}),
        )
        .await,
        200,
    )
    .await;
    let decide = format!("/api/v1/regulations/{id}/decide");
    let errs = field_errors(post(&app, &p.officer, &decide, json!({})).await).await;
    assert_eq!(
        errs,
        [
            ("decision".to_string(), "required".to_string()),
            ("decision_text".to_string(), "required".to_string()),
        ]
    );
    let errs = field_errors(
        post(
            &app,
            &p.officer,
            &decide,
            json!({"decision": "abolish", "decision_text": "حذف"}),
        )
        .await,
    )
    .await;
    assert_eq!(
        errs,
        [("decision".to_string(), "invalid_choice".to_string())]
    );
    // A refused decision changes nothing.
    let v = ok(
        get(&app, Some(&p.officer), &format!("/api/v1/regulations/{id}")).await,
        200,
    )
    .await;
    assert_eq!(v["status"], "under_review");
    assert_eq!(v["version"], 2);
}

#[tokio::test]
async fn the_register_is_documented_and_translated() {
    let app = TestApp::spawn().await;
    let doc = ok(get(&app, None, "/api/v1/openapi.json").await, 200).await;
    for path in [
        "/api/v1/regulations",
        "/api/v1/regulations/{id}",
        "/api/v1/regulations/{id}/review",
        "/api/v1/regulations/{id}/decide",
        "/api/v1/regulations/{id}/publish",
        "/api/v1/provinces/{code}/regulations",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} undocumented");
    }
    for schema in ["RegulationDraft", "DecisionDraft", "PublicRegulation"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }

    use tashil::deregulation::{Decision, ERROR_CODES, RegulationStatus};
    let mut keys: Vec<String> = ERROR_CODES
        .iter()
        .chain(&["required", "too_long", "invalid_number", "invalid_choice"])
        .map(|c| tashil::web::error_render::key_of(c))
        .collect();
    for f in [
        "rule_title",
        "source",
        "issuing_agency",
        "annual_cost",
        "hours_lost",
        "decision",
        "decision_text",
    ] {
        keys.push(format!("field-{}", f.replace('_', "-")));
    }
    for s in RegulationStatus::ALL {
        keys.push(format!(
            "regulation-status-{}",
            s.as_str().replace('_', "-")
        ));
    }
    for d in Decision::ALL {
        keys.push(format!("regulation-decision-{}", d.as_str()));
    }
    let i18n = I18n::get();
    for lang in Lang::ALL {
        let missing: Vec<_> = keys.iter().filter(|k| !i18n.has(lang, k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[tokio::test]
async fn the_register_pages_take_a_rule_from_report_to_the_public_list() {
    let app = crate::helpers::TestApp::spawn().await;
    app.world().await;
    let unit = app.login("unit@t.test").await;
    let form = [
        ("rule_title", "تمدید سالانهٔ گواهی ایمنی آتش‌نشانی"),
        ("source", "آیین‌نامهٔ ایمنی کارگاه‌ها، مادهٔ ۱۲"),
        ("issuing_agency", "سازمان آتش‌نشانی"),
        ("description", "همان بازدید هر سال تکرار می‌شود."),
        ("annual_cost", "۱۲۰۰۰۰۰۰۰"),
        ("hours_lost", "abc"),
    ];
    let r = app
        .post_form(&unit, "/regulations", "/regulations", &form)
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"hours_lost-err\""));
    let mut form = form.to_vec();
    form.retain(|(k, _)| *k != "hours_lost");
    let r = app
        .post_form(&unit, "/regulations", "/regulations", &form)
        .await;
    assert_eq!(r.status(), 303);
    let at = r.headers()["location"].to_str().unwrap().to_string();

    let officer = app.login("qazvin@t.test").await;
    for (path, body) in [
        ("review", vec![]),
        (
            "decide",
            vec![
                ("decision", "remove"),
                ("decision_text", "بازدید سه‌ساله می‌شود."),
            ],
        ),
        ("publish", vec![]),
    ] {
        let r = app
            .post_form(&officer, &at, &format!("{at}/{path}"), &body)
            .await;
        assert_eq!(r.status(), 303, "{path}");
    }
    let public = reqwest::get(app.url("/provinces/IR-26/regulations?lang=fa"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(public.contains("تمدید سالانهٔ گواهی ایمنی آتش‌نشانی"));
    assert!(public.contains("بازدید سه‌ساله می‌شود."));
    assert!(
        !public.contains("همان بازدید هر سال"),
        "the reporter's own account stays private"
    );
}
