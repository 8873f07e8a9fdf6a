//! Licences after issue, on SQLite and PostgreSQL: suspension, revocation and lifting by the
//! licence's province or the national body only, with grounds; the expiry job (once, with two
//! passes racing); and the public register, found however its words are typed.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::licence_setup::{apply, call, desk, issue_licence, register_search, standard_mark};

/// The register's entry of the licence numbered `number`.
async fn entry(app: &TestApp, number: &str) -> Value {
    let v = register_search(app, number).await;
    assert_eq!(v["entries"].as_array().unwrap().len(), 1, "{v}");
    v["entries"][0].clone()
}

async fn act(app: &TestApp, token: &str, id: i64, body: Value) -> (u16, Value) {
    call(
        app,
        Some(token),
        "POST",
        &format!("/api/v1/licences/{id}/status"),
        Some(body),
    )
    .await
}

fn grounds() -> Value {
    json!({"action": "suspend", "reason": "نمونهٔ بازار مردود شد",
           "legal_basis": "مادهٔ ۸ قانون تقویت و توسعهٔ نظام استاندارد"})
}

#[tokio::test]
async fn a_licence_is_suspended_lifted_and_revoked_only_by_its_province_or_the_national_body() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let a = issue_licence(&app, &d).await;
    assert!(a["fast_track"].is_object(), "a clean record: fast-tracked");
    let number = a["licence"]["number"].as_str().unwrap();
    let id = entry(&app, number).await["id"].as_i64().unwrap();

    for (who, code) in [(&d.alborz, 403), (&d.inspector, 403), (&d.unit, 403)] {
        assert_eq!(act(&app, who, id, grounds()).await.0, code);
    }
    assert_eq!(
        call(
            &app,
            None,
            "POST",
            &format!("/api/v1/licences/{id}/status"),
            Some(grounds())
        )
        .await
        .0,
        401
    );
    let (s, v) = act(
        &app,
        &d.qazvin,
        id,
        json!({"action": "suspend", "reason": " "}),
    )
    .await;
    assert_eq!(s, 422, "{v}");
    let fields: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["reason", "legal_basis"]);
    let (s, v) = act(&app, &d.qazvin, id, json!({"action": "pause"})).await;
    assert_eq!((s, v["errors"][0]["field"].as_str()), (422, Some("action")));

    let (s, v) = act(&app, &d.qazvin, id, grounds()).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["status"], "suspended");
    assert_eq!(v["legal_basis"], grounds()["legal_basis"]);
    let (s, v) = act(&app, &d.qazvin, id, grounds()).await;
    assert_eq!((s, v["code"].as_str()), (409, Some("licence_suspended")));

    let (s, v) = act(&app, &d.admin, id, json!({"action": "lift"})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["status"], "active");
    assert_eq!(v["status_reason"], Value::Null);
    let (s, v) = act(&app, &d.qazvin, id, json!({"action": "lift"})).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (409, Some("licence_not_suspended"))
    );

    // A lifted suspension still counts against the fast track.
    let again = apply(&app, &d).await;
    assert_eq!(again["fast_track"], Value::Null, "{}", again["fast_track"]);

    let mut revoke = grounds();
    revoke["action"] = json!("revoke");
    let (s, v) = act(&app, &d.admin, id, revoke.clone()).await;
    assert_eq!((s, v["status"].as_str()), (200, Some("revoked")));
    for body in [json!({"action": "lift"}), grounds(), revoke] {
        let (s, v) = act(&app, &d.qazvin, id, body).await;
        assert_eq!((s, v["code"].as_str()), (409, Some("licence_final")));
    }

    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'licence'")
            .await,
        3,
        "suspended, lifted, revoked"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM licence_events").await,
        3
    );
}

