//! Shewhart charts: the statistic plotted for a subgroup, the phase-I estimate of the
//! centre line and spread ("frozen limits"), and the limits each later point is judged by.
//!
//! Formulas (Montgomery, *Introduction to Statistical Quality Control*, ch. 6 and 7;
//! NIST/SEMATECH e-Handbook of Statistical Methods, §6.3.2 and §6.3.3), with k the
//! width of the limits in sigmas (3 unless the caller chooses otherwise):
//!
//! | chart | plotted | centre | σ of the plotted statistic |
//! |---|---|---|---|
//! | X̄ (of X̄-R) | subgroup mean | X̿ | σ̂/√n, σ̂ = R̄/d2 |
//! | R | subgroup range | R̄ | d3·σ̂ |
//! | X̄ (of X̄-S) | subgroup mean | X̿ | σ̂/√n, σ̂ = S̄/c4 |
//! | S | subgroup standard deviation | S̄ | σ̂·√(1 − c4²) |
//! | I (of I-MR) | value | x̄ | σ̂ = MR̄/d2(2) |
//! | MR | \|xᵢ − xᵢ₋₁\| | MR̄ | d3(2)·σ̂ |
//! | p | Dᵢ/nᵢ | p̄ = ΣD/Σn | √(p̄(1 − p̄)/nᵢ), per point |
//! | np | Dᵢ (constant n) | n·p̄ | √(n·p̄(1 − p̄)) |
//! | c | defects cᵢ | c̄ | √c̄ |
//! | u | cᵢ/aᵢ (aᵢ units inspected) | ū = Σc/Σa | √(ū/aᵢ), per point |
//!
//! Limits are centre ± k·σ, the lower one clipped at 0 (and p's upper one at 1). With
//! k = 3 these are the tabulated A2, A3, D3, D4, B3, B4 factors.

use serde::{Deserialize, Serialize};

use crate::constants::{Constants, constants};
use crate::error::SpcError;

/// The seven chart types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    XbarR,
    XbarS,
    IndividualsMovingRange,
    P,
    Np,
    C,
    U,
}

/// One subgroup as it arrives from a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Subgroup {
    /// Measured values of one subgroup (one value for an I-MR chart).
    Measured { values: Vec<f64> },
    /// Units inspected and how many of them were defective (p and np charts).
    Defectives { defective: u64, inspected: u64 },
    /// Defects counted over an inspected amount in units (c and u charts; the c chart
    /// assumes the amount constant and ignores it).
    Defects { defects: u64, units: f64 },
}

impl Subgroup {
    pub fn measured(values: &[f64]) -> Self {
        Subgroup::Measured {
            values: values.to_vec(),
        }
    }

    pub fn individual(value: f64) -> Self {
        Subgroup::Measured {
            values: vec![value],
        }
    }

    pub fn defectives(defective: u64, inspected: u64) -> Self {
        Subgroup::Defectives {
            defective,
            inspected,
        }
    }

    pub fn defects(defects: u64, units: f64) -> Self {
        Subgroup::Defects { defects, units }
    }
}

/// Summary of one measured subgroup.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub size: usize,
    pub mean: f64,
    pub range: f64,
    /// Sample standard deviation (divisor n − 1); 0 for a single value.
    pub std_dev: f64,
}

impl Summary {
    pub fn of(values: &[f64]) -> Summary {
        let size = values.len();
        let mean = values.iter().sum::<f64>() / size as f64;
        let (min, max) = values
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            });
        let std_dev = if size > 1 {
            (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (size - 1) as f64).sqrt()
        } else {
            0.0
        };
        Summary {
            size,
            mean,
            range: max - min,
            std_dev,
        }
    }
}

/// The phase-I estimates a chart's limits are computed from. Stored by the caller
/// (with its own version number) and applied unchanged to later subgroups until the
/// quality manager deliberately recomputes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChartParams {
    XbarR {
        size: usize,
        grand_mean: f64,
        mean_range: f64,
    },
    XbarS {
        size: usize,
        grand_mean: f64,
        mean_std_dev: f64,
    },
    IndividualsMovingRange {
        mean: f64,
        mean_moving_range: f64,
    },
    P {
        p_bar: f64,
    },
    Np {
        size: u64,
        p_bar: f64,
    },
    C {
        c_bar: f64,
    },
    U {
        u_bar: f64,
    },
}

