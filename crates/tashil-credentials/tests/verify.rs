//! The one `verify` entry point: all three forms, one-byte tampering, issuer binding, and key
//! rotation through a did:web document.

mod common;

use chrono::{TimeZone, Utc};
use common::json;
use serde_json::Value;
use tashil_credentials::did::{ResolveError, did_key, did_key_method, did_web};
use tashil_credentials::integrity::{ProofFailure, add_proof};
use tashil_credentials::jwt::sign_vc_jwt;
use tashil_credentials::{
    Contexts, Cryptosuite, DidDocument, KeyPair, ProofForm, ProofOptions, Rejection, Resolver,
    verify,
};

/// The UNTP conformity credential example, issued by `issuer`.
fn conformity_credential(issuer: &str) -> Value {
    let mut credential = json("untp/untp-dcc-instance.json");
    credential["issuer"]["id"] = Value::String(issuer.to_owned());
    credential
}

/// The UNTP identity anchor example: small enough to change every one of its strings.
fn identity_credential(issuer: &str) -> Value {
    let mut credential = json("untp/untp-dia-instance.json");
    credential["issuer"]["id"] = Value::String(issuer.to_owned());
    credential
}

fn sign(form: ProofForm, credential: &Value, key: &KeyPair, method: &str) -> Value {
    let created = Utc.with_ymd_and_hms(2026, 3, 21, 8, 30, 0).unwrap();
    let options = ProofOptions::assertion(method, created);
    let contexts = Contexts::bundled();
    match form {
        ProofForm::EddsaJcs2022 => add_proof(
            Cryptosuite::EddsaJcs2022,
            credential,
            key,
            &options,
            &contexts,
        )
        .unwrap(),
        ProofForm::EddsaRdfc2022 => add_proof(
            Cryptosuite::EddsaRdfc2022,
            credential,
            key,
            &options,
            &contexts,
        )
        .unwrap(),
        ProofForm::VcJwt => Value::String(sign_vc_jwt(credential, key, method).unwrap()),
    }
}

const FORMS: [ProofForm; 3] = [
    ProofForm::EddsaJcs2022,
    ProofForm::EddsaRdfc2022,
    ProofForm::VcJwt,
];

#[test]
fn each_form_verifies_with_did_key() {
    let key = KeyPair::generate().unwrap();
    let credential = conformity_credential(&did_key(&key.public()));
    for form in FORMS {
        let signed = sign(form, &credential, &key, &did_key_method(&key.public()));
        let verified = verify(&signed, &Resolver::new(), &Contexts::bundled())
            .unwrap_or_else(|rejection| panic!("{}: {rejection}", form.name()));
        assert_eq!(verified.form, form);
        assert_eq!(verified.issuer, did_key(&key.public()));
    }
}

