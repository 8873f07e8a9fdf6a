//! The key behind a proof's verification method. did:key is read from the identifier itself;
//! did:web only from documents the caller supplies (fetched and cached by the server, or given
//! on the command line), so verifying never reaches the network.

use super::{DidDocument, did_of, parse_did_key};
use crate::multikey::{KeyError, PublicKey};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("DID method not supported: {0}")]
    UnsupportedMethod(String),
    #[error("no DID document for {0}")]
    UnknownDid(String),
    #[error("{0} is not an assertion method of its DID document")]
    NotAnAssertionMethod(String),
    #[error("verification method key: {0}")]
    Key(#[from] KeyError),
}

impl ResolveError {
    pub fn code(&self) -> &'static str {
        match self {
            ResolveError::UnsupportedMethod(_) => "did_method_unsupported",
            ResolveError::UnknownDid(_) => "did_unknown",
            ResolveError::NotAnAssertionMethod(_) => "did_not_assertion_method",
            ResolveError::Key(error) => error.code(),
        }
    }
}

/// Finds the public key a verification method may sign credentials with.
pub trait ResolveKey {
    fn assertion_key(&self, method_id: &str) -> Result<PublicKey, ResolveError>;

    /// The key a holder proves control with (a presentation's `authentication` proof): only
    /// did:key for now, whose document lists its one key under every relationship.
    fn authentication_key(&self, method_id: &str) -> Result<PublicKey, ResolveError> {
        let did = did_of(method_id);
        if !did.starts_with("did:key:") {
            return Err(ResolveError::UnsupportedMethod(did.to_owned()));
        }
        Ok(parse_did_key(method_id)?)
    }
}

/// did:key, plus the did:web documents handed to it.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    documents: HashMap<String, DidDocument>,
}

impl Resolver {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_document(mut self, document: DidDocument) -> Self {
        self.documents.insert(document.id().to_owned(), document);
        self
    }
}

impl ResolveKey for Resolver {
    fn assertion_key(&self, method_id: &str) -> Result<PublicKey, ResolveError> {
        let did = did_of(method_id);
        if did.starts_with("did:key:") {
            // A did:key document lists its one key under assertionMethod.
            return Ok(parse_did_key(method_id)?);
        }
        if !did.starts_with("did:web:") {
            return Err(ResolveError::UnsupportedMethod(did.to_owned()));
        }
        let document = self
            .documents
            .get(did)
            .ok_or_else(|| ResolveError::UnknownDid(did.to_owned()))?;
        document
            .assertion_key(method_id)
            .copied()
            .ok_or_else(|| ResolveError::NotAnAssertionMethod(method_id.to_owned()))
    }
}
