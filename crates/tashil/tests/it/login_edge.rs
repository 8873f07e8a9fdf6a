//! Logging in at the edge: where the redirect after login may go, a stale session cookie, and
//! which address the failed-login throttle counts (issue 13, items 4, 6 and 7).

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use sea_orm::{ConnectionTrait, Statement};
use tashil::web::client_addr::TrustedProxies;

use crate::helpers::{PASSWORD, TestApp, extract_csrf};

/// A login form with `next`, as a browser holding a fresh CSRF token sends it.
async fn login_with_next(app: &TestApp, next: &str) -> reqwest::Response {
    let fields = [
        ("email", "qazvin@t.test"),
        ("password", PASSWORD),
        ("next", next),
    ];
    app.post_form(&app.browser(), "/login", "/login", &fields)
        .await
}

#[tokio::test]
async fn login_never_redirects_to_another_origin() {
    let app = TestApp::spawn().await;
    app.world().await;
    for next in [
        "/\t/evil.example/",
        "/\r\n/evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "https://evil.example/",
    ] {
        let res = login_with_next(&app, next).await;
        assert_eq!(res.status(), 303, "{next:?}");
        assert_eq!(res.headers()[LOCATION], "/", "{next:?}");
    }
    // The login form does not carry such a `next` either.
    let html = app
        .browser()
        .get(app.url("/login?next=%2F%09%2Fevil.example%2F"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"name="next" value="/">"#));
}

#[tokio::test]
async fn a_next_with_a_newline_or_persian_letters_still_logs_in() {
    let app = TestApp::spawn().await;
    app.world().await;
    let c = app.browser();
    let fields = [
        ("email", "qazvin@t.test"),
        ("password", PASSWORD),
        ("next", "/units\nX-Injected: 1"),
    ];
    let res = app.post_form(&c, "/login", "/login", &fields).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()[LOCATION], "/");
    assert_eq!(c.get(app.url("/units")).send().await.unwrap().status(), 200);

    let res = login_with_next(&app, "/units?q=سیمان").await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()[LOCATION],
        "/units?q=%D8%B3%DB%8C%D9%85%D8%A7%D9%86"
    );
}

/// Every `Set-Cookie` of a response, in order.
fn set_cookies(res: &reqwest::Response) -> Vec<String> {
    res.headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect()
}

fn cookie_value<'a>(set_cookie: &'a str, name: &str) -> Option<&'a str> {
    set_cookie
        .strip_prefix(name)?
        .strip_prefix('=')?
        .split(';')
        .next()
}

