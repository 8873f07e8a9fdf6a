//! Verifiable credentials, on SQLite and PostgreSQL: an issued licence's credential in its three
//! forms (valid against the UNTP DCC JSON Schema, verified by its did:web document, refused
//! after a one-byte change); a suspension read through the signed status list and on the
//! public page; a rotated key that still verifies what it signed; one issuer key for two
//! nodes; a node without the key that verifies but does not sign.

use serde_json::{Value, json};
use tashil::kernel::sealing::SealingKey;
use tashil_credentials::{
    Contexts, DidDocument, ProofForm, Resolver, StatusList, StatusPurpose, verify,
};

use crate::helpers::{PUBLIC_URL, TestApp};
use crate::licence_setup::{call, desk, issue_licence, licence};

/// GETs `url` (on `base` when it names the public URL): status, content type, body.
pub async fn get(base: &str, url: &str, accept: Option<&str>) -> (u16, String, String) {
    let url = match url.strip_prefix(PUBLIC_URL) {
        Some(path) => format!("{base}{path}"),
        None => format!("{base}{url}"),
    };
    let mut r = reqwest::Client::new().get(url);
    if let Some(a) = accept {
        r = r.header("accept", a);
    }
    let r = r.send().await.expect("request");
    let status = r.status().as_u16();
    let media = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, media, r.text().await.expect("body"))
}

/// The credential of licence `number` in `form`, as presented to a verifier.
pub async fn credential(base: &str, number: &str, form: &str) -> Value {
    let (s, media, body) = get(
        base,
        &format!("/api/v1/licences/{number}/credential?form={form}"),
        None,
    )
    .await;
    assert_eq!(s, 200, "{body}");
    if form == "jwt" {
        assert_eq!(media, "application/vc+jwt");
        Value::String(body)
    } else {
        serde_json::from_str(&body).unwrap()
    }
}

pub async fn did_document(base: &str) -> DidDocument {
    let (s, _, body) = get(base, "/.well-known/did.json", None).await;
    assert_eq!(s, 200, "{body}");
    DidDocument::from_json(&serde_json::from_str(&body).unwrap()).unwrap()
}

pub fn check(presented: &Value, doc: &DidDocument) -> Result<tashil_credentials::Verified, String> {
    verify(
        presented,
        &Resolver::new().with_document(doc.clone()),
        &Contexts::bundled(),
    )
    .map_err(|e| e.code().to_owned())
}

/// The credential inside any form (a JWT's payload).
fn payload(presented: &Value) -> Value {
    use base64::Engine;
    match presented {
        Value::String(jwt) => {
            let part = jwt.split('.').nth(1).unwrap();
            let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(part)
                .unwrap();
            serde_json::from_slice(&bytes).unwrap()
        }
        other => other.clone(),
    }
}

/// `presented` with one byte changed: a digit of the holder's national ID in a JSON form, a
/// letter of the payload in a JWT.
fn one_byte_changed(presented: &Value) -> Value {
    match presented {
        Value::String(jwt) => {
            let mut bytes = jwt.clone().into_bytes();
            let at = jwt.find('.').unwrap() + 10;
            bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
            Value::String(String::from_utf8(bytes).unwrap())
        }
        other => {
            let text = other.to_string();
            let mut bytes = text.clone().into_bytes();
            let at = text.find("\"registeredId\":\"").unwrap() + 16;
            bytes[at] = if bytes[at] == b'1' { b'2' } else { b'1' };
            serde_json::from_slice(&bytes).unwrap()
        }
    }
}

fn dcc_schema() -> jsonschema::Validator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tashil-credentials/testdata/untp/untp-dcc-schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the UNTP DCC schema compiles")
}

pub async fn verify_api(app: &TestApp, presented: &Value) -> (u16, Value) {
    call(
        app,
        None,
        "POST",
        "/credentials/verify",
        Some(json!({"verifiableCredential": presented, "options": {}})),
    )
    .await
}

const FORMS: [(&str, ProofForm); 3] = [
    ("di-rdfc", ProofForm::EddsaRdfc2022),
    ("di-jcs", ProofForm::EddsaJcs2022),
    ("jwt", ProofForm::VcJwt),
];

