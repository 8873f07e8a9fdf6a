//! Cases on behalf of several units: the chamber of commerce names the units by their
//! national IDs as they arrive (Persian digits, spaces, duplicates); each unit named then
//! follows the case; a wrong ID is refused by its place in the list and nothing is written.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{QAZVIN, TestApp, ir_id, unit_draft};
use tashil::access::{OrganisationKind, Role};

fn case(units: Vec<String>) -> Value {
    json!({"category": "power", "title": "قطع برق شهرک صنعتی لیا",
           "description": "قطع برق روزانه چهار ساعت خطوط تولید واحدهای شهرک را متوقف می‌کند.",
           "units": units})
}

async fn cases_in_db(app: &TestApp) -> i64 {
    let b = app.db.get_database_backend();
    app.db
        .query_one_raw(Statement::from_string(
            b,
            "SELECT COUNT(*) AS n FROM obstacle_cases",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap()
}

fn persian(s: &str) -> String {
    tashil_text::digits::to_persian_digits(s)
}

#[tokio::test]
async fn the_chamber_reports_for_several_units_and_each_of_them_follows_the_case() {
    let app = TestApp::spawn().await;
    let w = app.world().await;
    let admin = app.actor("admin@t.test").await;
    let second = tashil::registry::create(
        &app.db,
        &admin,
        &unit_draft(&ir_id(1010000003), "شرکت ریخته‌گری قزوین", QAZVIN),
    )
    .await
    .expect("second unit");
    let chamber_org = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    app.user(
        "chamber@t.test",
        Role::AgencyOfficer,
        chamber_org,
        Some(QAZVIN),
    )
    .await;
    let chamber = app.token("chamber@t.test").await;
    let unit = app.token("unit@t.test").await;
    let other_org = app
        .org(OrganisationKind::ProductionUnit, Some(QAZVIN))
        .await;
    app.user("other@t.test", Role::UnitUser, other_org, Some(QAZVIN))
        .await;
    let other = app.token("other@t.test").await;

    // As typed from a members' list: Persian digits with a space, the same unit twice.
    let first_id = ir_id(1010000001);
    let arabic_indic: String = ir_id(1010000003)
        .chars()
        .map(|c| char::from_u32('٠' as u32 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    let typed = vec![
        format!(" {} ", persian(&first_id)),
        // Copied from a right-to-left document: a bidi mark and a no-break space around it.
        format!("\u{200f}{arabic_indic}\u{a0}"),
        first_id.clone(),
    ];
    let id = app
        .post_json(&chamber, "/api/v1/cases", case(typed), 201)
        .await["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/cases/{id}");
    let unit_ids = |v: &Value| -> Vec<i64> {
        v["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_i64().unwrap())
            .collect()
    };
    let (_, seen) = app.get_json(&chamber, &path).await;
    assert_eq!(unit_ids(&seen), vec![w.qazvin_unit, second]);

    // The unit named reads the case and finds it in its list; an unrelated unit does not.
    let (status, seen) = app.get_json(&unit, &path).await;
    assert_eq!(status, 200);
    // It sees itself among the units, not the other members the registry hides from it.
    assert_eq!(unit_ids(&seen), vec![w.qazvin_unit]);
    let (_, listed) = app.get_json(&unit, "/api/v1/cases").await;
    assert!(listed.as_array().unwrap().iter().any(|c| c["id"] == id));
    assert_eq!(app.get_json(&other, &path).await.0, 404);
    let (_, listed) = app.get_json(&other, "/api/v1/cases").await;
    assert_eq!(listed.as_array().unwrap().len(), 0);
    // Naming a unit does not make it the reporter: confirming stays with the chamber.
    app.post_json(&unit, &format!("{path}/confirm"), json!({}), 403)
        .await;
}

#[tokio::test]
async fn a_wrong_national_id_is_named_by_its_place_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    app.world().await;
    let chamber_org = app.org(OrganisationKind::Agency, Some(QAZVIN)).await;
    app.user(
        "chamber@t.test",
        Role::AgencyOfficer,
        chamber_org,
        Some(QAZVIN),
    )
    .await;
    let chamber = app.token("chamber@t.test").await;
    let mut bad_check = ir_id(1010000001);
    let last = bad_check.pop().unwrap();
    bad_check.push(if last == '9' { '0' } else { '8' });
    let before = cases_in_db(&app).await;
    let body = app
        .post_json(
            &chamber,
            "/api/v1/cases",
            case(vec![
                ir_id(1010000001),
                bad_check,
                // The Alborz unit: not the Qazvin committee's to name.
                ir_id(1010000002),
                // Valid, but no unit has it.
                ir_id(1010000099),
            ]),
            422,
        )
        .await;
    let fields: Vec<(&str, &str)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(fields.len(), 3, "{body}");
    assert_eq!(fields[1], ("units[2]", "unit_out_of_scope"));
    assert_eq!(fields[2], ("units[3]", "unit_out_of_scope"));
    assert_eq!(fields[0].0, "units[1]");
    assert_ne!(fields[0].1, "unit_out_of_scope");
    assert_eq!(cases_in_db(&app).await, before);
    // Errors come in the order the entries were typed, past the tenth too.
    let mut many = vec![ir_id(1010000001); 12];
    many[2] = ir_id(1010000002);
    many[11] = ir_id(1010000099);
    let body = app
        .post_json(&chamber, "/api/v1/cases", case(many), 422)
        .await;
    let order: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["units[2]", "units[11]"]);

    // The form keeps what was typed and names the ID that is wrong, in Persian.
    let c = app.login("chamber@t.test").await;
    let units = format!("{}\n{}", ir_id(1010000001), ir_id(1010000002));
    let fields = [
        ("category", "power"),
        ("title", "قطع برق"),
        ("description", "قطع برق روزانه"),
        ("units", &units),
    ];
    let html = app.post_form(&c, "/cases/new", "/cases", &fields).await;
    assert_eq!(html.status(), 422);
    let html = html.text().await.unwrap();
    let errors = html
        .split("id=\"units-err\"")
        .nth(1)
        .and_then(|s| s.split("</ul>").next())
        .unwrap_or_else(|| panic!("no units error: {html}"));
    // Named as the page writes numbers: in Persian digits.
    assert!(errors.contains(&persian(&ir_id(1010000002))), "{errors}");
    assert!(!errors.contains(&persian(&ir_id(1010000001))), "{errors}");
    assert!(errors.contains("این واحد در استان شما ثبت نشده است"));
    assert!(
        html.contains(&ir_id(1010000001)),
        "the box keeps what was typed"
    );
    assert_eq!(cases_in_db(&app).await, before);
}
