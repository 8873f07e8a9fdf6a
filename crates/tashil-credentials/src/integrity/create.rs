//! Adding a proof to an unsecured document (VC Data Integrity §4.2 "Add Proof").

use super::{Cryptosuite, hash_data};
use crate::contexts::Contexts;
use crate::multikey::KeyPair;
use crate::rdf::JsonLdError;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("the document must be a JSON object with an @context")]
    NotADocument,
    #[error("the document already carries a proof")]
    AlreadySigned,
    #[error(transparent)]
    JsonLd(#[from] JsonLdError),
}

impl ProofError {
    pub fn code(&self) -> &'static str {
        match self {
            ProofError::NotADocument => "proof_not_a_document",
            ProofError::AlreadySigned => "proof_already_signed",
            ProofError::JsonLd(error) => error.code(),
        }
    }
}

/// What the signer states in the proof besides the signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofOptions {
    pub verification_method: String,
    pub created: DateTime<Utc>,
    pub proof_purpose: String,
    /// A presentation's proof answers a verifier's `challenge` for its `domain` (VC Data
    /// Integrity §2.1); a credential's proof carries neither.
    pub challenge: Option<String>,
    pub domain: Option<String>,
}

impl ProofOptions {
    /// A proof for credentials (`assertionMethod`), the purpose issuers sign with.
    pub fn assertion(verification_method: impl Into<String>, created: DateTime<Utc>) -> Self {
        ProofOptions {
            verification_method: verification_method.into(),
            created,
            proof_purpose: "assertionMethod".to_owned(),
            challenge: None,
            domain: None,
        }
    }

    /// A proof for presentations (`authentication`) answering `challenge` for `domain`.
    pub fn authentication(
        verification_method: impl Into<String>,
        created: DateTime<Utc>,
        challenge: Option<String>,
        domain: Option<String>,
    ) -> Self {
        ProofOptions {
            verification_method: verification_method.into(),
            created,
            proof_purpose: "authentication".to_owned(),
            challenge,
            domain,
        }
    }
}

/// The proof configuration that is canonicalized and hashed (vc-di-eddsa §3.2.5 / §3.3.5): the
/// options and the document's `@context`, without `proofValue`.
pub fn proof_configuration(
    suite: Cryptosuite,
    options: &ProofOptions,
    document_context: &Value,
) -> Value {
    let mut config = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": suite.name(),
        // XML Schema dateTime at whole seconds, as the W3C vectors write it.
        "created": options.created.to_rfc3339_opts(SecondsFormat::Secs, true),
        "verificationMethod": options.verification_method,
        "proofPurpose": options.proof_purpose,
        "@context": document_context,
    });
    if let Some(challenge) = &options.challenge {
        config["challenge"] = Value::String(challenge.clone());
    }
    if let Some(domain) = &options.domain {
        config["domain"] = Value::String(domain.clone());
    }
    config
}

/// Signs `unsecured` and returns it with its `proof`.
pub fn add_proof(
    suite: Cryptosuite,
    unsecured: &Value,
    key: &KeyPair,
    options: &ProofOptions,
    contexts: &Contexts,
) -> Result<Value, ProofError> {
    let document = unsecured.as_object().ok_or(ProofError::NotADocument)?;
    let context = document.get("@context").ok_or(ProofError::NotADocument)?;
    if document.contains_key("proof") {
        return Err(ProofError::AlreadySigned);
    }
    let config = proof_configuration(suite, options, context);
    let canonical_config = suite.canonicalize(&config, contexts)?;
    let canonical_document = suite.canonicalize(unsecured, contexts)?;
    let signature = key.sign(&hash_data(&canonical_config, &canonical_document));

    let mut proof: Map<String, Value> = match config {
        Value::Object(map) => map,
        _ => unreachable!("proof_configuration builds an object"),
    };
    // The RDFC proof leaves its @context to the document (vc-di-eddsa §3.2.1); the JCS proof
    // keeps it, so a verifier can check which contexts were signed (§3.3.1).
    if suite == Cryptosuite::EddsaRdfc2022 {
        proof.remove("@context");
    }
    proof.insert(
        "proofValue".to_owned(),
        Value::String(format!("z{}", bs58::encode(signature).into_string())),
    );
    let mut secured = document.clone();
    secured.insert("proof".to_owned(), Value::Object(proof));
    Ok(Value::Object(secured))
}
