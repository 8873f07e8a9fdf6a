//! Hand-computed cases: each expected verdict is worked out in the comment beside it.
//! Notation: ≤ 10 is an inclusive maximum, < 10 an exclusive one; x ± U a result with its
//! expanded uncertainty; [a, b] the coverage interval x − U … x + U.

use super::*;
use crate::conformity::model::limit::{Bound, LimitError};
use crate::conformity::model::measure::{Category, MeasureError};

use DecisionRule::{GuardBanded as Guard, SimpleAcceptance as Simple};
use Verdict::{Fail, Inconclusive as Inc, Pass};

fn limit(min: Option<Bound>, max: Option<Bound>) -> Limit {
    Limit::new(min, max).unwrap()
}

fn at_most(v: f64) -> Limit {
    limit(None, Some(Bound::inclusive(v)))
}
fn below(v: f64) -> Limit {
    limit(None, Some(Bound::exclusive(v)))
}
fn at_least(v: f64) -> Limit {
    limit(Some(Bound::inclusive(v)), None)
}
fn above(v: f64) -> Limit {
    limit(Some(Bound::exclusive(v)), None)
}

/// The verdict of x ± U (in the limit's unit) under `rule`.
fn v(l: Limit, rule: DecisionRule, x: f64, u: f64) -> Verdict {
    let req = Requirement::new("C62", Some(l), &[]).unwrap();
    let m = Measured::Quantity(Measurement::new(x, "C62", Some(u), None).unwrap());
    judge(&req, &m, rule).unwrap().verdict
}

/// Each (x, expected) under `rule` with uncertainty `u`.
fn check(l: Limit, rule: DecisionRule, u: f64, cases: &[(f64, Verdict)]) {
    for &(x, want) in cases {
        assert_eq!(
            v(l, rule, x, u),
            want,
            "{x} ± {u} under {rule:?} against {l:?}"
        );
    }
}

// Simple acceptance: the value alone; U is reported and ignored (here U = 5, far wider
// than any of the distances to the limit).

#[test]
fn simple_acceptance_inclusive_maximum() {
    // ≤ 10: 10 is on the limit (10 ≤ 10), 9.99 inside, 10.01 outside.
    check(
        at_most(10.0),
        Simple,
        5.0,
        &[(10.0, Pass), (9.99, Pass), (10.01, Fail)],
    );
}

#[test]
fn simple_acceptance_exclusive_maximum() {
    // < 10: 10 is not below 10.
    check(
        below(10.0),
        Simple,
        5.0,
        &[(10.0, Fail), (9.99, Pass), (10.01, Fail)],
    );
}

#[test]
fn simple_acceptance_inclusive_minimum() {
    // ≥ 2.5: 2.5 on, 2.51 inside, 2.49 outside.
    check(
        at_least(2.5),
        Simple,
        5.0,
        &[(2.5, Pass), (2.51, Pass), (2.49, Fail)],
    );
}

#[test]
fn simple_acceptance_exclusive_minimum() {
    // > 2.5: 2.5 is not above 2.5.
    check(
        above(2.5),
        Simple,
        5.0,
        &[(2.5, Fail), (2.51, Pass), (2.49, Fail)],
    );
}

#[test]
fn simple_acceptance_ranges() {
    // 6.5 ≤ pH ≤ 8.5: both ends on, just inside and just outside each.
    let inclusive = limit(Some(Bound::inclusive(6.5)), Some(Bound::inclusive(8.5)));
    check(
        inclusive,
        Simple,
        5.0,
        &[
            (6.5, Pass),
            (6.51, Pass),
            (6.49, Fail),
            (8.5, Pass),
            (8.49, Pass),
            (8.51, Fail),
            (7.0, Pass),
        ],
    );
    // 6.5 < pH < 8.5: the ends are out.
    let exclusive = limit(Some(Bound::exclusive(6.5)), Some(Bound::exclusive(8.5)));
    check(
        exclusive,
        Simple,
        5.0,
        &[
            (6.5, Fail),
            (6.51, Pass),
            (6.49, Fail),
            (8.5, Fail),
            (8.49, Pass),
            (8.51, Fail),
        ],
    );
    // 2 ≤ x < 5: one end in, the other out.
    let mixed = limit(Some(Bound::inclusive(2.0)), Some(Bound::exclusive(5.0)));
    check(
        mixed,
        Simple,
        5.0,
        &[(2.0, Pass), (5.0, Fail), (4.99, Pass)],
    );
}

