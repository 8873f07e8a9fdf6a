//! When an investment project is stalled, by rules the province's office sets as data: no
//! progress report for a number of working days, a permit step past its deadline, reported
//! progress behind the plan by more than a number of points, an obstacle open longer than a
//! number of days. Each rule that holds gives a reason the working group reads on its agenda;
//! a rule left empty is off. A project in operation is never stalled.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tashil_text::workdays::WorkCalendar;

use super::plan::ProgressPlan;
use super::stage::Stage;
use crate::kernel::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StallRules {
    /// No progress report for more than this many working days.
    pub silent_working_days: Option<u32>,
    /// Reported progress below the plan by more than this many points.
    pub behind_plan_points: Option<u8>,
    /// An obstacle filed for the project open for more than this many days.
    pub obstacle_open_days: Option<u32>,
    /// Whether a permit step past its deadline stalls the project.
    pub permit_overdue: bool,
}

impl Default for StallRules {
    /// A month and a half of working days without a report, 15 points behind, an obstacle open
    /// two months, any overdue permit step.
    fn default() -> Self {
        StallRules {
            silent_working_days: Some(30),
            behind_plan_points: Some(15),
            obstacle_open_days: Some(60),
            permit_overdue: true,
        }
    }
}

impl StallRules {
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = vec![];
        if self
            .silent_working_days
            .is_some_and(|n| !(1..=1000).contains(&n))
        {
            errs.push(FieldError::new("silent_working_days", "out_of_range"));
        }
        if self
            .behind_plan_points
            .is_some_and(|n| !(1..=100).contains(&n))
        {
            errs.push(FieldError::new("behind_plan_points", "out_of_range"));
        }
        if self
            .obstacle_open_days
            .is_some_and(|n| !(1..=3650).contains(&n))
        {
            errs.push(FieldError::new("obstacle_open_days", "out_of_range"));
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OverduePermit {
    pub application_id: i64,
    pub step: String,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OpenObstacle {
    pub case_id: i64,
    pub opened: NaiveDate,
}

/// What the rules read of one project, gathered from its reports, its permits (licensing) and
/// its obstacles (the facilitation desk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFacts {
    pub stage: Stage,
    pub plan: ProgressPlan,
    /// The day of the latest progress report and its per cent.
    pub last_report: Option<(NaiveDate, u8)>,
    pub overdue_permits: Vec<OverduePermit>,
    pub open_obstacles: Vec<OpenObstacle>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StallReason {
    /// No report since `since` (the latest report, or the start): `working_days` of silence.
    Silent {
        since: NaiveDate,
        working_days: i64,
        limit: u32,
    },
    BehindPlan {
        planned: u8,
        reported: u8,
        limit: u8,
    },
    PermitOverdue {
        application_id: i64,
        step: String,
        due: NaiveDate,
    },
    ObstacleOpen {
        case_id: i64,
        opened: NaiveDate,
        days: i64,
        limit: u32,
    },
}

impl StallReason {
    /// The message key naming the rule (`projects-stall-…` in the message files).
    pub fn key(&self) -> &'static str {
        match self {
            StallReason::Silent { .. } => "silent",
            StallReason::BehindPlan { .. } => "behind_plan",
            StallReason::PermitOverdue { .. } => "permit_overdue",
            StallReason::ObstacleOpen { .. } => "obstacle_open",
        }
    }
}

/// Why the project is stalled on `today` (empty: it is not). Silence counts working days of the
/// office's calendar; a project not started yet is neither silent nor behind.
pub fn stall_reasons(
    rules: &StallRules,
    facts: &ProjectFacts,
    today: NaiveDate,
    cal: &WorkCalendar,
) -> Vec<StallReason> {
    if facts.stage.is_finished() {
        return vec![];
    }
    let mut out = vec![];
    let started = today > facts.plan.starts;
    if let Some(limit) = rules.silent_working_days
        && started
    {
        let since = facts
            .last_report
            .map_or(facts.plan.starts, |(d, _)| d.max(facts.plan.starts));
        let working_days = cal.working_days_between(since, today);
        if working_days > i64::from(limit) {
            out.push(StallReason::Silent {
                since,
                working_days,
                limit,
            });
        }
    }
    if rules.permit_overdue {
        out.extend(
            facts
                .overdue_permits
                .iter()
                .filter(|p| p.due < today)
                .map(|p| StallReason::PermitOverdue {
                    application_id: p.application_id,
                    step: p.step.clone(),
                    due: p.due,
                }),
        );
    }
    if let Some(limit) = rules.behind_plan_points
        && started
    {
        let planned = facts.plan.planned_on(today);
        let reported = facts.last_report.map_or(0, |(_, p)| p);
        if planned.saturating_sub(reported) > limit {
            out.push(StallReason::BehindPlan {
                planned,
                reported,
                limit,
            });
        }
    }
    if let Some(limit) = rules.obstacle_open_days {
        for o in &facts.open_obstacles {
            let days = (today - o.opened).num_days();
            if days > i64::from(limit) {
                out.push(StallReason::ObstacleOpen {
                    case_id: o.case_id,
                    opened: o.opened,
                    days,
                    limit,
                });
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "stall_tests.rs"]
mod tests;