/// Frozen limits: phase-I estimates plus the width of the limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrozenLimits {
    pub params: ChartParams,
    /// Width of the control limits in sigmas of the plotted statistic.
    pub sigmas: f64,
    /// How many subgroups the phase-I estimate rests on.
    pub baseline_subgroups: usize,
}

/// One plotted point with the line and limits it is judged against.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ChartPoint {
    pub value: f64,
    pub centre: f64,
    /// Standard deviation of the plotted statistic (the width of one zone).
    pub sigma: f64,
    pub lcl: f64,
    pub ucl: f64,
}

impl ChartPoint {
    fn around(value: f64, centre: f64, sigma: f64, k: f64, upper_bound: f64) -> ChartPoint {
        ChartPoint {
            value,
            centre,
            sigma,
            lcl: (centre - k * sigma).max(0.0),
            ucl: (centre + k * sigma).min(upper_bound),
        }
    }

    fn symmetric(value: f64, centre: f64, sigma: f64, k: f64) -> ChartPoint {
        ChartPoint {
            value,
            centre,
            sigma,
            lcl: centre - k * sigma,
            ucl: centre + k * sigma,
        }
    }

    /// Distance from the centre line in sigmas of the statistic (signed).
    pub fn z(&self) -> f64 {
        let d = self.value - self.centre;
        if self.sigma > 0.0 {
            d / self.sigma
        } else if d == 0.0 {
            0.0
        } else {
            d.signum() * f64::INFINITY
        }
    }

    /// Strictly outside the control limits.
    pub fn beyond_limits(&self) -> bool {
        self.value > self.ucl || self.value < self.lcl
    }
}

/// A subgroup as plotted: the location or attribute chart, and for variables charts the
/// dispersion chart (R, S or MR; the first subgroup of an I-MR chart has no MR point).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Plotted {
    pub primary: ChartPoint,
    pub secondary: Option<ChartPoint>,
}

fn measured(index: usize, subgroup: &Subgroup) -> Result<&[f64], SpcError> {
    match subgroup {
        Subgroup::Measured { values } => {
            if values.iter().any(|v| !v.is_finite()) {
                return Err(SpcError::NotFinite { index });
            }
            Ok(values)
        }
        _ => Err(SpcError::WrongSubgroupKind { index }),
    }
}

fn sized(index: usize, subgroup: &Subgroup, size: usize) -> Result<Summary, SpcError> {
    let values = measured(index, subgroup)?;
    if values.len() != size {
        return Err(SpcError::SubgroupSize {
            index,
            expected: size,
            found: values.len(),
        });
    }
    Ok(Summary::of(values))
}

fn single(index: usize, subgroup: &Subgroup) -> Result<f64, SpcError> {
    Ok(sized(index, subgroup, 1)?.mean)
}

fn defectives(index: usize, subgroup: &Subgroup) -> Result<(u64, u64), SpcError> {
    match *subgroup {
        Subgroup::Defectives {
            defective,
            inspected,
        } => {
            if inspected == 0 {
                return Err(SpcError::NonPositiveSize { index });
            }
            if defective > inspected {
                return Err(SpcError::CountExceedsInspected { index });
            }
            Ok((defective, inspected))
        }
        _ => Err(SpcError::WrongSubgroupKind { index }),
    }
}

fn defects(index: usize, subgroup: &Subgroup) -> Result<(u64, f64), SpcError> {
    match *subgroup {
        Subgroup::Defects { defects, units } => {
            if !units.is_finite() {
                return Err(SpcError::NotFinite { index });
            }
            if units <= 0.0 {
                return Err(SpcError::NonPositiveSize { index });
            }
            Ok((defects, units))
        }
        _ => Err(SpcError::WrongSubgroupKind { index }),
    }
}

fn table(size: usize) -> Result<Constants, SpcError> {
    constants(size).ok_or(SpcError::UnsupportedSubgroupSize { found: size })
}

