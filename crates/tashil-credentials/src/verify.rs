//! One entry point for a credential in any form Tashil issues: a JSON object secured with a
//! Data Integrity proof, or a `vc+jwt` compact string. It checks the credential's shape, the
//! proof, and that the key which signed belongs to the credential's issuer.
//!
//! Validity dates and status-list bits are the caller's next checks: they need the time and the
//! issuer's published list, which this pure library is not given.

use crate::contexts::Contexts;
use crate::did::{ResolveKey, did_of};
use crate::integrity::{Cryptosuite, ProofFailure, verify_proof, verify_proof_for};
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
    #[error("not a verifiable presentation: {0}")]
    NotAPresentation(&'static str),
    #[error("the presentation's proof does not answer the challenge asked")]
    ChallengeMismatch,
    #[error("the presentation's proof is not for the domain asked")]
    DomainMismatch,
    #[error("signed by {verification_method}, which is not a key of the holder {holder}")]
    HolderMismatch {
        holder: String,
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
            Rejection::NotAPresentation(_) => "not_a_presentation",
            Rejection::ChallengeMismatch => "challenge_mismatch",
            Rejection::DomainMismatch => "domain_mismatch",
            Rejection::HolderMismatch { .. } => "holder_mismatch",
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

/// VC Data Model 2.0 §4 ([`crate::shape::credential`]). Returns the issuer's id.
fn shape(credential: &Value) -> Result<String, Rejection> {
    crate::shape::credential(credential).map_err(|e| Rejection::NotACredential(e.message))
}

/// What a verifier asks a presentation's proof to answer (VC Data Integrity §2.1.1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PresentationChallenge<'a> {
    pub challenge: Option<&'a str>,
    pub domain: Option<&'a str>,
}

/// A presentation whose shape holds and whose own proof, if any, held.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedPresentation {
    /// The method of the presentation's proof; `None` for a presentation without one.
    pub verification_method: Option<String>,
    /// The credentials it carries, each still to be verified ([`verify`]): objects, and the
    /// `vc+jwt` strings of enveloped ones.
    pub credentials: Vec<Value>,
}

/// Checks a presentation's shape and its own proof (purpose `authentication`, the challenge and
/// domain asked, the holder's key); the credentials inside are returned for [`verify`]. A
/// challenge or domain asked of a presentation without a proof is refused.
pub fn verify_presentation(
    presentation: &Value,
    asked: &PresentationChallenge<'_>,
    resolver: &impl ResolveKey,
    contexts: &Contexts,
) -> Result<VerifiedPresentation, Rejection> {
    let credentials = crate::shape::presentation(presentation)
        .map_err(|e| Rejection::NotAPresentation(e.message))?
        .into_iter()
        .map(|c| match crate::shape::enveloped_jwt(&c) {
            Some(jwt) => Value::String(jwt),
            None => c,
        })
        .collect();
    let proof = &presentation["proof"];
    if proof.is_null() {
        if asked.challenge.is_some() || asked.domain.is_some() {
            return Err(Rejection::Proof(ProofFailure::Missing));
        }
        return Ok(VerifiedPresentation {
            verification_method: None,
            credentials,
        });
    }
    let verified = verify_proof_for(presentation, "authentication", resolver, contexts)?;
    if let Some(challenge) = asked.challenge
        && proof["challenge"].as_str() != Some(challenge)
    {
        return Err(Rejection::ChallengeMismatch);
    }
    if let Some(domain) = asked.domain {
        let named = match &proof["domain"] {
            Value::String(d) => d == domain,
            Value::Array(ds) => ds.iter().any(|d| d == domain),
            _ => false,
        };
        if !named {
            return Err(Rejection::DomainMismatch);
        }
    }
    if let Some(holder) = crate::shape::holder(presentation)
        && did_of(&verified.verification_method) != holder
    {
        return Err(Rejection::HolderMismatch {
            holder: holder.to_owned(),
            verification_method: verified.verification_method,
        });
    }
    Ok(VerifiedPresentation {
        verification_method: Some(verified.verification_method),
        credentials,
    })
}
