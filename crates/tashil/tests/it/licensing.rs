//! Licences and permits through the API, on SQLite and PostgreSQL: permit types as versioned
//! data, delegation deciding who acts, every move allowed and refused, rejections that cite
//! conditions, the fast track, silence as consent (once, with two passes racing), and the
//! public tracking page.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use tashil::kernel::clock::Clock;

use crate::helpers::TestApp;
use crate::licence_setup::{apply, call, desk, mv, standard_mark};

/// How many audit entries have `column` (entity or action) equal to `value`.
async fn audit_count(app: &TestApp, column: &str, value: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) AS n FROM audit_log WHERE {column} = '{value}'");
    let b = app.db.get_database_backend();
    let row = app
        .db
        .query_one_raw(Statement::from_string(b, sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}

#[tokio::test]
async fn only_the_national_body_defines_permit_types_and_a_change_is_a_new_version() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, false).await;
    for who in [&d.qazvin, &d.unit] {
        let (s, _) = call(
            &app,
            Some(who),
            "PUT",
            "/api/v1/permit-types/standard-mark-new",
            Some(standard_mark(false)),
        )
        .await;
        assert_eq!(s, 403);
    }
    let mut broken = standard_mark(false);
    broken["definition"]["steps"][1]["deadline_days"] = json!(0);
    broken["definition"]["conditions"] = json!([]);
    let (s, v) = call(
        &app,
        Some(&d.admin),
        "PUT",
        "/api/v1/permit-types/standard-mark-new",
        Some(broken),
    )
    .await;
    assert_eq!(s, 422);
    let fields: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"definition.steps[1].deadline_days"),
        "{fields:?}"
    );
    assert!(fields.contains(&"definition.conditions"), "{fields:?}");

    let app1 = apply(&app, &d).await;
    assert_eq!(app1["permit_version"], 1);
    let mut longer = standard_mark(false);
    longer["definition"]["steps"][0]["deadline_days"] = json!(7);
    let (s, v) = call(
        &app,
        Some(&d.admin),
        "PUT",
        "/api/v1/permit-types/standard-mark-new",
        Some(longer),
    )
    .await;
    assert_eq!((s, v["version"].as_i64()), (200, Some(2)));
    let (_, same) = call(
        &app,
        None,
        "GET",
        "/api/v1/permit-types/standard-mark-new?version=1",
        None,
    )
    .await;
    assert_eq!(
        same["definition"]["steps"][0]["deadline_days"], 5,
        "a past version stays as it was"
    );
    let id = app1["id"].as_i64().unwrap();
    let (_, again) = call(
        &app,
        Some(&d.unit),
        "GET",
        &format!("/api/v1/applications/{id}"),
        None,
    )
    .await;
    assert_eq!(
        again["permit_version"], 1,
        "an application keeps the version it started under"
    );
    assert_eq!(again["steps"][0]["deadline_days"], 5);

    // Import: all or nothing, each error naming its entry.
    let mut bad = standard_mark(false);
    bad["code"] = json!("operating-licence");
    bad["definition"]["steps"][0]["code"] = json!("Bad Code");
    let (s, v) = call(
        &app,
        Some(&d.admin),
        "POST",
        "/api/v1/permit-types/import",
        Some(json!([standard_mark(false), bad])),
    )
    .await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["errors"][0]["field"], "[1].definition.steps[0].code");
    let (_, list) = call(&app, None, "GET", "/api/v1/permit-types", None).await;
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "nothing of a refused import is kept"
    );
}

