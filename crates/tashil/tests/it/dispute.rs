//! When the agencies report their resolutions done, the reporter may say the obstacle
//! remains: the case goes back to the technical committee, which hears of it and may act
//! again. A reporter who never answers does not keep the case open forever: the committee
//! closes it with a reason.

use serde_json::json;

use crate::helpers::TestApp;
use crate::smtp_sink::Sink;

#[tokio::test]
async fn a_reporter_who_says_the_obstacle_remains_sends_the_case_back_to_the_committee() {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let tax = app.token("agency@t.test").await;
    let tax_org = app.actor("agency@t.test").await.organisation_id();
    let id = app
        .post_json(
            &unit,
            "/api/v1/cases",
            json!({"category": "tax", "title": "استرداد مالیات",
            "description": "استرداد مالیات صادراتی انجام نشده است."}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/cases/{id}");
    let route = json!({"action": "route", "resolution": {"agency_org_id": tax_org,
        "action": "استرداد مالیات", "working_days": "10", "proof": "سند واریز"}});
    app.post_json(&officer, &format!("{path}/triage"), route.clone(), 204)
        .await;
    // Disputing before the agency reports is out of turn.
    app.post_json(&unit, &format!("{path}/dispute"), json!({"note": "x"}), 409)
        .await;
    let (_, rs) = app.get_json(&tax, "/api/v1/resolutions").await;
    let rid = rs[0]["id"].as_i64().unwrap();
    app.post_json(
        &tax,
        &format!("/api/v1/resolutions/{rid}/progress"),
        json!({"note": "واریز شد", "evidence": "سند ۱۲", "done": true}),
        204,
    )
    .await;
    assert_eq!(app.get_json(&unit, &path).await.1["status"], "resolved");

    // Only the reporter speaks for the case, and says why.
    app.post_json(
        &officer,
        &format!("{path}/dispute"),
        json!({"note": "x"}),
        403,
    )
    .await;
    let empty = app
        .post_json(
            &unit,
            &format!("{path}/dispute"),
            json!({"note": "  "}),
            422,
        )
        .await;
    assert_eq!(empty["errors"][0]["field"], "note");
    app.post_json(
        &unit,
        &format!("{path}/dispute"),
        json!({"note": "مبلغ واریزشده نصف مبلغ استرداد است."}),
        204,
    )
    .await;

    let (_, c) = app.get_json(&officer, &path).await;
    assert_eq!(c["status"], "reported");
    let last = c["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "reporter_disputed");
    assert_eq!(last["note"], "مبلغ واریزشده نصف مبلغ استرداد است.");
    // Not solved: confirming now is out of turn, and the committee may act again.
    app.post_json(&unit, &format!("{path}/confirm"), json!({}), 409)
        .await;
    app.post_json(&officer, &format!("{path}/triage"), route, 204)
        .await;

    let sink = Sink::start().await;
    let m = tashil::mail::Mailer::new(&sink.url, "t@tashil.test", "https://t.test").unwrap();
    tashil::app::jobs().tick(&app.db, Some(&m)).await.unwrap();
    let (to_committee, _) = sink.take_for("qazvin@t.test");
    assert_eq!(to_committee.len(), 1);
    assert!(
        to_committee[0]
            .text()
            .contains("مبلغ واریزشده نصف مبلغ استرداد است.")
    );
}

#[tokio::test]
async fn the_committee_closes_a_case_whose_reporter_never_answers_but_not_one_with_open_resolutions()
 {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let officer = app.token("qazvin@t.test").await;
    let tax = app.token("agency@t.test").await;
    let tax_org = app.actor("agency@t.test").await.organisation_id();
    let id = app
        .post_json(
            &unit,
            "/api/v1/cases",
            json!({"category": "tax", "title": "معافیت مالیاتی",
            "description": "درخواست معافیت بی‌پاسخ مانده است."}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/cases/{id}");
    app.post_json(
        &officer,
        &format!("{path}/triage"),
        json!({"action": "route", "resolution": {
        "agency_org_id": tax_org, "action": "بررسی معافیت", "working_days": "5", "proof": "نامه"}}),
        204,
    )
    .await;
    let close = json!({"action": "close", "reason": "گزارش‌دهنده پاسخ نداد", "solved": true});
    // While the agency still has to act, closing is out of turn.
    app.post_json(&officer, &format!("{path}/triage"), close.clone(), 409)
        .await;
    let (_, rs) = app.get_json(&tax, "/api/v1/resolutions").await;
    let rid = rs[0]["id"].as_i64().unwrap();
    app.post_json(
        &tax,
        &format!("/api/v1/resolutions/{rid}/progress"),
        json!({"note": "معافیت داده شد", "evidence": "نامهٔ ۵", "done": true}),
        204,
    )
    .await;
    // Resolved, waiting for a reporter who stays silent: other triage is out of turn,
    // closing with a reason is not.
    app.post_json(
        &officer,
        &format!("{path}/triage"),
        json!({"action": "escalate", "note": "x"}),
        409,
    )
    .await;
    app.post_json(&officer, &format!("{path}/triage"), close, 204)
        .await;
    let (_, c) = app.get_json(&unit, &path).await;
    assert_eq!(c["status"], "closed");
    assert_eq!(c["solved"], true);
    assert_eq!(c["close_reason"], "گزارش‌دهنده پاسخ نداد");
}
