//! The key proof of OpenID for Verifiable Credential Issuance 1.0 (Appendix F.1): a JWT of
//! type `openid4vci-proof+jwt` a wallet signs with the key a credential is to be bound to,
//! naming it by `kid` (a did:key) or by `jwk` (an Ed25519 OKP key), over the issuer (`aud`),
//! a time (`iat`) and the nonce the issuer gave (`nonce`). Pure: whether the nonce is one the
//! issuer gave and has not taken back is the caller's to say.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Value, json};

use crate::did::{did_key, parse_did_key};
use crate::multikey::PublicKey;

pub const PROOF_TYPE: &str = "openid4vci-proof+jwt";

/// How far a proof's `iat` may stray from the issuer's clock, in seconds.
pub const IAT_LEEWAY: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofFailure {
    #[error("not a compact JWS: {0}")]
    Malformed(String),
    #[error("the proof's typ is not openid4vci-proof+jwt")]
    WrongType,
    #[error("the proof is not signed with EdDSA")]
    WrongAlgorithm,
    #[error("the proof names its key by neither kid (a did:key) nor jwk (Ed25519), or by both")]
    NoKey,
    #[error("the proof's key is not usable: {0}")]
    BadKey(String),
    #[error("the signature does not match")]
    BadSignature,
    #[error("the proof is not for this issuer")]
    WrongAudience,
    #[error("the proof's iat is missing or too far from now")]
    BadTime,
    #[error("the proof carries no nonce")]
    NoNonce,
}

/// A key proof whose signature, audience and time hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProof {
    /// The holder as a DID: the did:key named, or `did:jwk:` of the JWK given.
    pub holder: String,
    /// The nonce the proof answers (still to be checked by the caller).
    pub nonce: String,
}

fn okp_key(jwk: &Value) -> Result<PublicKey, ProofFailure> {
    if jwk["kty"] != "OKP" || jwk["crv"] != "Ed25519" {
        return Err(ProofFailure::BadKey(
            "the jwk is not an Ed25519 OKP key".into(),
        ));
    }
    if jwk.get("d").is_some() {
        return Err(ProofFailure::BadKey("the jwk carries a private key".into()));
    }
    let x = jwk["x"].as_str().unwrap_or_default();
    let bytes = URL_SAFE_NO_PAD
        .decode(x)
        .map_err(|e| ProofFailure::BadKey(e.to_string()))?;
    let bytes: [u8; 32] = bytes
        .try_into()
        .map_err(|_| ProofFailure::BadKey("x is not 32 bytes".into()))?;
    PublicKey::from_bytes(&bytes).map_err(|e| ProofFailure::BadKey(e.to_string()))
}

fn part(token: &str, n: usize) -> Result<Value, ProofFailure> {
    let text = token
        .split('.')
        .nth(n)
        .ok_or_else(|| ProofFailure::Malformed("fewer than three parts".into()))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|e| ProofFailure::Malformed(e.to_string()))?;
    serde_json::from_slice(&bytes).map_err(|e| ProofFailure::Malformed(e.to_string()))
}