// Guard band w = U: pass when all of [x − U, x + U] is within, fail when all of it is
// beyond a bound, inconclusive when it straddles.

#[test]
fn guard_band_inclusive_maximum() {
    // ≤ 10, U = 0.5: acceptance zone x ≤ 9.5, rejection zone x > 10.5.
    check(
        at_most(10.0),
        Guard,
        0.5,
        &[
            // [9, 10]: its top end is on the limit, within → pass.
            (9.5, Pass),
            // [8.99, 9.99]
            (9.49, Pass),
            // [9.01, 10.01]: straddles 10 → inconclusive, though 9.51 itself is inside.
            (9.51, Inc),
            // [9.5, 10.5]: on the limit.
            (10.0, Inc),
            // [10, 11]: its low end 10 is still within (≤ 10) → inconclusive.
            (10.5, Inc),
            // [10.01, 11.01]: all beyond → fail.
            (10.51, Fail),
        ],
    );
}

#[test]
fn guard_band_exclusive_maximum() {
    // < 10, U = 0.5.
    check(
        below(10.0),
        Guard,
        0.5,
        &[
            // [9, 10]: 10 is not below 10 → not all within; 9 is → inconclusive.
            (9.5, Inc),
            // [8.99, 9.99] all below 10.
            (9.49, Pass),
            // [9.99, 10.99]: 9.99 is below → inconclusive.
            (10.49, Inc),
            // [10, 11]: none below 10 → fail.
            (10.5, Fail),
        ],
    );
}

#[test]
fn guard_band_inclusive_minimum() {
    // ≥ 2.5, U = 0.1: acceptance zone x ≥ 2.6, rejection zone x < 2.4.
    check(
        at_least(2.5),
        Guard,
        0.1,
        &[
            // [2.5, 2.7]: low end on the limit → pass.
            (2.6, Pass),
            // [2.51, 2.71]
            (2.61, Pass),
            // [2.49, 2.69]
            (2.59, Inc),
            // [2.4, 2.6]
            (2.5, Inc),
            // [2.3, 2.5]: its top end 2.5 still ≥ 2.5 → inconclusive.
            (2.4, Inc),
            // [2.29, 2.49]: all below → fail.
            (2.39, Fail),
        ],
    );
}

#[test]
fn guard_band_exclusive_minimum() {
    // > 2.5, U = 0.1.
    check(
        above(2.5),
        Guard,
        0.1,
        &[
            // [2.5, 2.7]: 2.5 is not above 2.5 → inconclusive.
            (2.6, Inc),
            // [2.51, 2.71]
            (2.61, Pass),
            // [2.31, 2.51]: 2.51 is above → inconclusive.
            (2.41, Inc),
            // [2.3, 2.5]: none above 2.5 → fail.
            (2.4, Fail),
        ],
    );
}

#[test]
fn guard_band_range_both_sides() {
    // 6.5 ≤ pH ≤ 8.5, U = 0.2: acceptance zone 6.7 … 8.3.
    let range = limit(Some(Bound::inclusive(6.5)), Some(Bound::inclusive(8.5)));
    check(
        range,
        Guard,
        0.2,
        &[
            // [6.8, 7.2]
            (7.0, Pass),
            // [6.5, 6.9] and [8.1, 8.5]: ends on the limits → pass.
            (6.7, Pass),
            (8.3, Pass),
            // [6.49, 6.89] and [8.11, 8.51]: inconclusive on either side.
            (6.69, Inc),
            (8.31, Inc),
            // [6.1, 6.5] and [8.5, 8.9]: touching from outside → inconclusive.
            (6.3, Inc),
            (8.7, Inc),
            // [6.09, 6.49] and [8.51, 8.91]: beyond → fail.
            (6.29, Fail),
            (8.71, Fail),
        ],
    );
}

