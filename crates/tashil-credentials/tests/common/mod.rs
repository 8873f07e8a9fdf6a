//! Reading the copied test data (testdata/README.md says where each file comes from).

#![allow(dead_code)]

use serde_json::Value;
use tashil_credentials::{Contexts, KeyPair};

pub fn text(path: &str) -> String {
    let full = format!("{}/testdata/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

pub fn json(path: &str) -> Value {
    serde_json::from_str(&text(path)).unwrap()
}

/// The bundled contexts plus the W3C examples context the vectors use.
pub fn vector_contexts() -> Contexts {
    Contexts::bundled().with_w3c_examples()
}

/// The key pair of vc-di-eddsa's TestVectors/keyPair.json.
pub fn vector_key() -> KeyPair {
    let pair = json("vc-di-eddsa/keyPair.json");
    let key =
        KeyPair::from_secret_multibase(pair["privateKeyMultibase"].as_str().unwrap()).unwrap();
    assert_eq!(key.public().to_multibase(), pair["publicKeyMultibase"]);
    key
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
