//! Run rules: the eight Nelson rules (L. S. Nelson, "The Shewhart Control Chart — Tests
//! for Special Causes", *Journal of Quality Technology* 16(4), 1984) and the four Western
//! Electric rules (*Statistical Quality Control Handbook*, Western Electric, 1956), as
//! described in the NIST/SEMATECH e-Handbook §6.3.2 and Montgomery §5.3.6.
//!
//! Zones are measured in sigmas of the plotted statistic from the centre line, per point
//! (so p and u charts with varying sample sizes are judged point by point). Conventions
//! where the wording leaves room (those of R's qcc package, checked against its rule tests):
//!
//! - "beyond" and "within" are strict: a point exactly on a limit or zone edge is neither
//!   beyond nor within; a point on the centre line breaks a run on one side; equal
//!   neighbours break a trend or an alternation.
//! - A rule names the point at which its pattern is complete (the last point of the
//!   window), and the window's first point; overlapping windows each name their point.
//! - Rules 5 and 6 (2 of 3, 4 of 5) name a point only if that point is itself one of the
//!   points beyond the zone, on the same side (our choice; qcc's tests do not decide it).
//! - Rule 8 (eight beyond 1σ) needs points on both sides, as in Nelson's wording
//!   ("on both sides of the centreline with none in zone C"); eight beyond 1σ on one
//!   side is already caught by rules 2 and 6.
//! - Rule 1 uses the chart's actual control limits (clipped at 0 where a statistic cannot
//!   be negative, and as wide as the caller's `sigmas`).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::chart::ChartPoint;
use crate::error::SpcError;

/// One run rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Nelson 1, Western Electric 1: one point beyond the control limits.
    BeyondLimits,
    /// Nelson 2: nine points in a row on one side of the centre line.
    NineOnOneSide,
    /// Nelson 3: six points in a row steadily increasing or decreasing.
    SixTrending,
    /// Nelson 4: fourteen points in a row alternating up and down.
    FourteenAlternating,
    /// Nelson 5, Western Electric 2: two of three points beyond 2σ on one side.
    TwoOfThreeBeyondTwoSigma,
    /// Nelson 6, Western Electric 3: four of five points beyond 1σ on one side.
    FourOfFiveBeyondOneSigma,
    /// Nelson 7: fifteen points in a row within 1σ (stratification).
    FifteenWithinOneSigma,
    /// Nelson 8: eight points in a row beyond 1σ, on both sides (mixture).
    EightBeyondOneSigma,
    /// Western Electric 4: eight points in a row on one side of the centre line.
    EightOnOneSide,
}

impl Rule {
    pub const ALL: [Rule; 9] = [
        Rule::BeyondLimits,
        Rule::NineOnOneSide,
        Rule::SixTrending,
        Rule::FourteenAlternating,
        Rule::TwoOfThreeBeyondTwoSigma,
        Rule::FourOfFiveBeyondOneSigma,
        Rule::FifteenWithinOneSigma,
        Rule::EightBeyondOneSigma,
        Rule::EightOnOneSide,
    ];

    /// The Nelson rule with this number (1..=8).
    pub fn nelson(number: u8) -> Result<Rule, SpcError> {
        match number {
            1..=8 => Ok(Rule::ALL[number as usize - 1]),
            _ => Err(SpcError::UnknownRule { number }),
        }
    }

