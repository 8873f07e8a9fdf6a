//! What can be wrong with the numbers handed to this crate.

/// An input this crate refuses. Each variant has a stable snake_case [`SpcError::code`]
/// so the application can translate it; `index` is the position of the offending
/// subgroup in the slice the caller passed (0-based).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SpcError {
    #[error("the phase-I baseline has too few subgroups (needs at least {needed})")]
    BaselineTooShort { needed: usize },
    #[error("subgroup {index} has {found} values, the chart expects {expected}")]
    SubgroupSize {
        index: usize,
        expected: usize,
        found: usize,
    },
    #[error("subgroups of {found} values are outside the tabulated 2..=25")]
    UnsupportedSubgroupSize { found: usize },
    #[error("subgroup {index} is not the kind of data this chart plots")]
    WrongSubgroupKind { index: usize },
    #[error("subgroup {index} holds a value that is not a finite number")]
    NotFinite { index: usize },
    #[error("subgroup {index} counts more defectives than units inspected")]
    CountExceedsInspected { index: usize },
    #[error("subgroup {index} has an inspected amount that is not positive")]
    NonPositiveSize { index: usize },
    #[error("the specification needs a finite lower or upper limit, lower below upper")]
    InvalidSpecification,
    #[error("the confidence level must lie strictly between 0 and 1")]
    InvalidConfidence,
    #[error("too few observations to estimate the process spread")]
    TooFewObservations,
    #[error("the within-subgroup spread needs subgroups of one constant size")]
    MixedSubgroupSizes,
    #[error("a late subgroup may precede at most {limit} pushed subgroups; re-evaluate the series")]
    TooLate { limit: usize },
    #[error("capability needs measured values; this is an attributes chart")]
    NotVariablesChart,
    #[error("unknown Nelson rule number {number} (rules are 1..=8)")]
    UnknownRule { number: u8 },
}

impl SpcError {
    /// Stable identifier of the error kind, for messages and logs.
    pub fn code(&self) -> &'static str {
        match self {
            SpcError::BaselineTooShort { .. } => "spc_baseline_too_short",
            SpcError::SubgroupSize { .. } => "spc_subgroup_size",
            SpcError::UnsupportedSubgroupSize { .. } => "spc_unsupported_subgroup_size",
            SpcError::WrongSubgroupKind { .. } => "spc_wrong_subgroup_kind",
            SpcError::NotFinite { .. } => "spc_not_finite",
            SpcError::CountExceedsInspected { .. } => "spc_count_exceeds_inspected",
            SpcError::NonPositiveSize { .. } => "spc_non_positive_size",
            SpcError::InvalidSpecification => "spc_invalid_specification",
            SpcError::InvalidConfidence => "spc_invalid_confidence",
            SpcError::TooFewObservations => "spc_too_few_observations",
            SpcError::MixedSubgroupSizes => "spc_mixed_subgroup_sizes",
            SpcError::TooLate { .. } => "spc_too_late",
            SpcError::NotVariablesChart => "spc_not_variables_chart",
            SpcError::UnknownRule { .. } => "spc_unknown_rule",
        }
    }
}
