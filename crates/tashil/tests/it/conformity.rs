//! Conformity assessment through the API and its pages: the national body enters labs'
//! accreditations and scope; anyone finds those in force in the directory; a unit's request
//! is offered only labs whose accreditation in force covers every clause, and each lab sees
//! only the requests addressed to it; who may read what, and field-named errors.

use serde_json::{Value, json};

use crate::helpers::{ALBORZ, QAZVIN, TestApp};
use tashil::access::{OrganisationKind, Role};

/// Noon in Tehran on 16 Azar 1405.
pub(crate) const NOW: &str = "2026-12-07T08:30:00Z";

pub(crate) struct Setup {
    pub admin: String,
    pub unit: String,
    /// The world's lab: 5.1 and 5.2 of the cement standard.
    pub lab_a: (i64, String),
    /// 5.1 only.
    pub lab_b: (i64, String),
    /// Both clauses, but suspended.
    pub lab_c: (i64, String),
    pub standard: i64,
    pub accreditation_a: i64,
}

async fn lab(app: &TestApp, email: &str, province: &str) -> i64 {
    let org = app.org(OrganisationKind::Lab, Some(province)).await;
    app.user(email, Role::LabUser, org, Some(province)).await;
    org
}

async fn accredit(app: &TestApp, admin: &str, org: i64, cert: &str, status: &str) -> i64 {
    let a = app
        .post_json(
            admin,
            "/api/v1/accreditations",
            json!({"lab_org_id": org.to_string(), "accreditation_body": "NACI",
                "certificate_number": cert, "valid_from": "2026-01-01",
                "valid_until": "2027-12-31", "status": status}),
            201,
        )
        .await;
    a["id"].as_i64().unwrap()
}

async fn scope(app: &TestApp, admin: &str, acc: i64, standard: i64, clause: &str, days: &str) {
    app.post_json(
        admin,
        &format!("/api/v1/accreditations/{acc}/scope"),
        json!({"standard_id": standard.to_string(), "clause": clause, "turnaround_days": days}),
        200,
    )
    .await;
}

pub(crate) async fn setup(app: &TestApp) -> Setup {
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let created = app
        .post_json(&admin, "/api/v1/standards", crate::standards::cement(), 201)
        .await;
    let standard = created["id"].as_i64().unwrap();
    app.post_json(
        &admin,
        &format!("/api/v1/standards/{standard}/transition"),
        json!({"to": "published"}),
        204,
    )
    .await;
    let lab_a = app.actor("lab@t.test").await.organisation_id();
    let lab_b = lab(app, "lab-b@t.test", QAZVIN).await;
    let lab_c = lab(app, "lab-c@t.test", QAZVIN).await;
    let acc_a = accredit(app, &admin, lab_a, "L-100", "").await;
    scope(app, &admin, acc_a, standard, "5.1", "5").await;
    scope(app, &admin, acc_a, standard, "۵.۲", "۷").await;
    let acc_b = accredit(app, &admin, lab_b, "L-200", "active").await;
    scope(app, &admin, acc_b, standard, "5.1", "3").await;
    let acc_c = accredit(app, &admin, lab_c, "L-300", "suspended").await;
    scope(app, &admin, acc_c, standard, "5.1", "1").await;
    scope(app, &admin, acc_c, standard, "5.2", "1").await;
    Setup {
        unit: app.token("unit@t.test").await,
        lab_a: (lab_a, app.token("lab@t.test").await),
        lab_b: (lab_b, app.token("lab-b@t.test").await),
        lab_c: (lab_c, app.token("lab-c@t.test").await),
        admin,
        standard,
        accreditation_a: acc_a,
    }
}

fn labs_of(v: &Value) -> Vec<(i64, bool)> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|o| {
            (
                o["lab_org_id"].as_i64().unwrap(),
                o["covers_all"].as_bool().unwrap(),
            )
        })
        .collect()
}

