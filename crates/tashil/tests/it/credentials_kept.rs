//! What a node keeps of credentials (the public check's answers, the issuers a verifier
//! knows) is checked against the database at every request: a change through another node is
//! seen at once, on SQLite and PostgreSQL.

use serde_json::{Value, json};

use crate::credentials::{credential, get, verify_api};
use crate::helpers::TestApp;
use crate::licence_setup::{desk, licence};

/// POSTs `body` to `path` on the node at `base` as `token`: status and answer.
async fn post(base: &str, token: &str, path: &str, body: Value) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(format!("{base}{path}"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Moves licence `id` through the node at `base` (`suspend`, `lift`, `revoke`).
async fn move_licence(base: &str, token: &str, id: i64, action: &str) {
    let (s, v) = post(
        base,
        token,
        &format!("/api/v1/licences/{id}/status"),
        json!({"action": action, "reason": "نمونهٔ بازار مردود شد",
               "legal_basis": "مادهٔ ۸ قانون تقویت و توسعهٔ نظام استاندارد"}),
    )
    .await;
    assert_eq!(s, 200, "{action}: {v}");
}

/// The check URL's `status` on the node at `base`.
async fn standing(base: &str, page: &str) -> String {
    let (s, _, body) = get(base, &format!("{page}.json"), None).await;
    assert_eq!(s, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    v["status"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_check_url_sees_at_once_a_status_changed_through_another_node() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, id) = licence(&app, &d).await;
    let vc = credential(&app.base, &number, "di-rdfc").await;
    let page = vc["id"].as_str().unwrap().to_owned();
    let node = app.second_node().await;
    // Both nodes have answered, twice, so both keep the answer.
    for _ in 0..2 {
        assert_eq!(standing(&app.base, &page).await, "valid");
        assert_eq!(standing(&node.base, &page).await, "valid");
    }

    move_licence(&node.base, &d.qazvin, id, "suspend").await;
    assert_eq!(standing(&app.base, &page).await, "suspended");
    let (_, _, html) = get(&app.base, &format!("{page}?lang=en"), None).await;
    assert!(html.contains("Suspended"), "{html}");

    move_licence(&node.base, &d.qazvin, id, "lift").await;
    assert_eq!(standing(&app.base, &page).await, "valid");

    move_licence(&app.base, &d.qazvin, id, "revoke").await;
    assert_eq!(standing(&node.base, &page).await, "revoked");
    assert_eq!(standing(&app.base, &page).await, "revoked");
    let (_, _, html) = get(&node.base, &format!("{page}?lang=en"), None).await;
    assert!(html.contains("Revoked"), "{html}");
}

#[tokio::test]
async fn the_verifier_knows_at_once_a_provincial_issuer_turned_on_through_another_node() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    // Any verification makes the first node keep the issuers it knows: the national body.
    let (s, v) = verify_api(&app, &json!({"type": ["VerifiableCredential"]})).await;
    assert_eq!(s, 400, "{v}");

    let node = app.second_node().await;
    let (s, v) = post(
        &node.base,
        &d.admin,
        "/api/v1/credentials/issuers",
        json!({"province": "IR-26"}),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let (number, _) = licence(&app, &d).await;
    // Signed through the other node, which makes the province's first key there.
    let vc = credential(&node.base, &number, "di-jcs").await;
    assert_eq!(vc["issuer"]["id"], "did:web:tashil.test:provinces:IR-26");
    let (s, v) = verify_api(&app, &vc).await;
    assert_eq!(
        s, 200,
        "the provincial credential verifies on the first node: {v}"
    );
    assert_eq!(v["verified"], true, "{v}");
}
