//! What differs between the two cryptosuites: how a JSON value becomes canonical bytes.

use crate::contexts::Contexts;
use crate::rdf::{JsonLdError, canonical_nquads};
use serde_json::Value;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cryptosuite {
    EddsaJcs2022,
    EddsaRdfc2022,
}

impl Cryptosuite {
    pub fn name(self) -> &'static str {
        match self {
            Cryptosuite::EddsaJcs2022 => "eddsa-jcs-2022",
            Cryptosuite::EddsaRdfc2022 => "eddsa-rdfc-2022",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "eddsa-jcs-2022" => Some(Cryptosuite::EddsaJcs2022),
            "eddsa-rdfc-2022" => Some(Cryptosuite::EddsaRdfc2022),
            _ => None,
        }
    }

    /// The suite's transformation (vc-di-eddsa §3.2.2 and §3.3.2): RFC 8785 JCS, or RDFC-1.0
    /// N-Quads after strict JSON-LD expansion over the bundled contexts.
    pub fn canonicalize(self, value: &Value, contexts: &Contexts) -> Result<String, JsonLdError> {
        match self {
            Cryptosuite::EddsaJcs2022 => serde_json_canonicalizer::to_string(value)
                .map_err(|error| JsonLdError::Canonicalization(error.to_string())),
            Cryptosuite::EddsaRdfc2022 => canonical_nquads(value, contexts),
        }
    }
}

/// hashData (vc-di-eddsa §3.2.4 and §3.3.4): the proof configuration's hash first, then the
/// document's.
pub fn hash_data(canonical_proof_config: &str, canonical_document: &str) -> [u8; 64] {
    let mut data = [0u8; 64];
    data[..32].copy_from_slice(&Sha256::digest(canonical_proof_config.as_bytes()));
    data[32..].copy_from_slice(&Sha256::digest(canonical_document.as_bytes()));
    data
}