pub(crate) fn field_codes(v: &Value) -> Vec<(String, String)> {
    v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            assert!(
                !e["message"].as_str().unwrap_or("err-").starts_with("err-"),
                "{e}"
            );
            (
                e["field"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn request(standard: i64, lab: i64) -> Value {
    json!({"standard_id": standard.to_string(), "clauses": ["5.1, 5.2"],
        "lab_org_id": lab.to_string(), "note": "بچ ۱۴۰۵-۰۹"})
}

#[tokio::test]
async fn only_labs_whose_accreditation_in_force_covers_every_clause_are_offered() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let offers = format!(
        "/api/v1/test-requests/offers?standard_id={}&clauses=5.1,5.2",
        s.standard
    );
    let (status, v) = app.get_json(&s.unit, &offers).await;
    assert_eq!(status, 200, "{v}");
    // The suspended lab is not offered at all; the one covering 5.1 only is named as partial.
    assert_eq!(labs_of(&v), [(s.lab_a.0, true), (s.lab_b.0, false)]);
    assert_eq!(
        v[0]["turnaround_days"], 7,
        "the slowest clause sets the quote"
    );
    assert_eq!(v[1]["missing"], json!(["5.2"]));

    // Neither a lab covering part nor a suspended one may be sent the request.
    for lab in [s.lab_b.0, s.lab_c.0] {
        let r = app
            .post_json(
                &s.unit,
                "/api/v1/test-requests",
                request(s.standard, lab),
                422,
            )
            .await;
        assert_eq!(
            field_codes(&r),
            [("lab_org_id".into(), "lab_not_offered".into())]
        );
    }
    // A clause the standard does not have is named.
    let (status, v) = app
        .get_json(
            &s.unit,
            &format!(
                "/api/v1/test-requests/offers?standard_id={}&clauses=9.9",
                s.standard
            ),
        )
        .await;
    assert_eq!(status, 422, "{v}");
    assert_eq!(
        field_codes(&v),
        [("clauses".into(), "unknown_clause".into())]
    );

    // Once the national body suspends lab A, nobody covers both clauses.
    app.post_json(
        &s.admin,
        &format!("/api/v1/accreditations/{}/status", s.accreditation_a),
        json!({"status": "suspended"}),
        200,
    )
    .await;
    let (_, v) = app.get_json(&s.unit, &offers).await;
    assert!(labs_of(&v).iter().all(|(_, all)| !all), "{v}");
    let r = app
        .post_json(
            &s.unit,
            "/api/v1/test-requests",
            request(s.standard, s.lab_a.0),
            422,
        )
        .await;
    assert_eq!(
        field_codes(&r),
        [("lab_org_id".into(), "lab_not_offered".into())]
    );
}

#[tokio::test]
async fn an_accreditation_past_its_validity_on_the_provinces_day_is_not_offered() {
    // 20:30 UTC on 31 December 2027 is already 1 January 2028 in Tehran.
    let app = TestApp::spawn_at("2027-12-31T20:30:00Z").await;
    let s = setup(&app).await;
    let (status, v) = app
        .get_json(
            &s.unit,
            &format!(
                "/api/v1/test-requests/offers?standard_id={}&clauses=5.1",
                s.standard
            ),
        )
        .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(labs_of(&v), Vec::<(i64, bool)>::new());
    let (_, dir) = app.get_json(&s.unit, "/api/v1/labs").await;
    assert_eq!(dir, json!([]));
}

#[tokio::test]
async fn a_lab_sees_only_requests_addressed_to_it_and_another_province_gets_404() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let sent = app
        .post_json(
            &s.unit,
            "/api/v1/test-requests",
            request(s.standard, s.lab_a.0),
            201,
        )
        .await;
    let id = sent["id"].as_i64().unwrap();
    assert_eq!(sent["status"], "sent");
    assert_eq!(sent["purpose"], "own_unit");
    assert_eq!(sent["clauses"], json!(["5.1", "5.2"]));
    assert_eq!(sent["quoted_days"], 7);
    let path = format!("/api/v1/test-requests/{id}");

    let (_, mine) = app.get_json(&s.lab_a.1, "/api/v1/test-requests").await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    for other in [&s.lab_b.1, &s.lab_c.1] {
        let (_, none) = app.get_json(other, "/api/v1/test-requests").await;
        assert_eq!(none, json!([]));
        assert_eq!(app.get_json(other, &path).await.0, 404);
    }
    let alborz = app.token("alborz@t.test").await;
    assert_eq!(app.get_json(&alborz, &path).await.0, 404);
    let (_, none) = app.get_json(&alborz, "/api/v1/test-requests").await;
    assert_eq!(none, json!([]));
    for reader in [&s.unit, &s.admin, &app.token("qazvin@t.test").await] {
        assert_eq!(app.get_json(reader, &path).await.0, 200);
    }
    let (status, _) = app
        .get_json(&s.unit, "/api/v1/test-requests?page=18446744073709551615")
        .await;
    assert_eq!(status, 200);

    // Only the addressed lab answers; a decline needs its reason; an answer is final.
    app.post_json(&s.lab_b.1, &format!("{path}/accept"), json!({}), 404)
        .await;
    app.post_json(&s.unit, &format!("{path}/accept"), json!({}), 403)
        .await;
    let r = app
        .post_json(
            &s.lab_a.1,
            &format!("{path}/decline"),
            json!({"reason": " "}),
            422,
        )
        .await;
    assert_eq!(field_codes(&r), [("reason".into(), "required".into())]);
    let declined = app
        .post_json(
            &s.lab_a.1,
            &format!("{path}/decline"),
            json!({"reason": "ظرفیت آزمون مقاومت فشاری این ماه پر است."}),
            200,
        )
        .await;
    assert_eq!(declined["status"], "declined");
    app.post_json(&s.lab_a.1, &format!("{path}/accept"), json!({}), 409)
        .await;
    let (_, seen) = app.get_json(&s.unit, &path).await;
    assert_eq!(
        seen["decline_reason"],
        "ظرفیت آزمون مقاومت فشاری این ماه پر است."
    );
    let audited = app
        .scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'test_request.%'")
        .await;
    assert_eq!(audited, 2);
}

#[tokio::test]
async fn only_the_national_body_enters_accreditations_and_each_wrong_field_is_named() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let qazvin = app.token("qazvin@t.test").await;
    let body = json!({"lab_org_id": s.lab_b.0.to_string(), "accreditation_body": "NACI",
        "certificate_number": "L-900", "valid_from": "2026-01-01", "valid_until": "2027-01-01"});
    app.post_json(&qazvin, "/api/v1/accreditations", body.clone(), 403)
        .await;
    app.post_json(&s.lab_b.1, "/api/v1/accreditations", body, 403)
        .await;
    let r = app
        .post_json(
            &s.admin,
            "/api/v1/accreditations",
            json!({"valid_from": "1405/13/40", "valid_until": "3026-01-01", "status": "dormant"}),
            422,
        )
        .await;
    let fields: Vec<String> = field_codes(&r).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            "lab_org_id",
            "accreditation_body",
            "certificate_number",
            "valid_from",
            "valid_until",
            "status"
        ]
    );
    let unit_org = app.actor("unit@t.test").await.organisation_id();
    let r = app
        .post_json(
            &s.admin,
            "/api/v1/accreditations",
            json!({"lab_org_id": unit_org.to_string(), "accreditation_body": "NACI",
                "certificate_number": "L-901", "valid_from": "2026-01-01", "valid_until": "2027-01-01"}),
            422,
        )
        .await;
    assert_eq!(field_codes(&r), [("lab_org_id".into(), "not_a_lab".into())]);
    let r = app
        .post_json(
            &s.admin,
            "/api/v1/accreditations",
            json!({"lab_org_id": s.lab_b.0.to_string(), "accreditation_body": "NACI",
                "certificate_number": "L-100", "valid_from": "2026-01-01", "valid_until": "2027-01-01"}),
            422,
        )
        .await;
    assert_eq!(
        field_codes(&r),
        [("certificate_number".into(), "duplicate_certificate".into())]
    );
    let acc = format!("/api/v1/accreditations/{}/scope", s.accreditation_a);
    let r = app
        .post_json(
            &s.admin,
            &acc,
            json!({"standard_id": s.standard.to_string(), "clause": "5.1", "turnaround_days": "4"}),
            422,
        )
        .await;
    assert_eq!(
        field_codes(&r),
        [("clause".into(), "duplicate_scope_entry".into())]
    );
    let r = app
        .post_json(
            &s.admin,
            &acc,
            json!({"standard_id": "999999", "clause": "5.1", "turnaround_days": "4"}),
            422,
        )
        .await;
    assert_eq!(
        field_codes(&r),
        [("standard_id".into(), "unknown_standard".into())]
    );
    app.post_json(
        &qazvin,
        &acc,
        json!({"standard_id": s.standard.to_string(), "clause": "5.2", "turnaround_days": "4"}),
        403,
    )
    .await;
    // A withdrawal is final.
    let status = format!("/api/v1/accreditations/{}/status", s.accreditation_a);
    app.post_json(&s.admin, &status, json!({"status": "withdrawn"}), 200)
        .await;
    app.post_json(&s.admin, &status, json!({"status": "active"}), 409)
        .await;
}

