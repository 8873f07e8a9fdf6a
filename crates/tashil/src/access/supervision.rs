//! Who may do what in supervision (issue 21).
//!
//! | role | read risk scores and their explanation | set weights and hazard classes |
//! |---|---|---|
//! | national administrator | all units | yes |
//! | provincial officer, inspector | its province's units | no |
//! | unit user, lab user, agency officer, public | no (403) | no |
//!
//! The ladder (measures) and the public list of non-compliant products:
//!
//! | role | take a measure | approve an imminent-danger measure | read measures | publish unsafe products |
//! |---|---|---|---|---|
//! | national administrator | no | any province (edits the ladder) | all units | no |
//! | provincial officer | any rung, its province | its province, not its own | its province | its province |
//! | inspector | advice, written warning, its province | no | its province | no |
//! | unit user | no | no | its own unit | no |
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

/// Leave to take measures on the units of a province (issue 21, the ladder): the provincial
/// officer any rung, the inspector the advisory ones (advice, written warning). Only this
/// module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::supervision::MeasureGrant { province: String::new(), coercive: true };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureGrant {
    province: String,
    coercive: bool,
}

impl MeasureGrant {
    pub fn province(&self) -> &str {
        &self.province
    }

    /// Whether rungs above the advisory ones are within the grant.
    pub fn beyond_advice(&self) -> bool {
        self.coercive
    }
}

pub fn authorize_measure(actor: &Actor) -> Result<MeasureGrant, Denied> {
    match (actor.role(), actor.province()) {
        (Role::ProvincialOfficer | Role::Inspector, Some(p)) => Ok(MeasureGrant {
            province: p.to_owned(),
            coercive: actor.role() == Role::ProvincialOfficer,
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to approve or refuse a measure proposed on the imminent-danger path: a provincial
/// officer of the unit's province or the national body (never the proposer: the ladder's
/// rule). `None`: every province.
pub fn authorize_approval(actor: &Actor) -> Result<Option<String>, Denied> {
    match (actor.role(), actor.province()) {
        (Role::NationalAdmin, _) => Ok(None),
        (Role::ProvincialOfficer, Some(p)) => Ok(Some(p.to_owned())),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to publish entries of the public list of non-compliant products: the provincial
/// officer, for its province.
pub fn authorize_unsafe(actor: &Actor) -> Result<String, Denied> {
    match (actor.role(), actor.province()) {
        (Role::ProvincialOfficer, Some(p)) => Ok(p.to_owned()),
        _ => Err(Denied::Forbidden),
    }
}

/// Whose measures an actor reads: those in its supervision scope, or (a unit's own user)
/// those of its organisation's unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeasureReader {
    Scope(SupervisionScope),
    Organisation(i64),
}

pub fn measure_reader(actor: &Actor) -> Result<MeasureReader, Denied> {
    match actor.role() {
        Role::UnitUser => Ok(MeasureReader::Organisation(actor.organisation_id())),
        _ => scope(actor).map(MeasureReader::Scope),
    }
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

    #[test]
    fn the_ladder_s_rights_by_role() {
        let officer = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 5);
        let inspector = Actor::for_test(Role::Inspector, Some("IR-26"), 5);
        let admin = Actor::for_test(Role::NationalAdmin, None, 1);
        let unit = Actor::for_test(Role::UnitUser, Some("IR-26"), 9);
        let g = authorize_measure(&officer).unwrap();
        assert_eq!((g.province(), g.beyond_advice()), ("IR-26", true));
        assert!(!authorize_measure(&inspector).unwrap().beyond_advice());
        assert!(authorize_measure(&admin).is_err() && authorize_measure(&unit).is_err());
        assert_eq!(authorize_approval(&officer), Ok(Some("IR-26".to_owned())));
        assert_eq!(authorize_approval(&admin), Ok(None));
        assert!(authorize_approval(&inspector).is_err());
        assert_eq!(authorize_unsafe(&officer).as_deref(), Ok("IR-26"));
        assert!(authorize_unsafe(&inspector).is_err() && authorize_unsafe(&admin).is_err());
        assert_eq!(measure_reader(&unit), Ok(MeasureReader::Organisation(9)));
        assert!(matches!(
            measure_reader(&inspector),
            Ok(MeasureReader::Scope(_))
        ));
        let lab = Actor::for_test(Role::LabUser, Some("IR-26"), 9);
        assert!(measure_reader(&lab).is_err());
    }
}
