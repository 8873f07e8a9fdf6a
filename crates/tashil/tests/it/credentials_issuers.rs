//! Provincial issuers (ADR 0019), on SQLite and PostgreSQL: the national administrator turns
//! on a province's own issuer (an officer may not); its DID document is served at the
//! did:web path; a licence its office decided is signed by it and verifies on the page,
//! through the API and offline; a licence decided nationally is still the national body's;
//! revocation shows through the province's own status list; a rotated provincial key still
//! verifies what it signed; two nodes make one provincial key.

use serde_json::{Value, json};
use tashil::kernel::sealing::SealingKey;
use tashil_credentials::{Cryptosuite, DidDocument, KeyPair, ProofOptions, StatusPurpose};

use crate::credentials::{check, credential, entry_of, get, listed, tashil_verify, verify_api};
use crate::credentials_api::audit_count;
use crate::helpers::{PUBLIC_URL, TestApp, extract_csrf};
use crate::licence_setup::{Desk, apply, call, desk, licence, mv};

const QAZVIN: &str = "IR-26";
const NATIONAL_DID: &str = "did:web:tashil.test";
const QAZVIN_DID: &str = "did:web:tashil.test:provinces:IR-26";

/// Turns on `province`'s own issuer through the API as `token`: the status and the answer.
async fn enable(app: &TestApp, token: &str, province: &str) -> (u16, Value) {
    call(
        app,
        Some(token),
        "POST",
        "/api/v1/credentials/issuers",
        Some(json!({"province": province})),
    )
    .await
}

async fn document(base: &str, path: &str) -> DidDocument {
    let (s, media, body) = get(base, path, None).await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(media, "application/did+json");
    DidDocument::from_json(&serde_json::from_str(&body).unwrap()).unwrap()
}

