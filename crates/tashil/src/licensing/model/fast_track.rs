//! The fast track (seed 000, "Standard Supports Production": easier issue and renewal for
//! high-quality units): rules as data over the unit's record. A rule holds when every fact
//! it names holds; the application keeps the rule and the facts that satisfied it, so the
//! shortcut can be audited.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::definition::{PermitDefinition, StepKind, Tri};
use crate::kernel::FieldError;

/// A fact about a unit a rule may require.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", tag = "fact", content = "value")]
pub enum Fact {
    /// No failed test and no suspended or revoked licence in this many months.
    NoFailureMonths(u16),
    /// A valid ISO 9001 certificate on the day of application.
    Iso9001,
    /// Recognised as an exemplary unit (within the last three years).
    Exemplary,
    /// The unit's risk class is low.
    LowRisk,
}

/// What a rule does to the steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", tag = "effect", content = "value")]
pub enum Effect {
    /// These steps are passed over.
    Skip(Vec<String>),
    /// This step's deadline becomes this many working days.
    Shorten { step: String, days: u16 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FastTrackRule {
    pub code: String,
    pub name: Tri,
    pub all_of: Vec<Fact>,
    pub effect: Effect,
}

/// What is known of a unit on the day it applies, gathered from the contexts that hold it.
/// A fact no context can tell yet is `None`: it never satisfies a rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UnitRecord {
    /// The last failed test, suspension or revocation, if any.
    pub last_failure: Option<NaiveDate>,
    /// Whether the record of failures is known at all.
    pub failures_known: bool,
    pub iso9001_valid_until: Option<NaiveDate>,
    pub exemplary_since: Option<NaiveDate>,
    pub low_risk: Option<bool>,
}

/// Which rule applied and the facts, in words a reviewer reads, that made it apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Applied {
    pub rule: String,
    pub facts: Vec<Fact>,
    pub record: UnitRecord,
}

fn months_before(day: NaiveDate, months: u16) -> NaiveDate {
    day.checked_sub_months(chrono::Months::new(months.into()))
        .unwrap_or(NaiveDate::MIN)
}

impl Fact {
    pub fn holds(&self, record: &UnitRecord, today: NaiveDate) -> bool {
        match self {
            Fact::NoFailureMonths(m) => {
                record.failures_known
                    && record
                        .last_failure
                        .is_none_or(|d| d < months_before(today, *m))
            }
            Fact::Iso9001 => record.iso9001_valid_until.is_some_and(|d| d >= today),
            Fact::Exemplary => record
                .exemplary_since
                .is_some_and(|d| d >= months_before(today, 36) && d <= today),
            Fact::LowRisk => record.low_risk == Some(true),
        }
    }
}

impl FastTrackRule {
    pub(super) fn check(&self, field: &str, def: &PermitDefinition, errs: &mut Vec<FieldError>) {
        if self.code.is_empty() || self.code.len() > 40 {
            errs.push(FieldError::new(format!("{field}.code"), "invalid_code"));
        }
        if self.all_of.is_empty() {
            errs.push(FieldError::new(format!("{field}.all_of"), "required"));
        }
        let named = match &self.effect {
            Effect::Skip(codes) if codes.is_empty() => {
                errs.push(FieldError::new(format!("{field}.effect"), "required"));
                vec![]
            }
            Effect::Skip(codes) => codes.iter().collect(),
            Effect::Shorten { step, days } => {
                if *days == 0 {
                    errs.push(FieldError::new(format!("{field}.effect"), "out_of_range"));
                }
                vec![step]
            }
        };
        for code in named {
            match def.step_index(code).map(|i| def.steps[i].kind) {
                None => errs.push(FieldError::new(format!("{field}.effect"), "unknown_step")),
                // A licence is never issued without someone issuing it.
                Some(StepKind::Issue) if matches!(self.effect, Effect::Skip(_)) => {
                    errs.push(FieldError::new(format!("{field}.effect"), "issue_kept"))
                }
                Some(_) => {}
            }
        }
    }
}

