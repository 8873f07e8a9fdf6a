//! Online quality assurance through the API and its pages: a unit defines its
//! characteristics and sends subgroups with its token; it sees only its own, its province's
//! office reads them, another province's does not; a batch sent again is not counted twice;
//! a refused batch or upload stores nothing; a late subgroup is placed by its time; limits
//! recomputed keep their history, and the incremental monitor agrees with a replay.

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{QAZVIN, TestApp};
use crate::quality_setup::{LIST, hour, send, setup, subgroup};

/// Noon in Tehran on 16 Azar 1405.
const NOW: &str = "2026-12-07T08:30:00Z";
fn thickness() -> Value {
    json!({"code": "Thk", "product_line": "کاشی ۳۰×۳۰", "name": "ضخامت", "chart_kind": "xbar_r",
        "uom": "MMT", "lower_spec": "7.4", "upper_spec": "8.6", "subgroup_size": "3",
        "frequency": "hourly", "rules": ["1", "2", "5"]})
}

fn codes(v: &Value) -> Vec<(String, String)> {
    v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            assert!(
                !e["message"].as_str().unwrap_or("err-").starts_with("err-"),
                "untranslated: {e}"
            );
            (
                e["field"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The stored monitor of characteristic `id`, as JSON text.
async fn monitor_state(app: &TestApp, id: i64) -> String {
    app.db
        .query_one_raw(sea_orm::Statement::from_string(
            app.db.get_database_backend(),
            format!("SELECT state FROM quality_monitors WHERE characteristic_id = {id}"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "state")
        .unwrap()
}

async fn count(app: &TestApp, table: &str) -> i64 {
    app.scalar(&format!("SELECT COUNT(*) AS n FROM {table}"))
        .await
}

#[tokio::test]
async fn quality_a_unit_sees_only_its_own_and_others_as_their_role_allows() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let made = app.post_json(&s.unit, LIST, thickness(), 201).await;
    let id = made["id"].as_i64().unwrap();
    assert_eq!(made["code"], "thk");
    assert_eq!(made["province_code"], QAZVIN);
    // The other unit defines one with the same code: codes are per unit.
    let theirs = app.post_json(&s.other_unit, LIST, thickness(), 201).await;
    let theirs = theirs["id"].as_i64().unwrap();
    let ids = |v: &Value| -> Vec<i64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(&app.get_json(&s.unit, LIST).await.1), [id]);
    assert_eq!(ids(&app.get_json(&s.other_unit, LIST).await.1), [theirs]);
    assert_eq!(ids(&app.get_json(&s.qazvin, LIST).await.1), [id]);
    assert_eq!(ids(&app.get_json(&s.admin, LIST).await.1), [id, theirs]);
    let one = format!("{LIST}/{id}");
    for (token, status) in [
        (&s.unit, 200),
        (&s.qazvin, 200),
        (&s.admin, 200),
        (&s.other_unit, 404),
        (&s.alborz, 404),
        (&s.lab, 403),
    ] {
        assert_eq!(app.get_json(token, &one).await.0, status, "{token}");
    }
    assert_eq!(app.get_json(&s.lab, LIST).await.0, 403);
    // Only the unit's own users define and change them.
    app.post_json(&s.qazvin, LIST, thickness(), 403).await;
    let dup = app.post_json(&s.unit, LIST, thickness(), 422).await;
    assert_eq!(
        codes(&dup),
        [("code".into(), "duplicate_characteristic".into())]
    );
    // A unit sends subgroups only to its own characteristics.
    let r = send(
        &app,
        &s.other_unit,
        "b1",
        vec![subgroup("thk", 1, 8.0)],
        200,
    )
    .await;
    assert_eq!(r["stored"], 1);
    assert_eq!(count(&app, "quality_subgroups").await, 1);
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) AS n FROM quality_subgroups WHERE characteristic_id = {theirs}"
        ))
        .await,
        1
    );
    send(&app, &s.lab, "b1", vec![subgroup("thk", 1, 8.0)], 403).await;
    // Anonymous: 401 on the API, the login page for the pages.
    let r = reqwest::Client::new()
        .get(app.url(LIST))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let (status, _) = app.page(&app.browser(), "/quality").await;
    assert_eq!(status, 303);
    // The pages: the unit's list and its characteristic; another province's is not found.
    let c = app.login("unit@t.test").await;
    let (status, html) = app.page(&c, "/quality").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/quality/{id}")), "{html}");
    assert!(!html.contains(&format!("/quality/{theirs}\"")));
    assert_eq!(app.page(&c, &format!("/quality/{theirs}")).await.0, 404);
    let alborz = app.login("alborz@t.test").await;
    assert_eq!(app.page(&alborz, &format!("/quality/{id}")).await.0, 404);
    let lab = app.login("lab@t.test").await;
    assert_eq!(app.page(&lab, "/quality").await.0, 403);
    // A characteristic changed at the version read; an old version is a conflict.
    let mut changed = thickness();
    changed["name"] = json!("ضخامت کاشی");
    changed["version"] = json!("1");
    let r = reqwest::Client::new()
        .put(app.url(&one))
        .bearer_auth(&s.unit)
        .json(&changed)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let r = reqwest::Client::new()
        .put(app.url(&one))
        .bearer_auth(&s.unit)
        .json(&changed)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 409);
    let audited = app
        .scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'quality.%'")
        .await;
    assert_eq!(
        audited, 4,
        "two creations, the other unit's batch, one change"
    );
}

