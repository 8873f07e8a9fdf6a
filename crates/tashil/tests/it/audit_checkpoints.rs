//! Signed checkpoints of the audit chain: made on demand and periodically, published at a
//! public URL, and `audit verify --checkpoint FILE` finds a log cut short or rewritten since.

use std::process::{Command, Output};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, VerifyingKey};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tashil::db::settings::param_sql;

use crate::helpers::TestApp;

fn tashil(app: &TestApp) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tashil"));
    cmd.arg("--data-dir").arg(&app.storage.data_dir);
    if let Some(url) = &app.storage.database_url {
        cmd.arg("--database-url").arg(url);
    }
    cmd.env_remove("TASHIL_AUDIT_KEY");
    cmd
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `tashil audit checkpoint`: the checkpoint it printed.
fn checkpoint_now(app: &TestApp) -> Value {
    let out = tashil(app).args(["audit", "checkpoint"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `tashil audit verify [--checkpoint FILE]`: exit code and output.
fn verify(app: &TestApp, checkpoint: Option<&Value>) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = tashil(app);
    cmd.args(["audit", "verify"]);
    if let Some(cp) = checkpoint {
        let file = dir.path().join("checkpoint.json");
        std::fs::write(&file, cp.to_string()).unwrap();
        cmd.arg("--checkpoint").arg(&file);
    }
    let out = cmd.output().unwrap();
    (out.status.code().unwrap_or(-1), text(&out))
}

/// An anonymous GET: status and JSON.
async fn get(app: &TestApp, path: &str) -> (u16, Value) {
    let r = reqwest::get(app.url(path)).await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or_default())
}

/// Checks a checkpoint with nothing but ed25519-dalek and the format ADR 0005 documents.
fn signature_holds(cp: &Value) -> bool {
    let s = |k: &str| cp[k].as_str().unwrap().to_string();
    let pk: [u8; 32] = URL_SAFE_NO_PAD
        .decode(s("public_key"))
        .unwrap()
        .try_into()
        .unwrap();
    let sig: [u8; 64] = URL_SAFE_NO_PAD
        .decode(s("signature"))
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(s("key_id"), hex::encode(Sha256::digest(pk))[..16]);
    let message = format!(
        "tashil-audit-checkpoint/v1\n{}\n{}\n{}\n{}",
        cp["seq"],
        s("head_hash"),
        cp["entries"],
        s("created_at")
    );
    VerifyingKey::from_bytes(&pk)
        .unwrap()
        .verify_strict(message.as_bytes(), &Signature::from_bytes(&sig))
        .is_ok()
}

#[tokio::test]
async fn a_checkpoint_made_on_demand_is_published_with_a_signature_that_verifies() {
    let app = TestApp::spawn().await;
    app.world().await;
    let (status, problem) = get(&app, "/audit/checkpoints/latest").await;
    assert_eq!(status, 404);
    assert_eq!(problem["code"], "not_found");
    assert_eq!(
        get(&app, "/audit/checkpoints").await,
        (200, Value::Array(vec![]))
    );

    let made = checkpoint_now(&app);
    let (status, latest) = get(&app, "/audit/checkpoints/latest").await;
    assert_eq!(status, 200);
    assert_eq!(latest, made);
    assert!(signature_holds(&latest));
    assert_eq!(
        latest["seq"].as_i64(),
        Some(app.scalar("SELECT MAX(id) AS n FROM audit_log").await)
    );
    assert_eq!(
        latest["entries"].as_i64(),
        Some(app.scalar("SELECT COUNT(*) AS n FROM audit_log").await)
    );
    let (code, out) = verify(&app, Some(&latest));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("intact"), "{out}");
    assert!(out.contains(latest["key_id"].as_str().unwrap()), "{out}");

    let (_, doc) = get(&app, "/api/v1/openapi.json").await;
    for path in ["/audit/checkpoints", "/audit/checkpoints/latest"] {
        assert!(doc["paths"][path].is_object(), "{path} undocumented");
    }
}

#[tokio::test]
async fn a_tampered_checkpoint_file_is_refused_as_a_bad_signature() {
    let app = TestApp::spawn().await;
    app.world().await;
    let mut cp = checkpoint_now(&app);
    let head = cp["head_hash"].as_str().unwrap().to_string();
    let flipped = if head.starts_with('0') { "1" } else { "0" };
    cp["head_hash"] = Value::from(format!("{flipped}{}", &head[1..]));
    assert!(!signature_holds(&cp));
    let (code, out) = verify(&app, Some(&cp));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("refused: bad signature"), "{out}");
    assert!(!out.contains("intact"), "{out}");
}