#[tokio::test]
async fn an_application_moves_step_by_step_only_by_the_office_that_decides_it() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, true).await;
    let a = apply(&app, &d).await;
    let id = a["id"].as_i64().unwrap();
    assert_eq!(a["status"], "in_progress");
    assert_eq!(a["steps"][0]["deciding_office"], "IR-26");
    assert_eq!(a["products"][0]["hs_code"], "040120");
    assert!(
        a["products"][0]["standard"]
            .as_str()
            .unwrap()
            .contains("93")
    );
    assert!(a["steps"][0]["due_on"].is_string());
    assert_eq!(a["may"], json!(["withdraw"]));

    // Wrong party, wrong province, wrong role, out of order: refused, nothing moves.
    let pass = |step: i64| json!({"move": "pass", "step": step});
    assert_eq!(mv(&app, &d.unit, id, pass(0)).await.0, 403);
    assert_eq!(
        mv(&app, &d.alborz, id, pass(0)).await.0,
        404,
        "another province cannot even see it"
    );
    assert_eq!(
        mv(&app, &d.inspector, id, pass(0)).await.0,
        403,
        "an officer's step"
    );
    assert_eq!(
        mv(&app, &d.admin, id, pass(0)).await.0,
        403,
        "delegated to the province"
    );
    let (s, v) = mv(&app, &d.qazvin, id, pass(1)).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (409, Some("application_changed")),
        "a stale or skipped step"
    );
    let (s, _) = mv(&app, &d.qazvin, id, json!({"move": "pass"})).await;
    assert_eq!(s, 422, "the step acted on is named");

    let (s, v) = mv(&app, &d.qazvin, id, pass(0)).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["steps"][0]["outcome"], "passed");
    // The audit is the inspector's step; an officer may stand in.
    let (s, v) = mv(&app, &d.inspector, id, pass(1)).await;
    assert_eq!(s, 200, "{v}");
    for step in 2..5 {
        let (s, v) = mv(&app, &d.qazvin, id, pass(step)).await;
        assert_eq!(s, 200, "{v}");
    }
    let (_, v) = call(
        &app,
        Some(&d.unit),
        "GET",
        &format!("/api/v1/applications/{id}"),
        None,
    )
    .await;
    assert_eq!(v["status"], "issued");
    let number = v["licence"]["number"].as_str().unwrap().to_owned();
    assert!(number.starts_with("SMN-IR-26-14"), "{number}");
    assert_eq!(v["may"], json!([]));
    for (token, body) in [(&d.qazvin, pass(4)), (&d.unit, json!({"move": "withdraw"}))] {
        let (s, v) = mv(&app, token, id, body).await;
        assert_eq!((s, v["code"].as_str()), (409, Some("application_final")));
    }

    // The public tracking page: where it stands, nothing personal.
    let code = a["tracking_code"].as_str().unwrap();
    let (s, t) = call(
        &app,
        None,
        "GET",
        &format!("/api/v1/track/{}", code.to_lowercase()),
        None,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(t["status"], "issued");
    let text = t.to_string();
    assert!(
        !text.contains("کاله") && !text.contains("unit@t.test") && !text.contains("نمونه‌ها"),
        "{text}"
    );
    assert_eq!(
        call(&app, None, "GET", "/api/v1/track/IR-0000-0000", None)
            .await
            .0,
        404
    );

    // Every move is audited.
    assert_eq!(
        audit_count(&app, "entity", "application").await,
        6,
        "created and five steps passed"
    );
}

#[tokio::test]
async fn delegation_decides_who_acts() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, false).await;
    let a = apply(&app, &d).await;
    let id = a["id"].as_i64().unwrap();
    assert_eq!(
        a["steps"][0]["deciding_office"], "NATIONAL",
        "undelegated: the national body decides"
    );
    assert_eq!(
        mv(&app, &d.qazvin, id, json!({"move": "pass", "step": 0}))
            .await
            .0,
        403
    );
    // The national body delegates the audit to Qazvin, then passes the documents itself.
    let (s, v) = call(
        &app,
        Some(&d.qazvin),
        "PUT",
        "/api/v1/permit-types/standard-mark-new/delegations",
        Some(json!({"province": "IR-26", "step": "audit", "decider": "province"})),
    )
    .await;
    assert_eq!(s, 403, "{v}");
    let (s, v) = call(
        &app,
        Some(&d.admin),
        "PUT",
        "/api/v1/permit-types/standard-mark-new/delegations",
        Some(json!({"province": "IR-26", "step": "audit", "decider": "province"})),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v[1]["decider"], "province");
    let (s, v) = mv(&app, &d.admin, id, json!({"move": "pass", "step": 0})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["steps"][1]["deciding_office"], "IR-26");
    assert_eq!(
        mv(&app, &d.admin, id, json!({"move": "pass", "step": 1}))
            .await
            .0,
        403
    );
    assert_eq!(
        mv(&app, &d.inspector, id, json!({"move": "pass", "step": 1}))
            .await
            .0,
        200
    );
    let (s, _) = call(
        &app,
        Some(&d.admin),
        "PUT",
        "/api/v1/permit-types/standard-mark-new/delegations",
        Some(json!({"province": "VN-37", "step": "audit", "decider": "province"})),
    )
    .await;
    assert_eq!(
        s, 422,
        "an Iranian permit type is not delegated to a Vietnamese province"
    );
    assert_eq!(audit_count(&app, "action", "permit_type.delegate").await, 1);
}