#[test]
fn an_uncertainty_wider_than_the_range_straddles_both_limits() {
    let range = limit(Some(Bound::inclusive(6.5)), Some(Bound::inclusive(8.5)));
    // [6, 9]: past both limits, so neither all within nor all beyond one → inconclusive.
    // The acceptance zone 6.5 + 1.5 … 8.5 − 1.5 = 8 … 7 is empty: nothing can pass.
    assert_eq!(v(range, Guard, 7.5, 1.5), Inc);
    // [6.5, 8.5] fits exactly → pass.
    assert_eq!(v(range, Guard, 7.5, 1.0), Pass);
    // Simple acceptance ignores U: 7.5 is within.
    assert_eq!(v(range, Simple, 7.5, 1.5), Pass);
}

#[test]
fn decimal_ends_are_not_pushed_over_a_limit_by_binary_noise() {
    // ≤ 0.3, 0.1 ± 0.2: [−0.1, 0.3]; in binary 0.1 + 0.2 = 0.30000000000000004 > 0.3.
    assert!(std::hint::black_box(0.1) + 0.2 > 0.3);
    assert_eq!(v(at_most(0.3), Guard, 0.1, 0.2), Pass);
    // ≥ 0.2, 0.3 ± 0.1: [0.2, 0.4]; in binary 0.3 − 0.1 = 0.19999999999999998 < 0.2.
    assert!(std::hint::black_box(0.3) - 0.1 < 0.2);
    assert_eq!(v(at_least(0.2), Guard, 0.3, 0.1), Pass);
}

#[test]
fn with_zero_uncertainty_a_guard_band_is_simple_acceptance() {
    let limits = [
        at_most(10.0),
        below(10.0),
        at_least(2.5),
        above(2.5),
        limit(Some(Bound::inclusive(6.5)), Some(Bound::exclusive(8.5))),
    ];
    let values = [
        2.49, 2.5, 2.51, 6.49, 6.5, 7.0, 8.49, 8.5, 8.51, 9.99, 10.0, 10.01,
    ];
    for l in limits {
        for x in values {
            assert_eq!(
                v(l, Guard, x, 0.0),
                v(l, Simple, x, 0.0),
                "{x} against {l:?}"
            );
            assert_ne!(v(l, Guard, x, 0.0), Inc, "{x} against {l:?}");
        }
    }
    // ≤ 10 with U = 0: 10 passes, 10.01 fails; nothing is inconclusive.
    check(at_most(10.0), Guard, 0.0, &[(10.0, Pass), (10.01, Fail)]);
}

#[test]
fn a_guard_band_needs_an_uncertainty_and_simple_acceptance_does_not() {
    let req = Requirement::new("C62", Some(at_most(10.0)), &[]).unwrap();
    let m = Measured::Quantity(Measurement::new(9.0, "C62", None, None).unwrap());
    assert_eq!(judge(&req, &m, Guard), Err(JudgeError::UncertaintyRequired));
    assert_eq!(judge(&req, &m, Simple).unwrap().verdict, Pass);
}

#[test]
fn not_a_number_and_infinity_are_refused_before_any_verdict() {
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(
            Measurement::new(x, "KGM", Some(0.1), None),
            Err(MeasureError::ValueNotFinite)
        );
        assert_eq!(
            Measurement::new(1.0, "KGM", Some(x), None),
            Err(MeasureError::UncertaintyInvalid)
        );
        assert_eq!(
            Limit::new(None, Some(Bound::inclusive(x))),
            Err(LimitError::NotFinite)
        );
    }
}

