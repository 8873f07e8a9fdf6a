//! The live state of one characteristic: frozen limits, chosen rules, the last few
//! plotted points and running sums for capability. Each arriving subgroup costs
//! O(window + subgroup size), however long the history; the answers are the same as
//! plotting and checking the whole series again (see the tests).
//!
//! The state is plain data (serde), so the caller can store it beside the characteristic
//! and pick it up when the next batch arrives. Stored as JSON it must come back bit for
//! bit (serde_json's `float_roundtrip` feature), or live answers drift from batch ones
//! in the last digit.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::capability::{Capability, CapabilityAccumulator, Specification, WithinMethod};
use crate::chart::{ChartKind, ChartPoint, FrozenLimits, Plotted, Subgroup};
use crate::error::SpcError;
use crate::rules::{RuleSet, Violation, check_range};

/// Recent points of one chart panel with their subgroup indices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Window {
    indices: VecDeque<usize>,
    points: VecDeque<ChartPoint>,
}

impl Window {
    /// Adds a point, keeps at most `capacity`, and returns the violations completed at it
    /// (indices translated to subgroup indices).
    fn push(&mut self, index: usize, point: ChartPoint, rules: &RuleSet) -> Vec<Violation> {
        self.indices.push_back(index);
        self.points.push_back(point);
        while self.points.len() > rules.max_window() {
            self.indices.pop_front();
            self.points.pop_front();
        }
        let points = self.points.make_contiguous();
        let last = points.len() - 1;
        check_range(points, rules, last..last + 1)
            .into_iter()
            .map(|v| Violation {
                point: self.indices[v.point],
                first: self.indices[v.first],
                rule: v.rule,
            })
            .collect()
    }
}

/// What one arriving subgroup produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Update {
    /// Position of the subgroup in the monitored series (0-based).
    pub index: usize,
    pub plotted: Plotted,
    /// Rules that fired at this subgroup on the primary chart (X̄, I, p, np, c, u).
    pub violations: Vec<Violation>,
    /// Rules that fired at it on the dispersion chart (R, S, MR).
    pub secondary_violations: Vec<Violation>,
}

/// Live monitoring state of one characteristic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Monitor {
    limits: FrozenLimits,
    rules: RuleSet,
    secondary_rules: RuleSet,
    count: usize,
    previous: Option<Subgroup>,
    primary: Window,
    secondary: Window,
    capability: CapabilityAccumulator,
}

impl Monitor {
    /// Starts monitoring against frozen limits with the characteristic's rules on the
    /// primary chart and `secondary_rules` on the dispersion chart (commonly only
    /// [`crate::Rule::BeyondLimits`]: the zone rules assume a symmetric statistic).
    pub fn new(limits: FrozenLimits, rules: RuleSet, secondary_rules: RuleSet) -> Monitor {
        Monitor {
            limits,
            rules,
            secondary_rules,
            count: 0,
            previous: None,
            primary: Window::default(),
            secondary: Window::default(),
            capability: CapabilityAccumulator::new(),
        }
    }

    pub fn limits(&self) -> &FrozenLimits {
        &self.limits
    }

    /// How many subgroups have been pushed.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Plots the next subgroup in time order and checks the rules at it. A refused
    /// subgroup leaves the state unchanged.
    pub fn push(&mut self, subgroup: Subgroup) -> Result<Update, SpcError> {
        let index = self.count;
        let plotted = self.limits.plot(index, &subgroup, self.previous.as_ref())?;
        if let Subgroup::Measured { values } = &subgroup {
            let mut capability = self.capability.clone();
            capability.push(values).map_err(|e| relabel(e, index))?;
            self.capability = capability;
        }
        let violations = self.primary.push(index, plotted.primary, &self.rules);
        let secondary_violations = match plotted.secondary {
            Some(point) => self.secondary.push(index, point, &self.secondary_rules),
            None => Vec::new(),
        };
        self.count += 1;
        if self.limits.kind() == ChartKind::IndividualsMovingRange {
            self.previous = Some(subgroup);
        }
        Ok(Update {
            index,
            plotted,
            violations,
            secondary_violations,
        })
    }

