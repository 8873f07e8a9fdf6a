//! Data Integrity proofs (VC Data Integrity 1.0) with the EdDSA cryptosuites of vc-di-eddsa 1.0:
//! `eddsa-jcs-2022` (JSON Canonicalization Scheme) and `eddsa-rdfc-2022` (RDF canonicalization).
//! Both sign SHA-256(canonical proof configuration) ‖ SHA-256(canonical document) with Ed25519
//! and carry the signature as a base58btc multibase `proofValue`.

mod create;
mod suite;
mod verify;

pub use create::{ProofError, ProofOptions, add_proof, proof_configuration};
pub use suite::{Cryptosuite, hash_data};
pub use verify::{ProofFailure, VerifiedProof, verify_proof, verify_proof_for};