async fn keys_of(app: &TestApp, issuer: &str) -> i64 {
    use sea_orm::{ConnectionTrait, Statement};
    let b = app.db.get_database_backend();
    app.db
        .query_one_raw(Statement::from_sql_and_values(
            b,
            match b {
                sea_orm::DatabaseBackend::Postgres => {
                    "SELECT COUNT(*) AS n FROM credential_issuer_keys WHERE issuer = $1"
                }
                _ => "SELECT COUNT(*) AS n FROM credential_issuer_keys WHERE issuer = ?",
            },
            [issuer.into()],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap()
}

/// Qazvin decides every step and has its own issuer; a licence it issued.
async fn provincial_licence(app: &TestApp) -> (Desk, String, i64) {
    let d = desk(app, true, true).await;
    let (s, v) = enable(app, &d.admin, QAZVIN).await;
    assert_eq!(s, 201, "{v}");
    let (number, id) = licence(app, &d).await;
    (d, number, id)
}

#[tokio::test]
async fn the_national_administrator_turns_on_a_provinces_issuer_and_an_officer_may_not() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;

    let (s, v) = enable(&app, &d.qazvin, QAZVIN).await;
    assert_eq!(s, 403, "{v}");
    let officer = app.login("qazvin@t.test").await;
    assert_eq!(app.page(&officer, "/credentials/issuers").await.0, 403);
    let (s, _, _) = get(&app.base, "/provinces/IR-26/did.json", None).await;
    assert_eq!(s, 404, "no issuer of its own yet");

    // The administrator's page: a form with its CSRF token.
    let admin = app.login("admin@t.test").await;
    let (s, html) = app.page(&admin, "/credentials/issuers?lang=en").await;
    assert_eq!(s, 200);
    assert!(html.contains(NATIONAL_DID), "{html}");
    let csrf = extract_csrf(&html).unwrap();
    let r = admin
        .post(app.url("/credentials/issuers"))
        .form(&[("province", "IR-26"), ("_csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400, "a form without its token is refused");
    let r = admin
        .post(app.url("/credentials/issuers"))
        .form(&[("province", "IR-26"), ("_csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let (_, html) = app
        .page(&admin, "/credentials/issuers?on=IR-26&lang=fa")
        .await;
    assert!(html.contains(QAZVIN_DID), "{html}");
    assert!(html.contains("قزوین"), "{html}");
    let (_, html) = app.page(&admin, "/credentials/issuers?lang=vi").await;
    assert!(html.contains("Đơn vị cấp chứng thư"), "{html}");

    let (s, v) = enable(&app, &d.admin, QAZVIN).await;
    assert_eq!(s, 409, "{v}");
    assert_eq!(v["code"], "provincial_issuer_on", "{v}");
    let (s, v) = enable(&app, &d.admin, "IR-99").await;
    assert_eq!(s, 422, "{v}");
    let (s, v) = enable(&app, &d.admin, "VN-NBI").await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["did"], "did:web:tashil.test:provinces:VN-NBI");
    assert_eq!(
        v["document"],
        "https://tashil.test/provinces/VN-NBI/did.json"
    );

    let doc = document(&app.base, "/provinces/IR-26/did.json").await;
    assert_eq!(doc.id(), QAZVIN_DID);
    assert_eq!(
        audit_count(&app, "credentials.provincial_issuer_enabled").await,
        2,
        "each province turned on is audited"
    );
}

#[tokio::test]
async fn a_licence_its_province_decided_is_signed_by_the_province_and_verifies_everywhere() {
    let app = TestApp::spawn().await;
    let (_, number, _) = provincial_licence(&app).await;
    let vc = credential(&app.base, &number, "di-rdfc").await;
    assert_eq!(vc["issuer"]["id"], QAZVIN_DID, "{vc}");
    assert_eq!(
        vc["issuer"]["name"], "ادارهٔ کل استاندارد استان قزوین",
        "the office's name, in the country's language"
    );
    assert_eq!(
        vc["proof"]["verificationMethod"],
        format!("{QAZVIN_DID}#key-1")
    );
    let doc = document(&app.base, "/provinces/IR-26/did.json").await;
    let national = document(&app.base, "/.well-known/did.json").await;
    check(&vc, &doc).expect("verifies by the province's document");
    assert!(check(&vc, &national).is_err(), "not by the national one");
    let entry = entry_of(&vc, StatusPurpose::Revocation);
    assert!(
        entry["statusListCredential"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{PUBLIC_URL}/provinces/IR-26/credentials/status/")),
        "{entry}"
    );
    assert!(!listed(&app.base, &entry, &doc).await);

    for form in ["di-rdfc", "di-jcs", "jwt"] {
        let presented = credential(&app.base, &number, form).await;
        let (s, v) = verify_api(&app, &presented).await;
        assert_eq!(s, 200, "{form}: {v}");
        assert!(
            v["checks"]
                .as_array()
                .unwrap()
                .contains(&json!("credentialStatus")),
            "{v}"
        );
    }

    // The public page names the province's office and its DID.
    let page = vc["id"].as_str().unwrap().to_owned();
    let (_, _, standing) = get(&app.base, &format!("{page}.json"), None).await;
    let standing: Value = serde_json::from_str(&standing).unwrap();
    assert_eq!(standing["status"], "valid");
    assert_eq!(standing["issuer"], QAZVIN_DID);
    let (_, _, html) = get(&app.base, &format!("{page}?lang=en"), None).await;
    assert!(
        html.contains("Provincial standards office of Qazvin"),
        "{html}"
    );
    assert!(html.contains(QAZVIN_DID));

    // The printable certificate names the office too.
    let pdf = reqwest::get(app.url(&format!("/licences/{number}/certificate.pdf?lang=en")))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("certificate.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let text = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, as .ci/run installs)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Provincial standards office of Qazvin"),
        "{text}"
    );

    // Offline: the province's document is what `tashil verify` needs.
    let file = dir.path().join("vc.json");
    std::fs::write(&file, vc.to_string()).unwrap();
    let (_, _, body) = get(&app.base, "/provinces/IR-26/did.json", None).await;
    let province_doc = dir.path().join("province.json");
    std::fs::write(&province_doc, body).unwrap();
    let (_, _, body) = get(&app.base, "/.well-known/did.json", None).await;
    let national_doc = dir.path().join("national.json");
    std::fs::write(&national_doc, body).unwrap();
    let (ok, out) = tashil_verify(&[&file, &"--did-document", &province_doc]);
    assert!(ok, "{out}");
    assert!(out.lines().any(|l| l == "valid"), "{out}");
    let (ok, out) = tashil_verify(&[&file, &"--did-document", &national_doc]);
    assert!(
        !ok,
        "the national document does not vouch for the province: {out}"
    );
}

#[tokio::test]
async fn a_licence_the_national_body_decided_is_still_signed_nationally() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, false).await;
    let (s, v) = enable(&app, &d.admin, QAZVIN).await;
    assert_eq!(s, 201, "{v}");
    let id = apply(&app, &d).await["id"].as_i64().unwrap();
    let number = loop {
        let (_, v) = call(
            &app,
            Some(&d.unit),
            "GET",
            &format!("/api/v1/applications/{id}"),
            None,
        )
        .await;
        if v["status"] == "issued" {
            break v["licence"]["number"].as_str().unwrap().to_owned();
        }
        let step = v["step_index"].as_i64().unwrap();
        let (s, v) = mv(&app, &d.admin, id, json!({"move": "pass", "step": step})).await;
        assert_eq!(s, 200, "{v}");
    };
    let vc = credential(&app.base, &number, "di-rdfc").await;
    assert_eq!(vc["issuer"]["id"], NATIONAL_DID, "{vc}");
    assert_eq!(vc["issuer"]["name"], "سازمان ملی استاندارد");
    let entry = entry_of(&vc, StatusPurpose::Suspension);
    assert!(
        entry["statusListCredential"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{PUBLIC_URL}/credentials/status/")),
        "{entry}"
    );
    let (s, v) = verify_api(&app, &vc).await;
    assert_eq!(s, 200, "{v}");
}

#[tokio::test]
async fn revoking_a_province_signed_licence_shows_through_its_own_status_list() {
    let app = TestApp::spawn().await;
    let (d, number, id) = provincial_licence(&app).await;
    let vc = credential(&app.base, &number, "di-rdfc").await;
    let doc = document(&app.base, "/provinces/IR-26/did.json").await;
    // The national body's list is signed (its key made) on first request.
    let (s, _, _) = get(&app.base, "/credentials/status/revocation/0", None).await;
    assert_eq!(s, 200);
    let national = document(&app.base, "/.well-known/did.json").await;
    let revocation = entry_of(&vc, StatusPurpose::Revocation);
    let (s, v) = call(
        &app,
        Some(&d.qazvin),
        "POST",
        &format!("/api/v1/licences/{id}/status"),
        Some(json!({"action": "revoke", "reason": "تقلب در نمونه‌ها",
                    "legal_basis": "مادهٔ ۸ قانون تقویت و توسعهٔ نظام استاندارد"})),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    assert!(listed(&app.base, &revocation, &doc).await);
    // The national body's list at the same place does not carry the province's credential.
    let mut at_national = revocation.clone();
    at_national["statusListCredential"] =
        json!(format!("{PUBLIC_URL}/credentials/status/revocation/0"));
    assert!(!listed(&app.base, &at_national, &national).await);

    let (s, v) = verify_api(&app, &vc).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["errors"][0]["code"], "revoked", "{v}");
    // A national credential pointing at the province's list is refused, not read: a list
    // speaks only for its own issuer's credentials.
    let national_vc = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": NATIONAL_DID,
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:holder"},
        "credentialStatus": revocation,
    });
    let (s, v) = call(
        &app,
        Some(&d.admin),
        "POST",
        "/credentials/issue",
        Some(json!({"credential": national_vc, "options": {}})),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = verify_api(&app, &v["verifiableCredential"]).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(
        v["errors"][0]["code"], "status_list_of_another_issuer",
        "{v}"
    );

    // The public page says so too.
    let (s, v) = call(
        &app,
        None,
        "GET",
        &format!(
            "/v/{}.json",
            vc["id"].as_str().unwrap().rsplit('/').next().unwrap()
        ),
        None,
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(v["status"], "revoked");
}

/// `tashil credentials rotate-key --province PROVINCE` on `app`'s database, with the demo key.
fn rotate_key(app: &TestApp, province: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tashil"))
        .arg("--data-dir")
        .arg(&app.storage.data_dir)
        .args(
            app.storage
                .database_url
                .iter()
                .flat_map(|u| ["--database-url".to_owned(), u.clone()]),
        )
        .args(["credentials", "rotate-key", "--province", province])
        .env("TASHIL_CREDENTIAL_KEY", SealingKey::demo_text())
        .output()
        .unwrap()
}

#[tokio::test]
async fn a_rotated_provincial_key_still_verifies_what_it_signed() {
    let app = TestApp::spawn().await;
    let (_, number, _) = provincial_licence(&app).await;
    let old = credential(&app.base, &number, "di-rdfc").await;
    let old_jwt = credential(&app.base, &number, "jwt").await;

    let out = rotate_key(&app, "IR-26");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("generation 2"));
    assert_eq!(keys_of(&app, QAZVIN).await, 2);
    assert_eq!(
        keys_of(&app, "national").await,
        0,
        "the national key is untouched"
    );

    let doc = document(&app.base, "/provinces/IR-26/did.json").await;
    assert_eq!(doc.methods().len(), 2);
    check(&old, &doc).expect("the old key still verifies");
    check(&old_jwt, &doc).expect("the old key still verifies a JWT");
    let (s, v) = verify_api(&app, &old).await;
    assert_eq!(s, 200, "{v}");
    // What the province signs next is signed by the new key: its status lists.
    let entry = entry_of(&old, StatusPurpose::Revocation);
    let (_, _, body) = get(
        &app.base,
        entry["statusListCredential"].as_str().unwrap(),
        None,
    )
    .await;
    let list: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        list["proof"]["verificationMethod"],
        format!("{QAZVIN_DID}#key-2")
    );
    assert_eq!(list["issuer"], QAZVIN_DID);
    check(&list, &doc).unwrap();

    let out = rotate_key(&app, "IR-30");
    assert!(
        !out.status.success(),
        "a province without an issuer has no key to rotate"
    );
}

#[tokio::test]
async fn two_nodes_make_one_provincial_key() {
    let app = TestApp::spawn().await;
    let d = desk(&app, true, true).await;
    let (s, v) = enable(&app, &d.admin, QAZVIN).await;
    assert_eq!(s, 201, "{v}");
    let node = app.second_node().await;
    let path = "/provinces/IR-26/credentials/status/revocation/0";
    let (a, b) = tokio::join!(get(&app.base, path, None), get(&node.base, path, None));
    assert_eq!(a.0, 200, "{}", a.2);
    assert_eq!(a, b, "both nodes serve the same signed list");
    assert_eq!(keys_of(&app, QAZVIN).await, 1);
    assert_eq!(
        document(&node.base, "/provinces/IR-26/did.json")
            .await
            .methods()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_credential_claiming_a_province_without_an_issuer_fails() {
    let app = TestApp::spawn().await;
    let (_, number, _) = provincial_licence(&app).await;
    let mut forged = credential(&app.base, &number, "di-jcs").await;
    forged.as_object_mut().unwrap().remove("proof");
    let claimed = "did:web:tashil.test:provinces:IR-30";
    forged["issuer"]["id"] = json!(claimed);
    let key = KeyPair::generate().unwrap();
    let options = ProofOptions::assertion(format!("{claimed}#key-1"), chrono::Utc::now());
    let signed = tashil_credentials::integrity::add_proof(
        Cryptosuite::EddsaJcs2022,
        &forged,
        &key,
        &options,
        &tashil_credentials::Contexts::bundled(),
    )
    .unwrap();
    let (s, v) = verify_api(&app, &signed).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["errors"][0]["code"], "did_unknown", "{v}");
}
