//! How an application moves. Steps run in the definition's order, skipped steps of the fast
//! track passed over; only the deciding office acts on a step, the applicant withdraws or
//! appeals, the national body decides an appeal, and the job passes a step whose deadline
//! went by in silence where silence is consent.
//!
//! ```text
//! in_progress(step i) ──pass / consent──▶ in_progress(next) … ──pass last──▶ issued
//!        │ reject (cites conditions)                       
//!        ▼                                                  
//!     rejected ──appeal (once)──▶ appealed ──reopen──▶ in_progress(the rejected step)
//!                                    └──uphold──▶ rejected (final)
//! in_progress ──withdraw──▶ withdrawn
//! ```

use serde::{Deserialize, Serialize};

use super::definition::PermitDefinition;
use crate::kernel::FieldError;

// Named apart in the OpenAPI document from the standards' `Status`: one name, one schema.
/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ApplicationStatus)]
pub enum Status {
    InProgress,
    Issued,
    Rejected,
    Appealed,
    Withdrawn,
}

impl Status {
    pub const ALL: &'static [Status] = &[
        Status::InProgress,
        Status::Issued,
        Status::Rejected,
        Status::Appealed,
        Status::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::InProgress => "in_progress",
            Status::Issued => "issued",
            Status::Rejected => "rejected",
            Status::Appealed => "appealed",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s)
    }

    /// Whether documents and messages may still be added: while it moves, while an appeal is
    /// heard, and after a rejection that may still be appealed (to make the case for it);
    /// never once the application is settled.
    pub fn takes_exchanges(self, appealed_once: bool) -> bool {
        match self {
            Status::InProgress | Status::Appealed => true,
            Status::Rejected => !appealed_once,
            Status::Issued | Status::Withdrawn => false,
        }
    }
}

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    Passed,
    /// Its deadline passed in silence where silence is consent.
    Consent,
    /// The fast track passed over it.
    Skipped,
    Rejected,
    Withdrawn,
}

impl StepOutcome {
    pub const ALL: &'static [StepOutcome] = &[
        StepOutcome::Passed,
        StepOutcome::Consent,
        StepOutcome::Skipped,
        StepOutcome::Rejected,
        StepOutcome::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StepOutcome::Passed => "passed",
            StepOutcome::Consent => "consent",
            StepOutcome::Skipped => "skipped",
            StepOutcome::Rejected => "rejected",
            StepOutcome::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<StepOutcome> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s)
    }
}

/// Who is moving, as `access::licensing` established it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mover {
    /// The unit that applied.
    Applicant,
    /// Staff of the office that decides the current step, in the step's role.
    DecidingOffice,
    /// The national body, deciding an appeal.
    NationalBody,
    /// The periodic job, finding a deadline passed in silence.
    Silence,
}

/// A rejection: at least one numbered condition of the permit type and an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Rejection {
    pub conditions: Vec<u16>,
    pub explanation: String,
}

pub const MAX_EXPLANATION: usize = 4000;

impl Rejection {
    pub fn new(
        def: &PermitDefinition,
        conditions: &[u16],
        explanation: &str,
    ) -> Result<Rejection, Vec<FieldError>> {
        let mut errs = Vec::new();
        let mut cited: Vec<u16> = conditions.to_vec();
        cited.sort_unstable();
        cited.dedup();
        if cited.is_empty() {
            errs.push(FieldError::new("conditions", "condition_required"));
        }
        if let Some(n) = cited.iter().find(|n| def.condition(**n).is_none()) {
            errs.push(
                FieldError::new("conditions", "unknown_condition").with_detail(n.to_string()),
            );
        }
        let explanation =
            crate::kernel::required("explanation", explanation, MAX_EXPLANATION, &mut errs);
        if errs.is_empty() {
            Ok(Rejection {
                conditions: cited,
                explanation,
            })
        } else {
            Err(errs)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    Pass,
    Reject(Rejection),
    Withdraw,
    Consent,
    Appeal,
    Reopen,
    Uphold,
}

/// Where an application stands, as the move needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub status: Status,
    /// The current step (in progress), or the step it ended at.
    pub step: usize,
    pub appealed_once: bool,
    /// Each step's deadline in working days, or `None` when the fast track skips it.
    pub plan: Vec<Option<u16>>,
}

/// Why a move was refused; each is a stable error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The application is in a final state.
    Final,
    /// Not this mover's turn (the wrong party or role for this state).
    NotYourTurn,
    /// Silence counts only on a consent step.
    NotConsentStep,
    /// The one appeal is used.
    AppealUsed,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Final => "application_final",
            Refusal::NotYourTurn => "not_your_turn",
            Refusal::NotConsentStep => "not_consent_step",
            Refusal::AppealUsed => "appeal_used",
        }
    }
}