#[tokio::test]
async fn an_issued_licence_is_a_untp_credential_in_three_forms_each_refused_after_one_byte() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, _) = licence(&app, &d).await;
    // The issuer's first key is made when the first credential is signed.
    assert!(did_document(&app.base).await.methods().is_empty());
    credential(&app.base, &number, "di-rdfc").await;
    let doc = did_document(&app.base).await;
    assert_eq!(doc.id(), "did:web:tashil.test");
    let schema = dcc_schema();
    let node = app.second_node().await;
    for (form, proof) in FORMS {
        let presented = credential(&app.base, &number, form).await;
        let vc = payload(&presented);
        let problems: Vec<String> = schema.iter_errors(&vc).map(|e| e.to_string()).collect();
        assert!(problems.is_empty(), "{form}: {problems:?}\n{vc:#}");
        let mut partyless = vc.clone();
        partyless["credentialSubject"]
            .as_object_mut()
            .unwrap()
            .remove("issuedToParty");
        assert!(!schema.is_valid(&partyless), "the schema is applied");
        assert_eq!(vc["credentialSubject"]["assessmentLevel"], "GovtApproval");
        assert_eq!(vc["credentialSubject"]["attestationType"], "certification");
        assert_eq!(vc["credentialStatus"].as_array().unwrap().len(), 2);

        let verified = check(&presented, &doc).unwrap_or_else(|e| panic!("{form}: {e}"));
        assert_eq!(verified.form, proof);
        assert_eq!(verified.issuer, "did:web:tashil.test");
        assert!(
            check(&one_byte_changed(&presented), &doc).is_err(),
            "{form}"
        );

        let (s, v) = verify_api(&app, &presented).await;
        assert_eq!(s, 200, "{form}: {v}");
        assert_eq!(
            v["checks"],
            json!(["proof", "validFrom", "validUntil", "credentialStatus"])
        );
        if let Value::String(jwt) = &presented {
            // As VC 2.0 envelopes a JOSE-secured credential.
            let enveloped = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
                "type": "EnvelopedVerifiableCredential",
                "id": format!("data:application/vc+jwt,{jwt}")});
            let (s, v) = verify_api(&app, &enveloped).await;
            assert_eq!(s, 200, "{v}");
            assert_eq!(v["verified"], true);
        }
        let (s, v) = verify_api(&app, &one_byte_changed(&presented)).await;
        assert_eq!(s, 400, "{form}: {v}");

        // Every node serves the bytes signed once.
        assert_eq!(
            credential(&node.base, &number, form).await,
            presented,
            "{form}"
        );
    }
}

/// Sets `purpose`'s bit of the list `entry` names, as an outside verifier reads it: the list
/// credential fetched, its proof checked against the DID document, the bits decoded.
pub async fn listed(base: &str, entry: &Value, doc: &DidDocument) -> bool {
    let url = entry["statusListCredential"].as_str().unwrap();
    let (s, _, body) = get(base, url, None).await;
    assert_eq!(s, 200, "{body}");
    let list: Value = serde_json::from_str(&body).unwrap();
    check(&list, doc).expect("the status list is signed by the issuer");
    assert_eq!(
        list["credentialSubject"]["statusPurpose"],
        entry["statusPurpose"]
    );
    let bits =
        StatusList::decode(list["credentialSubject"]["encodedList"].as_str().unwrap()).unwrap();
    let index: usize = entry["statusListIndex"].as_str().unwrap().parse().unwrap();
    bits.get(index).unwrap()
}

pub fn entry_of(vc: &Value, purpose: StatusPurpose) -> Value {
    vc["credentialStatus"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["statusPurpose"] == purpose.name())
        .unwrap()
        .clone()
}

