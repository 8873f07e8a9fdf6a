//! Verifying a document's proof (VC Data Integrity §4.4 "Verify Proof", vc-di-eddsa §3.2.1 and
//! §3.3.1). Checks only the proof: the issuer's binding to the key is [`crate::verify`]'s.

use super::{Cryptosuite, hash_data};
use crate::contexts::Contexts;
use crate::did::{ResolveError, ResolveKey};
use crate::rdf::JsonLdError;
use serde_json::Value;

/// Which check of the proof failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofFailure {
    #[error("no proof")]
    Missing,
    #[error("several proofs (proof sets and chains are not accepted)")]
    ProofSet,
    #[error("malformed proof: {0}")]
    Malformed(&'static str),
    #[error("unsupported proof type or cryptosuite: {0}")]
    Unsupported(String),
    #[error("proof purpose {0} is not the one expected")]
    WrongPurpose(String),
    #[error("the proof's @context is not the start of the document's")]
    ContextMismatch,
    #[error(transparent)]
    JsonLd(#[from] JsonLdError),
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    #[error("the signature does not match")]
    BadSignature,
}

impl ProofFailure {
    pub fn code(&self) -> &'static str {
        match self {
            ProofFailure::Missing => "proof_missing",
            ProofFailure::ProofSet => "proof_set_unsupported",
            ProofFailure::Malformed(_) => "proof_malformed",
            ProofFailure::Unsupported(_) => "proof_unsupported",
            ProofFailure::WrongPurpose(_) => "proof_wrong_purpose",
            ProofFailure::ContextMismatch => "proof_context_mismatch",
            ProofFailure::JsonLd(error) => error.code(),
            ProofFailure::Resolve(error) => error.code(),
            ProofFailure::BadSignature => "signature_mismatch",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedProof {
    pub cryptosuite: Cryptosuite,
    pub verification_method: String,
}

/// Verifies a credential's proof: its purpose must be `assertionMethod`.
pub fn verify_proof(
    secured: &Value,
    resolver: &impl ResolveKey,
    contexts: &Contexts,
) -> Result<VerifiedProof, ProofFailure> {
    verify_proof_for(secured, "assertionMethod", resolver, contexts)
}

/// Verifies a document's proof made for `purpose` (`authentication` for a presentation, whose
/// key is then asked of [`ResolveKey::authentication_key`]).
pub fn verify_proof_for(
    secured: &Value,
    purpose: &str,
    resolver: &impl ResolveKey,
    contexts: &Contexts,
) -> Result<VerifiedProof, ProofFailure> {
    let document = secured
        .as_object()
        .ok_or(ProofFailure::Malformed("document"))?;
    let proof = match document.get("proof") {
        None => return Err(ProofFailure::Missing),
        Some(Value::Array(_)) => return Err(ProofFailure::ProofSet),
        Some(Value::Object(proof)) => proof,
        Some(_) => return Err(ProofFailure::Malformed("proof")),
    };
    if proof.get("type").and_then(Value::as_str) != Some("DataIntegrityProof") {
        return Err(ProofFailure::Unsupported(text(proof.get("type"))));
    }
    let suite = proof
        .get("cryptosuite")
        .and_then(Value::as_str)
        .and_then(Cryptosuite::from_name)
        .ok_or_else(|| ProofFailure::Unsupported(text(proof.get("cryptosuite"))))?;
    if proof.get("proofPurpose").and_then(Value::as_str) != Some(purpose) {
        return Err(ProofFailure::WrongPurpose(text(proof.get("proofPurpose"))));
    }
    let method = proof
        .get("verificationMethod")
        .and_then(Value::as_str)
        .ok_or(ProofFailure::Malformed("verificationMethod"))?;
    if let Some(created) = proof.get("created") {
        let created = created.as_str().unwrap_or_default();
        chrono::DateTime::parse_from_rfc3339(created)
            .map_err(|_| ProofFailure::Malformed("created"))?;
    }
    let signature = proof
        .get("proofValue")
        .and_then(Value::as_str)
        .and_then(|value| value.strip_prefix('z'))
        .and_then(|value| bs58::decode(value).into_vec().ok())
        .filter(|bytes| bytes.len() == 64)
        .ok_or(ProofFailure::Malformed("proofValue"))?;

    let mut unsecured = document.clone();
    unsecured.remove("proof");
    let mut config = proof.clone();
    config.remove("proofValue");
    match suite {
        Cryptosuite::EddsaRdfc2022 => {
            let context = unsecured
                .get("@context")
                .ok_or(ProofFailure::Malformed("@context"))?;
            config.insert("@context".to_owned(), context.clone());
        }
        Cryptosuite::EddsaJcs2022 => {
            if let Some(signed_context) = config.get("@context") {
                if !starts_with(unsecured.get("@context"), signed_context) {
                    return Err(ProofFailure::ContextMismatch);
                }
                unsecured.insert("@context".to_owned(), signed_context.clone());
            }
        }
    }

    let key = if purpose == "assertionMethod" {
        resolver.assertion_key(method)?
    } else {
        resolver.authentication_key(method)?
    };
    let canonical_config = suite.canonicalize(&Value::Object(config), contexts)?;
    let canonical_document = suite.canonicalize(&Value::Object(unsecured), contexts)?;
    if !key.verify(
        &hash_data(&canonical_config, &canonical_document),
        &signature,
    ) {
        return Err(ProofFailure::BadSignature);
    }
    Ok(VerifiedProof {
        cryptosuite: suite,
        verification_method: method.to_owned(),
    })
}

/// Whether the document's `@context` begins with every entry of the proof's, in order.
fn starts_with(document: Option<&Value>, proof: &Value) -> bool {
    let as_list = |value: &Value| match value {
        Value::Array(values) => values.clone(),
        other => vec![other.clone()],
    };
    let Some(document) = document else {
        return false;
    };
    let (document, proof) = (as_list(document), as_list(proof));
    document.len() >= proof.len() && document.iter().zip(&proof).all(|(a, b)| a == b)
}

fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
        None => "none".to_owned(),
    }
}
