//! The Ed25519 key that signs checkpoints. Every node must sign alike, so the seed comes from
//! `TASHIL_AUDIT_KEY` when set, else from the `settings` table (made at first use). ADR 0005
//! says why the database is an acceptable default.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use sea_orm::ConnectionTrait;
use sha2::{Digest, Sha256};

use super::checkpoint::CheckpointError;
use crate::db::settings;

/// The 32-byte seed, as 64 hex digits or base64url.
pub const KEY_ENV: &str = "TASHIL_AUDIT_KEY";
const SETTING: &str = "audit-signing-key";

pub struct AuditKey {
    signing: SigningKey,
    id: String,
}

impl AuditKey {
    /// This installation's key: the environment's seed, else the stored one.
    pub async fn load(db: &impl ConnectionTrait) -> Result<AuditKey, CheckpointError> {
        let seed = match std::env::var(KEY_ENV) {
            Ok(v) if !v.trim().is_empty() => v,
            _ => settings::get_or_create(db, SETTING, settings::random_secret).await?,
        };
        AuditKey::from_seed(&seed).map_err(CheckpointError::Key)
    }

    pub fn from_seed(text: &str) -> Result<AuditKey, &'static str> {
        let signing = SigningKey::from_bytes(&parse_seed(text)?);
        let id = key_id(&signing.verifying_key());
        Ok(AuditKey { signing, id })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The public key, base64url without padding (as a JWK's `x`, RFC 8037).
    pub fn public_key(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.signing.verifying_key().as_bytes())
    }

    /// The signature of `message`, base64url without padding.
    pub fn sign(&self, message: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(self.signing.sign(message).to_bytes())
    }
}

/// First 16 hex digits of the SHA-256 of the raw public key: short enough to read aloud,
/// long enough that two keys of one installation never share it.
pub fn key_id(key: &VerifyingKey) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))[..16].to_string()
}

fn parse_seed(text: &str) -> Result<[u8; 32], &'static str> {
    let text = text.trim();
    let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        hex::decode(text).map_err(|_| "the seed is not valid hex")?
    } else {
        URL_SAFE_NO_PAD
            .decode(text.trim_end_matches('='))
            .map_err(|_| "the seed is neither 64 hex digits nor base64url")?
    };
    bytes
        .try_into()
        .map_err(|_| "the seed must be 32 bytes (64 hex digits or 43 base64url characters)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_base64url_seeds_give_the_same_key() {
        let seed = [7u8; 32];
        let a = AuditKey::from_seed(&hex::encode(seed)).unwrap();
        let b = AuditKey::from_seed(&URL_SAFE_NO_PAD.encode(seed)).unwrap();
        assert_eq!(a.id(), b.id());
        assert_eq!(a.public_key(), b.public_key());
        assert_eq!(a.id().len(), 16);
    }

    #[test]
    fn a_short_or_garbled_seed_is_refused() {
        assert!(AuditKey::from_seed("abcd").is_err());
        assert!(AuditKey::from_seed("not a key at all!").is_err());
        assert!(AuditKey::from_seed(&hex::encode([1u8; 31])).is_err());
    }
}