/// The first rule (in the definition's order) whose facts all hold.
pub fn first_applying(
    def: &PermitDefinition,
    record: &UnitRecord,
    today: NaiveDate,
) -> Option<Applied> {
    def.fast_track
        .iter()
        .find(|r| r.all_of.iter().all(|f| f.holds(record, today)))
        .map(|r| Applied {
            rule: r.code.clone(),
            facts: r.all_of.clone(),
            record: record.clone(),
        })
}

/// The plan of an application: for each step, skipped or its deadline in working days.
pub fn plan(def: &PermitDefinition, applied: Option<&Applied>) -> Vec<Option<u16>> {
    let rule = applied.and_then(|a| def.fast_track.iter().find(|r| r.code == a.rule));
    def.steps
        .iter()
        .map(|s| match rule.map(|r| &r.effect) {
            Some(Effect::Skip(codes)) if codes.contains(&s.code) => None,
            Some(Effect::Shorten { step, days }) if *step == s.code => {
                Some((*days).min(s.deadline_days))
            }
            _ => Some(s.deadline_days),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::licensing::model::definition::tests::standard_mark;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn good() -> UnitRecord {
        UnitRecord {
            last_failure: Some(day("2023-01-10")),
            failures_known: true,
            iso9001_valid_until: Some(day("2027-05-01")),
            exemplary_since: None,
            low_risk: None,
        }
    }

    #[test]
    fn a_unit_that_meets_every_fact_takes_the_rule_and_keeps_its_facts() {
        let def = standard_mark();
        let applied = first_applying(&def, &good(), day("2026-12-06")).unwrap();
        assert_eq!(applied.rule, "quality");
        assert_eq!(applied.record, good());
        assert_eq!(
            plan(&def, Some(&applied)),
            vec![Some(5), None, Some(15), Some(5), Some(2)]
        );
    }

    #[test]
    fn one_missing_fact_is_enough_to_take_the_ordinary_road() {
        let def = standard_mark();
        let today = day("2026-12-06");
        let recent_failure = UnitRecord {
            last_failure: Some(day("2025-01-10")),
            ..good()
        };
        let expired_iso = UnitRecord {
            iso9001_valid_until: Some(day("2026-12-05")),
            ..good()
        };
        let unknown = UnitRecord {
            failures_known: false,
            last_failure: None,
            ..good()
        };
        for record in [recent_failure, expired_iso, unknown] {
            assert_eq!(first_applying(&def, &record, today), None, "{record:?}");
        }
        assert_eq!(
            plan(&def, None),
            vec![Some(5), Some(10), Some(15), Some(5), Some(2)]
        );
    }

    #[test]
    fn a_failure_exactly_24_months_ago_still_counts() {
        let rec = UnitRecord {
            last_failure: Some(day("2024-12-06")),
            ..good()
        };
        assert!(!Fact::NoFailureMonths(24).holds(&rec, day("2026-12-06")));
        assert!(Fact::NoFailureMonths(24).holds(&rec, day("2026-12-07")));
    }

    #[test]
    fn a_rule_may_not_skip_the_issue_nor_name_an_unknown_step() {
        let mut def = standard_mark();
        def.fast_track[0].effect = Effect::Skip(vec!["issue".into(), "nope".into()]);
        let errs = def.validate().unwrap_err();
        let codes: Vec<_> = errs.iter().map(|e| e.code).collect();
        assert_eq!(codes, vec!["issue_kept", "unknown_step"]);
    }

    #[test]
    fn shortening_never_lengthens() {
        let mut def = standard_mark();
        def.fast_track[0].effect = Effect::Shorten {
            step: "test".into(),
            days: 40,
        };
        let applied = first_applying(&def, &good(), day("2026-12-06")).unwrap();
        assert_eq!(plan(&def, Some(&applied))[2], Some(15));
    }
}
