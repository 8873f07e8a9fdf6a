//! Who may do what with licences and permits (seeds 000–002).
//!
//! | role | define permit types, delegate | apply, withdraw, appeal | act on a step | decide an appeal | read applications |
//! |---|---|---|---|---|---|
//! | national administrator | yes | no | steps the national body decides | yes | all |
//! | provincial officer | no | no | officer steps its province decides | no | its province's |
//! | inspector | no | no | inspector steps its province decides | no | its province's |
//! | unit user | no | its own unit | no | no | its unit's |
//! | others | no | no | no | no | none (the public tracking page and register are public) |
//!
//! An application's documents and messages pass between the unit's staff and the office side:
//! the national body, and the unit's province's officers and inspectors when a step of it is
//! delegated to that province (`exchange_side`).

use super::{Actor, Denied, Role};

/// The office that decides a step: a province's code, or the national body.
pub const NATIONAL: &str = "NATIONAL";

/// The applications an actor may read. Only this module can make one, and licensing's
/// queries start from it.
///
/// ```compile_fail,E0423
/// use tashil::access::licensing::{ApplicationReach, ApplicationScope};
/// let _ = ApplicationScope(ApplicationReach::All);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationScope(ApplicationReach);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplicationReach {
    All,
    /// Applications of units in a province, and those whose current step that province decides.
    Province(String),
    /// Applications of the units this organisation acts for.
    Organisation(i64),
}

impl ApplicationScope {
    pub fn reach(&self) -> &ApplicationReach {
        &self.0
    }
}

pub fn application_scope(actor: &Actor) -> Result<ApplicationScope, Denied> {
    Ok(ApplicationScope(match actor.role() {
        Role::NationalAdmin => ApplicationReach::All,
        Role::ProvincialOfficer | Role::Inspector => ApplicationReach::Province(
            actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?,
        ),
        Role::UnitUser => ApplicationReach::Organisation(actor.organisation_id()),
        Role::AgencyOfficer | Role::LabUser | Role::Public => return Err(Denied::Forbidden),
    }))
}

/// Whether applications are among the actor's working pages.
pub fn works_on_applications(actor: &Actor) -> bool {
    application_scope(actor).is_ok()
}

/// Leave to apply for the units an organisation acts for, in its province.
///
/// ```compile_fail,E0451
/// let _ = tashil::access::licensing::ApplyGrant { organisation: 1, province: "IR-26".into() };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyGrant {
    organisation: i64,
    province: String,
}

impl ApplyGrant {
    pub fn organisation(&self) -> i64 {
        self.organisation
    }

    pub fn province(&self) -> &str {
        &self.province
    }
}

pub fn authorize_apply(actor: &Actor) -> Result<ApplyGrant, Denied> {
    match (actor.role(), actor.province()) {
        (Role::UnitUser, Some(p)) => Ok(ApplyGrant {
            organisation: actor.organisation_id(),
            province: p.to_owned(),
        }),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to define permit types and set delegations: the national body's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefineGrant(());

pub fn authorize_define(actor: &Actor) -> Result<DefineGrant, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(DefineGrant(())),
        _ => Err(Denied::Forbidden),
    }
}

/// Whether the permit types' pages are among the actor's working pages.
pub fn defines_permit_types(actor: &Actor) -> bool {
    authorize_define(actor).is_ok()
}

/// Who acts at a step, as the permit type names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepRole {
    Officer,
    Inspector,
}

/// In which capacity an actor moves an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Applicant,
    DecidingOffice,
    NationalBody,
}

/// What deciding who moves needs to know of the application.
#[derive(Debug, Clone, Copy)]
pub struct MoveFacts<'a> {
    /// The organisations acting for the applying unit.
    pub unit_organisation: Option<i64>,
    /// The office deciding the current step (`NATIONAL` or a province), if a step is open.
    pub deciding_office: Option<&'a str>,
    pub step_role: StepRole,
}

