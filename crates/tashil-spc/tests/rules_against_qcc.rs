//! The run rules against another implementation: the deterministic series and expected
//! flagged points of R's qcc package (its test suite, `tests/testthat/test-rules.R`,
//! qcc 3.x with Nelson rules), on a chart with centre 0, σ = 1 and 3σ limits. Points are
//! numbered from 1 as there. The series and answers are data; no code is taken.

use tashil_spc::{ChartPoint, Rule, RuleSet, rules::check};

fn flagged(rule: Rule, z: &[f64]) -> Vec<usize> {
    let points: Vec<ChartPoint> = z
        .iter()
        .map(|&value| ChartPoint {
            value,
            centre: 0.0,
            sigma: 1.0,
            lcl: -3.0,
            ucl: 3.0,
        })
        .collect();
    check(&points, &RuleSet::new(&[rule]))
        .into_iter()
        .map(|v| v.point + 1)
        .collect()
}

fn rep(v: f64, n: usize) -> Vec<f64> {
    vec![v; n]
}

#[test]
fn nelson_rules_flag_the_same_points_as_qcc() {
    assert_eq!(flagged(Rule::BeyondLimits, &[0.0, 3.2, -3.4, 3.0]), [2, 3]);
    let nine: Vec<f64> = [rep(0.5, 10), vec![-0.5], rep(-0.5, 9)].concat();
    assert_eq!(flagged(Rule::NineOnOneSide, &nine), [9, 10, 19, 20]);
    let trend: Vec<f64> = (1..=7)
        .map(f64::from)
        .chain([7.0])
        .chain((1..=6).rev().map(f64::from))
        .collect();
    assert_eq!(flagged(Rule::SixTrending, &trend), [6, 7, 13, 14]);
    let zigzag = [
        1.0, 3.0, 2.0, 4.0, 3.0, 5.0, 4.0, 6.0, 5.0, 7.0, 6.0, 8.0, 7.0, 9.0, 8.0,
    ];
    assert_eq!(flagged(Rule::FourteenAlternating, &zigzag), [14, 15]);
    assert_eq!(
        flagged(
            Rule::TwoOfThreeBeyondTwoSigma,
            &[0.0, 2.3, 0.4, 2.2, -2.4, -0.2, -2.5]
        ),
        [4, 7]
    );
    let four_of_five = [1.2, 1.3, 0.2, 1.4, 1.5, -1.2, -1.3, -0.1, -1.4, -1.5];
    assert_eq!(
        flagged(Rule::FourOfFiveBeyondOneSigma, &four_of_five),
        [5, 10]
    );
    let stratified: Vec<f64> = [rep(0.3, 16), vec![1.2]].concat();
    assert_eq!(flagged(Rule::FifteenWithinOneSigma, &stratified), [15, 16]);
    let mixture = [1.2, -1.3, 1.1, -1.4, 1.5, -1.2, 1.3, -1.1, 0.2];
    assert_eq!(flagged(Rule::EightBeyondOneSigma, &mixture), [8]);
    assert!(flagged(Rule::EightBeyondOneSigma, &rep(1.2, 8)).is_empty());
}

#[test]
fn western_electric_rules_flag_the_same_points_as_qcc() {
    assert_eq!(flagged(Rule::BeyondLimits, &[0.0, 3.2, -3.5, 2.9]), [2, 3]);
    assert_eq!(
        flagged(Rule::TwoOfThreeBeyondTwoSigma, &[0.0, 2.5, 1.0, 2.6, 0.0]),
        [4]
    );
    assert_eq!(
        flagged(
            Rule::FourOfFiveBeyondOneSigma,
            &[0.0, 1.2, 1.3, 0.2, 1.4, 1.5]
        ),
        [6]
    );
    let eight: Vec<f64> = [rep(-1.0, 8), vec![1.0]].concat();
    assert_eq!(flagged(Rule::EightOnOneSide, &eight), [8]);

    // Overlapping rules on one series, each naming its own points.
    let z: Vec<f64> = [rep(2.5, 7), vec![3.2]].concat();
    assert_eq!(flagged(Rule::EightOnOneSide, &z), [8]);
    assert_eq!(flagged(Rule::FourOfFiveBeyondOneSigma, &z), [5, 6, 7, 8]);
    assert_eq!(
        flagged(Rule::TwoOfThreeBeyondTwoSigma, &z),
        [3, 4, 5, 6, 7, 8]
    );
    assert_eq!(flagged(Rule::BeyondLimits, &z), [8]);
    // Alternation is a Nelson rule only; the Western Electric set does not look for it.
    let alternating: Vec<f64> = (0..15).map(|i| f64::from(i % 2)).collect();
    assert!(
        tashil_spc::rules::check(
            &alternating
                .iter()
                .map(|&value| ChartPoint {
                    value,
                    centre: 0.0,
                    sigma: 1.0,
                    lcl: -3.0,
                    ucl: 3.0
                })
                .collect::<Vec<_>>(),
            &RuleSet::western_electric()
        )
        .is_empty()
    );
    assert_eq!(flagged(Rule::FourteenAlternating, &alternating), [14, 15]);
}
