//! `vc+jwt`: RFC 8037's EdDSA example reproduced through the same jsonwebtoken backend, and the
//! header rules of VC-JOSE-COSE that jsonwebtoken leaves to us.

mod common;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::json;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use tashil_credentials::did::{did_key, did_key_method};
use tashil_credentials::jwt::{JwtFailure, encoding_key, sign_vc_jwt, verify_vc_jwt};
use tashil_credentials::{KeyPair, Resolver};

fn rfc8037_key() -> KeyPair {
    let vector = json("rfc8037-a4.json");
    let d = URL_SAFE_NO_PAD
        .decode(vector["d"].as_str().unwrap())
        .unwrap();
    let key = KeyPair::from_secret_bytes(&d.try_into().unwrap());
    let x = URL_SAFE_NO_PAD
        .decode(vector["x"].as_str().unwrap())
        .unwrap();
    assert_eq!(key.public().to_bytes().as_slice(), x);
    key
}

#[test]
fn rfc8037_a4_ed25519_signature_is_reproduced() {
    let vector = json("rfc8037-a4.json");
    let key = rfc8037_key();
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(vector["protected"].as_str().unwrap()),
        URL_SAFE_NO_PAD.encode(vector["payload"].as_str().unwrap()),
    );
    let expected = vector["jws"].as_str().unwrap();
    let signature = jsonwebtoken::crypto::sign(
        signing_input.as_bytes(),
        &encoding_key(&key),
        Algorithm::EdDSA,
    )
    .unwrap();
    assert_eq!(format!("{signing_input}.{signature}"), expected);
    // The Data Integrity signer gives the same bytes.
    assert_eq!(
        URL_SAFE_NO_PAD.encode(key.sign(signing_input.as_bytes())),
        signature
    );
    let public = jsonwebtoken::DecodingKey::from_ed_der(&key.public().to_bytes());
    assert!(
        jsonwebtoken::crypto::verify(
            &signature,
            signing_input.as_bytes(),
            &public,
            Algorithm::EdDSA
        )
        .unwrap()
    );
}

fn credential(issuer: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "validFrom": "2026-03-21T00:00:00Z",
        "credentialSubject": {"id": "did:example:unit", "name": "Qazvin Cement"},
    })
}

#[test]
fn a_vc_jwt_carries_its_media_type_and_key_and_verifies_without_exp() {
    let key = KeyPair::generate().unwrap();
    let kid = did_key_method(&key.public());
    let token = sign_vc_jwt(&credential(&did_key(&key.public())), &key, &kid).unwrap();
    let header = jsonwebtoken::decode_header(&token).unwrap();
    assert_eq!(header.typ.as_deref(), Some("vc+jwt"));
    assert_eq!(header.cty.as_deref(), Some("vc"));
    assert_eq!(header.kid.as_deref(), Some(kid.as_str()));
    let verified = verify_vc_jwt(&token, &Resolver::new()).unwrap();
    assert_eq!(verified.credential, credential(&did_key(&key.public())));
    assert_eq!(verified.verification_method, kid);
}

#[test]
fn a_plain_jwt_signed_by_the_same_key_is_not_a_credential() {
    let key = KeyPair::generate().unwrap();
    let mut header = Header::new(Algorithm::EdDSA);
    header.kid = Some(did_key_method(&key.public()));
    let token = jsonwebtoken::encode(
        &header,
        &credential(&did_key(&key.public())),
        &encoding_key(&key),
    )
    .unwrap();
    assert_eq!(
        verify_vc_jwt(&token, &Resolver::new()),
        Err(JwtFailure::WrongType(Some("JWT".into())))
    );
}

#[test]
fn an_expired_exp_is_still_refused() {
    let key = KeyPair::generate().unwrap();
    let mut claims = credential(&did_key(&key.public()));
    claims["exp"] = json!(1_000_000_000);
    let token = sign_vc_jwt(&claims, &key, &did_key_method(&key.public())).unwrap();
    assert!(matches!(
        verify_vc_jwt(&token, &Resolver::new()),
        Err(JwtFailure::Claims(_))
    ));
}

#[test]
fn a_token_signed_by_another_key_than_its_kid_fails() {
    let key = KeyPair::generate().unwrap();
    let other = KeyPair::generate().unwrap();
    let token = sign_vc_jwt(
        &credential(&did_key(&key.public())),
        &other,
        &did_key_method(&key.public()),
    )
    .unwrap();
    assert_eq!(
        verify_vc_jwt(&token, &Resolver::new()),
        Err(JwtFailure::BadSignature)
    );
    // And an HMAC "key" made of the public key gets nowhere: only EdDSA is accepted.
    let mut header = Header::new(Algorithm::HS256);
    header.typ = Some("vc+jwt".into());
    header.kid = Some(did_key_method(&key.public()));
    let forged = jsonwebtoken::encode(
        &header,
        &credential(&did_key(&key.public())),
        &EncodingKey::from_secret(&key.public().to_bytes()),
    )
    .unwrap();
    assert!(verify_vc_jwt(&forged, &Resolver::new()).is_err());
}
