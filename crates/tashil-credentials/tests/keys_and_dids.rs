//! Multikey encodings, did:key, did:web identifiers and their DID documents.

mod common;

use common::{json, vector_key};
use tashil_credentials::did::{
    DidError, did_key, did_key_method, did_web, did_web_document_url, parse_did_key,
};
use tashil_credentials::{DidDocument, KeyError, KeyPair, PublicKey};

#[test]
fn multikey_round_trips_the_w3c_key_pair() {
    let pair = json("vc-di-eddsa/keyPair.json");
    let key = vector_key();
    assert_eq!(key.secret_multibase(), pair["privateKeyMultibase"]);
    let public = PublicKey::from_multibase(pair["publicKeyMultibase"].as_str().unwrap()).unwrap();
    assert_eq!(public, key.public());
    assert!(public.to_multibase().starts_with("z6Mk"));
}

#[test]
fn multikey_refuses_other_encodings_and_codecs() {
    let key = vector_key();
    let public = key.public().to_multibase();
    assert_eq!(
        PublicKey::from_multibase(&public[1..]),
        Err(KeyError::NotBase58btc)
    );
    // A secret key is not a public key, and the other way round.
    assert_eq!(
        PublicKey::from_multibase(&key.secret_multibase()),
        Err(KeyError::NotEd25519)
    );
    assert!(KeyPair::from_secret_multibase(&public).is_err());
}

#[test]
fn did_key_is_the_multikey_and_its_method_repeats_it() {
    let public = vector_key().public();
    let did = did_key(&public);
    assert_eq!(
        did,
        "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    );
    let method = did_key_method(&public);
    assert_eq!(method, format!("{did}#{}", public.to_multibase()));
    assert_eq!(parse_did_key(&did), Ok(public));
    assert_eq!(parse_did_key(&method), Ok(public));
    assert_eq!(
        parse_did_key(&format!("{did}#key-1")),
        Err(KeyError::NotDidKey)
    );
    assert_eq!(
        parse_did_key("did:web:example.org"),
        Err(KeyError::NotDidKey)
    );
}

#[test]
fn did_web_names_and_document_urls() {
    assert_eq!(
        did_web("isiri.example", &[]).unwrap(),
        "did:web:isiri.example"
    );
    assert_eq!(
        did_web("isiri.example:8443", &["issuers", "qazvin"]).unwrap(),
        "did:web:isiri.example%3A8443:issuers:qazvin"
    );
    assert!(matches!(
        did_web("isiri.example/x", &[]),
        Err(DidError::InvalidDidWeb(_))
    ));
    assert_eq!(
        did_web_document_url("did:web:isiri.example").unwrap(),
        "https://isiri.example/.well-known/did.json"
    );
    assert_eq!(
        did_web_document_url("did:web:isiri.example%3A8443:issuers:qazvin").unwrap(),
        "https://isiri.example:8443/issuers/qazvin/did.json"
    );
}

#[test]
fn a_did_document_lists_every_key_for_assertion_and_reads_back() {
    let did = did_web("isiri.example", &[]).unwrap();
    let (first, second) = (KeyPair::generate().unwrap(), KeyPair::generate().unwrap());
    let mut document = DidDocument::new(&did);
    let first_id = document.add_key("key-1", &first.public()).unwrap();
    let second_id = document.add_key("key-2", &second.public()).unwrap();
    assert_eq!(
        document.add_key("key-1", &second.public()),
        Err(DidError::DuplicateMethod(first_id.clone()))
    );

    let published = document.to_json();
    assert_eq!(published["assertionMethod"][0], first_id);
    assert_eq!(published["verificationMethod"][1]["type"], "Multikey");
    assert_eq!(
        published["verificationMethod"][1]["publicKeyMultibase"],
        second.public().to_multibase()
    );
    let read = DidDocument::from_json(&published).unwrap();
    assert_eq!(read, document);
    assert_eq!(read.assertion_key(&second_id), Some(&second.public()));
}

#[test]
fn a_key_outside_assertion_method_cannot_sign_credentials() {
    let key = KeyPair::generate().unwrap();
    let published = serde_json::json!({
        "id": "did:web:isiri.example",
        "verificationMethod": [{
            "id": "#auth",
            "type": "Multikey",
            "controller": "did:web:isiri.example",
            "publicKeyMultibase": key.public().to_multibase(),
        }],
        "authentication": ["#auth"],
    });
    let document = DidDocument::from_json(&published).unwrap();
    assert_eq!(document.methods()[0].id, "did:web:isiri.example#auth");
    assert_eq!(document.assertion_key("did:web:isiri.example#auth"), None);
}
