//! The inspection planner: given the province's units with their scores, the office's
//! capacity in inspector-days and what one inspection costs, it proposes whom to inspect.
//! Most places go to the highest scores; a share (10 % by default) is drawn at random from
//! the rest, so units the score rates low are still seen now and then and the score itself
//! can be checked against what inspectors find (OECD, risk-based inspections). The draw is
//! reproducible: the same seed gives the same plan (ChaCha8, whose stream is fixed by its
//! specification, not by a library version).

use rand::SeedableRng;
use rand::seq::index::sample;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

/// A unit the planner may choose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub unit_id: i64,
    pub score: f64,
}

/// What the planner is given besides the units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Params {
    /// Inspector-days the office has for the period.
    pub capacity_days: f64,
    /// Inspector-days one inspection takes.
    pub days_per_inspection: f64,
    /// The share of places drawn at random, 0 to 1.
    pub random_share: f64,
    /// The share of a unit's risk an inspection is expected to remove (0 to 1).
    pub reduction: f64,
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            capacity_days: 0.0,
            days_per_inspection: 1.0,
            random_share: 0.10,
            reduction: 0.5,
            seed: 0,
        }
    }
}

impl Params {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = Vec::new();
        if !self.capacity_days.is_finite() || !(0.0..=1_000_000.0).contains(&self.capacity_days) {
            errs.push(FieldError::new("capacity_days", "value_out_of_range"));
        }
        if !self.days_per_inspection.is_finite()
            || !(0.05..=100.0).contains(&self.days_per_inspection)
        {
            errs.push(FieldError::new("days_per_inspection", "value_out_of_range"));
        }
        for (field, v) in [
            ("random_share", self.random_share),
            ("reduction", self.reduction),
        ] {
            if !v.is_finite() || !(0.0..=1.0).contains(&v) {
                errs.push(FieldError::new(field, "value_out_of_range"));
            }
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }

    /// How many inspections the capacity holds.
    pub fn places(&self) -> usize {
        if self.days_per_inspection <= 0.0 {
            return 0;
        }
        // A hair of tolerance: 3.0 days of 0.1 each is 30 places, not 29.
        (self.capacity_days / self.days_per_inspection + 1e-9).floor() as usize
    }
}

/// Why a unit is in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Among the highest scores.
    Risk,
    /// Drawn at random.
    Random,
    /// Added by the officer.
    Added,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Risk => "risk",
            Reason::Random => "random",
            Reason::Added => "added",
        }
    }

    pub fn parse(s: &str) -> Option<Reason> {
        match s {
            "risk" => Some(Reason::Risk),
            "random" => Some(Reason::Random),
            "added" => Some(Reason::Added),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pick {
    pub unit_id: i64,
    pub score: f64,
    pub reason: Reason,
}

/// A plan's figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Outlook {
    pub units: usize,
    pub inspections: usize,
    pub days: f64,
    /// Share of the units inspected.
    pub coverage: f64,
    /// Share of the province's total (positive) risk on the units inspected.
    pub risk_covered: f64,
    /// The risk the plan is expected to remove: the reduction share of its units' scores.
    pub expected_reduction: f64,
}

/// The proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub picks: Vec<Pick>,
    pub outlook: Outlook,
}

/// Highest first; equal scores by unit id, so the order never depends on the input's.
fn by_risk(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.unit_id.cmp(&b.unit_id))
}

/// Proposes a plan: the places the capacity holds, of which `random_share` (rounded) are
/// drawn at random among the units the scores left out, the rest the highest scores.
pub fn propose(units: &[Candidate], p: &Params) -> Plan {
    let mut sorted = units.to_vec();
    sorted.sort_unstable_by(by_risk);
    let places = p.places().min(sorted.len());
    let random = ((places as f64) * p.random_share).round() as usize;
    let by_score = places - random;
    let mut picks: Vec<Pick> = sorted[..by_score]
        .iter()
        .map(|c| Pick {
            unit_id: c.unit_id,
            score: c.score,
            reason: Reason::Risk,
        })
        .collect();
    let rest = &sorted[by_score..];
    let mut rng = ChaCha8Rng::seed_from_u64(p.seed);
    let mut drawn: Vec<usize> = sample(&mut rng, rest.len(), random.min(rest.len())).into_vec();
    drawn.sort_unstable();
    picks.extend(drawn.into_iter().map(|i| Pick {
        unit_id: rest[i].unit_id,
        score: rest[i].score,
        reason: Reason::Random,
    }));
    let outlook = outlook(units, &picks, p);
    Plan { picks, outlook }
}

/// The figures of a set of picks (a proposal, or a plan the officer edited).
pub fn outlook(units: &[Candidate], picks: &[Pick], p: &Params) -> Outlook {
    let total: f64 = units.iter().map(|c| c.score.max(0.0)).sum();
    let covered: f64 = picks.iter().map(|c| c.score.max(0.0)).sum();
    Outlook {
        units: units.len(),
        inspections: picks.len(),
        days: round(picks.len() as f64 * p.days_per_inspection),
        coverage: if units.is_empty() {
            0.0
        } else {
            round(picks.len() as f64 / units.len() as f64)
        },
        risk_covered: if total > 0.0 {
            round(covered / total)
        } else {
            0.0
        },
        expected_reduction: round(covered * p.reduction),
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests;