// Results in another unit than the clause's are judged in the clause's unit.

/// The judgement of `x ± u` in `unit` against a clause in `clause_unit`.
fn judged(
    l: Limit,
    clause_unit: &str,
    x: f64,
    unit: &str,
    u: f64,
    rule: DecisionRule,
) -> Result<Judgement, JudgeError> {
    let req = Requirement::new(clause_unit, Some(l), &[]).unwrap();
    let m = Measured::Quantity(Measurement::new(x, unit, Some(u), None).unwrap());
    judge(&req, &m, rule)
}

fn in_clause(j: &Judgement) -> (f64, Option<f64>, &'static str) {
    let m = j.in_clause_unit.unwrap();
    (m.value(), m.uncertainty(), m.unit())
}

#[test]
fn grams_against_kilograms() {
    // ≤ 1.5 kg; 1500 g ± 20 g = 1.5 kg ± 0.02 kg.
    let j = judged(at_most(1.5), "KGM", 1500.0, "GRM", 20.0, Simple).unwrap();
    assert_eq!(in_clause(&j), (1.5, Some(0.02), "KGM"));
    // On the limit: simple acceptance passes …
    assert_eq!(j.verdict, Pass);
    // … a guard band sees [1.48, 1.52] straddle 1.5.
    let j = judged(at_most(1.5), "KGM", 1500.0, "GRM", 20.0, Guard).unwrap();
    assert_eq!(j.verdict, Inc);
    // 1480 g ± 20 g = [1.46, 1.5] kg → pass.
    let j = judged(at_most(1.5), "KGM", 1480.0, "GRM", 20.0, Guard).unwrap();
    assert_eq!(j.verdict, Pass);
    // 1501 g = 1.501 kg > 1.5 → fail.
    let j = judged(at_most(1.5), "KGM", 1501.0, "GRM", 20.0, Simple).unwrap();
    assert_eq!(j.verdict, Fail);
}

#[test]
fn megapascals_against_kilopascals() {
    // ≥ 350 kPa; 0.35 MPa × 1000 = 350 kPa, on the limit.
    let j = judged(at_least(350.0), "KPA", 0.35, "MPA", 0.002, Simple).unwrap();
    assert_eq!(
        (j.verdict, in_clause(&j)),
        (Pass, (350.0, Some(2.0), "KPA"))
    );
    // 0.349 MPa = 349 kPa < 350.
    let j = judged(at_least(350.0), "KPA", 0.349, "MPA", 0.002, Simple).unwrap();
    assert_eq!(j.verdict, Fail);
    // 0.352 MPa ± 0.002 MPa = [350, 354] kPa → pass under a guard band.
    let j = judged(at_least(350.0), "KPA", 0.352, "MPA", 0.002, Guard).unwrap();
    assert_eq!(j.verdict, Pass);
}

#[test]
fn celsius_against_kelvin_takes_the_offset_on_the_value_only() {
    // ≤ 373.15 K; 100 °C ± 0.5 °C = (100 + 273.15) K ± 0.5 K = 373.15 K ± 0.5 K.
    let j = judged(at_most(373.15), "KEL", 100.0, "CEL", 0.5, Simple).unwrap();
    assert_eq!(
        (j.verdict, in_clause(&j)),
        (Pass, (373.15, Some(0.5), "KEL"))
    );
    // [372.65, 373.65] straddles 373.15.
    let j = judged(at_most(373.15), "KEL", 100.0, "CEL", 0.5, Guard).unwrap();
    assert_eq!(j.verdict, Inc);
    // 100.01 °C = 373.16 K > 373.15.
    let j = judged(at_most(373.15), "KEL", 100.01, "CEL", 0.5, Simple).unwrap();
    assert_eq!(j.verdict, Fail);
}

