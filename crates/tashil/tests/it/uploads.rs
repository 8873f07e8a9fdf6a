//! Upload sizes: attachments up to the 10 MB the API promises, imports up to the body bound,
//! and a clear 413 beyond, never a reset connection (issue 13, item 9).

use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::TestApp;

const MB: usize = 1024 * 1024;

/// A case reported by the Qazvin unit: its id and the unit user's token.
async fn reported_case(app: &TestApp) -> (i64, String) {
    app.world().await;
    let token = app.token("unit@t.test").await;
    let case = app
        .post_json(
            &token,
            "/api/v1/cases",
            json!({"category": "bank_financing", "title": "نامهٔ بانک",
                   "description": "بانک عامل تسهیلات مصوب را پرداخت نمی‌کند.",
                   "amount_at_stake": "1000", "jobs_at_risk": "3"}),
            201,
        )
        .await;
    (case["id"].as_i64().expect("case id"), token)
}

fn pdf_of(len: usize) -> Form {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.resize(len, b'x');
    Form::new().part("file", Part::bytes(bytes).file_name("scan.pdf"))
}

#[tokio::test]
async fn a_five_mb_attachment_is_taken_and_an_eleven_mb_one_gets_413() {
    let app = TestApp::spawn().await;
    let (id, token) = reported_case(&app).await;
    let url = app.url(&format!("/api/v1/cases/{id}/attachments"));
    let c = reqwest::Client::new();
    let res = c
        .post(&url)
        .bearer_auth(&token)
        .multipart(pdf_of(5 * MB))
        .send()
        .await
        .expect("5 MB answered");
    assert_eq!(res.status(), 201);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["size"], 5 * MB);

    let res = c
        .post(&url)
        .bearer_auth(&token)
        .multipart(pdf_of(11 * MB))
        .send()
        .await
        .expect("11 MB answered, not reset");
    assert_eq!(res.status(), 413);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["code"], "body_too_large");

    // Far beyond the limit and chunked (no declared length): still an answer.
    let status = chunked_post(&app, &format!("/api/v1/cases/{id}/attachments"), &token, 40).await;
    assert!(status.starts_with("HTTP/1.1 413"), "{status}");
}

/// POSTs `mb` megabytes as a chunked body over a bare connection and returns the status line.
async fn chunked_post(app: &TestApp, path: &str, token: &str, mb: usize) -> String {
    let addr = app.base.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: multipart/form-data; boundary=X\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    s.write_all(head.as_bytes()).await.unwrap();
    let chunk = vec![b'x'; MB];
    for _ in 0..mb {
        s.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .await
            .expect("the server still reads");
        s.write_all(&chunk).await.expect("the server still reads");
        s.write_all(b"\r\n").await.unwrap();
    }
    s.write_all(b"0\r\n\r\n").await.unwrap();
    let mut answer = vec![0u8; 256];
    let n = s.read(&mut answer).await.expect("an answer");
    String::from_utf8_lossy(&answer[..n])
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn the_case_page_takes_a_five_mb_attachment() {
    let app = TestApp::spawn().await;
    let (id, _) = reported_case(&app).await;
    let c = app.login("unit@t.test").await;
    let csrf = app.csrf_of(&c, &format!("/cases/{id}")).await;
    let res = c
        .post(app.url(&format!("/cases/{id}/attachments?_csrf={csrf}")))
        .multipart(pdf_of(5 * MB))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        303,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let token = app.token("unit@t.test").await;
    let (_, v) = app.get_json(&token, &format!("/api/v1/cases/{id}")).await;
    assert_eq!(v["attachments"][0]["size"], 5 * MB);
}

#[tokio::test]
async fn an_import_file_above_two_mb_reaches_the_importer() {
    let app = TestApp::spawn().await;
    app.world().await;
    let c = app.login("qazvin@t.test").await;
    let mut csv = b"national_id,name_fa\n".to_vec();
    while csv.len() < 3 * MB {
        csv.extend_from_slice(b"not-an-id,\xd9\x86\xd8\xa7\xd9\x85\n");
    }
    let (status, _) = app
        .upload(
            &c,
            "/units/import",
            "/units/import?lang=en",
            "units.csv",
            csv,
        )
        .await;
    // The importer read it and refused its rows: a report, not "upload could not be read".
    assert_eq!(status, 422);
}