/// The capacity in which `actor` may make a move that needs `wanted`, or why not.
pub fn party(actor: &Actor, wanted: Party, facts: MoveFacts<'_>) -> Result<Party, Denied> {
    let ok = match wanted {
        Party::Applicant => {
            actor.role() == Role::UnitUser
                && facts.unit_organisation == Some(actor.organisation_id())
        }
        Party::NationalBody => actor.role() == Role::NationalAdmin,
        Party::DecidingOffice => match facts.deciding_office {
            Some(NATIONAL) => actor.role() == Role::NationalAdmin,
            Some(office) => {
                actor.province() == Some(office)
                    && match facts.step_role {
                        StepRole::Officer => actor.role() == Role::ProvincialOfficer,
                        // An officer may stand in for an inspector; not the other way round.
                        StepRole::Inspector => {
                            matches!(actor.role(), Role::Inspector | Role::ProvincialOfficer)
                        }
                    }
            }
            None => false,
        },
    };
    if ok {
        Ok(wanted)
    } else {
        Err(Denied::Forbidden)
    }
}

// --- An application's documents and messages ---

/// The side of an application an actor writes from: its documents and messages pass
/// between the applying unit and the office(s) deciding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Applicant,
    Office,
}

/// What deciding who shares an application's documents and messages needs to know.
#[derive(Debug, Clone, Copy)]
pub struct ExchangeFacts<'a> {
    /// The organisations acting for the applying unit.
    pub unit_organisation: Option<i64>,
    /// The applying unit's province.
    pub province: &'a str,
    /// Whether that province's office decides (or decided) any step of it.
    pub province_decides: bool,
}

/// The side from which `actor` reads and writes an application's documents and messages: the
/// unit's own staff; the national body; the officers and inspectors of the unit's province
/// when a step of it is delegated to them. Anyone else is refused, even if they may read
/// the application itself.
pub fn exchange_side(actor: &Actor, facts: ExchangeFacts<'_>) -> Result<Side, Denied> {
    match actor.role() {
        Role::UnitUser if facts.unit_organisation == Some(actor.organisation_id()) => {
            Ok(Side::Applicant)
        }
        Role::NationalAdmin => Ok(Side::Office),
        Role::ProvincialOfficer | Role::Inspector
            if facts.province_decides && actor.province() == Some(facts.province) =>
        {
            Ok(Side::Office)
        }
        _ => Err(Denied::Forbidden),
    }
}

// --- Licences after issue (suspend, revoke, lift; renew) ---

/// Leave to suspend, revoke or lift a licence of `province`: an officer of that province, or
/// the national body.
///
/// ```compile_fail,E0423
/// let _ = tashil::access::licensing::LicenceGrant(());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenceGrant(());

pub fn authorize_licence_action(actor: &Actor, province: &str) -> Result<LicenceGrant, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(LicenceGrant(())),
        Role::ProvincialOfficer if actor.province() == Some(province) => Ok(LicenceGrant(())),
        _ => Err(Denied::Forbidden),
    }
}

/// Leave to renew a licence: the staff of the organisation acting for its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewGrant(ApplyGrant);

impl RenewGrant {
    pub fn apply(&self) -> &ApplyGrant {
        &self.0
    }
}

pub fn authorize_renew(
    actor: &Actor,
    holder_organisation: Option<i64>,
) -> Result<RenewGrant, Denied> {
    let grant = authorize_apply(actor)?;
    if holder_organisation == Some(grant.organisation()) {
        Ok(RenewGrant(grant))
    } else {
        Err(Denied::Forbidden)
    }
}

#[cfg(test)]
mod licence_tests {
    use super::*;

