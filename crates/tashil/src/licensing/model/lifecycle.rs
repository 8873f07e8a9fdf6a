//! A licence after issue: active until its last valid day, suspended and lifted, revoked for
//! good, expired when its validity ends. Suspension and revocation state a reason and the
//! legal basis they rest on.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LicenceStatus {
    Active,
    Suspended,
    Revoked,
    Expired,
}

impl LicenceStatus {
    pub const ALL: &'static [LicenceStatus] = &[
        LicenceStatus::Active,
        LicenceStatus::Suspended,
        LicenceStatus::Revoked,
        LicenceStatus::Expired,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LicenceStatus::Active => "active",
            LicenceStatus::Suspended => "suspended",
            LicenceStatus::Revoked => "revoked",
            LicenceStatus::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<LicenceStatus> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s)
    }

    /// Whether the licence may still change: revoked and expired are for good.
    pub fn is_final(self) -> bool {
        matches!(self, LicenceStatus::Revoked | LicenceStatus::Expired)
    }

    /// The statuses the expiry job ends when the validity runs out.
    pub const EXPIRING: &'static [LicenceStatus] =
        &[LicenceStatus::Active, LicenceStatus::Suspended];
}

/// What an office does to a licence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LicenceMove {
    Suspend(Grounds),
    Revoke(Grounds),
    Lift,
}

/// Why a licence is suspended or revoked, and under which provision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Grounds {
    pub reason: String,
    pub legal_basis: String,
}

pub const MAX_GROUNDS: usize = 2000;

impl Grounds {
    /// Both fields are required; each error names its field.
    pub fn new(reason: &str, legal_basis: &str) -> Result<Grounds, Vec<FieldError>> {
        let mut errs = Vec::new();
        let reason = crate::kernel::required("reason", reason, MAX_GROUNDS, &mut errs);
        let legal_basis =
            crate::kernel::required("legal_basis", legal_basis, MAX_GROUNDS, &mut errs);
        if errs.is_empty() {
            Ok(Grounds {
                reason,
                legal_basis,
            })
        } else {
            Err(errs)
        }
    }
}

/// Why a move on a licence is refused (stable codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LicenceRefusal {
    /// Revoked or expired: nothing more happens to it.
    Final,
    /// Lifting a licence that is not suspended, or suspending one that is.
    NotSuspended,
    AlreadySuspended,
    /// Its validity ended: the expiry job will close it, no one may reinstate it.
    PastValidity,
}

impl LicenceRefusal {
    pub fn code(self) -> &'static str {
        match self {
            LicenceRefusal::Final => "licence_final",
            LicenceRefusal::NotSuspended => "licence_not_suspended",
            LicenceRefusal::AlreadySuspended => "licence_suspended",
            LicenceRefusal::PastValidity => "licence_past_validity",
        }
    }
}

impl LicenceMove {
    /// The status after this move on a licence in `from`, valid until `until`, on `today`.
    pub fn apply(
        &self,
        from: LicenceStatus,
        until: NaiveDate,
        today: NaiveDate,
    ) -> Result<LicenceStatus, LicenceRefusal> {
        if from.is_final() {
            return Err(LicenceRefusal::Final);
        }
        match (self, from) {
            (LicenceMove::Revoke(_), _) => Ok(LicenceStatus::Revoked),
            (LicenceMove::Suspend(_), LicenceStatus::Suspended) => {
                Err(LicenceRefusal::AlreadySuspended)
            }
            (LicenceMove::Suspend(_), _) => Ok(LicenceStatus::Suspended),
            (LicenceMove::Lift, LicenceStatus::Suspended) if until < today => {
                Err(LicenceRefusal::PastValidity)
            }
            (LicenceMove::Lift, LicenceStatus::Suspended) => Ok(LicenceStatus::Active),
            (LicenceMove::Lift, _) => Err(LicenceRefusal::NotSuspended),
        }
    }

    pub fn event(&self) -> &'static str {
        match self {
            LicenceMove::Suspend(_) => "suspended",
            LicenceMove::Revoke(_) => "revoked",
            LicenceMove::Lift => "lifted",
        }
    }

    pub fn grounds(&self) -> Option<&Grounds> {
        match self {
            LicenceMove::Suspend(g) | LicenceMove::Revoke(g) => Some(g),
            LicenceMove::Lift => None,
        }
    }
}

