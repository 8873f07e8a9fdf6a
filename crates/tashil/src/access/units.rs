//! Access rules for the registry of production units.
//!
//! | role | read | create | edit |
//! |---|---|---|---|
//! | national administrator | all | any province | all fields |
//! | provincial officer | own province | own province | all fields, own province |
//! | inspector, agency officer | own province | no | no |
//! | unit user | own unit | no | descriptive fields of own unit |
//! | lab user, public | no | no | no |

use super::{Actor, Denied, Role};

/// The rows of `units` an actor may see. Only this module can make one, and the registry's
/// queries take it as an argument, so no query runs unscoped.
#[derive(Debug, Clone)]
pub struct UnitScope(Reach);

#[derive(Debug, Clone)]
pub enum Reach {
    All,
    Province(String),
    Organisation(i64),
}

impl UnitScope {
    pub fn reach(&self) -> &Reach {
        &self.0
    }

    /// Whether the scope is the actor's own unit alone (a unit user's): "my unit", not a list.
    pub fn is_own_unit(&self) -> bool {
        matches!(self.0, Reach::Organisation(_))
    }

    /// Whether a unit at `province` owned by `organisation_id` is inside this scope.
    pub fn covers(&self, province: &str, organisation_id: Option<i64>) -> bool {
        match &self.0 {
            Reach::All => true,
            Reach::Province(p) => p == province,
            Reach::Organisation(o) => Some(*o) == organisation_id,
        }
    }
}

/// Which fields an editor may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditRights {
    /// Everything, including national ID, province, status and knowledge-based flag.
    Full,
    /// Names, city, activity, size, products and QC managers: what a unit states about itself.
    /// Identity, province, status and certified flags stay with the authorities.
    Descriptive,
}

pub fn read_scope(actor: &Actor) -> Result<UnitScope, Denied> {
    let reach = match actor.role() {
        Role::NationalAdmin => Reach::All,
        Role::ProvincialOfficer | Role::Inspector | Role::AgencyOfficer => Reach::Province(
            actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?,
        ),
        Role::UnitUser => Reach::Organisation(actor.organisation_id()),
        Role::LabUser | Role::Public => return Err(Denied::Forbidden),
    };
    Ok(UnitScope(reach))
}

/// May `actor` register a new unit in `province`?
pub fn authorize_create(actor: &Actor, province: &str) -> Result<(), Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(()),
        Role::ProvincialOfficer if actor.province() == Some(province) => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` edit the unit at `province` owned by `organisation_id`, and how much of it?
pub fn authorize_edit(
    actor: &Actor,
    province: &str,
    organisation_id: Option<i64>,
) -> Result<EditRights, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(EditRights::Full),
        Role::ProvincialOfficer if actor.province() == Some(province) => Ok(EditRights::Full),
        Role::UnitUser if Some(actor.organisation_id()) == organisation_id => {
            Ok(EditRights::Descriptive)
        }
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` import units (each row is still checked with [`authorize_create`])?
pub fn authorize_import(actor: &Actor) -> Result<(), Denied> {
    match actor.role() {
        Role::NationalAdmin | Role::ProvincialOfficer => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provincial_officer_reaches_only_own_province() {
        let a = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 5);
        let s = read_scope(&a).unwrap();
        assert!(s.covers("IR-26", Some(99)));
        assert!(!s.covers("IR-30", Some(99)));
        assert!(authorize_edit(&a, "IR-30", Some(99)).is_err());
        assert_eq!(authorize_edit(&a, "IR-26", Some(99)), Ok(EditRights::Full));
    }

    #[test]
    fn unit_user_edits_only_descriptive_fields_of_own_unit() {
        let a = Actor::for_test(Role::UnitUser, Some("IR-26"), 7);
        assert_eq!(
            authorize_edit(&a, "IR-26", Some(7)),
            Ok(EditRights::Descriptive)
        );
        assert!(authorize_edit(&a, "IR-26", Some(8)).is_err());
        assert!(authorize_create(&a, "IR-26").is_err());
    }

    #[test]
    fn lab_and_public_see_no_units() {
        for r in [Role::LabUser, Role::Public] {
            assert!(read_scope(&Actor::for_test(r, None, 1)).is_err());
        }
    }
}
