//! The test vectors of W3C "Data Integrity EdDSA Cryptosuites v1.0", reproduced byte for byte
//! at every stage: canonical document, canonical proof configuration, both hashes, hashData,
//! signature and proofValue; then the signed vectors verify.

mod common;

use chrono::{DateTime, Utc};
use common::{hex, json, text, vector_contexts, vector_key};
use sha2::{Digest, Sha256};
use tashil_credentials::integrity::{add_proof, hash_data, verify_proof};
use tashil_credentials::{Cryptosuite, ProofOptions, Resolver};

struct Files {
    folder: &'static str,
    suffix: &'static str,
}

const JCS: Files = Files {
    folder: "eddsa-jcs-2022",
    suffix: "JCS",
};
const RDFC: Files = Files {
    folder: "eddsa-rdfc-2022",
    suffix: "DataInt",
};

impl Files {
    fn text(&self, stage: &str) -> String {
        text(&format!(
            "vc-di-eddsa/{}/{stage}{}.txt",
            self.folder, self.suffix
        ))
    }
    fn json(&self, stage: &str) -> serde_json::Value {
        json(&format!(
            "vc-di-eddsa/{}/{stage}{}.json",
            self.folder, self.suffix
        ))
    }
}

fn every_stage_matches(suite: Cryptosuite, files: &Files) {
    let contexts = vector_contexts();
    let unsigned = json("vc-di-eddsa/unsigned.json");
    let config = files.json("proofConfig");

    let canonical_document = suite.canonicalize(&unsigned, &contexts).unwrap();
    assert_eq!(canonical_document, files.text("canonDoc"));
    assert_eq!(
        hex(&Sha256::digest(&canonical_document)),
        files.text("docHash")
    );

    let canonical_config = suite.canonicalize(&config, &contexts).unwrap();
    assert_eq!(canonical_config, files.text("proofCanon"));
    assert_eq!(
        hex(&Sha256::digest(&canonical_config)),
        files.text("proofHash")
    );

    let data = hash_data(&canonical_config, &canonical_document);
    assert_eq!(hex(&data), files.text("combinedHash"));

    let key = vector_key();
    let signature = key.sign(&data);
    assert_eq!(hex(&signature), files.text("sigHex"));
    assert_eq!(
        format!("z{}", bs58::encode(signature).into_string()),
        files.text("sigBTC58")
    );

    let created: DateTime<Utc> = config["created"].as_str().unwrap().parse().unwrap();
    let options = ProofOptions::assertion(config["verificationMethod"].as_str().unwrap(), created);
    let signed = add_proof(suite, &unsigned, &key, &options, &contexts).unwrap();
    assert_eq!(signed, files.json("signed"));
}

#[test]
fn eddsa_jcs_2022_reproduces_every_stage_of_the_w3c_vector() {
    every_stage_matches(Cryptosuite::EddsaJcs2022, &JCS);
}

#[test]
fn eddsa_rdfc_2022_reproduces_every_stage_of_the_w3c_vector() {
    every_stage_matches(Cryptosuite::EddsaRdfc2022, &RDFC);
}

#[test]
fn the_signed_w3c_vectors_verify() {
    let contexts = vector_contexts();
    for (suite, files) in [
        (Cryptosuite::EddsaJcs2022, &JCS),
        (Cryptosuite::EddsaRdfc2022, &RDFC),
    ] {
        let verified = verify_proof(&files.json("signed"), &Resolver::new(), &contexts).unwrap();
        assert_eq!(verified.cryptosuite, suite);
    }
}