/// What a move does: the step it closes (and how), the steps the fast track passes over,
/// and where the application then stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub closes: Option<(usize, StepOutcome)>,
    pub skipped: Vec<usize>,
    /// The step that starts, with its deadline in working days.
    pub starts: Option<(usize, u16)>,
    pub status: Status,
}

impl Position {
    /// The first step to run from `from` on (skipped steps passed over).
    pub fn first_from(plan: &[Option<u16>], from: usize) -> (Vec<usize>, Option<(usize, u16)>) {
        let mut skipped = Vec::new();
        for (i, days) in plan.iter().enumerate().skip(from) {
            match days {
                Some(d) => return (skipped, Some((i, *d))),
                None => skipped.push(i),
            }
        }
        (skipped, None)
    }

    pub fn apply(
        &self,
        def: &PermitDefinition,
        mv: &Move,
        who: Mover,
    ) -> Result<Transition, Refusal> {
        use Status::*;
        match (self.status, mv, who) {
            (Issued | Withdrawn, _, _) => Err(Refusal::Final),
            (Rejected, Move::Appeal, Mover::Applicant) if self.appealed_once => {
                Err(Refusal::AppealUsed)
            }
            (Rejected, Move::Appeal, Mover::Applicant) => Ok(Transition {
                closes: None,
                skipped: vec![],
                starts: None,
                status: Appealed,
            }),
            (Rejected, _, _) if self.appealed_once => Err(Refusal::Final),
            (Appealed, Move::Uphold, Mover::NationalBody) => Ok(Transition {
                closes: None,
                skipped: vec![],
                starts: None,
                status: Rejected,
            }),
            (Appealed, Move::Reopen, Mover::NationalBody) => Ok(Transition {
                closes: None,
                skipped: vec![],
                starts: Some((self.step, self.plan[self.step].unwrap_or(1))),
                status: InProgress,
            }),
            (InProgress, Move::Withdraw, Mover::Applicant) => Ok(Transition {
                closes: Some((self.step, StepOutcome::Withdrawn)),
                skipped: vec![],
                starts: None,
                status: Withdrawn,
            }),
            (InProgress, Move::Reject(_), Mover::DecidingOffice) => Ok(Transition {
                closes: Some((self.step, StepOutcome::Rejected)),
                skipped: vec![],
                starts: None,
                status: Rejected,
            }),
            (InProgress, Move::Consent, Mover::Silence)
                if !def.steps[self.step].silence_is_consent =>
            {
                Err(Refusal::NotConsentStep)
            }
            (InProgress, Move::Pass, Mover::DecidingOffice)
            | (InProgress, Move::Consent, Mover::Silence) => {
                let outcome = if who == Mover::Silence {
                    StepOutcome::Consent
                } else {
                    StepOutcome::Passed
                };
                let (skipped, starts) = Position::first_from(&self.plan, self.step + 1);
                Ok(Transition {
                    closes: Some((self.step, outcome)),
                    skipped,
                    status: if starts.is_some() { InProgress } else { Issued },
                    starts,
                })
            }
            _ => Err(Refusal::NotYourTurn),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::licensing::model::definition::tests::standard_mark;

    #[test]
    fn documents_and_messages_stop_once_the_application_is_settled() {
        assert!(Status::InProgress.takes_exchanges(false));
        assert!(Status::Appealed.takes_exchanges(true));
        assert!(Status::Rejected.takes_exchanges(false));
        assert!(
            !Status::Rejected.takes_exchanges(true),
            "appeal used: final"
        );
        assert!(!Status::Issued.takes_exchanges(false));
        assert!(!Status::Withdrawn.takes_exchanges(false));
    }

    fn at(step: usize, plan: Vec<Option<u16>>) -> Position {
        Position {
            status: Status::InProgress,
            step,
            appealed_once: false,
            plan,
        }
    }

    fn full() -> Vec<Option<u16>> {
        vec![Some(5), Some(10), Some(15), Some(5), Some(2)]
    }

    fn rejection() -> Move {
        Move::Reject(Rejection::new(&standard_mark(), &[1], "نمونه مردود شد").unwrap())
    }

    #[test]
    fn the_office_passes_each_step_in_order_and_the_last_issues() {
        let def = standard_mark();
        let mut pos = at(0, full());
        for i in 0..4 {
            let t = pos.apply(&def, &Move::Pass, Mover::DecidingOffice).unwrap();
            assert_eq!(t.closes, Some((i, StepOutcome::Passed)));
            assert_eq!(t.starts.map(|s| s.0), Some(i + 1));
            pos.step = i + 1;
        }
        let t = pos.apply(&def, &Move::Pass, Mover::DecidingOffice).unwrap();
        assert_eq!((t.status, t.starts), (Status::Issued, None));
    }

    #[test]
    fn the_fast_track_passes_over_its_steps() {
        let def = standard_mark();
        let pos = at(0, vec![Some(5), None, Some(15), Some(5), Some(2)]);
        let t = pos.apply(&def, &Move::Pass, Mover::DecidingOffice).unwrap();
        assert_eq!(t.skipped, vec![1]);
        assert_eq!(t.starts, Some((2, 15)));
    }

    #[test]
    fn nobody_acts_out_of_turn() {
        let def = standard_mark();
        let pos = at(1, full());
        for (mv, who) in [
            (Move::Pass, Mover::Applicant),
            (Move::Pass, Mover::NationalBody),
            (rejection(), Mover::Applicant),
            (Move::Withdraw, Mover::DecidingOffice),
            (Move::Appeal, Mover::Applicant),
            (Move::Reopen, Mover::NationalBody),
            (Move::Pass, Mover::Silence),
        ] {
            assert_eq!(
                pos.apply(&def, &mv, who),
                Err(Refusal::NotYourTurn),
                "{mv:?} by {who:?}"
            );
        }
    }

    #[test]
    fn silence_counts_only_where_the_definition_says_so() {
        let def = standard_mark();
        assert_eq!(
            at(1, full()).apply(&def, &Move::Consent, Mover::Silence),
            Err(Refusal::NotConsentStep)
        );
        let t = at(0, full())
            .apply(&def, &Move::Consent, Mover::Silence)
            .unwrap();
        assert_eq!(t.closes, Some((0, StepOutcome::Consent)));
        let t = at(4, full())
            .apply(&def, &Move::Consent, Mover::Silence)
            .unwrap();
        assert_eq!(t.status, Status::Issued);
    }

    #[test]
    fn a_final_state_takes_no_move() {
        let def = standard_mark();
        for status in [Status::Issued, Status::Withdrawn] {
            let pos = Position {
                status,
                ..at(4, full())
            };
            for (mv, who) in [
                (Move::Pass, Mover::DecidingOffice),
                (Move::Consent, Mover::Silence),
                (Move::Withdraw, Mover::Applicant),
                (Move::Appeal, Mover::Applicant),
            ] {
                assert_eq!(pos.apply(&def, &mv, who), Err(Refusal::Final));
            }
        }
    }

    #[test]
    fn a_rejection_is_appealed_once_and_the_national_body_decides() {
        let def = standard_mark();
        let t = at(2, full())
            .apply(&def, &rejection(), Mover::DecidingOffice)
            .unwrap();
        assert_eq!(
            (t.status, t.closes),
            (Status::Rejected, Some((2, StepOutcome::Rejected)))
        );
        let rejected = Position {
            status: Status::Rejected,
            ..at(2, full())
        };
        let t = rejected
            .apply(&def, &Move::Appeal, Mover::Applicant)
            .unwrap();
        assert_eq!(t.status, Status::Appealed);
        let appealed = Position {
            status: Status::Appealed,
            appealed_once: true,
            ..at(2, full())
        };
        assert_eq!(
            appealed.apply(&def, &Move::Reopen, Mover::DecidingOffice),
            Err(Refusal::NotYourTurn)
        );
        let t = appealed
            .apply(&def, &Move::Reopen, Mover::NationalBody)
            .unwrap();
        assert_eq!((t.status, t.starts), (Status::InProgress, Some((2, 15))));
        let upheld = Position {
            status: Status::Rejected,
            appealed_once: true,
            ..at(2, full())
        };
        assert_eq!(
            upheld.apply(&def, &Move::Appeal, Mover::Applicant),
            Err(Refusal::AppealUsed)
        );
        assert_eq!(
            upheld.apply(&def, &Move::Pass, Mover::DecidingOffice),
            Err(Refusal::Final)
        );
    }

    #[test]
    fn a_rejection_without_a_condition_cannot_be_made() {
        let def = standard_mark();
        let errs = Rejection::new(&def, &[], "دلیل").unwrap_err();
        assert_eq!(errs[0].field, "conditions");
        assert_eq!(errs[0].code, "condition_required");
        let errs = Rejection::new(&def, &[1, 9], "دلیل").unwrap_err();
        assert_eq!(
            (errs[0].code, errs[0].detail.as_deref()),
            ("unknown_condition", Some("9"))
        );
        let errs = Rejection::new(&def, &[1], "  ").unwrap_err();
        assert_eq!(errs[0].field, "explanation");
        assert_eq!(
            Rejection::new(&def, &[1, 1], "x").unwrap().conditions,
            vec![1]
        );
    }
}
