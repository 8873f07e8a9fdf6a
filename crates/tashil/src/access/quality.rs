//! Who may do what in online quality assurance (issue 20).
//!
//! | role | read characteristics, limits, subgroups | define characteristics, send subgroups, set limits |
//! |---|---|---|
//! | national administrator | all | no |
//! | provincial officer, inspector | its province's units' | no |
//! | unit user (the unit's staff and its QC managers) | its own unit's | its own unit's |
//! | lab user, agency officer, public | no (403) | no |
//!
//! The registry lists a unit's QC managers by name and national code; logins carry no
//! national code, so the unit's own users act for them (`docs/domain.md`, "Quality").
//!
//! Advice (ADR 0026): the unit's users read their unit's advice from the day it opens and
//! acknowledge, answer and close it (closing only before it escalates); the office (a
//! province's officers and inspectors, the national body) reads an advice only once escalated,
//! in its quality queue, and its officers (not inspectors) close it once answered; the national
//! administrator alone sets the escalation thresholds.

use super::{Actor, Denied, Role};

/// The characteristics an actor may read. Only this module makes one, and the context's
/// queries start from it.
///
/// ```compile_fail,E0423
/// use tashil::access::quality::{QualityReach, QualityScope};
/// let _ = QualityScope(QualityReach::All);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualityScope(QualityReach);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QualityReach {
    All,
    /// The units of one province (its office and inspectors).
    Province(String),
    /// The units an organisation acts for (a unit's own users).
    Organisation(i64),
}

impl QualityScope {
    pub fn reach(&self) -> &QualityReach {
        &self.0
    }
}

pub fn scope(actor: &Actor) -> Result<QualityScope, Denied> {
    Ok(QualityScope(match actor.role() {
        Role::NationalAdmin => QualityReach::All,
        Role::ProvincialOfficer | Role::Inspector => QualityReach::Province(
            actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?,
        ),
        Role::UnitUser => QualityReach::Organisation(actor.organisation_id()),
        Role::LabUser | Role::AgencyOfficer | Role::Public => return Err(Denied::Forbidden),
    }))
}

/// Leave to define a unit's characteristics, send its subgroups and set its limits: the
/// unit's own users. Only this module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::quality::QualityGrant { organisation_id: 1 };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualityGrant {
    organisation_id: i64,
}

impl QualityGrant {
    /// The organisation whose units the grant covers.
    pub fn organisation_id(&self) -> i64 {
        self.organisation_id
    }
}

pub fn authorize_manage(actor: &Actor) -> Result<QualityGrant, Denied> {
    match actor.role() {
        Role::UnitUser => Ok(QualityGrant {
            organisation_id: actor.organisation_id(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Whether the characteristics list is among the actor's working pages.
pub fn works_on_quality(actor: &Actor) -> bool {
    scope(actor).is_ok()
}

/// Whether the province's quality queue (escalated advice) is among the actor's working
/// pages: a province's officers and inspectors (their province), the national body (all).
pub fn works_on_queue(actor: &Actor) -> bool {
    matches!(
        actor.role(),
        Role::NationalAdmin | Role::ProvincialOfficer | Role::Inspector
    )
}

/// Whether the actor reads advice as the office does (escalated advice only), rather than as
/// the unit (its own, from the day it opens).
pub fn reads_as_office(scope: &QualityScope) -> bool {
    !matches!(scope.reach(), QualityReach::Organisation(_))
}

/// Leave to close an escalated advice once answered: the province's officers (its own
/// province's) and the national body. Only this module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::quality::OfficeGrant { province: None };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeGrant {
    province: Option<String>,
}

impl OfficeGrant {
    /// Whether the grant covers a unit of `province`.
    pub fn covers(&self, province: &str) -> bool {
        self.province.as_deref().is_none_or(|p| p == province)
    }
}

pub fn authorize_office(actor: &Actor) -> Result<OfficeGrant, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(OfficeGrant { province: None }),
        Role::ProvincialOfficer => Ok(OfficeGrant {
            province: Some(
                actor
                    .province()
                    .map(str::to_owned)
                    .ok_or(Denied::Forbidden)?,
            ),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to set the escalation thresholds (a country's default, a province's own): the
/// national administrator. Only this module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::quality::ThresholdsGrant { _private: () };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThresholdsGrant {
    _private: (),
}

pub fn authorize_thresholds(actor: &Actor) -> Result<ThresholdsGrant, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(ThresholdsGrant { _private: () }),
        _ => Err(Denied::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_reaches_its_own() {
        let unit = Actor::for_test(Role::UnitUser, Some("IR-26"), 7);
        assert_eq!(
            scope(&unit).unwrap().reach(),
            &QualityReach::Organisation(7)
        );
        assert_eq!(authorize_manage(&unit).unwrap().organisation_id(), 7);
        let officer = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 5);
        assert_eq!(
            scope(&officer).unwrap().reach(),
            &QualityReach::Province("IR-26".into())
        );
        assert!(authorize_manage(&officer).is_err());
        let admin = Actor::for_test(Role::NationalAdmin, None, 1);
        assert_eq!(scope(&admin).unwrap().reach(), &QualityReach::All);
        assert!(authorize_manage(&admin).is_err());
        for role in [Role::LabUser, Role::AgencyOfficer, Role::Public] {
            let a = Actor::for_test(role, Some("IR-26"), 9);
            assert_eq!(scope(&a), Err(Denied::Forbidden));
            assert!(authorize_manage(&a).is_err());
        }
    }

    #[test]
    fn the_office_sees_the_queue_and_the_national_body_sets_thresholds() {
        let unit = Actor::for_test(Role::UnitUser, Some("IR-26"), 7);
        let officer = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 5);
        let inspector = Actor::for_test(Role::Inspector, Some("IR-26"), 5);
        let admin = Actor::for_test(Role::NationalAdmin, None, 1);
        assert!(!works_on_queue(&unit));
        assert!(works_on_queue(&officer) && works_on_queue(&inspector) && works_on_queue(&admin));
        assert!(!reads_as_office(&scope(&unit).unwrap()));
        assert!(reads_as_office(&scope(&officer).unwrap()));
        let g = authorize_office(&officer).unwrap();
        assert!(g.covers("IR-26") && !g.covers("IR-30"));
        assert!(authorize_office(&admin).unwrap().covers("IR-30"));
        assert!(authorize_office(&inspector).is_err() && authorize_office(&unit).is_err());
        assert!(authorize_thresholds(&admin).is_ok());
        assert!(authorize_thresholds(&officer).is_err());
    }
}
