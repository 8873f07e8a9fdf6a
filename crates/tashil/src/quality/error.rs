//! The failures of quality assurance's use cases: the desks' five (`kernel::DeskError`), with
//! its own code for a write that lost a race or that the record's state forbids.

/// Someone else changed the characteristic or its monitor first, or it has subgroups and
/// cannot be removed (stable code).
pub const STATE_CONFLICT: &str = "quality_state_conflict";

/// Every error code this context adds (each has an `err-…` message in every language).
pub const ERROR_CODES: &[&str] = &[
    STATE_CONFLICT,
    "spec_order",
    "not_for_attributes",
    "duplicate_characteristic",
    "not_a_unit",
    "unknown_characteristic",
    "other_unit",
    "subgroup_size",
    "impossible_value",
    "not_for_chart",
    "duplicate_subgroup",
    "too_many_subgroups",
    "unknown_subgroup_column",
    "baseline_empty",
    "baseline_order",
    "spc_baseline_too_short",
    "spc_unsupported_subgroup_size",
    "spc_mixed_subgroup_sizes",
    "spc_too_few_observations",
    "threshold_out_of_range",
];

#[derive(Debug)]
pub struct Quality;

impl crate::kernel::StateConflict for Quality {
    const CODE: &'static str = STATE_CONFLICT;
}

pub type QualityError = crate::kernel::DeskError<Quality>;

impl From<crate::standards::StandardsError> for QualityError {
    /// Only ever raised while reading the standard a form names.
    fn from(e: crate::standards::StandardsError) -> Self {
        use crate::standards::StandardsError as S;
        match e {
            S::NotFound => QualityError::invalid("standard_id", "unknown_standard"),
            S::Denied(_) => QualityError::invalid("standard_id", "unknown_standard"),
            S::Db(d) => QualityError::Db(d),
            other => QualityError::Db(sea_orm::DbErr::Custom(other.to_string())),
        }
    }
}

impl From<tashil_spc::SpcError> for QualityError {
    /// A refusal of the statistics (a baseline too short, say), named on the form's `baseline`.
    fn from(e: tashil_spc::SpcError) -> Self {
        QualityError::Invalid(vec![
            crate::kernel::FieldError::new("baseline", e.code()).with_detail(e.to_string()),
        ])
    }
}
