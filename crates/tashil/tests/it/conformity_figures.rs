//! The conformity figures (`/labs/figures`, `GET /api/v1/labs/figures`) against a small
//! fixture whose working days are counted by hand across Iran's weekend and holidays: each
//! lab's median, 90th percentile and share on time; failure rates by clause from the latest
//! released revision; no unit named in the public answer, the full table for the national
//! body and for a province's officers in their province; a bad period named as a 400.

use chrono::{DateTime, Utc};
use serde_json::Value;
use tashil::access::{Actor, OrganisationKind, Role};
use tashil::conformity::{self, ResultDraft, TestRequestDraft};
use tashil::identity::{self, NewOrganisation};

use crate::conformity::{NOW, Setup, setup};
use crate::helpers::{ALBORZ, QAZVIN, TestApp};

/// The units' names: none may appear in a public answer.
const UNITS: [(&str, &str, &str); 4] = [
    ("unit-a@t.test", "Kaleh Dairy Qazvin", QAZVIN),
    ("unit-b@t.test", "Abyek Cement Works", QAZVIN),
    ("unit-c@t.test", "Takestan Concrete", QAZVIN),
    ("unit-d@t.test", "Hashtgerd Cement Alborz", ALBORZ),
];

const PERIOD: &str = "from=2026-08-01&to=2026-12-07";

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn row(clause: &str, value: &str) -> ResultDraft {
    ResultDraft {
        clause: clause.into(),
        value: value.into(),
        unit: if clause == "5.1" { "MPA" } else { "P1" }.into(),
        method: "INSO 393".into(),
        ..Default::default()
    }
}

/// (unit, lab with the one who enters and the one who releases, accepted, released, results).
type Planned<'a> = (
    usize,
    &'a (i64, Actor, Actor),
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

struct Fixture {
    s: Setup,
    units: Vec<(i64, Actor)>,
    requests: Vec<i64>,
}