    /// Capability of everything pushed so far (variables charts only), with σ within
    /// estimated the way the chart estimates it.
    pub fn capability(
        &self,
        spec: &Specification,
        confidence: f64,
    ) -> Result<Capability, SpcError> {
        let method = match self.limits.kind() {
            ChartKind::XbarR => WithinMethod::MeanRange,
            ChartKind::XbarS => WithinMethod::MeanStdDev,
            ChartKind::IndividualsMovingRange => WithinMethod::MeanMovingRange,
            _ => return Err(SpcError::WrongSubgroupKind { index: 0 }),
        };
        self.capability.capability(method, spec, confidence)
    }
}

fn relabel(error: SpcError, index: usize) -> SpcError {
    match error {
        SpcError::NotFinite { .. } => SpcError::NotFinite { index },
        SpcError::SubgroupSize {
            expected, found, ..
        } => SpcError::SubgroupSize {
            index,
            expected,
            found,
        },
        other => other,
    }
}

/// The batch answer a monitor must agree with: every point plotted against the frozen
/// limits and every violation in the whole series, on both panels.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub plotted: Vec<Plotted>,
    pub violations: Vec<Violation>,
    pub secondary_violations: Vec<Violation>,
}

/// Plots and checks a whole series at once (for pages that redraw a chart, for limits
/// recomputed over history, and as the reference the monitor is tested against).
pub fn evaluate(
    limits: &FrozenLimits,
    rules: &RuleSet,
    secondary_rules: &RuleSet,
    subgroups: &[Subgroup],
) -> Result<Evaluation, SpcError> {
    let plotted = limits.plot_series(subgroups)?;
    let primary: Vec<ChartPoint> = plotted.iter().map(|p| p.primary).collect();
    let (indices, secondary): (Vec<usize>, Vec<ChartPoint>) = plotted
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.secondary.map(|s| (i, s)))
        .unzip();
    let violations = crate::rules::check(&primary, rules);
    let secondary_violations = crate::rules::check(&secondary, secondary_rules)
        .into_iter()
        .map(|v| Violation {
            point: indices[v.point],
            first: indices[v.first],
            rule: v.rule,
        })
        .collect();
    Ok(Evaluation {
        plotted,
        violations,
        secondary_violations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capability::from_subgroups;
    use crate::rules::Rule;
    use proptest::prelude::*;

    fn run(limits: &FrozenLimits, subgroups: &[Subgroup]) -> (Monitor, Evaluation) {
        let rules = RuleSet::nelson();
        let secondary = RuleSet::new(&[Rule::BeyondLimits, Rule::NineOnOneSide]);
        let mut monitor = Monitor::new(limits.clone(), rules.clone(), secondary.clone());
        let mut plotted = Vec::new();
        let mut violations = Vec::new();
        let mut secondary_violations = Vec::new();
        for s in subgroups {
            // The state survives a round trip through storage between subgroups.
            let json = serde_json::to_string(&monitor).unwrap();
            monitor = serde_json::from_str(&json).unwrap();
            let u = monitor.push(s.clone()).unwrap();
            plotted.push(u.plotted);
            violations.extend(u.violations);
            secondary_violations.extend(u.secondary_violations);
        }
        let batch = evaluate(limits, &rules, &secondary, subgroups).unwrap();
        let live = Evaluation {
            plotted,
            violations,
            secondary_violations,
        };
        assert_eq!(live, batch);
        (monitor, batch)
    }

    fn drifting(seed: &[f64], n: usize) -> Vec<Subgroup> {
        seed.chunks(n).map(Subgroup::measured).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn monitor_agrees_with_batch_for_xbar_r_and_capability(
            values in prop::collection::vec(-5.0f64..5.0, 20..200),
            drift in -0.2f64..0.2,
        ) {
            let values: Vec<f64> = values.iter().enumerate().map(|(i, v)| v + drift * i as f64 / 5.0).collect();
            let subgroups = drifting(&values[..values.len() / 4 * 4], 4);
            let limits = FrozenLimits::estimate(ChartKind::XbarR, &subgroups[..5]).unwrap();
            let (monitor, _) = run(&limits, &subgroups);
            let spec = Specification::new(Some(-8.0), Some(9.0)).unwrap();
            let live = monitor.capability(&spec, 0.95).unwrap();
            let raw: Vec<Vec<f64>> = subgroups.iter().map(|s| match s {
                Subgroup::Measured { values } => values.clone(),
                _ => unreachable!(),
            }).collect();
            let batch = from_subgroups(&raw, WithinMethod::MeanRange, &spec, 0.95).unwrap();
            for (a, b) in [
                (live.cp.unwrap().estimate, batch.cp.unwrap().estimate),
                (live.cpk.estimate, batch.cpk.estimate),
                (live.cpk.lower, batch.cpk.lower),
                (live.pp.unwrap().upper, batch.pp.unwrap().upper),
                (live.ppk.estimate, batch.ppk.estimate),
            ] {
                prop_assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{} vs {}", a, b);
            }
        }

        #[test]
        fn monitor_agrees_with_batch_for_individuals(
            values in prop::collection::vec(-3.0f64..3.0, 3..120),
            shift in 0usize..120,
        ) {
            let values: Vec<f64> = values.iter().enumerate().map(|(i, v)| if i > shift { v + 2.5 } else { *v }).collect();
            let subgroups: Vec<Subgroup> = values.iter().map(|&v| Subgroup::individual(v)).collect();
            let limits = FrozenLimits::estimate(ChartKind::IndividualsMovingRange, &subgroups[..3]).unwrap();
            let (monitor, _) = run(&limits, &subgroups);
            let spec = Specification::new(None, Some(10.0)).unwrap();
            let raw: Vec<Vec<f64>> = values.iter().map(|&v| vec![v]).collect();
            if let Ok(batch) = from_subgroups(&raw, WithinMethod::MeanMovingRange, &spec, 0.9) {
                let live = monitor.capability(&spec, 0.9).unwrap();
                prop_assert!((live.cpk.estimate - batch.cpk.estimate).abs() <= 1e-9 * batch.cpk.estimate.abs().max(1.0));
            }
        }

        #[test]
        fn monitor_agrees_with_batch_for_p_charts_of_varying_size(
            counts in prop::collection::vec((0u64..30, 30u64..60), 2..150),
        ) {
            let subgroups: Vec<Subgroup> = counts.iter().map(|&(d, n)| Subgroup::defectives(d, n)).collect();
            let limits = FrozenLimits::estimate(ChartKind::P, &subgroups[..2]).unwrap();
            run(&limits, &subgroups);
        }
    }

    #[test]
    fn refused_subgroup_leaves_the_state_unchanged() {
        let base = [
            Subgroup::measured(&[1.0, 2.0]),
            Subgroup::measured(&[2.0, 4.0]),
        ];
        let limits = FrozenLimits::estimate(ChartKind::XbarR, &base).unwrap();
        let mut monitor = Monitor::new(
            limits,
            RuleSet::nelson(),
            RuleSet::nelson_numbers(&[1]).unwrap(),
        );
        monitor.push(base[0].clone()).unwrap();
        let before = monitor.clone();
        assert_eq!(
            monitor.push(Subgroup::measured(&[1.0])),
            Err(SpcError::SubgroupSize {
                index: 1,
                expected: 2,
                found: 1
            })
        );
        assert_eq!(monitor, before);
        assert_eq!(monitor.push(base[1].clone()).unwrap().index, 1);
    }
}