#[tokio::test]
async fn each_reads_the_accreditations_in_its_reach() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let count = |v: &Value| v.as_array().map(Vec::len).unwrap_or(usize::MAX);
    let (_, all) = app.get_json(&s.admin, "/api/v1/accreditations").await;
    assert_eq!(count(&all), 3);
    let (_, own) = app.get_json(&s.lab_b.1, "/api/v1/accreditations").await;
    assert_eq!(count(&own), 1);
    assert_eq!(own[0]["lab_org_id"], s.lab_b.0);
    let path = format!("/api/v1/accreditations/{}", s.accreditation_a);
    assert_eq!(app.get_json(&s.lab_b.1, &path).await.0, 404);
    let (status, a) = app.get_json(&app.token("qazvin@t.test").await, &path).await;
    assert_eq!(status, 200);
    assert_eq!(a["in_force"], true);
    assert_eq!(a["scope"].as_array().unwrap().len(), 2);
    let alborz = app.token("alborz@t.test").await;
    assert_eq!(app.get_json(&alborz, &path).await.0, 404);
    let (_, none) = app
        .get_json(&alborz, "/api/v1/accreditations?page=18446744073709551615")
        .await;
    assert_eq!(none, json!([]));
    assert_eq!(app.get_json(&s.unit, "/api/v1/accreditations").await.0, 403);
}

