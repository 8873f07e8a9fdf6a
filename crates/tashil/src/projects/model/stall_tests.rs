use chrono::NaiveDate;
use tashil_text::workdays::WorkCalendar;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn facts() -> ProjectFacts {
    ProjectFacts {
        stage: Stage::Construction,
        plan: ProgressPlan::even(d(2025, 1, 1), d(2026, 12, 31)),
        last_report: Some((d(2025, 6, 1), 30)),
        overdue_permits: vec![],
        open_obstacles: vec![],
    }
}

const OFF: StallRules = StallRules {
    silent_working_days: None,
    behind_plan_points: None,
    obstacle_open_days: None,
    permit_overdue: false,
};

#[test]
fn silence_counts_working_days_of_the_office_calendar() {
    let rules = StallRules {
        silent_working_days: Some(10),
        ..OFF
    };
    let vn = WorkCalendar::vietnam();
    let mut f = facts();
    // Monday 2 June 2025: 10 working days to Monday 16 June (two weekends between).
    f.last_report = Some((d(2025, 6, 2), 40));
    assert!(stall_reasons(&rules, &f, d(2025, 6, 16), &vn).is_empty());
    let r = stall_reasons(&rules, &f, d(2025, 6, 17), &vn);
    assert_eq!(
        r,
        vec![StallReason::Silent {
            since: d(2025, 6, 2),
            working_days: 11,
            limit: 10
        }]
    );
    // Nowruz is not counted in Iran: 10 working days from 18 March to 8 April 2025.
    f.last_report = Some((d(2025, 3, 18), 40));
    assert!(stall_reasons(&rules, &f, d(2025, 4, 8), &WorkCalendar::iran()).is_empty());
    assert_eq!(stall_reasons(&rules, &f, d(2025, 4, 8), &vn).len(), 1);
}

#[test]
fn a_project_never_reported_is_silent_from_its_start_and_not_before() {
    let rules = StallRules {
        silent_working_days: Some(5),
        behind_plan_points: Some(1),
        ..OFF
    };
    let mut f = facts();
    f.plan = ProgressPlan::even(d(2030, 1, 1), d(2031, 1, 1));
    f.last_report = None;
    assert!(stall_reasons(&rules, &f, d(2029, 12, 31), &WorkCalendar::vietnam()).is_empty());
    let r = stall_reasons(&rules, &f, d(2030, 2, 1), &WorkCalendar::vietnam());
    assert!(matches!(r[0], StallReason::Silent { since, .. } if since == d(2030, 1, 1)));
    assert!(matches!(r[1], StallReason::BehindPlan { reported: 0, .. }));
}

#[test]
fn behind_plan_only_beyond_the_allowed_points() {
    let rules = StallRules {
        behind_plan_points: Some(10),
        ..OFF
    };
    let mut f = facts();
    f.plan = ProgressPlan::even(d(2026, 1, 1), d(2026, 4, 11)); // 100 days
    f.last_report = Some((d(2026, 2, 20), 40));
    // 50 days gone: planned 50, reported 40: 10 points, not more than 10.
    assert!(stall_reasons(&rules, &f, d(2026, 2, 20), &WorkCalendar::iran()).is_empty());
    let r = stall_reasons(&rules, &f, d(2026, 2, 21), &WorkCalendar::iran());
    assert_eq!(
        r,
        vec![StallReason::BehindPlan {
            planned: 51,
            reported: 40,
            limit: 10
        }]
    );
}

#[test]
fn overdue_permits_and_old_obstacles_each_give_their_reason() {
    let rules = StallRules {
        obstacle_open_days: Some(60),
        permit_overdue: true,
        ..OFF
    };
    let mut f = facts();
    f.overdue_permits = vec![
        OverduePermit {
            application_id: 7,
            step: "factory_audit".into(),
            due: d(2026, 3, 1),
        },
        OverduePermit {
            application_id: 8,
            step: "document_check".into(),
            due: d(2026, 3, 10),
        },
    ];
    f.open_obstacles = vec![
        OpenObstacle {
            case_id: 3,
            opened: d(2026, 1, 1),
        },
        OpenObstacle {
            case_id: 4,
            opened: d(2026, 2, 20),
        },
    ];
    let r = stall_reasons(&rules, &f, d(2026, 3, 5), &WorkCalendar::iran());
    let keys: Vec<_> = r.iter().map(StallReason::key).collect();
    assert_eq!(keys, ["permit_overdue", "obstacle_open"]);
    assert!(matches!(
        r[1],
        StallReason::ObstacleOpen {
            case_id: 3,
            days: 63,
            ..
        }
    ));
}

#[test]
fn a_project_in_operation_or_with_rules_off_is_never_stalled() {
    let mut f = facts();
    f.last_report = None;
    f.overdue_permits = vec![OverduePermit {
        application_id: 1,
        step: "issue".into(),
        due: d(2025, 1, 2),
    }];
    let today = d(2027, 1, 1);
    assert!(stall_reasons(&OFF, &f, today, &WorkCalendar::iran()).is_empty());
    assert_eq!(
        stall_reasons(&StallRules::default(), &f, today, &WorkCalendar::iran()).len(),
        3
    );
    f.stage = Stage::Operation;
    assert!(stall_reasons(&StallRules::default(), &f, today, &WorkCalendar::iran()).is_empty());
}

#[test]
fn rules_out_of_range_are_refused_by_field() {
    assert!(StallRules::default().check().is_ok());
    let bad = StallRules {
        silent_working_days: Some(0),
        behind_plan_points: Some(101),
        obstacle_open_days: Some(100_000),
        permit_overdue: true,
    };
    let fields: Vec<_> = bad
        .check()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        [
            "silent_working_days",
            "behind_plan_points",
            "obstacle_open_days"
        ]
    );
}
