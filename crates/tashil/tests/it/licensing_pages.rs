//! The application pages as their people use them, on SQLite and PostgreSQL: a unit applies
//! from the form (a bad HS code named by row, nothing saved), the office passes each step
//! from the application's page, a rejection without a condition is refused beside the field,
//! and another province's officer neither sees nor moves it.

use crate::helpers::TestApp;
use crate::licence_setup::desk;

#[tokio::test]
async fn a_unit_applies_and_the_office_passes_each_step_from_the_pages() {
    let app = TestApp::spawn().await;
    let _ = desk(&app, false, true).await;
    let unit = app.login("unit@t.test").await;
    let new = "/applications/new?lang=fa";
    let milk = [
        ("permit_type", "standard-mark-new"),
        ("product", "شیر پاستوریزه"),
        ("brand", "کاله"),
    ];
    let (s, html) = app
        .submit(&unit, new, new, &[&milk[..], &[("hs_code", "12")]].concat())
        .await;
    assert_eq!(s, 422, "a bad HS code is refused");
    assert!(html.contains("aria-invalid=\"true\""), "beside its row");
    let good = [
        ("hs_code", "۰۴۰۱.۲۰"),
        ("product", ""),
        ("brand", ""),
        ("hs_code", ""),
    ];
    let (s, html) = app
        .submit(&unit, new, new, &[&milk[..], &good].concat())
        .await;
    assert_eq!(s, 303, "{html}");
    assert!(
        html.contains("IR-"),
        "lands on its page with the tracking code"
    );
    let list = unit
        .get(app.url("/applications?lang=fa"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let id: i64 = list
        .split("href=\"/applications/")
        .skip(1)
        .find_map(|rest| rest.split('"').next()?.parse().ok())
        .expect("listed");
    let page = format!("/applications/{id}?lang=fa");

    // Another province's officer neither sees nor moves it.
    let alborz = app.login("alborz@t.test").await;
    let r = alborz.get(app.url(&page)).send().await.unwrap();
    assert_eq!(r.status(), 404);

    let office = app.login("qazvin@t.test").await;
    let html = office
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let step_html = html.replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        step_html.contains("تصمیم با ادارهٔ کل قزوین"),
        "each step names who decides it: {}",
        &step_html[step_html.find("<ol").unwrap_or(0)..][..600]
    );
    let (s, html) = app
        .submit(
            &office,
            &page,
            &page,
            &[("move", "reject"), ("step", "0"), ("explanation", "ناقص")],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        html.contains("conditions-err"),
        "the conditions field says why"
    );
    for step in 0..5 {
        let who = if step == 1 {
            app.login("inspector@t.test").await
        } else {
            app.login("qazvin@t.test").await
        };
        let (s, html) = app
            .submit(
                &who,
                &page,
                &page,
                &[("move", "pass"), ("step", &step.to_string())],
            )
            .await;
        assert_eq!(s, 303, "step {step}: {html}");
    }
    let html = unit
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("SMN-IR-26-"),
        "the licence is on the application's page"
    );
    // A stale form (an old step) changes nothing and says so.
    let (s, _) = app
        .submit(&office, &page, &page, &[("move", "pass"), ("step", "0")])
        .await;
    assert_eq!(s, 409);
    // Navigation: the office sees its applications, a lab does not.
    assert!(html.contains("href=\"/applications\""));
    let lab = app.login("lab@t.test").await;
    let html = lab
        .get(app.url("/licences"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains("href=\"/applications\""));
    assert_eq!(
        lab.get(app.url("/applications"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    // Paging past the end is an empty page, not an error.
    let r = office
        .get(app.url("/applications?page=18446744073709551615"))
        .send()
        .await
        .unwrap();
    assert!(r.status() == 200 || r.status() == 400, "{}", r.status());
}