    /// Stable identifier, for storage and message keys.
    pub fn code(self) -> &'static str {
        match self {
            Rule::BeyondLimits => "beyond_limits",
            Rule::NineOnOneSide => "nine_on_one_side",
            Rule::SixTrending => "six_trending",
            Rule::FourteenAlternating => "fourteen_alternating",
            Rule::TwoOfThreeBeyondTwoSigma => "two_of_three_beyond_two_sigma",
            Rule::FourOfFiveBeyondOneSigma => "four_of_five_beyond_one_sigma",
            Rule::FifteenWithinOneSigma => "fifteen_within_one_sigma",
            Rule::EightBeyondOneSigma => "eight_beyond_one_sigma",
            Rule::EightOnOneSide => "eight_on_one_side",
        }
    }

    /// How many consecutive points the rule looks at.
    pub fn window(self) -> usize {
        match self {
            Rule::BeyondLimits => 1,
            Rule::NineOnOneSide => 9,
            Rule::SixTrending => 6,
            Rule::FourteenAlternating => 14,
            Rule::TwoOfThreeBeyondTwoSigma => 3,
            Rule::FourOfFiveBeyondOneSigma => 5,
            Rule::FifteenWithinOneSigma => 15,
            Rule::EightBeyondOneSigma | Rule::EightOnOneSide => 8,
        }
    }

    /// Whether the window of points ending at `end` shows the pattern.
    fn fires(self, points: &[ChartPoint], end: usize) -> bool {
        let w = self.window();
        if end + 1 < w || end >= points.len() {
            return false;
        }
        let window = &points[end + 1 - w..=end];
        let z: Vec<f64> = window.iter().map(ChartPoint::z).collect();
        let last = z[w - 1];
        match self {
            Rule::BeyondLimits => window[0].beyond_limits(),
            Rule::NineOnOneSide | Rule::EightOnOneSide => {
                z.iter().all(|&v| v > 0.0) || z.iter().all(|&v| v < 0.0)
            }
            Rule::SixTrending => {
                let up = window.windows(2).all(|p| p[1].value > p[0].value);
                let down = window.windows(2).all(|p| p[1].value < p[0].value);
                up || down
            }
            Rule::FourteenAlternating => {
                let steps: Vec<f64> = window.windows(2).map(|p| p[1].value - p[0].value).collect();
                steps.iter().all(|&d| d != 0.0)
                    && steps.windows(2).all(|d| (d[0] > 0.0) != (d[1] > 0.0))
            }
            Rule::TwoOfThreeBeyondTwoSigma => beyond_on_side(&z, last, 2.0, 2),
            Rule::FourOfFiveBeyondOneSigma => beyond_on_side(&z, last, 1.0, 4),
            Rule::FifteenWithinOneSigma => z.iter().all(|v| v.abs() < 1.0),
            Rule::EightBeyondOneSigma => {
                z.iter().all(|v| v.abs() > 1.0)
                    && z.iter().any(|&v| v > 0.0)
                    && z.iter().any(|&v| v < 0.0)
            }
        }
    }
}

/// The last point is beyond `zone` sigmas and at least `count` points of the window are
/// beyond it on the same side.
fn beyond_on_side(z: &[f64], last: f64, zone: f64, count: usize) -> bool {
    if last.abs() <= zone {
        return false;
    }
    let side = last.signum();
    z.iter().filter(|&&v| v * side > zone).count() >= count
}

/// The rules chosen for one characteristic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    pub fn new(rules: &[Rule]) -> RuleSet {
        let mut rules = rules.to_vec();
        rules.sort();
        rules.dedup();
        RuleSet { rules }
    }

    /// All eight Nelson rules.
    pub fn nelson() -> RuleSet {
        RuleSet::new(&Rule::ALL[..8])
    }

    /// The Nelson rules with these numbers (1..=8).
    pub fn nelson_numbers(numbers: &[u8]) -> Result<RuleSet, SpcError> {
        let rules = numbers
            .iter()
            .map(|&n| Rule::nelson(n))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(RuleSet::new(&rules))
    }

    /// The four Western Electric rules: Nelson 1, 5 and 6, and eight on one side.
    pub fn western_electric() -> RuleSet {
        RuleSet::new(&[
            Rule::BeyondLimits,
            Rule::TwoOfThreeBeyondTwoSigma,
            Rule::FourOfFiveBeyondOneSigma,
            Rule::EightOnOneSide,
        ])
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The longest window among the rules: how many recent points a live monitor keeps.
    pub fn max_window(&self) -> usize {
        self.rules.iter().map(|r| r.window()).max().unwrap_or(1)
    }
}

/// A rule that fired: the point where its pattern completes and the first point of
/// the window (both indices in the series checked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Violation {
    pub point: usize,
    pub rule: Rule,
    pub first: usize,
}

/// Every violation in a series.
pub fn check(points: &[ChartPoint], rules: &RuleSet) -> Vec<Violation> {
    check_range(points, rules, 0..points.len())
}