/// Requests accepted and released at noon in Tehran (08:30 UTC) on the days given; the
/// lab's working days counted by hand:
///
/// | req | unit | lab | accepted | released | working days (Iran: Friday off) | quote |
/// |---|---|---|---|---|---|---|
/// | 1 | A | A | Tue 11 Aug | Sat 15 Aug | Wed 12, Thu 13 holidays, Fri 14 → Sat 15: 1 | 7 |
/// | 2 | B | A | Sat 29 Aug | Wed 9 Sep | Sun 30 holiday; Mon 31 … Wed 9 less Fri 4: 9 (late) | 7 |
/// | 3 | C | A | Sat 3 Oct | Sat 10 Oct | Sun 4 … Thu 8, Sat 10: 6 | 7 |
/// | 4 | A | B | Tue 10 Nov | Mon 16 Nov | Wed 11, Thu 12, (Fri 13), Sat 14, Sun 15, Mon 16: 5 (late) | 3 |
/// | 5 | D | A | Sat 3 Oct | Tue 6 Oct | Sun 4, Mon 5, Tue 6: 3 | 7 |
///
/// Lab A: 1, 3, 6, 9 → median (rank 2) 3, p90 (rank ⌈3.6⌉ = 4) 9, on time 3 of 4. Lab B: 5,
/// 5, none on time. Request 1 is corrected on 20 Aug: its revision 2 fails 5.2.
async fn fixture(app: &TestApp) -> Fixture {
    let s = setup(app).await;
    let lab_a2 = "lab-a2@t.test";
    app.user(lab_a2, Role::LabUser, s.lab_a.0, Some(QAZVIN))
        .await;
    app.user("lab-b2@t.test", Role::LabUser, s.lab_b.0, Some(QAZVIN))
        .await;
    let mut units = vec![];
    for (email, name, province) in UNITS {
        let org = identity::create_organisation(
            &app.db,
            "test",
            NewOrganisation {
                kind: OrganisationKind::ProductionUnit,
                name_fa: name,
                name_en: name,
                name_vi: name,
                province_code: Some(province),
                country: "IR",
            },
        )
        .await
        .unwrap();
        app.user(email, Role::UnitUser, org, Some(province)).await;
        units.push((org, app.actor(email).await));
    }
    let lab_a = (
        s.lab_a.0,
        app.actor("lab@t.test").await,
        app.actor(lab_a2).await,
    );
    let lab_b = (
        s.lab_b.0,
        app.actor("lab-b@t.test").await,
        app.actor("lab-b2@t.test").await,
    );
    let plan: [Planned; 5] = [
        (
            0,
            &lab_a,
            "2026-08-11",
            "2026-08-15",
            &[("5.1", "45"), ("5.2", "2.5")],
        ),
        (
            1,
            &lab_a,
            "2026-08-29",
            "2026-09-09",
            &[("5.1", "40"), ("5.2", "2.5")],
        ),
        (
            2,
            &lab_a,
            "2026-10-03",
            "2026-10-10",
            &[("5.1", "45"), ("5.2", "3.5")],
        ),
        (0, &lab_b, "2026-11-10", "2026-11-16", &[("5.1", "45")]),
        (
            3,
            &lab_a,
            "2026-10-03",
            "2026-10-06",
            &[("5.1", "45"), ("5.2", "2.5")],
        ),
    ];
    let mut requests = vec![];
    for (unit, (lab, enters, releases), accepted, released, rows) in plan {
        let accepted = at(&format!("{accepted}T08:30:00Z"));
        let released = at(&format!("{released}T08:30:00Z"));
        let r = conformity::send(
            &app.db,
            &units[unit].1,
            &TestRequestDraft {
                standard_id: s.standard.to_string(),
                clauses: rows.iter().map(|(c, _)| c.to_string()).collect(),
                lab_org_id: lab.to_string(),
                ..Default::default()
            },
            accepted - chrono::Duration::days(1),
        )
        .await
        .unwrap();
        conformity::accept(&app.db, enters, r.id, accepted)
            .await
            .unwrap();
        let rows: Vec<ResultDraft> = rows.iter().map(|(c, v)| row(c, v)).collect();
        conformity::enter_results(&app.db, enters, Some(r.id), &rows, released)
            .await
            .unwrap();
        conformity::release(&app.db, releases, r.id, released)
            .await
            .unwrap();
        requests.push(r.id);
    }
    // Request 1 corrected: loss on ignition was 3.2 %, a failure; the turnaround stays.
    let fixed = at("2026-08-20T08:30:00Z");
    conformity::revise(&app.db, &lab_a.1, requests[0], 1, "Misread balance.", fixed)
        .await
        .unwrap();
    conformity::enter_results(
        &app.db,
        &lab_a.1,
        Some(requests[0]),
        &[row("5.2", "3.2")],
        fixed,
    )
    .await
    .unwrap();
    conformity::release(&app.db, &lab_a.2, requests[0], fixed)
        .await
        .unwrap();
    Fixture { s, units, requests }
}

fn lab(v: &Value, id: i64) -> &Value {
    v["labs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lab_org_id"] == id)
        .unwrap_or_else(|| panic!("lab {id} in {v}"))
}

