//! Who may do what in supervision (issue 21).
//!
//! | role | read risk scores and their explanation | set weights and hazard classes |
//! |---|---|---|
//! | national administrator | all units | yes |
//! | provincial officer, inspector | its province's units | no |
//! | unit user, lab user, agency officer, public | no (403) | no |
//!
//! A unit out of reach reads as absent (404), like one that does not exist.

use super::{Actor, Denied, Role};

mod inspections;
pub use inspections::*;

/// The units whose scores an actor may read. Only this module makes one, and the context's
/// queries start from it.
///
/// ```compile_fail,E0423
/// use tashil::access::supervision::{SupervisionReach, SupervisionScope};
/// let _ = SupervisionScope(SupervisionReach::All);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupervisionScope(SupervisionReach);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupervisionReach {
    All,
    /// The units of one province (its office and inspectors).
    Province(String),
}

impl SupervisionScope {
    pub fn reach(&self) -> &SupervisionReach {
        &self.0
    }

    /// The province the scope is held to, if any.
    pub fn province(&self) -> Option<&str> {
        match &self.0 {
            SupervisionReach::All => None,
            SupervisionReach::Province(p) => Some(p),
        }
    }
}

pub fn scope(actor: &Actor) -> Result<SupervisionScope, Denied> {
    Ok(SupervisionScope(match actor.role() {
        Role::NationalAdmin => SupervisionReach::All,
        Role::ProvincialOfficer | Role::Inspector => SupervisionReach::Province(
            actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?,
        ),
        Role::UnitUser | Role::LabUser | Role::AgencyOfficer | Role::Public => {
            return Err(Denied::Forbidden);
        }
    }))
}

/// Leave to change the risk weights and the hazard classes: the national body. Only this
/// module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::supervision::WeightsGrant { _private: () };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightsGrant {
    _private: (),
}

pub fn authorize_weights(actor: &Actor) -> Result<WeightsGrant, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(WeightsGrant { _private: () }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to set an office's capacity and to propose, edit and approve its province's
/// inspection plans: the provincial officer. Only this module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::supervision::PlanGrant { province: String::new(), office: 1 };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanGrant {
    province: String,
    office: i64,
}

impl PlanGrant {
    /// The province whose plans the grant covers.
    pub fn province(&self) -> &str {
        &self.province
    }

    /// The office (organisation) whose capacity the grant sets.
    pub fn office(&self) -> i64 {
        self.office
    }
}

pub fn authorize_plan(actor: &Actor) -> Result<PlanGrant, Denied> {
    match (actor.role(), actor.province()) {
        (Role::ProvincialOfficer, Some(p)) => Ok(PlanGrant {
            province: p.to_owned(),
            office: actor.organisation_id(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Whether the risk list is among the actor's working pages.
pub fn works_on_supervision(actor: &Actor) -> bool {
    scope(actor).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_reaches_its_own() {
        let admin = Actor::for_test(Role::NationalAdmin, None, 1);
        assert_eq!(scope(&admin).unwrap().reach(), &SupervisionReach::All);
        assert!(authorize_weights(&admin).is_ok());
        for role in [Role::ProvincialOfficer, Role::Inspector] {
            let a = Actor::for_test(role, Some("IR-26"), 5);
            assert_eq!(scope(&a).unwrap().province(), Some("IR-26"));
            assert!(authorize_weights(&a).is_err());
        }
        let officer = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 5);
        assert_eq!(authorize_plan(&officer).unwrap().province(), "IR-26");
        assert_eq!(authorize_plan(&officer).unwrap().office(), 5);
        assert!(authorize_plan(&Actor::for_test(Role::Inspector, Some("IR-26"), 5)).is_err());
        assert!(authorize_plan(&admin).is_err());
        for role in [
            Role::UnitUser,
            Role::LabUser,
            Role::AgencyOfficer,
            Role::Public,
        ] {
            let a = Actor::for_test(role, Some("IR-26"), 9);
            assert_eq!(scope(&a), Err(Denied::Forbidden));
            assert!(authorize_weights(&a).is_err());
        }
    }
}
