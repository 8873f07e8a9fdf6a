//! Advice before enforcement (issue 20, item 5): a rule violation, or a capability below the
//! unit's target, becomes an advice to the unit's QC managers; the unit acknowledges it and
//! records the cause and the action. Only an advice left unanswered, or whose violation
//! persists, reaches the provincial office (`escalation`).
//!
//! ```text
//! open ──acknowledge──▶ acknowledged ──answer──▶ answered ──close──▶ closed
//!   └──────────────────answer (acknowledges too)────▶┘
//! ```
//!
//! Escalation is not a state: an advice is escalated (once) beside its state, and goes on
//! through acknowledged and answered to closed.
//!
//! One advice per problem: a new violation of the same rule on the same chart of a
//! characteristic (or a capability still below target) while an advice about it is not
//! closed is attached to it ([`place`]), not opened as a new one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tashil_spc::{Rule, Violation};

use crate::kernel::FieldError;

/// Which chart of a characteristic a violation is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Chart {
    /// X̄, I, p, np, c or u.
    Primary,
    /// R, S or MR.
    Dispersion,
}

/// The capability index compared with the unit's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapabilityIndex {
    Cp,
    Cpk,
    Pp,
    Ppk,
}

/// What raised an advice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Trigger {
    /// A run rule fired on one chart.
    Violation { chart: Chart, rule: Rule },
    /// A capability index fell below the unit's target for the characteristic.
    Capability {
        index: CapabilityIndex,
        estimate: f64,
        target: f64,
    },
}

impl Trigger {
    /// Whether a later finding is the same problem (same rule on the same chart, or the same
    /// capability index), whatever the values.
    pub fn same_problem(&self, other: &Trigger) -> bool {
        match (self, other) {
            (
                Trigger::Violation { chart, rule },
                Trigger::Violation {
                    chart: c2,
                    rule: r2,
                },
            ) => chart == c2 && rule == r2,
            (Trigger::Capability { index, .. }, Trigger::Capability { index: i2, .. }) => {
                index == i2
            }
            _ => false,
        }
    }

    /// Stable code for storage and message keys: the rule's code (`beyond_limits`, …) or
    /// `capability_cpk`, ….
    pub fn code(&self) -> &'static str {
        match self {
            Trigger::Violation { rule, .. } => rule.code(),
            Trigger::Capability { index, .. } => match index {
                CapabilityIndex::Cp => "capability_cp",
                CapabilityIndex::Cpk => "capability_cpk",
                CapabilityIndex::Pp => "capability_pp",
                CapabilityIndex::Ppk => "capability_ppk",
            },
        }
    }

    /// The message key of the check suggested to the unit for this trigger
    /// (`quality-check-beyond-limits`, …; the messages live with the quality pages).
    pub fn suggested_check_key(&self) -> String {
        format!("quality-check-{}", self.code().replace('_', "-"))
    }
}

/// The subgroups a finding names, by their position in the characteristic's series (time
/// order): the point where the pattern completes and the first of its window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Points {
    pub first: u64,
    pub point: u64,
}

impl From<&Violation> for Points {
    fn from(v: &Violation) -> Self {
        Points {
            first: v.first as u64,
            point: v.point as u64,
        }
    }
}

/// Where an advice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Open,
    Acknowledged,
    Answered,
    Closed,
}

impl State {
    pub const ALL: [State; 4] = [
        State::Open,
        State::Acknowledged,
        State::Answered,
        State::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Acknowledged => "acknowledged",
            State::Answered => "answered",
            State::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        Self::ALL.into_iter().find(|x| x.as_str() == s.trim())
    }
}

/// Why an advice reached the provincial office's quality queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationReason {
    /// Not answered within the working days allowed.
    Unanswered,
    /// The violation still held the given number of subgroups after the advice opened.
    Persisting,
}

impl EscalationReason {
    pub fn as_str(self) -> &'static str {
        match self {
            EscalationReason::Unanswered => "unanswered",
            EscalationReason::Persisting => "persisting",
        }
    }
}

/// The unit's answer: what caused it and what was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub cause: String,
    pub action: String,
    pub on: NaiveDate,
}

/// One advice. Dates are local dates of the unit's province (the caller's clock).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    pub characteristic: i64,
    pub trigger: Trigger,
    pub state: State,
    pub opened_on: NaiveDate,
    /// The finding that opened it, then each one attached, in the order they came.
    pub findings: Vec<Points>,
    pub acknowledged_on: Option<NaiveDate>,
    pub answer: Option<Answer>,
    pub closed_on: Option<NaiveDate>,
    pub escalated: Option<(NaiveDate, EscalationReason)>,
}