#[tokio::test]
async fn the_public_directory_lists_labs_in_force_by_test_standard_and_province() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let labs = |v: &Value| -> Vec<i64> {
        v.as_array()
            .expect("a list")
            .iter()
            .map(|l| l["lab_org_id"].as_i64().unwrap())
            .collect()
    };
    let get = |path: &str| {
        let url = app.url(path);
        async move {
            let r = reqwest::get(url).await.expect("get");
            assert_eq!(r.status(), 200);
            r.json::<Value>().await.expect("json")
        }
    };
    assert_eq!(labs(&get("/api/v1/labs").await), [s.lab_a.0, s.lab_b.0]);
    // By the test's name in any language, by a word's start, by the method, by the standard.
    assert_eq!(
        labs(&get("/api/v1/labs?q=Compress").await),
        [s.lab_a.0, s.lab_b.0]
    );
    assert_eq!(labs(&get("/api/v1/labs?q=ignition").await), [s.lab_a.0]);
    let v = get("/api/v1/labs?q=INSO%201692").await;
    assert_eq!(labs(&v), [s.lab_a.0]);
    assert_eq!(
        v[0]["entries"].as_array().unwrap().len(),
        1,
        "only the matching entry"
    );
    assert_eq!(
        labs(
            &get(&format!(
                "/api/v1/labs?standard_id={}&province=IR-26",
                s.standard
            ))
            .await
        ),
        [s.lab_a.0, s.lab_b.0]
    );
    assert_eq!(
        labs(&get(&format!("/api/v1/labs?province={ALBORZ}")).await),
        Vec::<i64>::new()
    );
    assert_eq!(
        labs(&get("/api/v1/labs?province=VN").await),
        Vec::<i64>::new()
    );
    assert_eq!(
        labs(&get("/api/v1/labs?q=%25").await),
        [s.lab_a.0, s.lab_b.0]
    );
    assert_eq!(
        get("/api/v1/labs?page=18446744073709551615").await,
        json!([])
    );
    // The suspended lab C is nowhere.
    assert!(!labs(&get("/api/v1/labs?q=5").await).contains(&s.lab_c.0));

    let c = app.browser();
    for lang in ["fa", "vi", "en"] {
        let (status, html) = app.page(&c, &format!("/labs?lang={lang}&q=ignition")).await;
        assert_eq!(status, 200);
        assert!(html.contains("L-100") || html.contains("L-۱۰۰"), "{lang}");
        assert!(!html.contains("L-200") && !html.contains("L-۲۰۰"), "{lang}");
    }
}