/// (province, clause, judged, failed, inconclusive) of each cell shown.
fn cells(v: &Value) -> Vec<(String, String, u64, u64, u64)> {
    v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c["category"], "91", "cement's ICS field");
            assert_eq!(c["designation"], "INSO 389:2019");
            (
                c["province"].as_str().unwrap().into(),
                c["clause"].as_str().unwrap().into(),
                c["judged"].as_u64().unwrap(),
                c["failed"].as_u64().unwrap(),
                c["inconclusive"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn names_no_unit(body: &str) {
    for (_, name, _) in UNITS {
        assert!(!body.contains(name), "{name} in {body}");
    }
}

fn public(app: &TestApp, path: &str) -> impl std::future::Future<Output = (u16, String)> {
    let url = app.url(path);
    async move {
        let r = reqwest::get(url).await.unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }
}

#[tokio::test]
async fn the_figures_match_the_hand_counted_fixture_and_name_no_unit_in_public() {
    let app = TestApp::spawn_at(NOW).await;
    let f = fixture(&app).await;

    let (status, body) = public(&app, &format!("/api/v1/labs/figures?{PERIOD}")).await;
    assert_eq!(status, 200, "{body}");
    names_no_unit(&body);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["detail"], "public");
    let a = lab(&v, f.s.lab_a.0);
    assert_eq!(
        (
            &a["requests"],
            &a["median_days"],
            &a["p90_days"],
            &a["on_time"]
        ),
        (&4.into(), &3.into(), &9.into(), &3.into()),
        "{a}"
    );
    assert_eq!(a["on_time_share"], 0.75);
    assert_eq!(a["province"], QAZVIN);
    let b = lab(&v, f.s.lab_b.0);
    assert_eq!(
        (
            &b["requests"],
            &b["median_days"],
            &b["p90_days"],
            &b["on_time"]
        ),
        (&1.into(), &5.into(), &5.into(), &0.into())
    );
    // All five: 1, 3, 5, 6, 9 → median rank 3: 5; p90 rank ⌈4.5⌉ = 5: 9; on time 3 of 5.
    assert_eq!(
        (
            &v["total"]["median_days"],
            &v["total"]["p90_days"],
            &v["total"]["on_time"]
        ),
        (&5.into(), &9.into(), &3.into())
    );
    // Qazvin's cells hold three units each; 5.2 counts request 1's revision 2 (a failure),
    // once. Alborz's two cells (one unit) are left out and counted.
    assert_eq!(
        cells(&v),
        [
            (QAZVIN.into(), "5.1".into(), 4, 1, 0),
            (QAZVIN.into(), "5.2".into(), 3, 2, 0)
        ]
    );
    assert_eq!(v["clauses"][0]["failure_rate"], 0.25);
    assert!(v["clauses"][0].get("failed_units").is_none());
    assert_eq!(
        (&v["withheld_cells"], &v["withheld_results"]),
        (&2.into(), &2.into())
    );
    // Nor any id of a unit or of its requests.
    for key in [
        "\"organisation_id\"",
        "\"request_id\"",
        "\"requester_org_id\"",
        "\"failed_units\"",
    ] {
        assert!(!body.contains(key), "{key} in {body}");
    }
    assert_eq!(f.units.len(), 4);

    // The period narrows to what was first released in it: October on, lab A has requests
    // 3 and 5 (6 and 3 days: median 3, p90 6); request 1's correction in August is no new
    // release.
    let (_, body) = public(&app, "/api/v1/labs/figures?from=2026-10-01&to=2026-12-07").await;
    let v: Value = serde_json::from_str(&body).unwrap();
    let a = lab(&v, f.s.lab_a.0);
    assert_eq!(
        (&a["requests"], &a["median_days"], &a["p90_days"]),
        (&2.into(), &3.into(), &6.into())
    );
    // A lab alone.
    let (_, body) = public(
        &app,
        &format!("/api/v1/labs/figures?{PERIOD}&lab={}", f.s.lab_b.0),
    )
    .await;
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["labs"].as_array().unwrap().len(), 1);

    // Any page number answers; past the end, no cells.
    let (status, body) = public(
        &app,
        &format!("/api/v1/labs/figures?{PERIOD}&page=99999999999999999999999"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["clauses"], serde_json::json!([]));
    assert_eq!(v["cells"], 2);
}

#[tokio::test]
async fn the_national_body_sees_the_units_and_an_officer_only_in_its_province() {
    let app = TestApp::spawn_at(NOW).await;
    let f = fixture(&app).await;
    let path = format!("/api/v1/labs/figures?{PERIOD}");

    let (status, v) = app.get_json(&f.s.admin, &path).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["detail"], "full");
    assert_eq!(
        cells(&v),
        [
            (QAZVIN.into(), "5.1".into(), 4, 1, 0),
            (QAZVIN.into(), "5.2".into(), 3, 2, 0),
            (ALBORZ.into(), "5.1".into(), 1, 0, 0),
            (ALBORZ.into(), "5.2".into(), 1, 0, 0),
        ]
    );
    let failed = |v: &Value, clause: &str| -> Vec<(String, i64)> {
        v["clauses"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["clause"] == clause && c["province"] == QAZVIN)
            .flat_map(|c| c["failed_units"].as_array().unwrap().clone())
            .map(|u| {
                (
                    u["name"]["en"].as_str().unwrap().to_string(),
                    u["request_id"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        failed(&v, "5.1"),
        [("Abyek Cement Works".to_string(), f.requests[1])]
    );
    assert_eq!(
        failed(&v, "5.2"),
        [
            ("Kaleh Dairy Qazvin".to_string(), f.requests[0]),
            ("Takestan Concrete".to_string(), f.requests[2])
        ]
    );
    assert_eq!(v["withheld_cells"], 0);

    // Qazvin's officer: the public figures for the country, the full table for Qazvin.
    let qazvin = app.token("qazvin@t.test").await;
    let (_, v) = app.get_json(&qazvin, &path).await;
    assert_eq!(v["detail"], "public");
    names_no_unit(&v.to_string());
    let (_, v) = app
        .get_json(&qazvin, &format!("{path}&province={QAZVIN}"))
        .await;
    assert_eq!(v["detail"], "full");
    assert_eq!(v["clauses"].as_array().unwrap().len(), 2);
    assert!(v.to_string().contains("Kaleh Dairy Qazvin"));
    assert!(!v.to_string().contains("Hashtgerd"), "Alborz's unit");
    // …but another province's, only as anyone does: Alborz's lone unit is left out.
    let (_, v) = app
        .get_json(&qazvin, &format!("{path}&province={ALBORZ}"))
        .await;
    assert_eq!(v["detail"], "public");
    assert_eq!(v["clauses"], serde_json::json!([]));
    assert_eq!(v["withheld_cells"], 2);
    names_no_unit(&v.to_string());
    // Alborz's officer reads Qazvin's as the public does, and its own in full.
    let alborz = app.token("alborz@t.test").await;
    let (_, v) = app
        .get_json(&alborz, &format!("{path}&province={QAZVIN}"))
        .await;
    assert_eq!(v["detail"], "public");
    names_no_unit(&v.to_string());
    let (_, v) = app
        .get_json(&alborz, &format!("{path}&province={ALBORZ}"))
        .await;
    assert_eq!(v["detail"], "full");
    assert_eq!(v["clauses"].as_array().unwrap().len(), 2);
    assert!(!v.to_string().contains("Kaleh"));
}

#[tokio::test]
async fn a_bad_period_is_a_400_naming_the_field() {
    let app = TestApp::spawn_at(NOW).await;
    for (query, field, code) in [
        ("from=3026-01-01", "from", "date_out_of_range"),
        ("to=2026-13-45", "to", "invalid_date"),
        ("from=2026-12-01&to=2026-11-01", "to", "before_from"),
        ("from=1990-01-01&to=2026-01-01", "to", "span_too_long"),
        ("province=IR-99", "province", "unknown_province"),
        ("lab=abc", "lab", "invalid_number"),
    ] {
        let (status, body) = public(&app, &format!("/api/v1/labs/figures?{query}")).await;
        assert_eq!(status, 400, "{query}: {body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["code"], "invalid_query");
        assert_eq!(v["errors"][0]["field"], field, "{query}: {v}");
        assert_eq!(v["errors"][0]["code"], code, "{query}: {v}");
        assert!(
            !v["errors"][0]["message"]
                .as_str()
                .unwrap()
                .starts_with("err-")
        );
        // The page says it too, with the field's name, in the reader's language.
        let (status, page) = public(&app, &format!("/labs/figures?{query}&lang=en")).await;
        assert_eq!(status, 400, "{query}");
        assert!(page.contains("role=\"alert\""), "{page}");
    }
    let (_, page) = public(&app, "/labs/figures?from=3026-01-01&lang=en").await;
    assert!(
        page.contains("From: Enter a date between 1925 and 2124."),
        "{page}"
    );
}

#[tokio::test]
async fn the_page_draws_both_charts_in_persian_without_units_and_the_directory_links_it() {
    let app = TestApp::spawn_at(NOW).await;
    let f = fixture(&app).await;
    let (status, page) = public(&app, &format!("/labs/figures?{PERIOD}&lang=fa")).await;
    assert_eq!(status, 200, "{page}");
    names_no_unit(&page);
    assert_eq!(page.matches("<svg class=\"chart\"").count(), 2, "{page}");
    // The period in Solar Hijri with Persian digits: 10 Mordad to 16 Azar 1405.
    assert!(
        page.contains("۱۴۰۵/۰۵/۱۰") && page.contains("۱۴۰۵/۰۹/۱۶"),
        "{page}"
    );
    assert!(
        page.contains("text-anchor=\"end\""),
        "mirrored for right to left"
    );
    assert!(page.contains("class=\"table-scroll\""));
    let (_, dir) = public(&app, "/labs?lang=en").await;
    assert!(dir.contains("href=\"/labs/figures\""));

    // The national administrator's page names the units and links their requests.
    let admin = app.login("admin@t.test").await;
    let (status, page) = app
        .page(&admin, &format!("/labs/figures?{PERIOD}&lang=en"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Abyek Cement Works"), "{page}");
    assert!(page.contains(&format!("href=\"/test-requests/{}\"", f.requests[1])));
}