#[tokio::test]
async fn a_suspended_licence_verifies_as_suspended_through_the_status_list_and_on_its_page() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, id) = licence(&app, &d).await;
    let vc = credential(&app.base, &number, "di-rdfc").await;
    let doc = did_document(&app.base).await;
    let suspension = entry_of(&vc, StatusPurpose::Suspension);
    let revocation = entry_of(&vc, StatusPurpose::Revocation);
    assert!(!listed(&app.base, &suspension, &doc).await);
    let page = vc["id"].as_str().unwrap().to_owned();
    let (_, _, json) = get(&app.base, &format!("{page}.json"), None).await;
    assert_eq!(
        serde_json::from_str::<Value>(&json).unwrap()["status"],
        "valid"
    );

    let (s, v) = call(
        &app,
        Some(&d.qazvin),
        "POST",
        &format!("/api/v1/licences/{id}/status"),
        Some(
            json!({"action": "suspend", "reason": "نمونهٔ بازار مردود شد",
                    "legal_basis": "مادهٔ ۸ قانون تقویت و توسعهٔ نظام استاندارد"}),
        ),
    )
    .await;
    assert_eq!(s, 200, "{v}");

    assert!(listed(&app.base, &suspension, &doc).await);
    assert!(!listed(&app.base, &revocation, &doc).await);
    // Another node builds the same list from the database.
    let node = app.second_node().await;
    let url = suspension["statusListCredential"].as_str().unwrap();
    assert_eq!(
        get(&node.base, url, None).await,
        get(&app.base, url, None).await
    );

    let (s, v) = verify_api(&app, &vc).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["errors"][0]["code"], "suspended", "{v}");
    assert!(v["checks"].as_array().unwrap().contains(&json!("proof")));

    let (s, _, json) = get(&app.base, &page, Some("application/json")).await;
    assert_eq!(s, 200);
    let standing: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(standing["status"], "suspended");
    assert_eq!(standing["number"], number.as_str());
    let (s, _, html) = get(&app.base, &format!("{page}?lang=en"), None).await;
    assert_eq!(s, 200);
    assert!(html.contains("Suspended"), "{html}");
    assert!(html.contains("<svg"), "the page carries its QR code");
    let (_, _, html) = get(&app.base, &format!("{page}?lang=fa"), None).await;
    assert!(html.contains("تعلیق‌شده"));
    assert!(html.contains("شیر پاستوریزه"));
    let (_, _, html) = get(&app.base, &format!("{page}?lang=vi"), None).await;
    assert!(html.contains("Bị đình chỉ"));
}

#[tokio::test]
async fn a_rotated_key_still_verifies_what_it_signed_and_the_new_one_signs() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, _) = licence(&app, &d).await;
    let old = credential(&app.base, &number, "di-rdfc").await;
    let old_jwt = credential(&app.base, &number, "jwt").await;
    assert!(
        old["proof"]["verificationMethod"]
            .as_str()
            .unwrap()
            .ends_with("#key-1")
    );

    let rotated = tashil::credentials::rotate_key(&app.db, &SealingKey::demo(), chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(rotated.generation, 2);
    let doc = did_document(&app.base).await;
    assert_eq!(doc.methods().len(), 2);
    check(&old, &doc).expect("the old key still verifies");
    check(&old_jwt, &doc).expect("the old key still verifies a JWT");
    let (s, v) = verify_api(&app, &old).await;
    assert_eq!(s, 200, "{v}");

    // The next thing signed is signed by the new key: the status lists, re-signed.
    let entry = entry_of(&old, StatusPurpose::Revocation);
    let (_, _, body) = get(
        &app.base,
        entry["statusListCredential"].as_str().unwrap(),
        None,
    )
    .await;
    let list: Value = serde_json::from_str(&body).unwrap();
    assert!(
        list["proof"]["verificationMethod"]
            .as_str()
            .unwrap()
            .ends_with("#key-2")
    );
    check(&list, &doc).unwrap();
}

