//! The national administrator creates a permit type from the browser (validated as an edited
//! one is, a duplicate code or a bad country refused beside its field, every other role
//! refused) and through the API's POST; the delegation page filtered to one province. On
//! SQLite and PostgreSQL.

use serde_json::{Value, json};

use crate::helpers::{TestApp, extract_csrf, textarea};
use crate::licence_setup::{call, desk, standard_mark};

const NEW: &str = "/permit-types/new?lang=en";

async fn audits(app: &TestApp, action: &str) -> i64 {
    use sea_orm::{ConnectionTrait, Statement};
    let sql = format!("SELECT COUNT(*) AS n FROM audit_log WHERE action = '{action}'");
    let b = app.db.get_database_backend();
    let row = app
        .db
        .query_one_raw(Statement::from_string(b, sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}

fn fields<'a>(code: &'a str, country: &'a str, definition: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("country", country),
        ("name_fa", "پروانه بهره‌برداری"),
        ("name_vi", "Giấy phép hoạt động"),
        ("name_en", "Operating licence"),
        ("definition", definition),
    ]
}

#[tokio::test]
async fn the_administrator_creates_a_permit_type_from_the_page_and_a_bad_one_is_refused_beside_its_field()
 {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, false).await;
    let admin = app.login("admin@t.test").await;
    let (s, list) = app.page(&admin, "/permit-types?lang=en").await;
    assert_eq!(s, 200);
    assert!(
        list.contains("href=\"/permit-types/new\""),
        "linked from the list"
    );

    // The form starts from a definition that passes as it is.
    let (s, page) = app.page(&admin, NEW).await;
    assert_eq!(s, 200, "{page}");
    let start = textarea(&page, "definition");
    let def: Value = serde_json::from_str(&start).expect("the starting definition is JSON");
    assert_eq!(def["steps"][0]["name"]["en"], "Documents check");
    assert_eq!(def["steps"][0]["name"]["fa"], "بررسی مدارک");
    let created = audits(&app, "permit_type.create").await;
    let (s, shown) = app
        .submit(&admin, NEW, NEW, &fields("operating-licence", "VN", &start))
        .await;
    assert_eq!(s, 303, "{shown}");
    assert!(
        shown.contains("Operating licence"),
        "on to the new type's page"
    );
    let (s, t) = call(
        &app,
        Some(&d.admin),
        "GET",
        "/api/v1/permit-types/operating-licence",
        None,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(t["version"], 1);
    assert_eq!(t["country"], "VN");
    assert_eq!(t["definition"]["steps"].as_array().unwrap().len(), 3);
    assert_eq!(
        audits(&app, "permit_type.create").await,
        created + 1,
        "audited"
    );

    // A taken code: refused beside the code, the existing type untouched.
    let mut mark = standard_mark(false)["definition"].clone();
    mark["validity_months"] = json!(12);
    let mark = mark.to_string();
    let (s, page) = app
        .submit(&admin, NEW, NEW, &fields("standard-mark-new", "IR", &mark))
        .await;
    assert_eq!(s, 422);
    assert!(page.contains("id=\"code-err\""), "{page}");
    assert!(page.contains("A permit type with this code already exists."));
    assert!(
        page.contains("value=\"standard-mark-new\""),
        "what was typed is kept"
    );
    let (_, v) = call(
        &app,
        Some(&d.admin),
        "GET",
        "/api/v1/permit-types/standard-mark-new",
        None,
    )
    .await;
    assert_eq!(v["version"], 1);
    assert_eq!(v["definition"]["validity_months"], 36);

    // A country that keeps no permits, a reserved code, a definition that breaks a rule.
    let (s, page) = app
        .submit(&admin, NEW, NEW, &fields("establishment", "XX", &start))
        .await;
    assert_eq!(s, 422);
    assert!(page.contains("id=\"country-err\""), "{page}");
    let (s, page) = app
        .submit(&admin, NEW, NEW, &fields("new", "IR", &start))
        .await;
    assert_eq!(s, 422);
    assert!(page.contains("This code is reserved"), "{page}");
    let mut zero = def.clone();
    zero["steps"][1]["deadline_days"] = json!(0);
    let zero = zero.to_string();
    let (s, page) = app
        .submit(&admin, NEW, NEW, &fields("establishment", "IR", &zero))
        .await;
    assert_eq!(s, 422);
    assert!(
        page.contains("<code dir=\"ltr\">definition.steps[1].deadline_days</code>"),
        "named by its path as the edit names it: {page}"
    );
    let (s, page) = app
        .submit(
            &admin,
            NEW,
            NEW,
            &fields("establishment", "IR", "{\"steps\": ["),
        )
        .await;
    assert_eq!(s, 422);
    assert!(page.contains("Not readable"), "{page}");
    let (s, _) = call(
        &app,
        Some(&d.admin),
        "GET",
        "/api/v1/permit-types/establishment",
        None,
    )
    .await;
    assert_eq!(s, 404, "nothing made");
    assert_eq!(audits(&app, "permit_type.create").await, created + 1);

    // Without the form's CSRF token nothing is made.
    let r = admin
        .post(app.url(NEW))
        .form(&fields("establishment", "IR", &start))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(audits(&app, "permit_type.create").await, created + 1);
}

