//! Who may do what with inspections and findings (issue 21, items 3 and 4).
//!
//! | role | read inspections and findings | schedule | inspect, record findings, verify closure | sign, answer with a CAPA |
//! |---|---|---|---|---|
//! | national administrator | all | no | no | no |
//! | provincial officer | its province's | yes | no | no |
//! | inspector | its province's | no | its province's | no |
//! | unit user | its own unit's, once recorded | no | no | its own |
//! | lab user, agency officer, public | no (403) | no | no | no |
//!
//! An inspection out of reach reads as absent (404), like one that does not exist.

use super::super::{Actor, Denied, Role};

/// The inspections an actor may read. Only this module makes one.
///
/// ```compile_fail,E0423
/// use tashil::access::supervision::{InspectionReach, InspectionScope};
/// let _ = InspectionScope(InspectionReach::All);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectionScope(InspectionReach);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InspectionReach {
    All,
    /// One province's (its office and inspectors).
    Province(String),
    /// The recorded inspections of the units organisation `0` acts for.
    Unit(i64),
}

impl InspectionScope {
    pub fn reach(&self) -> &InspectionReach {
        &self.0
    }
}

pub fn inspection_scope(actor: &Actor) -> Result<InspectionScope, Denied> {
    Ok(InspectionScope(match (actor.role(), actor.province()) {
        (Role::NationalAdmin, _) => InspectionReach::All,
        (Role::ProvincialOfficer | Role::Inspector, Some(p)) => {
            InspectionReach::Province(p.to_owned())
        }
        (Role::UnitUser, _) => InspectionReach::Unit(actor.organisation_id()),
        _ => return Err(Denied::Forbidden),
    }))
}

/// Leave to schedule inspections in a province: its provincial officer. Only this module
/// makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::supervision::ScheduleGrant { province: String::new() };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleGrant {
    province: String,
}

impl ScheduleGrant {
    pub fn province(&self) -> &str {
        &self.province
    }
}

pub fn authorize_schedule(actor: &Actor) -> Result<ScheduleGrant, Denied> {
    match (actor.role(), actor.province()) {
        (Role::ProvincialOfficer, Some(p)) => Ok(ScheduleGrant {
            province: p.to_owned(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to carry out its province's inspections: start them, answer their checklists,
/// attach evidence, record findings, note a refusal to sign and verify closures. Only this
/// module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::supervision::InspectGrant { province: String::new() };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectGrant {
    province: String,
}

impl InspectGrant {
    pub fn province(&self) -> &str {
        &self.province
    }
}

pub fn authorize_inspect(actor: &Actor) -> Result<InspectGrant, Denied> {
    match (actor.role(), actor.province()) {
        (Role::Inspector, Some(p)) => Ok(InspectGrant {
            province: p.to_owned(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to act for an inspected unit: sign the record, answer a finding with a CAPA. Only
/// this module makes one.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::supervision::UnitGrant { organisation: 1 };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitGrant {
    organisation: i64,
}

impl UnitGrant {
    /// The organisation whose units the grant acts for.
    pub fn organisation(&self) -> i64 {
        self.organisation
    }
}

pub fn authorize_unit(actor: &Actor) -> Result<UnitGrant, Denied> {
    match actor.role() {
        Role::UnitUser => Ok(UnitGrant {
            organisation: actor.organisation_id(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Whether the inspections list is among the actor's working pages.
pub fn works_on_inspections(actor: &Actor) -> bool {
    inspection_scope(actor).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_reaches_its_own_inspections() {
        let admin = Actor::for_test(Role::NationalAdmin, None, 1);
        assert_eq!(
            inspection_scope(&admin).unwrap().reach(),
            &InspectionReach::All
        );
        let officer = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 5);
        let inspector = Actor::for_test(Role::Inspector, Some("IR-26"), 5);
        let unit = Actor::for_test(Role::UnitUser, Some("IR-26"), 9);
        for a in [&officer, &inspector] {
            assert_eq!(
                inspection_scope(a).unwrap().reach(),
                &InspectionReach::Province("IR-26".into())
            );
        }
        assert_eq!(
            inspection_scope(&unit).unwrap().reach(),
            &InspectionReach::Unit(9)
        );
        assert_eq!(authorize_schedule(&officer).unwrap().province(), "IR-26");
        assert!(authorize_schedule(&inspector).is_err());
        assert_eq!(authorize_inspect(&inspector).unwrap().province(), "IR-26");
        assert!(authorize_inspect(&officer).is_err() && authorize_inspect(&admin).is_err());
        assert_eq!(authorize_unit(&unit).unwrap().organisation(), 9);
        assert!(authorize_unit(&inspector).is_err());
        for role in [Role::LabUser, Role::AgencyOfficer, Role::Public] {
            let a = Actor::for_test(role, Some("IR-26"), 9);
            assert_eq!(inspection_scope(&a), Err(Denied::Forbidden));
            assert!(authorize_unit(&a).is_err() && authorize_inspect(&a).is_err());
        }
    }
}