#[tokio::test]
async fn a_rejection_cites_a_condition_and_may_be_appealed_once() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, true).await;
    let id = apply(&app, &d).await["id"].as_i64().unwrap();
    let (s, v) = mv(
        &app,
        &d.qazvin,
        id,
        json!({"move": "reject", "step": 0, "explanation": "مدارک ناقص است"}),
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(
        (
            v["errors"][0]["field"].as_str(),
            v["errors"][0]["code"].as_str()
        ),
        (Some("conditions"), Some("condition_required"))
    );
    let (s, v) = mv(
        &app,
        &d.qazvin,
        id,
        json!({"move": "reject", "step": 0, "conditions": [7], "explanation": "x"}),
    )
    .await;
    assert_eq!(
        (s, v["errors"][0]["code"].as_str()),
        (422, Some("unknown_condition"))
    );
    let (s, v) = mv(&app, &d.qazvin, id, json!({"move": "reject", "step": 0, "conditions": [2], "explanation": "واحد کنترل کیفیت ندارد"})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["status"], "rejected");
    assert_eq!(v["rejection"]["conditions"][0]["number"], 2);
    assert_eq!(
        v["rejection"]["conditions"][0]["text"]["fa"],
        "واحد کنترل کیفیت داشته باشد"
    );

    let (_, seen) = call(
        &app,
        Some(&d.unit),
        "GET",
        &format!("/api/v1/applications/{id}"),
        None,
    )
    .await;
    assert_eq!(seen["may"], json!(["appeal"]));
    assert_eq!(
        mv(&app, &d.unit, id, json!({"move": "appeal"})).await.0,
        422,
        "an appeal gives its reason"
    );
    assert_eq!(
        mv(
            &app,
            &d.unit,
            id,
            json!({"move": "appeal", "explanation": "واحد کنترل کیفیت دارد"})
        )
        .await
        .0,
        200
    );
    assert_eq!(
        mv(&app, &d.qazvin, id, json!({"move": "reopen"})).await.0,
        403,
        "the national body decides appeals"
    );
    let (s, v) = mv(&app, &d.admin, id, json!({"move": "uphold"})).await;
    assert_eq!((s, v["status"].as_str()), (200, Some("rejected")));
    let (s, v) = mv(
        &app,
        &d.unit,
        id,
        json!({"move": "appeal", "explanation": "باز هم"}),
    )
    .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (409, Some("application_final")),
        "one appeal only"
    );
}

#[tokio::test]
async fn the_fast_track_skips_its_steps_and_says_why() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let a = apply(&app, &d).await;
    assert_eq!(a["fast_track"]["rule"], "clean-record");
    assert_eq!(a["fast_track"]["facts"][0]["fact"], "no_failure_months");
    assert_eq!(a["fast_track"]["record"]["failures_known"], true);
    assert_eq!(a["steps"][1]["fast_tracked"], true);
    assert_eq!(a["steps"][2]["fast_tracked"], false);
    let id = a["id"].as_i64().unwrap();
    let (s, v) = mv(&app, &d.qazvin, id, json!({"move": "pass", "step": 0})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["step_index"], 2, "the audit is passed over");
    assert_eq!(v["steps"][1]["outcome"], "skipped");
}

#[tokio::test]
async fn silence_passes_a_consent_step_once_even_with_two_passes_racing() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, true).await;
    let id = apply(&app, &d).await["id"].as_i64().unwrap();
    let second = apply(&app, &d).await["id"].as_i64().unwrap();
    assert_eq!(
        mv(&app, &d.qazvin, second, json!({"move": "pass", "step": 0}))
            .await
            .0,
        200
    );
    // The deadlines went by: both open steps' last day is in the past.
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            "UPDATE application_steps SET due_on = '2026-01-01' WHERE ended_at IS NULL",
        ))
        .await
        .unwrap();
    // Silence counts on the deciding office's clock, and the jobs run at their clock's now: at
    // 23:59 on 1 January in Qazvin (20:29 UTC) the last day has not ended, so nothing passes.
    let last_evening = Clock::Fixed("2026-01-01T20:29:00Z".parse().unwrap());
    tashil::app::jobs()
        .with_clock(last_evening)
        .tick(&app.db, None)
        .await
        .unwrap();
    assert_eq!(
        tashil::licensing::pass_by_silence(&app.db, last_evening.now())
            .await
            .unwrap(),
        0
    );
    // Two passes at once, as two nodes would: the step moves once.
    let (a, b) = tokio::join!(
        tashil::licensing::pass_by_silence(&app.db, chrono::Utc::now()),
        tashil::licensing::pass_by_silence(&app.db, chrono::Utc::now())
    );
    assert_eq!(
        a.unwrap() + b.unwrap(),
        1,
        "only the documents step allows silence"
    );
    // A pass after a restart finds nothing left to do.
    assert_eq!(
        tashil::licensing::pass_by_silence(&app.db, chrono::Utc::now())
            .await
            .unwrap(),
        0
    );
    let (_, v) = call(
        &app,
        Some(&d.unit),
        "GET",
        &format!("/api/v1/applications/{id}"),
        None,
    )
    .await;
    assert_eq!(v["steps"][0]["outcome"], "consent");
    assert_eq!(v["step_index"], 1);
    let (_, v) = call(
        &app,
        Some(&d.unit),
        "GET",
        &format!("/api/v1/applications/{second}"),
        None,
    )
    .await;
    assert_eq!(
        v["steps"][1]["outcome"],
        Value::Null,
        "a factory audit never passes by silence"
    );
    assert_eq!(audit_count(&app, "action", "application.consent").await, 1);
}

