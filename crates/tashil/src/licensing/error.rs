use sea_orm::DbErr;

use crate::access::Denied;
use crate::kernel::FieldError;

/// Two moves raced, or the client acted on a step that is no longer current (stable code).
pub const CHANGED: &str = "application_changed";

/// Every error code this context adds (each has an `err-…` message in every language).
pub const ERROR_CODES: &[&str] = &[
    CHANGED,
    "application_final",
    "not_your_turn",
    "not_consent_step",
    "appeal_used",
    // The administrator's permit-type pages.
    "definition_unreadable",
    "permit_type_exists",
    "permit_code_reserved",
    // Licences after issue.
    LICENCE_CHANGED,
    "licence_final",
    "licence_not_suspended",
    "licence_suspended",
    "licence_past_validity",
    "licence_not_renewable",
    // A test step waiting on a lab's report (conformity), and the definition asking for it.
    "lab_report_missing",
    "lab_report_failed",
    "lab_report_inconclusive",
    "lab_report_step",
];

/// Someone else changed the licence first (stable code).
pub const LICENCE_CHANGED: &str = "licence_changed";

#[derive(Debug, thiserror::Error)]
pub enum LicensingError {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("not found")]
    NotFound,
    #[error("invalid")]
    Invalid(Vec<FieldError>),
    /// The move is not allowed now (its stable code).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl LicensingError {
    pub fn invalid(field: impl Into<String>, code: &'static str) -> Self {
        LicensingError::Invalid(vec![FieldError::new(field, code)])
    }
}

impl From<Vec<FieldError>> for LicensingError {
    fn from(errs: Vec<FieldError>) -> Self {
        LicensingError::Invalid(errs)
    }
}

impl From<serde_json::Error> for LicensingError {
    fn from(e: serde_json::Error) -> Self {
        LicensingError::Db(DbErr::Custom(format!("stored JSON unreadable: {e}")))
    }
}
