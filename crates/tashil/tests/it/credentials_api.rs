//! The VC API as the W3C test suites call it, on SQLite and PostgreSQL: `POST
//! /credentials/issue` (the national administrator alone; malformed credentials refused with
//! 400 and the member at fault; each issue audited), `POST /credentials/verify` answering
//! `verified`, and `POST /presentations/verify` (the holder's proof, its challenge and domain,
//! each credential inside). Then a registered unit's Digital Identity Anchor, read as the unit
//! is read.

use serde_json::{Value, json};
use tashil_credentials::did::did_key_method;
use tashil_credentials::{Contexts, Cryptosuite, DidDocument, KeyPair, ProofOptions, Resolver};

use crate::helpers::{PUBLIC_URL, TestApp};
use crate::licence_setup::call;

const V2: &str = "https://www.w3.org/ns/credentials/v2";

/// A credential the caller wrote, naming this installation (did:web:tashil.test) as issuer.
fn unsigned() -> Value {
    json!({
        "@context": [V2],
        "type": ["VerifiableCredential"],
        "id": "urn:uuid:0b3f8e0e-5f43-4a0e-9a51-5c3bd0a2b7d1",
        "issuer": "did:web:tashil.test",
        "validFrom": "2025-01-01T00:00:00Z",
        "name": "Membership",
        "credentialSubject": {"id": "did:example:holder", "name": "کارخانهٔ نمونه"},
    })
}

async fn issue(app: &TestApp, token: Option<&str>, body: Value) -> (u16, Value) {
    call(app, token, "POST", "/credentials/issue", Some(body)).await
}

async fn verify_api(app: &TestApp, presented: &Value) -> (u16, Value) {
    call(
        app,
        None,
        "POST",
        "/credentials/verify",
        Some(json!({"verifiableCredential": presented, "options": {}})),
    )
    .await
}

