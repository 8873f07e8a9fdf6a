use super::*;

fn line(s: &Score, f: Factor) -> &Line {
    s.lines.iter().find(|l| l.factor == f).unwrap()
}

fn known() -> Facts {
    Facts {
        hazard_class: Some(3),
        failed_tests: 2,
        open_advice: 1,
        escalated_advice: 1,
        complaints: Some(4),
        licence: LicenceStanding::Missing,
        days_since_inspection: Some(Some(730)),
        open_findings: Some(3),
        exemplary: Some(true),
        clinic_sessions: Some(2),
    }
}

#[test]
fn each_factor_contributes_its_value_times_its_weight() {
    let s = score(&known(), &Weights::default());
    // hazard 3 × 10 = 30
    assert_eq!(line(&s, Factor::Hazard).contribution, 30.0);
    // 2 failed reports × 8 = 16
    assert_eq!(line(&s, Factor::FailedTests).contribution, 16.0);
    // 1 open × 3 = 3; 1 escalated × 6 = 6
    assert_eq!(line(&s, Factor::OpenAdvice).contribution, 3.0);
    assert_eq!(line(&s, Factor::EscalatedAdvice).contribution, 6.0);
    // 4 complaints × 4 = 16
    assert_eq!(line(&s, Factor::Complaints).contribution, 16.0);
    // missing licence: 1 × 12 = 12
    assert_eq!(line(&s, Factor::Licence).contribution, 12.0);
    // 730 days = 1.999 years (730 / 365.25 = 1.99863…) × 4 = 7.995 (rounded to 1e-3)
    assert_eq!(line(&s, Factor::SinceInspection).value, 1.999);
    assert_eq!(line(&s, Factor::SinceInspection).contribution, 7.995);
    // 3 open findings × 5 = 15
    assert_eq!(line(&s, Factor::OpenFindings).contribution, 15.0);
    // exemplary: 1 × −15; clinics 2 × −2 = −4
    assert_eq!(line(&s, Factor::Exemplary).contribution, -15.0);
    assert_eq!(line(&s, Factor::Clinics).contribution, -4.0);
    // 30 + 16 + 3 + 6 + 16 + 12 + 7.995 + 15 − 15 − 4 = 86.995
    assert_eq!(s.total, 86.995);
    assert_eq!(s.lines.len(), Factor::ALL.len());
    assert!(s.lines.iter().all(|l| !l.no_data));
}

#[test]
fn a_factor_without_a_source_reads_zero_and_says_so() {
    let s = score(&Facts::new(LicenceStanding::Valid), &Weights::default());
    assert_eq!(s.total, 0.0);
    for f in [
        Factor::Complaints,
        Factor::SinceInspection,
        Factor::OpenFindings,
        Factor::Exemplary,
        Factor::Clinics,
    ] {
        assert!(line(&s, f).no_data, "{f:?}");
        assert_eq!(line(&s, f).contribution, 0.0);
    }
    assert!(!line(&s, Factor::Hazard).no_data);
}

#[test]
fn never_inspected_counts_as_the_cap_and_time_stops_at_it() {
    let w = Weights::default();
    let mut f = Facts::new(LicenceStanding::Valid);
    f.days_since_inspection = Some(None);
    assert_eq!(
        line(&score(&f, &w), Factor::SinceInspection).contribution,
        20.0
    );
    f.days_since_inspection = Some(Some(20 * 365));
    assert_eq!(line(&score(&f, &w), Factor::SinceInspection).value, 5.0);
}

#[test]
fn a_withdrawn_licence_weighs_twice_a_missing_one() {
    let w = Weights::default();
    let s = score(&Facts::new(LicenceStanding::Withdrawn), &w);
    assert_eq!(line(&s, Factor::Licence).contribution, 24.0);
}

#[test]
fn a_weight_change_reorders_units() {
    // A: hazardous products, clean record; B: mild products, two failed reports.
    let mut a = Facts::new(LicenceStanding::Valid);
    a.hazard_class = Some(4);
    let mut b = Facts::new(LicenceStanding::Valid);
    b.hazard_class = Some(1);
    b.failed_tests = 2;
    let w = Weights::default();
    // A 4 × 10 = 40; B 1 × 10 + 2 × 8 = 26: A first.
    assert!(score(&a, &w).total > score(&b, &w).total);
    // Failed tests weigh 20: B 10 + 40 = 50 > A 40.
    let w = Weights {
        failed_tests: 20.0,
        ..w
    };
    assert_eq!(score(&a, &w).total, 40.0);
    assert_eq!(score(&b, &w).total, 50.0);
}

#[test]
fn weights_read_with_defaults_and_are_checked() {
    let w: Weights = serde_json::from_str(r#"{"hazard": 2.5}"#).unwrap();
    assert_eq!(w.hazard, 2.5);
    assert_eq!(w.failed_tests, Weights::default().failed_tests);
    assert!(Weights::default().validate().is_ok());
    let bad = Weights {
        exemplary: 5.0,
        hazard: -1.0,
        since_inspection_cap_years: 0.0,
        ..Weights::default()
    };
    let fields: Vec<_> = bad
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        ["hazard", "exemplary", "since_inspection_cap_years"]
    );
}

#[test]
fn a_score_round_trips_through_json() {
    let s = score(&known(), &Weights::default());
    let back: Score = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}
