//! Documents and messages on an application, on SQLite and PostgreSQL (issue 16, item 3):
//! uploads checked as case attachments are and read only by the unit and the office(s)
//! deciding it, never on the public tracking page; messages both ways while it is open or
//! appealable, each audited and told to the other side by email; both forms on the page.

use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::licence_setup::{Desk, apply, call, desk, mv, standard_mark};

const PDF: &[u8] = b"%PDF-1.4 quality-control plan";

/// The standard-mark licence with two required documents and an optional one, as a new
/// version, then the Qazvin unit's application under it.
async fn applied(app: &TestApp, delegated: bool) -> (Desk, i64) {
    let d = desk(app, false, delegated).await;
    let mut t = standard_mark(false);
    let doc = |code: &str, fa: &str, required: bool| json!({"code": code, "name": {"fa": fa, "vi": code, "en": code}, "required": required});
    t["definition"]["documents"] = json!([
        doc("qc-plan", "طرح کنترل کیفیت", true),
        doc("test-report", "گزارش آزمون", true),
        doc("iso-9001", "گواهی ایزو ۹۰۰۱", false),
    ]);
    let (s, v) = call(
        app,
        Some(&d.admin),
        "PUT",
        "/api/v1/permit-types/standard-mark-new",
        Some(t),
    )
    .await;
    assert_eq!((s, v["version"].as_i64()), (200, Some(2)), "{v}");
    let id = apply(app, &d).await["id"].as_i64().unwrap();
    (d, id)
}

