//! A unit's risk score, explainable: each factor's value (from Tashil's own data), the
//! weight it takes (data, edited by the national administrator, defaults below) and its
//! contribution, value × weight; the score is their sum. A factor whose source does not
//! exist yet (complaints, inspections, findings, clinics) reads as zero and says so
//! (`no_data`), so nobody mistakes "not known" for "nothing found". Recognition as an
//! exemplary unit and clinic attendance lower the score (negative weights).

use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

/// The factors, in the order a score lists them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    /// The highest hazard class of the unit's products (1 to 4; 0 when none is classified).
    Hazard,
    /// Released lab reports whose verdict was a fail.
    FailedTests,
    /// Quality advice not closed.
    OpenAdvice,
    /// Quality advice escalated to the office (unanswered or its problem persisting).
    EscalatedAdvice,
    /// Complaints received about the unit or its products.
    Complaints,
    /// The licence's standing: 0 valid, 1 none or expired, 2 suspended or revoked.
    Licence,
    /// Years since the last inspection (capped; never inspected counts as the cap).
    SinceInspection,
    /// Findings of inspections not closed.
    OpenFindings,
    /// Recognised as an exemplary unit (1 or 0).
    Exemplary,
    /// Advisory sessions attended in consulting clinics.
    Clinics,
}

impl Factor {
    pub const ALL: [Factor; 10] = [
        Factor::Hazard,
        Factor::FailedTests,
        Factor::OpenAdvice,
        Factor::EscalatedAdvice,
        Factor::Complaints,
        Factor::Licence,
        Factor::SinceInspection,
        Factor::OpenFindings,
        Factor::Exemplary,
        Factor::Clinics,
    ];

    /// Its key in messages (`supervision-factor-<key>`) and in stored explanations.
    pub fn key(self) -> &'static str {
        match self {
            Factor::Hazard => "hazard",
            Factor::FailedTests => "failed_tests",
            Factor::OpenAdvice => "open_advice",
            Factor::EscalatedAdvice => "escalated_advice",
            Factor::Complaints => "complaints",
            Factor::Licence => "licence",
            Factor::SinceInspection => "since_inspection",
            Factor::OpenFindings => "open_findings",
            Factor::Exemplary => "exemplary",
            Factor::Clinics => "clinics",
        }
    }
}

/// The licence a unit holds, as the risk score reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LicenceStanding {
    Valid,
    /// No licence, or one that lapsed.
    Missing,
    /// Suspended or revoked.
    Withdrawn,
}

impl LicenceStanding {
    fn value(self) -> f64 {
        match self {
            LicenceStanding::Valid => 0.0,
            LicenceStanding::Missing => 1.0,
            LicenceStanding::Withdrawn => 2.0,
        }
    }
}

/// What is known of one unit. `None` is "no data yet": the source does not exist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub hazard_class: Option<u8>,
    pub failed_tests: u32,
    pub open_advice: u32,
    pub escalated_advice: u32,
    pub complaints: Option<u32>,
    pub licence: LicenceStanding,
    /// Days since the last inspection: `Some(None)` never inspected, `None` no data yet.
    pub days_since_inspection: Option<Option<u32>>,
    pub open_findings: Option<u32>,
    pub exemplary: Option<bool>,
    pub clinic_sessions: Option<u32>,
}

impl Facts {
    /// A unit of which nothing is known but its licence; the sources not built yet read as
    /// no data.
    pub fn new(licence: LicenceStanding) -> Self {
        Facts {
            hazard_class: None,
            failed_tests: 0,
            open_advice: 0,
            escalated_advice: 0,
            complaints: None,
            licence,
            days_since_inspection: None,
            open_findings: None,
            exemplary: None,
            clinic_sessions: None,
        }
    }
}

/// The weights in force, stored as JSON; a missing field takes its default.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Weights {
    /// Per hazard class.
    pub hazard: f64,
    /// Per failed report.
    pub failed_tests: f64,
    /// Per open advice.
    pub open_advice: f64,
    /// Per escalated advice (on top of its being open).
    pub escalated_advice: f64,
    /// Per complaint.
    pub complaints: f64,
    /// Per step of the licence's standing (missing 1, withdrawn 2).
    pub licence: f64,
    /// Per year since the last inspection.
    pub since_inspection: f64,
    /// The years beyond which time since an inspection adds nothing (never inspected: this).
    pub since_inspection_cap_years: f64,
    /// Per open finding.
    pub open_findings: f64,
    /// For recognition as exemplary (negative: it lowers the score).
    pub exemplary: f64,
    /// Per clinic session attended (negative).
    pub clinics: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            hazard: 10.0,
            failed_tests: 8.0,
            open_advice: 3.0,
            escalated_advice: 6.0,
            complaints: 4.0,
            licence: 12.0,
            since_inspection: 4.0,
            since_inspection_cap_years: 5.0,
            open_findings: 5.0,
            exemplary: -15.0,
            clinics: -2.0,
        }
    }
}

