//! Process capability: Cp, Cpk (σ within subgroups) and Pp, Ppk (overall σ), with
//! confidence intervals, for two-sided and one-sided specifications.
//!
//! With μ̂ the mean of all N observations, σ̂ the spread and USL/LSL the limits
//! (Montgomery §8.3; NIST/SEMATECH e-Handbook §6.1.6):
//!
//! - Cp = (USL − LSL) / 6σ̂ (two-sided specifications only);
//! - Cpu = (USL − μ̂) / 3σ̂, Cpl = (μ̂ − LSL) / 3σ̂, Cpk = min of those that exist;
//! - Pp, Ppu, Ppl, Ppk: the same with the overall sample standard deviation.
//!
//! σ̂ within is R̄/d2, S̄/c4 (subgroups of one constant size) or MR̄/d2(2) (moving ranges of
//! successive subgroup means, i.e. of the individual values on an I-MR chart).
//!
//! Confidence intervals at level 1 − α, with ν = N − 1 (the convention of R's qcc):
//!
//! - Cp and Pp: chi-square interval, Ĉp·√(χ²(α/2; ν)/ν) to Ĉp·√(χ²(1−α/2; ν)/ν)
//!   (Chou, Owen & Borrego, *Journal of Quality Technology* 22(3), 1990);
//! - Cpk and Ppk: Bissell's normal approximation, Ĉpk·(1 ∓ z(1−α/2)·√(1/(9NĈpk²) + 1/(2ν)))
//!   (A. F. Bissell, "How Reliable is Your Capability Index?", *Applied Statistics*
//!   39(3), 1990).

use serde::{Deserialize, Serialize};

use crate::chart::Summary;
use crate::constants::constants;
use crate::dist::{chi_square_quantile, normal_quantile};
use crate::error::SpcError;

/// Specification limits; at least one, the lower below the upper.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Specification {
    lower: Option<f64>,
    upper: Option<f64>,
}

impl Specification {
    pub fn new(lower: Option<f64>, upper: Option<f64>) -> Result<Specification, SpcError> {
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        let ordered = match (lower, upper) {
            (Some(l), Some(u)) => l < u,
            (None, None) => false,
            _ => true,
        };
        if finite(lower) && finite(upper) && ordered {
            Ok(Specification { lower, upper })
        } else {
            Err(SpcError::InvalidSpecification)
        }
    }

    pub fn lower(&self) -> Option<f64> {
        self.lower
    }

    pub fn upper(&self) -> Option<f64> {
        self.upper
    }
}

/// How σ within subgroups is estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WithinMethod {
    /// R̄/d2 (X̄-R charts).
    MeanRange,
    /// S̄/c4 (X̄-S charts).
    MeanStdDev,
    /// MR̄/d2(2) (I-MR charts).
    MeanMovingRange,
}

/// An estimate with its confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub estimate: f64,
    pub lower: f64,
    pub upper: f64,
}

/// The capability indices of a process against a specification.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Capability {
    pub observations: u64,
    pub mean: f64,
    pub sigma_within: f64,
    pub sigma_overall: f64,
    pub confidence: f64,
    pub cp: Option<Interval>,
    pub cpl: Option<f64>,
    pub cpu: Option<f64>,
    pub cpk: Interval,
    pub pp: Option<Interval>,
    pub ppl: Option<f64>,
    pub ppu: Option<f64>,
    pub ppk: Interval,
}

struct Family {
    p: Option<Interval>,
    pl: Option<f64>,
    pu: Option<f64>,
    pk: Interval,
}

fn family(mean: f64, sigma: f64, n: f64, spec: &Specification, alpha: f64) -> Family {
    let nu = n - 1.0;
    let pl = spec.lower.map(|l| (mean - l) / (3.0 * sigma));
    let pu = spec.upper.map(|u| (u - mean) / (3.0 * sigma));
    let p = match (spec.lower, spec.upper) {
        (Some(l), Some(u)) => {
            let estimate = (u - l) / (6.0 * sigma);
            Some(Interval {
                estimate,
                lower: estimate * (chi_square_quantile(alpha / 2.0, nu) / nu).sqrt(),
                upper: estimate * (chi_square_quantile(1.0 - alpha / 2.0, nu) / nu).sqrt(),
            })
        }
        _ => None,
    };
    let k = match (pl, pu) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => unreachable!("a specification has at least one limit"),
    };
    let z = normal_quantile(1.0 - alpha / 2.0);
    let half = z * (1.0 / (9.0 * n * k * k) + 1.0 / (2.0 * nu)).sqrt();
    Family {
        p,
        pl,
        pu,
        pk: Interval {
            estimate: k,
            lower: k * (1.0 - half),
            upper: k * (1.0 + half),
        },
    }
}

