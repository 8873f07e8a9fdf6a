//! What can go wrong issuing or serving a credential, each with a stable code.

use sea_orm::DbErr;

use crate::web::AppError;

/// This node holds no `TASHIL_CREDENTIAL_KEY`: it verifies but does not issue.
pub const KEY_MISSING: &str = "credential_key_missing";
/// The key in the environment does not open the stored issuer keys.
pub const KEY_MISMATCH: &str = "credential_key_mismatch";

/// Every error code this context adds (each has an `err-…` message in every language).
/// The members of a refused issue carry their own codes too ([`super::issue::CODES`] and
/// `tashil_credentials::shape::CODES`).
pub const ERROR_CODES: &[&str] = &[
    KEY_MISSING,
    KEY_MISMATCH,
    "credential_unsignable",
    "credential_refused",
    "credential_status_refused",
    "malformed_request",
    super::identity::UNIT_CLOSED,
    super::provinces::ALREADY_ON,
];

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("not found")]
    NotFound,
    /// The node cannot sign (its stable code): no key, or the wrong one.
    #[error("cannot issue: {0}")]
    CannotIssue(&'static str),
    /// The library refused to sign what was built (a fault of the builder).
    #[error("cannot sign: {0}")]
    Unsignable(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<crate::licensing::LicensingError> for CredentialError {
    fn from(e: crate::licensing::LicensingError) -> Self {
        match e {
            crate::licensing::LicensingError::NotFound => CredentialError::NotFound,
            crate::licensing::LicensingError::Db(e) => CredentialError::Db(e),
            other => CredentialError::Unsignable(other.to_string()),
        }
    }
}

impl From<CredentialError> for AppError {
    fn from(e: CredentialError) -> Self {
        match e {
            CredentialError::NotFound => AppError::NotFound,
            CredentialError::CannotIssue(code) => AppError::Conflict(code),
            CredentialError::Unsignable(m) => AppError::internal(m),
            CredentialError::Db(e) => e.into(),
        }
    }
}
