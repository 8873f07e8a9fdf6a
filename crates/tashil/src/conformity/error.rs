//! The failures of conformity assessment's use cases: the desks' five (`kernel::DeskError`),
//! with its own code for a move the record's state forbids.

/// A request already answered, or an accreditation already withdrawn (stable code).
pub const STATE_CONFLICT: &str = "conformity_state_conflict";

/// Every error code this context adds (each has an `err-…` message in every language),
/// beside the field codes of its forms.
pub const ERROR_CODES: &[&str] = &[
    STATE_CONFLICT,
    "not_a_lab",
    "lab_without_province",
    "duplicate_certificate",
    "unknown_standard",
    "unknown_clause",
    "duplicate_scope_entry",
    "before_valid_from",
    "lab_not_offered",
    "not_for_purpose",
    "not_for_requester",
    "other_request",
    "unknown_request",
    "request_not_accepted",
    "clause_not_requested",
    "duplicate_row",
    "clause_not_covered",
    "date_in_future",
    "unknown_instrument",
    "instrument_overdue",
    "lab_result_id_reused",
    "too_many_results",
    "unknown_result_column",
    "four_eyes",
    "results_missing",
    "duplicate_instrument",
    "due_before_calibration",
    "application_not_yours",
    SAMPLE_LOCKED,
    "sample_unchanged",
    "invalid_query",
    "before_from",
    "span_too_long",
];

/// A sample amended after its report was released (stable code of [`AmendError`]'s conflict).
pub const SAMPLE_LOCKED: &str = "sample_report_released";

/// The conflict of amending a sample: its report is released, and its record stands as
/// reported.
#[derive(Debug)]
pub struct SampleLocked;

impl crate::kernel::StateConflict for SampleLocked {
    const CODE: &'static str = SAMPLE_LOCKED;
}

/// The failures of amending a sample: the desk's, with its own conflict.
pub type AmendError = crate::kernel::DeskError<SampleLocked>;

impl From<ConformityError> for AmendError {
    fn from(e: ConformityError) -> Self {
        use crate::kernel::DeskError as D;
        match e {
            D::Denied(d) => D::Denied(d),
            D::NotFound => D::NotFound,
            D::Invalid(f) => D::Invalid(f),
            D::Conflict => D::Conflict,
            D::Db(e) => D::Db(e),
            D::Of(never, _) => match never {},
        }
    }
}

#[derive(Debug)]
pub struct Conformity;

impl crate::kernel::StateConflict for Conformity {
    const CODE: &'static str = STATE_CONFLICT;
}

pub type ConformityError = crate::kernel::DeskError<Conformity>;

impl From<crate::standards::StandardsError> for ConformityError {
    /// Only ever raised while reading the standard a form names: absent (or a draft the
    /// actor may not see) is the field's error.
    fn from(e: crate::standards::StandardsError) -> Self {
        use crate::standards::StandardsError as S;
        match e {
            S::NotFound => ConformityError::invalid("standard_id", "unknown_standard"),
            S::Denied(d) => ConformityError::Denied(d),
            S::Db(d) => ConformityError::Db(d),
            other => ConformityError::Db(sea_orm::DbErr::Custom(other.to_string())),
        }
    }
}
