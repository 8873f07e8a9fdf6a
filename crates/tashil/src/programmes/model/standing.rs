//! Where a KPI stands: on track, at risk or off track, judged from its latest report against
//! the trajectory from baseline to target (a straight line over the plan's days), and from the
//! reports it owes. What falls short of the trajectory by no more than the tolerance (a share of
//! the whole planned change, 10 % by default) is at risk; more is off track. One overdue report
//! lowers the standing by one step; two in a row put it off track, whatever the last figure
//! said. A KPI with nothing due yet and nothing reported is not yet due.

use chrono::NaiveDate;
use serde::Serialize;

use super::kpi::{KpiPlan, Report};
use super::periods::periods;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = KpiStatus)]
pub enum Status {
    NotDue,
    OnTrack,
    AtRisk,
    OffTrack,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotDue => "not_due",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
        }
    }

    fn lower(self) -> Status {
        match self {
            Status::NotDue | Status::OnTrack => Status::AtRisk,
            Status::AtRisk | Status::OffTrack => Status::OffTrack,
        }
    }
}

/// The default tolerance: a shortfall of up to a tenth of the planned change is at risk.
pub const DEFAULT_TOLERANCE: f64 = 0.10;

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Standing {
    pub status: Status,
    /// The latest report's period, value, and what the trajectory expected at its end.
    pub latest: Option<Latest>,
    /// Periods past their due day with no report.
    pub missing: Vec<u32>,
    /// Periods reported after their due day.
    pub late: Vec<u32>,
    /// Whether a report on time reached the target by the plan's end.
    pub met_on_time: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Latest {
    pub period: u32,
    pub value: f64,
    pub expected: f64,
}

fn judge(plan: &KpiPlan, value: f64, expected: f64, tolerance: f64) -> Status {
    if plan.meets(value) {
        return Status::OnTrack;
    }
    let sign = plan.direction.sign();
    let change = (plan.target - plan.baseline).abs();
    // A level to hold (target = baseline) measures a slip against the level itself.
    let scale = if change > 0.0 {
        change
    } else {
        plan.baseline.abs().max(1.0)
    };
    let shortfall = (expected - value) * sign / scale;
    if shortfall <= 1e-9 {
        Status::OnTrack
    } else if shortfall <= tolerance {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}

/// The KPI's standing on `today`. Reports for periods the plan does not have, or given before
/// their period began, are ignored; of two reports for one period the later one counts.
pub fn standing(plan: &KpiPlan, reports: &[Report], today: NaiveDate, tolerance: f64) -> Standing {
    let ps = periods(plan);
    let mut by_period: Vec<Option<Report>> = vec![None; ps.len()];
    for r in reports {
        // A figure given before its period began measures nothing of it.
        let begun = ps
            .get(r.period as usize)
            .is_some_and(|p| r.reported_on >= p.starts);
        if let Some(slot) = by_period.get_mut(r.period as usize)
            && begun
            && slot.is_none_or(|s| s.reported_on <= r.reported_on)
        {
            *slot = Some(*r);
        }
    }
    let due: Vec<_> = ps.iter().filter(|p| p.due < today).collect();
    let missing: Vec<u32> = due
        .iter()
        .filter(|p| by_period[p.index as usize].is_none())
        .map(|p| p.index)
        .collect();
    let late: Vec<u32> = ps
        .iter()
        .filter(|p| by_period[p.index as usize].is_some_and(|r| r.reported_on > p.due))
        .map(|p| p.index)
        .collect();
    let met_on_time = ps.iter().any(|p| {
        by_period[p.index as usize].is_some_and(|r| r.reported_on <= p.due && plan.meets(r.value))
    });
    let latest = ps.iter().rev().find_map(|p| {
        by_period[p.index as usize].map(|r| Latest {
            period: p.index,
            value: r.value,
            expected: plan.expected_on(p.ends),
        })
    });
    let trailing = due
        .iter()
        .rev()
        .take_while(|p| by_period[p.index as usize].is_none())
        .count();
    let from_figure = latest.map(|l| judge(plan, l.value, l.expected, tolerance));
    let status = match (from_figure, trailing) {
        (_, 2..) => Status::OffTrack,
        (None, 0) => Status::NotDue,
        (None, _) => Status::AtRisk,
        (Some(s), 1) => s.lower(),
        (Some(s), _) => s,
    };
    Standing {
        status,
        latest,
        missing,
        late,
        met_on_time,
    }
}

#[cfg(test)]
#[path = "standing_tests.rs"]
mod tests;
