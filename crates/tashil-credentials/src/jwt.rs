//! Credentials secured as JWS compact serialization with media type `vc+jwt` (W3C VC-JOSE-COSE
//! 1.0 §3.1.1): the header names the type and the signing key, the payload is the credential
//! itself, the signature is EdDSA over Ed25519 (RFC 8037).

use crate::did::{ResolveError, ResolveKey};
use crate::multikey::KeyPair;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde_json::Value;

pub const VC_JWT: &str = "vc+jwt";

/// RFC 8410 §7: the PKCS #8 (version 1) wrapping of an Ed25519 seed is this fixed DER prefix
/// then the 32 bytes. jsonwebtoken's EdDSA signer takes keys only in that form.
const PKCS8_ED25519_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwtFailure {
    #[error("not a compact JWS: {0}")]
    Malformed(String),
    #[error("JWS type is {0:?}, not vc+jwt")]
    WrongType(Option<String>),
    #[error("JWS content type {0} is not vc")]
    WrongContentType(String),
    #[error("JWS names critical extensions this verifier does not know")]
    CriticalExtension,
    #[error("JWS header names no key (kid)")]
    NoKeyId,
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    #[error("the signature does not match")]
    BadSignature,
    #[error("JWT claims refused: {0}")]
    Claims(String),
}

impl JwtFailure {
    pub fn code(&self) -> &'static str {
        match self {
            JwtFailure::Malformed(_) => "jwt_malformed",
            JwtFailure::WrongType(_) => "jwt_wrong_type",
            JwtFailure::WrongContentType(_) => "jwt_wrong_content_type",
            JwtFailure::CriticalExtension => "jwt_critical_extension",
            JwtFailure::NoKeyId => "jwt_no_kid",
            JwtFailure::Resolve(error) => error.code(),
            JwtFailure::BadSignature => "signature_mismatch",
            JwtFailure::Claims(_) => "jwt_claims_refused",
        }
    }
}

/// The key as jsonwebtoken's EdDSA signer wants it.
pub fn encoding_key(key: &KeyPair) -> EncodingKey {
    let mut der = Vec::with_capacity(48);
    der.extend_from_slice(&PKCS8_ED25519_PREFIX);
    der.extend_from_slice(&key.secret_bytes());
    EncodingKey::from_ed_der(&der)
}

/// Signs `credential` as a `vc+jwt`; `kid` is the verification method (a DID URL) a verifier
/// resolves to find the key.
pub fn sign_vc_jwt(
    credential: &Value,
    key: &KeyPair,
    kid: &str,
) -> Result<String, jsonwebtoken::errors::Error> {
    let mut header = Header::new(Algorithm::EdDSA);
    // Header::new writes `typ: JWT`; VC-JOSE-COSE §3.1.1 asks for the credential's media type.
    header.typ = Some(VC_JWT.to_owned());
    header.cty = Some("vc".to_owned());
    header.kid = Some(kid.to_owned());
    jsonwebtoken::encode(&header, credential, &encoding_key(key))
}

/// A verified `vc+jwt`: the credential and the method that signed it.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedJwt {
    pub credential: Value,
    pub verification_method: String,
}

pub fn verify_vc_jwt(token: &str, resolver: &impl ResolveKey) -> Result<VerifiedJwt, JwtFailure> {
    let header = jsonwebtoken::decode_header(token)
        .map_err(|error| JwtFailure::Malformed(error.to_string()))?;
    // jsonwebtoken does not look at `typ`; a JWT of another kind signed by the same key must
    // not pass as a credential.
    if header.typ.as_deref() != Some(VC_JWT) {
        return Err(JwtFailure::WrongType(header.typ));
    }
    if let Some(cty) = header.cty.filter(|cty| cty != "vc") {
        return Err(JwtFailure::WrongContentType(cty));
    }
    // RFC 7515 §4.1.11: an extension marked critical that we do not implement means refusal.
    if header.crit.is_some() {
        return Err(JwtFailure::CriticalExtension);
    }
    let kid = header.kid.ok_or(JwtFailure::NoKeyId)?;
    let key = resolver.assertion_key(&kid)?;

    let mut validation = Validation::new(Algorithm::EdDSA);
    // A credential states its validity in validFrom/validUntil, not `exp`, so no claim is
    // required; an `exp` or `nbf` that is present is still checked.
    validation.required_spec_claims.clear();
    validation.validate_nbf = true;
    validation.validate_aud = false;
    let data = jsonwebtoken::decode::<Value>(
        token,
        &DecodingKey::from_ed_der(&key.to_bytes()),
        &validation,
    )
    .map_err(|error| match error.kind() {
        jsonwebtoken::errors::ErrorKind::InvalidSignature => JwtFailure::BadSignature,
        jsonwebtoken::errors::ErrorKind::ExpiredSignature
        | jsonwebtoken::errors::ErrorKind::ImmatureSignature => {
            JwtFailure::Claims(error.to_string())
        }
        _ => JwtFailure::Malformed(error.to_string()),
    })?;
    if !data.claims.is_object() {
        return Err(JwtFailure::Claims(
            "the payload is not a JSON object".into(),
        ));
    }
    Ok(VerifiedJwt {
        credential: data.claims,
        verification_method: kid,
    })
}
