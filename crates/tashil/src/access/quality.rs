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
}
