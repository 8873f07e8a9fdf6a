//! The failures of supervision's use cases: the desks' five (`kernel::DeskError`), with its
//! own code for a write that lost a race.

/// Someone else changed the weights first (stable code).
pub const STATE_CONFLICT: &str = "supervision_state_conflict";

/// Every error code this context adds (each has an `err-…` message in every language).
pub const ERROR_CODES: &[&str] = &[
    STATE_CONFLICT,
    "no_capacity",
    "over_capacity",
    "in_the_past",
    "not_in_plan",
    "unanswered",
    "not_non_compliant",
    "rung_skipped",
];

#[derive(Debug)]
pub struct Supervision;

impl crate::kernel::StateConflict for Supervision {
    const CODE: &'static str = STATE_CONFLICT;
}

pub type SupervisionError = crate::kernel::DeskError<Supervision>;