/// A step's last day is counted in the loaded calendar, as the desk's deadlines are: a
/// closure the national administrator declares in the applicant's province on that day moves
/// the open step to the next working day (audited), and one in another province does not.
#[tokio::test]
async fn a_closure_loaded_in_the_applicants_province_moves_its_open_step_a_day_later() {
    let app = TestApp::spawn().await;
    let d = desk(&app, false, true).await;
    let id = apply(&app, &d).await["id"].as_i64().unwrap();
    let path = format!("/api/v1/applications/{id}");
    let due = |v: &Value| {
        v["steps"][0]["due_on"]
            .as_str()
            .expect("a last day")
            .to_owned()
    };
    let was = due(&call(&app, Some(&d.unit), "GET", &path, None).await.1);

    let closure = |province: &str, day: &str| {
        json!([{"country": "IR", "date": day, "kind": "closure", "province": province,
                "reason_fa": "آلودگی هوا", "reason_en": "Air pollution"}])
    };
    let (s, report) = call(
        &app,
        Some(&d.admin),
        "POST",
        "/api/v1/calendar",
        Some(closure("IR-26", &was)),
    )
    .await;
    assert_eq!(s, 200, "{report}");
    assert_eq!(report["deadlines_moved"], 1);
    let now = due(&call(&app, Some(&d.unit), "GET", &path, None).await.1);
    assert!(now > was, "{was} → {now}");
    assert_eq!(
        audit_count(&app, "action", "application_step.deadline_recounted").await,
        1
    );

    // Alborz closed on the new last day: Qazvin's step keeps it.
    let mut both = closure("IR-26", &was);
    both.as_array_mut()
        .unwrap()
        .extend(closure("IR-30", &now).as_array().unwrap().clone());
    let (s, report) = call(&app, Some(&d.admin), "POST", "/api/v1/calendar", Some(both)).await;
    assert_eq!(s, 200, "{report}");
    assert_eq!(report["deadlines_moved"], 0);
    assert_eq!(
        due(&call(&app, Some(&d.unit), "GET", &path, None).await.1),
        now
    );
}

#[test]
fn every_licensing_error_has_a_message_in_every_language() {
    use tashil::i18n::{I18n, Lang};
    let field_codes = [
        "invalid_code",
        "step_count",
        "issue_last",
        "unknown_step",
        "issue_kept",
        "condition_required",
        "unknown_condition",
        "product_count",
        "no_mandatory_standard",
        "no_unit",
        "unknown_permit_type",
        "code_mismatch",
        "entry_count",
        "country_fixed",
        "no_steps",
        "duplicate_entry",
        "invalid_choice",
        "unknown_province",
        "invalid_hs_code",
        "out_of_range",
        "required",
        "too_long",
        "no_renewal_type",
        "unknown_document",
        "reserved_code",
        "unsupported_attachment",
        "attachment_too_large",
        "attachment_not_its_kind",
        "no_file",
    ];
    let keys: Vec<String> = tashil::licensing::ERROR_CODES
        .iter()
        .chain(field_codes.iter())
        .map(|c| tashil::web::error_render::key_of(c))
        .collect();
    for lang in Lang::ALL {
        let missing: Vec<_> = keys.iter().filter(|k| !I18n::get().has(lang, k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}
