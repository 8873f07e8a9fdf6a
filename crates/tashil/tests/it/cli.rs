//! The command line against the same database as a running server.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::helpers::{TestApp, ir_id};

fn tashil(app: &TestApp) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tashil"));
    cmd.arg("--data-dir").arg(&app.storage.data_dir);
    if let Some(url) = &app.storage.database_url {
        cmd.arg("--database-url").arg(url);
    }
    cmd
}

#[tokio::test]
async fn user_add_reads_the_password_from_stdin_and_the_user_can_log_in() {
    let app = TestApp::spawn().await;
    let mut child = tashil(&app)
        .args([
            "user",
            "add",
            "--email",
            "new@t.test",
            "--name",
            "New Officer",
            "--role",
            "provincial_officer",
            "--province",
            "IR-26",
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(crate::helpers::PASSWORD.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    app.login("new@t.test").await;

    let out = tashil(&app)
        .args([
            "user",
            "add",
            "--email",
            "x@t.test",
            "--name",
            "X",
            "--role",
            "inspector",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "a provincial role without a province is refused"
    );
}

#[tokio::test]
async fn export_then_import_round_trips_through_the_cli() {
    let app = TestApp::spawn().await;
    app.world().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("units.xlsx");
    let out = tashil(&app)
        .args(["export", "units"])
        .arg(&file)
        .args(["--lang", "fa"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Importing the same units again: every row is a duplicate, nothing is written.
    let out = tashil(&app)
        .args(["import", "units"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already registered"), "{err}");
    assert!(err.contains("nothing imported (2 errors)"), "{err}");

    // A fresh file with a new unit imports.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "national_id",
        "name_fa",
        "province",
        "city",
        "isic_class",
        "size_class",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in [
        ir_id(1060000001).as_str(),
        "شرکت تازه",
        "IR-26",
        "قزوین",
        "1050",
        "small",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    let fresh = dir.path().join("fresh.xlsx");
    wb.save(&fresh).unwrap();
    let out = tashil(&app)
        .args(["import", "units"])
        .arg(&fresh)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("imported 1 units"));
}

#[tokio::test]
async fn backup_writes_a_consistent_copy_of_a_live_sqlite_database() {
    let app = TestApp::spawn().await;
    if app.storage.database_url.is_some() {
        // PostgreSQL is backed up with pg_dump (README); the command refuses it.
        let out = tashil(&app)
            .args(["backup", "/tmp/never.db"])
            .output()
            .unwrap();
        assert!(!out.status.success());
        return;
    }
    app.world().await;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    let out = tashil(&app).arg("backup").arg(&copy).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cfg = tashil::config::StorageConfig::new(
        dir.path(),
        Some(format!("sqlite://{}?mode=rw", copy.display())),
    );
    let db = tashil::db::connect(&cfg).await.unwrap();
    let report = tashil::audit::verify(&db).await.unwrap();
    assert!(report.finding.is_none());
    assert!(report.entries > 5);
}