#[tokio::test]
async fn a_stale_session_cookie_does_not_undo_a_new_login() {
    let app = TestApp::spawn().await;
    app.world().await;
    // No cookie store: the test sends exactly the cookies a browser with a stale session has.
    let c = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let page = c
        .get(app.url("/login"))
        .header(COOKIE, "tashil_session=stale")
        .send()
        .await
        .unwrap();
    let anon = set_cookies(&page)
        .iter()
        .find_map(|s| cookie_value(s, "tashil_anon").map(str::to_string))
        .expect("anonymous cookie");
    let csrf = extract_csrf(&page.text().await.unwrap()).expect("csrf");
    let res = c
        .post(app.url("/login"))
        .header(COOKIE, format!("tashil_session=stale; tashil_anon={anon}"))
        .form(&[
            ("email", "qazvin@t.test"),
            ("password", PASSWORD),
            ("_csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let cookies = set_cookies(&res);
    let sessions: Vec<&str> = cookies
        .iter()
        .filter_map(|s| cookie_value(s, "tashil_session"))
        .collect();
    assert_eq!(sessions.len(), 1, "one session cookie only: {cookies:?}");
    let session = sessions[0];
    assert!(!session.is_empty() && session != "stale", "{cookies:?}");
    let units = c
        .get(app.url("/units"))
        .header(COOKIE, format!("tashil_session={session}"))
        .send()
        .await
        .unwrap();
    assert_eq!(units.status(), 200);
}

/// One login attempt, from a client holding `csrf`, with `X-Forwarded-For: xff`.
async fn attempt(
    app: &TestApp,
    c: &reqwest::Client,
    csrf: &str,
    email: &str,
    pw: &str,
    xff: &str,
) -> u16 {
    c.post(app.url("/login"))
        .header("x-forwarded-for", xff)
        .form(&[("email", email), ("password", pw), ("_csrf", csrf)])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Enough failures on distinct accounts to reach the per-address limit (30 in 15 minutes).
async fn fail_thirty_times(
    app: &TestApp,
    c: &reqwest::Client,
    csrf: &str,
    xff: impl Fn(usize) -> String,
) {
    for i in 0..30 {
        let status = attempt(app, c, csrf, &format!("nobody{i}@t.test"), "wrong", &xff(i)).await;
        assert_eq!(status, 401, "attempt {i}");
    }
}

async fn attempts_on(app: &TestApp, subject: &str) -> i64 {
    let db = &app.db;
    let sql = tashil::db::settings::param_sql(
        db.get_database_backend(),
        "SELECT COUNT(*) AS n FROM login_attempts WHERE subject = ?",
    );
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            [subject.into()],
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}

#[tokio::test]
async fn without_a_trusted_proxy_changing_x_forwarded_for_does_not_escape_the_throttle() {
    let app = TestApp::spawn().await;
    app.world().await;
    let c = app.browser();
    let csrf = app.csrf_of(&c, "/login").await;
    fail_thirty_times(&app, &c, &csrf, |i| format!("198.51.100.{i}")).await;
    let status = attempt(&app, &c, &csrf, "qazvin@t.test", PASSWORD, "198.51.100.200").await;
    assert_eq!(status, 429);
    assert_eq!(attempts_on(&app, "address:127.0.0.1").await, 30);
    assert_eq!(attempts_on(&app, "address:198.51.100.1").await, 0);
}

#[tokio::test]
async fn a_forged_x_forwarded_for_does_not_lock_the_named_address_out() {
    // Behind the operator's proxy on 127.0.0.1, which appends the address it heard from.
    let proxies = TrustedProxies::parse(&["127.0.0.1"]).unwrap();
    let app = TestApp::spawn_with(|s| s.with_trusted_proxies(proxies)).await;
    app.world().await;
    let c = app.browser();
    let csrf = app.csrf_of(&c, "/login").await;
    let victim = "203.0.113.7";
    let attacker = "198.51.100.66";
    fail_thirty_times(&app, &c, &csrf, |_| format!("{victim}, {attacker}")).await;
    assert_eq!(attempts_on(&app, &format!("address:{victim}")).await, 0);
    assert_eq!(
        attempt(
            &app,
            &c,
            &csrf,
            "alborz@t.test",
            PASSWORD,
            &format!("{victim}, {attacker}")
        )
        .await,
        429,
        "the attacker is held"
    );
    let v = app.browser();
    let csrf = app.csrf_of(&v, "/login").await;
    assert_eq!(
        attempt(&app, &v, &csrf, "qazvin@t.test", PASSWORD, victim).await,
        303,
        "the victim logs in"
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_is_throttled_on_its_own() {
    let proxies = TrustedProxies::parse(&["127.0.0.0/8"]).unwrap();
    let app = TestApp::spawn_with(|s| s.with_trusted_proxies(proxies)).await;
    app.world().await;
    let c = app.browser();
    let csrf = app.csrf_of(&c, "/login").await;
    fail_thirty_times(&app, &c, &csrf, |_| "198.51.100.1".into()).await;
    assert_eq!(attempts_on(&app, "address:198.51.100.1").await, 30);
    assert_eq!(
        attempt(&app, &c, &csrf, "qazvin@t.test", PASSWORD, "198.51.100.1").await,
        429
    );
    assert_eq!(
        attempt(&app, &c, &csrf, "qazvin@t.test", PASSWORD, "198.51.100.2").await,
        303
    );
}