fn first_size(baseline: &[Subgroup]) -> Result<usize, SpcError> {
    Ok(measured(0, &baseline[0])?.len())
}

impl FrozenLimits {
    /// Estimates the centre line and spread from a phase-I baseline (the subgroups the
    /// quality manager chose), with 3-sigma limits.
    pub fn estimate(kind: ChartKind, baseline: &[Subgroup]) -> Result<FrozenLimits, SpcError> {
        let needed = if kind == ChartKind::IndividualsMovingRange {
            2
        } else {
            1
        };
        if baseline.len() < needed {
            return Err(SpcError::BaselineTooShort { needed });
        }
        let m = baseline.len() as f64;
        let params = match kind {
            ChartKind::XbarR | ChartKind::XbarS => {
                let size = first_size(baseline)?;
                table(size)?;
                let mut sum_mean = 0.0;
                let mut sum_spread = 0.0;
                for (i, s) in baseline.iter().enumerate() {
                    let summary = sized(i, s, size)?;
                    sum_mean += summary.mean;
                    sum_spread += if kind == ChartKind::XbarR {
                        summary.range
                    } else {
                        summary.std_dev
                    };
                }
                let grand_mean = sum_mean / m;
                if kind == ChartKind::XbarR {
                    ChartParams::XbarR {
                        size,
                        grand_mean,
                        mean_range: sum_spread / m,
                    }
                } else {
                    ChartParams::XbarS {
                        size,
                        grand_mean,
                        mean_std_dev: sum_spread / m,
                    }
                }
            }
            ChartKind::IndividualsMovingRange => {
                let values = baseline
                    .iter()
                    .enumerate()
                    .map(|(i, s)| single(i, s))
                    .collect::<Result<Vec<_>, _>>()?;
                let mean = values.iter().sum::<f64>() / m;
                let mr = values.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() / (m - 1.0);
                ChartParams::IndividualsMovingRange {
                    mean,
                    mean_moving_range: mr,
                }
            }
            ChartKind::P | ChartKind::Np => {
                let mut d = 0u64;
                let mut n = 0u64;
                let size = defectives(0, &baseline[0])?.1;
                for (i, s) in baseline.iter().enumerate() {
                    let (di, ni) = defectives(i, s)?;
                    if kind == ChartKind::Np && ni != size {
                        return Err(SpcError::SubgroupSize {
                            index: i,
                            expected: size as usize,
                            found: ni as usize,
                        });
                    }
                    d += di;
                    n += ni;
                }
                let p_bar = d as f64 / n as f64;
                if kind == ChartKind::P {
                    ChartParams::P { p_bar }
                } else {
                    ChartParams::Np { size, p_bar }
                }
            }
            ChartKind::C | ChartKind::U => {
                let mut c = 0u64;
                let mut a = 0.0;
                for (i, s) in baseline.iter().enumerate() {
                    let (ci, ai) = defects(i, s)?;
                    c += ci;
                    a += ai;
                }
                if kind == ChartKind::C {
                    ChartParams::C {
                        c_bar: c as f64 / m,
                    }
                } else {
                    ChartParams::U {
                        u_bar: c as f64 / a,
                    }
                }
            }
        };
        Ok(FrozenLimits {
            params,
            sigmas: 3.0,
            baseline_subgroups: baseline.len(),
        })
    }

    /// The same estimates with limits `sigmas` wide instead of 3.
    pub fn with_sigmas(mut self, sigmas: f64) -> FrozenLimits {
        self.sigmas = sigmas;
        self
    }

    pub fn kind(&self) -> ChartKind {
        match self.params {
            ChartParams::XbarR { .. } => ChartKind::XbarR,
            ChartParams::XbarS { .. } => ChartKind::XbarS,
            ChartParams::IndividualsMovingRange { .. } => ChartKind::IndividualsMovingRange,
            ChartParams::P { .. } => ChartKind::P,
            ChartParams::Np { .. } => ChartKind::Np,
            ChartParams::C { .. } => ChartKind::C,
            ChartParams::U { .. } => ChartKind::U,
        }
    }

