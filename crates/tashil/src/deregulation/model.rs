//! The register's rules (seeds 002, 003: "a deregulation board removes redundant rules"): a
//! reported rule's fields, the board's decision, and the states a report moves through.
//! Published decisions are public, without who reported them.
//!
//! ```text
//! reported ──review──▶ under_review ──decide──▶ decided ──publish──▶ published
//!                                      ▲          │
//!                                      └─decide───┘ (corrected before publishing)
//! ```

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

/// Where a report stands. `Published` is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegulationStatus {
    Reported,
    UnderReview,
    Decided,
    Published,
}

impl RegulationStatus {
    pub const ALL: &'static [RegulationStatus] = &[
        RegulationStatus::Reported,
        RegulationStatus::UnderReview,
        RegulationStatus::Decided,
        RegulationStatus::Published,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RegulationStatus::Reported => "reported",
            RegulationStatus::UnderReview => "under_review",
            RegulationStatus::Decided => "decided",
            RegulationStatus::Published => "published",
        }
    }

    pub fn parse(s: &str) -> Option<RegulationStatus> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s.trim())
    }
}

/// What the board decided about the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The rule is redundant: the issuing agency is to repeal it.
    Remove,
    /// The rule stays in a lighter form.
    Amend,
    /// The rule is needed as it is.
    Keep,
}

impl Decision {
    pub const ALL: &'static [Decision] = &[Decision::Remove, Decision::Amend, Decision::Keep];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Remove => "remove",
            Decision::Amend => "amend",
            Decision::Keep => "keep",
        }
    }

    pub fn parse(s: &str) -> Option<Decision> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s.trim())
    }
}

/// A move of the deregulation board, and the states it may start from (the diagram above).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardMove {
    Review,
    Decide,
    Publish,
}

impl BoardMove {
    pub fn from(self) -> &'static [RegulationStatus] {
        match self {
            BoardMove::Review => &[RegulationStatus::Reported],
            BoardMove::Decide => &[RegulationStatus::UnderReview, RegulationStatus::Decided],
            BoardMove::Publish => &[RegulationStatus::Decided],
        }
    }

    /// What the audit log calls it.
    pub fn action(self) -> &'static str {
        match self {
            BoardMove::Review => "regulation.review",
            BoardMove::Decide => "regulation.decide",
            BoardMove::Publish => "regulation.publish",
        }
    }
}

/// A rule as reported (form or API): every field a string, numbers in any digit script.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RegulationDraft {
    /// What the rule requires ("a fire-safety certificate renewed every year").
    #[serde(default)]
    pub rule_title: String,
    /// The law, regulation or circular and its article that imposes the rule.
    #[serde(default)]
    pub source: String,
    /// The agency that issued the rule or enforces it.
    #[serde(default)]
    pub issuing_agency: String,
    /// Why the rule is redundant or costly.
    #[serde(default)]
    pub description: String,
    /// What the rule costs a year, in the country's currency (rial, đồng).
    #[serde(default)]
    pub annual_cost: String,
    /// Working hours it takes a year.
    #[serde(default)]
    pub hours_lost: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidRegulation {
    pub rule_title: String,
    pub source: String,
    pub issuing_agency: String,
    pub description: String,
    pub annual_cost: Option<i64>,
    pub hours_lost: Option<i32>,
}

impl RegulationDraft {
    pub fn validate(&self) -> Result<ValidRegulation, Vec<FieldError>> {
        let mut errs = vec![];
        let rule_title = crate::kernel::required("rule_title", &self.rule_title, 300, &mut errs);
        let source = crate::kernel::required("source", &self.source, 1_000, &mut errs);
        let issuing_agency =
            crate::kernel::required("issuing_agency", &self.issuing_agency, 200, &mut errs);
        let description =
            crate::kernel::required("description", &self.description, 20_000, &mut errs);
        let annual_cost = crate::kernel::optional_number(
            "annual_cost",
            &self.annual_cost,
            i64::MAX / 4,
            &mut errs,
        );
        let hours_lost =
            crate::kernel::optional_number("hours_lost", &self.hours_lost, 100_000_000, &mut errs);
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ValidRegulation {
            rule_title,
            source,
            issuing_agency,
            description,
            annual_cost,
            hours_lost: hours_lost.map(|h| h as i32),
        })
    }
}

