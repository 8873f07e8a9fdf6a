//! The issuer as a node knows it: the national body's did:web, named by the installation's
//! public URL (`TASHIL_PUBLIC_URL`), its database and, when it may issue, the key that opens
//! the issuer keys.

use sea_orm::DatabaseConnection;
use tashil_credentials::Contexts;
use tashil_credentials::did::did_web;

use super::error::CredentialError;
use crate::kernel::sealing::SealingKey;
use crate::web::AppState;

pub struct Issuer<'a> {
    pub db: &'a DatabaseConnection,
    /// The public URL, without a trailing slash.
    pub base: &'a str,
    pub did: String,
    pub sealing: Option<&'a SealingKey>,
    /// The JSON-LD contexts this node reads credentials with.
    pub contexts: &'static Contexts,
}

impl<'a> Issuer<'a> {
    pub fn of(state: &'a AppState) -> Result<Self, CredentialError> {
        Ok(Issuer {
            db: &state.db,
            base: &state.public_url,
            did: did_for(&state.public_url)?,
            sealing: state.credential_key.as_deref(),
            contexts: super::contexts(state.w3c_examples_context),
        })
    }

    /// The verification method of key generation `generation`.
    pub fn method(&self, generation: i32) -> String {
        format!("{}#{}", self.did, super::keys::fragment(generation))
    }
}

/// did:web of a public URL: its host (a port percent-encoded) and its path's segments.
pub fn did_for(base: &str) -> Result<String, CredentialError> {
    let rest = base.split_once("://").map(|(_, rest)| rest).unwrap_or(base);
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let host = parts.next().unwrap_or_default();
    let path: Vec<&str> = parts.collect();
    did_web(host, &path).map_err(|e| CredentialError::Unsignable(format!("TASHIL_PUBLIC_URL: {e}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_public_url_names_the_did() {
        assert_eq!(
            super::did_for("https://tashil.example").unwrap(),
            "did:web:tashil.example"
        );
        assert_eq!(
            super::did_for("http://127.0.0.1:8080/").unwrap(),
            "did:web:127.0.0.1%3A8080"
        );
    }
}
