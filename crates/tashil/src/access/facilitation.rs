//! Who may do what at the facilitation desk (seeds 002, 003). The provincial technical
//! committee (provincial officers) triages its province's cases and keeps its bodies'
//! meetings; the national level takes escalated cases; an agency sees and reports on what
//! is assigned to it; a reporter sees its own cases.

use super::{Actor, Denied, OrganisationKind, Role};

/// The cases an actor may read. Only this module makes one, and the desk's queries start
/// from it (`facilitation::query`), so no case is read unscoped.
#[derive(Debug, Clone)]
pub struct CaseScope(CaseReach);

#[derive(Debug, Clone)]
pub enum CaseReach {
    /// Every case (the national administrator).
    All,
    /// Every case of a province (its technical committee and inspectors).
    Province(String),
    /// Cases the organisation reported, was routed or assigned, or is named in.
    Organisation(i64),
}

impl CaseScope {
    pub fn reach(&self) -> &CaseReach {
        &self.0
    }
}

pub fn case_scope(actor: &Actor) -> Result<CaseScope, Denied> {
    Ok(CaseScope(match actor.role() {
        Role::NationalAdmin => CaseReach::All,
        Role::ProvincialOfficer | Role::Inspector => CaseReach::Province(
            actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?,
        ),
        Role::UnitUser | Role::AgencyOfficer => CaseReach::Organisation(actor.organisation_id()),
        Role::LabUser | Role::Public => return Err(Denied::Forbidden),
    }))
}

/// The bodies whose secretariat an actor keeps, with their meetings and resolutions: a
/// province's (its provincial officers) or the national ones (the national administrator).
#[derive(Debug, Clone)]
pub struct SecretariatScope(Option<String>);

impl SecretariatScope {
    /// The province of the bodies kept; `None` for the national ones.
    pub fn province(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// The desk at which this secretariat names organisations.
    pub fn desk(&self) -> Desk<'_> {
        Desk::of_body(self.province())
    }
}

pub fn secretariat_scope(actor: &Actor) -> Result<SecretariatScope, Denied> {
    match actor.role() {
        Role::NationalAdmin => Ok(SecretariatScope(None)),
        Role::ProvincialOfficer => {
            let p = actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?;
            Ok(SecretariatScope(Some(p)))
        }
        _ => Err(Denied::Forbidden),
    }
}

/// The meetings an actor may read: those its secretariat keeps, and those of bodies its
/// organisation sits on.
#[derive(Debug, Clone)]
pub struct MeetingScope {
    secretariat: Option<SecretariatScope>,
    member: i64,
}

impl MeetingScope {
    pub fn secretariat(&self) -> Option<&SecretariatScope> {
        self.secretariat.as_ref()
    }

    /// The organisation whose seats open a body's meetings to the actor.
    pub fn member(&self) -> i64 {
        self.member
    }
}

pub fn meeting_scope(actor: &Actor) -> MeetingScope {
    MeetingScope {
        secretariat: secretariat_scope(actor).ok(),
        member: actor.organisation_id(),
    }
}

/// The resolutions an actor follows.
#[derive(Debug, Clone)]
pub struct ResolutionScope(ResolutionReach);

#[derive(Debug, Clone)]
pub enum ResolutionReach {
    All,
    Province(String),
    /// The resolutions binding this agency.
    Agency(i64),
}

impl ResolutionScope {
    pub fn reach(&self) -> &ResolutionReach {
        &self.0
    }
}

/// Its own agency's (an agency officer), its province's (the secretariat and inspectors), all
/// (the national administrator).
pub fn resolution_scope(actor: &Actor) -> Result<ResolutionScope, Denied> {
    Ok(ResolutionScope(match actor.role() {
        Role::AgencyOfficer => ResolutionReach::Agency(actor.organisation_id()),
        Role::ProvincialOfficer | Role::Inspector => ResolutionReach::Province(
            actor
                .province()
                .map(str::to_owned)
                .ok_or(Denied::Forbidden)?,
        ),
        Role::NationalAdmin => ResolutionReach::All,
        _ => return Err(Denied::Forbidden),
    }))
}

