//! A released test report is immutable (ISO/IEC 17025 §7.8.8): a correction is a new
//! revision of the report for the same request, numbered next, pointing to the revision it
//! replaces and saying why. These rules say which edits and which revisions may be made.

use crate::kernel::FieldError;

/// The longest reason a correction may give.
pub const MAX_REASON: usize = 2000;

/// A revision of a request's report as stored: its request, its number (the first is 1), and
/// whether it is released.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportRevision {
    pub request: i64,
    pub revision: u32,
    pub released: bool,
}

/// A correction as proposed: the revision it replaces, the number it takes, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedRevision {
    pub request: i64,
    pub revision: u32,
    pub supersedes: u32,
    pub reason: String,
}

/// A correction that passed [`check_revision`]: the unreleased revision to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRevision {
    pub request: i64,
    pub revision: u32,
    pub supersedes: u32,
    /// The reason in its canonical form.
    pub reason: String,
}

/// Why an edit or a revision is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RevisionError {
    #[error("the report is released: only a new revision may correct it")]
    Released,
    #[error("the report is not released: edit it instead of revising it")]
    NotReleased,
    #[error("the revision is of another request's report")]
    OtherRequest,
    #[error("the revision replaces one that is not the latest")]
    NotLatest,
    #[error("the revision's number is not the next")]
    NotNext,
    /// The reason is missing or too long (the field error says which).
    #[error("the reason is refused: {0:?}")]
    Reason(FieldError),
}

impl RevisionError {
    /// Stable code; the message is `err-` and the code in kebab case, in `locales/`.
    pub fn code(&self) -> &'static str {
        match self {
            RevisionError::Released => "report_released",
            RevisionError::NotReleased => "report_not_released",
            RevisionError::OtherRequest => "revision_other_request",
            RevisionError::NotLatest => "revision_not_latest",
            RevisionError::NotNext => "revision_not_next",
            RevisionError::Reason(e) => e.code,
        }
    }
}

impl ReportRevision {
    /// The first revision of a request's report, not yet released.
    pub fn first(request: i64) -> ReportRevision {
        ReportRevision {
            request,
            revision: 1,
            released: false,
        }
    }

    /// Whether its results, verdicts or text may still change: only until it is released.
    pub fn may_edit(&self) -> Result<(), RevisionError> {
        if self.released {
            Err(RevisionError::Released)
        } else {
            Ok(())
        }
    }
}

/// Checks `proposed` against `latest`, the request's latest revision: it corrects a released
/// report of the same request, names that very revision (so two corrections of one report
/// cannot both be written: the second names one that is no longer the latest), takes the
/// next number, and gives a reason.
pub fn check_revision(
    latest: &ReportRevision,
    proposed: &ProposedRevision,
) -> Result<ValidRevision, RevisionError> {
    if proposed.request != latest.request {
        return Err(RevisionError::OtherRequest);
    }
    if proposed.supersedes != latest.revision {
        return Err(RevisionError::NotLatest);
    }
    if !latest.released {
        return Err(RevisionError::NotReleased);
    }
    if Some(proposed.revision) != latest.revision.checked_add(1) {
        return Err(RevisionError::NotNext);
    }
    let reason = crate::kernel::bounded("reason", &proposed.reason, MAX_REASON)
        .map_err(RevisionError::Reason)?;
    Ok(ValidRevision {
        request: proposed.request,
        revision: proposed.revision,
        supersedes: proposed.supersedes,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn released(request: i64, revision: u32) -> ReportRevision {
        ReportRevision {
            request,
            revision,
            released: true,
        }
    }

    fn proposed(request: i64, revision: u32, supersedes: u32, reason: &str) -> ProposedRevision {
        ProposedRevision {
            request,
            revision,
            supersedes,
            reason: reason.into(),
        }
    }

    #[test]
    fn a_draft_may_be_edited_a_released_report_may_not() {
        let first = ReportRevision::first(7);
        assert_eq!((first.revision, first.may_edit()), (1, Ok(())));
        assert_eq!(released(7, 1).may_edit(), Err(RevisionError::Released));
        assert_eq!(RevisionError::Released.code(), "report_released");
    }

    #[test]
    fn a_correction_of_a_released_report_is_the_next_revision_with_a_reason() {
        let v = check_revision(
            &released(7, 2),
            &proposed(7, 3, 2, "  Wrong unit on clause 5.2\u{200F} "),
        )
        .unwrap();
        assert_eq!(
            v,
            ValidRevision {
                request: 7,
                revision: 3,
                supersedes: 2,
                reason: "Wrong unit on clause 5.2".into(),
            }
        );
    }

    #[test]
    fn a_correction_is_refused_each_way_it_can_be_wrong() {
        let latest = released(7, 2);
        let cases = [
            (proposed(8, 3, 2, "r"), "revision_other_request"),
            (proposed(7, 3, 1, "r"), "revision_not_latest"),
            (proposed(7, 2, 2, "r"), "revision_not_next"),
            (proposed(7, 4, 2, "r"), "revision_not_next"),
            (proposed(7, 3, 2, " \u{200E} "), "required"),
            (proposed(7, 3, 2, &"x".repeat(MAX_REASON + 1)), "too_long"),
        ];
        for (p, code) in cases {
            assert_eq!(
                check_revision(&latest, &p).unwrap_err().code(),
                code,
                "{p:?}"
            );
        }
        match check_revision(&latest, &proposed(7, 3, 2, "")) {
            Err(RevisionError::Reason(e)) => assert_eq!(e.field, "reason"),
            other => panic!("{other:?}"),
        }
        // A draft is edited, not revised.
        assert_eq!(
            check_revision(&ReportRevision::first(7), &proposed(7, 2, 1, "r")),
            Err(RevisionError::NotReleased)
        );
        // No number after the last.
        assert_eq!(
            check_revision(&released(7, u32::MAX), &proposed(7, 0, u32::MAX, "r")),
            Err(RevisionError::NotNext)
        );
    }
}