pub async fn issuer_keys(app: &TestApp) -> i64 {
    use sea_orm::{ConnectionTrait, Statement};
    let b = app.db.get_database_backend();
    app.db
        .query_one_raw(Statement::from_string(
            b,
            "SELECT COUNT(*) AS n FROM credential_issuer_keys",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap()
}

#[tokio::test]
async fn two_nodes_on_one_database_make_one_issuer_key() {
    let app = TestApp::spawn().await;
    let node = app.second_node().await;
    let path = "/credentials/status/revocation/0";
    let (a, b) = tokio::join!(get(&app.base, path, None), get(&node.base, path, None));
    assert_eq!(a.0, 200, "{}", a.2);
    assert_eq!(a, b, "both nodes serve the same signed list");
    assert_eq!(issuer_keys(&app).await, 1);
    assert_eq!(did_document(&node.base).await.methods().len(), 1);
}

#[tokio::test]
async fn a_node_without_the_key_verifies_but_does_not_sign() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, _) = licence(&app, &d).await;
    let keyless = app.second_node_with(|s| s.with_credential_key(None)).await;
    let (s, _, body) = get(
        &keyless.base,
        &format!("/api/v1/licences/{number}/credential"),
        None,
    )
    .await;
    assert_eq!(s, 409, "not signed yet, and this node cannot: {body}");
    assert!(body.contains("credential_key_missing"), "{body}");
    let (s, v) = call(
        &app,
        None,
        "GET",
        &format!("/api/v1/licences/{number}/credential"),
        None,
    )
    .await;
    assert_eq!(s, 200, "{v}");
    let (s, _, body) = get(
        &keyless.base,
        &format!("/api/v1/licences/{number}/credential?form=jwt"),
        None,
    )
    .await;
    assert_eq!(s, 200, "what a keyed node signed is served: {body}");
    let (s, _, body) = get(&keyless.base, "/credentials/status/suspension/0", None).await;
    assert_eq!(s, 409, "{body}");
    assert!(body.contains("TASHIL_CREDENTIAL_KEY"), "{body}");
    let (s, body) = call(
        &app,
        None,
        "POST",
        "/credentials/verify",
        Some(json!({"verifiableCredential": v})),
    )
    .await;
    assert_eq!(s, 200, "{body}");
    let c = reqwest::Client::new()
        .post(format!("{}/credentials/verify", keyless.base))
        .json(&json!({"verifiableCredential": v}))
        .send()
        .await
        .unwrap();
    assert_eq!(c.status().as_u16(), 200);
}

#[tokio::test]
async fn the_licence_page_carries_the_qr_code_of_its_verification_url() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let a = issue_licence(&app, &d).await;
    let id = a["id"].as_i64().unwrap();
    let html = reqwest::Client::new()
        .get(app.url(&format!("/applications/{id}?lang=en")))
        .bearer_auth(&d.unit)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = html
        .find("https://tashil.test/v/")
        .expect("the verification URL");
    let url: String = html[at..].chars().take_while(|c| *c != '"').collect();
    assert!(html.contains("<svg"), "the QR code");
    let (s, _, json) = get(&app.base, &format!("{url}.json"), None).await;
    assert_eq!(s, 200, "{json}");
    let standing: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(standing["status"], "valid");
    assert_eq!(standing["number"], a["licence"]["number"]);
}

#[tokio::test]
async fn tashil_credentials_rotate_key_needs_the_key_that_sealed_the_last_one() {
    let app = TestApp::spawn().await;
    let rotate = |key: Option<String>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tashil"));
        cmd.arg("--data-dir").arg(&app.storage.data_dir);
        if let Some(url) = &app.storage.database_url {
            cmd.arg("--database-url").arg(url);
        }
        cmd.args(["credentials", "rotate-key"])
            .env_remove("TASHIL_CREDENTIAL_KEY");
        if let Some(k) = key {
            cmd.env("TASHIL_CREDENTIAL_KEY", k);
        }
        cmd.output().unwrap()
    };
    let out = rotate(None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("TASHIL_CREDENTIAL_KEY"));
    let out = rotate(Some(SealingKey::demo_text()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("generation 1"));
    let out = rotate(Some("11".repeat(32)));
    assert!(
        !out.status.success(),
        "another key cannot rotate out a key it cannot open"
    );
    let out = rotate(Some(SealingKey::demo_text()));
    assert!(String::from_utf8_lossy(&out.stdout).contains("generation 2"));
    assert_eq!(issuer_keys(&app).await, 2);
    assert_eq!(did_document(&app.base).await.methods().len(), 2);
}

#[tokio::test]
async fn only_lists_that_hold_a_credential_are_served() {
    let app = TestApp::spawn().await;
    let (s, _, _) = get(&app.base, "/credentials/status/revocation/0", None).await;
    assert_eq!(s, 200, "the first list, even empty");
    for path in [
        "/credentials/status/revocation/1",
        "/credentials/status/revocation/9223372036854775807",
        "/credentials/status/expiry/0",
    ] {
        let (s, _, _) = get(&app.base, path, None).await;
        assert_eq!(s, 404, "{path}");
    }
    let forged = json!({"credentialStatus": {"type": "BitstringStatusListEntry",
        "statusPurpose": "revocation", "statusListIndex": "5",
        "statusListCredential": format!("{PUBLIC_URL}/credentials/status/revocation/9223372036854775807")}});
    let (s, v) = verify_api(&app, &forged).await;
    assert_eq!(s, 400, "{v}");
}