pub async fn audit_count(app: &TestApp, action: &str) -> i64 {
    use sea_orm::{ConnectionTrait, Statement};
    let b = app.db.get_database_backend();
    app.db
        .query_one_raw(Statement::from_string(
            b,
            format!("SELECT COUNT(*) AS n FROM audit_log WHERE action = '{action}'"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap()
}

#[tokio::test]
async fn the_national_administrator_issues_a_credential_given_and_it_verifies_until_changed() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    for (options, suite) in [
        (json!({}), "eddsa-rdfc-2022"),
        (json!({"cryptosuite": "eddsa-jcs-2022"}), "eddsa-jcs-2022"),
    ] {
        let (s, v) = issue(
            &app,
            Some(&admin),
            json!({"credential": unsigned(), "options": options}),
        )
        .await;
        assert_eq!(s, 201, "{v}");
        let vc = v["verifiableCredential"].clone();
        assert_eq!(vc["proof"]["cryptosuite"], suite);
        assert_eq!(vc["proof"]["proofPurpose"], "assertionMethod");
        assert!(
            vc["proof"]["verificationMethod"]
                .as_str()
                .unwrap()
                .starts_with("did:web:tashil.test#key-")
        );
        let (s, v) = verify_api(&app, &vc).await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["verified"], true, "{v}");

        let mut changed = vc.clone();
        changed["credentialSubject"]["name"] = json!("کارخانهٔ نمونه!");
        let (s, v) = verify_api(&app, &changed).await;
        assert_eq!(s, 400, "{v}");
        assert_eq!(v["verified"], false, "{v}");
        assert_eq!(v["errors"][0]["code"], "signature_mismatch", "{v}");
    }
    assert_eq!(audit_count(&app, "credentials.issued").await, 2);
    // The whole of a signed credential is in no audit entry: only what identifies it.
    let (s, v) = issue(&app, Some(&admin), json!({"credential": unsigned()})).await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(audit_count(&app, "credentials.issued").await, 3);
}

#[tokio::test]
async fn issuing_needs_a_token_of_the_national_administrator() {
    let app = TestApp::spawn().await;
    app.world().await;
    let body = json!({"credential": unsigned()});
    let (s, v) = issue(&app, None, body.clone()).await;
    assert_eq!(s, 401, "{v}");
    assert_eq!(v["code"], "unauthenticated", "problem+json: {v}");
    let (s, _) = issue(&app, Some("not-a-token"), body.clone()).await;
    assert_eq!(s, 401);
    for who in [
        "qazvin@t.test",
        "inspector@t.test",
        "unit@t.test",
        "lab@t.test",
    ] {
        let token = app.token(who).await;
        let (s, v) = issue(&app, Some(&token), body.clone()).await;
        assert_eq!(s, 403, "{who}: {v}");
    }
    assert_eq!(audit_count(&app, "credentials.issued").await, 0);
}

#[tokio::test]
async fn a_malformed_credential_is_refused_with_400_naming_what_is_wrong() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let with = |field: &str, value: Value| {
        let mut c = unsigned();
        if value.is_null() {
            c.as_object_mut().unwrap().remove(field);
        } else {
            c[field] = value;
        }
        c
    };
    let cases = [
        (
            with("@context", Value::Null),
            "credential.@context",
            "vc_context_missing",
        ),
        (
            with(
                "@context",
                json!(["https://www.w3.org/2018/credentials/v1", V2]),
            ),
            "credential.@context",
            "vc_context_first",
        ),
        (
            with("type", json!(["Credential"])),
            "credential.type",
            "vc_type_missing",
        ),
        (
            with("issuer", json!("tashil")),
            "credential.issuer",
            "vc_issuer_not_url",
        ),
        (
            with("issuer", Value::Null),
            "credential.issuer",
            "vc_issuer_missing",
        ),
        (
            with("issuer", json!("did:web:elsewhere.example")),
            "credential.issuer",
            "vc_issuer_not_ours",
        ),
        (
            with("validFrom", json!("2025-01-01")),
            "credential.validFrom",
            "vc_date_invalid",
        ),
        (
            with("validUntil", json!("2024-01-01T00:00:00Z")),
            "credential.validUntil",
            "vc_validity_order",
        ),
        (
            with("credentialSubject", Value::Null),
            "credential.credentialSubject",
            "vc_subject_missing",
        ),
        (
            with("id", json!("not a url")),
            "credential.id",
            "vc_id_not_url",
        ),
        // A term no context defines would be shown to a reader and not signed.
        (
            with("nickname", json!("x")),
            "credential",
            "vc_jsonld_refused",
        ),
        (
            with(
                "@context",
                json!([V2, "https://example.com/unknown-context"]),
            ),
            "credential",
            "vc_jsonld_refused",
        ),
    ];
    for (credential, field, code) in cases {
        let (s, v) = issue(&app, Some(&admin), json!({"credential": credential})).await;
        assert_eq!(s, 400, "{code}: {v}");
        assert_eq!(v["code"], "credential_refused", "{v}");
        assert_eq!(v["errors"][0]["field"], field, "{v}");
        assert_eq!(v["errors"][0]["code"], code, "{v}");
        assert!(!v["errors"][0]["message"].as_str().unwrap().is_empty());
    }
    let (s, v) = issue(
        &app,
        Some(&admin),
        json!({"credential": unsigned(), "options": {"cryptosuite": "ecdsa-rdfc-2019"}}),
    )
    .await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["errors"][0]["code"], "vc_cryptosuite_unsupported");
    let (s, v) = issue(&app, Some(&admin), json!({"options": {}})).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["code"], "malformed_request");
    // Explained in every language.
    let (_, v) = call(
        &app,
        Some(&admin),
        "POST",
        "/credentials/issue?lang=fa",
        Some(json!({"credential": with("issuer", json!("tashil"))})),
    )
    .await;
    assert_eq!(
        v["errors"][0]["message"],
        "صادرکننده باید یک نشانی URL باشد."
    );
    assert_eq!(audit_count(&app, "credentials.issued").await, 0);
}