#[tokio::test]
async fn the_expiry_job_expires_a_licence_after_its_last_valid_day_once_with_two_nodes() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, true).await;
    let old = issue_licence(&app, &d).await["licence"]["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let today = issue_licence(&app, &d).await["licence"]["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let b = app.db.get_database_backend();
    let last_day = tashil::kernel::clock::local_date("IR-26", chrono::Utc::now());
    for (number, until) in [
        (&old, "2026-01-01".to_owned()),
        (&today, last_day.to_string()),
    ] {
        app.db
            .execute_raw(Statement::from_sql_and_values(
                b,
                tashil::db::settings::param_sql(
                    b,
                    "UPDATE licences SET valid_until = ? WHERE number = ?",
                ),
                [
                    chrono::NaiveDate::parse_from_str(&until, "%Y-%m-%d")
                        .unwrap()
                        .into(),
                    number.clone().into(),
                ],
            ))
            .await
            .unwrap();
    }
    let (x, y) = tokio::join!(
        tashil::licensing::expire_licences(&app.db, chrono::Utc::now()),
        tashil::licensing::expire_licences(&app.db, chrono::Utc::now())
    );
    assert_eq!(x.unwrap() + y.unwrap(), 1);
    assert_eq!(
        tashil::licensing::expire_licences(&app.db, chrono::Utc::now())
            .await
            .unwrap(),
        0,
        "a pass after a restart finds nothing left"
    );
    assert_eq!(entry(&app, &old).await["status"], "expired");
    assert_eq!(
        entry(&app, &today).await["status"],
        "active",
        "the last valid day is still valid"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'licence.expired'")
            .await,
        1
    );
    let id = entry(&app, &old).await["id"].as_i64().unwrap();
    let (s, v) = act(&app, &d.qazvin, id, grounds()).await;
    assert_eq!((s, v["code"].as_str()), (409, Some("licence_final")));
}

#[tokio::test]
async fn the_public_register_finds_a_licence_however_it_is_typed_and_shows_nothing_personal() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, true).await;
    let a = issue_licence(&app, &d).await;
    let number = a["licence"]["number"].as_str().unwrap().to_owned();
    let national_id = crate::helpers::ir_id(1010000001);
    let persian_id = tashil_text::digits::localize_digits(&national_id, tashil_text::Lang::Fa);
    let no_dashes = number.replace('-', "").to_lowercase();
    for q in [
        "کاله قزوین",
        "كاله",          // Arabic kaf
        "شير پاستوريزه", // Arabic yeh
        "کم‌چرب",         // with ZWNJ
        "کمچرب",         // without
        persian_id.as_str(),
        national_id.as_str(),
        number.as_str(),
        no_dashes.as_str(),
    ] {
        let (s, v) = call(
            &app,
            None,
            "GET",
            &format!("/api/v1/licences?q={}", crate::helpers::urlencode(q)),
            None,
        )
        .await;
        assert_eq!(s, 200, "{q}: {v}");
        assert_eq!(v["total"], 1, "{q}: {v}");
        assert_eq!(v["entries"][0]["number"], number.as_str());
    }
    let e = entry(&app, &number).await;
    assert_eq!(e["holder"]["fa"], "شرکت لبنیات کاله قزوین");
    assert_eq!(e["products"][0]["brand"], "کاله");
    assert!(
        e["products"][0]["standard"]
            .as_str()
            .unwrap()
            .contains("93")
    );
    assert_eq!(e["status"], "active");
    let text = e.to_string();
    for personal in ["unit@t.test", "نمونه‌ها", national_id.as_str()] {
        assert!(!text.contains(personal), "{personal} in {text}");
    }
    for q in ["میهن", "SMN-IR-27"] {
        let (_, v) = call(
            &app,
            None,
            "GET",
            &format!("/api/v1/licences?q={}", crate::helpers::urlencode(q)),
            None,
        )
        .await;
        assert_eq!(v["total"], 0, "{q}: {v}");
    }
    let (s, v) = call(&app, None, "GET", "/api/v1/licences?status=lost", None).await;
    assert_eq!((s, v["errors"][0]["field"].as_str()), (422, Some("status")));

    // Paging by key: a second licence, one a page is not needed, `after` moves on.
    let second = issue_licence(&app, &d).await["licence"]["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, all) = call(&app, None, "GET", "/api/v1/licences?q=kaleh", None).await;
    assert_eq!(all["total"], 0, "no English name was given");
    let (_, all) = call(&app, None, "GET", "/api/v1/licences?status=active", None).await;
    assert_eq!(all["total"], 2);
    assert_eq!(all["entries"][0]["number"], second.as_str(), "newest first");
    let last = all["entries"][1]["id"].as_i64().unwrap();
    let (_, rest) = call(
        &app,
        None,
        "GET",
        &format!("/api/v1/licences?after={last}"),
        None,
    )
    .await;
    assert_eq!(rest["entries"].as_array().unwrap().len(), 0);
}

/// Sets the last valid day of licence `number` to `days` from today in Qazvin.
async fn valid_for(app: &TestApp, number: &str, days: u64) {
    let b = app.db.get_database_backend();
    let until = tashil::kernel::clock::local_date("IR-26", chrono::Utc::now())
        .checked_add_days(chrono::Days::new(days))
        .unwrap();
    app.db
        .execute_raw(Statement::from_sql_and_values(
            b,
            tashil::db::settings::param_sql(
                b,
                "UPDATE licences SET valid_until = ? WHERE number = ?",
            ),
            [until.into(), number.into()],
        ))
        .await
        .unwrap();
}