    /// Process standard deviation estimated within subgroups (R̄/d2, S̄/c4 or MR̄/d2),
    /// for variables charts.
    pub fn sigma_within(&self) -> Option<f64> {
        match self.params {
            ChartParams::XbarR {
                size, mean_range, ..
            } => Some(mean_range / constants(size)?.d2),
            ChartParams::XbarS {
                size, mean_std_dev, ..
            } => Some(mean_std_dev / constants(size)?.c4),
            ChartParams::IndividualsMovingRange {
                mean_moving_range, ..
            } => Some(mean_moving_range / constants(2)?.d2),
            _ => None,
        }
    }

    /// Centre line of the primary chart (X̄, I, p, np, c or u).
    pub fn centre(&self) -> f64 {
        match self.params {
            ChartParams::XbarR { grand_mean, .. } | ChartParams::XbarS { grand_mean, .. } => {
                grand_mean
            }
            ChartParams::IndividualsMovingRange { mean, .. } => mean,
            ChartParams::P { p_bar } => p_bar,
            ChartParams::Np { size, p_bar } => size as f64 * p_bar,
            ChartParams::C { c_bar } => c_bar,
            ChartParams::U { u_bar } => u_bar,
        }
    }

    /// Plots one subgroup. `previous` is the subgroup before it, needed only for the
    /// moving range of an I-MR chart; `index` only labels errors.
    pub fn plot(
        &self,
        index: usize,
        subgroup: &Subgroup,
        previous: Option<&Subgroup>,
    ) -> Result<Plotted, SpcError> {
        let k = self.sigmas;
        Ok(match self.params {
            ChartParams::XbarR {
                size,
                grand_mean,
                mean_range,
            } => {
                let c = table(size)?;
                let s = sized(index, subgroup, size)?;
                let sigma = mean_range / c.d2;
                Plotted {
                    primary: ChartPoint::symmetric(
                        s.mean,
                        grand_mean,
                        sigma / (size as f64).sqrt(),
                        k,
                    ),
                    secondary: Some(ChartPoint::around(
                        s.range,
                        mean_range,
                        c.d3 * sigma,
                        k,
                        f64::INFINITY,
                    )),
                }
            }
            ChartParams::XbarS {
                size,
                grand_mean,
                mean_std_dev,
            } => {
                let c = table(size)?;
                let s = sized(index, subgroup, size)?;
                let sigma = mean_std_dev / c.c4;
                let s_sigma = sigma * (1.0 - c.c4 * c.c4).sqrt();
                Plotted {
                    primary: ChartPoint::symmetric(
                        s.mean,
                        grand_mean,
                        sigma / (size as f64).sqrt(),
                        k,
                    ),
                    secondary: Some(ChartPoint::around(
                        s.std_dev,
                        mean_std_dev,
                        s_sigma,
                        k,
                        f64::INFINITY,
                    )),
                }
            }
            ChartParams::IndividualsMovingRange {
                mean,
                mean_moving_range,
            } => {
                let c = table(2)?;
                let x = single(index, subgroup)?;
                let sigma = mean_moving_range / c.d2;
                let secondary = match previous {
                    Some(p) => {
                        let mr = (x - single(index.saturating_sub(1), p)?).abs();
                        Some(ChartPoint::around(
                            mr,
                            mean_moving_range,
                            c.d3 * sigma,
                            k,
                            f64::INFINITY,
                        ))
                    }
                    None => None,
                };
                Plotted {
                    primary: ChartPoint::symmetric(x, mean, sigma, k),
                    secondary,
                }
            }
            ChartParams::P { p_bar } => {
                let (d, n) = defectives(index, subgroup)?;
                let sigma = (p_bar * (1.0 - p_bar) / n as f64).sqrt();
                Plotted {
                    primary: ChartPoint::around(d as f64 / n as f64, p_bar, sigma, k, 1.0),
                    secondary: None,
                }
            }
            ChartParams::Np { size, p_bar } => {
                let (d, n) = defectives(index, subgroup)?;
                if n != size {
                    return Err(SpcError::SubgroupSize {
                        index,
                        expected: size as usize,
                        found: n as usize,
                    });
                }
                let n = n as f64;
                let sigma = (n * p_bar * (1.0 - p_bar)).sqrt();
                Plotted {
                    primary: ChartPoint::around(d as f64, n * p_bar, sigma, k, n),
                    secondary: None,
                }
            }
            ChartParams::C { c_bar } => {
                let (c, _) = defects(index, subgroup)?;
                Plotted {
                    primary: ChartPoint::around(c as f64, c_bar, c_bar.sqrt(), k, f64::INFINITY),
                    secondary: None,
                }
            }
            ChartParams::U { u_bar } => {
                let (c, a) = defects(index, subgroup)?;
                Plotted {
                    primary: ChartPoint::around(
                        c as f64 / a,
                        u_bar,
                        (u_bar / a).sqrt(),
                        k,
                        f64::INFINITY,
                    ),
                    secondary: None,
                }
            }
        })
    }

