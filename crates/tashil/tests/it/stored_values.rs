//! A state this build does not know, read back from the database, is a fault shown as such
//! (500 with a correlation id), never a silent default.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn an_unknown_stored_case_status_is_an_internal_error_not_a_default() {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = app.token("unit@t.test").await;
    let case = app
        .post_json(
            &unit,
            "/api/v1/cases",
            json!({"category": "tax", "title": "مالیات",
            "description": "برگ قطعی صادر نمی‌شود."}),
            201,
        )
        .await["id"]
        .as_i64()
        .unwrap();
    let (s, v) = app.get_json(&unit, &format!("/api/v1/cases/{case}")).await;
    assert_eq!((s, v["status"].as_str()), (200, Some("reported")));
    let b = app.db.get_database_backend();
    app.db
        .execute_raw(Statement::from_sql_and_values(
            b,
            tashil::db::settings::param_sql(b, "UPDATE obstacle_cases SET status = ? WHERE id = ?"),
            ["reopened_by_a_newer_build".into(), case.into()],
        ))
        .await
        .unwrap();
    let (s, v) = app.get_json(&unit, &format!("/api/v1/cases/{case}")).await;
    assert_eq!(s, 500, "{v}");
    assert!(v["correlation_id"].is_string(), "{v}");
    assert!(
        !v.to_string().contains("reopened"),
        "the detail stays in the log: {v}"
    );
    let (s, _) = app.get_json(&unit, "/api/v1/cases").await;
    assert_eq!(s, 500);
}
