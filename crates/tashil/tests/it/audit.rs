//! The audit trail records every change and `audit verify` finds tampering.

use sea_orm::ConnectionTrait;
use tashil::audit::{Finding, verify};

use crate::helpers::TestApp;

#[tokio::test]
async fn every_change_is_chained_and_an_edited_entry_is_found() {
    let app = TestApp::spawn().await;
    app.world().await;
    let report = verify(&app.db).await.unwrap();
    assert!(report.finding.is_none());
    assert!(
        report.entries >= 10,
        "orgs, users, units and tokens are audited"
    );

    app.db
        .execute_unprepared(
            "UPDATE audit_log SET after = '{\"national_id\":\"forged\"}' WHERE id = 3",
        )
        .await
        .unwrap();
    let report = verify(&app.db).await.unwrap();
    assert_eq!(report.finding, Some(Finding::Edited { id: 3 }));
    assert_eq!(report.entries, 2);
}

#[tokio::test]
async fn a_deleted_entry_is_found() {
    let app = TestApp::spawn().await;
    app.world().await;
    app.db
        .execute_unprepared("DELETE FROM audit_log WHERE id = 5")
        .await
        .unwrap();
    let report = verify(&app.db).await.unwrap();
    assert_eq!(
        report.finding,
        Some(Finding::Deleted {
            after: 4,
            before: 6
        })
    );
}

#[tokio::test]
async fn the_cli_reports_an_edited_row() {
    let app = TestApp::spawn().await;
    app.world().await;
    app.db
        .execute_unprepared("UPDATE audit_log SET actor = 'someone else' WHERE id = 4")
        .await
        .unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tashil"));
    cmd.arg("--data-dir").arg(&app.storage.data_dir);
    if let Some(url) = &app.storage.database_url {
        cmd.arg("--database-url").arg(url);
    }
    let out = cmd.args(["audit", "verify"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("entry 4 was edited"), "{stdout}");
}

#[tokio::test]
async fn the_log_says_through_which_channel_each_change_came() {
    let app = TestApp::spawn().await;
    app.world().await;
    let officer = app.token("qazvin@t.test").await;
    app.post_json(
        &officer,
        "/api/v1/bodies",
        serde_json::json!({"kind": "working_group", "name_fa": "کارگروه", "members": []}),
        201,
    )
    .await;
    let browser = app.login("qazvin@t.test").await;
    let r = app
        .post_form(
            &browser,
            "/meetings",
            "/bodies",
            &[("kind", "council"), ("name", "شورا")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let rows = app
        .db
        .query_all_raw(sea_orm::Statement::from_string(
            app.db.get_database_backend(),
            "SELECT actor FROM audit_log WHERE action = 'body.create' ORDER BY id",
        ))
        .await
        .unwrap();
    let actors: Vec<String> = rows
        .iter()
        .map(|r| r.try_get("", "actor").unwrap())
        .collect();
    assert_eq!(
        actors,
        [
            "qazvin@t.test (provincial_officer, api)",
            "qazvin@t.test (provincial_officer, web)"
        ]
    );
}
