//! The batch id of an uploaded file: its SHA-256, so the same file sent again is the same batch.

use sha2::{Digest, Sha256};

pub fn digest(bytes: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(bytes)))
}
