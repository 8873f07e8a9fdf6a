//! The verdict on a result against its clause, under the decision rule the request chose
//! (ISO/IEC 17025:2017 §7.8.6; ILAC-G8:09/2019), and the verdict of a whole report.
//!
//! A result is first stated in the clause's unit (UN/ECE Rec 20 codes; the uncertainty is an
//! interval, converted without a temperature's offset); units of different quantities are an
//! error naming both, never a verdict.

use serde::{Deserialize, Serialize};

use super::limit::{Limit, Requirement};
use super::measure::{DIGITS, Measured, Measurement};

/// How the measurement uncertainty is taken into account when a result is compared with a
/// limit (ISO/IEC 17025 §3.7, §7.1.3: agreed with the customer, here chosen per request).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionRule {
    /// Shared risk (ILAC-G8 §4.2.1): the measured value alone decides; the uncertainty is
    /// reported, not used. A value on an inclusive limit passes.
    SimpleAcceptance,
    /// Guard band w = U (ILAC-G8 §4.2.2, §4.2.3): the acceptance zone shrinks by U inside
    /// each limit and the rejection zone grows by U outside it; a value in the band between,
    /// whose coverage interval straddles the limit, is inconclusive.
    GuardBanded,
}

impl DecisionRule {
    pub const ALL: [DecisionRule; 2] = [DecisionRule::SimpleAcceptance, DecisionRule::GuardBanded];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionRule::SimpleAcceptance => "simple_acceptance",
            DecisionRule::GuardBanded => "guard_banded",
        }
    }

    pub fn parse(s: &str) -> Option<DecisionRule> {
        Self::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// Its name in `locales/*/conformity.ftl`.
    pub fn key(self) -> &'static str {
        match self {
            DecisionRule::SimpleAcceptance => "conformity-rule-simple-acceptance",
            DecisionRule::GuardBanded => "conformity-rule-guard-banded",
        }
    }
}

/// The statement of conformity for one clause (ISO/IEC 17025 §7.8.6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pass,
    Fail,
    /// The uncertainty straddles a limit: neither pass nor fail can be stated under a guard
    /// band.
    Inconclusive,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Pass, Verdict::Fail, Verdict::Inconclusive];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Inconclusive => "inconclusive",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        Self::ALL.into_iter().find(|v| v.as_str() == s.trim())
    }

    /// Its name in `locales/*/conformity.ftl`.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Pass => "conformity-verdict-pass",
            Verdict::Fail => "conformity-verdict-fail",
            Verdict::Inconclusive => "conformity-verdict-inconclusive",
        }
    }
}

/// Why a result cannot be judged against its clause.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JudgeError {
    /// The result's unit and the clause's measure different quantities (codes of both).
    #[error("a result in {from} cannot be stated in {to}")]
    UnitInconvertible { from: String, to: String },
    /// Finite as reported, not in the clause's unit (10³⁰⁰ t in µg).
    #[error("the value is out of range in the clause's unit")]
    ValueOutOfRange,
    /// A value given for a clause that lists allowed values only.
    #[error("the clause takes one of its allowed values")]
    CategoryExpected,
    /// A category given for a clause with limits only.
    #[error("the clause takes a measured value")]
    NumberExpected,
    /// A guard band is the uncertainty: without one there is none.
    #[error("the guard-banded rule needs the expanded uncertainty")]
    UncertaintyRequired,
}

impl JudgeError {
    /// Stable code; the message is `err-` and the code in kebab case, in `locales/`.
    pub fn code(&self) -> &'static str {
        match self {
            JudgeError::UnitInconvertible { .. } => "unit_inconvertible",
            JudgeError::ValueOutOfRange => "value_out_of_range",
            JudgeError::CategoryExpected => "category_expected",
            JudgeError::NumberExpected => "number_expected",
            JudgeError::UncertaintyRequired => "uncertainty_required",
        }
    }

    /// The message's arguments: the two units' symbols (`$from`, `$to`).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let symbol = |code: &str| {
            tashil_reference::uom::uom(code)
                .map_or_else(|| code.to_string(), |u| u.symbol.to_string())
        };
        match self {
            JudgeError::UnitInconvertible { from, to } => {
                vec![("from", symbol(from)), ("to", symbol(to))]
            }
            _ => vec![],
        }
    }
}

/// A verdict and, for a measured value, the result as it was judged: in the clause's unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub in_clause_unit: Option<Measurement>,
}

