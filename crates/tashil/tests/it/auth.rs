//! Logging in: sessions rotate, failures are throttled, logout ends the session.

use crate::helpers::{PASSWORD, TestApp};

#[tokio::test]
async fn login_sets_a_new_http_only_session_and_logout_ends_it() {
    let app = TestApp::spawn().await;
    app.world().await;
    let c = app.browser();
    let fields = [
        ("email", "QAZVIN@t.test"),
        ("password", PASSWORD),
        ("next", "/units"),
    ];
    let res = app.post_form(&c, "/login", "/login", &fields).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/units");
    let cookies: Vec<_> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("tashil_session="))
        .expect("session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert_eq!(c.get(app.url("/units")).send().await.unwrap().status(), 200);

    let res = app.post_form(&c, "/units", "/logout", &[]).await;
    assert_eq!(res.status(), 303);
    let res = c.get(app.url("/units")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login?next=")
    );
}

#[tokio::test]
async fn repeated_failed_logins_are_throttled() {
    let app = TestApp::spawn().await;
    app.world().await;
    let c = app.browser();
    let mut last = 0;
    let wrong = [("email", "qazvin@t.test"), ("password", "wrong password")];
    for _ in 0..6 {
        last = app
            .post_form(&c, "/login", "/login", &wrong)
            .await
            .status()
            .as_u16();
    }
    assert_eq!(last, 429);
    // Even the right password waits out the window.
    let right = [("email", "qazvin@t.test"), ("password", PASSWORD)];
    let res = app.post_form(&c, "/login", "/login", &right).await;
    assert_eq!(res.status(), 429);
}

#[tokio::test]
async fn login_without_csrf_token_is_refused() {
    let app = TestApp::spawn().await;
    app.world().await;
    let res = app
        .browser()
        .post(app.url("/login"))
        .form(&[("email", "qazvin@t.test"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
}