/// The board's decision as the secretariat records it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DecisionDraft {
    /// `remove`, `amend` or `keep`.
    #[serde(default)]
    pub decision: String,
    /// The decision as the board worded it: what changes, and why.
    #[serde(default)]
    pub decision_text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidDecision {
    pub decision: Decision,
    pub text: String,
}

impl DecisionDraft {
    pub fn validate(&self) -> Result<ValidDecision, Vec<FieldError>> {
        let mut errs = vec![];
        let decision = Decision::parse(&self.decision);
        if decision.is_none() {
            errs.push(FieldError::new(
                "decision",
                if self.decision.trim().is_empty() {
                    "required"
                } else {
                    "invalid_choice"
                },
            ));
        }
        let text = crate::kernel::required("decision_text", &self.decision_text, 20_000, &mut errs);
        match decision {
            Some(decision) if errs.is_empty() => Ok(ValidDecision { decision, text }),
            _ => Err(errs),
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RegulationSummary {
    pub id: i64,
    pub number: String,
    pub province: String,
    pub rule_title: String,
    pub issuing_agency: String,
    pub status: RegulationStatus,
    pub decision: Option<Decision>,
    pub created_at: DateTime<Utc>,
}

/// A report as its reader may see it. Who reported, the reporter's own account and who
/// recorded the decision are left out for readers of published reports only.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RegulationView {
    #[serde(flatten)]
    pub summary: RegulationSummary,
    pub source: String,
    pub annual_cost: Option<i64>,
    pub hours_lost: Option<i32>,
    pub decision_text: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporter_org_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporter_user_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<i64>,
    pub version: i32,
}

/// A published decision as anyone may read it: the rule, its source and cost, and what the
/// board decided. No reporter, and not the reporter's own account (it may name them).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PublicRegulation {
    pub number: String,
    pub province: String,
    pub rule_title: String,
    pub source: String,
    pub issuing_agency: String,
    pub annual_cost: Option<i64>,
    pub hours_lost: Option<i32>,
    pub decision: Decision,
    pub decision_text: String,
    pub decided_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegulationFilter {
    /// `reported`, `under_review`, `decided` or `published`.
    pub status: Option<String>,
    /// `remove`, `amend` or `keep`.
    pub decision: Option<String>,
    pub page: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_in_persian_digits_is_read() {
        let v = RegulationDraft {
            rule_title: "تمدید سالانهٔ پروانهٔ بهره‌برداری".into(),
            source: "آیین‌نامهٔ اجرایی ماده ۱۲ قانون نظام صنفی".into(),
            issuing_agency: "سازمان صنعت، معدن و تجارت".into(),
            description: "تمدید هر سال بدون تغییر در واحد تکرار همان بازدید است.".into(),
            annual_cost: "۱۲۰٬۰۰۰٬۰۰۰".into(),
            hours_lost: "۴۰".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(v.annual_cost, Some(120_000_000));
        assert_eq!(v.hours_lost, Some(40));
    }

    #[test]
    fn every_bad_field_is_named() {
        let errs = RegulationDraft {
            annual_cost: "-5".into(),
            hours_lost: "many".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let named: Vec<(&str, &str)> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            named,
            [
                ("rule_title", "required"),
                ("source", "required"),
                ("issuing_agency", "required"),
                ("description", "required"),
                ("annual_cost", "invalid_number"),
                ("hours_lost", "invalid_number"),
            ]
        );
        let errs = DecisionDraft {
            decision: "abolish".into(),
            decision_text: " ".into(),
        }
        .validate()
        .unwrap_err();
        let named: Vec<(&str, &str)> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            named,
            [
                ("decision", "invalid_choice"),
                ("decision_text", "required")
            ]
        );
    }

    #[test]
    fn states_and_decisions_read_back() {
        for s in RegulationStatus::ALL {
            assert_eq!(RegulationStatus::parse(s.as_str()), Some(*s));
        }
        for d in Decision::ALL {
            assert_eq!(Decision::parse(d.as_str()), Some(*d));
        }
        assert_eq!(Decision::parse("abolish"), None);
        assert!(
            BoardMove::Decide
                .from()
                .contains(&RegulationStatus::Decided)
        );
        assert!(
            !BoardMove::Publish
                .from()
                .contains(&RegulationStatus::Published)
        );
    }
}