/// The verdict on `measured` against `requirement` under `rule`. A category is judged by the
/// allowed values (the rule has no part: there is no uncertainty on a category).
pub fn judge(
    requirement: &Requirement,
    measured: &Measured,
    rule: DecisionRule,
) -> Result<Judgement, JudgeError> {
    match measured {
        Measured::Category(c) => {
            if requirement.allowed().is_empty() {
                return Err(JudgeError::NumberExpected);
            }
            let verdict = if requirement.allowed().iter().any(|a| c.is(a)) {
                Verdict::Pass
            } else {
                Verdict::Fail
            };
            Ok(Judgement {
                verdict,
                in_clause_unit: None,
            })
        }
        Measured::Quantity(m) => {
            let (limit, unit) = requirement.limit().ok_or(JudgeError::CategoryExpected)?;
            let m = in_clause_unit(m, unit)?;
            let verdict = match rule {
                DecisionRule::SimpleAcceptance => simple_acceptance(&limit, m.value()),
                DecisionRule::GuardBanded => guard_banded(
                    &limit,
                    m.value(),
                    m.uncertainty().ok_or(JudgeError::UncertaintyRequired)?,
                ),
            };
            Ok(Judgement {
                verdict,
                in_clause_unit: Some(m),
            })
        }
    }
}

/// The result stated in the clause's unit, or why it cannot be.
fn in_clause_unit(m: &Measurement, unit: &'static str) -> Result<Measurement, JudgeError> {
    if !tashil_reference::uom::convertible(m.unit(), unit) {
        return Err(JudgeError::UnitInconvertible {
            from: m.unit().to_string(),
            to: unit.to_string(),
        });
    }
    m.in_unit(unit).ok_or(JudgeError::ValueOutOfRange)
}

/// Simple acceptance (ILAC-G8 §4.2.1): pass when the measured value is within the limit.
pub fn simple_acceptance(limit: &Limit, value: f64) -> Verdict {
    if limit.admits(value) {
        Verdict::Pass
    } else {
        Verdict::Fail
    }
}

/// Guard-banded acceptance with w = U (ILAC-G8 §4.2.2; the three outcomes are §4.2.3's
/// conditional pass and conditional fail taken together as inconclusive): pass when the whole coverage
/// interval [x − U, x + U] is within the limit (x is at least U inside each bound); fail when
/// the whole interval is beyond one bound (x is more than U outside it); inconclusive
/// otherwise. With U = 0 this is simple acceptance.
///
/// An inclusive bound keeps its meaning at the interval's ends: under "at most 10", 9.5 ± 0.5
/// passes (its end 10 is within) and 10.5 ± 0.5 is inconclusive (its end 10 is within, so not
/// all of the interval is beyond). The ends are rounded to 12 significant digits, so that a
/// decimal value and uncertainty give the decimal end (under "at most 0.3", 0.1 ± 0.2 ends on
/// 0.3 and passes, though 0.1 + 0.2 is 0.30000000000000004 in binary).
pub fn guard_banded(limit: &Limit, value: f64, uncertainty: f64) -> Verdict {
    let (low, high) = if uncertainty == 0.0 {
        (value, value)
    } else {
        let round = |x| tashil_reference::uom::round_significant(x, DIGITS);
        (round(value - uncertainty), round(value + uncertainty))
    };
    if limit.admits(low) && limit.admits(high) {
        Verdict::Pass
    } else if limit.below(high) || limit.above(low) {
        Verdict::Fail
    } else {
        Verdict::Inconclusive
    }
}

/// The verdict of a report over its clauses, and which clauses decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportVerdict {
    /// Fail if any clause fails; else inconclusive if any is; else pass.
    pub verdict: Verdict,
    /// The clauses that failed, in the report's order.
    pub failed: Vec<String>,
    /// The clauses that were inconclusive, in the report's order.
    pub inconclusive: Vec<String>,
}

/// The report's verdict from each clause's (by its number). A report that judged no clause
/// has none: `None`, not a pass nobody earned.
pub fn report_verdict<'a>(
    clauses: impl IntoIterator<Item = (&'a str, Verdict)>,
) -> Option<ReportVerdict> {
    let mut any = false;
    let (mut failed, mut inconclusive) = (vec![], vec![]);
    for (clause, verdict) in clauses {
        any = true;
        match verdict {
            Verdict::Fail => failed.push(clause.to_string()),
            Verdict::Inconclusive => inconclusive.push(clause.to_string()),
            Verdict::Pass => {}
        }
    }
    let verdict = if !failed.is_empty() {
        Verdict::Fail
    } else if !inconclusive.is_empty() {
        Verdict::Inconclusive
    } else {
        Verdict::Pass
    };
    any.then_some(ReportVerdict {
        verdict,
        failed,
        inconclusive,
    })
}

#[cfg(test)]
mod tests;
