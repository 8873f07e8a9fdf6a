//! Bitstring Status List v1.0: one bit per issued credential in a list credential the issuer
//! publishes; bit set = revoked (or suspended, per the list's purpose).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use flate2::Compression;
use flate2::read::GzDecoder;
use std::io::{Read, Write};

/// §2.1: at least 131,072 entries (16 KiB), so one set bit says little about which holder it is.
pub const MIN_ENTRIES: usize = 131_072;
/// A decoded list larger than this (128 Mi entries) is refused, so a tiny gzip bomb cannot make
/// a verifier allocate without bound.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusPurpose {
    Revocation,
    Suspension,
}

impl StatusPurpose {
    pub fn name(self) -> &'static str {
        match self {
            StatusPurpose::Revocation => "revocation",
            StatusPurpose::Suspension => "suspension",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "revocation" => Some(StatusPurpose::Revocation),
            "suspension" => Some(StatusPurpose::Suspension),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusListError {
    #[error("index {index} is outside the list of {len} entries")]
    OutOfRange { index: usize, len: usize },
    #[error("encodedList is not multibase base64url (it must start with 'u')")]
    NotBase64url,
    #[error("encodedList is not gzip data")]
    NotGzip,
    #[error("the list has {0} entries, fewer than the 131,072 required")]
    TooShort(usize),
    #[error("the list is larger than a verifier accepts")]
    TooLong,
}

impl StatusListError {
    pub fn code(&self) -> &'static str {
        match self {
            StatusListError::OutOfRange { .. } => "status_index_out_of_range",
            StatusListError::NotBase64url => "status_list_not_base64url",
            StatusListError::NotGzip => "status_list_not_gzip",
            StatusListError::TooShort(_) => "status_list_too_short",
            StatusListError::TooLong => "status_list_too_long",
        }
    }
}

#[derive(Clone, PartialEq, Eq)]
pub struct StatusList {
    bytes: Vec<u8>,
}

impl std::fmt::Debug for StatusList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StatusList({} entries)", self.len())
    }
}

impl StatusList {
    /// All bits clear; `entries` rounded up to whole bytes and to at least [`MIN_ENTRIES`].
    pub fn new(entries: usize) -> Self {
        StatusList {
            bytes: vec![0; entries.max(MIN_ENTRIES).div_ceil(8)],
        }
    }

    pub fn len(&self) -> usize {
        self.bytes.len() * 8
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// §3.2: index 0 is the first byte's most significant bit.
    pub fn get(&self, index: usize) -> Result<bool, StatusListError> {
        let (byte, mask) = self.locate(index)?;
        Ok(self.bytes[byte] & mask != 0)
    }

    pub fn set(&mut self, index: usize, value: bool) -> Result<(), StatusListError> {
        let (byte, mask) = self.locate(index)?;
        if value {
            self.bytes[byte] |= mask;
        } else {
            self.bytes[byte] &= !mask;
        }
        Ok(())
    }

    fn locate(&self, index: usize) -> Result<(usize, u8), StatusListError> {
        if index >= self.len() {
            return Err(StatusListError::OutOfRange {
                index,
                len: self.len(),
            });
        }
        Ok((index / 8, 0x80 >> (index % 8)))
    }

    /// `encodedList` (§3.1): GZIP, then multibase base64url without padding (`u` header).
    pub fn encode(&self) -> String {
        // A fixed header (no timestamp, OS "Unix") so the same bits always encode alike.
        let mut gzip = flate2::GzBuilder::new()
            .mtime(0)
            .operating_system(3)
            .write(Vec::new(), Compression::best());
        gzip.write_all(&self.bytes)
            .expect("writing to a Vec cannot fail");
        let compressed = gzip.finish().expect("writing to a Vec cannot fail");
        format!("u{}", URL_SAFE_NO_PAD.encode(compressed))
    }

    pub fn decode(encoded: &str) -> Result<Self, StatusListError> {
        let body = encoded
            .strip_prefix('u')
            .ok_or(StatusListError::NotBase64url)?;
        let compressed = URL_SAFE_NO_PAD
            .decode(body.trim_end_matches('='))
            .map_err(|_| StatusListError::NotBase64url)?;
        let mut bytes = Vec::new();
        GzDecoder::new(compressed.as_slice())
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| StatusListError::NotGzip)?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(StatusListError::TooLong);
        }
        if bytes.len() * 8 < MIN_ENTRIES {
            return Err(StatusListError::TooShort(bytes.len() * 8));
        }
        Ok(StatusList { bytes })
    }
}
