//! A key performance indicator in an agency's plan: from a baseline to a target by a day,
//! higher or lower being better, reported at a frequency. The office's calendar decides what a
//! month is: Solar Hijri months for an Iranian programme, Gregorian ones for a Vietnamese one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::HigherIsBetter, Direction::LowerIsBetter];

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher",
            Direction::LowerIsBetter => "lower",
        }
    }

    pub fn parse(s: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// +1 when a rise is good, −1 when a fall is.
    pub fn sign(self) -> f64 {
        match self {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

impl Frequency {
    pub const ALL: [Frequency; 4] = [
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::HalfYearly,
        Frequency::Yearly,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::HalfYearly => "half_yearly",
            Frequency::Yearly => "yearly",
        }
    }

    pub fn parse(s: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn months(self) -> u32 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::HalfYearly => 6,
            Frequency::Yearly => 12,
        }
    }
}

/// Which months the periods follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reckoning {
    Gregorian,
    SolarHijri,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KpiPlan {
    pub baseline: f64,
    pub target: f64,
    pub direction: Direction,
    pub frequency: Frequency,
    pub starts: NaiveDate,
    /// The day the target is due.
    pub ends: NaiveDate,
    pub reckoning: Reckoning,
    /// Days after a period's end before its report is overdue.
    pub grace_days: u32,
}

/// The default time an agency has to report a period.
pub const DEFAULT_GRACE_DAYS: u32 = 10;

impl KpiPlan {
    /// Checks the figures and days, naming the field: numbers finite, the target on the good
    /// side of the baseline (or equal, for a level to hold), the end after the start within ten
    /// years.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = vec![];
        if !self.baseline.is_finite() {
            errs.push(FieldError::new("baseline", "not_a_number"));
        }
        if !self.target.is_finite() {
            errs.push(FieldError::new("target", "not_a_number"));
        } else if self.baseline.is_finite() && !(self.target - self.baseline).is_finite() {
            errs.push(FieldError::new("target", "too_large"));
        } else if self.baseline.is_finite()
            && (self.target - self.baseline) * self.direction.sign() < 0.0
        {
            errs.push(FieldError::new("target", "against_direction"));
        }
        if self.ends <= self.starts {
            errs.push(FieldError::new("ends", "not_after_start"));
        } else if (self.ends - self.starts).num_days() > 3653 {
            errs.push(FieldError::new("ends", "too_far"));
        }
        if self.grace_days > 366 {
            errs.push(FieldError::new("grace_days", "out_of_range"));
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }

    /// Whether `value` reaches the target (within a rounding of the figures' size, as the
    /// standing judges: 0.1 + 0.2 meets 0.3).
    pub fn meets(&self, value: f64) -> bool {
        let slack = 1e-9 * self.target.abs().max(self.baseline.abs()).max(1.0);
        (value - self.target) * self.direction.sign() >= -slack
    }

    /// The value the trajectory from baseline to target expects at the end of `day`.
    pub fn expected_on(&self, day: NaiveDate) -> f64 {
        let total = (self.ends - self.starts).num_days() + 1;
        let gone = ((day - self.starts).num_days() + 1).clamp(0, total);
        self.baseline + (self.target - self.baseline) * gone as f64 / total as f64
    }
}

/// One period's report: the value the agency measured and the day it reported it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Report {
    pub period: u32,
    pub value: f64,
    pub reported_on: NaiveDate,
}