/// The longest cause or action a unit may write.
pub const MAX_TEXT: usize = 4000;

/// A transition refused: the advice is not in a state that allows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdviceError {
    /// Acknowledging an advice that is not open.
    NotOpen,
    /// Answering an advice already answered or closed.
    AlreadyAnswered,
    /// Closing an advice not answered yet.
    NotAnswered,
    /// Attaching to, escalating or closing a closed advice.
    Closed,
    /// Escalating an advice already escalated.
    AlreadyEscalated,
    /// A date before the advice's last event.
    DateBeforeLast,
}

impl AdviceError {
    pub const ALL: [AdviceError; 6] = [
        AdviceError::NotOpen,
        AdviceError::AlreadyAnswered,
        AdviceError::NotAnswered,
        AdviceError::Closed,
        AdviceError::AlreadyEscalated,
        AdviceError::DateBeforeLast,
    ];

    /// Stable snake_case code (message key `err-…` through `web::error_render::key_of`).
    pub fn code(self) -> &'static str {
        match self {
            AdviceError::NotOpen => "advice_not_open",
            AdviceError::AlreadyAnswered => "advice_already_answered",
            AdviceError::NotAnswered => "advice_not_answered",
            AdviceError::Closed => "advice_closed",
            AdviceError::AlreadyEscalated => "advice_already_escalated",
            AdviceError::DateBeforeLast => "advice_date_before_last",
        }
    }
}

impl Advice {
    /// A new advice about `trigger`, found at `points` on `on`.
    pub fn open(characteristic: i64, trigger: Trigger, points: Points, on: NaiveDate) -> Advice {
        Advice {
            characteristic,
            trigger,
            state: State::Open,
            opened_on: on,
            findings: vec![points],
            acknowledged_on: None,
            answer: None,
            closed_on: None,
            escalated: None,
        }
    }

    pub fn is_closed(&self) -> bool {
        self.state == State::Closed
    }

    pub fn is_answered(&self) -> bool {
        self.answer.is_some()
    }

    /// The subgroup that opened the advice.
    pub fn first_point(&self) -> u64 {
        self.findings[0].point
    }

    /// The latest subgroup at which the problem was found again (the opening one if never).
    pub fn last_point(&self) -> u64 {
        self.findings
            .iter()
            .map(|f| f.point)
            .max()
            .unwrap_or_default()
    }

    /// How many subgroups after the opening one the problem was still found: what
    /// [`super::escalation::decide`] compares with the persistence threshold.
    pub fn subgroups_since(&self) -> u64 {
        self.last_point() - self.first_point()
    }

    fn last_event(&self) -> NaiveDate {
        [
            Some(self.opened_on),
            self.acknowledged_on,
            self.answer.as_ref().map(|a| a.on),
            self.closed_on,
            self.escalated.map(|e| e.0),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(self.opened_on)
    }

    fn not_before_last(&self, on: NaiveDate) -> Result<(), AdviceError> {
        if on < self.last_event() {
            return Err(AdviceError::DateBeforeLast);
        }
        Ok(())
    }

    /// The unit has seen it.
    pub fn acknowledge(&mut self, on: NaiveDate) -> Result<(), AdviceError> {
        if self.state != State::Open {
            return Err(AdviceError::NotOpen);
        }
        self.not_before_last(on)?;
        self.state = State::Acknowledged;
        self.acknowledged_on = Some(on);
        Ok(())
    }

    /// The unit records the cause and the action (acknowledging it if it had not). Text is
    /// checked by [`AnswerDraft::validate`] first.
    pub fn answer(&mut self, answer: Answer) -> Result<(), AdviceError> {
        match self.state {
            State::Open | State::Acknowledged => {}
            State::Answered => return Err(AdviceError::AlreadyAnswered),
            State::Closed => return Err(AdviceError::Closed),
        }
        self.not_before_last(answer.on)?;
        self.acknowledged_on.get_or_insert(answer.on);
        self.state = State::Answered;
        self.answer = Some(answer);
        Ok(())
    }

    /// Closed once answered (by the unit when the process is back in control, or by the
    /// office after an escalation).
    pub fn close(&mut self, on: NaiveDate) -> Result<(), AdviceError> {
        match self.state {
            State::Answered => {}
            State::Closed => return Err(AdviceError::Closed),
            State::Open | State::Acknowledged => return Err(AdviceError::NotAnswered),
        }
        self.not_before_last(on)?;
        self.state = State::Closed;
        self.closed_on = Some(on);
        Ok(())
    }

    /// The problem was found again (duplicate suppression: see [`place`]).
    pub fn attach(&mut self, points: Points) -> Result<(), AdviceError> {
        if self.is_closed() {
            return Err(AdviceError::Closed);
        }
        if !self.findings.contains(&points) {
            self.findings.push(points);
        }
        Ok(())
    }

    /// Sent to the provincial office's quality queue (what `escalation::decide` said).
    pub fn escalate(&mut self, on: NaiveDate, reason: EscalationReason) -> Result<(), AdviceError> {
        if self.is_closed() {
            return Err(AdviceError::Closed);
        }
        if self.escalated.is_some() {
            return Err(AdviceError::AlreadyEscalated);
        }
        self.not_before_last(on)?;
        self.escalated = Some((on, reason));
        Ok(())
    }

    /// Whether the province may see it: only once escalated.
    pub fn visible_to_province(&self) -> bool {
        self.escalated.is_some()
    }
}

/// Where a new finding goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Attached to the advice at this position of the list given.
    Attach(usize),
    /// A new advice.
    Open,
}

