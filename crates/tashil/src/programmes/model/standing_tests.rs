use chrono::NaiveDate;

use super::*;
use crate::programmes::model::kpi::{Direction, Frequency, Reckoning};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Exports from 100 to 200 over 2026, reported each quarter within 10 days.
fn exports() -> KpiPlan {
    KpiPlan {
        baseline: 100.0,
        target: 200.0,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Quarterly,
        starts: d(2026, 1, 1),
        ends: d(2026, 12, 31),
        reckoning: Reckoning::Gregorian,
        grace_days: 10,
    }
}

fn report(period: u32, value: f64, reported_on: NaiveDate) -> Report {
    Report {
        period,
        value,
        reported_on,
    }
}

#[test]
fn nothing_due_and_nothing_reported_is_not_yet_due() {
    let s = standing(&exports(), &[], d(2026, 4, 10), DEFAULT_TOLERANCE);
    assert_eq!(s.status, Status::NotDue);
    assert!(s.missing.is_empty() && s.latest.is_none());
}

#[test]
fn the_figure_against_the_trajectory_decides_on_at_risk_or_off() {
    let p = exports();
    // End of March: 90 of 365 days gone, about 124.7 expected.
    let on = standing(
        &p,
        &[report(0, 126.0, d(2026, 4, 2))],
        d(2026, 4, 5),
        DEFAULT_TOLERANCE,
    );
    assert_eq!(on.status, Status::OnTrack);
    assert!((on.latest.unwrap().expected - 124.66).abs() < 0.01);
    let risk = standing(
        &p,
        &[report(0, 116.0, d(2026, 4, 2))],
        d(2026, 4, 5),
        DEFAULT_TOLERANCE,
    );
    assert_eq!(risk.status, Status::AtRisk);
    let off = standing(
        &p,
        &[report(0, 110.0, d(2026, 4, 2))],
        d(2026, 4, 5),
        DEFAULT_TOLERANCE,
    );
    assert_eq!(off.status, Status::OffTrack);
}

#[test]
fn lower_is_better_reads_the_trajectory_downwards() {
    let p = KpiPlan {
        baseline: 60.0,
        target: 20.0,
        direction: Direction::LowerIsBetter,
        ..exports()
    };
    assert!(p.check().is_ok());
    // Expected about 50.1 at the end of March.
    let s = |v| {
        standing(
            &p,
            &[report(0, v, d(2026, 4, 1))],
            d(2026, 4, 2),
            DEFAULT_TOLERANCE,
        )
        .status
    };
    assert_eq!(s(48.0), Status::OnTrack);
    assert_eq!(s(53.0), Status::AtRisk);
    assert_eq!(s(58.0), Status::OffTrack);
    assert_eq!(s(19.0), Status::OnTrack);
}

#[test]
fn missing_reports_lower_the_standing_and_two_in_a_row_put_it_off_track() {
    let p = exports();
    let q1 = [report(0, 130.0, d(2026, 4, 3))];
    // Q2's report was due on 10 July.
    assert_eq!(
        standing(&p, &q1, d(2026, 7, 10), DEFAULT_TOLERANCE).status,
        Status::OnTrack
    );
    let one = standing(&p, &q1, d(2026, 7, 11), DEFAULT_TOLERANCE);
    assert_eq!((one.status, one.missing.clone()), (Status::AtRisk, vec![1]));
    let two = standing(&p, &q1, d(2026, 10, 11), DEFAULT_TOLERANCE);
    assert_eq!((two.status, two.missing), (Status::OffTrack, vec![1, 2]));
    // Nothing ever reported: one overdue is at risk, two off track.
    assert_eq!(
        standing(&p, &[], d(2026, 4, 11), DEFAULT_TOLERANCE).status,
        Status::AtRisk
    );
    assert_eq!(
        standing(&p, &[], d(2026, 7, 11), DEFAULT_TOLERANCE).status,
        Status::OffTrack
    );
}

#[test]
fn frequency_sets_how_many_reports_are_owed() {
    let monthly = KpiPlan {
        frequency: Frequency::Monthly,
        ..exports()
    };
    let s = standing(&monthly, &[], d(2026, 7, 1), DEFAULT_TOLERANCE);
    assert_eq!(s.missing, vec![0, 1, 2, 3, 4]);
    let yearly = KpiPlan {
        frequency: Frequency::Yearly,
        ..exports()
    };
    assert_eq!(
        standing(&yearly, &[], d(2026, 7, 1), DEFAULT_TOLERANCE).status,
        Status::NotDue
    );
}

#[test]
fn met_on_time_needs_the_target_in_a_report_given_within_its_grace() {
    let p = exports();
    let late = [report(3, 205.0, d(2027, 1, 20))];
    let s = standing(&p, &late, d(2027, 2, 1), DEFAULT_TOLERANCE);
    assert!(!s.met_on_time);
    assert_eq!(s.late, vec![3]);
    // The target is reached: the gaps before it no longer count against the standing.
    assert_eq!((s.status, s.missing), (Status::OnTrack, vec![0, 1, 2]));
    let on_time = [report(2, 201.0, d(2026, 10, 5))];
    assert!(standing(&p, &on_time, d(2027, 2, 1), DEFAULT_TOLERANCE).met_on_time);
}

#[test]
fn the_later_of_two_reports_for_a_period_counts_and_unknown_periods_are_ignored() {
    let p = exports();
    let rs = [
        report(0, 110.0, d(2026, 4, 2)),
        report(0, 130.0, d(2026, 4, 4)),
        report(9, 999.0, d(2026, 4, 4)),
    ];
    let s = standing(&p, &rs, d(2026, 4, 5), DEFAULT_TOLERANCE);
    assert_eq!(s.latest.unwrap().value, 130.0);
}

#[test]
fn a_plan_is_checked_field_by_field() {
    let bad = KpiPlan {
        baseline: f64::NAN,
        target: 50.0,
        ends: d(2025, 1, 1),
        grace_days: 400,
        ..exports()
    };
    let fields: Vec<_> = bad
        .check()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["baseline", "ends", "grace_days"]);
    let against = KpiPlan {
        target: 50.0,
        ..exports()
    };
    assert_eq!(against.check().unwrap_err()[0].code, "against_direction");
}

#[test]
fn a_report_given_before_its_period_began_counts_for_nothing() {
    let p = exports();
    let early = [report(3, 205.0, d(2026, 4, 5))];
    let s = standing(&p, &early, d(2026, 4, 6), DEFAULT_TOLERANCE);
    assert!(s.latest.is_none() && !s.met_on_time);
    assert_eq!(s.status, Status::NotDue);
}

#[test]
fn a_figure_equal_to_the_target_up_to_rounding_meets_it() {
    let p = KpiPlan {
        baseline: 0.5,
        target: 0.3,
        direction: Direction::LowerIsBetter,
        ..exports()
    };
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    assert!(p.meets(0.1 + 0.2));
    assert!(!p.meets(0.31));
    let huge = KpiPlan {
        baseline: -f64::MAX,
        target: f64::MAX,
        ..exports()
    };
    assert_eq!(huge.check().unwrap_err()[0].code, "too_large");
}