#[tokio::test]
async fn the_pages_of_accreditations_and_requests_answer_in_every_language() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let sent = app
        .post_json(
            &s.unit,
            "/api/v1/test-requests",
            request(s.standard, s.lab_a.0),
            201,
        )
        .await;
    let id = sent["id"].as_i64().unwrap();
    let admin = app.login("admin@t.test").await;
    let unit = app.login("unit@t.test").await;
    let lab = app.login("lab@t.test").await;
    let alborz = app.login("alborz@t.test").await;
    for lang in ["fa", "vi", "en"] {
        let (st, html) = app
            .page(&admin, &format!("/accreditations?lang={lang}"))
            .await;
        assert_eq!(st, 200);
        assert!(
            html.contains("action=\"/accreditations\""),
            "the national body's form"
        );
        let (st, html) = app
            .page(
                &admin,
                &format!("/accreditations/{}?lang={lang}", s.accreditation_a),
            )
            .await;
        assert_eq!(st, 200);
        assert!(html.contains("/scope\""));
        let (st, html) = app
            .page(
                &unit,
                &format!(
                    "/test-requests/new?lang={lang}&standard_id={}&clauses=5.1,5.2",
                    s.standard
                ),
            )
            .await;
        assert_eq!(st, 200);
        assert!(
            html.contains(&format!("value=\"{}\"", s.lab_a.0)),
            "lab A offered"
        );
        assert!(!html.contains(&format!("name=\"lab_org_id\" value=\"{}\"", s.lab_b.0)));
        let (st, html) = app
            .page(&lab, &format!("/test-requests/{id}?lang={lang}"))
            .await;
        assert_eq!(st, 200);
        assert!(html.contains(&format!("/test-requests/{id}/accept")));
        let (st, html) = app
            .page(&unit, &format!("/test-requests?lang={lang}"))
            .await;
        assert_eq!(st, 200);
        assert!(html.contains(&format!("/test-requests/{id}\"")));
    }
    let (st, _) = app.page(&alborz, &format!("/test-requests/{id}")).await;
    assert_eq!(st, 404);
    let (st, _) = app.page(&unit, "/accreditations").await;
    assert_eq!(st, 403);

    // The lab's home page shows the request waiting; the unit's its decline.
    let (_, home) = app.page(&lab, "/?lang=en").await;
    assert!(
        home.contains("test request waits for your laboratory"),
        "{home}"
    );
    assert!(home.contains("/test-requests?status=sent"));
    app.post_json(
        &s.lab_a.1,
        &format!("/api/v1/test-requests/{id}/decline"),
        json!({"reason": "No capacity"}),
        200,
    )
    .await;
    let (_, home) = app.page(&unit, "/?lang=en").await;
    assert!(home.contains("declined"), "{home}");
}

