//! Findings and their corrective and preventive actions (CAPA): a finding's severity, the
//! working days a unit has for its CAPA (as data, by severity), and the states: open → CAPA
//! submitted → closed, or returned to the unit with a reason (then submitted again).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tashil_text::workdays::WorkCalendar;

use crate::kernel::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Minor,
    Major,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Minor, Severity::Major, Severity::Critical];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the unit owes a CAPA for it (major and critical).
    pub fn needs_capa(self) -> bool {
        self != Severity::Minor
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = FindingStatus)]
pub enum Status {
    Open,
    CapaSubmitted,
    Returned,
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::CapaSubmitted,
        Status::Returned,
        Status::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::CapaSubmitted => "capa_submitted",
            Status::Returned => "returned",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the unit may submit (or resubmit) its CAPA.
    pub fn awaits_capa(self) -> bool {
        matches!(self, Status::Open | Status::Returned)
    }
}

/// Default working days for a CAPA when no row of the table names the severity.
pub const DEFAULT_CAPA_DAYS: u32 = 10;

/// The last day for the unit's CAPA: `days` working days of the office's calendar after the
/// finding was recorded (`None` for a minor finding, or past the calendar's range).
pub fn capa_due(
    severity: Severity,
    days: u32,
    cal: &WorkCalendar,
    found_on: NaiveDate,
) -> Option<NaiveDate> {
    severity
        .needs_capa()
        .then(|| cal.checked_add_working_days(found_on, days))
        .flatten()
}

/// Whether a CAPA still owed is late on `today`.
pub fn overdue(status: Status, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    status.awaits_capa() && due.is_some_and(|d| today > d)
}

/// What the unit answers.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct Capa {
    pub cause: String,
    pub correction: String,
    pub preventive: String,
    pub planned_on: NaiveDate,
}

const MAX_TEXT: usize = 4000;

fn text(field: &str, v: &str, errs: &mut Vec<FieldError>) {
    if v.trim().is_empty() {
        errs.push(FieldError::new(field, "required"));
    } else if v.chars().count() > MAX_TEXT {
        errs.push(FieldError::new(field, "too_long"));
    }
}

/// Checks a CAPA: each text given, the planned day not before `today`.
pub fn check_capa(c: &Capa, today: NaiveDate) -> Result<(), Vec<FieldError>> {
    let mut errs = vec![];
    text("cause", &c.cause, &mut errs);
    text("correction", &c.correction, &mut errs);
    text("preventive", &c.preventive, &mut errs);
    if c.planned_on < today {
        errs.push(FieldError::new("planned_on", "in_the_past"));
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// Checks a finding's description.
pub fn check_description(d: &str) -> Result<(), Vec<FieldError>> {
    let mut errs = vec![];
    text("description", d, &mut errs);
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// How the inspector verified the closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verified {
    OnSite,
    Evidence,
}

impl Verified {
    pub fn as_str(self) -> &'static str {
        match self {
            Verified::OnSite => "on_site",
            Verified::Evidence => "evidence",
        }
    }
}

/// The inspector's decision on a finding.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", tag = "decision")]
pub enum Review {
    Close { how: Verified },
    Return { reason: String },
}

/// The state a review leads to from `status` for a finding of `severity`: a finding needing a
/// CAPA closes only once the CAPA is in (a minor one closes any time it is open); a return
/// only sends back a submitted CAPA, with a reason.
pub fn review(severity: Severity, status: Status, r: &Review) -> Result<Status, ReviewError> {
    match r {
        Review::Return { reason } if reason.trim().is_empty() => {
            Err(ReviewError::Field(FieldError::new("reason", "required")))
        }
        Review::Return { .. } if status == Status::CapaSubmitted => Ok(Status::Returned),
        Review::Close { .. } if status == Status::CapaSubmitted => Ok(Status::Closed),
        Review::Close { .. } if !severity.needs_capa() && status == Status::Open => {
            Ok(Status::Closed)
        }
        _ => Err(ReviewError::State),
    }
}

#[derive(Debug, PartialEq)]
pub enum ReviewError {
    Field(FieldError),
    /// Not in a state the decision applies to.
    State,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn major_and_critical_need_a_capa_within_working_days() {
        let iran = WorkCalendar::iran();
        assert_eq!(capa_due(Severity::Minor, 10, &iran, d(12, 7)), None);
        let due = capa_due(Severity::Major, 10, &iran, d(12, 7)).unwrap();
        assert_eq!(iran.working_days_between(d(12, 7), due), 10);
        assert!(iran.is_working_day(due));
        assert_eq!(capa_due(Severity::Critical, 10, &iran, d(12, 7)), Some(due));
        assert!(!overdue(Status::Open, Some(due), due));
        assert!(overdue(Status::Open, Some(due), due.succ_opt().unwrap()));
        assert!(overdue(Status::Returned, Some(due), d(12, 31)));
        assert!(!overdue(Status::CapaSubmitted, Some(due), d(12, 31)));
        assert!(!overdue(Status::Open, None, d(12, 31)));
    }

    #[test]
    fn a_capa_names_everything_and_plans_ahead() {
        let c = Capa {
            cause: " ".into(),
            correction: "fix".into(),
            preventive: "train".into(),
            planned_on: d(12, 1),
        };
        let errs = check_capa(&c, d(12, 7)).unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(got, [("cause", "required"), ("planned_on", "in_the_past")]);
        let ok = Capa {
            cause: "worn die".into(),
            planned_on: d(12, 20),
            ..c
        };
        assert!(check_capa(&ok, d(12, 7)).is_ok());
    }

    #[test]
    fn closure_follows_the_capa() {
        let close = Review::Close {
            how: Verified::Evidence,
        };
        let ret = Review::Return {
            reason: "no photo".into(),
        };
        assert_eq!(
            review(Severity::Major, Status::Open, &close),
            Err(ReviewError::State)
        );
        assert_eq!(
            review(Severity::Major, Status::CapaSubmitted, &close),
            Ok(Status::Closed)
        );
        assert_eq!(
            review(Severity::Major, Status::CapaSubmitted, &ret),
            Ok(Status::Returned)
        );
        assert_eq!(
            review(Severity::Minor, Status::Open, &close),
            Ok(Status::Closed)
        );
        assert_eq!(
            review(Severity::Minor, Status::Open, &ret),
            Err(ReviewError::State)
        );
        assert_eq!(
            review(Severity::Major, Status::Closed, &close),
            Err(ReviewError::State)
        );
        assert!(matches!(
            review(
                Severity::Major,
                Status::CapaSubmitted,
                &Review::Return { reason: "".into() }
            ),
            Err(ReviewError::Field(_))
        ));
        assert!(Status::Returned.awaits_capa() && !Status::Closed.awaits_capa());
    }
}