/// Capability indices from the estimates themselves: the process mean, σ within and
/// overall, and the number of observations they rest on.
pub fn indices(
    mean: f64,
    sigma_within: f64,
    sigma_overall: f64,
    observations: u64,
    spec: &Specification,
    confidence: f64,
) -> Result<Capability, SpcError> {
    if !(confidence > 0.0 && confidence < 1.0) {
        return Err(SpcError::InvalidConfidence);
    }
    let spread = |s: f64| s.is_finite() && s > 0.0;
    if observations < 2 || !spread(sigma_within) || !spread(sigma_overall) {
        return Err(SpcError::TooFewObservations);
    }
    let alpha = 1.0 - confidence;
    let n = observations as f64;
    let within = family(mean, sigma_within, n, spec, alpha);
    let overall = family(mean, sigma_overall, n, spec, alpha);
    Ok(Capability {
        observations,
        mean,
        sigma_within,
        sigma_overall,
        confidence,
        cp: within.p,
        cpl: within.pl,
        cpu: within.pu,
        cpk: within.pk,
        pp: overall.p,
        ppl: overall.pl,
        ppu: overall.pu,
        ppk: overall.pk,
    })
}

/// Capability of a batch of measured subgroups, recomputed from scratch (two passes).
pub fn from_subgroups(
    subgroups: &[Vec<f64>],
    method: WithinMethod,
    spec: &Specification,
    confidence: f64,
) -> Result<Capability, SpcError> {
    for (index, s) in subgroups.iter().enumerate() {
        if s.is_empty() {
            return Err(SpcError::SubgroupSize {
                index,
                expected: 1,
                found: 0,
            });
        }
        if s.iter().any(|v| !v.is_finite()) {
            return Err(SpcError::NotFinite { index });
        }
    }
    let all: Vec<f64> = subgroups.iter().flatten().copied().collect();
    let n = all.len();
    if n < 2 {
        return Err(SpcError::TooFewObservations);
    }
    let mean = all.iter().sum::<f64>() / n as f64;
    let overall = (all.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt();
    let summaries: Vec<Summary> = subgroups.iter().map(|s| Summary::of(s)).collect();
    let m = summaries.len() as f64;
    let within = match method {
        WithinMethod::MeanRange | WithinMethod::MeanStdDev => {
            let size = summaries[0].size;
            if summaries.iter().any(|s| s.size != size) {
                return Err(SpcError::MixedSubgroupSizes);
            }
            let c = constants(size).ok_or(SpcError::UnsupportedSubgroupSize { found: size })?;
            if method == WithinMethod::MeanRange {
                summaries.iter().map(|s| s.range).sum::<f64>() / m / c.d2
            } else {
                summaries.iter().map(|s| s.std_dev).sum::<f64>() / m / c.c4
            }
        }
        WithinMethod::MeanMovingRange => {
            if summaries.len() < 2 {
                return Err(SpcError::TooFewObservations);
            }
            let mr = summaries
                .windows(2)
                .map(|w| (w[1].mean - w[0].mean).abs())
                .sum::<f64>()
                / (m - 1.0);
            mr / constants(2).expect("n = 2 is tabulated").d2
        }
    };
    indices(mean, within, overall, n as u64, spec, confidence)
}

/// Running sums for capability, updated subgroup by subgroup in O(subgroup size):
/// Welford's algorithm for the overall mean and variance (B. P. Welford, *Technometrics*
/// 4(3), 1962), sums of ranges, standard deviations and moving ranges for σ within.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CapabilityAccumulator {
    observations: u64,
    mean: f64,
    sum_squares: f64,
    subgroups: u64,
    size: Option<usize>,
    mixed_sizes: bool,
    sum_range: f64,
    sum_std_dev: f64,
    last_mean: Option<f64>,
    sum_moving_range: f64,
}

impl CapabilityAccumulator {
    pub fn new() -> CapabilityAccumulator {
        CapabilityAccumulator::default()
    }

    /// Adds one measured subgroup.
    pub fn push(&mut self, values: &[f64]) -> Result<(), SpcError> {
        let index = self.subgroups as usize;
        if values.is_empty() {
            return Err(SpcError::SubgroupSize {
                index,
                expected: 1,
                found: 0,
            });
        }
        if values.iter().any(|v| !v.is_finite()) {
            return Err(SpcError::NotFinite { index });
        }
        for &v in values {
            self.observations += 1;
            let delta = v - self.mean;
            self.mean += delta / self.observations as f64;
            self.sum_squares += delta * (v - self.mean);
        }
        let s = Summary::of(values);
        match self.size {
            None => self.size = Some(s.size),
            Some(n) if n != s.size => self.mixed_sizes = true,
            Some(_) => {}
        }
        self.subgroups += 1;
        self.sum_range += s.range;
        self.sum_std_dev += s.std_dev;
        if let Some(last) = self.last_mean {
            self.sum_moving_range += (s.mean - last).abs();
        }
        self.last_mean = Some(s.mean);
        Ok(())
    }

