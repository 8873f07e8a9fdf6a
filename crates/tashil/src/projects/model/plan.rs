//! Where a project should be by a day: physical progress planned to grow evenly from its start
//! to its planned day of operation, unless the office set milestones (day, per cent), between
//! which it grows evenly. Whole per cents, rounded down: a project is never called behind by a
//! rounding.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Milestone {
    pub on: NaiveDate,
    pub percent: u8,
}

/// A project's plan: started, planned day of operation, and optional milestones between.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProgressPlan {
    pub starts: NaiveDate,
    pub operation_on: NaiveDate,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

impl ProgressPlan {
    pub fn even(starts: NaiveDate, operation_on: NaiveDate) -> Self {
        ProgressPlan {
            starts,
            operation_on,
            milestones: vec![],
        }
    }

    /// Checks the plan: operation after the start; milestones strictly between, in order of
    /// day, their per cents never falling and never above 100.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = vec![];
        if self.operation_on <= self.starts {
            errs.push(FieldError::new("operation_on", "not_after_start"));
        }
        let mut last: Option<Milestone> = None;
        for (i, m) in self.milestones.iter().enumerate() {
            let field = format!("milestones[{i}]");
            if m.percent > 100 {
                errs.push(FieldError::new(&field, "percent_range"));
            }
            if m.on <= self.starts || m.on >= self.operation_on {
                errs.push(FieldError::new(&field, "outside_plan"));
            }
            if let Some(p) = last
                && (m.on <= p.on || m.percent < p.percent)
            {
                errs.push(FieldError::new(&field, "out_of_order"));
            }
            last = Some(*m);
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }

    /// The planned per cent on `day`: 0 up to the start, 100 from the day of operation.
    pub fn planned_on(&self, day: NaiveDate) -> u8 {
        let mut points = Vec::with_capacity(self.milestones.len() + 2);
        points.push(Milestone {
            on: self.starts,
            percent: 0,
        });
        points.extend(self.milestones.iter().copied());
        points.push(Milestone {
            on: self.operation_on,
            percent: 100,
        });
        if day <= self.starts {
            return 0;
        }
        for w in points.windows(2) {
            let (a, b) = (w[0], w[1]);
            if day <= b.on {
                let span = (b.on - a.on).num_days().max(1);
                let gone = (day - a.on).num_days();
                let rise = i64::from(b.percent.saturating_sub(a.percent));
                return (i64::from(a.percent) + rise * gone / span).clamp(0, 100) as u8;
            }
        }
        100
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_even_plan_grows_by_the_day_and_rounds_down() {
        let p = ProgressPlan::even(d(2026, 1, 1), d(2026, 1, 11));
        assert_eq!(p.planned_on(d(2025, 12, 1)), 0);
        assert_eq!(p.planned_on(d(2026, 1, 1)), 0);
        assert_eq!(p.planned_on(d(2026, 1, 4)), 30);
        assert_eq!(p.planned_on(d(2026, 1, 11)), 100);
        assert_eq!(p.planned_on(d(2030, 1, 1)), 100);
        let thirds = ProgressPlan::even(d(2026, 1, 1), d(2026, 1, 4));
        assert_eq!(thirds.planned_on(d(2026, 1, 2)), 33);
    }

    #[test]
    fn milestones_bend_the_plan() {
        let p = ProgressPlan {
            starts: d(2026, 1, 1),
            operation_on: d(2026, 12, 31),
            milestones: vec![Milestone {
                on: d(2026, 1, 11),
                percent: 50,
            }],
        };
        assert!(p.check().is_ok());
        assert_eq!(p.planned_on(d(2026, 1, 6)), 25);
        assert_eq!(p.planned_on(d(2026, 1, 11)), 50);
        assert!(p.planned_on(d(2026, 7, 1)) > 50);
    }

    #[test]
    fn a_plan_that_runs_backwards_or_falls_is_refused_by_field() {
        let mut p = ProgressPlan::even(d(2026, 2, 1), d(2026, 1, 1));
        let e = p.check().unwrap_err();
        assert_eq!(e[0].field, "operation_on");
        p.operation_on = d(2026, 12, 1);
        p.milestones = vec![
            Milestone {
                on: d(2026, 5, 1),
                percent: 40,
            },
            Milestone {
                on: d(2026, 6, 1),
                percent: 30,
            },
            Milestone {
                on: d(2027, 6, 1),
                percent: 130,
            },
        ];
        let fields: Vec<_> = p
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert!(fields.contains(&("milestones[1]".into(), "out_of_order")));
        assert!(fields.contains(&("milestones[2]".into(), "percent_range")));
        assert!(fields.contains(&("milestones[2]".into(), "outside_plan")));
    }
}