#[tokio::test]
async fn the_holder_is_reminded_to_renew_at_sixty_and_thirty_days_once_each_with_two_nodes() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, true).await;
    let number = issue_licence(&app, &d).await["licence"]["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let sink = crate::smtp_sink::Sink::start().await;
    let m = tashil::mail::Mailer::new(
        &sink.url,
        "Tashil <no-reply@tashil.test>",
        "https://tashil.test",
    )
    .unwrap();
    let jobs = tashil::app::jobs();
    let tick = || async {
        let (a, b) = tokio::join!(jobs.tick(&app.db, Some(&m)), jobs.tick(&app.db, Some(&m)));
        a.unwrap();
        b.unwrap();
    };

    valid_for(&app, &number, 61).await;
    tick().await;
    assert!(sink.take().is_empty(), "61 days ahead: too early");

    valid_for(&app, &number, 60).await;
    tick().await;
    tick().await;
    let got = sink.take();
    assert_eq!(got.len(), 1, "once, though two nodes ran twice");
    assert_eq!(got[0].rcpt, ["unit@t.test"]);
    let persian = tashil_text::digits::localize_digits(&number, tashil_text::Lang::Fa);
    assert!(got[0].subject().contains("۶۰"), "{}", got[0].subject());
    assert!(got[0].subject().contains(&persian), "{}", got[0].subject());
    assert!(
        got[0].text().contains("۱۴۰"),
        "the day in the Solar Hijri calendar: {}",
        got[0].text()
    );

    valid_for(&app, &number, 45).await;
    tick().await;
    assert!(sink.take().is_empty(), "between the two reminders");

    valid_for(&app, &number, 30).await;
    tick().await;
    tick().await;
    let got = sink.take();
    assert_eq!(got.len(), 1);
    assert!(got[0].subject().contains("۳۰"), "{}", got[0].subject());
}

#[tokio::test]
async fn the_holder_renews_a_licence_prefilled_under_the_type_that_renews_it() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let a = issue_licence(&app, &d).await;
    let id = entry(&app, a["licence"]["number"].as_str().unwrap()).await["id"]
        .as_i64()
        .unwrap();
    let renew = |token: &str| {
        let token = token.to_owned();
        let app = &app;
        async move {
            call(
                app,
                Some(&token),
                "POST",
                &format!("/api/v1/licences/{id}/renew"),
                None,
            )
            .await
        }
    };
    let (s, v) = renew(&d.unit).await;
    assert_eq!(
        (s, v["errors"][0]["code"].as_str()),
        (422, Some("no_renewal_type")),
        "{v}"
    );

    let mut renewal = standard_mark(true);
    renewal["code"] = json!("standard-mark-renewal");
    renewal["definition"]["renews"] = json!(["standard-mark-new", "standard-mark-renewal"]);
    let (s, v) = call(
        &app,
        Some(&d.admin),
        "PUT",
        "/api/v1/permit-types/standard-mark-renewal",
        Some(renewal),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["definition"]["renews"][0], "standard-mark-new");

    for who in [&d.qazvin, &d.admin] {
        assert_eq!(renew(who).await.0, 403);
    }
    let (s, v) = renew(&d.unit).await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["permit_type"], "standard-mark-renewal");
    assert_eq!(
        v["products"], a["products"],
        "the licence's products and brands"
    );
    assert_eq!(
        v["fast_track"]["rule"], "clean-record",
        "the fast track applies as usual"
    );
    assert_eq!(v["status"], "in_progress");

    let mut revoke = grounds();
    revoke["action"] = json!("revoke");
    assert_eq!(act(&app, &d.admin, id, revoke).await.0, 200);
    let (s, v) = renew(&d.unit).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (409, Some("licence_not_renewable"))
    );
}

#[tokio::test]
async fn a_licence_issued_at_half_past_midnight_on_nowruz_in_qazvin_is_of_1405() {
    // 21:00 UTC on 20 March 2026 is 00:30 on 1 Farvardin 1405 in Qazvin: the server's clock
    // stands there, and application, moves and issue all take their now from it.
    let app = TestApp::spawn_at("2026-03-20T21:00:00Z").await;
    let d = desk(&app, false, true).await;
    let v = issue_licence(&app, &d).await;
    let number = v["licence"]["number"].as_str().unwrap().to_owned();
    assert!(number.contains("-IR-26-1405-"), "{number}");
    let e = entry(&app, &number).await;
    assert_eq!(e["valid_from"], "2026-03-21", "{e}");
}