/// Every string in the signed JSON (claims, contexts, proof fields) with one byte changed.
fn one_byte_changes(value: &Value) -> Vec<Value> {
    fn walk(value: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
        match value {
            Value::String(_) => out.push(path.clone()),
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    path.push(Value::from(index));
                    walk(item, path, out);
                    path.pop();
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    path.push(Value::from(key.as_str()));
                    walk(item, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut paths = Vec::new();
    walk(value, &mut Vec::new(), &mut paths);
    paths
        .into_iter()
        .map(|path| {
            let mut changed = value.clone();
            let mut target = &mut changed;
            for step in &path {
                target = match step {
                    Value::String(key) => &mut target[key.as_str()],
                    Value::Number(index) => &mut target[index.as_u64().unwrap() as usize],
                    _ => unreachable!(),
                };
            }
            let mut bytes = target.as_str().unwrap().as_bytes().to_vec();
            // The middle byte, kept ASCII-alphanumeric so the JSON stays valid and the change
            // is one byte, not an encoding error.
            let at = bytes.len() / 2;
            if bytes.is_empty() {
                bytes.push(b'x');
            } else {
                bytes[at] = if bytes[at] == b'a' { b'b' } else { b'a' };
            }
            *target = Value::String(String::from_utf8_lossy(&bytes).into_owned());
            changed
        })
        .collect()
}

#[test]
fn every_proof_form_fails_after_a_one_byte_change() {
    let key = KeyPair::generate().unwrap();
    let credential = identity_credential(&did_key(&key.public()));
    let contexts = Contexts::bundled();
    for form in [ProofForm::EddsaJcs2022, ProofForm::EddsaRdfc2022] {
        let signed = sign(form, &credential, &key, &did_key_method(&key.public()));
        let changes = one_byte_changes(&signed);
        assert!(changes.len() > 20, "{} strings", changes.len());
        for changed in changes {
            assert!(
                verify(&changed, &Resolver::new(), &contexts).is_err(),
                "{} accepted {changed}",
                form.name()
            );
        }
    }
    let Value::String(token) = sign(
        ProofForm::VcJwt,
        &credential,
        &key,
        &did_key_method(&key.public()),
    ) else {
        unreachable!()
    };
    for at in 0..token.len() {
        let mut bytes = token.clone().into_bytes();
        if bytes[at] == b'.' {
            continue;
        }
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let changed = Value::String(String::from_utf8(bytes).unwrap());
        assert!(
            verify(&changed, &Resolver::new(), &contexts).is_err(),
            "vc+jwt accepted a change at byte {at}"
        );
    }
}

#[test]
fn a_changed_claim_is_a_signature_mismatch() {
    let key = KeyPair::generate().unwrap();
    let credential = conformity_credential(&did_key(&key.public()));
    for form in [ProofForm::EddsaJcs2022, ProofForm::EddsaRdfc2022] {
        let mut signed = sign(form, &credential, &key, &did_key_method(&key.public()));
        signed["validUntil"] = Value::String("2099-12-31T00:00:00Z".into());
        assert_eq!(
            verify(&signed, &Resolver::new(), &Contexts::bundled()),
            Err(Rejection::Proof(ProofFailure::BadSignature))
        );
    }
}

#[test]
fn a_key_of_someone_else_cannot_speak_for_the_issuer() {
    let key = KeyPair::generate().unwrap();
    let credential = conformity_credential("did:web:isiri.example");
    for form in FORMS {
        let signed = sign(form, &credential, &key, &did_key_method(&key.public()));
        assert!(
            matches!(
                verify(&signed, &Resolver::new(), &Contexts::bundled()),
                Err(Rejection::IssuerMismatch { .. })
            ),
            "{}",
            form.name()
        );
    }
}

#[test]
fn a_rotated_key_still_verifies_old_credentials_through_the_did_document() {
    let did = did_web("isiri.example", &[]).unwrap();
    let credential = conformity_credential(&did);
    let (old, new) = (KeyPair::generate().unwrap(), KeyPair::generate().unwrap());
    let mut document = DidDocument::new(&did);
    let old_method = document.add_key("key-1", &old.public()).unwrap();
    let signed_before: Vec<Value> = FORMS
        .iter()
        .map(|form| sign(*form, &credential, &old, &old_method))
        .collect();

    // Rotation: the new key signs from now on; the old one stays listed for verification.
    let new_method = document.add_key("key-2", &new.public()).unwrap();
    let published = DidDocument::from_json(&document.to_json()).unwrap();
    let resolver = Resolver::new().with_document(published);
    let contexts = Contexts::bundled();
    for signed in &signed_before {
        let verified = verify(signed, &resolver, &contexts).unwrap();
        assert_eq!(verified.verification_method, old_method);
    }
    for form in FORMS {
        let signed = sign(form, &credential, &new, &new_method);
        assert_eq!(
            verify(&signed, &resolver, &contexts)
                .unwrap()
                .verification_method,
            new_method
        );
    }

    // A document that dropped the old key no longer vouches for what it signed.
    let mut without_old = DidDocument::new(&did);
    without_old.add_key("key-2", &new.public()).unwrap();
    let resolver = Resolver::new().with_document(without_old);
    let rejection = verify(&signed_before[0], &resolver, &contexts).unwrap_err();
    assert_eq!(
        rejection,
        Rejection::Proof(ProofFailure::Resolve(ResolveError::NotAnAssertionMethod(
            old_method.clone()
        )))
    );
    // And without any document, did:web is not fetched.
    let rejection = verify(&signed_before[2], &Resolver::new(), &contexts).unwrap_err();
    assert_eq!(rejection.code(), "did_unknown");
}

#[test]
fn what_is_not_a_credential_is_named() {
    let contexts = Contexts::bundled();
    let rejection = verify(&Value::from(42), &Resolver::new(), &contexts).unwrap_err();
    assert_eq!(rejection.code(), "not_a_credential");
    let key = KeyPair::generate().unwrap();
    let mut credential = conformity_credential(&did_key(&key.public()));
    credential["@context"][0] = Value::String("https://www.w3.org/2018/credentials/v1".into());
    let rejection = verify(&credential, &Resolver::new(), &contexts).unwrap_err();
    assert_eq!(rejection.code(), "not_a_credential");
    let unsigned = conformity_credential(&did_key(&key.public()));
    let rejection = verify(&unsigned, &Resolver::new(), &contexts).unwrap_err();
    assert_eq!(rejection.code(), "proof_missing");
}
