//! Security headers on pages, API answers and errors, and pages that keep to them: no inline
//! script, style or event handler for the policy to block (issue 13, item 5).

use reqwest::Response;

use crate::helpers::TestApp;

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
    script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; \
    object-src 'none'";

fn assert_guarded(res: &Response, what: &str) {
    let h = res.headers();
    assert_eq!(h["content-security-policy"], CSP, "{what}");
    assert_eq!(h["x-frame-options"], "DENY", "{what}");
    assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(
        h["referrer-policy"], "strict-origin-when-cross-origin",
        "{what}"
    );
}

#[tokio::test]
async fn pages_api_and_errors_carry_the_security_headers() {
    let app = TestApp::spawn().await;
    app.world().await;
    let c = app.browser();
    for path in [
        "/login",
        "/api/v1/units",
        "/api/v1/openapi.json",
        "/no/such/page",
        "/static/app.css",
        "/healthz",
    ] {
        let res = c.get(app.url(path)).send().await.unwrap();
        assert_guarded(&res, path);
        assert!(
            res.headers().get("strict-transport-security").is_none(),
            "no HSTS over plain HTTP: {path}"
        );
    }
    let officer = app.login("qazvin@t.test").await;
    let res = officer.get(app.url("/units")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_guarded(&res, "/units");
    let token = app.token("qazvin@t.test").await;
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/units"))
        .bearer_auth(token)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error());
    assert_guarded(&res, "an API error");
}

#[tokio::test]
async fn behind_https_pages_ask_for_strict_transport_security() {
    let app = TestApp::spawn_with(|mut s| {
        s.secure_cookies = true;
        s
    })
    .await;
    let res = reqwest::get(app.url("/login")).await.unwrap();
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=31536000"
    );
    assert_guarded(&res, "/login over HTTPS");
}

/// What a `'self'`-only policy would block in a page.
pub(crate) fn inline_code(html: &str) -> Vec<String> {
    let lower = html.to_lowercase();
    let mut found = vec![];
    if lower.contains(" style=") || lower.contains("<style") {
        found.push("inline style".to_string());
    }
    for (i, _) in lower.match_indices("<script") {
        let tag_end = lower[i..].find('>').map_or(lower.len(), |e| i + e);
        if !lower[i..tag_end].contains(" src=") {
            found.push("inline script".to_string());
        }
    }
    for attr in [
        " onclick=",
        " onload=",
        " onchange=",
        " onsubmit=",
        " hx-on",
    ] {
        if lower.contains(attr) {
            found.push(attr.trim().to_string());
        }
    }
    if lower.contains("javascript:") {
        found.push("javascript: URL".to_string());
    }
    found
}

#[tokio::test]
async fn pages_hold_no_inline_script_or_style() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let anon = app.browser();
    let officer = app.login("qazvin@t.test").await;
    let pages = [
        (&anon, "/".to_string()),
        (&anon, "/login".to_string()),
        (&anon, "/provinces".to_string()),
        (&anon, "/provinces/IR-26".to_string()),
        (&anon, "/api/docs".to_string()),
        (&officer, "/units".to_string()),
        (&officer, format!("/units/{}", w.qazvin_unit)),
        (&officer, "/units/import".to_string()),
        (&officer, "/standards".to_string()),
        (&officer, "/cases".to_string()),
    ];
    for (client, path) in pages {
        let res = client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        let html = res.text().await.unwrap();
        assert_eq!(inline_code(&html), Vec::<String>::new(), "{path}");
        if html.contains("htmx.min.js") {
            // htmx would otherwise inject a <style> for its indicators, which the policy blocks.
            assert!(html.contains(r#"<meta name="htmx-config""#), "{path}");
        }
    }
}