#[test]
fn every_code_a_refused_issue_carries_has_its_message_in_three_languages() {
    use tashil::i18n::{I18n, Lang};
    let keys: Vec<String> = tashil::credentials::ERROR_CODES
        .iter()
        .chain(tashil::credentials::ISSUE_CODES)
        .chain(tashil::credentials::STATUS_CODES)
        .chain(tashil_credentials::shape::CODES)
        .map(|c| tashil::web::error_render::key_of(c))
        .collect();
    for lang in Lang::ALL {
        let missing: Vec<_> = keys.iter().filter(|k| !I18n::get().has(lang, k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

/// A presentation of `credentials` by a holder's did:key, signed for `challenge` and `domain`.
fn presentation(holder: &KeyPair, credentials: Vec<Value>, challenge: &str, domain: &str) -> Value {
    let method = did_key_method(&holder.public());
    let did = method.split('#').next().unwrap().to_owned();
    let vp = json!({
        "@context": [V2],
        "type": ["VerifiablePresentation"],
        "holder": did,
        "verifiableCredential": credentials,
    });
    tashil_credentials::integrity::add_proof(
        Cryptosuite::EddsaRdfc2022,
        &vp,
        holder,
        &ProofOptions::authentication(
            method,
            chrono::Utc::now(),
            Some(challenge.to_owned()),
            Some(domain.to_owned()),
        ),
        &Contexts::bundled(),
    )
    .unwrap()
}

async fn verify_vp(app: &TestApp, vp: &Value, options: Value) -> (u16, Value) {
    call(
        app,
        None,
        "POST",
        "/presentations/verify",
        Some(json!({"verifiablePresentation": vp, "options": options})),
    )
    .await
}

#[tokio::test]
async fn a_presentation_verifies_with_its_challenge_and_domain_and_each_credential_in_it() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let (s, v) = issue(&app, Some(&admin), json!({"credential": unsigned()})).await;
    assert_eq!(s, 201, "{v}");
    let vc = v["verifiableCredential"].clone();
    let holder = KeyPair::generate().unwrap();
    let asked = json!({"challenge": "c-1846", "domain": "verifier.example"});

    let vp = presentation(&holder, vec![vc.clone()], "c-1846", "verifier.example");
    let (s, v) = verify_vp(&app, &vp, asked.clone()).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["verified"], true);
    assert_eq!(v["checks"], json!(["proof", "verifiableCredential"]));
    assert_eq!(v["credentialResults"][0]["verified"], true);

    let (s, v) = verify_vp(
        &app,
        &vp,
        json!({"challenge": "c-other", "domain": "verifier.example"}),
    )
    .await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["errors"][0]["code"], "challenge_mismatch");
    let (s, v) = verify_vp(
        &app,
        &vp,
        json!({"challenge": "c-1846", "domain": "other.example"}),
    )
    .await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["errors"][0]["code"], "domain_mismatch");

    // The presentation's own bytes changed: its proof fails.
    let mut changed = vp.clone();
    changed["holder"] = json!("did:example:someone-else");
    let (s, v) = verify_vp(&app, &changed, asked.clone()).await;
    assert_eq!(s, 400, "{v}");

    // A credential inside changed, the presentation signed over it afresh: the credential fails.
    let mut tampered = vc.clone();
    tampered["credentialSubject"]["name"] = json!("another");
    let vp = presentation(&holder, vec![tampered], "c-1846", "verifier.example");
    let (s, v) = verify_vp(&app, &vp, asked.clone()).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["errors"][0]["code"], "credential_not_verified", "{v}");
    assert_eq!(
        v["credentialResults"][0]["errors"][0]["code"],
        "signature_mismatch"
    );

    // Unsigned, with nothing asked: the credentials alone are checked, and that is said.
    let bare = json!({"@context": [V2], "type": "VerifiablePresentation",
        "verifiableCredential": [vc]});
    let (s, v) = verify_vp(&app, &bare, json!({})).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["warnings"][0]["code"], "presentation_unsigned");
    let (s, v) = verify_vp(&app, &bare, asked).await;
    assert_eq!(s, 400, "a challenge asked of an unsigned presentation: {v}");
    let (s, v) = verify_vp(&app, &json!({"@context": [V2], "type": "Thing"}), json!({})).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["errors"][0]["code"], "not_a_presentation");
    let (s, v) = call(&app, None, "POST", "/presentations/verify", Some(json!([]))).await;
    assert_eq!(s, 400, "{v}");
}

