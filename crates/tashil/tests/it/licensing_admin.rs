//! The national administrator's permit-type pages, on SQLite and PostgreSQL: the list and a
//! definition read as a page, editing (JSON or step by step) that makes a new version while an
//! open application keeps its own, a bad definition refused by its JSON path with nothing
//! changed, export then import changing nothing, delegation set from the page deciding who
//! acts, and every other role refused.

use serde_json::{Value, json};

use crate::helpers::{TestApp, extract_csrf};
use crate::licence_setup::{apply, call, desk, mv, standard_mark};

const TYPE: &str = "/permit-types/standard-mark-new";

async fn html(c: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let r = c.get(app.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn version(app: &TestApp, token: &str) -> Value {
    let (s, v) = call(
        app,
        Some(token),
        "GET",
        "/api/v1/permit-types/standard-mark-new",
        None,
    )
    .await;
    assert_eq!(s, 200, "{v}");
    v
}

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

fn without_isolates(s: &str) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn only_the_national_administrator_reaches_the_permit_type_pages() {
    let app = TestApp::spawn().await;
    let _ = desk(&app, true, false).await;
    for who in ["qazvin@t.test", "inspector@t.test", "unit@t.test"] {
        let c = app.login(who).await;
        for path in [
            "/permit-types",
            TYPE,
            "/permit-types/standard-mark-new.json",
            "/permit-types.json",
            "/permit-types/standard-mark-new/edit",
            "/permit-types/standard-mark-new/delegations",
        ] {
            assert_eq!(html(&c, &app, path).await.0, 403, "{who} {path}");
        }
        let r = app
            .post_form(
                &c,
                "/standards",
                "/permit-types/standard-mark-new/delegations",
                &[("IR-26:documents", "province")],
            )
            .await;
        assert_eq!(r.status(), 403, "{who} delegates");
        let r = app
            .post_form(
                &c,
                "/standards",
                "/permit-types/standard-mark-new/steps",
                &[("days", "1")],
            )
            .await;
        assert_eq!(r.status(), 403, "{who} edits");
        let (_, nav) = html(&c, &app, "/standards").await;
        assert!(
            !nav.contains("href=\"/permit-types\""),
            "no entry for {who}"
        );
    }
    assert_eq!(audits(&app, "permit_type.delegate").await, 0);
    assert_eq!(audits(&app, "permit_type.version").await, 0);
    let anonymous = app.browser();
    assert_ne!(html(&anonymous, &app, "/permit-types").await.0, 200);
}

#[tokio::test]
async fn the_administrator_reads_a_definition_and_an_edit_is_a_new_version_an_open_application_does_not_follow()
 {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, false).await;
    let a = apply(&app, &d).await;
    let id = a["id"].as_i64().unwrap();
    let admin = app.login("admin@t.test").await;

    let (s, list) = html(&admin, &app, "/permit-types?lang=fa").await;
    assert_eq!(s, 200);
    assert!(list.contains("پروانه کاربرد علامت استاندارد"), "{list}");
    assert!(list.contains("href=\"/permit-types\""), "the nav entry");
    let (s, page) = html(&admin, &app, &format!("{TYPE}?lang=fa")).await;
    assert_eq!(s, 200);
    let page = without_isolates(&page);
    for want in [
        "نتایج آزمون با استاندارد منطبق باشد",
        "۲. واحد کنترل کیفیت داشته باشد",
        "نسخهٔ ۱",
        "۳۶ ماه",
        "بدون آزمون ناموفق، تعلیق یا ابطال در ۲۴ ماه گذشته",
        "بازرس",
    ] {
        assert!(page.contains(want), "{want} missing from {page}");
    }
    let (_, page) = html(&admin, &app, &format!("{TYPE}?lang=en")).await;
    assert!(
        without_isolates(&page).contains("Passes over: audit"),
        "{page}"
    );

    // The JSON form, prefilled with what the export writes.
    let (_, edit) = html(&admin, &app, &format!("{TYPE}/edit?lang=en")).await;
    let edit = edit.replace("&#34;", "\"").replace("&quot;", "\"");
    assert!(edit.contains("\"deadline_days\": 15"), "{edit}");
    let mut changed = standard_mark(true);
    changed["definition"]["steps"][2]["deadline_days"] = json!(20);
    let (s, shown) = app
        .submit(
            &admin,
            &format!("{TYPE}/edit"),
            &format!("{TYPE}/edit?lang=en"),
            &[("json", &changed.to_string()), ("version", "1")],
        )
        .await;
    assert_eq!(s, 303, "{shown}");
    assert!(
        without_isolates(&shown).contains("Version 2"),
        "history lists the new version"
    );
    let v = version(&app, &d.admin).await;
    assert_eq!(v["version"], 2);
    assert_eq!(v["definition"]["steps"][2]["deadline_days"], 20);
    let (_, open) = call(
        &app,
        Some(&d.unit),
        "GET",
        &format!("/api/v1/applications/{id}"),
        None,
    )
    .await;
    assert_eq!(
        open["permit_version"], 1,
        "the open application keeps its version"
    );
    // Moved on to the test step, it counts version 1's deadline, not the new one.
    let (s, moved) = mv(&app, &d.admin, id, json!({"move": "pass", "step": 0})).await;
    assert_eq!(s, 200, "{moved}");
    if moved["step_index"] == 1 {
        let (s, moved) = mv(&app, &d.admin, id, json!({"move": "pass", "step": 1})).await;
        assert_eq!(s, 200, "{moved}");
    }
    let (_, open) = call(
        &app,
        Some(&d.unit),
        "GET",
        &format!("/api/v1/applications/{id}"),
        None,
    )
    .await;
    assert_eq!(open["step_index"], 2);
    assert_eq!(open["steps"][2]["deadline_days"], 15, "{open}");
    let (_, v1) = html(&admin, &app, &format!("{TYPE}?version=1&lang=en")).await;
    assert!(v1.contains("This is a past version."));

    // A form made from version 1 no longer saves over version 2.
    let (s, _) = app
        .submit(
            &admin,
            &format!("{TYPE}/edit"),
            &format!("{TYPE}/edit?lang=en"),
            &[("json", &standard_mark(true).to_string()), ("version", "1")],
        )
        .await;
    assert_eq!(s, 409);

    // Step by step: the test's deadline and the issue step's silence.
    let (s, shown) = app
        .submit(
            &admin,
            &format!("{TYPE}/edit"),
            &format!("{TYPE}/steps?lang=en"),
            &[
                ("version", "2"),
                ("days", "5"),
                ("days", "۱۲"),
                ("days", "20"),
                ("days", "5"),
                ("days", "2"),
                ("consent", "0"),
                ("consent", "3"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{shown}");
    let v = version(&app, &d.admin).await;
    assert_eq!(v["version"], 3);
    assert_eq!(v["definition"]["steps"][1]["deadline_days"], 12);
    assert_eq!(v["definition"]["steps"][4]["silence_is_consent"], false);
    assert_eq!(v["definition"]["steps"][0]["silence_is_consent"], true);
    let (_, open) = call(
        &app,
        Some(&d.unit),
        "GET",
        &format!("/api/v1/applications/{id}"),
        None,
    )
    .await;
    assert_eq!(open["permit_version"], 1);
    assert_eq!(audits(&app, "permit_type.version").await, 2);
}

#[tokio::test]
async fn a_bad_definition_is_refused_by_its_json_path_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, false).await;
    let admin = app.login("admin@t.test").await;
    let edit = format!("{TYPE}/edit?lang=en");
    let mut zero = standard_mark(false);
    zero["definition"]["steps"][1]["deadline_days"] = json!(0);
    let mut word = standard_mark(false);
    word["definition"]["steps"][3]["deadline_days"] = json!("five");
    let cases = [
        (
            zero.to_string(),
            "<code dir=\"ltr\">definition.steps[1].deadline_days</code>",
        ),
        (
            word.to_string(),
            "<code dir=\"ltr\">definition.steps[3].deadline_days</code>",
        ),
        (
            "{\"code\": \"standard-mark-new\",".to_owned(),
            "Not readable",
        ),
        (
            standard_mark(false)
                .to_string()
                .replace("standard-mark-new", "other"),
            "The code in the address and in the body differ.",
        ),
    ];
    for (text, named) in cases {
        let (s, page) = app
            .submit(&admin, &edit, &edit, &[("json", &text), ("version", "1")])
            .await;
        assert_eq!(s, 422, "{named}");
        assert!(page.contains(named), "{named} not named in {page}");
        assert!(page.contains("aria-invalid=\"true\""));
        if text.contains("five") {
            assert!(page.contains("five"), "the text as sent is kept");
        }
    }
    let (s, page) = app
        .submit(
            &admin,
            &edit,
            &format!("{TYPE}/steps?lang=en"),
            &[
                ("version", "1"),
                ("days", "5"),
                ("days", "0"),
                ("days", "15"),
                ("days", "5"),
                ("days", "2"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        page.contains("id=\"days-1-err\""),
        "beside its step: {page}"
    );
    assert_eq!(version(&app, &d.admin).await["version"], 1);
    assert_eq!(audits(&app, "permit_type.version").await, 0);
}

async fn upload(app: &TestApp, c: &reqwest::Client, bytes: Vec<u8>) -> (u16, String) {
    app.upload(
        c,
        "/permit-types",
        "/permit-types?lang=en",
        "types.json",
        bytes,
    )
    .await
}

#[tokio::test]
async fn an_export_imported_again_changes_nothing_and_a_bad_file_changes_nothing() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, false).await;
    let admin = app.login("admin@t.test").await;
    let r = admin
        .get(app.url("/permit-types/standard-mark-new.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("standard-mark-new.json")
    );
    let exported = r.bytes().await.unwrap().to_vec();
    let file: Value = serde_json::from_slice(&exported).unwrap();
    let mut defined = standard_mark(true);
    // The lists a definition may leave out are written out, empty.
    defined["definition"]["documents"] = json!([]);
    defined["definition"]["fees"] = json!([]);
    assert_eq!(file, json!([defined]), "exactly what was defined");
    let (_, all) = html(&admin, &app, "/permit-types.json").await;
    assert_eq!(serde_json::from_str::<Value>(&all).unwrap(), file);

    let (s, page) = upload(&app, &admin, exported).await;
    assert_eq!(s, 200, "{page}");
    assert!(page.contains("id=\"types-imported\""));
    assert_eq!(
        version(&app, &d.admin).await["version"],
        1,
        "no new version"
    );
    assert_eq!(audits(&app, "permit_type.version").await, 0);

    // A second type beside a broken first: nothing is imported, the error names its entry.
    let mut other = standard_mark(false);
    other["code"] = json!("operating-licence");
    let mut broken = standard_mark(true);
    broken["definition"]["steps"][0]["code"] = json!("Bad Code");
    let (s, page) = upload(
        &app,
        &admin,
        json!([broken, other]).to_string().into_bytes(),
    )
    .await;
    assert_eq!(s, 422);
    assert!(
        page.contains("<code dir=\"ltr\">[0].definition.steps[0].code</code>"),
        "{page}"
    );
    let (s, _) = call(
        &app,
        Some(&d.admin),
        "GET",
        "/api/v1/permit-types/operating-licence",
        None,
    )
    .await;
    assert_eq!(s, 404, "all or nothing");
    let (s, page) = upload(&app, &admin, b"[{\"code\": 3}]".to_vec()).await;
    assert_eq!(s, 422);
    assert!(page.contains("<code dir=\"ltr\">[0].code</code>"), "{page}");

    let (s, page) = upload(
        &app,
        &admin,
        json!([standard_mark(true), other]).to_string().into_bytes(),
    )
    .await;
    assert_eq!(s, 200, "{page}");
    let (s, _) = call(
        &app,
        Some(&d.admin),
        "GET",
        "/api/v1/permit-types/operating-licence",
        None,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(version(&app, &d.admin).await["version"], 1);
}

#[tokio::test]
async fn a_delegation_set_on_the_page_decides_who_acts() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, false).await;
    let a = apply(&app, &d).await;
    let id = a["id"].as_i64().unwrap();
    let admin = app.login("admin@t.test").await;
    let page = "/permit-types/standard-mark-new/delegations?lang=en";
    let (s, table) = html(&admin, &app, page).await;
    assert_eq!(s, 200);
    // Every cell of the page sent back as shown, but the audit in Qazvin delegated.
    let mut fields: Vec<(String, String)> = table
        .split("<select name=\"")
        .skip(1)
        .map(|rest| {
            let name = rest.split('"').next().unwrap().to_owned();
            let value = if name == "IR-26:audit" {
                "province"
            } else {
                "national"
            };
            (name, value.to_owned())
        })
        .collect();
    assert_eq!(fields.len(), 31 * 5, "every Iranian province by every step");
    let csrf = extract_csrf(&table).unwrap();
    fields.push(("_csrf".into(), csrf.clone()));
    let r = admin
        .post(app.url(page))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let (_, after) = html(&admin, &app, r.headers()["location"].to_str().unwrap()).await;
    assert!(after.contains("id=\"deleg-saved\""));
    assert!(
        without_isolates(&after).contains("One delegation changed."),
        "{after}"
    );
    assert_eq!(
        audits(&app, "permit_type.delegate").await,
        1,
        "only the changed cell"
    );

    let (s, v) = mv(&app, &d.admin, id, json!({"move": "pass", "step": 0})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["steps"][1]["deciding_office"], "IR-26");
    assert_eq!(
        mv(&app, &d.admin, id, json!({"move": "pass", "step": 1}))
            .await
            .0,
        403
    );
    assert_eq!(
        mv(&app, &d.inspector, id, json!({"move": "pass", "step": 1}))
            .await
            .0,
        200
    );

    // A cell outside the type's country is refused and nothing changes.
    let r = admin
        .post(app.url(page))
        .form(&[
            ("_csrf", csrf.as_str()),
            ("IR-23:audit", "province"),
            ("VN-HN:audit", "province"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("[1].province"));
    assert_eq!(audits(&app, "permit_type.delegate").await, 1);
}
