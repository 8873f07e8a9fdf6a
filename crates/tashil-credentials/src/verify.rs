//! One entry point for a credential in any form Tashil issues: a JSON object secured with a
//! Data Integrity proof, or a `vc+jwt` compact string. It checks the credential's shape, the
//! proof, and that the key which signed belongs to the credential's issuer.
//!
//! Validity dates and status-list bits are the caller's next checks: they need the time and the
//! issuer's published list, which this pure library is not given.

use crate::contexts::{CREDENTIALS_V2, Contexts};
use crate::did::{ResolveKey, did_of};
use crate::integrity::{Cryptosuite, ProofFailure, verify_proof};
use crate::jwt::{JwtFailure, verify_vc_jwt};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProofForm {
    EddsaJcs2022,
    EddsaRdfc2022,
    VcJwt,
}

impl ProofForm {
    pub fn name(self) -> &'static str {
        match self {
            ProofForm::EddsaJcs2022 => "eddsa-jcs-2022",
            ProofForm::EddsaRdfc2022 => "eddsa-rdfc-2022",
            ProofForm::VcJwt => "vc+jwt",
        }
    }
}

/// A credential whose proof held and whose signing key is its issuer's.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    pub form: ProofForm,
    pub issuer: String,
    pub verification_method: String,
    /// The credential as signed (for Data Integrity, still carrying its proof).
    pub credential: Value,
}

/// Which check failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("not a verifiable credential: {0}")]
    NotACredential(&'static str),
    #[error(transparent)]
    Proof(#[from] ProofFailure),
    #[error(transparent)]
    Jwt(#[from] JwtFailure),
    #[error("signed by {verification_method}, which is not a key of the issuer {issuer}")]
    IssuerMismatch {
        issuer: String,
        verification_method: String,
    },
}

impl Rejection {
    /// Stable code, for the API and for messages in the reader's language.
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::NotACredential(_) => "not_a_credential",
            Rejection::Proof(failure) => failure.code(),
            Rejection::Jwt(failure) => failure.code(),
            Rejection::IssuerMismatch { .. } => "issuer_mismatch",
        }
    }
}

/// Verifies `presented`: a JSON object with a `proof`, or a JSON string holding a `vc+jwt`.
pub fn verify(
    presented: &Value,
    resolver: &impl ResolveKey,
    contexts: &Contexts,
) -> Result<Verified, Rejection> {
    let (form, verification_method, credential) = match presented {
        Value::String(token) => {
            let verified = verify_vc_jwt(token.trim(), resolver)?;
            (
                ProofForm::VcJwt,
                verified.verification_method,
                verified.credential,
            )
        }
        Value::Object(_) => {
            shape(presented)?;
            let verified = verify_proof(presented, resolver, contexts)?;
            let form = match verified.cryptosuite {
                Cryptosuite::EddsaJcs2022 => ProofForm::EddsaJcs2022,
                Cryptosuite::EddsaRdfc2022 => ProofForm::EddsaRdfc2022,
            };
            (form, verified.verification_method, presented.clone())
        }
        _ => return Err(Rejection::NotACredential("neither a JSON object nor a JWT")),
    };
    let issuer = shape(&credential)?;
    // Anyone can sign with a did:key of their own; the signature counts only if its key
    // belongs to the DID the credential names as issuer.
    if did_of(&verification_method) != issuer {
        return Err(Rejection::IssuerMismatch {
            issuer,
            verification_method,
        });
    }
    Ok(Verified {
        form,
        issuer,
        verification_method,
        credential,
    })
}

/// VC Data Model 2.0 §4: the base context first, the VerifiableCredential type, an issuer and a
/// subject. Returns the issuer's id.
fn shape(credential: &Value) -> Result<String, Rejection> {
    let first_context = match &credential["@context"] {
        Value::Array(contexts) => contexts.first(),
        _ => None,
    };
    if first_context.and_then(Value::as_str) != Some(CREDENTIALS_V2) {
        return Err(Rejection::NotACredential(
            "@context must start with the VC 2.0 context",
        ));
    }
    let typed = match &credential["type"] {
        Value::String(single) => single == "VerifiableCredential",
        Value::Array(types) => types.iter().any(|t| t == "VerifiableCredential"),
        _ => false,
    };
    if !typed {
        return Err(Rejection::NotACredential("type lacks VerifiableCredential"));
    }
    if credential["credentialSubject"].is_null() {
        return Err(Rejection::NotACredential("no credentialSubject"));
    }
    match &credential["issuer"] {
        Value::String(id) => Ok(id.clone()),
        Value::Object(issuer) => issuer
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or(Rejection::NotACredential("issuer has no id")),
        _ => Err(Rejection::NotACredential("no issuer")),
    }
}