#[test]
fn fahrenheit_and_kelvin_against_celsius() {
    // ≤ 60 °C; 140 °F = (140 + 459.67) × 5/9 − 273.15 = 333.15 − 273.15 = 60 °C, on it.
    let j = judged(at_most(60.0), "CEL", 140.0, "FAH", 0.9, Simple).unwrap();
    // U: 0.9 °F × 5/9 = 0.5 °C (no offset).
    assert_eq!((j.verdict, in_clause(&j)), (Pass, (60.0, Some(0.5), "CEL")));
    // 131 °F = (131 + 459.67) × 5/9 − 273.15 = 328.15 − 273.15 = 55 °C; [54.5, 55.5] → pass.
    let j = judged(at_most(60.0), "CEL", 131.0, "FAH", 0.9, Guard).unwrap();
    assert_eq!((j.verdict, in_clause(&j).0), (Pass, 55.0));
    // 333.16 K − 273.15 = 60.01 °C > 60.
    let j = judged(at_most(60.0), "CEL", 333.16, "KEL", 0.0, Simple).unwrap();
    assert_eq!((j.verdict, in_clause(&j).0), (Fail, 60.01));
}

#[test]
fn percent_against_one() {
    // ≤ 0.05 (one); 5 % ÷ 100 = 0.05, on it; 5.1 % = 0.051 → fail.
    let j = judged(at_most(0.05), "C62", 5.0, "P1", 0.2, Simple).unwrap();
    // U: 0.2 % ÷ 100 = 0.002.
    assert_eq!(
        (j.verdict, in_clause(&j)),
        (Pass, (0.05, Some(0.002), "C62"))
    );
    let j = judged(at_most(0.05), "C62", 5.1, "P1", 0.2, Simple).unwrap();
    assert_eq!(j.verdict, Fail);
}

#[test]
fn parts_per_million_against_milligrams_per_kilogram() {
    // Lead ≤ 0.3 mg/kg; 1 ppm = 10⁻⁶ = 1 mg/kg, so 0.3 ppm = 0.3 mg/kg, on it.
    let j = judged(at_most(0.3), "NA", 0.3, "59", 0.0, Simple).unwrap();
    assert_eq!((j.verdict, in_clause(&j).0), (Pass, 0.3));
    // 0.31 ppm = 0.31 mg/kg → fail.
    let j = judged(at_most(0.3), "NA", 0.31, "59", 0.0, Simple).unwrap();
    assert_eq!(j.verdict, Fail);
    // 300 µg/kg ÷ 1000 = 0.3 mg/kg.
    let j = judged(at_most(0.3), "NA", 300.0, "J33", 0.0, Simple).unwrap();
    assert_eq!((j.verdict, in_clause(&j).0), (Pass, 0.3));
    // And the other way: ≤ 50 ppm; 0.004 % (m/m) = 0.00004 = 40 ppm → pass.
    let j = judged(at_most(50.0), "59", 0.004, "60", 0.0, Simple).unwrap();
    assert_eq!((j.verdict, in_clause(&j).0), (Pass, 40.0));
}

#[test]
fn units_of_different_quantities_are_an_error_naming_both() {
    let e = judged(at_most(1.5), "KGM", 1.0, "MTR", 0.0, Simple).unwrap_err();
    assert_eq!(
        e,
        JudgeError::UnitInconvertible {
            from: "MTR".into(),
            to: "KGM".into()
        }
    );
    assert_eq!(e.code(), "unit_inconvertible");
    assert_eq!(
        e.args(),
        [("from", "m".to_string()), ("to", "kg".to_string())]
    );
    // A volume fraction is not a mass fraction; mg/l is not mg/kg.
    for (clause, result) in [("60", "VP"), ("NA", "M1"), ("CEL", "P1"), ("MPA", "NEW")] {
        let e = judged(at_most(1.0), clause, 1.0, result, 0.0, Guard).unwrap_err();
        assert_eq!(e.code(), "unit_inconvertible", "{result} against {clause}");
    }
}

