//! Evidence of inspections (issue 21): the inspector attaches photos and documents to answers
//! and findings while the inspection is open, the unit to its CAPA; whoever reads the
//! inspection reads them, Alborz's inspector never (404), labs are refused (403); the pages
//! list them and take them by a multipart form; each upload is audited.

use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use tashil::access::Role;

use crate::helpers::{ALBORZ, TestApp};

const NOW: &str = "2026-12-07T08:30:00Z";
const BASE: &str = "/api/v1/supervision/inspections";
const FINDINGS: &str = "/api/v1/supervision/inspections/findings";
const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0 a photo of the label";

async fn upload(app: &TestApp, token: &str, path: &str, name: &str, bytes: &[u8]) -> (u16, Value) {
    let form = Form::new().part(
        "file",
        Part::bytes(bytes.to_vec()).file_name(name.to_owned()),
    );
    let r = reqwest::Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn download(app: &TestApp, token: &str, path: &str) -> (u16, Vec<u8>) {
    let r = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("download");
    (r.status().as_u16(), r.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn evidence_is_attached_by_the_inspector_and_the_unit_and_read_in_the_province_only() {
    let app = TestApp::spawn_at(NOW).await;
    let w = app.world().await;
    let al_office = app
        .scalar("SELECT organisation_id AS n FROM users WHERE email = 'alborz@t.test'")
        .await;
    app.user(
        "inspector.alborz@t.test",
        Role::Inspector,
        al_office,
        Some(ALBORZ),
    )
    .await;
    let qazvin = app.token("qazvin@t.test").await;
    let inspector = app.token("inspector@t.test").await;
    let al_inspector = app.token("inspector.alborz@t.test").await;
    let unit = app.token("unit@t.test").await;
    let lab = app.token("lab@t.test").await;
    let inspector_id = app
        .scalar("SELECT id AS n FROM users WHERE email = 'inspector@t.test'")
        .await;

    let insp = app
        .post_json(&qazvin, BASE, json!({"unit_id": w.qazvin_unit, "inspector_id": inspector_id, "scheduled_on": "2026-12-07"}), 201)
        .await;
    let id = insp["id"].as_i64().unwrap();
    let path = format!("{BASE}/{id}");
    // Before it starts, nothing may be attached (no checklist yet, nor findings).
    let started = app
        .post_json(
            &inspector,
            &format!("{path}/start"),
            json!({"version": 1}),
            200,
        )
        .await;
    let item = started["items"][0]["id"].as_i64().unwrap();
    let item_path = format!("{path}/items/{item}/evidence");

    // An answer's photo: the inspector only, of the province; the file's kind checked.
    let (s, first) = upload(&app, &inspector, &item_path, "label.jpg", JPEG).await;
    assert_eq!(s, 201, "{first}");
    assert_eq!(
        (first["owner_kind"].as_str(), first["owner_id"].as_i64()),
        (Some("item"), Some(item))
    );
    assert_eq!(
        upload(&app, &al_inspector, &item_path, "a.jpg", JPEG)
            .await
            .0,
        404
    );
    assert_eq!(upload(&app, &unit, &item_path, "a.jpg", JPEG).await.0, 403);
    assert_eq!(upload(&app, &lab, &item_path, "a.jpg", JPEG).await.0, 403);
    let (s, bad) = upload(&app, &inspector, &item_path, "label.jpg", b"MZ\x90\0").await;
    assert_eq!(s, 422);
    assert!(bad.to_string().contains("attachment_not_its_kind"), "{bad}");
    // Another inspection's address with this item: absent.
    let other = format!("{BASE}/{}/items/{item}/evidence", id + 1000);
    assert_eq!(upload(&app, &inspector, &other, "a.jpg", JPEG).await.0, 404);

    // A major finding with the inspector's evidence; the unit answers its CAPA with its own.
    let major = app
        .post_json(
            &inspector,
            &format!("{path}/findings"),
            json!({"severity": "major", "description": "Labels lack the standard mark"}),
            201,
        )
        .await;
    let minor = app
        .post_json(
            &inspector,
            &format!("{path}/findings"),
            json!({"severity": "minor", "description": "Untidy store"}),
            201,
        )
        .await;
    let major_id = major["id"].as_i64().unwrap();
    let finding_path = format!("{FINDINGS}/{major_id}/evidence");
    let capa_path = format!("{FINDINGS}/{major_id}/capa/evidence");
    assert_eq!(
        upload(&app, &inspector, &finding_path, "store.pdf", b"%PDF-1.7 x")
            .await
            .0,
        201
    );
    assert_eq!(
        upload(&app, &unit, &finding_path, "a.jpg", JPEG).await.0,
        403
    );
    assert_eq!(
        upload(&app, &inspector, &capa_path, "a.jpg", JPEG).await.0,
        403
    );
    let (s, capa) = upload(
        &app,
        &unit,
        &capa_path,
        "new-label.png",
        b"\x89PNG\r\n\x1A\n..",
    )
    .await;
    assert_eq!(s, 201, "{capa}");
    assert_eq!(capa["owner_kind"], "capa");
    // A minor finding owes no CAPA: no evidence of one.
    let minor_capa = format!("{FINDINGS}/{}/capa/evidence", minor["id"]);
    assert_eq!(upload(&app, &unit, &minor_capa, "a.jpg", JPEG).await.0, 409);
    assert_eq!(
        upload(&app, &al_inspector, &finding_path, "a.jpg", JPEG)
            .await
            .0,
        404
    );

    // Read by whoever reads the inspection: its office, its inspector, the unit.
    let list = format!("{path}/evidence");
    for t in [&qazvin, &inspector, &unit] {
        let (s, files) = app.get_json(t, &list).await;
        assert_eq!(s, 200);
        let kinds: Vec<&str> = files
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["owner_kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["item", "finding", "capa"]);
        assert!(files[0].get("content").is_none());
    }
    assert_eq!(app.get_json(&al_inspector, &list).await.0, 404);
    assert_eq!(app.get_json(&lab, &list).await.0, 403);
    let file = format!("{BASE}/evidence/{}", first["id"]);
    let (s, bytes) = download(&app, &unit, &file).await;
    assert_eq!((s, bytes.as_slice()), (200, JPEG));
    assert_eq!(download(&app, &al_inspector, &file).await.0, 404);
    assert_eq!(download(&app, &lab, &file).await.0, 403);
    assert_eq!(
        download(&app, &qazvin, &format!("{BASE}/evidence/999999"))
            .await
            .0,
        404
    );

    // The page lists them and takes one by its form (CSRF in the address); Alborz's
    // inspector gets 404 for the file's address.
    let browser = app.login("inspector@t.test").await;
    let page = path.replace("/api/v1", "");
    let (s, html) = app.page(&browser, &page).await;
    assert_eq!(s, 200);
    for name in ["label.jpg", "store.pdf", "new-label.png"] {
        assert!(html.contains(name), "{name} listed");
    }
    assert!(html.contains(&format!("{page}/items/{item}/evidence?_csrf=")));
    let (s, _) = app
        .upload(
            &browser,
            &page,
            &format!("{page}/items/{item}/evidence"),
            "second.jpg",
            JPEG.to_vec(),
        )
        .await;
    assert_eq!(s, 303);
    let (s, html) = app
        .upload(
            &browser,
            &page,
            &format!("{page}/items/{item}/evidence"),
            "virus.exe",
            b"MZ".to_vec(),
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        html.contains(&format!("ev-item-{item}-err")),
        "the error beside its form"
    );
    let unit_browser = app.login("unit@t.test").await;
    let (_, html) = app.page(&unit_browser, &page).await;
    assert!(html.contains(&format!("{page}/findings/{major_id}/capa/evidence?_csrf=")));
    assert!(!html.contains(&format!("{page}/items/{item}/evidence?_csrf=")));
    let file_page = format!("{page}/evidence/{}", first["id"]);
    let (s, _) = app.page(&unit_browser, &file_page).await;
    assert_eq!(s, 200);
    let al_browser = app.login("inspector.alborz@t.test").await;
    assert_eq!(app.page(&al_browser, &file_page).await.0, 404);
    assert_eq!(
        app.page(
            &browser,
            &format!("{BASE}/{}/evidence/{}", id + 1, first["id"]).replace("/api/v1", "")
        )
        .await
        .0,
        404
    );

    // Every upload audited.
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'supervision.evidence.add'")
            .await,
        4
    );
}

#[test]
fn every_evidence_error_code_has_its_messages() {
    for code in tashil::supervision::EVIDENCE_ERROR_CODES {
        let key = format!("err-{}", code.replace('_', "-"));
        for lang in tashil::i18n::Lang::ALL {
            assert!(
                tashil::i18n::I18n::get().has(lang, &key),
                "{key} in {lang:?}"
            );
        }
    }
}