/// The violations whose pattern completes at one of the points `ends` (reading back
/// as many earlier points as the rules need). Cost: O(len(ends) × window).
pub fn check_range(points: &[ChartPoint], rules: &RuleSet, ends: Range<usize>) -> Vec<Violation> {
    let mut out = Vec::new();
    for end in ends.start..ends.end.min(points.len()) {
        for &rule in &rules.rules {
            if rule.fires(points, end) {
                out.push(Violation {
                    point: end,
                    rule,
                    first: end + 1 - rule.window(),
                });
            }
        }
    }
    out
}

/// After a late subgroup was inserted at `inserted` (the series already holds it), the
/// points whose verdicts may have changed, and their fresh violations. Violations the
/// caller stored for points before the range stand; those at or after its end stand too,
/// their indices moved on by one; those inside the range are replaced by the answer.
pub fn recheck_after_insert(
    points: &[ChartPoint],
    rules: &RuleSet,
    inserted: usize,
) -> (Range<usize>, Vec<Violation>) {
    let range = inserted..(inserted + rules.max_window()).min(points.len());
    let violations = check_range(points, rules, range.clone());
    (range, violations)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points given as z-scores around centre 0 with σ = 1 and 3σ limits.
    fn series(z: &[f64]) -> Vec<ChartPoint> {
        z.iter()
            .map(|&value| ChartPoint {
                value,
                centre: 0.0,
                sigma: 1.0,
                lcl: -3.0,
                ucl: 3.0,
            })
            .collect()
    }

    fn fired(rule: Rule, z: &[f64]) -> Vec<usize> {
        check(&series(z), &RuleSet::new(&[rule]))
            .into_iter()
            .map(|v| v.point)
            .collect()
    }

    #[test]
    fn rule_1_one_point_beyond_three_sigma() {
        assert_eq!(
            fired(Rule::BeyondLimits, &[0.0, 3.01, -3.2, 3.0, -3.0]),
            [1, 2]
        );
        assert!(fired(Rule::BeyondLimits, &[2.99, -2.99, 3.0]).is_empty());
    }

    #[test]
    fn rule_2_nine_in_a_row_on_one_side() {
        assert_eq!(fired(Rule::NineOnOneSide, &[0.1; 9]), [8]);
        assert_eq!(fired(Rule::NineOnOneSide, &[-0.1; 10]), [8, 9]);
        assert!(fired(Rule::NineOnOneSide, &[0.1; 8]).is_empty());
        let mut broken = [0.5; 9];
        broken[4] = 0.0; // on the centre line
        assert!(fired(Rule::NineOnOneSide, &broken).is_empty());
    }

    #[test]
    fn rule_3_six_in_a_row_increasing_or_decreasing() {
        assert_eq!(
            fired(Rule::SixTrending, &[-1.0, -0.5, 0.0, 0.2, 0.3, 0.4]),
            [5]
        );
        assert_eq!(
            fired(Rule::SixTrending, &[1.0, 0.8, 0.6, 0.4, 0.2, 0.0, -0.2]),
            [5, 6]
        );
        assert!(fired(Rule::SixTrending, &[-1.0, -0.5, 0.0, 0.2, 0.3]).is_empty());
        assert!(fired(Rule::SixTrending, &[-1.0, -0.5, 0.0, 0.0, 0.3, 0.4]).is_empty());
    }

    #[test]
    fn rule_4_fourteen_alternating() {
        let zigzag: Vec<f64> = (0..14)
            .map(|i| if i % 2 == 0 { 0.5 } else { -0.5 })
            .collect();
        assert_eq!(fired(Rule::FourteenAlternating, &zigzag), [13]);
        assert!(fired(Rule::FourteenAlternating, &zigzag[..13]).is_empty());
        let mut flat = zigzag.clone();
        flat[7] = flat[6]; // two equal neighbours break the alternation
        assert!(fired(Rule::FourteenAlternating, &flat).is_empty());
    }

    #[test]
    fn rule_5_two_of_three_beyond_two_sigma_same_side() {
        assert_eq!(fired(Rule::TwoOfThreeBeyondTwoSigma, &[2.1, 0.0, 2.5]), [2]);
        assert_eq!(
            fired(Rule::TwoOfThreeBeyondTwoSigma, &[0.0, -2.1, -2.2]),
            [2]
        );
        // Opposite sides, or exactly at 2σ, or the third point not itself beyond.
        assert!(fired(Rule::TwoOfThreeBeyondTwoSigma, &[2.1, 0.0, -2.5]).is_empty());
        assert!(fired(Rule::TwoOfThreeBeyondTwoSigma, &[2.0, 0.0, 2.5]).is_empty());
        assert_eq!(
            fired(Rule::TwoOfThreeBeyondTwoSigma, &[0.0, 2.1, 2.2, 0.0]),
            [2]
        );
    }

    #[test]
    fn rule_6_four_of_five_beyond_one_sigma_same_side() {
        assert_eq!(
            fired(Rule::FourOfFiveBeyondOneSigma, &[1.1, 1.2, 0.0, 1.5, 1.1]),
            [4]
        );
        assert!(fired(Rule::FourOfFiveBeyondOneSigma, &[1.1, 1.2, 0.0, 1.5, 1.0]).is_empty());
        assert!(fired(Rule::FourOfFiveBeyondOneSigma, &[1.1, -1.2, 0.0, 1.5, 1.1]).is_empty());
    }

    #[test]
    fn rule_7_fifteen_within_one_sigma() {
        let mut z: Vec<f64> = (0..15)
            .map(|i| if i % 3 == 0 { 0.9 } else { -0.4 })
            .collect();
        assert_eq!(fired(Rule::FifteenWithinOneSigma, &z), [14]);
        z[7] = 1.0;
        assert!(fired(Rule::FifteenWithinOneSigma, &z).is_empty());
    }

    #[test]
    fn rule_8_eight_beyond_one_sigma_both_sides() {
        let z = [1.5, -1.2, 1.1, -2.0, 1.3, 2.5, -1.4, -1.1];
        assert_eq!(fired(Rule::EightBeyondOneSigma, &z), [7]);
        let mut within = z;
        within[3] = -1.0;
        assert!(fired(Rule::EightBeyondOneSigma, &within).is_empty());
        assert!(fired(Rule::EightBeyondOneSigma, &[1.5; 8]).is_empty());
    }

    #[test]
    fn western_electric_rule_4_eight_on_one_side() {
        assert_eq!(fired(Rule::EightOnOneSide, &[0.1; 8]), [7]);
        assert!(fired(Rule::EightOnOneSide, &[0.1; 7]).is_empty());
    }

    #[test]
    fn rule_sets_and_numbers() {
        assert_eq!(RuleSet::nelson().rules().len(), 8);
        assert_eq!(RuleSet::nelson().max_window(), 15);
        assert_eq!(RuleSet::western_electric().max_window(), 8);
        assert_eq!(
            RuleSet::nelson_numbers(&[5, 1, 1]).unwrap().rules(),
            [Rule::BeyondLimits, Rule::TwoOfThreeBeyondTwoSigma]
        );
        assert_eq!(
            RuleSet::nelson_numbers(&[9]).unwrap_err().code(),
            "spc_unknown_rule"
        );
        // Nelson 2 and Western Electric 4 on the same eight points.
        let v = check(&series(&[0.3; 8]), &RuleSet::western_electric());
        assert_eq!(
            v,
            [Violation {
                point: 7,
                rule: Rule::EightOnOneSide,
                first: 0
            }]
        );
        assert!(check(&series(&[0.3; 8]), &RuleSet::nelson()).is_empty());
    }

    #[test]
    fn recheck_after_a_late_point_matches_a_full_check() {
        let z = [
            0.5, 0.4, 0.6, 0.2, 0.1, 0.3, 0.7, 0.2, -0.1, 0.4, 0.3, 1.2, -0.5, 0.9, 0.1, 0.2,
        ];
        let mut points = series(&z);
        let rules = RuleSet::nelson();
        let before = check(&points, &rules);
        // A late subgroup belonging between positions 8 and 9 arrives.
        let at = 8;
        points.insert(at, series(&[0.3])[0]);
        let (range, fresh) = recheck_after_insert(&points, &rules, at);
        let mut merged: Vec<Violation> = before
            .iter()
            .filter(|v| v.point < range.start)
            .copied()
            .chain(fresh)
            .chain(
                before
                    .iter()
                    .map(|v| Violation {
                        point: v.point + 1,
                        first: v.first + 1,
                        ..*v
                    })
                    .filter(|v| v.point >= range.end),
            )
            .collect();
        merged.sort();
        assert_eq!(merged, check(&points, &rules));
        assert!(merged.iter().any(|v| v.rule == Rule::NineOnOneSide));
    }
}
