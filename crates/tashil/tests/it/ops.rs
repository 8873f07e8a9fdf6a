//! Operations routes, the OpenAPI document and the pages' language and direction.

use serde_json::Value;

use crate::helpers::TestApp;

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
    let today = chrono::Utc::now().date_naive();
    let expected = tashil_text::dates::format_date(today, tashil_text::Lang::Fa);
    assert!(expected.chars().any(|c| ('۰'..='۹').contains(&c)));
    assert!(html.contains(&expected), "{expected} not in page");
    let (y, _, _) = tashil_text::dates::to_solar_hijri(today);
    assert!(html.contains(&tashil_text::digits::to_persian_digits(&y.to_string())));
}