#[tokio::test]
async fn only_the_national_administrator_creates_a_permit_type_and_the_api_refuses_a_taken_code() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, false).await;
    let admin = app.login("admin@t.test").await;
    let (_, page) = app.page(&admin, NEW).await;
    let start = textarea(&page, "definition");
    for who in ["qazvin@t.test", "inspector@t.test", "unit@t.test"] {
        let c = app.login(who).await;
        assert_eq!(app.page(&c, NEW).await.0, 403, "{who}");
        let body = fields("establishment", "IR", &start);
        let r = app.post_form(&c, "/standards", NEW, &body).await;
        assert_eq!(r.status(), 403, "{who} creates");
    }
    let mut input = standard_mark(false);
    input["code"] = json!("establishment");
    let (s, v) = call(
        &app,
        Some(&d.qazvin),
        "POST",
        "/api/v1/permit-types",
        Some(input.clone()),
    )
    .await;
    assert_eq!(s, 403, "{v}");
    assert_eq!(
        audits(&app, "permit_type.create").await,
        1,
        "the desk's type alone"
    );
    let (s, v) = call(
        &app,
        Some(&d.admin),
        "POST",
        "/api/v1/permit-types",
        Some(input.clone()),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["version"], 1);
    let (s, v) = call(
        &app,
        Some(&d.admin),
        "POST",
        "/api/v1/permit-types",
        Some(input),
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(v["errors"][0]["field"], "code");
    assert_eq!(v["errors"][0]["code"], "permit_type_exists");
    let (_, v) = call(
        &app,
        Some(&d.admin),
        "GET",
        "/api/v1/permit-types/establishment",
        None,
    )
    .await;
    assert_eq!(v["version"], 1, "a second POST makes no version");
}

fn selects(html: &str) -> Vec<String> {
    html.split("<select name=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_delegation_page_shows_and_saves_one_province_and_ignores_an_unknown_one() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, false).await;
    let admin = app.login("admin@t.test").await;
    let base = "/permit-types/standard-mark-new/delegations";
    let (s, page) = app
        .page(&admin, &format!("{base}?province=IR-26&lang=en"))
        .await;
    assert_eq!(s, 200);
    let cells = selects(&page);
    assert_eq!(cells.len(), 5, "Qazvin's steps alone: {cells:?}");
    assert!(cells.iter().all(|c| c.starts_with("IR-26:")));
    assert!(
        page.contains("<option value=\"IR-26\" selected>"),
        "the filter shows its choice"
    );
    assert!(
        !page.contains("<option value=\"VN-HN\""),
        "the type's country's provinces only"
    );

    // Saved from the filtered page: Qazvin's audit delegated, the filter kept.
    let csrf = extract_csrf(&page).unwrap();
    let mut body: Vec<(String, String)> = cells
        .iter()
        .map(|c| {
            let v = if c == "IR-26:audit" {
                "province"
            } else {
                "national"
            };
            (c.clone(), v.to_owned())
        })
        .collect();
    body.push(("province".into(), "IR-26".into()));
    body.push(("_csrf".into(), csrf));
    let r = admin.post(app.url(base)).form(&body).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.contains("province=IR-26"), "{to}");
    let (_, after) = app.page(&admin, &format!("{to}&lang=en")).await;
    assert!(after.contains("id=\"deleg-saved\""));
    assert_eq!(selects(&after).len(), 5);
    assert_eq!(audits(&app, "permit_type.delegate").await, 1);
    let q = "/api/v1/permit-types/standard-mark-new/delegations?province=";
    let (_, qz) = call(&app, Some(&d.admin), "GET", &format!("{q}IR-26"), None).await;
    assert_eq!(qz[1]["decider"], "province");
    let (_, al) = call(&app, Some(&d.admin), "GET", &format!("{q}IR-30"), None).await;
    assert_eq!(al[1]["decider"], "national", "another province untouched");

    // A code that is no province of the type's country: said so, every province shown.
    for asked in ["VN-HN", "ZZ-99", "%3Cb%3E"] {
        let (s, page) = app
            .page(&admin, &format!("{base}?province={asked}&lang=en"))
            .await;
        assert_eq!(s, 200, "{asked}");
        assert!(page.contains("id=\"deleg-ignored\""), "{asked}: {page}");
        assert_eq!(selects(&page).len(), 31 * 5, "{asked}");
        assert!(!page.contains("<b>"), "escaped");
    }
    let (_, all) = app.page(&admin, &format!("{base}?province=&lang=en")).await;
    assert!(
        !all.contains("id=\"deleg-ignored\""),
        "the empty choice is every province"
    );
    assert_eq!(selects(&all).len(), 31 * 5);
}