/// Whether a licence in `status`, valid until `until`, has expired on `today` (the last
/// valid day is still valid).
pub fn expires(status: LicenceStatus, until: NaiveDate, today: NaiveDate) -> bool {
    LicenceStatus::EXPIRING.contains(&status) && until < today
}

/// The renewal reminder due on `today` for a licence valid until `until` that was last
/// reminded `reminded` days ahead: 60 days ahead, then 30; none once 30 was sent. A licence
/// first seen inside 30 days gets only the 30-day reminder.
pub fn reminder_due(
    status: LicenceStatus,
    until: NaiveDate,
    today: NaiveDate,
    reminded: Option<i32>,
) -> Option<i32> {
    if status != LicenceStatus::Active || until < today {
        return None;
    }
    let left = (until - today).num_days();
    let due = REMINDER_DAYS
        .iter()
        .copied()
        .filter(|d| left <= i64::from(*d))
        .min()?;
    match reminded {
        Some(r) if r <= due => None,
        _ => Some(due),
    }
}

/// Days before the last valid day on which the holder is reminded to renew.
pub const REMINDER_DAYS: [i32; 2] = [60, 30];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn grounds() -> Grounds {
        Grounds::new("Failed market test", "Art. 8, Standard Law").unwrap()
    }

    #[test]
    fn suspension_needs_a_reason_and_a_legal_basis_each_named() {
        let errs = Grounds::new(" ", "").unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["reason", "legal_basis"]);
    }

    #[test]
    fn a_licence_moves_only_as_its_status_allows() {
        let (until, today) = (d("2027-01-10"), d("2026-12-01"));
        use LicenceStatus::*;
        let suspend = LicenceMove::Suspend(grounds());
        assert_eq!(suspend.apply(Active, until, today), Ok(Suspended));
        assert_eq!(
            suspend.apply(Suspended, until, today),
            Err(LicenceRefusal::AlreadySuspended)
        );
        assert_eq!(LicenceMove::Lift.apply(Suspended, until, today), Ok(Active));
        assert_eq!(
            LicenceMove::Lift.apply(Active, until, today),
            Err(LicenceRefusal::NotSuspended)
        );
        assert_eq!(
            LicenceMove::Lift.apply(Suspended, until, d("2027-01-11")),
            Err(LicenceRefusal::PastValidity)
        );
        let revoke = LicenceMove::Revoke(grounds());
        assert_eq!(revoke.apply(Suspended, until, today), Ok(Revoked));
        for done in [Revoked, Expired] {
            for m in [&suspend, &revoke, &LicenceMove::Lift] {
                assert_eq!(m.apply(done, until, today), Err(LicenceRefusal::Final));
            }
        }
    }

    #[test]
    fn a_licence_expires_the_day_after_its_last_valid_day() {
        let until = d("2027-01-10");
        assert!(!expires(LicenceStatus::Active, until, until));
        assert!(expires(LicenceStatus::Active, until, d("2027-01-11")));
        assert!(expires(LicenceStatus::Suspended, until, d("2027-01-11")));
        assert!(!expires(LicenceStatus::Revoked, until, d("2027-01-11")));
    }

    #[test]
    fn reminders_come_at_sixty_then_thirty_days_once_each() {
        let until = d("2027-03-01");
        let on = |days: i64| until - chrono::Duration::days(days);
        let a = LicenceStatus::Active;
        assert_eq!(reminder_due(a, until, on(61), None), None);
        assert_eq!(reminder_due(a, until, on(60), None), Some(60));
        assert_eq!(reminder_due(a, until, on(45), Some(60)), None);
        assert_eq!(reminder_due(a, until, on(30), Some(60)), Some(30));
        assert_eq!(reminder_due(a, until, on(10), Some(30)), None);
        assert_eq!(reminder_due(a, until, on(20), None), Some(30));
        assert_eq!(
            reminder_due(LicenceStatus::Suspended, until, on(30), None),
            None
        );
    }
}