#[tokio::test]
async fn a_scope_file_is_imported_whole_or_refused_by_row_and_column() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let admin = app.login("admin@t.test").await;
    let page = "/accreditations/import?lang=en";
    let lab_d = lab(&app, "lab-d@t.test", QAZVIN).await;
    let header = "accreditation_body,certificate_number,lab_org_id,valid_from,valid_until,status,standard_id,clause,test_method,turnaround_days";
    let std = s.standard;
    let bad = format!(
        "{header}\nNACI,L-400,{lab_d},2026-01-01,2027-12-31,,{std},5.1,,6\nNACI,L-400,,,,,{std},9.9,,6\nNACI,L-100,,,,,{std},5.1,,3\n"
    );
    let count = "SELECT COUNT(*) AS n FROM lab_scope_entries";
    let before = app.scalar(count).await;
    let (status, html) = app
        .upload(
            &admin,
            page,
            "/accreditations/import?lang=en",
            "scope.csv",
            bad.into_bytes(),
        )
        .await;
    assert_eq!(status, 422, "{html}");
    // Row 3: the clause the standard lacks (column H); row 4: lab A's 5.1 is entered already.
    assert!(html.contains("The standard has no such clause."), "{html}");
    assert!(
        html.contains("This clause is already in the scope."),
        "{html}"
    );
    assert!(html.contains("<td class=\"num\">3</td><td>H"), "{html}");
    assert!(html.contains("<td class=\"num\">4</td><td>H"), "{html}");
    assert_eq!(app.scalar(count).await, before, "nothing written");

    let good = format!(
        "{header}\nNACI,L-400,{lab_d},2026-01-01,2027-12-31,,{std},5.1,,6\nNACI,L-400,,,,,{std},5.2,INSO 1692,6\nNACI,L-100,,,,,{std},5.2,,2\n"
    );
    // Lab A's 5.2 was entered in `setup`: a file adding it again is refused too.
    let (status, _) = app
        .upload(
            &admin,
            page,
            "/accreditations/import?lang=en",
            "scope.csv",
            good.clone().into_bytes(),
        )
        .await;
    assert_eq!(status, 422);
    let good = good.replace(&format!("NACI,L-100,,,,,{std},5.2,,2\n"), "");
    let (status, html) = app
        .upload(
            &admin,
            page,
            "/accreditations/import?lang=en",
            "scope.csv",
            good.into_bytes(),
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(app.scalar(count).await, before + 2);
    let audited = app
        .scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'accreditation.import'")
        .await;
    assert_eq!(audited, 1, "one entry for the file");
    let v = reqwest::get(app.url("/api/v1/labs?q=ignition"))
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(labs_of_directory(&v), [s.lab_a.0, lab_d]);

    // Only the national body imports.
    let qazvin = app.login("qazvin@t.test").await;
    let (status, _) = app.page(&qazvin, "/accreditations/import").await;
    assert_eq!(status, 403);
}

fn labs_of_directory(v: &Value) -> Vec<i64> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|l| l["lab_org_id"].as_i64().unwrap())
        .collect()
}

