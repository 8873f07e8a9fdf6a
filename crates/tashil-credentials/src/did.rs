//! Decentralised identifiers: `did:key` (the key is the identifier), `did:web` documents that
//! list an issuer's keys (current and rotated out), and the resolver a verifier asks for the
//! key behind a proof's verification method.

mod document;
mod key;
mod resolve;
mod web;

pub use document::{DidDocument, DidError, VerificationMethod};
pub use key::{did_key, did_key_method, parse_did_key};
pub use resolve::{ResolveError, ResolveKey, Resolver};
pub use web::{did_web, did_web_document_url};

/// The DID part of a DID URL (`did:web:x#key-1` → `did:web:x`).
pub fn did_of(method_id: &str) -> &str {
    method_id.split('#').next().unwrap_or(method_id)
}
