//! Ed25519 keys in the Multikey encoding (W3C Controlled Identifiers 1.0 §2.2.2): a multicodec
//! prefix before the raw key bytes, then multibase base58btc (header `z`).

use ed25519_dalek::{Signature, Signer};
use std::fmt;

/// Multicodec `ed25519-pub` (0xed) as an unsigned varint.
const PUBLIC_PREFIX: [u8; 2] = [0xed, 0x01];
/// Multicodec `ed25519-priv` (0x1300) as an unsigned varint.
const SECRET_PREFIX: [u8; 2] = [0x80, 0x26];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("not a multibase base58btc value (it must start with 'z')")]
    NotBase58btc,
    #[error("not an Ed25519 Multikey (wrong multicodec prefix or length)")]
    NotEd25519,
    #[error("the bytes are not a valid Ed25519 public key")]
    InvalidPoint,
    #[error("not a did:key")]
    NotDidKey,
    #[error("the operating system gave no randomness")]
    NoRandomness,
}

impl KeyError {
    /// Stable code for logs and API errors.
    pub fn code(&self) -> &'static str {
        match self {
            KeyError::NotBase58btc => "key_not_base58btc",
            KeyError::NotEd25519 => "key_not_ed25519",
            KeyError::InvalidPoint => "key_invalid_point",
            KeyError::NotDidKey => "key_not_did_key",
            KeyError::NoRandomness => "key_no_randomness",
        }
    }
}

/// An Ed25519 public key: what a verifier needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(ed25519_dalek::VerifyingKey);

impl PublicKey {
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, KeyError> {
        ed25519_dalek::VerifyingKey::from_bytes(bytes)
            .map(PublicKey)
            .map_err(|_| KeyError::InvalidPoint)
    }

    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// Parses `publicKeyMultibase` (`z6Mk…`).
    pub fn from_multibase(text: &str) -> Result<Self, KeyError> {
        Self::from_bytes(&decode(text, PUBLIC_PREFIX)?)
    }

    pub fn to_multibase(&self) -> String {
        encode(PUBLIC_PREFIX, &self.0.to_bytes())
    }

    /// Strict verification (RFC 8032 §5.1.7 with canonical encodings only), so a signature has
    /// exactly one accepted form and cannot be malleated into a second valid one.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        let Ok(signature) = Signature::from_slice(signature) else {
            return false;
        };
        self.0.verify_strict(message, &signature).is_ok()
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.to_multibase())
    }
}

/// An Ed25519 signing key. Its secret never appears in `Debug` output; the dalek key inside
/// wipes itself when dropped.
#[derive(Clone)]
pub struct KeyPair(ed25519_dalek::SigningKey);

impl KeyPair {
    /// A fresh key from the operating system's random source.
    pub fn generate() -> Result<Self, KeyError> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|_| KeyError::NoRandomness)?;
        Ok(Self::from_secret_bytes(&seed))
    }

    /// From the 32-byte seed of RFC 8032 §5.1.5.
    pub fn from_secret_bytes(seed: &[u8; 32]) -> Self {
        KeyPair(ed25519_dalek::SigningKey::from_bytes(seed))
    }

    pub fn secret_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// Parses `secretKeyMultibase` (`z3u2…`).
    pub fn from_secret_multibase(text: &str) -> Result<Self, KeyError> {
        Ok(Self::from_secret_bytes(&decode(text, SECRET_PREFIX)?))
    }

    /// The secret as `secretKeyMultibase`: for a key store, never for a DID document.
    pub fn secret_multibase(&self) -> String {
        encode(SECRET_PREFIX, &self.0.to_bytes())
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }
}

impl fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyPair(public {})", self.public().to_multibase())
    }
}

fn encode(prefix: [u8; 2], key: &[u8; 32]) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(&prefix);
    bytes.extend_from_slice(key);
    format!("z{}", bs58::encode(bytes).into_string())
}

fn decode(text: &str, prefix: [u8; 2]) -> Result<[u8; 32], KeyError> {
    let body = text.strip_prefix('z').ok_or(KeyError::NotBase58btc)?;
    let bytes = bs58::decode(body)
        .into_vec()
        .map_err(|_| KeyError::NotBase58btc)?;
    match bytes.split_first_chunk::<2>() {
        Some((found, key)) if *found == prefix => key.try_into().map_err(|_| KeyError::NotEd25519),
        _ => Err(KeyError::NotEd25519),
    }
}