/// Whether the actor keeps a list of resolutions among its pages: a bound agency (an agency
/// officer) and the secretariats (provincial officers, the national administrator).
pub fn lists_resolutions(actor: &Actor) -> bool {
    matches!(
        actor.role(),
        Role::AgencyOfficer | Role::ProvincialOfficer | Role::NationalAdmin
    )
}

/// The resolutions an actor reports progress on: only its own agency's.
pub fn follow_up_scope(actor: &Actor) -> Result<ResolutionScope, Denied> {
    match actor.role() {
        Role::AgencyOfficer => Ok(ResolutionScope(ResolutionReach::Agency(
            actor.organisation_id(),
        ))),
        _ => Err(Denied::Forbidden),
    }
}

/// Whether the reporting form asks `actor` which units a case concerns: a unit always
/// reports for itself; the chamber, an association or the office name units.
pub fn names_units(actor: &Actor) -> bool {
    actor.role() != Role::UnitUser
}

/// May `actor`, whose organisation holds a private-sector seat on a body (or not), propose
/// items for its agenda? The chamber of commerce "gathers private-sector demands".
pub fn may_propose(actor: &Actor, private_seat: bool) -> bool {
    actor.role() == Role::AgencyOfficer && private_seat
}

/// Whether `actor` follows resolutions as the bound agency (rather than as a secretariat).
pub fn is_bound_agency(actor: &Actor) -> bool {
    actor.role() == Role::AgencyOfficer
}