#[test]
fn a_value_that_overflows_in_the_clause_unit_is_refused() {
    // 10³⁰⁰ t × 10¹² µg/t = 10³¹² µg: beyond f64.
    let e = judged(at_most(1.0), "MC", 1e300, "TNE", 0.0, Simple).unwrap_err();
    assert_eq!(e, JudgeError::ValueOutOfRange);
}

// Categorical clauses.

fn category(allowed: &[&str], value: &str) -> Result<Verdict, JudgeError> {
    let allowed: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
    let req = Requirement::of_clause("", None, None, &allowed).unwrap();
    let m = Measured::Category(Category::new(value).unwrap());
    judge(&req, &m, Guard).map(|j| j.verdict)
}

#[test]
fn a_category_passes_when_it_is_among_the_allowed_values() {
    let allowed = ["Negative", "منفی", "Âm tính"];
    assert_eq!(category(&allowed, " negative "), Ok(Pass));
    // Arabic yeh for Persian yeh; decomposed Vietnamese.
    assert_eq!(category(&allowed, "منفي"), Ok(Pass));
    assert_eq!(category(&allowed, "a\u{0302}m ti\u{0301}nh"), Ok(Pass));
    assert_eq!(category(&allowed, "Positive"), Ok(Fail));
    assert_eq!(category(&allowed, "dương tính"), Ok(Fail));
}

#[test]
fn a_number_for_a_category_and_a_category_for_a_number_are_errors() {
    let cat = Requirement::of_clause("", None, None, &["A".into()]).unwrap();
    let num = Measured::Quantity(Measurement::new(1.0, "C62", Some(0.1), None).unwrap());
    assert_eq!(judge(&cat, &num, Simple), Err(JudgeError::CategoryExpected));
    let lim = Requirement::of_clause("C62", Some(1.0), None, &[]).unwrap();
    let word = Measured::Category(Category::new("A").unwrap());
    assert_eq!(judge(&lim, &word, Simple), Err(JudgeError::NumberExpected));
    // A clause with both: the number meets the limit, the word the list.
    let both = Requirement::of_clause("C62", Some(1.0), None, &["A".into()]).unwrap();
    assert_eq!(judge(&both, &num, Simple).unwrap().verdict, Pass);
    assert_eq!(judge(&both, &word, Simple).unwrap().verdict, Pass);
}

// The report's verdict.

#[test]
fn a_report_fails_on_any_failed_clause_and_names_them() {
    let r = report_verdict([("5.1", Pass), ("5.2", Fail), ("5.3", Inc), ("5.4", Fail)]).unwrap();
    assert_eq!(r.verdict, Fail);
    assert_eq!(r.failed, ["5.2", "5.4"]);
    assert_eq!(r.inconclusive, ["5.3"]);
}

#[test]
fn a_report_is_inconclusive_when_none_fails_but_one_is() {
    let r = report_verdict([("5.1", Pass), ("5.3", Inc)]).unwrap();
    assert_eq!((r.verdict, r.failed.len()), (Inc, 0));
    assert_eq!(r.inconclusive, ["5.3"]);
}

#[test]
fn a_report_passes_when_every_clause_passes_and_has_no_verdict_when_empty() {
    let r = report_verdict([("5.1", Pass), ("5.2", Pass)]).unwrap();
    assert_eq!(
        r,
        ReportVerdict {
            verdict: Pass,
            failed: vec![],
            inconclusive: vec![]
        }
    );
    assert_eq!(report_verdict([]), None);
}

#[test]
fn rules_and_verdicts_read_back_from_their_names() {
    for r in DecisionRule::ALL {
        assert_eq!(DecisionRule::parse(r.as_str()), Some(r));
    }
    for v in Verdict::ALL {
        assert_eq!(Verdict::parse(v.as_str()), Some(v));
    }
    assert_eq!(DecisionRule::parse("lenient"), None);
    assert_eq!(
        serde_json::to_string(&DecisionRule::GuardBanded).unwrap(),
        "\"guard_banded\""
    );
}
