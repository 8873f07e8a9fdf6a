//! A 32-byte key from the operator (`TASHIL_CREDENTIAL_KEY`) that seals secrets kept in the
//! database with XChaCha20-Poly1305, so a dump or a backup alone does not hold them in the
//! clear (ADR 0015). Knows nothing of what it seals.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

/// XChaCha20's nonce: 24 random bytes, so random nonces never repeat in practice.
const NONCE: usize = 24;
/// What the public demo key is derived from.
const DEMO_PHRASE: &[u8] = b"tashil demo credential key, public, never for production";

#[derive(Clone)]
pub struct SealingKey([u8; 32]);

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey(…)")
    }
}

impl SealingKey {
    /// 32 bytes as 64 hex digits or as base64 (standard or URL-safe, padded or not).
    pub fn parse(text: &str) -> Result<Self, &'static str> {
        let text = text.trim();
        let bytes = match hex::decode(text) {
            Ok(b) => b,
            Err(_) => STANDARD
                .decode(text)
                .or_else(|_| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')))
                .map_err(|_| "TASHIL_CREDENTIAL_KEY is neither hex nor base64")?,
        };
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "TASHIL_CREDENTIAL_KEY must be 32 bytes")?;
        Ok(SealingKey(key))
    }

    /// A key every demo and test installation shares, derived from a fixed phrase: it lets
    /// the demo issue credentials out of the box, and protects nothing.
    pub fn demo() -> Self {
        SealingKey(Sha256::digest(DEMO_PHRASE).into())
    }

    /// The demo key as an operator would write it in `TASHIL_CREDENTIAL_KEY` (public anyway).
    pub fn demo_text() -> String {
        hex::encode(Sha256::digest(DEMO_PHRASE))
    }

    /// `plain` sealed, bound to `context` (the row it belongs to): base64url of nonce ‖
    /// ciphertext ‖ tag.
    pub fn seal(&self, plain: &[u8], context: &[u8]) -> String {
        let nonce: [u8; NONCE] = rand::random();
        let sealed = XChaCha20Poly1305::new((&self.0).into())
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plain,
                    aad: context,
                },
            )
            .expect("XChaCha20-Poly1305 seals any message that fits in memory");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        URL_SAFE_NO_PAD.encode(out)
    }

    /// What [`seal`](Self::seal) sealed for `context`, or `None` when the key, the context or
    /// the bytes differ.
    pub fn open(&self, sealed: &str, context: &[u8]) -> Option<Vec<u8>> {
        let bytes = URL_SAFE_NO_PAD.decode(sealed).ok()?;
        if bytes.len() < NONCE {
            return None;
        }
        let (nonce, body) = bytes.split_at(NONCE);
        let nonce: [u8; NONCE] = nonce.try_into().ok()?;
        XChaCha20Poly1305::new((&self.0).into())
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: body,
                    aad: context,
                },
            )
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_context() {
        let key = SealingKey::demo();
        let sealed = key.seal(b"seed", b"key-1");
        assert_eq!(key.open(&sealed, b"key-1").as_deref(), Some(&b"seed"[..]));
        assert_eq!(key.open(&sealed, b"key-2"), None);
        let other = SealingKey::parse(&"11".repeat(32)).unwrap();
        assert_eq!(other.open(&sealed, b"key-1"), None);
        assert!(SealingKey::parse("short").is_err());
        let b64 = STANDARD.encode([7u8; 32]);
        assert!(SealingKey::parse(&b64).is_ok());
    }
}
