//! Operations routes (metrics behind a token or on a private listener), the OpenAPI document
//! and the pages' language and direction.

use serde_json::Value;

use crate::helpers::{METRICS_TOKEN, TestApp};

#[tokio::test]
async fn health_readiness_and_openapi_answer() {
    let app = TestApp::spawn().await;
    let c = reqwest::Client::new();
    assert_eq!(
        c.get(app.url("/healthz")).send().await.unwrap().status(),
        200
    );
    assert_eq!(
        c.get(app.url("/readyz")).send().await.unwrap().status(),
        200
    );
    let doc: Value = c
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["paths"]["/api/v1/units"]["get"].is_object());
    let docs = c
        .get(app.url("/api/docs"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(docs.contains("/api/v1/units/{id}"));
}

#[tokio::test]
async fn pages_are_persian_rtl_by_default_and_switch_language() {
    let app = TestApp::spawn().await;
    let c = app.browser();
    let html = c
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"fa\" dir=\"rtl\">"));
    assert!(html.contains("ورود"));
    let html = c
        .get(app.url("/login?lang=vi"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"vi\" dir=\"ltr\">"));
    assert!(html.contains("Đăng nhập"));
    // The choice sticks through the cookie.
    let html = c
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"vi\""));
    let html = app
        .browser()
        .get(app.url("/login"))
        .header("accept-language", "en-US,en;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[tokio::test]
async fn unit_page_shows_solar_hijri_dates_in_persian_digits() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let c = app.login("qazvin@t.test").await;
    let html = c
        .get(app.url(&format!("/units/{}?lang=fa", w.qazvin_unit)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The unit's page dates on Qazvin's clock (a day ahead of UTC from 20:30 UTC).
    let today = tashil::kernel::clock::local_date("IR-26", chrono::Utc::now());
    let expected = tashil_text::dates::format_date(today, tashil_text::Lang::Fa);
    assert!(expected.chars().any(|c| ('۰'..='۹').contains(&c)));
    assert!(html.contains(&expected), "{expected} not in page");
    let (y, _, _) = tashil_text::dates::to_solar_hijri(today);
    assert!(html.contains(&tashil_text::digits::to_persian_digits(&y.to_string())));
}

#[tokio::test]
async fn metrics_answer_only_the_scraper_token_or_the_private_listener() {
    let app = TestApp::spawn().await;
    let c = reqwest::Client::new();
    // Something to count.
    c.get(app.url("/healthz")).send().await.unwrap();
    let metrics = app.url("/metrics");
    assert_eq!(c.get(&metrics).send().await.unwrap().status(), 404);
    let wrong = c.get(&metrics).bearer_auth("guess").send().await.unwrap();
    assert_eq!(wrong.status(), 404);
    // An API token is not the metrics token.
    app.world().await;
    let api_token = app.token("admin@t.test").await;
    let res = c.get(&metrics).bearer_auth(api_token).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let res = c
        .get(&metrics)
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    assert!(text.contains("http_requests_total"));
    // Where the memory is (the soak drill reads these beside the resident size).
    for gauge in [
        "tashil_sqlite_memory_bytes",
        "tashil_heap_in_use_bytes",
        "tashil_heap_free_bytes",
    ] {
        assert!(text.contains(gauge), "{gauge} missing from /metrics");
    }

    let private = app.metrics_listener().await;
    let res = c
        .get(format!("{}/metrics", private.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("http_requests_total"));
    // The private listener serves nothing else.
    let res = c
        .get(format!("{}/login", private.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn without_a_metrics_token_the_main_listener_does_not_serve_metrics() {
    let app = TestApp::spawn_with(|s| s.with_metrics_token(None)).await;
    let c = reqwest::Client::new();
    let res = c
        .get(app.url("/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = c
        .get(app.url("/metrics"))
        .bearer_auth("")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}