/// Checks `token` as a key proof for credential issuer `issuer` at unix time `now`.
pub fn verify_key_proof(token: &str, issuer: &str, now: i64) -> Result<KeyProof, ProofFailure> {
    let header = part(token, 0)?;
    if header["typ"] != PROOF_TYPE {
        return Err(ProofFailure::WrongType);
    }
    if header["alg"] != "EdDSA" {
        return Err(ProofFailure::WrongAlgorithm);
    }
    let (key, holder) = match (header.get("kid"), header.get("jwk"), header.get("x5c")) {
        (Some(Value::String(kid)), None, None) => {
            let key = parse_did_key(kid).map_err(|e| ProofFailure::BadKey(e.to_string()))?;
            (key, did_key(&key))
        }
        (None, Some(jwk @ Value::Object(_)), None) => {
            let key = okp_key(jwk)?;
            // did:jwk of the public members alone, in the order RFC 7638 sorts them.
            let public = json!({"crv": "Ed25519", "kty": "OKP", "x": jwk["x"]});
            let did = format!("did:jwk:{}", URL_SAFE_NO_PAD.encode(public.to_string()));
            (key, did)
        }
        _ => return Err(ProofFailure::NoKey),
    };
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    validation.validate_aud = false;
    let data = jsonwebtoken::decode::<Value>(
        token,
        &DecodingKey::from_ed_der(&key.to_bytes()),
        &validation,
    )
    .map_err(|e| match e.kind() {
        jsonwebtoken::errors::ErrorKind::InvalidSignature => ProofFailure::BadSignature,
        _ => ProofFailure::Malformed(e.to_string()),
    })?;
    let claims = data.claims;
    let aud_ok = match &claims["aud"] {
        Value::String(a) => a == issuer,
        Value::Array(all) => all.iter().any(|a| a == issuer),
        _ => false,
    };
    if !aud_ok {
        return Err(ProofFailure::WrongAudience);
    }
    let iat = claims["iat"].as_i64().ok_or(ProofFailure::BadTime)?;
    if (iat - now).abs() > IAT_LEEWAY {
        return Err(ProofFailure::BadTime);
    }
    let nonce = claims["nonce"]
        .as_str()
        .filter(|n| !n.is_empty())
        .ok_or(ProofFailure::NoNonce)?
        .to_owned();
    Ok(KeyProof { holder, nonce })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::KeyPair;
    use crate::did::did_key_method;

    fn sign(header: Value, claims: Value, key: &KeyPair) -> String {
        let h = URL_SAFE_NO_PAD.encode(header.to_string());
        let c = URL_SAFE_NO_PAD.encode(claims.to_string());
        let sig = key.sign(format!("{h}.{c}").as_bytes());
        format!("{h}.{c}.{}", URL_SAFE_NO_PAD.encode(sig))
    }

    #[test]
    fn a_did_key_proof_names_its_holder_and_a_wrong_one_is_refused() {
        let key = KeyPair::generate().unwrap();
        let kid = did_key_method(&key.public());
        let header = json!({"typ": PROOF_TYPE, "alg": "EdDSA", "kid": kid});
        let claims = json!({"aud": "https://i.example", "iat": 1000, "nonce": "n1"});
        let p = verify_key_proof(
            &sign(header.clone(), claims.clone(), &key),
            "https://i.example",
            1100,
        )
        .unwrap();
        assert_eq!(p.holder, did_key(&key.public()));
        assert_eq!(p.nonce, "n1");
        let err = |h: &Value, c: &Value, k: &KeyPair, now| {
            verify_key_proof(&sign(h.clone(), c.clone(), k), "https://i.example", now).unwrap_err()
        };
        assert_eq!(err(&header, &claims, &key, 5000), ProofFailure::BadTime);
        let other = KeyPair::generate().unwrap();
        assert_eq!(
            err(&header, &claims, &other, 1000),
            ProofFailure::BadSignature
        );
        let mut wrong_aud = claims.clone();
        wrong_aud["aud"] = json!("https://else.example");
        assert_eq!(
            err(&header, &wrong_aud, &key, 1000),
            ProofFailure::WrongAudience
        );
        let mut wrong_typ = header.clone();
        wrong_typ["typ"] = json!("JWT");
        assert_eq!(
            err(&wrong_typ, &claims, &key, 1000),
            ProofFailure::WrongType
        );
    }

    #[test]
    fn a_jwk_proof_names_a_did_jwk() {
        let key = KeyPair::generate().unwrap();
        let x = URL_SAFE_NO_PAD.encode(key.public().to_bytes());
        let header = json!({"typ": PROOF_TYPE, "alg": "EdDSA", "jwk": {"kty": "OKP", "crv": "Ed25519", "x": x}});
        let claims = json!({"aud": ["https://i.example"], "iat": 1000, "nonce": "n1"});
        let p = verify_key_proof(&sign(header, claims, &key), "https://i.example", 1000).unwrap();
        assert!(p.holder.starts_with("did:jwk:"));
    }
}