/// Runs `tashil verify` on `args` with the network unused (no server is running): its exit
/// status and what it printed.
pub fn tashil_verify(args: &[&dyn AsRef<std::ffi::OsStr>]) -> (bool, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tashil"));
    cmd.arg("verify").args(args.iter().map(|a| a.as_ref()));
    let out = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[tokio::test]
async fn tashil_verify_checks_each_form_offline_and_refuses_one_changed_byte() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (number, id) = licence(&app, &d).await;
    let mut forms = vec![];
    for (form, _) in FORMS {
        forms.push((form, credential(&app.base, &number, form).await));
    }
    let (_, _, did) = get(&app.base, "/.well-known/did.json", None).await;
    let mut lists = vec![];
    for purpose in [StatusPurpose::Revocation, StatusPurpose::Suspension] {
        let entry = entry_of(&forms[0].1, purpose);
        let (s, _, body) = get(
            &app.base,
            entry["statusListCredential"].as_str().unwrap(),
            None,
        )
        .await;
        assert_eq!(s, 200, "{body}");
        lists.push(body);
    }
    // The licence suspended: the suspension list as published after.
    let (s, v) = call(
        &app,
        Some(&d.qazvin),
        "POST",
        &format!("/api/v1/licences/{id}/status"),
        Some(
            json!({"action": "suspend", "reason": "نمونهٔ بازار مردود شد",
                    "legal_basis": "مادهٔ ۸ قانون تقویت و توسعهٔ نظام استاندارد"}),
        ),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    let entry = entry_of(&forms[0].1, StatusPurpose::Suspension);
    let (_, _, suspended) = get(
        &app.base,
        entry["statusListCredential"].as_str().unwrap(),
        None,
    )
    .await;
    // From here on no server answers: everything the verifier needs is in files.
    drop(app);

    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let did = write("did.json", &did);
    let revocation = write("revocation.json", &lists[0]);
    let suspension = write("suspension.json", &lists[1]);
    let suspended = write("suspended.json", &suspended);
    let (doc, status) = ("--did-document", "--status-list");
    for (form, presented) in &forms {
        let text = match presented {
            Value::String(jwt) => jwt.clone(),
            other => serde_json::to_string_pretty(other).unwrap(),
        };
        let file = write(&format!("{form}.txt"), &text);
        let (ok, out) = tashil_verify(&[&file, &doc, &did]);
        assert!(ok, "{form}: {out}");
        assert!(out.lines().any(|l| l == "valid"), "{form}: {out}");
        assert!(out.contains("status (revocation): not checked"), "{out}");

        let (ok, out) = tashil_verify(&[
            &file,
            &doc,
            &did,
            &status,
            &revocation,
            &status,
            &suspension,
        ]);
        assert!(ok, "{form}: {out}");
        assert!(out.contains("status (revocation): not set"), "{out}");
        assert!(out.contains("status (suspension): not set"), "{out}");

        let (ok, out) = tashil_verify(&[&file, &doc, &did, &status, &suspended]);
        assert!(!ok, "{form}: {out}");
        assert!(out.contains("status (suspension): set"), "{out}");
        assert!(out.ends_with("invalid: suspended\n"), "{out}");
        // A list signed by someone else, or changed, does not count.
        let forged = write(
            "forged.json",
            &lists[1].replacen("\"encodedList\":\"", "\"encodedList\":\"x", 1),
        );
        let (ok, out) = tashil_verify(&[&file, &doc, &did, &status, &forged]);
        assert!(!ok, "{form}: {out}");
        assert!(out.contains("does not verify"), "{out}");

        let (ok, out) = tashil_verify(&[&file]);
        assert!(!ok, "a did:web issuer needs its document: {out}");
        assert!(out.contains("did_unknown"), "{out}");

        let changed = match one_byte_changed(presented) {
            Value::String(jwt) => jwt,
            other => serde_json::to_string_pretty(&other).unwrap(),
        };
        let file = write(&format!("{form}-changed.txt"), &changed);
        let (ok, out) = tashil_verify(&[&file, &doc, &did]);
        assert!(!ok, "{form}: {out}");
        assert!(out.starts_with("invalid: "), "{form}: {out}");
    }
}