#[tokio::test]
async fn deleting_the_newest_entries_is_found_as_truncation_since_the_checkpoint() {
    let app = TestApp::spawn().await;
    app.world().await;
    checkpoint_now(&app);
    let (_, kept) = get(&app, "/audit/checkpoints/latest").await;
    let last = app.scalar("SELECT MAX(id) AS n FROM audit_log").await;
    app.db
        .execute_unprepared(&format!("DELETE FROM audit_log WHERE id > {}", last - 3))
        .await
        .unwrap();

    let (code, out) = verify(&app, None);
    assert_eq!(code, 0, "the chain alone cannot tell: {out}");
    let (code, out) = verify(&app, Some(&kept));
    assert_eq!(code, 2, "{out}");
    let id = kept["id"].as_i64().unwrap();
    assert!(
        out.contains(&format!("truncated since checkpoint {id}")),
        "{out}"
    );
    assert!(!out.contains("intact"), "{out}");

    // No new checkpoint vouches for the shortened log.
    let out = tashil(&app).args(["audit", "checkpoint"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("no longer holds checkpoint"));
}

/// The chain's hash, written again here so the test does not trust the code it checks.
fn entry_hash(r: &sea_orm::QueryResult, prev_hash: &str) -> String {
    let s = |c: &str| r.try_get::<String>("", c).unwrap();
    let o = |c: &str| r.try_get::<Option<String>>("", c).unwrap();
    let canonical = serde_json::json!([
        s("at"),
        r.try_get::<Option<i64>>("", "actor_user_id").unwrap(),
        s("actor"),
        s("action"),
        s("entity"),
        s("entity_id"),
        o("before"),
        o("after"),
        prev_hash
    ]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

/// Edits entry `id` and re-hashes it and every later entry, as a careful forger would.
async fn rewrite_from(app: &TestApp, id: i64) {
    let backend = app.db.get_database_backend();
    let sql = |s: &str| param_sql(backend, s);
    app.db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            sql("UPDATE audit_log SET actor = 'someone else' WHERE id = ?"),
            [id.into()],
        ))
        .await
        .unwrap();
    let rows = app
        .db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql("SELECT * FROM audit_log WHERE id >= ? ORDER BY id"),
            [id.into()],
        ))
        .await
        .unwrap();
    let mut prev: String = rows[0].try_get("", "prev_hash").unwrap();
    for r in &rows {
        let h = entry_hash(r, &prev);
        let row_id: i64 = r.try_get("", "id").unwrap();
        app.db
            .execute_raw(Statement::from_sql_and_values(
                backend,
                sql("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"),
                [prev.clone().into(), h.clone().into(), row_id.into()],
            ))
            .await
            .unwrap();
        prev = h;
    }
}

#[tokio::test]
async fn an_edited_and_rehashed_log_is_found_as_rewritten_since_the_checkpoint() {
    let app = TestApp::spawn().await;
    app.world().await;
    checkpoint_now(&app);
    let (_, list) = get(&app, "/audit/checkpoints").await;
    rewrite_from(&app, 3).await;

    let (code, out) = verify(&app, None);
    assert_eq!(code, 0, "the chain alone cannot tell: {out}");
    let (code, out) = verify(&app, Some(&list));
    assert_eq!(code, 2, "{out}");
    let id = list[0]["id"].as_i64().unwrap();
    assert!(
        out.contains(&format!("rewritten since checkpoint {id}")),
        "{out}"
    );
}

#[tokio::test]
async fn an_unmoved_head_gets_one_checkpoint_and_any_page_is_answered() {
    let app = TestApp::spawn().await;
    app.world().await;
    // Two nodes at the same moment, then the command twice: one row.
    let (a, b) = tokio::join!(
        tashil::audit::checkpoint(&app.db),
        tashil::audit::checkpoint(&app.db)
    );
    assert_eq!(
        usize::from(a.unwrap().is_some()) + usize::from(b.unwrap().is_some()),
        1
    );
    let first = checkpoint_now(&app);
    assert_eq!(checkpoint_now(&app), first);
    let (_, list) = get(&app, "/audit/checkpoints").await;
    assert_eq!(list.as_array().map(Vec::len), Some(1));

    app.token("qazvin@t.test").await;
    let second = checkpoint_now(&app);
    assert!(second["seq"].as_i64() > first["seq"].as_i64());
    assert!(signature_holds(&second));
    let (_, list) = get(&app, "/audit/checkpoints").await;
    assert_eq!(list, serde_json::json!([second, first]), "newest first");

    for page in ["0", "-1", "1", "abc"] {
        let (status, body) = get(&app, &format!("/audit/checkpoints?page={page}")).await;
        assert_eq!(
            (status, body.as_array().map(Vec::len)),
            (200, Some(2)),
            "{page}"
        );
    }
    for page in [
        "2",
        "9223372036854775807",
        "18446744073709551615",
        "99999999999999999999999",
    ] {
        let (status, body) = get(&app, &format!("/audit/checkpoints?page={page}")).await;
        assert_eq!((status, body), (200, Value::Array(vec![])), "{page}");
    }
}

#[tokio::test]
async fn the_periodic_job_signs_when_due_and_not_again_within_the_interval() {
    let app = TestApp::spawn().await;
    tashil::app::jobs().tick(&app.db, None).await.unwrap();
    assert_eq!(
        get(&app, "/audit/checkpoints/latest").await.0,
        404,
        "empty log"
    );
    app.world().await;
    tashil::app::jobs().tick(&app.db, None).await.unwrap();
    let (status, first) = get(&app, "/audit/checkpoints/latest").await;
    assert_eq!(status, 200);
    app.token("qazvin@t.test").await;
    tashil::app::jobs().tick(&app.db, None).await.unwrap();
    assert_eq!(get(&app, "/audit/checkpoints/latest").await.1, first);
}

#[tokio::test]
async fn the_key_from_the_environment_signs_and_checkpoints_of_another_key_are_refused() {
    let app = TestApp::spawn().await;
    app.world().await;
    let seed = [42u8; 32];
    let out = tashil(&app)
        .env("TASHIL_AUDIT_KEY", URL_SAFE_NO_PAD.encode(seed))
        .args(["audit", "checkpoint"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let cp: Value = serde_json::from_slice(&out.stdout).unwrap();
    let public = ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key();
    assert_eq!(cp["public_key"], URL_SAFE_NO_PAD.encode(public.as_bytes()));
    assert!(signature_holds(&cp));

    // Without the variable this installation signs with its stored key: not this one.
    let (code, out) = verify(&app, Some(&cp));
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("refused: signed by key"), "{out}");

    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), cp.to_string()).unwrap();
    let out = tashil(&app)
        .env("TASHIL_AUDIT_KEY", hex::encode(seed))
        .args(["audit", "verify", "--checkpoint"])
        .arg(file.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("intact"));
}
