//! W3C verifiable credentials for Tashil, as a pure library (no HTTP, no SQL): Ed25519 issuer
//! keys as Multikey, did:key and did:web documents, Data Integrity proofs (`eddsa-jcs-2022`,
//! `eddsa-rdfc-2022`), `vc+jwt`, Bitstring Status Lists, and one [`verify`] for every form.
//!
//! Nothing here touches the network: JSON-LD contexts are bundled ([`contexts`]) and DID
//! documents are handed in by the caller ([`did::Resolver`]). See ADR 0015.

pub mod contexts;
pub mod did;
pub mod integrity;
pub mod jwt;
pub mod key_proof;
pub mod multikey;
pub mod rdf;
pub mod shape;
pub mod status_credential;
pub mod status_list;
pub mod verify;

pub use contexts::Contexts;
pub use did::{DidDocument, ResolveKey, Resolver};
pub use integrity::{Cryptosuite, ProofOptions};
pub use multikey::{KeyError, KeyPair, PublicKey};
pub use status_list::{StatusList, StatusPurpose};
pub use verify::{
    PresentationChallenge, ProofForm, Rejection, Verified, VerifiedPresentation, verify,
    verify_presentation,
};
