//! Files with a complaint (issue 21): the anonymous complainant attaches a few (a photo of the
//! product, the receipt) on `/complaints/new`, each checked as every upload is; the office
//! reads and downloads them, never the complainant's identity; the public follow-up page
//! shows no file; a fourth file or a file not of its kind is refused and nothing is filed.

use reqwest::multipart::{Form, Part};
use tashil::web::client_addr::TrustedProxies;

use crate::helpers::{TestApp, fixed};

const NOW: &str = "2026-12-07T08:30:00Z";
const PNG: &[u8] = b"\x89PNG\r\n\x1A\n the product";
const PDF: &[u8] = b"%PDF-1.4 the receipt";

fn form(unit: i64, files: &[(&str, &[u8])]) -> Form {
    let mut f = Form::new()
        .text("unit_id", unit.to_string())
        .text("product", "ماست پرچرب")
        .text("account", "تاریخ انقضا پاک شده بود")
        .text("contact_name", "Zahra Secretname");
    for (name, bytes) in files {
        f = f.part(
            "file",
            Part::bytes(bytes.to_vec()).file_name(name.to_string()),
        );
    }
    f
}

async fn file(
    app: &TestApp,
    c: &reqwest::Client,
    unit: i64,
    files: &[(&str, &[u8])],
) -> (u16, String) {
    let csrf = app.csrf_of(c, "/complaints/new").await;
    let r = c
        .post(app.url(&format!("/complaints/new?_csrf={csrf}")))
        .header("x-forwarded-for", "192.0.2.77")
        .multipart(form(unit, files))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

fn code_of(html: &str) -> String {
    let start = html.find("id=\"follow-up-code\">").expect("the code") + 20;
    html[start..].split('<').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_complaint_carries_a_few_checked_files_the_office_reads_and_the_public_never_sees() {
    let app = TestApp::spawn_with(|s| {
        s.with_clock(fixed(NOW))
            .with_trusted_proxies(TrustedProxies::parse(&["127.0.0.1"]).unwrap())
    })
    .await;
    let w = app.world().await;
    let c = app.browser();
    let (st, html) = app.page(&c, "/complaints/new").await;
    assert_eq!(st, 200);
    assert!(
        html.contains("type=\"file\" multiple"),
        "several files at once"
    );

    // A fourth file, or one not of its kind: refused beside the field, nothing filed.
    let four: Vec<(&str, &[u8])> = vec![
        ("a.png", PNG),
        ("b.png", PNG),
        ("c.png", PNG),
        ("d.pdf", PDF),
    ];
    let (st, html) = file(&app, &c, w.qazvin_unit, &four).await;
    assert_eq!(st, 422);
    assert!(html.contains("id=\"file-err\""), "{html}");
    assert!(
        ["at most 3 files", "حداکثر ۳ پرونده", "tối đa 3 tệp"]
            .iter()
            .any(|t| html.contains(t)),
        "the complaint's own limit is named: {html}"
    );
    let (st, _) = file(
        &app,
        &c,
        w.qazvin_unit,
        &[("receipt.pdf", &b"MZ\x90\0"[..])],
    )
    .await;
    assert_eq!(st, 422);
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM supervision_complaints")
            .await,
        0
    );

    // Two files filed with it.
    let (st, html) = file(
        &app,
        &c,
        w.qazvin_unit,
        &[("product.png", PNG), ("receipt.pdf", PDF)],
    )
    .await;
    assert_eq!(st, 201, "{html}");
    let code = code_of(&html);

    // The office reads both, and downloads each; never who complained.
    let qazvin = app.token("qazvin@t.test").await;
    let (_, list) = app
        .get_json(&qazvin, "/api/v1/supervision/complaints")
        .await;
    let id = list[0]["id"].as_i64().unwrap();
    let (_, d) = app
        .get_json(&qazvin, &format!("/api/v1/supervision/complaints/{id}"))
        .await;
    let names: Vec<&str> = d["photos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["product.png", "receipt.pdf"]);
    assert!(!d.to_string().contains("Secretname"));
    let office = app.login("qazvin@t.test").await;
    let (st, html) = app
        .page(&office, &format!("/supervision/complaints/{id}"))
        .await;
    assert_eq!(st, 200);
    assert!(html.contains("product.png") && html.contains("receipt.pdf"));
    assert!(!html.contains("Secretname"));
    let receipt = d["photos"][1]["id"].as_i64().unwrap();
    let r = office
        .get(app.url(&format!("/supervision/complaints/{id}/photos/{receipt}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.bytes().await.unwrap().as_ref(), PDF);
    let alborz = app.login("alborz@t.test").await;
    let r = alborz
        .get(app.url(&format!("/supervision/complaints/{id}/photos/{receipt}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);

    // The public follow-up shows the state, no file.
    let (st, html) = app
        .submit(
            &c,
            "/complaints/track",
            "/complaints/track",
            &[("code", &code)],
        )
        .await;
    assert_eq!(st, 200);
    assert!(html.contains("id=\"complaint-state\""), "{html}");
    assert!(!html.contains("receipt.pdf") && !html.contains("/photos/"));
}