/// May `actor` report an obstacle in `province`? A unit for itself; an agency (the chamber of
/// commerce, an association) on behalf of units; the provincial office for a case it received
/// by letter or phone.
pub fn authorize_report(actor: &Actor, province: &str) -> Result<(), Denied> {
    match actor.role() {
        Role::UnitUser | Role::AgencyOfficer | Role::ProvincialOfficer
            if actor.province() == Some(province) =>
        {
            Ok(())
        }
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` triage cases of `province` at `level` ("province" or "national")?
pub fn authorize_triage(actor: &Actor, province: &str, level: &str) -> Result<(), Denied> {
    match (actor.role(), level) {
        (Role::ProvincialOfficer, "province") if actor.province() == Some(province) => Ok(()),
        (Role::NationalAdmin, "national") => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` keep the meetings of a body of `province` (`None`: a national body)?
pub fn authorize_secretariat(actor: &Actor, province: Option<&str>) -> Result<(), Denied> {
    match (actor.role(), province) {
        (Role::ProvincialOfficer, Some(p)) if actor.province() == Some(p) => Ok(()),
        (Role::NationalAdmin, None) => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// An organisation as the desk's rules see it (read through `identity::organisation_facts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgFacts {
    pub id: i64,
    /// `None` for a kind this build does not know: never nameable.
    pub kind: Option<OrganisationKind>,
    pub province: Option<String>,
    pub country: String,
}

/// Where an organisation is named: a province's desk (its bodies, its cases) or the national
/// one (national bodies, escalated cases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desk<'a> {
    Province(&'a str),
    National,
}

impl<'a> Desk<'a> {
    /// The desk of a body of `province` (`None`: a national body).
    pub fn of_body(province: Option<&'a str>) -> Desk<'a> {
        province.map_or(Desk::National, Desk::Province)
    }

    /// The desk that handles a case of `province` at `level` (`province` or `national`).
    pub fn of_case(province: &'a str, level: &str) -> Desk<'a> {
        if level == "national" {
            Desk::National
        } else {
            Desk::Province(province)
        }
    }
}

/// The one rule for every place that names an organisation: a resolution binding it, a seat
/// on a body, attendance at a meeting. Only the desk's keeper names anyone (a province's
/// committee; the national administrator at the national level), and it names only agencies:
/// a province its own, the nation any. Units, labs, offices and other provinces' agencies are
/// never bound by a province that has no say over them.
pub fn may_name(actor: &Actor, desk: Desk<'_>, org: &OrgFacts) -> Result<(), Denied> {
    let keeper = match desk {
        Desk::Province(p) => actor.role() == Role::ProvincialOfficer && actor.province() == Some(p),
        Desk::National => actor.role() == Role::NationalAdmin,
    };
    if !keeper || org.kind != Some(OrganisationKind::Agency) {
        return Err(Denied::Forbidden);
    }
    match desk {
        Desk::Province(p) if org.province.as_deref() != Some(p) => Err(Denied::Forbidden),
        _ => Ok(()),
    }
}

/// May `actor` report progress on, or close, a resolution assigned to `agency_org_id`?
pub fn authorize_follow_up(actor: &Actor, agency_org_id: i64) -> Result<(), Denied> {
    match actor.role() {
        Role::AgencyOfficer if actor.organisation_id() == agency_org_id => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

/// May `actor` confirm, as the reporter, that its case is solved?
pub fn authorize_confirm(actor: &Actor, reporter_org_id: i64) -> Result<(), Denied> {
    if actor.organisation_id() == reporter_org_id
        && matches!(
            actor.role(),
            Role::UnitUser | Role::AgencyOfficer | Role::ProvincialOfficer
        )
    {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, province: Option<&str>) -> Actor {
        Actor::for_test(role, province, 9)
    }

    #[test]
    fn only_the_provinces_committee_triages_and_the_nation_takes_escalated_cases() {
        let qz = actor(Role::ProvincialOfficer, Some("IR-26"));
        assert!(authorize_triage(&qz, "IR-26", "province").is_ok());
        assert!(authorize_triage(&qz, "IR-30", "province").is_err());
        assert!(authorize_triage(&qz, "IR-26", "national").is_err());
        let nat = actor(Role::NationalAdmin, None);
        assert!(authorize_triage(&nat, "IR-26", "national").is_ok());
        assert!(authorize_triage(&nat, "IR-26", "province").is_err());
    }

    fn org(kind: OrganisationKind, province: Option<&str>) -> OrgFacts {
        OrgFacts {
            id: 7,
            kind: Some(kind),
            province: province.map(str::to_owned),
            country: "IR".into(),
        }
    }

    #[test]
    fn a_province_names_only_its_own_agencies_and_the_nation_any_agency() {
        use OrganisationKind::*;
        let qz = actor(Role::ProvincialOfficer, Some("IR-26"));
        let nat = actor(Role::NationalAdmin, None);
        let here = Desk::Province("IR-26");
        assert!(may_name(&qz, here, &org(Agency, Some("IR-26"))).is_ok());
        for other in [
            org(Agency, Some("IR-30")),
            org(Agency, Some("VN-37")),
            org(Agency, None),
            org(ProductionUnit, Some("IR-26")),
            org(Lab, Some("IR-26")),
            org(ProvincialOffice, Some("IR-26")),
            org(NationalBody, None),
        ] {
            assert!(may_name(&qz, here, &other).is_err(), "{other:?}");
        }
        let unknown = OrgFacts {
            kind: None,
            ..org(Agency, Some("IR-26"))
        };
        assert!(may_name(&qz, here, &unknown).is_err());
        // Not the keeper of the desk: another province, the national level, other roles.
        let ab = actor(Role::ProvincialOfficer, Some("IR-30"));
        assert!(may_name(&ab, here, &org(Agency, Some("IR-26"))).is_err());
        assert!(may_name(&qz, Desk::National, &org(Agency, Some("IR-26"))).is_err());
        for role in [
            Role::Inspector,
            Role::AgencyOfficer,
            Role::UnitUser,
            Role::LabUser,
        ] {
            let a = actor(role, Some("IR-26"));
            assert!(
                may_name(&a, here, &org(Agency, Some("IR-26"))).is_err(),
                "{role:?}"
            );
        }
        assert!(may_name(&nat, here, &org(Agency, Some("IR-26"))).is_err());
        for any in [
            org(Agency, Some("IR-30")),
            org(Agency, Some("VN-37")),
            org(Agency, None),
        ] {
            assert!(may_name(&nat, Desk::National, &any).is_ok());
        }
        assert!(may_name(&nat, Desk::National, &org(ProductionUnit, Some("IR-26"))).is_err());
        assert!(may_name(&nat, Desk::National, &org(NationalBody, None)).is_err());
    }

    #[test]
    fn an_agency_follows_up_only_its_own_resolutions() {
        let tax = actor(Role::AgencyOfficer, Some("IR-26"));
        assert!(authorize_follow_up(&tax, 9).is_ok());
        assert!(authorize_follow_up(&tax, 10).is_err());
        assert!(authorize_follow_up(&actor(Role::ProvincialOfficer, Some("IR-26")), 9).is_err());
    }
}