#[test]
fn every_error_field_status_and_purpose_has_its_text_in_every_language() {
    use tashil::conformity::{AccreditationStatus, ERROR_CODES, Purpose, RequestStatus};
    use tashil::i18n::{I18n, Lang};
    let mut keys: Vec<String> = ERROR_CODES
        .iter()
        .map(|c| tashil::web::error_render::key_of(c))
        .collect();
    for f in [
        "lab_org_id",
        "accreditation_body",
        "certificate_number",
        "valid_from",
        "valid_until",
        "status",
        "standard_id",
        "clause",
        "test_method",
        "turnaround_days",
        "clauses",
        "purpose",
        "application_id",
        "note",
        "reason",
        "q",
    ] {
        keys.push(format!("field-{}", f.replace('_', "-")));
    }
    keys.extend(
        AccreditationStatus::ALL
            .iter()
            .map(|s| format!("accreditation-status-{}", s.as_str())),
    );
    keys.extend(
        RequestStatus::ALL
            .iter()
            .map(|s| format!("test-request-status-{}", s.as_str())),
    );
    keys.extend(
        Purpose::ALL
            .iter()
            .map(|p| format!("test-request-purpose-{}", p.as_str())),
    );
    let i18n = I18n::get();
    for lang in Lang::ALL {
        let missing: Vec<_> = keys.iter().filter(|k| !i18n.has(lang, k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

/// The demo's labs: Qazvin's and Ninh Bình's listed with their scope, Alborz's suspended one
/// nowhere, and the demo unit's requests at each stage.
#[tokio::test]
async fn the_demo_has_labs_in_qazvin_and_ninh_binh_and_requests_at_each_stage() {
    let app = TestApp::spawn().await;
    let scale = tashil::demo::Scale {
        total_units: 50,
        standards: 60,
        ..Default::default()
    };
    assert!(tashil::demo::ensure(&app.db, scale).await.unwrap());
    let dir = reqwest::get(app.url("/api/v1/labs"))
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    let provinces: Vec<&str> = dir
        .as_array()
        .expect("a list")
        .iter()
        .map(|l| l["province"].as_str().unwrap())
        .collect();
    assert_eq!(provinces, ["IR-26", "IR-26", "VN-NBI"], "{dir}");
    assert!(
        dir.as_array()
            .unwrap()
            .iter()
            .all(|l| !l["entries"].as_array().unwrap().is_empty())
    );
    let n = app.scalar("SELECT COUNT(*) AS n FROM test_requests").await;
    assert_eq!(n, 4 + 9, "four at each stage, nine for the figures");
    // One report released, then corrected by a second revision released too; and the nine
    // reports of the figures, by both Qazvin labs.
    let released = app
        .scalar("SELECT COUNT(*) AS n FROM test_reports WHERE status = 'released'")
        .await;
    assert_eq!(released, 2 + 9);
    let labs = app
        .scalar(
            "SELECT COUNT(DISTINCT lab_org_id) AS n FROM test_reports WHERE status = 'released'",
        )
        .await;
    assert_eq!(labs, 2);
    // The public figures have something to say: two labs, one past its quote, and clauses
    // that failed, in cells of at least three units.
    let fig = reqwest::get(app.url("/api/v1/labs/figures"))
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    let labs = fig["labs"].as_array().expect("labs");
    assert_eq!(labs.len(), 2, "{fig}");
    assert!(labs.iter().any(|l| l["on_time"] != l["requests"]), "{fig}");
    let cells = fig["clauses"].as_array().expect("clauses");
    assert!(
        cells.iter().any(|c| c["failed"].as_u64() > Some(0)),
        "{fig}"
    );
    assert!(fig["withheld_cells"].as_u64() > Some(0), "{fig}");
    let declined = app
        .scalar("SELECT COUNT(*) AS n FROM test_requests WHERE status = 'declined'")
        .await;
    assert_eq!(declined, 1);

    // The licence on a lab's report: its test step waits for a lab; the demo unit's
    // application for it (made when the catalogue has a mandatory standard for the unit's
    // products, as the other applications are) waits at that step, which the office cannot
    // pass before a lab releases a report on it.
    let officer = app.token("qazvin@demo.tashil.ir").await;
    let (st, t) = app
        .get_json(&officer, "/api/v1/permit-types/standard-mark-lab")
        .await;
    assert_eq!(st, 200, "{t}");
    assert!(t.to_string().contains("\"needs_lab_report\":true"), "{t}");
    let (_, list) = app
        .get_json(&officer, "/api/v1/applications?status=in_progress")
        .await;
    let waiting: Vec<&Value> = list
        .as_array()
        .expect("a list")
        .iter()
        .filter(|a| a["permit_type"] == "standard-mark-lab")
        .collect();
    let applied = app.scalar("SELECT COUNT(*) AS n FROM applications").await;
    assert_eq!(waiting.len(), usize::from(applied > 0), "{list}");
    let Some(w) = waiting.first() else {
        return;
    };
    assert_eq!(w["step_index"], 1, "at the test step");
    let e = app
        .post_json(
            &officer,
            &format!("/api/v1/applications/{}/moves", w["id"]),
            json!({"move": "pass", "step": 1}),
            422,
        )
        .await;
    assert_eq!(
        field_codes(&e),
        [("move".into(), "lab_report_missing".into())]
    );
}

#[tokio::test]
async fn a_samples_chain_of_custody_flags_a_gap_time_backwards_and_a_broken_seal() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let sent = app
        .post_json(
            &s.unit,
            "/api/v1/test-requests",
            request(s.standard, s.lab_a.0),
            201,
        )
        .await;
    let id = sent["id"].as_i64().unwrap();
    let sample = format!("/api/v1/test-requests/{id}/sample");
    let hand = format!("/api/v1/test-requests/{id}/hand-overs");
    // Nothing to hand over before the sample is recorded.
    app.post_json(
        &s.unit,
        &hand,
        json!({"giver": "a", "receiver": "b", "handed_at": "2026-12-07T10:00"}),
        409,
    )
    .await;
    let r = app
        .post_json(
            &s.unit,
            &sample,
            json!({"taken_at": "3026-12-07T10:00"}),
            422,
        )
        .await;
    assert!(field_codes(&r).contains(&("taken_at".into(), "date_out_of_range".into())));
    let body = json!({"taken_by": "Reza Karimi", "taken_where": "انبار واحد، قزوین",
        "taken_at": "2026-12-07T09:00", "seal_numbers": "QZ-771, QZ-772", "quantity": "3 × 50 kg"});
    let v = app.post_json(&s.unit, &sample, body.clone(), 200).await;
    // 09:00 in Tehran is 05:30 UTC.
    assert_eq!(v["taken_at"], "2026-12-07T05:30:00Z");
    assert_eq!(v["flags"], json!([]));
    app.post_json(&s.unit, &sample, body, 409).await;
    app.post_json(
        &s.unit,
        &hand,
        json!({"giver": "reza karimi", "receiver": "Lab reception",
        "handed_at": "2026-12-07T11:00", "seal_intact": "true"}),
        200,
    )
    .await;
    let v = app
        .post_json(
            &s.lab_a.1,
            &hand,
            json!({"giver": "Lab reception", "receiver": "Analyst",
            "handed_at": "2026-12-07T10:59", "seal_intact": "false"}),
            200,
        )
        .await;
    assert_eq!(
        v["flags"],
        json!([{"kind": "time_backwards", "index": 1}, {"kind": "broken_seal", "index": 1}])
    );
    let v = app
        .post_json(
            &s.lab_a.1,
            &hand,
            json!({"giver": "Courier", "receiver": "Store",
            "handed_at": "2026-12-07T12:00", "seal_intact": "on"}),
            200,
        )
        .await;
    assert_eq!(v["flags"][2], json!({"kind": "gap", "index": 2}));
    // Those who do not hold the sample may not record; another province does not see it.
    app.post_json(&s.lab_b.1, &hand, json!({}), 404).await;
    app.post_json(
        &app.token("qazvin@t.test").await,
        &hand,
        json!({"giver": "a", "receiver": "b", "handed_at": "2026-12-07T13:00"}),
        403,
    )
    .await;
    assert_eq!(
        app.get_json(&app.token("alborz@t.test").await, &sample)
            .await
            .0,
        404
    );
    let (st, seen) = app
        .get_json(&app.token("qazvin@t.test").await, &sample)
        .await;
    assert_eq!(st, 200);
    assert_eq!(seen["chain"].as_array().unwrap().len(), 3);

    let lab = app.login("lab@t.test").await;
    for lang in ["fa", "vi", "en"] {
        let (st, html) = app
            .page(&lab, &format!("/test-requests/{id}?lang={lang}"))
            .await;
        assert_eq!(st, 200);
        assert!(html.contains("id=\"custody-flagged\""), "{lang}");
        let (st, html) = app
            .page(&lab, &format!("/test-requests/{id}/label?lang={lang}"))
            .await;
        assert_eq!(st, 200);
        assert!(html.contains("<svg"), "the label's QR code");
    }
    let alborz = app.login("alborz@t.test").await;
    assert_eq!(
        app.page(&alborz, &format!("/test-requests/{id}/label"))
            .await
            .0,
        404
    );
}