    #[test]
    fn only_the_licences_province_or_the_national_body_suspends_it() {
        let qazvin = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 2);
        let tehran = Actor::for_test(Role::ProvincialOfficer, Some("IR-23"), 3);
        let inspector = Actor::for_test(Role::Inspector, Some("IR-26"), 2);
        let admin = Actor::for_test(Role::NationalAdmin, None, 1);
        let unit = Actor::for_test(Role::UnitUser, Some("IR-26"), 7);
        assert!(authorize_licence_action(&qazvin, "IR-26").is_ok());
        assert!(authorize_licence_action(&admin, "IR-26").is_ok());
        for other in [&tehran, &inspector, &unit] {
            assert!(authorize_licence_action(other, "IR-26").is_err());
        }
        assert!(authorize_renew(&unit, Some(7)).is_ok());
        assert!(authorize_renew(&unit, Some(8)).is_err());
        assert!(authorize_renew(&qazvin, Some(2)).is_err());
    }
}

#[cfg(test)]
mod exchange_tests {
    use super::*;

    #[test]
    fn documents_pass_between_the_unit_and_the_offices_that_decide() {
        let facts = |delegated| ExchangeFacts {
            unit_organisation: Some(7),
            province: "IR-26",
            province_decides: delegated,
        };
        let own = Actor::for_test(Role::UnitUser, Some("IR-26"), 7);
        let other_unit = Actor::for_test(Role::UnitUser, Some("IR-26"), 8);
        let qazvin = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 2);
        let inspector = Actor::for_test(Role::Inspector, Some("IR-26"), 2);
        let tehran = Actor::for_test(Role::ProvincialOfficer, Some("IR-23"), 3);
        let admin = Actor::for_test(Role::NationalAdmin, None, 1);
        let agency = Actor::for_test(Role::AgencyOfficer, Some("IR-26"), 4);
        assert_eq!(exchange_side(&own, facts(false)), Ok(Side::Applicant));
        assert_eq!(exchange_side(&admin, facts(false)), Ok(Side::Office));
        assert_eq!(exchange_side(&qazvin, facts(true)), Ok(Side::Office));
        assert_eq!(exchange_side(&inspector, facts(true)), Ok(Side::Office));
        assert!(exchange_side(&qazvin, facts(false)).is_err());
        for other in [&other_unit, &tehran, &agency] {
            assert!(exchange_side(other, facts(true)).is_err());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(office: &str, role: StepRole) -> MoveFacts<'_> {
        MoveFacts {
            unit_organisation: Some(7),
            deciding_office: Some(office),
            step_role: role,
        }
    }

    #[test]
    fn only_the_deciding_office_acts_on_a_step() {
        let qazvin = Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 2);
        let tehran = Actor::for_test(Role::ProvincialOfficer, Some("IR-23"), 3);
        let inspector = Actor::for_test(Role::Inspector, Some("IR-26"), 2);
        let admin = Actor::for_test(Role::NationalAdmin, None, 1);
        let office = Party::DecidingOffice;
        assert!(party(&qazvin, office, facts("IR-26", StepRole::Officer)).is_ok());
        assert!(party(&tehran, office, facts("IR-26", StepRole::Officer)).is_err());
        assert!(party(&inspector, office, facts("IR-26", StepRole::Officer)).is_err());
        assert!(party(&inspector, office, facts("IR-26", StepRole::Inspector)).is_ok());
        assert!(party(&admin, office, facts("IR-26", StepRole::Officer)).is_err());
        assert!(party(&admin, office, facts(NATIONAL, StepRole::Officer)).is_ok());
        assert!(party(&qazvin, office, facts(NATIONAL, StepRole::Officer)).is_err());
    }

    #[test]
    fn only_the_units_own_staff_apply_and_appeal() {
        let own = Actor::for_test(Role::UnitUser, Some("IR-26"), 7);
        let other = Actor::for_test(Role::UnitUser, Some("IR-26"), 8);
        let f = facts("IR-26", StepRole::Officer);
        assert!(party(&own, Party::Applicant, f).is_ok());
        assert!(party(&other, Party::Applicant, f).is_err());
        assert!(party(&own, Party::NationalBody, f).is_err());
        assert!(authorize_apply(&own).is_ok());
        assert!(
            authorize_apply(&Actor::for_test(Role::ProvincialOfficer, Some("IR-26"), 2)).is_err()
        );
    }
}