/// The unit's anchor in `form` for `token`: status and the credential as presented.
async fn anchor(app: &TestApp, token: Option<&str>, unit: i64, form: &str) -> (u16, Value) {
    let mut r = reqwest::Client::new().get(app.url(&format!(
        "/api/v1/units/{unit}/identity-credential?form={form}"
    )));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    let media = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let text = r.text().await.unwrap();
    if status == 200 && form == "jwt" {
        assert_eq!(media, "application/vc+jwt");
        return (status, Value::String(text));
    }
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

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

#[tokio::test]
async fn a_units_identity_anchor_is_read_as_the_unit_is_in_three_forms() {
    let app = TestApp::spawn().await;
    let world = app.world().await;
    let admin = app.token("admin@t.test").await;
    let (s, unit) = call(
        &app,
        Some(&admin),
        "GET",
        &format!("/api/v1/units/{}", world.qazvin_unit),
        None,
    )
    .await;
    assert_eq!(s, 200, "{unit}");
    let national_id = unit["national_id"].as_str().unwrap().to_owned();

    let (s, first) = anchor(&app, Some(&admin), world.qazvin_unit, "di-rdfc").await;
    assert_eq!(s, 200, "{first}");
    let did = app.url("/.well-known/did.json");
    let doc: Value = reqwest::get(did).await.unwrap().json().await.unwrap();
    let doc = DidDocument::from_json(&doc).unwrap();
    let resolver = Resolver::new().with_document(doc);
    let contexts = Contexts::bundled();

    for form in ["di-rdfc", "di-jcs", "jwt"] {
        let (s, presented) = anchor(&app, Some(&admin), world.qazvin_unit, form).await;
        assert_eq!(s, 200, "{form}: {presented}");
        let verified = tashil_credentials::verify(&presented, &resolver, &contexts)
            .unwrap_or_else(|e| panic!("{form}: {e}"));
        assert_eq!(verified.issuer, "did:web:tashil.test");
        // No DIA JSON Schema is in the repository's testdata: the shape UNTP's DIA asks, by hand.
        let vc = payload(&presented);
        assert_eq!(
            vc["@context"],
            json!([V2, "https://test.uncefact.org/vocabulary/untp/dia/working/"])
        );
        let types = vc["type"].as_array().unwrap();
        assert!(types.contains(&json!("DigitalIdentityAnchor")));
        assert!(types.contains(&json!("VerifiableCredential")));
        assert!(vc["id"].as_str().unwrap().starts_with("urn:uuid:"));
        assert_eq!(vc["issuer"]["type"], json!(["CredentialIssuer"]));
        assert!(!vc["issuer"]["name"].as_str().unwrap().is_empty());
        let s = &vc["credentialSubject"];
        assert!(
            s["type"]
                .as_array()
                .unwrap()
                .contains(&json!("RegisteredIdentity"))
        );
        assert_eq!(s["id"], format!("{PUBLIC_URL}/units/{}", world.qazvin_unit));
        assert_eq!(s["registeredId"], national_id.as_str());
        assert_eq!(s["name"], "شرکت لبنیات کاله قزوین");
        assert_eq!(s["registerType"], "Business");
        assert_eq!(s["registrationCountry"], "IR");
        assert_eq!(s["idScheme"]["type"], json!(["IdentifierScheme"]));
        assert_eq!(s["idScheme"]["id"], format!("{PUBLIC_URL}/units"));
        assert_eq!(s["idScheme"]["name"], "دفتر ثبت واحدهای تولیدی تسهیل");
        let from = chrono::DateTime::parse_from_rfc3339(vc["validFrom"].as_str().unwrap()).unwrap();
        let until =
            chrono::DateTime::parse_from_rfc3339(vc["validUntil"].as_str().unwrap()).unwrap();
        assert_eq!((until - from).num_days(), 365);

        let (s, v) = verify_api(&app, &presented).await;
        assert_eq!(s, 200, "{form}: {v}");
        // One byte of the national ID changed.
        let changed = match &presented {
            Value::String(jwt) => {
                let mut b = jwt.clone().into_bytes();
                let at = jwt.find('.').unwrap() + 10;
                b[at] = if b[at] == b'A' { b'B' } else { b'A' };
                Value::String(String::from_utf8(b).unwrap())
            }
            other => {
                let mut c = other.clone();
                let id = national_id.replacen('1', "2", 1);
                c["credentialSubject"]["registeredId"] = json!(id);
                c
            }
        };
        assert!(
            tashil_credentials::verify(&changed, &resolver, &contexts).is_err(),
            "{form}"
        );
    }

    // Who reads the unit reads its anchor: its own staff, its province's officers and
    // inspectors, the national body; another province's officer is told nothing of it.
    for (who, status) in [
        ("unit@t.test", 200),
        ("qazvin@t.test", 200),
        ("inspector@t.test", 200),
        ("alborz@t.test", 404),
        ("lab@t.test", 403),
    ] {
        let token = app.token(who).await;
        let (s, v) = anchor(&app, Some(&token), world.qazvin_unit, "di-jcs").await;
        assert_eq!(s, status, "{who}: {v}");
    }
    let unit_user = app.token("unit@t.test").await;
    let (s, _) = anchor(&app, Some(&unit_user), world.alborz_unit, "di-rdfc").await;
    assert_eq!(s, 404, "another unit");
    let (s, v) = anchor(&app, None, world.qazvin_unit, "di-rdfc").await;
    assert_eq!(s, 401, "{v}");
    let (s, _) = anchor(&app, Some(&admin), 999_999, "di-rdfc").await;
    assert_eq!(s, 404);
    let (s, v) = anchor(&app, Some(&admin), world.qazvin_unit, "pdf").await;
    assert_eq!(s, 422, "{v}");

    // A closed unit is no longer anchored.
    let mut draft = crate::helpers::unit_draft(
        &crate::helpers::ir_id(1010000003),
        "کارخانهٔ بسته",
        crate::helpers::QAZVIN,
    );
    draft.status = "closed".into();
    let admin_actor = app.actor("admin@t.test").await;
    let closed = tashil::registry::create(&app.db, &admin_actor, &draft)
        .await
        .unwrap();
    let (s, v) = anchor(&app, Some(&admin), closed, "di-rdfc").await;
    assert_eq!(s, 409, "{v}");
    assert_eq!(v["code"], "unit_closed");
}

#[tokio::test]
async fn a_node_started_for_the_w3c_suites_signs_credentials_over_the_examples_context() {
    let examples = json!({
        "@context": [V2, "https://www.w3.org/ns/credentials/examples/v2"],
        "type": ["VerifiableCredential", "ExampleMembershipCredential"],
        "issuer": "did:web:tashil.test",
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:member", "memberOf": "Example Guild"},
    });
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let (s, v) = issue(&app, Some(&admin), json!({"credential": examples})).await;
    assert_eq!(s, 400, "not bundled, so refused: {v}");
    assert_eq!(v["errors"][0]["code"], "vc_jsonld_refused");

    let suites = app
        .second_node_with(|s| s.with_w3c_examples_context(true))
        .await;
    for suite in ["eddsa-rdfc-2022", "eddsa-jcs-2022"] {
        let r = reqwest::Client::new()
            .post(format!("{}/credentials/issue", suites.base))
            .bearer_auth(&admin)
            .json(&json!({"credential": examples, "options": {"cryptosuite": suite}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 201);
        let vc: Value = r.json().await.unwrap();
        let r = reqwest::Client::new()
            .post(format!("{}/credentials/verify", suites.base))
            .json(&json!({"verifiableCredential": vc["verifiableCredential"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200, "{suite}");
    }
}

#[tokio::test]
async fn issue_refuses_untyped_members_and_related_resources_without_an_id_or_a_digest() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let digest = "sha384-NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg";
    let with = |field: &str, value: Value| {
        let mut c = unsigned();
        c[field] = value;
        json!({"credential": c})
    };
    // VC 2.0 §4.5, §4.11 and §5.3, as the W3C data model suite asks of an issuer.
    let refused = [
        (
            "termsOfUse",
            json!({"id": "urn:x:policy"}),
            "vc_entry_untyped",
        ),
        (
            "evidence",
            json!([{"id": "urn:x:evidence"}]),
            "vc_entry_untyped",
        ),
        (
            "refreshService",
            json!({"id": "https://r.example/1"}),
            "vc_entry_untyped",
        ),
        (
            "credentialSchema",
            json!({"id": "https://s.example/1"}),
            "vc_entry_untyped",
        ),
        (
            "credentialSchema",
            json!({"type": "JsonSchema", "id": "https ://s.example/1"}),
            "vc_schema_id_not_url",
        ),
        ("relatedResource", json!([V2]), "vc_related_resource_id"),
        (
            "relatedResource",
            json!([{"id": V2, "digestSRI": digest}, {"id": V2, "digestSRI": digest}]),
            "vc_related_resource_duplicate",
        ),
        (
            "relatedResource",
            json!([{"id": V2}]),
            "vc_related_resource_no_digest",
        ),
    ];
    for (field, value, code) in refused {
        let (s, v) = issue(&app, Some(&admin), with(field, value)).await;
        assert_eq!(s, 400, "{field}: {v}");
        assert_eq!(
            v["errors"][0]["field"],
            format!("credential.{field}"),
            "{v}"
        );
        assert_eq!(v["errors"][0]["code"], code, "{v}");
    }
    let mut typed = unsigned();
    typed["credentialSchema"] = json!({"type": "JsonSchema", "id": "https://s.example/1"});
    typed["relatedResource"] = json!([{"id": V2, "digestSRI": digest}]);
    let (s, v) = issue(&app, Some(&admin), json!({"credential": typed})).await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = verify_api(&app, &v["verifiableCredential"]).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(audit_count(&app, "credentials.issued").await, 1);
}

async fn set_status(app: &TestApp, token: Option<&str>, body: Value) -> (u16, Value) {
    call(app, token, "POST", "/credentials/status", Some(body)).await
}

/// What the bitstring suite asks of an issuer: a revocation entry added by the issuer.
fn with_revocation() -> Value {
    json!({"credential": unsigned(), "options": {"credentialStatus":
        {"type": "BitstringStatusListEntry", "statusPurpose": "revocation"}}})
}

#[tokio::test]
async fn a_credential_issued_with_a_status_is_revoked_through_the_status_endpoint() {
    use crate::credentials::{did_document, listed};
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    let (s, v) = issue(&app, Some(&admin), with_revocation()).await;
    assert_eq!(s, 201, "{v}");
    let vc = v["verifiableCredential"].clone();
    let entry = vc["credentialStatus"].clone();
    assert_eq!(entry["type"], "BitstringStatusListEntry", "{vc}");
    assert_eq!(entry["statusPurpose"], "revocation");
    let list = entry["statusListCredential"].as_str().unwrap();
    assert!(
        list.starts_with(&format!("{PUBLIC_URL}/credentials/status/revocation/")),
        "{list}"
    );
    let doc = did_document(&app.base).await;
    assert!(!listed(&app.base, &entry, &doc).await);
    let (s, v) = verify_api(&app, &vc).await;
    assert_eq!((s, &v["verified"]), (200, &json!(true)), "{v}");

    let (s, v) = set_status(
        &app,
        Some(&admin),
        json!({"credentialId": vc["id"], "statusPurpose": "revocation", "status": true}),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    assert!(listed(&app.base, &entry, &doc).await);
    let (s, v) = verify_api(&app, &vc).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["errors"][0]["code"], "revoked", "{v}");
    assert_eq!(audit_count(&app, "credentials.status_set").await, 1);

    // Named by the credential itself, cleared again.
    let (s, v) = set_status(
        &app,
        Some(&admin),
        json!({"credential": vc, "statusPurpose": "revocation", "status": false}),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    assert!(!listed(&app.base, &entry, &doc).await);

    // A purpose it has no entry for, an unknown purpose, an unknown credential.
    let (s, v) = set_status(
        &app,
        Some(&admin),
        json!({"credentialId": vc["id"], "statusPurpose": "suspension", "status": true}),
    )
    .await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(
        v["errors"][0]["code"], "credential_status_purpose_absent",
        "{v}"
    );
    let (s, v) = set_status(
        &app,
        Some(&admin),
        json!({"credentialId": vc["id"], "statusPurpose": "message", "status": true}),
    )
    .await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(
        v["errors"][0]["code"], "vc_status_purpose_unsupported",
        "{v}"
    );
    let (s, v) = set_status(
        &app,
        Some(&admin),
        json!({"credentialId": "urn:uuid:none", "statusPurpose": "revocation", "status": true}),
    )
    .await;
    assert_eq!(s, 404, "{v}");
    let (s, v) = set_status(&app, Some(&admin), json!({"status": true})).await;
    assert_eq!(s, 400, "{v}");
    assert_eq!(audit_count(&app, "credentials.status_set").await, 2);
}

#[tokio::test]
async fn issue_refuses_a_status_of_another_type_or_purpose() {
    let app = TestApp::spawn().await;
    app.world().await;
    let admin = app.token("admin@t.test").await;
    for (status, code) in [
        (
            json!({"type": "BitstringStatusListEntry", "statusPurpose": "refresh"}),
            "vc_status_purpose_unsupported",
        ),
        (
            json!({"type": "StatusList2021Entry", "statusPurpose": "revocation"}),
            "vc_status_type_unsupported",
        ),
    ] {
        let body = json!({"credential": unsigned(), "options": {"credentialStatus": status}});
        let (s, v) = issue(&app, Some(&admin), body).await;
        assert_eq!(s, 400, "{v}");
        assert_eq!(v["errors"][0]["code"], code, "{v}");
    }
    assert_eq!(audit_count(&app, "credentials.issued").await, 0);
}

#[tokio::test]
async fn only_the_national_administrator_sets_a_status_and_never_a_licences() {
    use crate::credentials::credential;
    use crate::licence_setup::licence;
    let app = TestApp::spawn().await;
    let d = crate::licence_setup::desk(&app, true, true).await;
    let (s, v) = issue(&app, Some(&d.admin), with_revocation()).await;
    assert_eq!(s, 201, "{v}");
    let vc = v["verifiableCredential"].clone();
    let body = json!({"credentialId": vc["id"], "statusPurpose": "revocation", "status": true});
    for token in [&d.qazvin, &d.inspector, &d.unit] {
        let (s, v) = set_status(&app, Some(token), body.clone()).await;
        assert_eq!(s, 403, "{v}");
    }
    let (s, _) = set_status(&app, None, body).await;
    assert_eq!(s, 401);

    // A licence's credential follows its licence: 409, its bit untouched.
    let (number, _) = licence(&app, &d).await;
    let held = credential(&app.base, &number, "di-rdfc").await;
    let (s, v) = set_status(
        &app,
        Some(&d.admin),
        json!({"credential": held, "statusPurpose": "revocation", "status": true}),
    )
    .await;
    assert_eq!(s, 409, "{v}");
    assert_eq!(v["code"], "credential_status_follows_licence", "{v}");
    let (s, v) = verify_api(&app, &held).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(audit_count(&app, "credentials.status_set").await, 0);
    // m0040's unique index still holds one row per licence, and many rows without one.
    use sea_orm::ConnectionTrait;
    let (s, v) = issue(&app, Some(&d.admin), with_revocation()).await;
    assert_eq!(s, 201, "{v}");
    let twice = "INSERT INTO credentials (licence_id, code, suspended, revoked, created_at) \
                 SELECT licence_id, 'TWICE23456', suspended, revoked, created_at \
                 FROM credentials WHERE licence_id IS NOT NULL";
    assert!(app.db.execute_unprepared(twice).await.is_err());
}
