use super::*;

/// Units 1..=n, unit i scoring i (so the highest ids are the riskiest).
fn units(n: i64) -> Vec<Candidate> {
    (1..=n)
        .map(|i| Candidate {
            unit_id: i,
            score: i as f64,
        })
        .collect()
}

fn params(capacity_days: f64, seed: u64) -> Params {
    Params {
        capacity_days,
        seed,
        ..Params::default()
    }
}

fn ids(plan: &Plan, reason: Reason) -> Vec<i64> {
    plan.picks
        .iter()
        .filter(|p| p.reason == reason)
        .map(|p| p.unit_id)
        .collect()
}

#[test]
fn the_highest_risk_comes_first() {
    // 20 places, 10 % random: 18 by score, the 18 highest (83..=100) in falling order.
    let plan = propose(&units(100), &params(20.0, 7));
    let risk = ids(&plan, Reason::Risk);
    assert_eq!(risk, (83..=100).rev().collect::<Vec<_>>());
    assert_eq!(ids(&plan, Reason::Random).len(), 2);
    assert!(ids(&plan, Reason::Random).iter().all(|&i| i < 83));
}

#[test]
fn capacity_is_respected() {
    for (cap, per, want) in [
        (20.0, 1.0, 20),
        (10.0, 1.5, 6),
        (3.0, 0.1, 30),
        (0.5, 1.0, 0),
    ] {
        let p = Params {
            days_per_inspection: per,
            ..params(cap, 1)
        };
        let plan = propose(&units(100), &p);
        assert_eq!(plan.picks.len(), want, "{cap} / {per}");
        assert!(plan.outlook.days <= cap + 1e-9);
    }
    // More capacity than units: every unit, once.
    let plan = propose(&units(5), &params(50.0, 1));
    let mut all: Vec<_> = plan.picks.iter().map(|p| p.unit_id).collect();
    all.sort();
    assert_eq!(all, [1, 2, 3, 4, 5]);
}

#[test]
fn the_random_share_is_reproducible_from_its_seed() {
    let many = units(1000);
    let a = propose(&many, &params(100.0, 42));
    let b = propose(&many, &params(100.0, 42));
    let c = propose(&many, &params(100.0, 43));
    assert_eq!(ids(&a, Reason::Random).len(), 10);
    assert_eq!(a, b);
    assert_ne!(ids(&a, Reason::Random), ids(&c, Reason::Random));
    // The part chosen by score does not depend on the seed.
    assert_eq!(ids(&a, Reason::Risk), ids(&c, Reason::Risk));
    // Nor on the order the units came in.
    let mut shuffled = many.clone();
    shuffled.reverse();
    assert_eq!(propose(&shuffled, &params(100.0, 42)), a);
}

#[test]
fn no_random_share_is_pure_ranking() {
    let p = Params {
        random_share: 0.0,
        ..params(3.0, 9)
    };
    let plan = propose(&units(10), &p);
    assert_eq!(ids(&plan, Reason::Risk), [10, 9, 8]);
}

#[test]
fn the_outlook_shows_coverage_and_expected_reduction() {
    // 10 units scoring 1..=10 (total 55); 2 places, no random share: 10 and 9 (19).
    let p = Params {
        random_share: 0.0,
        ..params(2.0, 0)
    };
    let o = propose(&units(10), &p).outlook;
    assert_eq!(o.inspections, 2);
    assert_eq!(o.coverage, 0.2);
    // 19 / 55 = 0.34545… → 0.345
    assert_eq!(o.risk_covered, 0.345);
    // 19 × 0.5
    assert_eq!(o.expected_reduction, 9.5);
    assert_eq!(o.days, 2.0);
}

#[test]
fn params_are_checked() {
    assert!(params(10.0, 0).validate().is_ok());
    let bad = Params {
        capacity_days: -1.0,
        days_per_inspection: 0.0,
        random_share: 1.5,
        reduction: f64::NAN,
        seed: 0,
    };
    let fields: Vec<_> = bad
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        [
            "capacity_days",
            "days_per_inspection",
            "random_share",
            "reduction"
        ]
    );
}