/// Where a finding about `trigger` on `characteristic` goes, given the advices of the unit
/// (any order, any characteristic): attached to the one not closed about the same problem,
/// else a new one. Were there several (not by this function), the oldest is chosen.
pub fn place(advices: &[Advice], characteristic: i64, trigger: &Trigger) -> Placement {
    advices
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.characteristic == characteristic && !a.is_closed() && a.trigger.same_problem(trigger)
        })
        .min_by_key(|(i, a)| (a.opened_on, a.first_point(), *i))
        .map_or(Placement::Open, |(i, _)| Placement::Attach(i))
}

/// Applies a finding: attaches it to the advice about the same problem or opens a new one,
/// pushed on `advices`. Returns the position of the advice and whether it is new.
pub fn record(
    advices: &mut Vec<Advice>,
    characteristic: i64,
    trigger: Trigger,
    points: Points,
    on: NaiveDate,
) -> (usize, bool) {
    match place(advices, characteristic, &trigger) {
        Placement::Attach(i) => {
            // `place` chose an advice not closed: attaching cannot fail.
            let _ = advices[i].attach(points);
            (i, false)
        }
        Placement::Open => {
            advices.push(Advice::open(characteristic, trigger, points, on));
            (advices.len() - 1, true)
        }
    }
}

/// The findings of one new subgroup's evaluation, as triggers: each violation of the
/// primary and the dispersion chart (from `tashil_spc::Update`).
pub fn findings(primary: &[Violation], dispersion: &[Violation]) -> Vec<(Trigger, Points)> {
    let of = |chart: Chart| {
        move |v: &Violation| {
            (
                Trigger::Violation {
                    chart,
                    rule: v.rule,
                },
                Points::from(v),
            )
        }
    };
    primary
        .iter()
        .map(of(Chart::Primary))
        .chain(dispersion.iter().map(of(Chart::Dispersion)))
        .collect()
}

/// The capability finding, if the estimate is below the unit's target (a missing or
/// non-finite estimate is no finding: not enough data yet).
pub fn capability_finding(index: CapabilityIndex, estimate: f64, target: f64) -> Option<Trigger> {
    (estimate.is_finite() && target.is_finite() && estimate < target).then_some(
        Trigger::Capability {
            index,
            estimate,
            target,
        },
    )
}

/// The unit's answer as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AnswerDraft {
    #[serde(default)]
    pub cause: String,
    #[serde(default)]
    pub action: String,
}

