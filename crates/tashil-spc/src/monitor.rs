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
    fn from_tail(points: &[(usize, ChartPoint)], capacity: usize) -> Window {
        let start = points.len().saturating_sub(capacity);
        Window {
            indices: points[start..].iter().map(|(i, _)| *i).collect(),
            points: points[start..].iter().map(|(_, p)| *p).collect(),
        }
    }

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

/// What a late subgroup changed: the points from it to the end of the series, re-plotted,
/// and every violation completed at one of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LateUpdate {
    /// Position the late subgroup takes in the series.
    pub index: usize,
    /// The late subgroup and every one after it, as now plotted.
    pub plotted: Vec<Plotted>,
    pub violations: Vec<Violation>,
    pub secondary_violations: Vec<Violation>,
}

/// Violations completed at a point with index `from` or later, in a run of points
/// labelled with their subgroup indices.
fn recheck_from(points: &[(usize, ChartPoint)], rules: &RuleSet, from: usize) -> Vec<Violation> {
    let values: Vec<ChartPoint> = points.iter().map(|(_, p)| *p).collect();
    let start = points
        .iter()
        .position(|(i, _)| *i >= from)
        .unwrap_or(points.len());
    check_range(&values, rules, start..values.len())
        .into_iter()
        .map(|v| Violation {
            point: points[v.point].0,
            first: points[v.first].0,
            rule: v.rule,
        })
        .collect()
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
    /// The last few subgroups, to re-plot the tail when a late one arrives.
    recent: VecDeque<Subgroup>,
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
            recent: VecDeque::new(),
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
        let plotted = self.limits.plot(index, &subgroup, self.recent.back())?;
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
        self.remember(subgroup);
        Ok(Update {
            index,
            plotted,
            violations,
            secondary_violations,
        })
    }

    /// A monitor brought up to date with a whole history (after limits are recomputed, or
    /// when a subgroup arrives too late for [`Monitor::insert_late`]). O(history).
    pub fn replay(
        limits: FrozenLimits,
        rules: RuleSet,
        secondary_rules: RuleSet,
        history: &[Subgroup],
    ) -> Result<Monitor, SpcError> {
        let mut monitor = Monitor::new(limits, rules, secondary_rules);
        for s in history {
            monitor.push(s.clone())?;
        }
        Ok(monitor)
    }

    /// The longest rule window on either chart.
    fn window(&self) -> usize {
        self.rules
            .max_window()
            .max(self.secondary_rules.max_window())
    }

    fn remember(&mut self, subgroup: Subgroup) {
        self.recent.push_back(subgroup);
        while self.recent.len() > 2 * self.window() + 1 {
            self.recent.pop_front();
        }
    }

    /// Places a subgroup that arrived late: `after_it` of the subgroups already pushed
    /// belong after it in time (0 is an ordinary push). Re-plots the subgroups from it to
    /// the end (an I-MR chart's next moving range changes) and re-checks the rules there.
    /// The caller replaces what it stored for positions `index..` (older entries there
    /// move on by one) with the answer. Up to one rule window late; later than that
    /// answers [`SpcError::TooLate`], and the caller re-evaluates the stored series and
    /// uses [`Monitor::replay`]. A refused subgroup leaves the state unchanged.
    pub fn insert_late(
        &mut self,
        after_it: usize,
        subgroup: Subgroup,
    ) -> Result<LateUpdate, SpcError> {
        let limit = self.window().min(self.recent.len());
        if after_it > limit {
            return Err(SpcError::TooLate { limit });
        }
        let index = self.count - after_it;
        let base = self.count - self.recent.len();
        let mut tail: Vec<Subgroup> = self.recent.iter().cloned().collect();
        let at = tail.len() - after_it;
        tail.insert(at, subgroup.clone());
        let plotted = tail
            .iter()
            .enumerate()
            .map(|(j, s)| {
                self.limits
                    .plot(base + j, s, j.checked_sub(1).map(|k| &tail[k]))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if let Subgroup::Measured { values } = &subgroup {
            let around = |k: Option<usize>| match k.and_then(|k| tail.get(k)) {
                Some(Subgroup::Measured { values }) => Some(values.as_slice()),
                _ => None,
            };
            let mut capability = self.capability.clone();
            capability
                .push_late(values, around(at.checked_sub(1)), around(Some(at + 1)))
                .map_err(|e| relabel(e, index))?;
            self.capability = capability;
        }
        // The first remembered subgroup lost its predecessor: its moving range is not
        // re-plotted (it lies a full window before the gap, so no verdict needs it).
        let skip_first_secondary = base > 0;
        let primary: Vec<(usize, ChartPoint)> = plotted
            .iter()
            .enumerate()
            .map(|(j, p)| (base + j, p.primary))
            .collect();
        let secondary: Vec<(usize, ChartPoint)> = plotted
            .iter()
            .enumerate()
            .filter(|(j, _)| !(skip_first_secondary && *j == 0))
            .filter_map(|(j, p)| p.secondary.map(|s| (base + j, s)))
            .collect();
        let violations = recheck_from(&primary, &self.rules, index);
        let secondary_violations = recheck_from(&secondary, &self.secondary_rules, index);
        self.primary = Window::from_tail(&primary, self.rules.max_window());
        self.secondary = Window::from_tail(&secondary, self.secondary_rules.max_window());
        self.count += 1;
        self.recent = tail.into();
        while self.recent.len() > 2 * self.window() + 1 {
            self.recent.pop_front();
        }
        Ok(LateUpdate {
            index,
            plotted: plotted[at..].to_vec(),
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
            _ => return Err(SpcError::NotVariablesChart),
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
    use crate::capability::{Specification, WithinMethod, from_subgroups};
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

    /// Pushes `series` without its element `late`, then inserts that element late, then
    /// pushes `more`; every answer must match the batch evaluation of the whole series.
    fn late_matches_batch(kind: ChartKind, series: &[Subgroup], late: usize, more: &[Subgroup]) {
        let limits = FrozenLimits::estimate(kind, &series[..3]).unwrap();
        let rules = RuleSet::nelson();
        let secondary = RuleSet::new(&[Rule::BeyondLimits, Rule::SixTrending]);
        let mut in_order: Vec<Subgroup> = series.to_vec();
        let late_one = in_order.remove(late);
        let mut monitor =
            Monitor::replay(limits.clone(), rules.clone(), secondary.clone(), &in_order).unwrap();
        let after_it = in_order.len() - late;
        let update = monitor.insert_late(after_it, late_one).unwrap();
        let batch = evaluate(&limits, &rules, &secondary, series).unwrap();
        assert_eq!(update.index, late);
        assert_eq!(update.plotted, batch.plotted[late..]);
        let from = |v: &[Violation]| {
            v.iter()
                .filter(|v| v.point >= late)
                .copied()
                .collect::<Vec<_>>()
        };
        assert_eq!(update.violations, from(&batch.violations));
        assert_eq!(
            update.secondary_violations,
            from(&batch.secondary_violations)
        );

        let mut full = series.to_vec();
        for s in more {
            full.push(s.clone());
            let u = monitor.push(s.clone()).unwrap();
            let batch = evaluate(&limits, &rules, &secondary, &full).unwrap();
            let at = |v: &[Violation]| {
                v.iter()
                    .filter(|v| v.point == u.index)
                    .copied()
                    .collect::<Vec<_>>()
            };
            assert_eq!(u.plotted, batch.plotted[u.index]);
            assert_eq!(u.violations, at(&batch.violations));
            assert_eq!(u.secondary_violations, at(&batch.secondary_violations));
        }
        if kind == ChartKind::IndividualsMovingRange {
            let raw: Vec<Vec<f64>> = full
                .iter()
                .map(|s| match s {
                    Subgroup::Measured { values } => values.clone(),
                    _ => unreachable!(),
                })
                .collect();
            let spec = Specification::new(Some(-10.0), Some(10.0)).unwrap();
            let batch = from_subgroups(&raw, WithinMethod::MeanMovingRange, &spec, 0.95).unwrap();
            let live = monitor.capability(&spec, 0.95).unwrap();
            assert!((live.sigma_within - batch.sigma_within).abs() < 1e-9);
            assert!((live.sigma_overall - batch.sigma_overall).abs() < 1e-9);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn late_individuals_match_batch(
            values in prop::collection::vec(-3.0f64..3.0, 6..60),
            more in prop::collection::vec(-3.0f64..3.0, 0..20),
            back in 0usize..16,
        ) {
            let series: Vec<Subgroup> = values.iter().map(|&v| Subgroup::individual(v)).collect();
            let more: Vec<Subgroup> = more.iter().map(|&v| Subgroup::individual(v)).collect();
            let late = series.len().saturating_sub(1 + back).max(3);
            late_matches_batch(ChartKind::IndividualsMovingRange, &series, late, &more);
        }

        #[test]
        fn late_xbar_r_subgroups_match_batch(
            values in prop::collection::vec(-3.0f64..3.0, 24..160),
            back in 0usize..16,
        ) {
            let series: Vec<Subgroup> = values.chunks_exact(3).map(Subgroup::measured).collect();
            let late = series.len().saturating_sub(1 + back).max(3);
            late_matches_batch(ChartKind::XbarR, &series, late, &series[..4]);
        }
    }

    #[test]
    fn too_late_is_refused_without_change() {
        let series: Vec<Subgroup> = (0..40)
            .map(|i| Subgroup::individual(f64::from(i % 7)))
            .collect();
        let limits = FrozenLimits::estimate(ChartKind::IndividualsMovingRange, &series).unwrap();
        let mut monitor = Monitor::replay(
            limits,
            RuleSet::nelson(),
            RuleSet::new(&[Rule::BeyondLimits]),
            &series,
        )
        .unwrap();
        let before = monitor.clone();
        assert_eq!(
            monitor.insert_late(16, Subgroup::individual(1.0)),
            Err(SpcError::TooLate { limit: 15 })
        );
        assert_eq!(monitor, before);
    }

    #[test]
    fn attribute_charts_have_no_capability() {
        let limits = FrozenLimits::estimate(ChartKind::C, &[Subgroup::defects(3, 1.0)]).unwrap();
        let mut monitor = Monitor::new(limits, RuleSet::nelson(), RuleSet::nelson());
        let update = monitor.push(Subgroup::defects(4, 1.0)).unwrap();
        assert!(update.plotted.secondary.is_none());
        let spec = Specification::new(None, Some(5.0)).unwrap();
        assert_eq!(
            monitor.capability(&spec, 0.95),
            Err(SpcError::NotVariablesChart)
        );
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