#[tokio::test]
async fn quality_a_batch_sent_again_is_not_counted_twice() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    app.post_json(&s.unit, LIST, thickness(), 201).await;
    let rows: Vec<Value> = (0..5).map(|h| subgroup("thk", h, 8.0)).collect();
    let first = send(&app, &s.unit, "LIMS-1", rows.clone(), 200).await;
    assert_eq!(first["stored"], 5);
    let again = send(&app, &s.unit, "LIMS-1", rows, 200).await;
    assert_eq!(again, first);
    assert_eq!(count(&app, "quality_subgroups").await, 5);
    assert_eq!(count(&app, "quality_batches").await, 1);
    // Another batch naming a time already stored is refused by row.
    let r = send(&app, &s.unit, "LIMS-2", vec![subgroup("thk", 3, 8.0)], 422).await;
    assert_eq!(
        codes(&r),
        [(
            "subgroups[0].measured_at".into(),
            "duplicate_subgroup".into()
        )]
    );
}

#[tokio::test]
async fn quality_a_refused_batch_or_upload_stores_nothing() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    app.post_json(&s.unit, LIST, thickness(), 201).await;
    let rows = vec![
        subgroup("thk", 1, 8.0),
        json!({"characteristic": "thk", "measured_at": hour(2), "values": [8.0, 8.1, 7.9], "unit": "0000000000"}),
        json!({"characteristic": "thk", "measured_at": hour(3), "values": [8.0, "abc", 7.9]}),
        json!({"characteristic": "thk", "measured_at": hour(4), "values": [8.0, 8.1]}),
        json!({"characteristic": "nope", "measured_at": hour(5), "values": [8.0, 8.1, 7.9]}),
        json!({"characteristic": "thk", "measured_at": "2027-01-01T00:00:00Z", "values": [8.0, 8.1, 7.9]}),
        json!({"characteristic": "thk", "measured_at": hour(6), "values": [8.0, 8.1, 1e14]}),
    ];
    let r = send(&app, &s.unit, "bad", rows, 422).await;
    assert_eq!(
        codes(&r),
        [
            ("subgroups[1].unit".into(), "other_unit".into()),
            ("subgroups[2].values".into(), "invalid_number".into()),
            ("subgroups[3].values".into(), "subgroup_size".into()),
            (
                "subgroups[4].characteristic".into(),
                "unknown_characteristic".into()
            ),
            ("subgroups[5].measured_at".into(), "date_in_future".into()),
            ("subgroups[6].values".into(), "impossible_value".into()),
        ]
    );
    assert_eq!(count(&app, "quality_subgroups").await, 0);
    assert_eq!(count(&app, "quality_batches").await, 0);
    // A sheet with one bad row: the row report, and nothing stored.
    let c = app.login("unit@t.test").await;
    let csv = format!(
        "characteristic,measured_at,values\nthk,{},8.0 8.1 7.9\nthk,{},8.0 x 7.9\n",
        hour(1),
        hour(2)
    );
    let (status, html) = app
        .upload(
            &c,
            "/quality/upload",
            "/quality/upload",
            "s.csv",
            csv.into_bytes(),
        )
        .await;
    assert_eq!(status, 422, "{html}");
    assert!(html.contains("values"), "{html}");
    assert_eq!(count(&app, "quality_subgroups").await, 0);
    // The same sheet put right is stored whole, and uploading it again stores nothing twice.
    let good = format!(
        "characteristic,measured_at,values\nthk,{},8.0 8.1 7.9\nthk,{},۸٫۰ 8.05 7.95\n",
        hour(1),
        hour(2)
    );
    // The same file again is answered as the first time (its batch's stored answer).
    for stored in ["۲", "۲"] {
        let (status, html) = app
            .upload(
                &c,
                "/quality/upload",
                "/quality/upload",
                "s.csv",
                good.clone().into_bytes(),
            )
            .await;
        assert_eq!(status, 200, "{html}");
        // The page counts subgroups stored (not "units imported", the registry's message).
        assert!(
            html.contains(&format!("{stored}\u{2069} زیرگروه ذخیره شد"))
                || html.contains(&format!("{stored} زیرگروه ذخیره شد")),
            "{html}"
        );
    }
    assert_eq!(count(&app, "quality_subgroups").await, 2);
}