    /// Adds a subgroup that arrived late, between the subgroups `previous` and `next`
    /// already pushed (either absent at an end of the series): only the moving ranges
    /// depend on the order, and only those around the gap change.
    pub fn push_late(
        &mut self,
        values: &[f64],
        previous: Option<&[f64]>,
        next: Option<&[f64]>,
    ) -> Result<(), SpcError> {
        let Some(next) = next else {
            return self.push(values);
        };
        let last_mean = self.last_mean;
        let moving = self.sum_moving_range;
        self.push(values)?;
        self.last_mean = last_mean;
        let mean = Summary::of(values).mean;
        let next = Summary::of(next).mean;
        self.sum_moving_range = moving + (next - mean).abs();
        if let Some(previous) = previous {
            let previous = Summary::of(previous).mean;
            self.sum_moving_range += (mean - previous).abs() - (next - previous).abs();
        }
        Ok(())
    }

    pub fn observations(&self) -> u64 {
        self.observations
    }

    pub fn mean(&self) -> f64 {
        self.mean
    }

    pub fn sigma_overall(&self) -> Result<f64, SpcError> {
        if self.observations < 2 {
            return Err(SpcError::TooFewObservations);
        }
        Ok((self.sum_squares / (self.observations - 1) as f64).sqrt())
    }

    pub fn sigma_within(&self, method: WithinMethod) -> Result<f64, SpcError> {
        let m = self.subgroups as f64;
        match method {
            WithinMethod::MeanRange | WithinMethod::MeanStdDev => {
                let size = self.size.ok_or(SpcError::TooFewObservations)?;
                if self.mixed_sizes {
                    return Err(SpcError::MixedSubgroupSizes);
                }
                let c = constants(size).ok_or(SpcError::UnsupportedSubgroupSize { found: size })?;
                Ok(if method == WithinMethod::MeanRange {
                    self.sum_range / m / c.d2
                } else {
                    self.sum_std_dev / m / c.c4
                })
            }
            WithinMethod::MeanMovingRange => {
                if self.subgroups < 2 {
                    return Err(SpcError::TooFewObservations);
                }
                Ok(
                    self.sum_moving_range
                        / (m - 1.0)
                        / constants(2).expect("n = 2 is tabulated").d2,
                )
            }
        }
    }

    pub fn capability(
        &self,
        method: WithinMethod,
        spec: &Specification,
        confidence: f64,
    ) -> Result<Capability, SpcError> {
        indices(
            self.mean,
            self.sigma_within(method)?,
            self.sigma_overall()?,
            self.observations,
            spec,
            confidence,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} != {b}");
    }

    #[test]
    fn centred_and_off_centre_processes() {
        // By hand: USL = 20, LSL = 8, μ = 16, σ = 2 gives Cp = 12/12 = 1,
        // Cpu = 4/6, Cpl = 8/6, Cpk = 4/6.
        let spec = Specification::new(Some(8.0), Some(20.0)).unwrap();
        let c = indices(16.0, 2.0, 2.0, 50, &spec, 0.95).unwrap();
        close(c.cp.unwrap().estimate, 1.0, 1e-12);
        close(c.cpu.unwrap(), 0.666_666_666_7, 1e-9);
        close(c.cpl.unwrap(), 1.333_333_333_3, 1e-9);
        close(c.cpk.estimate, 0.666_666_666_7, 1e-9);
        assert!(c.cp.unwrap().lower < 1.0 && c.cp.unwrap().upper > 1.0);
    }

    #[test]
    fn one_sided_specifications_have_no_cp() {
        let spec = Specification::new(None, Some(20.0)).unwrap();
        let c = indices(16.0, 2.0, 2.5, 30, &spec, 0.95).unwrap();
        assert!(c.cp.is_none() && c.pp.is_none() && c.cpl.is_none());
        close(c.cpk.estimate, 4.0 / 6.0, 1e-12);
        close(c.ppk.estimate, 4.0 / 7.5, 1e-12);
        let spec = Specification::new(Some(10.0), None).unwrap();
        close(
            indices(16.0, 2.0, 2.0, 30, &spec, 0.95)
                .unwrap()
                .cpk
                .estimate,
            1.0,
            1e-12,
        );
    }

    #[test]
    fn bad_specifications_and_levels_are_refused() {
        assert!(Specification::new(None, None).is_err());
        assert!(Specification::new(Some(2.0), Some(1.0)).is_err());
        assert!(Specification::new(Some(f64::NAN), None).is_err());
        let spec = Specification::new(Some(0.0), Some(1.0)).unwrap();
        assert_eq!(
            indices(0.5, 0.1, 0.1, 10, &spec, 1.0),
            Err(SpcError::InvalidConfidence)
        );
        assert_eq!(
            indices(0.5, 0.1, 0.1, 1, &spec, 0.95),
            Err(SpcError::TooFewObservations)
        );
    }

    #[test]
    fn accumulator_refuses_mixed_sizes_for_r_bar_but_not_for_overall() {
        let mut acc = CapabilityAccumulator::new();
        acc.push(&[1.0, 2.0]).unwrap();
        acc.push(&[1.0, 2.0, 4.0]).unwrap();
        assert_eq!(
            acc.sigma_within(WithinMethod::MeanRange),
            Err(SpcError::MixedSubgroupSizes)
        );
        assert!(acc.sigma_overall().is_ok());
        assert_eq!(acc.push(&[]).unwrap_err().code(), "spc_subgroup_size");
    }
}