    /// Plots a whole series (each point against these frozen limits).
    pub fn plot_series(&self, subgroups: &[Subgroup]) -> Result<Vec<Plotted>, SpcError> {
        subgroups
            .iter()
            .enumerate()
            .map(|(i, s)| self.plot(i, s, i.checked_sub(1).map(|p| &subgroups[p])))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    #[test]
    fn xbar_r_limits_are_a2_and_d4_times_r_bar() {
        let data = [
            Subgroup::measured(&[1.0, 2.0, 3.0]),
            Subgroup::measured(&[2.0, 2.0, 5.0]),
        ];
        let limits = FrozenLimits::estimate(ChartKind::XbarR, &data).unwrap();
        let c = constants(3).unwrap();
        let p = limits.plot(0, &data[0], None).unwrap();
        close(p.primary.centre, 2.5);
        let r_bar = 2.5;
        close(p.primary.ucl, 2.5 + c.a2 * r_bar);
        close(p.primary.lcl, 2.5 - c.a2 * r_bar);
        let r = p.secondary.unwrap();
        close(r.ucl, c.d4_factor * r_bar);
        close(r.lcl, 0.0);
    }

    #[test]
    fn xbar_s_limits_are_a3_and_b4_times_s_bar() {
        let data = [
            Subgroup::measured(&[1.0, 2.0, 3.0, 4.0, 9.0, 1.0]),
            Subgroup::measured(&[2.0, 2.0, 5.0, 1.0, 1.0, 3.0]),
        ];
        let limits = FrozenLimits::estimate(ChartKind::XbarS, &data).unwrap();
        let c = constants(6).unwrap();
        let s_bar = (Summary::of(&[1.0, 2.0, 3.0, 4.0, 9.0, 1.0]).std_dev
            + Summary::of(&[2.0, 2.0, 5.0, 1.0, 1.0, 3.0]).std_dev)
            / 2.0;
        let p = limits.plot(1, &data[1], None).unwrap();
        close(p.primary.ucl - p.primary.centre, c.a3 * s_bar);
        let s = p.secondary.unwrap();
        close(s.ucl, c.b4 * s_bar);
        close(s.lcl, c.b3 * s_bar);
    }

    #[test]
    fn p_chart_limits_vary_with_the_sample_size_and_stay_in_0_1() {
        let data = [Subgroup::defectives(1, 10), Subgroup::defectives(9, 90)];
        let limits = FrozenLimits::estimate(ChartKind::P, &data).unwrap();
        close(limits.centre(), 0.1);
        let small = limits.plot(0, &data[0], None).unwrap().primary;
        let large = limits.plot(1, &data[1], None).unwrap().primary;
        close(small.lcl, 0.0);
        close(large.ucl, 0.1 + 3.0 * (0.09f64 / 90.0).sqrt());
        assert!(small.ucl > large.ucl);
    }

    #[test]
    fn u_chart_limits_vary_with_the_units_inspected() {
        let data = [Subgroup::defects(4, 2.0), Subgroup::defects(6, 8.0)];
        let limits = FrozenLimits::estimate(ChartKind::U, &data).unwrap();
        close(limits.centre(), 1.0);
        let p = limits.plot(1, &data[1], None).unwrap().primary;
        close(p.value, 0.75);
        close(p.ucl, 1.0 + 3.0 * (1.0f64 / 8.0).sqrt());
    }

    #[test]
    fn individuals_and_moving_range() {
        let data: Vec<Subgroup> = [1.0, 3.0, 2.0, 6.0]
            .iter()
            .map(|&v| Subgroup::individual(v))
            .collect();
        let limits = FrozenLimits::estimate(ChartKind::IndividualsMovingRange, &data).unwrap();
        let plotted = limits.plot_series(&data).unwrap();
        // MR̄ = (2 + 1 + 4)/3; σ̂ = MR̄/d2(2); the MR chart's UCL is D4(2)·MR̄ = 3.267·MR̄.
        let mr_bar = 7.0 / 3.0;
        let c = constants(2).unwrap();
        assert!(plotted[0].secondary.is_none());
        close(plotted[3].secondary.unwrap().value, 4.0);
        close(plotted[0].primary.centre, 3.0);
        close(plotted[0].primary.ucl, 3.0 + 3.0 * mr_bar / c.d2);
        close(plotted[1].secondary.unwrap().ucl, c.d4_factor * mr_bar);
        close(limits.sigma_within().unwrap(), mr_bar / c.d2);
    }

    #[test]
    fn np_and_c_charts() {
        let np = FrozenLimits::estimate(
            ChartKind::Np,
            &[Subgroup::defectives(5, 100), Subgroup::defectives(15, 100)],
        )
        .unwrap();
        let p = np
            .plot(0, &Subgroup::defectives(30, 100), None)
            .unwrap()
            .primary;
        close(p.centre, 10.0);
        close(p.ucl, 10.0 + 3.0 * 9f64.sqrt());
        assert!(p.beyond_limits());
        assert_eq!(
            np.plot(0, &Subgroup::defectives(3, 90), None),
            Err(SpcError::SubgroupSize {
                index: 0,
                expected: 100,
                found: 90
            })
        );
        let c = FrozenLimits::estimate(
            ChartKind::C,
            &[Subgroup::defects(4, 1.0), Subgroup::defects(12, 1.0)],
        )
        .unwrap();
        let p = c.plot(0, &Subgroup::defects(0, 1.0), None).unwrap().primary;
        close(p.ucl, 8.0 + 3.0 * 8f64.sqrt());
        close(p.lcl, 0.0);
        assert!(!p.beyond_limits());
    }

    #[test]
    fn wrong_input_is_refused_with_the_subgroup_index() {
        let data = [
            Subgroup::measured(&[1.0, 2.0]),
            Subgroup::measured(&[1.0, 2.0, 3.0]),
        ];
        assert_eq!(
            FrozenLimits::estimate(ChartKind::XbarR, &data),
            Err(SpcError::SubgroupSize {
                index: 1,
                expected: 2,
                found: 3
            })
        );
        let data = [Subgroup::defectives(3, 2)];
        assert_eq!(
            FrozenLimits::estimate(ChartKind::P, &data)
                .unwrap_err()
                .code(),
            "spc_count_exceeds_inspected"
        );
        let data = [Subgroup::measured(&[f64::NAN, 1.0])];
        assert_eq!(
            FrozenLimits::estimate(ChartKind::XbarR, &data),
            Err(SpcError::NotFinite { index: 0 })
        );
        assert_eq!(
            FrozenLimits::estimate(
                ChartKind::IndividualsMovingRange,
                &[Subgroup::individual(1.0)]
            ),
            Err(SpcError::BaselineTooShort { needed: 2 })
        );
        assert_eq!(
            FrozenLimits::estimate(ChartKind::C, &[Subgroup::individual(1.0)]),
            Err(SpcError::WrongSubgroupKind { index: 0 })
        );
    }

    #[test]
    fn frozen_limits_round_trip_through_json() {
        let limits = FrozenLimits::estimate(ChartKind::Np, &[Subgroup::defectives(2, 50)]).unwrap();
        let json = serde_json::to_string(&limits).unwrap();
        assert!(json.contains("\"kind\":\"np\""), "{json}");
        assert_eq!(serde_json::from_str::<FrozenLimits>(&json).unwrap(), limits);
    }
}