impl AnswerDraft {
    /// Both fields required and at most [`MAX_TEXT`] characters, each error naming its field.
    pub fn validate(&self, on: NaiveDate) -> Result<Answer, Vec<FieldError>> {
        let mut errs = Vec::new();
        for (field, text) in [("cause", &self.cause), ("action", &self.action)] {
            let t = text.trim();
            if t.is_empty() {
                errs.push(FieldError::new(field, "required"));
            } else if t.chars().count() > MAX_TEXT {
                errs.push(FieldError::new(field, "too_long"));
            }
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Answer {
            cause: self.cause.trim().to_string(),
            action: self.action.trim().to_string(),
            on,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn beyond() -> Trigger {
        Trigger::Violation {
            chart: Chart::Primary,
            rule: Rule::BeyondLimits,
        }
    }

    fn at(point: u64) -> Points {
        Points {
            first: point,
            point,
        }
    }

    fn answer(on: NaiveDate) -> Answer {
        AnswerDraft {
            cause: " worn tool ".into(),
            action: "tool changed".into(),
        }
        .validate(on)
        .unwrap()
    }

    #[test]
    fn states_follow_open_acknowledged_answered_closed() {
        let mut a = Advice::open(7, beyond(), at(12), day(1));
        assert_eq!(a.state, State::Open);
        assert_eq!(a.close(day(2)), Err(AdviceError::NotAnswered));
        a.acknowledge(day(2)).unwrap();
        assert_eq!(a.acknowledge(day(2)), Err(AdviceError::NotOpen));
        assert_eq!(a.close(day(2)), Err(AdviceError::NotAnswered));
        a.answer(answer(day(3))).unwrap();
        assert_eq!(a.state, State::Answered);
        assert_eq!(a.answer.as_ref().unwrap().cause, "worn tool");
        assert_eq!(a.acknowledged_on, Some(day(2)));
        assert_eq!(a.answer(answer(day(3))), Err(AdviceError::AlreadyAnswered));
        assert_eq!(a.acknowledge(day(3)), Err(AdviceError::NotOpen));
        a.close(day(4)).unwrap();
        assert_eq!(a.state, State::Closed);
        assert_eq!(a.close(day(4)), Err(AdviceError::Closed));
        assert_eq!(a.answer(answer(day(5))), Err(AdviceError::Closed));
        assert_eq!(a.attach(at(13)), Err(AdviceError::Closed));
        assert_eq!(
            a.escalate(day(5), EscalationReason::Persisting),
            Err(AdviceError::Closed)
        );
    }

    #[test]
    fn answering_an_open_advice_acknowledges_it_on_the_same_day() {
        let mut a = Advice::open(7, beyond(), at(3), day(1));
        a.answer(answer(day(4))).unwrap();
        assert_eq!(a.acknowledged_on, Some(day(4)));
        assert_eq!(a.state, State::Answered);
    }

    #[test]
    fn events_cannot_go_back_in_time() {
        let mut a = Advice::open(7, beyond(), at(3), day(10));
        assert_eq!(a.acknowledge(day(9)), Err(AdviceError::DateBeforeLast));
        a.acknowledge(day(10)).unwrap();
        a.escalate(day(12), EscalationReason::Unanswered).unwrap();
        assert_eq!(a.answer(answer(day(11))), Err(AdviceError::DateBeforeLast));
        a.answer(answer(day(12))).unwrap();
        assert_eq!(a.state, State::Answered);
    }

    #[test]
    fn escalation_happens_once_beside_the_state() {
        let mut a = Advice::open(7, beyond(), at(3), day(1));
        assert!(!a.visible_to_province());
        a.escalate(day(9), EscalationReason::Unanswered).unwrap();
        assert!(a.visible_to_province());
        assert_eq!(a.state, State::Open);
        assert_eq!(
            a.escalate(day(9), EscalationReason::Persisting),
            Err(AdviceError::AlreadyEscalated)
        );
        a.acknowledge(day(9)).unwrap();
        a.answer(answer(day(10))).unwrap();
        a.close(day(11)).unwrap();
        assert!(a.visible_to_province());
    }

    #[test]
    fn the_same_rule_on_the_same_characteristic_attaches_while_not_closed() {
        let mut advices = Vec::new();
        let (i, new) = record(&mut advices, 7, beyond(), at(10), day(1));
        assert_eq!((i, new), (0, true));
        // Again the same rule, same chart, same characteristic: attached.
        assert_eq!(
            record(&mut advices, 7, beyond(), at(11), day(2)),
            (0, false)
        );
        // The same finding twice (a resent evaluation) is kept once.
        assert_eq!(
            record(&mut advices, 7, beyond(), at(11), day(2)),
            (0, false)
        );
        assert_eq!(advices[0].findings, vec![at(10), at(11)]);
        assert_eq!(advices[0].subgroups_since(), 1);
        // Another characteristic, another rule, the dispersion chart: new advices.
        assert_eq!(record(&mut advices, 8, beyond(), at(11), day(2)), (1, true));
        let trend = Trigger::Violation {
            chart: Chart::Primary,
            rule: Rule::SixTrending,
        };
        assert_eq!(
            record(
                &mut advices,
                7,
                trend,
                Points {
                    first: 6,
                    point: 11
                },
                day(2)
            ),
            (2, true)
        );
        let range = Trigger::Violation {
            chart: Chart::Dispersion,
            rule: Rule::BeyondLimits,
        };
        assert_eq!(record(&mut advices, 7, range, at(11), day(2)), (3, true));
        // Answered is not closed: still attaches.
        advices[0].answer(answer(day(3))).unwrap();
        assert_eq!(
            record(&mut advices, 7, beyond(), at(20), day(4)),
            (0, false)
        );
        assert_eq!(advices[0].subgroups_since(), 10);
        // Closed: a new advice.
        advices[0].close(day(5)).unwrap();
        assert_eq!(record(&mut advices, 7, beyond(), at(30), day(6)), (4, true));
        assert_eq!(advices[4].first_point(), 30);
    }

    #[test]
    fn capability_below_target_is_one_advice_per_index() {
        assert_eq!(capability_finding(CapabilityIndex::Cpk, 1.33, 1.33), None);
        assert_eq!(
            capability_finding(CapabilityIndex::Cpk, f64::NAN, 1.33),
            None
        );
        let low = capability_finding(CapabilityIndex::Cpk, 1.1, 1.33).unwrap();
        assert_eq!(low.code(), "capability_cpk");
        assert_eq!(low.suggested_check_key(), "quality-check-capability-cpk");
        let mut advices = Vec::new();
        record(&mut advices, 7, low, at(40), day(1));
        let lower = capability_finding(CapabilityIndex::Cpk, 0.9, 1.33).unwrap();
        assert_eq!(record(&mut advices, 7, lower, at(45), day(2)), (0, false));
        let ppk = capability_finding(CapabilityIndex::Ppk, 0.9, 1.33).unwrap();
        assert_eq!(record(&mut advices, 7, ppk, at(45), day(2)), (1, true));
        // A violation is never the same problem as a capability.
        assert!(!beyond().same_problem(&advices[0].trigger));
    }

    #[test]
    fn the_oldest_open_advice_about_a_problem_is_chosen() {
        let advices = vec![
            Advice::open(7, beyond(), at(20), day(3)),
            Advice::open(7, beyond(), at(10), day(2)),
        ];
        assert_eq!(place(&advices, 7, &beyond()), Placement::Attach(1));
        assert_eq!(place(&advices, 9, &beyond()), Placement::Open);
    }

    #[test]
    fn findings_name_the_chart_and_the_window() {
        let v = Violation {
            point: 14,
            rule: Rule::NineOnOneSide,
            first: 6,
        };
        let r = Violation {
            point: 14,
            rule: Rule::BeyondLimits,
            first: 14,
        };
        let f = findings(&[v], &[r]);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0],
            (
                Trigger::Violation {
                    chart: Chart::Primary,
                    rule: Rule::NineOnOneSide
                },
                Points {
                    first: 6,
                    point: 14
                }
            )
        );
        assert_eq!(
            f[1].0,
            Trigger::Violation {
                chart: Chart::Dispersion,
                rule: Rule::BeyondLimits
            }
        );
        assert_eq!(
            f[0].0.suggested_check_key(),
            "quality-check-nine-on-one-side"
        );
    }

    #[test]
    fn an_answer_needs_a_cause_and_an_action_each_named() {
        let errs = AnswerDraft {
            cause: "  ".into(),
            action: "x".repeat(MAX_TEXT + 1),
        }
        .validate(day(1))
        .unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(
            (errs[0].field.as_str(), errs[0].code),
            ("cause", "required")
        );
        assert_eq!(
            (errs[1].field.as_str(), errs[1].code),
            ("action", "too_long")
        );
        assert!(
            AnswerDraft {
                cause: "c".into(),
                action: "x".repeat(MAX_TEXT),
            }
            .validate(day(1))
            .is_ok()
        );
    }

    #[test]
    fn states_and_triggers_round_trip() {
        for s in State::ALL {
            assert_eq!(State::parse(s.as_str()), Some(s));
        }
        let mut a = Advice::open(7, beyond(), at(3), day(1));
        a.escalate(day(9), EscalationReason::Persisting).unwrap();
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains(r#""kind":"violation""#), "{json}");
        assert!(json.contains(r#""rule":"beyond_limits""#), "{json}");
        assert_eq!(serde_json::from_str::<Advice>(&json).unwrap(), a);
        let codes: std::collections::BTreeSet<_> =
            AdviceError::ALL.iter().map(|e| e.code()).collect();
        assert_eq!(codes.len(), AdviceError::ALL.len());
    }
}