fn rules_at(detail: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = detail["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["measured_at"].as_str().unwrap().to_string(),
                v["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

#[tokio::test]
async fn quality_late_subgroups_are_placed_by_time_and_limits_keep_their_history() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let made = app.post_json(&s.unit, LIST, thickness(), 201).await;
    let id = made["id"].as_i64().unwrap();
    let one = format!("{LIST}/{id}");
    // Phase I: twenty subgroups at even hours; limits from them.
    let base: Vec<Value> = (0..20).map(|h| subgroup("thk", 2 * h, 8.0)).collect();
    send(&app, &s.unit, "base", base, 200).await;
    let limits = format!("{one}/limits");
    let d = app
        .post_json(
            &s.unit,
            &limits,
            json!({"from": hour(0), "to": hour(38)}),
            200,
        )
        .await;
    assert_eq!(d["limits"]["version"], 1);
    assert_eq!(d["limits"]["baseline_subgroups"], 20);
    // Phase II: more subgroups, one far out of control.
    let mut more: Vec<Value> = (20..30).map(|h| subgroup("thk", 2 * h, 8.0)).collect();
    more.push(subgroup("thk", 60, 9.0));
    let r = send(&app, &s.unit, "more", more, 200).await;
    let last = &r["subgroups"].as_array().unwrap()[10];
    assert_eq!(last["violations"], json!(["beyond_limits"]));
    // A subgroup measured between two stored ones arrives late: placed by its time.
    let r = send(&app, &s.unit, "late", vec![subgroup("thk", 57, 8.01)], 200).await;
    assert_eq!(r["subgroups"][0]["late"], true);
    assert_eq!(r["replayed"], json!([]));
    // One older than a rule window: the history is replayed.
    let r = send(
        &app,
        &s.unit,
        "very-late",
        vec![subgroup("thk", 39, 8.0)],
        200,
    )
    .await;
    assert_eq!(r["replayed"], json!(["thk"]));
    let (_, d) = app.get_json(&s.unit, &one).await;
    assert_eq!(d["subgroups"], 33);
    let times: Vec<&str> = d["recent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["measured_at"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "the latest first, the late one in its place");
    let late_at = times
        .iter()
        .position(|t| t.starts_with("2026-11-03T09:00"))
        .unwrap();
    assert_eq!(late_at, 2, "{times:?}");
    let incremental = rules_at(&d);
    assert!(incremental.iter().any(|(_, r)| r == "beyond_limits"));
    // A late subgroup within the window, again: then the same baseline again is version 2,
    // version 1 kept, and a replay finds what the monitor found incrementally.
    send(
        &app,
        &s.unit,
        "late-2",
        vec![subgroup("thk", 55, 8.02)],
        200,
    )
    .await;
    let (_, d) = app.get_json(&s.unit, &one).await;
    let incremental = rules_at(&d);
    let monitor_before = monitor_state(&app, id).await;
    let d = app
        .post_json(
            &s.unit,
            &limits,
            json!({"from": hour(0), "to": hour(38)}),
            200,
        )
        .await;
    assert_eq!(d["limits"]["version"], 2);
    let versions: Vec<(i64, bool)> = d["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["version"].as_i64().unwrap(),
                l["current"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(versions, [(2, true), (1, false)]);
    assert_eq!(rules_at(&d), incremental);
    let monitor_after = monitor_state(&app, id).await;
    let mut a: Value = serde_json::from_str(&monitor_before).unwrap();
    let mut b: Value = serde_json::from_str(&monitor_after).unwrap();
    // The running sums agree to the last digits (they were added in another order).
    let (ca, cb) = (a["capability"].take(), b["capability"].take());
    for (k, x) in ca.as_object().unwrap() {
        match (x.as_f64(), cb[k].as_f64()) {
            (Some(x), Some(y)) => {
                assert!((x - y).abs() <= 1e-12 * x.abs().max(1.0), "{k}: {x} {y}")
            }
            _ => assert_eq!(x, &cb[k], "{k}"),
        }
    }
    assert_eq!(a, b, "the incremental state is the replayed one");
    assert!(d["capability"]["cpk"]["estimate"].as_f64().is_some(), "{d}");
    // The page shows the limits, the flagged point and the phone form; one subgroup typed.
    let c = app.login("unit@t.test").await;
    let page = format!("/quality/{id}");
    let (status, html) = app.page(&c, &page).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"chart\""));
    // The chart is drawn in the page: right to left in Persian, the point beyond the limits
    // focusable and named with its rule in the reader's language.
    let svg = &html[html.find("<svg").expect("a chart")..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert!(svg.contains(r#"direction="rtl""#), "{svg}");
    assert!(svg.contains(r#"class="spc-flag spc-beyond" tabindex="0""#));
    assert!(svg.contains("بیرون از حدود کنترل"));
    let (_, en) = app.page(&c, &format!("{page}?lang=en")).await;
    let en = &en[en.find("<svg").expect("a chart")..];
    assert!(en.contains(r#"direction="ltr""#));
    assert!(en.contains("Beyond the control limits (rule 1)"));
    let (status, html) = app
        .submit(
            &c,
            &page,
            &format!("{page}/subgroups"),
            &[
                ("batch", "form-1"),
                ("measured_at", "2026-12-07T10:00"),
                ("values", "۸ 8.01 7.99"),
            ],
        )
        .await;
    assert_eq!(status, 303, "{html}");
    let (status, html) = app
        .submit(
            &c,
            &page,
            &format!("{page}/subgroups"),
            &[
                ("batch", "form-2"),
                ("measured_at", "2026-12-07T11:00"),
                ("values", "8 8"),
            ],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("values-err"), "{html}");
    let (_, d) = app.get_json(&s.unit, &one).await;
    assert_eq!(d["subgroups"], 35);
}

#[test]
fn every_quality_error_field_chart_and_rule_has_its_text_in_every_language() {
    use tashil::i18n::{I18n, Lang};
    let mut keys: Vec<String> = tashil::quality::ERROR_CODES
        .iter()
        .map(|c| tashil::web::error_render::key_of(c))
        .collect();
    for f in [
        "code",
        "product_line",
        "name",
        "chart_kind",
        "uom",
        "target",
        "lower_spec",
        "upper_spec",
        "standard_id",
        "clause",
        "subgroup_size",
        "frequency",
        "rules",
        "capability_target",
        "measured_at",
        "values",
        "defective",
        "inspected",
        "defects",
        "baseline_from",
        "baseline_to",
    ] {
        keys.push(format!("field-{}", f.replace('_', "-")));
    }
    for c in [
        "xbar-r",
        "xbar-s",
        "individuals-moving-range",
        "p",
        "np",
        "c",
        "u",
    ] {
        keys.push(format!("quality-chart-{c}"));
    }
    // The chart's panels, drawn by quality/chart_svg.rs.
    for c in ["xbar-r", "xbar-s", "i-mr", "p", "np", "c", "u"] {
        keys.push(format!("quality-svg-primary-{c}"));
        keys.push(format!("quality-svg-secondary-{c}"));
    }
    for f in ["hourly", "per-shift", "daily", "weekly", "per-lot"] {
        keys.push(format!("quality-frequency-{f}"));
    }
    for n in 1..=8 {
        keys.push(format!("quality-nelson-{n}"));
    }
    for r in tashil_spc::Rule::ALL {
        keys.push(format!("quality-rule-{}", r.code().replace('_', "-")));
    }
    let i18n = I18n::get();
    for lang in Lang::ALL {
        let missing: Vec<_> = keys.iter().filter(|k| !i18n.has(lang, k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[tokio::test]
async fn quality_pages_answer_and_hold_no_inline_script_or_style() {
    // The control chart is drawn on the server into the characteristic's page: like every
    // page, it keeps to the content security policy (no `style=`, no inline script).
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    let made = app.post_json(&s.unit, LIST, thickness(), 201).await;
    let id = made["id"].as_i64().unwrap();
    let base: Vec<Value> = (0..20).map(|h| subgroup("thk", 2 * h, 8.0)).collect();
    send(&app, &s.unit, "base", base, 200).await;
    app.post_json(
        &s.unit,
        &format!("{LIST}/{id}/limits"),
        json!({"from": hour(0), "to": hour(38)}),
        200,
    )
    .await;
    send(&app, &s.unit, "out", vec![subgroup("thk", 60, 9.0)], 200).await;
    let unit = app.login("unit@t.test").await;
    let officer = app.login("qazvin@t.test").await;
    let char_page = format!("/quality/{id}");
    let pages = [
        (&unit, "/quality".to_string()),
        (&unit, "/quality/new".to_string()),
        (&unit, "/quality/upload".to_string()),
        (&unit, char_page.clone()),
        (&unit, format!("{char_page}/edit")),
        (&officer, "/quality".to_string()),
        (&officer, char_page.clone()),
    ];
    for (client, path) in pages {
        let (status, html) = app.page(client, &path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(
            crate::security_headers::inline_code(&html),
            Vec::<String>::new(),
            "{path}"
        );
    }
    // The point out of control is marked on the page, for the unit and the officer alike.
    for client in [&unit, &officer] {
        let (_, html) = app.page(client, &char_page).await;
        assert!(html.contains("id=\"chart\""), "{html}");
        assert!(html.contains("class=\"flagged\""), "{html}");
    }
    // The officer reads it: no form to change it.
    let (_, html) = app.page(&officer, &char_page).await;
    assert!(!html.contains(&format!("action=\"{char_page}/")), "{html}");
}

#[tokio::test]
async fn quality_the_upload_template_names_the_units_characteristics_and_uploads_once_filled() {
    let app = TestApp::spawn_at(NOW).await;
    let s = setup(&app).await;
    app.post_json(&s.unit, LIST, thickness(), 201).await;
    let unit = app.login("unit@t.test").await;
    let (_, form) = app.page(&unit, "/quality/upload").await;
    assert!(form.contains("/quality/upload/template.csv"), "{form}");
    let res = unit
        .get(app.url("/quality/upload/template.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = res.text().await.unwrap();
    // 08:30 UTC is 12:00 in Qazvin: the row's instant is the hour begun there, local time.
    assert_eq!(
        csv.trim_start_matches('\u{feff}')
            .lines()
            .collect::<Vec<_>>(),
        ["characteristic,measured_at,values", "thk,2026-12-07T12:00,"]
    );
    // Filled in, it uploads as it is.
    let filled = csv.replace("T12:00,", "T11:00,8.0 8.1 7.9");
    let (status, html) = app
        .upload(
            &unit,
            "/quality/upload",
            "/quality/upload",
            "subgroups.csv",
            filled.into_bytes(),
        )
        .await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(count(&app, "quality_subgroups").await, 1);
    // An officer defines no characteristics and uploads nothing: no template.
    let officer = app.login("qazvin@t.test").await;
    let res = officer
        .get(app.url("/quality/upload/template.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}