async fn upload(
    app: &TestApp,
    token: Option<&str>,
    id: i64,
    document: &str,
    name: &str,
    bytes: Vec<u8>,
) -> (u16, Value) {
    let form = Form::new()
        .text("document", document.to_owned())
        .part("file", Part::bytes(bytes).file_name(name.to_owned()));
    let mut r = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/applications/{id}/documents")))
        .multipart(form);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn download(app: &TestApp, token: &str, id: i64, doc: i64) -> reqwest::Response {
    reqwest::Client::new()
        .get(app.url(&format!("/api/v1/applications/{id}/documents/{doc}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn message(app: &TestApp, token: &str, id: i64, body: &str) -> (u16, Value) {
    call(
        app,
        Some(token),
        "POST",
        &format!("/api/v1/applications/{id}/messages"),
        Some(json!({ "body": body })),
    )
    .await
}

fn first_error(v: &Value) -> (Option<&str>, Option<&str>) {
    (
        v["errors"][0]["field"].as_str(),
        v["errors"][0]["code"].as_str(),
    )
}

#[tokio::test]
async fn documents_are_checked_and_read_only_by_the_unit_and_the_deciding_offices() {
    let app = TestApp::spawn().await;
    let (d, id) = applied(&app, true).await;
    let path = format!("/api/v1/applications/{id}");
    let (_, v) = call(&app, Some(&d.unit), "GET", &path, None).await;
    assert_eq!(v["missing_documents"], json!(["qc-plan", "test-report"]));
    assert_eq!(v["may_exchange"], true);

    let (s, doc) = upload(
        &app,
        Some(&d.unit),
        id,
        "qc-plan",
        "طرح کیفیت.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(s, 201, "{doc}");
    assert_eq!(
        (&doc["document"], &doc["file_name"], &doc["from_applicant"]),
        (&json!("qc-plan"), &json!("طرح کیفیت.pdf"), &json!(true))
    );
    let doc_id = doc["id"].as_i64().unwrap();

    // Refused: a kind not taken, a file not of its named kind, a document the type lacks.
    let (s, v) = upload(
        &app,
        Some(&d.unit),
        id,
        "qc-plan",
        "macro.exe",
        b"MZ".to_vec(),
    )
    .await;
    assert_eq!(
        (s, first_error(&v)),
        (422, (Some("file"), Some("unsupported_attachment")))
    );
    let fake = b"MZ\x90\0\x03\0\0\0".to_vec();
    let (s, v) = upload(&app, Some(&d.unit), id, "qc-plan", "plan.pdf", fake).await;
    assert_eq!(
        (s, first_error(&v)),
        (422, (Some("file"), Some("attachment_not_its_kind")))
    );
    let (s, v) = upload(&app, Some(&d.unit), id, "passport", "p.pdf", PDF.to_vec()).await;
    assert_eq!(
        (s, first_error(&v)),
        (422, (Some("document"), Some("unknown_document")))
    );
    let mut big = PDF.to_vec();
    big.resize(11 * 1024 * 1024, b'x');
    let (s, _) = upload(&app, Some(&d.unit), id, "qc-plan", "big.pdf", big).await;
    assert_eq!(s, 413, "past 10 MB");
    // Another province's officer: the application does not exist for them.
    let (s, _) = upload(&app, Some(&d.alborz), id, "other", "x.pdf", PDF.to_vec()).await;
    assert_eq!(s, 404);
    assert_eq!(download(&app, &d.alborz, id, doc_id).await.status(), 404);
    let (s, _) = upload(&app, None, id, "other", "x.pdf", PDF.to_vec()).await;
    assert_eq!(s, 401, "anonymous");

    // Read by the unit, the deciding province's officer and inspector, the national body.
    for who in [&d.unit, &d.qazvin, &d.inspector, &d.admin] {
        let r = download(&app, who, id, doc_id).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "application/pdf");
        assert_eq!(r.headers()["x-content-type-options"], "nosniff");
        let cd = r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            cd.starts_with("attachment;") && cd.contains("UTF-8''"),
            "{cd}"
        );
        assert_eq!(r.bytes().await.unwrap().to_vec(), PDF);
    }
    // A document of another application is not found through this one.
    assert_eq!(
        download(&app, &d.unit, id + 1000, doc_id).await.status(),
        404
    );

    let (s, v) = upload(
        &app,
        Some(&d.qazvin),
        id,
        "other",
        "notes.txt",
        b"site visit".to_vec(),
    )
    .await;
    assert_eq!((s, &v["from_applicant"]), (201, &json!(false)), "{v}");
    let (_, v) = call(&app, Some(&d.unit), "GET", &path, None).await;
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
    assert_eq!(v["missing_documents"], json!(["test-report"]));
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'application.document'")
            .await,
        2
    );

    // Never on the public tracking page.
    let code = v["tracking_code"].as_str().unwrap().to_owned();
    let (s, t) = call(&app, None, "GET", &format!("/api/v1/track/{code}"), None).await;
    assert_eq!(s, 200);
    assert!(!t.to_string().contains("طرح کیفیت") && t.get("documents").is_none());
    let html = reqwest::get(app.url(&format!("/track/{code}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains("طرح کیفیت.pdf") && !html.contains("/documents/"));

    // Settled: withdrawn, it takes no more documents (what it has stays readable).
    let (s, _) = mv(&app, &d.unit, id, json!({"move": "withdraw"})).await;
    assert_eq!(s, 200);
    let (s, v) = upload(
        &app,
        Some(&d.unit),
        id,
        "test-report",
        "r.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!((s, v["code"].as_str()), (409, Some("application_final")));
    assert_eq!(download(&app, &d.unit, id, doc_id).await.status(), 200);
    let (_, v) = call(&app, Some(&d.unit), "GET", &path, None).await;
    assert_eq!(v["may_exchange"], false);
}

#[tokio::test]
async fn a_province_deciding_no_step_reads_the_application_but_not_its_documents() {
    let app = TestApp::spawn().await;
    let (d, id) = applied(&app, false).await;
    let (s, doc) = upload(
        &app,
        Some(&d.unit),
        id,
        "test-report",
        "r.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(s, 201);
    let doc_id = doc["id"].as_i64().unwrap();
    let (s, v) = call(
        &app,
        Some(&d.qazvin),
        "GET",
        &format!("/api/v1/applications/{id}"),
        None,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(
        (&v["documents"], &v["may_exchange"]),
        (&json!([]), &json!(false))
    );
    assert_eq!(download(&app, &d.qazvin, id, doc_id).await.status(), 403);
    let (s, _) = upload(&app, Some(&d.qazvin), id, "other", "x.pdf", PDF.to_vec()).await;
    assert_eq!(s, 403);
    assert_eq!(message(&app, &d.qazvin, id, "سلام").await.0, 403);
    // The national body decides every step here: it reads them.
    assert_eq!(download(&app, &d.admin, id, doc_id).await.status(), 200);
    let (s, v) = message(&app, &d.admin, id, "گزارش آزمون را هم بفرستید.").await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM mail_outbox WHERE kind = 'application_message' AND recipient = 'unit@t.test'").await,
        1
    );
}

#[tokio::test]
async fn messages_pass_between_the_unit_and_the_deciding_office_while_it_is_open() {
    let app = TestApp::spawn().await;
    let (d, id) = applied(&app, true).await;
    let (s, v) = message(&app, &d.unit, id, "نمونه‌ها فردا ارسال می‌شود.").await;
    assert_eq!(s, 201, "{v}");
    let msgs = v["messages"].as_array().unwrap();
    assert_eq!(msgs.len(), 2, "the one written at apply time, then this");
    assert_eq!(msgs[1]["from_applicant"], true);
    let (s, v) = message(&app, &d.qazvin, id, "بازدید کارخانه سه‌شنبه است.").await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["messages"][2]["from_applicant"], false);
    assert_eq!(v["messages"][2]["body"], "بازدید کارخانه سه‌شنبه است.");
    // The other side hears of each: the deciding province's officers, then the unit.
    let to = |who: &str| {
        format!(
            "SELECT COUNT(*) AS n FROM mail_outbox WHERE kind = 'application_message' AND recipient = '{who}'"
        )
    };
    assert_eq!(app.scalar(&to("qazvin@t.test")).await, 1);
    assert_eq!(app.scalar(&to("unit@t.test")).await, 1);
    assert_eq!(app.scalar(&to("alborz@t.test")).await, 0);

    assert_eq!(
        message(&app, &d.alborz, id, "x").await.0,
        404,
        "another province"
    );
    let (s, v) = message(&app, &d.unit, id, " \u{200F} ").await;
    assert_eq!(
        (s, first_error(&v)),
        (422, (Some("body"), Some("required")))
    );
    let (s, v) = message(&app, &d.unit, id, &"پ".repeat(4001)).await;
    assert_eq!(
        (s, first_error(&v)),
        (422, (Some("body"), Some("too_long")))
    );
    let (s, _) = call(
        &app,
        None,
        "POST",
        &format!("/api/v1/applications/{id}/messages"),
        Some(json!({"body": "x"})),
    )
    .await;
    assert_eq!(s, 401);

    // Rejected, it may still be argued (an appeal is open); once upheld, it is settled.
    let (s, _) = mv(
        &app,
        &d.qazvin,
        id,
        json!({"move": "reject", "step": 0, "conditions": [2], "explanation": "ندارد"}),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(
        message(&app, &d.unit, id, "واحد کنترل کیفیت داریم.")
            .await
            .0,
        201
    );
    let (s, _) = upload(&app, Some(&d.unit), id, "qc-plan", "qc.pdf", PDF.to_vec()).await;
    assert_eq!(s, 201, "evidence for the appeal");
    assert_eq!(
        mv(
            &app,
            &d.unit,
            id,
            json!({"move": "appeal", "explanation": "داریم"})
        )
        .await
        .0,
        200
    );
    assert_eq!(message(&app, &d.unit, id, "مدرک پیوست شد.").await.0, 201);
    assert_eq!(
        app.scalar(&to("admin@t.test")).await,
        1,
        "an appeal is heard by the national body"
    );
    assert_eq!(
        mv(&app, &d.admin, id, json!({"move": "uphold"})).await.0,
        200
    );
    let (s, v) = message(&app, &d.unit, id, "باز هم").await;
    assert_eq!((s, v["code"].as_str()), (409, Some("application_final")));
    let (s, _) = message(&app, &d.qazvin, id, "پایان").await;
    assert_eq!(s, 409);
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'application.message'")
            .await,
        4
    );
}

#[tokio::test]
async fn the_application_page_takes_documents_and_messages_in_persian() {
    let app = TestApp::spawn().await;
    let (_, id) = applied(&app, true).await;
    let unit = app.login("unit@t.test").await;
    let page = format!("/applications/{id}?lang=fa");
    let html = unit
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("dir=\"rtl\""));
    assert!(html.contains(&format!("action=\"/applications/{id}/documents?_csrf=")));
    assert!(html.contains("enctype=\"multipart/form-data\""));
    assert!(html.contains(&format!("action=\"/applications/{id}/messages\"")));
    assert!(html.contains("طرح کنترل کیفیت") && html.contains("هنوز بارگذاری نشده"));

    // A message from the form, shown on the page it lands on.
    let action = format!("/applications/{id}/messages");
    let r = app
        .post_form(&unit, &page, &action, &[("body", "پاسخ به پرسش کارشناس")])
        .await;
    assert_eq!(r.status(), 303);
    let html = unit
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("پاسخ به پرسش کارشناس"));
    // An empty one is refused beside its field.
    let r = app.post_form(&unit, &page, &action, &[("body", "")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"body-err\""));

    // An upload from the form; a file not of its kind is named beside the file field.
    let csrf = app.csrf_of(&unit, &page).await;
    let send = |name: &'static str, bytes: &'static [u8]| {
        let form = Form::new()
            .text("document", "qc-plan")
            .part("file", Part::bytes(bytes).file_name(name));
        unit.post(app.url(&format!("/applications/{id}/documents?_csrf={csrf}")))
            .multipart(form)
            .send()
    };
    let r = send("طرح.pdf", PDF).await.unwrap();
    assert_eq!(r.status(), 303);
    let html = unit
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("طرح.pdf") && html.contains(&format!("/applications/{id}/documents/")));
    let r = send("fake.png", b"not a png").await.unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"file-err\"") && html.contains("aria-invalid=\"true\""));
    // The page's download link serves the file.
    let link = html
        .split(&format!("href=\"/applications/{id}/documents/"))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link")
        .to_owned();
    let r = unit
        .get(app.url(&format!("/applications/{id}/documents/{link}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().to_vec(), PDF);
    // An anonymous reader is sent to log in.
    let anon = app.browser();
    let r = anon.get(app.url(&page)).send().await.unwrap();
    assert!(r.status() == 303 || r.status() == 401, "{}", r.status());
}
