//! Inspections through the API (issue 21, items 3 and 4): the officer schedules, the inspector
//! starts (the checklist generated), answers item by item (a stale answer is refused), records
//! findings; the unit signs and answers with a CAPA; the inspector closes. Alborz's inspector
//! cannot open, answer or see findings of a Qazvin inspection (404); labs and agencies are
//! refused (403); the unit sees its own only; a CAPA late past its due day reads overdue.

use serde_json::{Value, json};
use tashil::access::Role;

use crate::helpers::{ALBORZ, TestApp};

const NOW: &str = "2026-12-07T08:30:00Z";
const BASE: &str = "/api/v1/supervision/inspections";
const FINDINGS: &str = "/api/v1/supervision/inspections/findings";

async fn get_on(base: &str, token: &str, path: &str) -> (u16, Value) {
    let r = reqwest::Client::new()
        .get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or_default())
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn an_inspection_is_scheduled_answered_recorded_and_its_findings_closed_in_its_province_only()
{
    let app = TestApp::spawn_at(NOW).await;
    let w = app.world().await;
    let al_office = app
        .scalar("SELECT organisation_id AS n FROM users WHERE email = 'alborz@t.test'")
        .await;
    app.user(
        "inspector.alborz@t.test",
        Role::Inspector,
        al_office,
        Some(ALBORZ),
    )
    .await;
    let qazvin = app.token("qazvin@t.test").await;
    let alborz = app.token("alborz@t.test").await;
    let inspector = app.token("inspector@t.test").await;
    let al_inspector = app.token("inspector.alborz@t.test").await;
    let unit = app.token("unit@t.test").await;
    let lab = app.token("lab@t.test").await;
    let agency = app.token("agency@t.test").await;
    let inspector_id = app
        .scalar("SELECT id AS n FROM users WHERE email = 'inspector@t.test'")
        .await;
    let al_inspector_id = app
        .scalar("SELECT id AS n FROM users WHERE email = 'inspector.alborz@t.test'")
        .await;

    // Scheduling: the officer of the unit's province, for an inspector of it.
    let draft = json!({"unit_id": w.qazvin_unit, "inspector_id": inspector_id, "scheduled_on": "2026-12-07"});
    app.post_json(&inspector, BASE, draft.clone(), 403).await;
    app.post_json(&alborz, BASE, draft.clone(), 404).await;
    app.post_json(&qazvin, BASE, json!({"unit_id": w.qazvin_unit, "inspector_id": al_inspector_id, "scheduled_on": "2026-12-07"}), 422).await;
    app.post_json(&qazvin, BASE, json!({"unit_id": w.qazvin_unit, "inspector_id": inspector_id, "scheduled_on": "2026-12-01"}), 422).await;
    let later = app
        .post_json(&qazvin, BASE, json!({"unit_id": w.qazvin_unit, "inspector_id": inspector_id, "scheduled_on": "2026-12-20"}), 201)
        .await;
    let insp = app.post_json(&qazvin, BASE, draft, 201).await;
    let id = insp["id"].as_i64().unwrap();
    assert_eq!(insp["status"], "scheduled");
    let path = format!("{BASE}/{id}");
    // The inspector's list: today's first.
    let (s, list) = app.get_json(&inspector, BASE).await;
    assert_eq!(s, 200);
    assert_eq!(ids(&list), [id, later["id"].as_i64().unwrap()]);
    assert_eq!(list[0]["today"], true);
    // Outside the province: absent; labs and agencies refused; the unit sees no scheduled one.
    assert_eq!(app.get_json(&al_inspector, &path).await.0, 404);
    assert_eq!(app.get_json(&al_inspector, BASE).await.1, json!([]));
    assert_eq!(app.get_json(&lab, BASE).await.0, 403);
    assert_eq!(app.get_json(&agency, &path).await.0, 403);
    assert_eq!(app.get_json(&unit, &path).await.0, 404);
    app.post_json(
        &al_inspector,
        &format!("{path}/start"),
        json!({"version": 1}),
        404,
    )
    .await;
    app.post_json(
        &qazvin,
        &format!("{path}/start"),
        json!({"version": 1}),
        403,
    )
    .await;

    // Started: the checklist is generated (the general items at least).
    let started = app
        .post_json(
            &inspector,
            &format!("{path}/start"),
            json!({"version": 1}),
            200,
        )
        .await;
    assert_eq!(started["status"], "in_progress");
    let items = started["items"].as_array().unwrap().clone();
    assert!(items.len() >= 5, "{items:?}");
    assert!(items.iter().any(|i| i["reference"] == "labelling"));
    app.post_json(
        &inspector,
        &format!("{path}/start"),
        json!({"version": 2}),
        409,
    )
    .await;

    // Answers saved one by one; a stale version is refused; Alborz cannot answer.
    let first = items[0]["id"].as_i64().unwrap();
    let item = |i: i64| format!("{path}/items/{i}");
    app.post_json(
        &al_inspector,
        &item(first),
        json!({"answer": "compliant", "version": 1}),
        404,
    )
    .await;
    let saved = app
        .post_json(
            &inspector,
            &item(first),
            json!({"answer": "not_compliant", "note": "no label", "version": 1}),
            200,
        )
        .await;
    assert_eq!(saved["version"], 2);
    app.post_json(
        &inspector,
        &item(first),
        json!({"answer": "compliant", "version": 1}),
        409,
    )
    .await;
    let (_, now) = app.get_json(&inspector, &path).await;
    assert_eq!(now["items"][0]["answer"], "not_compliant");
    assert_eq!(now["items"][0]["note"], "no label");

    // Not all answered: the record cannot close.
    app.post_json(
        &unit,
        &format!("{path}/record"),
        json!({"signature": "signed", "version": 2}),
        422,
    )
    .await;
    for i in &items[1..] {
        app.post_json(
            &inspector,
            &item(i["id"].as_i64().unwrap()),
            json!({"answer": "compliant", "version": 1}),
            200,
        )
        .await;
    }

    // The page: one form per item (it works without script), each with its API address for
    // checklist.js; a form post saves an answer too (CSRF checked).
    let browser = app.login("inspector@t.test").await;
    let (s, html) = app.page(&browser, &path.replace("/api/v1", "")).await;
    assert_eq!(s, 200);
    assert!(
        html.contains("/static/checklist.js"),
        "the script is loaded"
    );
    assert!(html.contains(&format!("data-api=\"{path}/items/{first}\"")));
    let page = path.replace("/api/v1", "");
    let third = items[2]["id"].as_i64().unwrap();
    let (s, _) = app
        .submit(
            &browser,
            &page,
            &format!("{page}/items/{third}"),
            &[
                ("answer", "not_applicable"),
                ("note", "no kiln"),
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    assert_eq!(
        app.get_json(&inspector, &path).await.1["items"][2]["answer"],
        "not_applicable"
    );
    let js = reqwest::get(app.url("/static/checklist.js")).await.unwrap();
    assert_eq!(js.status(), 200);
    assert!(
        js.text()
            .await
            .unwrap()
            .contains("addEventListener(\"online\"")
    );

    // Findings: one from the not-compliant answer (major: a CAPA due), a free minor one; a
    // compliant answer gives none.
    let second = items[1]["id"].as_i64().unwrap();
    app.post_json(
        &inspector,
        &format!("{path}/findings"),
        json!({"item_id": second, "severity": "major", "description": "x"}),
        422,
    )
    .await;
    app.post_json(
        &al_inspector,
        &format!("{path}/findings"),
        json!({"severity": "minor", "description": "x"}),
        404,
    )
    .await;
    let major = app
        .post_json(&inspector, &format!("{path}/findings"), json!({"item_id": first, "severity": "major", "description": "Labels lack the standard mark"}), 201)
        .await;
    let minor = app
        .post_json(
            &inspector,
            &format!("{path}/findings"),
            json!({"severity": "minor", "description": "Untidy store"}),
            201,
        )
        .await;
    assert_eq!(major["status"], "open");
    let due = major["capa_due_on"].as_str().unwrap().to_owned();
    assert!(due.as_str() > "2026-12-17", "ten working days: {due}");
    assert_eq!(minor["capa_due_on"], Value::Null);
    let major_id = major["id"].as_i64().unwrap();
    let finding = format!("{FINDINGS}/{major_id}");
    assert_eq!(app.get_json(&al_inspector, &finding).await.0, 404);
    assert_eq!(app.get_json(&al_inspector, FINDINGS).await.1, json!([]));

    // The inspector cannot sign for the unit; the unit signs; then it is read only.
    app.post_json(
        &inspector,
        &format!("{path}/record"),
        json!({"signature": "signed", "version": 2}),
        403,
    )
    .await;
    app.post_json(
        &unit,
        &format!("{path}/record"),
        json!({"signature": "refused", "reason": " ", "version": 2}),
        422,
    )
    .await;
    let recorded = app
        .post_json(
            &unit,
            &format!("{path}/record"),
            json!({"signature": "signed", "version": 2}),
            200,
        )
        .await;
    assert_eq!(recorded["status"], "recorded");
    assert_eq!(recorded["signature"], "signed");
    app.post_json(
        &inspector,
        &item(first),
        json!({"answer": "compliant", "version": 2}),
        409,
    )
    .await;
    app.post_json(
        &inspector,
        &format!("{path}/findings"),
        json!({"severity": "minor", "description": "late"}),
        409,
    )
    .await;

    // Alborz's own inspection and finding: Qazvin's inspector and unit never see them.
    let al = app
        .post_json(&alborz, BASE, json!({"unit_id": w.alborz_unit, "inspector_id": al_inspector_id, "scheduled_on": "2026-12-07"}), 201)
        .await;
    let al_path = format!("{BASE}/{}", al["id"]);
    app.post_json(
        &al_inspector,
        &format!("{al_path}/start"),
        json!({"version": 1}),
        200,
    )
    .await;
    let al_finding = app
        .post_json(
            &al_inspector,
            &format!("{al_path}/findings"),
            json!({"severity": "critical", "description": "Kiln guard missing"}),
            201,
        )
        .await;
    let al_finding = format!("{FINDINGS}/{}", al_finding["id"]);
    assert_eq!(app.get_json(&inspector, &al_path).await.0, 404);
    assert_eq!(app.get_json(&inspector, &al_finding).await.0, 404);
    assert_eq!(app.get_json(&unit, &al_finding).await.0, 404);
    assert_eq!(app.get_json(&al_inspector, &al_finding).await.0, 200);
    assert_eq!(ids(&app.get_json(&inspector, FINDINGS).await.1).len(), 2);

    // The unit sees its own inspection and findings, none of Alborz's; labs are refused.
    assert_eq!(app.get_json(&unit, &path).await.0, 200);
    let (_, mine) = app.get_json(&unit, FINDINGS).await;
    assert_eq!(mine.as_array().unwrap().len(), 2);
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .all(|f| f["unit_id"] == w.qazvin_unit)
    );
    assert_eq!(app.get_json(&lab, FINDINGS).await.0, 403);

    // Past its due day, the CAPA still owed reads overdue.
    let after_due = app.node_at("2027-01-20T08:00:00Z").await;
    let (s, late) = get_on(&after_due.base, &unit, &finding).await;
    assert_eq!(s, 200);
    assert_eq!(late["overdue"], true);
    assert_eq!(app.get_json(&unit, &finding).await.1["overdue"], false);

    // A major finding closes only after the unit's CAPA; only an inspector of the province
    // verifies it; a return sends it back with a reason.
    let close = json!({"decision": "close", "how": "evidence", "version": 1});
    app.post_json(&inspector, &format!("{finding}/review"), close, 409)
        .await;
    let capa = json!({"cause": "Old label stock", "correction": "Labels reprinted",
        "preventive": "Label check at release", "planned_on": "2026-12-15", "version": 1});
    app.post_json(&inspector, &format!("{finding}/capa"), capa.clone(), 403)
        .await;
    let minor_capa = json!({"cause": "a", "correction": "b", "preventive": "c",
        "planned_on": "2026-12-15", "version": 1});
    app.post_json(
        &unit,
        &format!("{FINDINGS}/{}/capa", minor["id"]),
        minor_capa,
        409,
    )
    .await;
    let submitted = app
        .post_json(&unit, &format!("{finding}/capa"), capa, 200)
        .await;
    assert_eq!(submitted["status"], "capa_submitted");
    assert_eq!(submitted["overdue"], false);
    app.post_json(
        &unit,
        &format!("{finding}/review"),
        json!({"decision": "close", "how": "evidence", "version": 2}),
        403,
    )
    .await;
    app.post_json(
        &qazvin,
        &format!("{finding}/review"),
        json!({"decision": "close", "how": "evidence", "version": 2}),
        403,
    )
    .await;
    app.post_json(
        &al_inspector,
        &format!("{finding}/review"),
        json!({"decision": "close", "how": "evidence", "version": 2}),
        404,
    )
    .await;
    let returned = app
        .post_json(
            &inspector,
            &format!("{finding}/review"),
            json!({"decision": "return", "reason": "Show the new label", "version": 2}),
            200,
        )
        .await;
    assert_eq!(returned["status"], "returned");
    let again = json!({"cause": "Old label stock", "correction": "Labels reprinted, photo attached",
        "preventive": "Label check at release", "planned_on": "2026-12-15", "version": 3});
    app.post_json(&unit, &format!("{finding}/capa"), again, 200)
        .await;
    app.post_json(
        &inspector,
        &format!("{finding}/review"),
        json!({"decision": "close", "how": "evidence", "version": 3}),
        409,
    )
    .await;
    let closed = app
        .post_json(
            &inspector,
            &format!("{finding}/review"),
            json!({"decision": "close", "how": "on_site", "version": 4}),
            200,
        )
        .await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["verified_how"], "on_site");
    let (_, open) = app.get_json(&unit, &format!("{FINDINGS}?open=true")).await;
    assert_eq!(ids(&open), [minor["id"].as_i64().unwrap()]);
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'supervision.inspection.answer'"
        )
        .await,
        // each item once, the third twice (the stale answer is not recorded)
        items.len() as i64 + 1
    );

    // The risk score reads the inspection and the finding not closed.
    tashil::supervision::recompute(&app.db, None, NOW.parse().unwrap())
        .await
        .expect("recompute");
    let (_, e) = app
        .get_json(
            &qazvin,
            &format!("/api/v1/supervision/risk/{}", w.qazvin_unit),
        )
        .await;
    let line = |f: &str| {
        e["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["factor"] == f)
            .cloned()
            .unwrap()
    };
    assert!(line("since_inspection").get("no_data").is_none(), "{e}");
    assert_eq!(line("since_inspection")["value"], 0.0);
    assert_eq!(line("open_findings")["value"], 1.0);
}
