//! Who may do what in the deregulation register (seeds 002, 003).
//!
//! | role | report | read | review, decide, publish |
//! |---|---|---|---|
//! | national administrator | no | all | no |
//! | provincial officer (the board's secretariat) | own province | own province | own province |
//! | inspector | no | own province | no |
//! | agency officer, unit user | own province | own organisation's reports | no |
//! | lab user, public | no | published only, without the reporter | no |

use super::{Actor, Denied, Role};

/// The reports an actor may read. Only this module can make one, and the register's queries
/// start from it, so no query runs unscoped.
///
/// ```
/// let anyone = tashil::access::deregulation::public_scope();
/// assert!(!anyone.sees_reporter());
/// ```
///
/// ```compile_fail,E0423
/// use tashil::access::deregulation::{RegulationReach, RegulationScope};
/// let _ = RegulationScope(RegulationReach::All);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegulationScope(RegulationReach);

/// How far a [`RegulationScope`] reaches; building one grants nothing by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegulationReach {
    /// Every report (the national administrator).
    All,
    /// Every report of a province (its board's secretariat and inspectors).
    Province(String),
    /// The reports the organisation made.
    Organisation(i64),
    /// Published reports only, and never who reported them.
    Published,
}

impl RegulationScope {
    pub fn reach(&self) -> &RegulationReach {
        &self.0
    }

    /// Whether a report of `province` made by `reporter_org_id` in `published` state is inside.
    pub fn covers(&self, province: &str, reporter_org_id: i64, published: bool) -> bool {
        match &self.0 {
            RegulationReach::All => true,
            RegulationReach::Province(p) => p == province,
            RegulationReach::Organisation(o) => *o == reporter_org_id,
            RegulationReach::Published => published,
        }
    }

    /// Whether this scope may learn who reported (organisation and user) and read the
    /// reporter's own account.
    pub fn sees_reporter(&self) -> bool {
        !matches!(self.0, RegulationReach::Published)
    }
}

pub fn regulation_scope(actor: &Actor) -> Result<RegulationScope, Denied> {
    Ok(RegulationScope(match actor.role() {
        Role::NationalAdmin => RegulationReach::All,
        Role::ProvincialOfficer | Role::Inspector => RegulationReach::Province(
            actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?,
        ),
        Role::UnitUser | Role::AgencyOfficer => {
            RegulationReach::Organisation(actor.organisation_id())
        }
        Role::LabUser | Role::Public => RegulationReach::Published,
    }))
}

/// Whether the register is among the actor's working pages: its scope reaches past the
/// published decisions anyone may read.
pub fn works_on_register(actor: &Actor) -> bool {
    regulation_scope(actor).is_ok_and(|s| s.sees_reporter())
}

/// What anyone, signed in or not, may read: published decisions, without their reporter.
pub fn public_scope() -> RegulationScope {
    RegulationScope(RegulationReach::Published)
}

/// Leave to report rules in one province: the reporter's own. Only this module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::deregulation::ReportGrant { province: "IR-26".into() };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportGrant {
    province: String,
}

impl ReportGrant {
    pub fn province(&self) -> &str {
        &self.province
    }
}

/// May `actor` report a rule? A unit, an agency (the chamber of commerce, an association, an
/// agency reporting its own rules) or the provincial office, in its own province.
pub fn authorize_report(actor: &Actor) -> Result<ReportGrant, Denied> {
    match (actor.role(), &actor.province()) {
        (Role::UnitUser | Role::AgencyOfficer | Role::ProvincialOfficer, Some(p)) => {
            Ok(ReportGrant {
                province: p.to_string(),
            })
        }
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to act for the deregulation board of one province. Only this module makes one, and
/// the register's board writes are filtered by its province.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::deregulation::BoardGrant { province: "IR-26".into() };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardGrant {
    province: String,
}

impl BoardGrant {
    pub fn province(&self) -> &str {
        &self.province
    }
}

/// May `actor` act for the deregulation board of `province` (review, decide, publish)? The
/// provincial office keeps the board's secretariat.
pub fn authorize_board(actor: &Actor, province: &str) -> Result<BoardGrant, Denied> {
    match actor.role() {
        Role::ProvincialOfficer if actor.province() == Some(province) => Ok(BoardGrant {
            province: province.to_string(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_provinces_secretariat_acts_for_its_board() {
        let qz = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 5);
        assert!(authorize_board(&qz, "IR-26").is_ok());
        assert!(authorize_board(&qz, "IR-30").is_err());
        for r in [
            Role::NationalAdmin,
            Role::Inspector,
            Role::AgencyOfficer,
            Role::UnitUser,
            Role::LabUser,
            Role::Public,
        ] {
            assert!(authorize_board(&Actor::for_test(r, Some("IR-26"), 5), "IR-26").is_err());
        }
    }

    #[test]
    fn reporters_report_in_their_own_province() {
        for r in [Role::UnitUser, Role::AgencyOfficer, Role::ProvincialOfficer] {
            let a = Actor::for_test(r, Some("IR-26"), 5);
            assert_eq!(authorize_report(&a).unwrap().province(), "IR-26");
            assert!(authorize_report(&Actor::for_test(r, None, 5)).is_err());
        }
        for r in [
            Role::NationalAdmin,
            Role::Inspector,
            Role::LabUser,
            Role::Public,
        ] {
            assert!(authorize_report(&Actor::for_test(r, Some("IR-26"), 5)).is_err());
        }
    }

    #[test]
    fn the_public_reaches_published_reports_without_their_reporter() {
        let p = regulation_scope(&Actor::for_test(Role::Public, None, 3)).unwrap();
        assert!(p.covers("IR-26", 9, true));
        assert!(!p.covers("IR-26", 9, false));
        assert!(!p.sees_reporter());
        assert_eq!(p, public_scope());
        let unit = regulation_scope(&Actor::for_test(Role::UnitUser, Some("IR-26"), 9)).unwrap();
        assert!(unit.covers("IR-26", 9, false));
        assert!(!unit.covers("IR-26", 10, true));
        assert!(unit.sees_reporter());
        let al =
            regulation_scope(&Actor::for_test(Role::ProvincialOfficer, Some("IR-30"), 4)).unwrap();
        assert!(!al.covers("IR-26", 9, true));
        assert!(regulation_scope(&Actor::for_test(Role::Inspector, None, 4)).is_err());
    }
}
