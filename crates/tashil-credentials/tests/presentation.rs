//! A presentation: its holder's proof (purpose `authentication`, answering the challenge and
//! domain asked, by the holder's own key), and the credentials it carries handed back for
//! `verify`, an enveloped `vc+jwt` among them.

mod common;

use chrono::Utc;
use common::json;
use serde_json::{Value, json};
use tashil_credentials::did::{did_key, did_key_method};
use tashil_credentials::integrity::add_proof;
use tashil_credentials::jwt::sign_vc_jwt;
use tashil_credentials::{
    Contexts, Cryptosuite, KeyPair, PresentationChallenge, ProofOptions, Resolver, verify,
    verify_presentation,
};

const V2: &str = "https://www.w3.org/ns/credentials/v2";

/// An identity anchor issued by a did:key, as a `vc+jwt`.
fn jwt_credential(issuer: &KeyPair) -> String {
    let mut credential = json("untp/untp-dia-instance.json");
    credential["issuer"]["id"] = Value::String(did_key(&issuer.public()));
    sign_vc_jwt(&credential, issuer, &did_key_method(&issuer.public())).unwrap()
}

fn presented(holder: &KeyPair, jwt: &str, purpose_authentication: bool) -> Value {
    let vp = json!({
        "@context": [V2],
        "type": ["VerifiablePresentation"],
        "holder": did_key(&holder.public()),
        "verifiableCredential": [{
            "@context": [V2],
            "type": "EnvelopedVerifiableCredential",
            "id": format!("data:application/vc+jwt,{jwt}"),
        }],
    });
    let method = did_key_method(&holder.public());
    let options = if purpose_authentication {
        ProofOptions::authentication(
            method,
            Utc::now(),
            Some("n-0b3f".into()),
            Some("verifier.example".into()),
        )
    } else {
        ProofOptions::assertion(method, Utc::now())
    };
    add_proof(
        Cryptosuite::EddsaRdfc2022,
        &vp,
        holder,
        &options,
        &Contexts::bundled(),
    )
    .unwrap()
}

#[test]
fn a_holders_presentation_answers_the_challenge_and_carries_an_enveloped_jwt() {
    let (issuer, holder) = (KeyPair::generate().unwrap(), KeyPair::generate().unwrap());
    let jwt = jwt_credential(&issuer);
    let vp = presented(&holder, &jwt, true);
    let contexts = Contexts::bundled();
    let asked = PresentationChallenge {
        challenge: Some("n-0b3f"),
        domain: Some("verifier.example"),
    };
    let verified = verify_presentation(&vp, &asked, &Resolver::new(), &contexts).unwrap();
    assert_eq!(
        verified.verification_method.as_deref(),
        Some(did_key_method(&holder.public()).as_str())
    );
    assert_eq!(verified.credentials, vec![Value::String(jwt.clone())]);
    verify(&verified.credentials[0], &Resolver::new(), &contexts).unwrap();

    let code = |asked: &PresentationChallenge, vp: &Value| {
        verify_presentation(vp, asked, &Resolver::new(), &contexts)
            .unwrap_err()
            .code()
    };
    let other = PresentationChallenge {
        challenge: Some("n-other"),
        domain: None,
    };
    assert_eq!(code(&other, &vp), "challenge_mismatch");
    let elsewhere = PresentationChallenge {
        challenge: None,
        domain: Some("elsewhere.example"),
    };
    assert_eq!(code(&elsewhere, &vp), "domain_mismatch");
    // The challenge is signed: changing it in the proof breaks the signature.
    let mut moved = vp.clone();
    moved["proof"]["challenge"] = json!("n-other");
    assert_eq!(code(&other, &moved), "signature_mismatch");
    // A presentation signed as a credential is not a holder's proof.
    let asserted = presented(&holder, &jwt, false);
    assert_eq!(
        code(&PresentationChallenge::default(), &asserted),
        "proof_wrong_purpose"
    );
    // Someone else's key cannot speak for the holder.
    let mut claimed = presented(&KeyPair::generate().unwrap(), &jwt, true);
    claimed["holder"] = json!(did_key(&holder.public()));
    let resigned = {
        claimed.as_object_mut().unwrap().remove("proof");
        let stranger = KeyPair::generate().unwrap();
        add_proof(
            Cryptosuite::EddsaRdfc2022,
            &claimed,
            &stranger,
            &ProofOptions::authentication(
                did_key_method(&stranger.public()),
                Utc::now(),
                None,
                None,
            ),
            &contexts,
        )
        .unwrap()
    };
    assert_eq!(
        code(&PresentationChallenge::default(), &resigned),
        "holder_mismatch"
    );
    assert_eq!(
        code(
            &PresentationChallenge::default(),
            &json!({"@context": [V2], "type": "VerifiableCredential"})
        ),
        "not_a_presentation"
    );
}