/// The largest magnitude a weight may take.
pub const MAX_WEIGHT: f64 = 1000.0;

impl Weights {
    pub fn of(&self, f: Factor) -> f64 {
        match f {
            Factor::Hazard => self.hazard,
            Factor::FailedTests => self.failed_tests,
            Factor::OpenAdvice => self.open_advice,
            Factor::EscalatedAdvice => self.escalated_advice,
            Factor::Complaints => self.complaints,
            Factor::Licence => self.licence,
            Factor::SinceInspection => self.since_inspection,
            Factor::OpenFindings => self.open_findings,
            Factor::Exemplary => self.exemplary,
            Factor::Clinics => self.clinics,
        }
    }

    /// Each weight finite and within ±[`MAX_WEIGHT`]; the cap of years positive; the
    /// factors that lower a score may not raise it, nor the others lower it.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = Vec::new();
        for f in Factor::ALL {
            let w = self.of(f);
            let lowers = matches!(f, Factor::Exemplary | Factor::Clinics);
            let sign_ok = if lowers { w <= 0.0 } else { w >= 0.0 };
            if !w.is_finite() || w.abs() > MAX_WEIGHT || !sign_ok {
                errs.push(FieldError::new(f.key(), "value_out_of_range"));
            }
        }
        let cap = self.since_inspection_cap_years;
        if !cap.is_finite() || !(0.0..=50.0).contains(&cap) || cap == 0.0 {
            errs.push(FieldError::new(
                "since_inspection_cap_years",
                "value_out_of_range",
            ));
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

/// One line of a score's explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Line {
    pub factor: Factor,
    pub value: f64,
    pub weight: f64,
    pub contribution: f64,
    /// The factor's source does not exist yet: read as zero.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_data: bool,
}

/// A unit's score with its explanation (one line per factor, in [`Factor::ALL`]'s order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Score {
    pub total: f64,
    pub lines: Vec<Line>,
}

/// Days in a year, for time since an inspection.
const DAYS_PER_YEAR: f64 = 365.25;

/// Scores one unit.
pub fn score(facts: &Facts, w: &Weights) -> Score {
    let cap = w.since_inspection_cap_years;
    let count = |v: Option<u32>| (v.map_or(0.0, f64::from), v.is_none());
    let values: [(Factor, (f64, bool)); 10] = [
        (
            Factor::Hazard,
            (facts.hazard_class.map_or(0.0, f64::from), false),
        ),
        (Factor::FailedTests, (f64::from(facts.failed_tests), false)),
        (Factor::OpenAdvice, (f64::from(facts.open_advice), false)),
        (
            Factor::EscalatedAdvice,
            (f64::from(facts.escalated_advice), false),
        ),
        (Factor::Complaints, count(facts.complaints)),
        (Factor::Licence, (facts.licence.value(), false)),
        (
            Factor::SinceInspection,
            match facts.days_since_inspection {
                None => (0.0, true),
                Some(None) => (cap, false),
                Some(Some(d)) => ((f64::from(d) / DAYS_PER_YEAR).min(cap), false),
            },
        ),
        (Factor::OpenFindings, count(facts.open_findings)),
        (
            Factor::Exemplary,
            (
                facts.exemplary.map_or(0.0, |e| if e { 1.0 } else { 0.0 }),
                facts.exemplary.is_none(),
            ),
        ),
        (Factor::Clinics, count(facts.clinic_sessions)),
    ];
    let lines: Vec<Line> = values
        .into_iter()
        .map(|(factor, (value, no_data))| {
            let weight = w.of(factor);
            Line {
                factor,
                value: round(value),
                weight,
                contribution: round(value * weight),
                no_data,
            }
        })
        .collect();
    Score {
        total: round(lines.iter().map(|l| l.contribution).sum()),
        lines,
    }
}

/// To the thousandth: a score shows as it sorts, without binary noise.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests;
