//! `did:key` for Ed25519 (W3C did:key method v0.9): the DID is `did:key:` + the Multikey, and its
//! one verification method is that DID with the Multikey again as fragment.

use crate::multikey::{KeyError, PublicKey};

pub fn did_key(key: &PublicKey) -> String {
    format!("did:key:{}", key.to_multibase())
}

/// The verification method of a did:key (`did:key:z6Mk…#z6Mk…`).
pub fn did_key_method(key: &PublicKey) -> String {
    let multibase = key.to_multibase();
    format!("did:key:{multibase}#{multibase}")
}

/// The key of a did:key or of its verification method. A fragment other than the key itself
/// names no method of the document, so it is refused.
pub fn parse_did_key(did_or_method: &str) -> Result<PublicKey, KeyError> {
    let rest = did_or_method
        .strip_prefix("did:key:")
        .ok_or(KeyError::NotDidKey)?;
    let (multibase, fragment) = match rest.split_once('#') {
        Some((multibase, fragment)) => (multibase, Some(fragment)),
        None => (rest, None),
    };
    if fragment.is_some_and(|fragment| fragment != multibase) {
        return Err(KeyError::NotDidKey);
    }
    PublicKey::from_multibase(multibase)
}
